"""A running ``stancegraph serve`` on a free loopback port, over a store of the toy documents."""
from __future__ import annotations

import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

TOKEN = "s3cret-token"


@dataclass
class Server:
    url: str
    store: Path
    process: subprocess.Popen

    @property
    def endpoint(self) -> str:
        return self.url + "sparql"


def start_server(store: Path, *options: str) -> Server:
    cmd = [sys.executable, "-c", "from stancegraph.cli import main; main()", "serve", "--store", str(store),
           "--port", "0", *options]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    deadline = time.monotonic() + 60
    line = ""
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        found = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
        if found:
            return Server(found[1], store, proc)
        if not line and proc.poll() is not None:
            break
    proc.kill()
    raise RuntimeError(f"server did not start: {line}{proc.stderr.read() if proc.stderr else ''}")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(10)


def toy_store(path: Path) -> Path:
    from stancegraph.codebook import load_codebook
    from stancegraph.rdf.store import StanceStore

    from conftest import make_toy_items

    codebook = load_codebook()
    with StanceStore.open(path) as store:
        store.replace_documents(make_toy_items(codebook), codebook)
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """Read-only, 5 s time limit (the map takes over 1 s on a busy machine), 50 rows at most, 2 s to send a request."""
    store = toy_store(tmp_path_factory.mktemp("serve") / "store")
    srv = start_server(store, "--timeout", "5", "--max-rows", "50", "--workers", "2", "--read-timeout", "2")
    yield srv
    stop_server(srv)


@pytest.fixture
def writable_server(tmp_path):
    srv = start_server(toy_store(tmp_path / "store"), "--allow-update", "--token", TOKEN)
    yield srv
    stop_server(srv)
