"""Corrections that teach: lessons learned from review decisions, applied to every later build.

:mod:`.model` (what a lesson is), :mod:`.learn` (from decisions), :mod:`.apply` (in an
extraction), :mod:`.storage` (in a store and in files).
"""
from .apply import codebook_with, rescore
from .model import Lesson, Lessons, merge
from .storage import LessonsError, drop_lesson, read_lessons, store_lessons, write_lessons

__all__ = ["Lesson", "Lessons", "LessonsError", "codebook_with", "drop_lesson", "merge", "read_lessons", "rescore",
           "store_lessons", "write_lessons"]
