"""A page of another site, open in a real headless Chromium, tries every way a page can send a
request to the local server (image, script, fetch GET and POST, a submitted form): none of them
may run a query. Control: the same page does run queries when the cross-site check is taken out."""
from __future__ import annotations

import functools
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from stancegraph.serve import http as serve_http
from stancegraph.serve import make_server

from conftest import CHROMIUM

from .conftest import toy_store

pytestmark = pytest.mark.browser
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync",
         # nothing outside this machine; localhost and 127.0.0.1 stay reachable
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"]

ATTACK = """<!doctype html><html><head><title>attack</title></head><body>
<img src="{sparql}?query=SELECT%20*%20%7B%3Fs%20%3Fp%20%3Fo%7D%20%23img">
<script src="{base}api/named/stances-of-actor?actor=russia"></script>
<iframe name="sink"></iframe>
<form id="f" method="POST" action="{sparql}" target="sink"><input name="query" value="ASK {{ ?s ?p ?o }} #form"></form>
<script>
fetch("{sparql}?query=" + encodeURIComponent("ASK {{}} #fetch-get"), {{mode: "no-cors"}}).catch(() => {{}});
fetch("{sparql}", {{method: "POST", mode: "no-cors", headers: {{"Content-Type": "application/x-www-form-urlencoded"}},
       body: "query=" + encodeURIComponent("ASK {{}} #fetch-post")}}).catch(() => {{}});
fetch("{sparql}", {{method: "POST", mode: "no-cors", headers: {{"Content-Type": "text/plain"}},
       body: "query=ASK%7B%7D"}}).catch(() => {{}});
document.getElementById("f").submit();
</script></body></html>"""


@pytest.fixture
def recording_server(tmp_path):
    """An in-process ``serve`` over the toy store whose worker pool records every job it runs."""
    if not CHROMIUM.exists():
        pytest.skip("needs headless Chromium at /usr/bin/chromium (apt-get install chromium)")
    server = make_server(toy_store(tmp_path / "store"), port=0, workers=1, timeout=20)
    jobs, run = [], server.pool.run
    server.pool.run = lambda job, timeout: (jobs.append(job), run(job, timeout))[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", jobs
    server.shutdown()
    server.server_close()


@pytest.fixture
def attacker_site(tmp_path, recording_server):
    """The attack page served from http://localhost:PORT/ (another site than 127.0.0.1)."""
    base, _ = recording_server
    site = tmp_path / "site"
    site.mkdir()
    (site / "attack.html").write_text(ATTACK.format(base=base, sparql=base + "sparql"), encoding="utf-8")
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://localhost:{httpd.server_address[1]}/attack.html"
    httpd.shutdown()
    httpd.server_close()


def open_in_chromium(url: str, tmp_path, timeout: float = 180) -> str | None:
    """The DOM after 8 s of virtual time; ``None`` when Chromium had to be killed at ``timeout``
    (headless Chromium waits on answers it would download, such as SPARQL JSON)."""
    try:
        done = subprocess.run([str(CHROMIUM), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
                               "--virtual-time-budget=8000", "--dump-dom", url],
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_a_page_of_another_site_cannot_run_queries(recording_server, attacker_site, tmp_path):
    _, jobs = recording_server
    assert "<title>attack</title>" in open_in_chromium(attacker_site, tmp_path)
    assert jobs == []


def test_control_without_the_check_the_same_page_runs_queries(recording_server, attacker_site, tmp_path,
                                                               monkeypatch):
    _, jobs = recording_server
    monkeypatch.setattr(serve_http, "cross_site", lambda headers: None)
    open_in_chromium(attacker_site, tmp_path, timeout=45)
    assert len(jobs) >= 3  # the attack works against an unchecked server: the test above can fail
