#!/usr/bin/env python3
"""Measures what the vss-* checks add to clang-tidy's time.

Two series of generated files, each run with vss-tidy and a cheap stock check
only (the baseline), then with the same check plus every vss-* check:

- writer files of growing size (bench/gen_writer.py, --sizes writers): the
  realistic case. Target: at most 3% added, growing linearly;
- one writer whose OnFreeze is N guarded steps (bench/gen_guarded_handler.py,
  --blocks N): a long handler with many reports. Target: at most 50% added at
  N=8,000, and the same added cost per block from 500 to 8,000 (linear).

Times are the minimum of several runs (wall clock), or instruction counts with
--callgrind (valgrind), which do not depend on the load of the machine.

  python3 bench/run_bench.py [--vss-tidy build/bin/vss-tidy] [--sizes 1,10,40]
                             [--blocks 500,2000,8000] [--runs 5] [--callgrind]
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
BASE_CHECKS = "-*,readability-else-after-return"
VSS_CHECKS = BASE_CHECKS + ",vss-*"


def compile_args():
    return ["-std=c++17", "--target=x86_64-w64-mingw32",
            "-isystem", os.path.join(REPO, "test", "Inputs", "mingw-overlay")]


def measure(tool, checks, source, runs, callgrind):
    cmd = [tool, "--quiet", "--checks=" + checks, source, "--"] + compile_args()
    if callgrind:
        out = os.path.join(tempfile.gettempdir(), "vss-bench.callgrind")
        res = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out] + cmd,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        m = re.search(r"Collected : (\d+)", res.stderr)
        if not m:
            sys.exit("valgrind failed:\n" + res.stderr[-2000:])
        return int(m.group(1))
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        res = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        if res.returncode not in (0, 1):
            sys.exit("vss-tidy failed on " + source)
        best = elapsed if best is None else min(best, elapsed)
    return best


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--vss-tidy", default=os.path.join(REPO, "build", "bin", "vss-tidy"))
    p.add_argument("--sizes", default="1,10,40", help="writers per file ('' for none)")
    p.add_argument("--blocks", default="500,2000,8000",
                   help="guarded steps in the long handler ('' for none)")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--callgrind", action="store_true")
    args = p.parse_args()
    unit = "instructions" if args.callgrind else "seconds"
    series = [("writers", "gen_writer.py", args.sizes), ("blocks", "gen_guarded_handler.py", args.blocks)]
    with tempfile.TemporaryDirectory() as tmp:
        for label, generator, sizes in series:
            if not sizes.strip():
                continue
            print("%8s %8s %16s %16s %9s %14s" % (label, "lines", "baseline", "with vss-*", "added",
                                                    "added/" + label[:-1]))
            for size in [int(s) for s in sizes.split(",")]:
                source = os.path.join(tmp, "%s%d.cpp" % (label, size))
                with open(source, "w") as f:
                    subprocess.run([sys.executable, os.path.join(HERE, generator), str(size)],
                                   stdout=f, check=True)
                lines = sum(1 for _ in open(source))
                base = measure(args.vss_tidy, BASE_CHECKS, source, args.runs, args.callgrind)
                vss = measure(args.vss_tidy, VSS_CHECKS, source, args.runs, args.callgrind)
                added = (vss - base) / base * 100.0
                fmt = ("%8d %8d %16.4f %16.4f %8.2f%% %14.6f" if not args.callgrind
                       else "%8d %8d %16d %16d %8.2f%% %14.1f")
                print(fmt % (size, lines, base, vss, added, (vss - base) / size))
    print("(%s; baseline checks: %s)" % (unit, BASE_CHECKS))

if __name__ == "__main__":
    main()
