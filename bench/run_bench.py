#!/usr/bin/env python3
"""Measures what the vss-* checks add to clang-tidy's time and memory.

Series of generated files (MinGW target, windows.h and the standard library
included), each run with vss-tidy and a cheap stock check only (the baseline),
then with the same check plus every vss-* check:

- writer files of growing size (bench/gen_writer.py, --sizes writers): the
  realistic case. Target: at most 3% added, growing linearly;
- writer-free files (bench/gen_program.py --writer-free, --writer-free N):
  windows.h, the standard library and about N functions of ordinary code,
  no writer. Target: at most 0.2% added;
- one writer whose OnFreeze is N guarded steps (bench/gen_guarded_handler.py,
  --blocks N): a long handler with many reports. Target: at most 50% added at
  N=8,000, and the same added cost per block from 500 to 8,000 (linear);
- writer programs of about N functions (bench/gen_program.py, --functions N,
  none by default): call trees, forwarding wrappers with fan-in, a virtual hook
  with an override per module, thread starts. Target: at most 1.5x the
  baseline at 64,000 functions, and the same added cost per function from
  1,000 to 64,000 (linear).

Times are the minimum of several runs (wall clock), or instruction counts with
--callgrind (valgrind), which do not depend on the load of the machine. With
--callgrind, "in matching" is what the checks add to clang-tidy's matching
phase (the inclusive count of MatchFinder::matchAST, where every check runs,
vss-* analysis included): unlike the whole-process difference, it does not
move with the parser's own +-0.7% that heap layout causes (docs/performance.md).
The peak memory (max RSS) of each configuration comes from a plain run (one of
the timed runs, or one more run with --callgrind). Findings are counted per
check (identify/hresult/thread) from the run with vss-*. A run that crashes or
whose file does not compile stops the script.

  python3 bench/run_bench.py [--vss-tidy build/bin/vss-tidy] [--sizes 1,10,40]
                             [--writer-free 40,400] [--blocks 500,2000,8000]
                             [--functions 1000,4000,16000,64000]
                             [--runs 5] [--callgrind] [--keep DIR]
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
CHECK_KINDS = ["vss-writer-failure-in-identify", "vss-writer-failure-invalid-hresult",
               "vss-writer-failure-off-handler-thread"]


def compile_args():
    return ["-std=c++17", "--target=x86_64-w64-mingw32",
            "-isystem", os.path.join(REPO, "test", "Inputs", "mingw-overlay")]


def plain_run(cmd, source):
    """Runs cmd once; returns (seconds, max RSS in KiB, stdout). Stops on a crash or a
    compile error: a benchmark of a file that does not parse measures nothing."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode(errors="replace")
        stderr = err.read().decode(errors="replace")
    if proc.returncode not in (0, 1):
        sys.exit("vss-tidy failed (exit status %d) on %s:\n%s" % (proc.returncode, source,
                                                                  stderr[-3000:]))
    errors = [line for line in (stdout + stderr).splitlines() if ": error: " in line]
    if errors:
        sys.exit("%s does not compile:\n%s" % (source, "\n".join(errors[:20])))
    return elapsed, usage.ru_maxrss, stdout


def instructions(cmd, out_file):
    """Returns the instructions of the whole run and of its matching phase."""
    res = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out_file] + cmd,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r"Collected : (\d+)", res.stderr)
    if not m:
        sys.exit("valgrind failed:\n" + res.stderr[-2000:])
    profile = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", out_file],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
    phase = re.search(r"^\s*([\d,]+) .*MatchFinder::matchAST\(clang::ASTContext&\)", profile, re.M)
    if not phase:
        sys.exit("no MatchFinder::matchAST in " + out_file)
    return int(m.group(1)), int(phase.group(1).replace(",", ""))


def measure(tool, checks, source, args, out_file):
    """Returns (instructions or seconds, instructions of the matching phase or None,
    max RSS in KiB, stdout of a plain run)."""
    cmd = [tool, "--quiet", "--checks=" + checks, source, "--"] + compile_args()
    best, matching, peak, stdout = None, None, 0, ""
    for _ in range(1 if args.callgrind else args.runs):
        elapsed, rss, stdout = plain_run(cmd, source)
        best = elapsed if best is None else min(best, elapsed)
        peak = max(peak, rss)
    if args.callgrind:
        best, matching = instructions(cmd, out_file)
    return best, matching, peak, stdout


def findings(stdout):
    counts = [len(re.findall(r"warning: .*\[%s\]$" % kind, stdout, re.M)) for kind in CHECK_KINDS]
    return "/".join(str(c) for c in counts)


def generate(generator, size, extra, path):
    with open(path, "w") as f:
        subprocess.run([sys.executable, os.path.join(HERE, generator), str(size)] + extra,
                       stdout=f, check=True)
    with open(path) as f:
        first = f.readline()
        lines = 1 + sum(1 for _ in f)
    # gen_program.py states the functions it wrote on its first line.
    m = re.match(r"// (\d+) functions", first)
    return lines, int(m.group(1)) if m else size


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--vss-tidy", default=os.path.join(REPO, "build", "bin", "vss-tidy"))
    p.add_argument("--sizes", default="1,10,40", help="writers per file ('' for none)")
    p.add_argument("--writer-free", default="40,400",
                   help="functions in the writer-free files ('' for none)")
    p.add_argument("--blocks", default="500,2000,8000",
                   help="guarded steps in the long handler ('' for none)")
    p.add_argument("--functions", default="",
                   help="functions in the writer programs, e.g. 1000,4000,16000,64000")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--callgrind", action="store_true")
    p.add_argument("--keep", metavar="DIR",
                   help="keep the generated files (and callgrind's profiles) in DIR")
    args = p.parse_args()
    unit = "instructions" if args.callgrind else "seconds"
    # (label, generator, generator options, sizes, per what the added cost is given)
    series = [("writers", "gen_writer.py", [], args.sizes, "writer"),
              ("free", "gen_program.py", ["--writer-free"], args.writer_free, "function"),
              ("blocks", "gen_guarded_handler.py", [], args.blocks, "block"),
              ("functions", "gen_program.py", [], args.functions, "function")]
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or tmp
        os.makedirs(work, exist_ok=True)
        for label, generator, extra, sizes, per in series:
            if not sizes.strip():
                continue
            print("%9s %8s %16s %16s %6s %8s %11s %13s %9s %9s %s" % (
                label, "lines", "baseline", "with vss-*", "ratio", "added", "in matching",
                "added/" + per, "base MiB", "vss MiB", "findings (identify/hresult/thread)"),
                flush=True)
            for size in [int(s) for s in sizes.split(",")]:
                stem = os.path.join(work, "%s%d" % (label, size))
                source = stem + ".cpp"
                lines, count = generate(generator, size, extra, source)
                base, base_matching, base_rss, _ = measure(args.vss_tidy, BASE_CHECKS, source,
                                                           args, stem + ".base.callgrind")
                vss, vss_matching, vss_rss, out = measure(args.vss_tidy, VSS_CHECKS, source, args,
                                                          stem + ".vss.callgrind")
                added = (vss - base) / base * 100.0
                in_matching = ("%10.2f%%" % ((vss_matching - base_matching) / base * 100.0)
                               if args.callgrind else "%11s" % "-")
                fmt = ("%9d %8d %16.4f %16.4f %5.3fx %7.2f%% %s %13.6f %9.1f %9.1f %s"
                       if not args.callgrind
                       else "%9d %8d %16d %16d %5.3fx %7.2f%% %s %13.1f %9.1f %9.1f %s")
                print(fmt % (count, lines, base, vss, vss / base, added, in_matching,
                             (vss - base) / count, base_rss / 1024.0, vss_rss / 1024.0,
                             findings(out)), flush=True)
    print("(%s; baseline checks: %s; %s)" % (unit, BASE_CHECKS, args.vss_tidy))


if __name__ == "__main__":
    main()
