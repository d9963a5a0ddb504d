"""Screenshots of every view at seed scale, for the README: ``python docs/screenshots.py``.

Builds the five seed articles into a temporary folder, draws the stance map (both layouts), the
congruence network, the position matrix and a document view with ``stancegraph viz``, starts
``stancegraph serve`` on a free loopback port for the query page, and photographs each page with
headless Chromium (``/usr/bin/chromium``, no network but that server) into ``docs/img/``.
Needs the spaCy model (see the README's first line).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
SIZE = (1280, 820)


def shoot(url: str, dest: Path, *, budget_ms: int = 20000, size=SIZE) -> None:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
           f"--user-data-dir={tempfile.mkdtemp(prefix='sg-shot-')}", f"--window-size={size[0]},{size[1]}",
           f"--virtual-time-budget={budget_ms}", f"--screenshot={dest}", url]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    print(f"wrote {dest}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img", help="folder for the PNG files")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from stancegraph.pipeline import build
    from stancegraph.rdf.store import StanceStore
    from stancegraph.serve import make_server
    from stancegraph.viz.document import document_filename
    from stancegraph.viz.views import write_view

    with tempfile.TemporaryDirectory() as name:
        out = Path(name) / "out"
        build([ROOT / "seeds"], out_dir=out)
        with StanceStore.read_only(out / "store") as store:
            pages = {
                "map": write_view(store, "stances", out / "stances-map.html", documents=out / "docs"),
                "map-columns": write_view(store, "stances", out / "stances-columns.html", layout="columns",
                                          documents=out / "docs"),
                "congruence": write_view(store, "congruence", out / "congruence.html", normalization="jaccard",
                                         documents=out / "docs"),
                "matrix": write_view(store, "matrix", out / "matrix.html", documents=out / "docs"),
            }
            counts = {d: len(store.stances(d)) for d in store.documents()}
        busiest = max(sorted(counts), key=counts.get)
        pages["document"] = out / "docs" / document_filename(busiest)
        for name_, page in pages.items():
            shoot(page.resolve().as_uri(), args.out / f"{name_}.png")

        server = make_server(out / "store", port=0, workers=1)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            host, port = server.server_address[:2]
            shoot(f"http://{host}:{port}/?q=stances-of-actor&actor=russia", args.out / "query-page.png",
                  size=(1280, 900))
        finally:
            server.shutdown()
            server.server_close()


if __name__ == "__main__":
    sys.exit(main())
