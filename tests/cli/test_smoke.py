"""What a new machine must do: read one article of each input kind through the CLI and get
stances from each (the HTML path needs lxml's cleaner, a separate package since lxml 5.2)."""
from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.model

HTML = """<!doctype html><html><head><title>Talks resume</title>
<meta property="article:published_time" content="2025-04-02"></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Talks resume in Istanbul</h1>
<p>Delegations met again on Wednesday for a second round of talks in the Turkish city.</p>
<p>Russia rejected a full ceasefire on Wednesday, officials said after the meeting.</p>
<p>The two sides agreed to meet again next month, according to the Turkish hosts.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>"""
TEXT = "Ukraine on Friday welcomed new security guarantees offered by its European partners.\n"
JSONL = {"id": "wire-1", "date": "2025-05-03", "source": "Wire",
         "text": "Zelenskyy said Ukraine will never accept territorial concessions."}


def test_build_reads_html_txt_and_jsonl_and_finds_stances_in_each(cli, write_file, tmp_path):
    write_file("in/talks.html", HTML)
    write_file("in/guarantees.txt", TEXT)
    write_file("in/wire.jsonl", json.dumps(JSONL) + "\n")
    run = cli("build", tmp_path / "in", "--out", tmp_path / "out")
    assert run.exit_code == 0, run.stderr
    assert "3 documents read: 3 extracted" in run.stdout
    rows = [json.loads(line) for line in (tmp_path / "out" / "stances.jsonl").read_text().splitlines()]
    found = {(r["doc"], r["actor_id"], r["polarity"], r["topic"]) for r in rows}
    assert ("talks", "russia", "oppose", "ceasefire") in found
    assert ("guarantees", "ukraine", "support", "security_guarantees") in found
    assert ("wire-1", "zelenskyy", "oppose", "territorial_concessions") in found
    talks = [r for r in rows if r["doc"] == "talks"]
    assert all("Subscribe" not in r["evidence"] and "Home" not in r["evidence"] for r in talks)
