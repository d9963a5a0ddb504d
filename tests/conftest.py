"""Fixtures shared by all tests: frozen inputs from tests/data and small hand-built records."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from stancegraph.codebook import Codebook, load_codebook
from stancegraph.types import Document, Polarity, Stance

DATA = Path(__file__).parent / "data"

SAMPLE_TEXT = (
    "Kyiv, 2 March. President Zelenskyy said Ukraine will never give up territory. "
    "Turkish President Recep Tayyip Erdoğan backed a truce along the front line. "
    "The EU welcomed the new 20-point plan drafted in Geneva."
)


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def mini_codebook() -> Codebook:
    """tests/data/codebook-mini.ttl: topics ceasefire, territorial_concessions; actors
    zelenskyy (person), ukraine (state), eu (organization)."""
    return load_codebook(DATA / "codebook-mini.ttl")


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


@pytest.fixture
def sample_doc() -> Document:
    return make_sample_doc()


@pytest.fixture
def sample_stances(sample_doc) -> list[Stance]:
    return make_sample_stances(sample_doc)


def make_sample_doc() -> Document:
    return Document(id="sample-001", text=SAMPLE_TEXT, title="Leaders weigh a truce",
                    date="2025-03-02", url="https://example.org/news/1", source="Example News")


def make_sample_stances(sample_doc: Document) -> list[Stance]:
    """Three stances on ``sample_doc``: a codebook actor on a codebook topic, an actor the
    codebook does not know, and an unclassified (candidate) topic."""
    text = sample_doc.text
    ev1 = "President Zelenskyy said Ukraine will never give up territory."
    ev2 = "Turkish President Recep Tayyip Erdoğan backed a truce along the front line."
    ev3 = "The EU welcomed the new 20-point plan drafted in Geneva."
    common = dict(doc_id=sample_doc.id, extractor="stancegraph.rules.v1")
    return [
        Stance(actor="Volodymyr Zelenskyy", actor_id="zelenskyy", actor_kind="person",
               polarity=Polarity.OPPOSE, topic="territorial_concessions",
               topic_label="Territorial concessions", evidence=ev1, start=span(text, ev1)[0],
               end=span(text, ev1)[1], confidence=0.85, cue="never give up",
               phrase="territory", mention="President Zelenskyy", **common),
        Stance(actor="Recep Tayyip Erdoğan", actor_id="recep_tayyip_erdogan", actor_kind="person",
               polarity=Polarity.SUPPORT, topic="ceasefire", topic_label="Ceasefire",
               evidence=ev2, start=span(text, ev2)[0], end=span(text, ev2)[1], confidence=0.7,
               cue="backed", phrase="a truce", mention="Turkish President Recep Tayyip Erdoğan",
               **common),
        Stance(actor="European Union", actor_id="eu", actor_kind="organization",
               polarity=Polarity.SUPPORT, topic=None, topic_label="the new 20-point plan",
               evidence=ev3, start=span(text, ev3)[0], end=span(text, ev3)[1], confidence=0.6,
               cue="welcomed", phrase="the new 20-point plan", mention="The EU", **common),
    ]


@pytest.fixture
def write_file(tmp_path):
    """``write_file(name, content)``: write ``content`` (str as UTF-8, or bytes) to
    ``tmp_path / name``, making folders as needed, and return the path."""

    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return write


# --- headless Chromium (tests marked "browser") -------------------------------------------
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    # Every host name fails to resolve: a page that needs the network cannot finish.
    "--host-resolver-rules=MAP * ~NOTFOUND",
]


@pytest.fixture
def chromium(tmp_path):
    """``dump_dom(page, budget_ms=5000) -> str``: open a local page in headless Chromium with
    no network, let ``budget_ms`` of virtual time pass, return the DOM as serialised then.
    Skips the test when /usr/bin/chromium is missing (``apt-get install chromium``)."""
    import subprocess

    if not CHROMIUM.exists():
        pytest.skip("needs headless Chromium at /usr/bin/chromium (apt-get install chromium)")
    runs = iter(range(1_000_000))

    def dump_dom(page: Path, budget_ms: int = 5000, until: str | None = None) -> str:
        """With ``until``, run again with twice the budget (up to three runs) while that text
        is missing from the DOM: on a busy machine the first frame can miss the budget."""
        for attempt in range(3 if until else 1):
            profile = tmp_path / f"chromium-profile-{next(runs)}"
            cmd = [str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                   f"--virtual-time-budget={budget_ms << attempt}", "--dump-dom", Path(page).resolve().as_uri()]
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
            assert done.returncode == 0, f"chromium failed ({done.returncode}): {done.stderr[-2000:]}"
            if until is None or until in done.stdout:
                break
        return done.stdout

    return dump_dom


# --- the whole pipeline on seeds/ (tests marked "model") -----------------------------------
ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"


@dataclass(frozen=True)
class CliRun:
    """What a command printed and returned (typer's CliRunner keeps stdout and stderr apart)."""

    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None = None


def run_cli(*args: str) -> CliRun:
    """Run ``stancegraph ARGS...`` in this process with typer's CliRunner."""
    from stancegraph.cli import app
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, [str(a) for a in args])
    exc = None if isinstance(result.exception, SystemExit) else result.exception
    return CliRun(result.exit_code, result.stdout, result.stderr, exc)


@dataclass(frozen=True)
class SeedsBuild:
    run: CliRun  # of ``stancegraph build seeds/ --out OUT``
    out: Path

    @property
    def store(self) -> Path:
        return self.out / "store"


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory) -> SeedsBuild:
    """``stancegraph build seeds/ --out OUT`` run once per session: loads the model and parses
    the seeds (a few seconds). Treat OUT as read-only; copy it to change it."""
    out = tmp_path_factory.mktemp("seeds-build") / "out"
    return SeedsBuild(run_cli("build", SEEDS, "--out", out), out)


@pytest.fixture
def cli():
    """``cli("build", path, "--out", out) -> CliRun``: run a stancegraph command in process."""
    return run_cli


@pytest.fixture(scope="session")
def rule_extractor():
    """The default rule-based extractor, built once per session (loads the spaCy model)."""
    from stancegraph.extract import create

    return create("stancegraph.rules.v1")


@pytest.fixture
def stances_of(rule_extractor):
    """``stances_of(text) -> list[Stance]`` for a short article written in the test."""
    from stancegraph.types import Document

    def run(text: str, doc_id: str = "t"):
        return rule_extractor.extract_one(Document(id=doc_id, text=text))

    return run


# --- a small hand-made store for queries and networks (no model needed) -------------------
TOY_DOCS = {
    # id: (date, source, [(actor_id, polarity, topic, sentence, confidence)])
    "toy-1": ("2025-03-01", "Wire A", [
        ("russia", "oppose", "ceasefire", "Russia rejected the ceasefire.", 0.9),
        ("ukraine", "support", "ceasefire", "Ukraine backed the ceasefire.", 0.8),
        ("zelenskyy", "oppose", "territorial_concessions", "Zelenskyy refused territorial concessions.", 0.85),
    ]),
    "toy-2": ("2025-03-05", "Wire B", [
        ("ukraine", "oppose", "territorial_concessions", "Ukraine ruled out territorial concessions.", 0.7),
        ("trump", "support", "territorial_concessions", "Trump urged territorial concessions.", 0.6),
        ("russia", "support", "ceasefire", "Russia now accepts a ceasefire.", 0.5),
    ]),
    "toy-3": (None, None, [
        ("recep_tayyip_erdogan", "support", "ceasefire", "Erdogan backed a truce.", 0.75),
        ("europe", "support", None, "European leaders welcomed the new 20-point plan.", 0.6),
    ]),
}


def make_toy_items(codebook) -> list[tuple[Document, list[Stance]]]:
    """The documents and stances of TOY_DOCS, for ``StanceStore.replace_documents``.

    Actors are of the default codebook except ``recep_tayyip_erdogan`` (unknown to it); the
    ``europe`` stance has a candidate topic ("the new 20-point plan")."""
    items = []
    for doc_id, (date, source, rows) in TOY_DOCS.items():
        text = " ".join(r[3] for r in rows)
        doc = Document(id=doc_id, text=text, title=f"Toy {doc_id}", date=date, source=source)
        stances = []
        for actor_id, polarity, topic, sentence, confidence in rows:
            known = codebook.actors.get(actor_id)
            start, end = span(text, sentence)
            phrase = "the new 20-point plan" if topic is None else ""
            stances.append(Stance(
                doc_id=doc_id, actor=known.label if known else "Recep Tayyip Erdoğan", actor_id=actor_id,
                actor_kind=known.kind if known else "person", polarity=Polarity(polarity), topic=topic,
                topic_label=codebook.topics[topic].label if topic else phrase, evidence=sentence,
                start=start, end=end, confidence=confidence, extractor="stancegraph.rules.v1",
                cue=sentence.split()[1], phrase=phrase))
        items.append((doc, stances))
    return items


@pytest.fixture(scope="module")
def toy_store():
    """An in-memory StanceStore holding TOY_DOCS with the default codebook, built once per
    test module: read it, do not write to it."""
    from stancegraph.rdf.store import StanceStore

    codebook = load_codebook()
    with StanceStore.open(None) as store:
        store.replace_documents(make_toy_items(codebook), codebook)
        yield store


@pytest.fixture
def toy_store_dir(tmp_path) -> Path:
    """A store folder on disk holding TOY_DOCS (closed, so a command can open it)."""
    from stancegraph.rdf.store import StanceStore

    codebook = load_codebook()
    path = tmp_path / "store"
    with StanceStore.open(path) as store:
        store.replace_documents(make_toy_items(codebook), codebook)
    return path


# --- headless Chromium driven over the DevTools protocol (tests marked "browser") ----------
class BrowserPage:
    """One tab of a headless Chromium driven over ``--remote-debugging-pipe``: ``goto(url)``,
    ``eval(js)`` (the value of an expression, promises awaited), ``wait(js)`` (until it is
    truthy). Evaluation is DevTools', so it runs whatever the page's CSP says; the pages
    themselves are not changed. Real time, not virtual: ``wait`` polls up to ``timeout`` s."""

    def __init__(self, profile: Path, width: int = 1280, height: int = 900):
        import os
        import subprocess

        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def fds():  # the pipe protocol: Chromium reads fd 3, writes fd 4
            a, b = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [str(CHROMIUM), *CHROMIUM_FLAGS[:-1], "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
             f"--user-data-dir={profile}", "--remote-debugging-pipe", f"--window-size={width},{height}",
             "about:blank"],
            preexec_fn=fds, pass_fds=(3, 4), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self._buffer, self._next = b"", 0
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=width, height=height,
                  deviceScaleFactor=1, mobile=False)

    def call(self, method: str, session: bool = False, **params):
        import json
        import os

        self._next += 1
        message = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self._buffer:
                chunk = os.read(self._from_child, 1 << 16)
                if not chunk:
                    raise RuntimeError("chromium closed the DevTools pipe")
                self._buffer += chunk
            raw, self._buffer = self._buffer.split(b"\0", 1)
            answer = json.loads(raw)
            if answer.get("id") == self._next:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer["result"]

    def goto(self, url: str) -> None:
        self.call("Page.navigate", session=True, url=url)

    def eval(self, expression: str):
        result = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:80]}...: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait(self, expression: str, timeout: float = 90):
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                value = self.eval(expression)
            except RuntimeError:
                value = None
            if value:
                return value
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for: {expression}")

    def screenshot(self, path: Path) -> Path:
        import base64

        data = self.call("Page.captureScreenshot", session=True, format="png", captureBeyondViewport=False)["data"]
        Path(path).write_bytes(base64.b64decode(data))
        return Path(path)

    def close(self) -> None:
        import os

        try:
            self.call("Browser.close")
        except (RuntimeError, OSError):
            pass
        try:
            self.proc.wait(15)
        except Exception:  # noqa: BLE001
            self.proc.kill()
            self.proc.wait(15)
        os.close(self._to_child)
        os.close(self._from_child)


@pytest.fixture
def browser(tmp_path):
    """A :class:`BrowserPage` (closed after the test); skips without /usr/bin/chromium."""
    if not CHROMIUM.exists():
        pytest.skip("needs headless Chromium at /usr/bin/chromium (apt-get install chromium)")
    page = BrowserPage(tmp_path / "chromium-cdp-profile")
    yield page
    page.close()
