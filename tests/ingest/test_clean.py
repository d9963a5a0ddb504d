"""Boilerplate and repeats out, headings kept on their own lines, offsets meaningful."""
from __future__ import annotations

import doctest

import pytest

from stancegraph.ingest import clean, dates, files
from stancegraph.ingest.clean import clean_text, guess_title, is_boilerplate

PAGE = """\
Jump to navigation
Harbour board rejects ferry cuts

Harbour board rejects ferry cuts
The harbour board of Eastmouth voted against the proposed ferry cuts on Friday.
Advertisement
Read next:
Ferry timetable
The chair said the night service must stay, and the union welcomed the vote.
Post a comment
Subscribe for daily updates...
Voices (4)
(12)
We use cookies to give you the best experience. By clicking Accept you consent to our cookie policy.
Frequently asked questions
This article does not have any previous versions.
© 2031 Eastmouth Courier
Ferry timetable
"""


def test_boilerplate_lines_are_removed_and_article_lines_kept():
    assert clean_text(PAGE).split("\n") == [
        "Harbour board rejects ferry cuts",
        "",
        "The harbour board of Eastmouth voted against the proposed ferry cuts on Friday.",
        "Ferry timetable",
        "The chair said the night service must stay, and the union welcomed the vote.",
    ]


def test_repeated_headline_keeps_first_occurrence_only():
    text = "Tram plan approved\nTram plan approved\nThe council approved the tram.\nTram plan approved\n"
    assert clean_text(text) == "Tram plan approved\nThe council approved the tram."


def test_repeated_paragraph_is_dropped():
    para = "The mayor said she supports the tram line."
    assert clean_text(f"{para}\n\nShe spoke on Monday.\n\n{para}") == f"{para}\n\nShe spoke on Monday."


def test_crlf_and_blank_runs_are_normalised():
    text = "\r\n\r\nFirst paragraph.\r\n\r\n\r\n\r\nSecond paragraph.\r\n  \r\n"
    assert clean_text(text) == "First paragraph.\n\nSecond paragraph."


def test_heading_without_punctuation_stays_on_its_own_line():
    text = "The plan was tabled.\nBudget Concerns\nCritics opposed the cost."
    cleaned = clean_text(text)
    assert "Budget Concerns\n" in cleaned
    assert cleaned.index("Critics") == cleaned.index("Budget Concerns") + len("Budget Concerns\n")


def test_offsets_index_the_cleaned_text():
    cleaned = clean_text("Share on X\r\nThe union opposed the merger.\r\nLatest stories\r\nIt will strike.")
    start = cleaned.index("It will strike.")
    assert cleaned[start:start + 15] == "It will strike."
    assert "\r" not in cleaned


@pytest.mark.parametrize("line", [
    "Skip to main content", "Leave a comment", "Read more »", "Read also:", "Latest", "Trending now",
    "Share this article", "Tweet", "Sponsored content", "Subscribe to the Courier newsletter",
    "Sign up now", "FAQ", "History", "Regions (3)", "(250)", "All rights reserved.",
    "Photo: Eastmouth Courier", "4 min read", "* * *", "—",
    "This site uses cookies to analyse traffic and personalise adverts for every visitor who comes by.",
])
def test_is_boilerplate(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "Budget Concerns",
    "The union said it would share the findings with members.",
    "Subscribers to the service oppose the new fees, the survey found.",
    "Readers wrote in to support the harbour board.",
    "The history of the ferry goes back to 1850.",
    "Latest figures show support for the tram line rising to 61 percent among residents.",
    "Regulators said websites must ask before they set tracking files.",
])
def test_is_not_boilerplate(line):
    assert not is_boilerplate(line)


@pytest.mark.parametrize("text, title", [
    ("Harbour board rejects ferry cuts\nThe board voted.", "Harbour board rejects ferry cuts"),
    ("Will the tram ever run?\nNobody knows.", "Will the tram ever run?"),
    ("The board voted on Friday.\nIt was close.", None),
    ("Overview\nThe board voted.", None),                       # too short for a headline
    ("Harbour board rejects ferry cuts", None),                  # nothing after it
    ("Harbour board said this:\nNo.", None),
    (" ".join(["word"] * 30) + "\nMore text.", None),            # too long
])
def test_guess_title(text, title):
    assert guess_title(text) == title


@pytest.mark.parametrize("module", [clean, dates, files])
def test_doctests(module):
    result = doctest.testmod(module)
    assert result.attempted and not result.failed
