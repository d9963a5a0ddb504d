"""``build`` at scale: --jobs 1 against --jobs 2 on the same corpus, and the peak memory of a
build of many synthetic articles.

    python benchmarks/build_scale.py speedup [--articles 400]
    python benchmarks/build_scale.py memory [--articles 10000] [--jobs 1]

Articles are generated from patterns (``synthetic.articles``) into a jsonl file; each build
runs ``stancegraph build`` in its own process into a fresh folder; peak memory is the largest
resident set of that process and its children (the parsing processes of --jobs).
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def write_corpus(folder: Path, n: int) -> tuple[Path, int]:
    import synthetic

    path = folder / "articles.jsonl"
    records = synthetic.articles(n)
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r) + "\n")
    return path, sum(len(r["text"].split()) for r in records)


def timed_build(corpus: Path, out: Path, *extra: str) -> tuple[float, float, str]:
    """Seconds, peak RSS in MB (of the build and the processes it started) and its summary line."""
    code = ("import resource, sys\nfrom stancegraph.cli import main\n"
            "try:\n    main()\nfinally:\n"
            "    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
            "    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
            "    print(f'PEAK {max(own, kids)} {own} {kids}', file=sys.stderr)\n")
    t0 = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", code, "build", str(corpus), "--out", str(out), *extra],
                         capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if run.returncode != 0:
        sys.exit(run.stderr[-2000:])
    peak = [line for line in run.stderr.splitlines() if line.startswith("PEAK ")][-1].split()
    summary = run.stdout.splitlines()[0]
    return seconds, int(peak[1]) / 1024, summary


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["speedup", "memory"])
    ap.add_argument("--articles", type=int, default=None)
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        n = args.articles or (400 if args.what == "speedup" else 10_000)
        corpus, words = write_corpus(tmp, n)
        if args.what == "speedup":
            s1, m1, _ = timed_build(corpus, tmp / "j1", "--jobs", "1")
            s2, m2, _ = timed_build(corpus, tmp / "j2", "--jobs", "2")
            same = (tmp / "j1" / "stances.jsonl").read_bytes() == (tmp / "j2" / "stances.jsonl").read_bytes()
            print(f"{n} articles, {words} words")
            print(f"--jobs 1: {s1:.1f} s ({words / s1:.0f} words/s), peak {m1:.0f} MB")
            print(f"--jobs 2: {s2:.1f} s ({words / s2:.0f} words/s), peak {m2:.0f} MB")
            print(f"speed-up {s1 / s2:.2f}x (whole build, model loading included); same stances: {same}")
        else:
            s, m, summary = timed_build(corpus, tmp / "out", "--jobs", str(args.jobs))
            print(f"{n} articles, {words} words, --jobs {args.jobs}: {s:.0f} s, peak RSS {m:.0f} MB "
                  f"({'under' if m < 2048 else 'OVER'} 2 GB)")
            print(summary)


if __name__ == "__main__":
    main()
