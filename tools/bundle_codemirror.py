"""Re-create the SPARQL editor bundle in ``graph/serve/static/`` from the npm registry.

The query page of ``stancegraph serve`` highlights SPARQL with CodeMirror 5 (MIT licence). Nothing
is loaded from a CDN: this script fetches the pinned versions below with ``npm`` into a
temporary folder, checks each tarball against its pinned integrity hash, minifies CodeMirror's
core and its SPARQL mode into one file with terser, and copies the CSS and the licence::

    python tools/bundle_codemirror.py          # needs node and npm, and the npm registry

The files it writes are package data (see ``[tool.setuptools.package-data]`` in pyproject.toml).
"""
from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

CODEMIRROR = "5.65.21"
TERSER = "5.36.0"
INTEGRITY = {  # npm's dist.integrity of each pinned tarball
    f"codemirror@{CODEMIRROR}": "sha512-6teYk0bA0nR3QP0ihGMoxuKzpl5W80FpnHpBJpgy66NK3cZv5b/d/HY8PnRvfSsCG1MTfr92u2WUl+wT0E40mQ==",
    f"terser@{TERSER}": "sha512-IYV9eNMuFAV4THUspIRXkLakHnV6XO7FEdtKjf/mDyrnqUg9LnlOn6/RwRvM9SZjR4GUq8Nk8zj67FzVARr74w==",
}
OUT = Path(__file__).resolve().parents[1] / "graph" / "serve" / "static"


def npm(*args: str, cwd: Path) -> str:
    return subprocess.run(["npm", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def fetch(spec: str, tmp: Path) -> Path:
    """``npm pack`` one package, check its pinned integrity, unpack it; return its folder."""
    integrity = INTEGRITY[spec]
    name = json.loads(npm("pack", spec, "--json", cwd=tmp))[0]["filename"]
    tarball = tmp / name
    algo, _, expected = integrity.partition("-")
    digest = base64.b64encode(hashlib.new(algo, tarball.read_bytes()).digest()).decode()
    if digest != expected:
        sys.exit(f"{spec}: integrity {algo}-{digest} is not the pinned {integrity}")
    dest = tmp / spec.split("@")[0]
    with tarfile.open(tarball) as tar:
        tar.extractall(dest, filter="data")
    return dest / "package"


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        cm = fetch(f"codemirror@{CODEMIRROR}", tmp)
        fetch(f"terser@{TERSER}", tmp)  # checked here; npm install checks its dependencies
        npm("install", "--no-save", "--ignore-scripts", "--no-audit", "--no-fund", f"terser@{TERSER}", cwd=tmp)
        terser = tmp / "node_modules" / "terser" / "bin" / "terser"
        OUT.mkdir(parents=True, exist_ok=True)
        subprocess.run(["node", str(terser), str(cm / "lib" / "codemirror.js"),
                        str(cm / "mode" / "sparql" / "sparql.js"), "--compress", "--mangle",
                        "--comments", "false", "--output", str(OUT / "codemirror.min.js")], check=True)
        bundle = OUT / "codemirror.min.js"
        bundle.write_text(f"/* CodeMirror {CODEMIRROR} and its SPARQL mode; (c) Marijn Haverbeke and others; "
                          "MIT licence, see LICENSE.codemirror */\n" + bundle.read_text(encoding="utf-8"),
                          encoding="utf-8")
        shutil.copyfile(cm / "lib" / "codemirror.css", OUT / "codemirror.css")
        shutil.copyfile(cm / "LICENSE", OUT / "LICENSE.codemirror")
    print(f"wrote {OUT}: CodeMirror {CODEMIRROR} (core and SPARQL mode, minified), its CSS and LICENSE")

if __name__ == "__main__":
    main()
