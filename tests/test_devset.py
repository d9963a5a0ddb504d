"""The development corpus of real news (benchmarks/devset/) and its scoring script.

The committed records are checked as they are (the texts are not in git); the script is run
end to end on a small corpus of sentences written for these tests, built the way the real one
is (texts cut from a saved search answer, sha256, offsets)."""
from __future__ import annotations

import hashlib
import importlib.util
import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from stancegraph.codebook import load_codebook

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "benchmarks" / "devset"
RESERVED = ("rks.news", "pulsereport.us", "charm-retirement.com", "gapim.uz", "londonnewsnetwork.com",
            "pravda.ru", "topnews.com", "cnmnewz.com", "rt.com", "hanna-ai.com", "accessarticlenow.com",
            "americanfaith.com", "mooo.com", "brusselstimes.com", "babel.ua")


def load_script():
    spec = importlib.util.spec_from_file_location("devset_script", ROOT / "benchmarks" / "devset.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


devset = load_script()
SOURCES = devset.load_sources()
GOLD = [json.loads(line) for line in (DEVSET / "gold.jsonl").read_text(encoding="utf-8").splitlines()]


# --- the committed corpus ------------------------------------------------------------------
def test_corpus_size_outlets_and_spread():
    assert len(SOURCES) >= 40
    assert len({s["outlet"] for s in SOURCES}) >= 15
    assert len({s["id"] for s in SOURCES}) == len(SOURCES)
    months = {s["date"][:7] for s in SOURCES}
    assert len({m for m in months if m.startswith("2025")}) >= 8


def test_no_reserved_domain():
    for s in SOURCES:
        host = urlparse(s["url"]).hostname
        assert not any(host == d or host.endswith("." + d) for d in RESERVED), s["url"]


def test_split_follows_the_recorded_rule_and_is_a_third():
    def h(doc_id):
        return hashlib.sha256(doc_id.encode()).hexdigest()

    batches = sorted({s["batch"] for s in SOURCES})
    assert batches[0] == 1
    first = [s for s in SOURCES if s["batch"] == 1]
    for s in first:
        assert s["split"] == ("test" if int(h(s["id"]), 16) % 3 == 0 else "dev"), s["id"]
    seen = list(first)
    for batch in batches[1:]:
        docs = sorted((s for s in SOURCES if s["batch"] == batch), key=lambda s: h(s["id"]))
        k = round((len(seen) + len(docs)) / 3) - sum(s["split"] == "test" for s in seen)
        assert [s["split"] for s in docs] == ["test"] * k + ["dev"] * (len(docs) - k)
        seen += docs
    assert round(len(SOURCES) / 3) == sum(s["split"] == "test" for s in SOURCES)


def test_sources_say_how_to_cut_each_text():
    for s in SOURCES:
        cut = s["cut"]
        assert 0 <= cut["start"] < cut["end"] <= cut["excerpt_chars"]
        assert s["chars"] == cut["end"] - cut["start"]
        assert re.fullmatch(r"[0-9a-f]{64}", s["sha256"])
        assert s["query"] and s["url"].startswith("http")


def test_gold_uses_offsets_not_copied_text_and_codebook_ids():
    book = load_codebook()
    by_id = {s["id"]: s for s in SOURCES}
    assert len(GOLD) >= 300
    for g in GOLD:
        assert set(g) == {"doc", "actor", "polarity", "topic", "required", "start", "end"}, g
        assert g["doc"] in by_id
        assert 0 <= g["start"] < g["end"] <= by_id[g["doc"]]["chars"]
        assert g["polarity"] in ("support", "oppose") and isinstance(g["required"], bool)
        assert g["topic"] in book.topics, g["topic"]
        # an actor is a codebook id, or a name as the text gives it (capitalised)
        assert g["actor"] in book.actors or not g["actor"][0].islower(), g["actor"]  # a name, in any script
    assert {g["doc"] for g in GOLD} == set(by_id)


def test_texts_present_fit_their_gold_offsets():
    present = [s for s in SOURCES if devset.text_status(s) == "ok"]
    if not present:
        pytest.skip("no devset texts here (benchmarks/devset/README.md says how to bring them back)")
    for s in present:
        text = (DEVSET / "texts" / f"{s['id']}.txt").read_text(encoding="utf-8")
        for g in (g for g in GOLD if g["doc"] == s["id"]):
            span = text[g["start"]:g["end"]]
            assert span == span.strip() and len(span.split()) >= 3, (s["id"], span)


# --- the script, on a corpus written for the test --------------------------------------------
TEXT_A = ("Kyiv, 3 March. President Zelenskyy said Ukraine will never give up its territory. "
          "Russia demanded that Ukraine abandon its bid to join NATO.")
TEXT_B = "Chancellor Merz said Germany supports the use of frozen Russian assets for Ukraine."


def make_corpus(tmp_path: Path, texts: dict[str, str], splits: dict[str, str]) -> Path:
    """A devset folder in tmp_path: each text is the cut [8:-4] of a fake search excerpt."""
    root = tmp_path / "devset"
    (root / "texts").mkdir(parents=True)
    docs, answers = [], {}
    for doc_id, text in texts.items():
        excerpt = "Headline" + text + "Ads."
        url = f"https://news.example/{doc_id}"
        answers[doc_id] = {"query": "q", "results": [{"rank": 1, "url": url, "excerpt": excerpt}]}
        docs.append({"id": doc_id, "url": url, "query": "q", "outlet": "Example", "date": "2025-03-03",
                     "cut": {"from": "search excerpt", "start": 8, "end": 8 + len(text),
                             "excerpt_chars": len(excerpt)},
                     "chars": len(text), "sha256": hashlib.sha256(text.encode()).hexdigest(),
                     "split": splits[doc_id]})
    (root / "sources.json").write_text(json.dumps({"documents": docs}), encoding="utf-8")
    for doc_id, answer in answers.items():
        (tmp_path / f"{doc_id}.json").write_text(json.dumps(answer), encoding="utf-8")
    return root


def gold_line(doc: str, text: str, part: str, actor: str, polarity: str, topic: str, required=True) -> str:
    start = text.index(part)
    return json.dumps({"doc": doc, "actor": actor, "polarity": polarity, "topic": topic,
                       "required": required, "start": start, "end": start + len(part)})


def test_restore_writes_the_text_only_when_its_sha256_matches(tmp_path, capsys):
    root = make_corpus(tmp_path, {"a1": TEXT_A}, {"a1": "dev"})
    assert devset.check(root) == 1
    assert "missing  dev   a1" in capsys.readouterr().out

    assert devset.restore("a1", tmp_path / "a1.json", root) == 0
    assert (root / "texts" / "a1.txt").read_text(encoding="utf-8") == TEXT_A
    assert devset.check(root) == 0

    (root / "texts" / "a1.txt").unlink()
    changed = json.loads((tmp_path / "a1.json").read_text())
    changed["results"][0]["excerpt"] = changed["results"][0]["excerpt"].replace("never", "not")
    (tmp_path / "b.json").write_text(json.dumps(changed))
    assert devset.restore("a1", tmp_path / "b.json", root) == 1
    assert not (root / "texts" / "a1.txt").exists()
    assert "nothing written" in capsys.readouterr().err

    (tmp_path / "c.json").write_text(json.dumps({"results": [{"url": "https://other", "excerpt": "x"}]}))
    assert devset.restore("a1", tmp_path / "c.json", root) == 1
    assert devset.restore("zz", tmp_path / "a1.json", root) == 2
    # the bare excerpt (as a JSON string or plain text) works too
    excerpt = json.loads((tmp_path / "a1.json").read_text())["results"][0]["excerpt"]
    (tmp_path / "d.txt").write_text(excerpt, encoding="utf-8")
    assert devset.restore("a1", tmp_path / "d.txt", root) == 0
    (tmp_path / "e.json").write_text(json.dumps({"excerpt": excerpt}), encoding="utf-8")  # one result kept
    assert devset.restore("a1", tmp_path / "e.json", root) == 0


def test_a_changed_text_is_not_scored(tmp_path, capsys):
    root = make_corpus(tmp_path, {"a1": TEXT_A}, {"a1": "dev"})
    (root / "gold.jsonl").write_text("")
    (root / "texts" / "a1.txt").write_text(TEXT_A + " One more sentence.", encoding="utf-8")
    assert devset.text_status(devset.load_sources(root)[0], root) == "changed"
    assert devset.run("all", root=root) == 1
    err = capsys.readouterr().err
    assert "a1 (changed)" in err and "no dev/test text present" in err


@pytest.mark.model
def test_run_scores_each_split_and_ends_with_the_summary(tmp_path, capsys):
    root = make_corpus(tmp_path, {"a1": TEXT_A, "b1": TEXT_B}, {"a1": "dev", "b1": "test"})
    for doc in ("a1", "b1"):
        assert devset.restore(doc, tmp_path / f"{doc}.json", root) == 0
    (root / "gold.jsonl").write_text("\n".join([
        gold_line("a1", TEXT_A, "Ukraine will never give up its territory", "zelenskyy", "oppose",
                  "territorial_concessions"),
        gold_line("a1", TEXT_A, "Russia demanded that Ukraine abandon its bid to join NATO", "russia",
                  "oppose", "nato_membership"),
        gold_line("b1", TEXT_B, "Germany supports the use of frozen Russian assets", "merz", "support",
                  "frozen_assets"),
    ]) + "\n")
    capsys.readouterr()
    assert devset.run("all", root=root) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert "0 from the cache" in lines[0]
    assert any(line.startswith("reliability") for line in lines)
    assert any(line.startswith(">= 0.7") for line in lines)
    last = lines[-4:]
    assert [line.split()[0] for line in last] == ["dev", "test", "all", "F1"]
    assert "1 docs, 2 required" in last[0] and "1 docs, 1 required" in last[1]
    assert re.match(r"F1 strict dev=\d\.\d{3} test=\d\.\d{3} all=\d\.\d{3} \(2/2 texts", last[3])

    # unchanged code and texts: the second run reads the cache and prints the same figures
    assert devset.run("all", root=root) == 0
    again = capsys.readouterr().out.strip().splitlines()
    assert "2 from the cache" in again[0]
    assert again[-4:-1] == last[:-1]

    # only the dev half, with its errors listed; the test half is not scored
    assert devset.run("dev", show_errors=True, root=root) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert "--- dev: false positives (strict)" in out
    assert not any(line.startswith("--- test") for line in out)
    assert out[-3].startswith("test  not scored (--split dev)")


@pytest.mark.model
def test_a_spent_budget_scores_the_texts_done_and_the_next_run_goes_on(tmp_path, capsys, monkeypatch):
    root = make_corpus(tmp_path, {"a1": TEXT_A, "b1": TEXT_B}, {"a1": "dev", "b1": "test"})
    for doc in ("a1", "b1"):
        assert devset.restore(doc, tmp_path / f"{doc}.json", root) == 0
    (root / "gold.jsonl").write_text(gold_line("a1", TEXT_A, "Ukraine will never give up its territory",
                                               "zelenskyy", "oppose", "territorial_concessions") + "\n"
                                     + gold_line("b1", TEXT_B, "Germany supports the use of frozen Russian assets",
                                                 "merz", "support", "frozen_assets") + "\n")
    monkeypatch.setattr(devset, "CHUNK", 1)
    capsys.readouterr()
    assert devset.run("all", root=root, budget=1e-9) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert "(1/2 texts" in last and "partial: the 0 s budget was spent" in last
    assert devset.run("all", root=root, budget=1e-9) == 0  # the first text comes from the cache
    out = capsys.readouterr().out.strip().splitlines()
    assert "1 from the cache" in out[0] and "(2/2 texts" in out[-1] and "partial" not in out[-1]


def test_batch_option_takes_a_list_and_refuses_anything_else(capsys):
    devset = load_script()
    assert devset._batches("3") == {3} and devset._batches("1,2") == {1, 2}
    with pytest.raises(SystemExit):
        devset.main(["--batch", "three"])
    assert "not a batch number" in capsys.readouterr().err
    assert devset.main(["--batch", "99"]) == 1
    assert "no document of batch 99" in capsys.readouterr().err
