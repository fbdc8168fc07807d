#!/usr/bin/env python3
"""Cost of the impersonation checks on real service code, relative to parsing it.

Uses the real-code kit (a folder with run.py and manifest.tsv, and git mirrors of the
projects; see docs/real-code.md): the kit extracts every row's file and records the
compiler flags it needs, then each file is checked with the same binary in interleaved
pairs, `--checks='-*,impersonation-*'` against `--checks='-*,misc-unused-alias-decls'`
(parse and AST matching only). Prints each file's median ratio of wall-clock times and
the median over the files.

  tests/benchmark/real_code.py --kit ../shared/realworld --mirror-root DIR [--pairs 5]
"""
import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kit", required=True, help="the real-code kit's folder (run.py, manifest.tsv)")
    ap.add_argument("--mirror-root", default=os.environ.get("MIRROR_ROOT"),
                    help="folder of the kit's git mirrors (default: $MIRROR_ROOT)")
    ap.add_argument("--pairs", type=int, default=5, help="timed pairs per file (default 5)")
    ap.add_argument("--tool", default=os.path.join(ROOT, "build", "bin", "impersonation-tidy"))
    args = ap.parse_args()
    if not args.mirror_root:
        sys.exit("real_code.py: give --mirror-root or set MIRROR_ROOT")
    if not os.access(args.tool, os.X_OK):
        sys.exit(f"real_code.py: {args.tool} is missing: run scripts/build.sh")

    with tempfile.TemporaryDirectory() as work:
        # Let the kit extract every row and write down the file and flags it would check.
        record = "sh -c 'printf \"%s\\n\" \"$@\" > .bench-args' bench {file} {flags}"
        subprocess.run([sys.executable, os.path.join(args.kit, "run.py"), "--mirror-root",
                        args.mirror_root, "--keep", work, "--tool", record],
                       check=True, capture_output=True)
        rows = []
        for row in sorted(os.listdir(work)):
            path = os.path.join(work, row, ".bench-args")
            if os.path.exists(path):
                with open(path) as f:
                    words = f.read().split("\n")[:-1]
                rows.append((row, os.path.join(work, row), words[0], words[1:]))

        def timed(cwd, checks, file, flags):
            t0 = time.perf_counter()
            subprocess.run([args.tool, f"--checks={checks}", file, "--"] + flags, cwd=cwd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return time.perf_counter() - t0

        ratios = []
        print(f"{'row':28} {'ours (s)':>9} {'base (s)':>9} {'ratio':>7}")
        for name, cwd, file, flags in rows:
            ours, base, per = [], [], []
            for _ in range(args.pairs):
                o = timed(cwd, "-*,impersonation-*", file, flags)
                b = timed(cwd, "-*,misc-unused-alias-decls", file, flags)
                ours.append(o)
                base.append(b)
                per.append(o / b)
            r = statistics.median(per)
            ratios.append(r)
            print(f"{name:28} {statistics.median(ours):9.3f} {statistics.median(base):9.3f} {r:7.3f}")
        print(f"real code: files={len(ratios)} median ratio={statistics.median(ratios):.3f} "
              f"max={max(ratios):.3f} ({args.pairs} interleaved pairs per file, same binary)")


if __name__ == "__main__":
    main()
