#!/usr/bin/env python3
"""Runs every vss check over a large body of real C++ that contains no VSS writer.

  scripts/no-writer-corpus.py [-j N] [--runs N] [--timeout S] [--corpus NAME]... [--callgrind-tu NAME]...

Corpora (all by default):
  llvm-headers  generated translation units, each including up to 16 headers of one
                directory of LLVM's and clang's own headers (llvm-19-dev, libclang-19-dev),
                compiled for Linux with the flags of `llvm-config-19 --cxxflags`;
  googletest    the sources of googletest and googlemock in /usr/src/googletest (libgtest-dev);
  cppcheck      the C++ sources of Debian's cppcheck source package (lib/, cli/, externals/),
                fetched once with `apt-get source` through a temporary deb-src list kept in
                the work directory (the system's apt configuration is not touched).

Each translation unit is run with --checks=-*,readability-else-after-return (the
baseline) and with vss-* added, alternately, --runs times each (every diagnostic shown:
--header-filter=.* --system-headers; no .clang-tidy applies). The script fails (exit 1)
on any crash (death by a signal or an exit code other than 0 and 1), hang (--timeout per
run), vss finding, or exit code that differs between the two runs. It prints a table per
corpus with the sum over its translation units of the minimum wall time of each run, the
time the vss checks add, and, for the --callgrind-tu units, the instruction counts of
valgrind --tool=callgrind. Per-unit results: <work>/results.csv.
"""

import argparse
import concurrent.futures
import csv
import os
import re
import shutil
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASELINE_CHECKS = "-*,readability-else-after-return"
VSS_CHECKS = BASELINE_CHECKS + ",vss-*"
COMMON_ARGS = ["--config={}", "--header-filter=.*", "--system-headers"]
LLVM_HEADER_DIRS = ["clang/AST", "clang/Sema", "clang/ASTMatchers", "clang/Analysis", "llvm/ADT",
                    "llvm/IR"]
HEADERS_PER_UNIT = 16
DEBIAN_PACKAGE = "cppcheck"
DEFAULT_CALLGRIND_UNITS = ["llvm-ADT-1", "googletest/src/gtest-matchers.cc"]


class Unit:
    """One translation unit: its name in the report, its file, and how it is compiled."""

    def __init__(self, corpus, name, path, flags, cwd):
        self.corpus, self.name, self.path, self.flags, self.cwd = corpus, name, path, flags, cwd
        self.problems = []  # "crash ...", "hang ...", "vss finding ...", "exit codes differ ..."
        self.base_times, self.vss_times = [], []
        self.exit_code = None
        self.base_ir = self.vss_ir = None


# --- The corpora -------------------------------------------------------------------------

def llvm_header_units(args, work):
    config = "llvm-config-%s" % args.llvm_version
    include = subprocess.check_output([config, "--includedir"], text=True).strip()
    flags = ["--target=x86_64-linux-gnu"] + subprocess.check_output(
        [config, "--cxxflags"], text=True).split()
    out_dir = os.path.join(work, "llvm-headers")
    os.makedirs(out_dir, exist_ok=True)
    units = []
    for directory in LLVM_HEADER_DIRS:
        headers = sorted(h for h in os.listdir(os.path.join(include, directory)) if h.endswith(".h"))
        for start in range(0, len(headers), HEADERS_PER_UNIT):
            name = "%s-%d" % (directory.replace("/", "-"), start // HEADERS_PER_UNIT + 1)
            path = os.path.join(out_dir, name + ".cpp")
            text = "".join('#include "%s/%s"\n' % (directory, h)
                           for h in headers[start:start + HEADERS_PER_UNIT])
            if not os.path.exists(path) or open(path).read() != text:
                with open(path, "w") as f:
                    f.write(text)
            units.append(Unit("llvm-headers", name, path, flags, out_dir))
    return units


def googletest_units(args, work):
    root = "/usr/src/googletest"
    if not os.path.isdir(root):
        raise RuntimeError("%s not found (install libgtest-dev)" % root)
    units = []
    for project, includes in (("googletest", ["googletest", "googletest/include"]),
                              ("googlemock", ["googlemock", "googlemock/include",
                                              "googletest/include"])):
        flags = ["--target=x86_64-linux-gnu", "-std=c++17"] + \
            ["-I" + os.path.join(root, i) for i in includes]
        src = os.path.join(root, project, "src")
        for name in sorted(os.listdir(src)):
            if name.endswith(".cc"):
                units.append(Unit("googletest", "%s/src/%s" % (project, name),
                                  os.path.join(src, name), flags, src))
    return units


def apt_options(work):
    apt = os.path.join(work, "apt")
    return ["-o", "Dir::Etc::SourceList=" + os.path.join(apt, "sources.list"),
            "-o", "Dir::Etc::SourceParts=/dev/null",
            "-o", "Dir::State::Lists=" + os.path.join(apt, "lists"),
            "-o", "Dir::Cache=" + os.path.join(apt, "cache")]


def fetch_debian_source(package, work):
    """The unpacked source of a Debian package, fetched on first use."""
    dest = os.path.join(work, "debian")
    os.makedirs(dest, exist_ok=True)
    found = [d for d in os.listdir(dest)
             if d.startswith(package + "-") and os.path.isdir(os.path.join(dest, d))]
    if found:
        return os.path.join(dest, sorted(found)[-1])
    codename = "bookworm"
    if os.path.exists("/etc/os-release"):
        m = re.search(r"^VERSION_CODENAME=(\w+)", open("/etc/os-release").read(), re.M)
        codename = m.group(1) if m else codename
    apt = os.path.join(work, "apt")
    for d in ("lists/partial", "cache/archives/partial"):
        os.makedirs(os.path.join(apt, d), exist_ok=True)
    with open(os.path.join(apt, "sources.list"), "w") as f:
        f.write("deb-src http://deb.debian.org/debian %s main\n" % codename)
    print("== fetching the source of Debian's %s (apt-get source, deb-src %s)" % (package, codename),
          flush=True)
    for cmd in (["apt-get", "-q"] + apt_options(work) + ["update"],
                ["apt-get", "-q"] + apt_options(work) + ["source", package]):
        r = subprocess.run(cmd, cwd=dest, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True, timeout=900)
        if r.returncode != 0:
            raise RuntimeError("%s failed:\n%s" % (" ".join(cmd[:3]), r.stdout[-2000:]))
    found = [d for d in os.listdir(dest)
             if d.startswith(package + "-") and os.path.isdir(os.path.join(dest, d))]
    if not found:
        raise RuntimeError("apt-get source %s unpacked nothing in %s" % (package, dest))
    return os.path.join(dest, sorted(found)[-1])


def cppcheck_units(args, work):
    root = fetch_debian_source(DEBIAN_PACKAGE, work)
    includes = ["lib", "externals", "externals/simplecpp", "externals/tinyxml2",
                "externals/picojson"]
    flags = ["--target=x86_64-linux-gnu", "-std=c++11"] + \
        ["-I" + os.path.join(root, i) for i in includes]
    units = []
    for sub in ("lib", "cli", "externals/simplecpp", "externals/tinyxml2"):
        for name in sorted(os.listdir(os.path.join(root, sub))):
            if name.endswith(".cpp"):
                units.append(Unit("cppcheck", "%s/%s" % (sub, name),
                                  os.path.join(root, sub, name), flags, os.path.join(root, sub)))
    return units


CORPORA = {"llvm-headers": llvm_header_units, "googletest": googletest_units,
           "cppcheck": cppcheck_units}


# --- Running -----------------------------------------------------------------------------

def tidy_command(args, unit, checks):
    return [args.vss_tidy] + COMMON_ARGS + ["--checks=" + checks, unit.path, "--"] + unit.flags


def run_once(args, unit, checks):
    """One run: (exit code or None on timeout, wall seconds, output)."""
    start = time.perf_counter()
    try:
        r = subprocess.run(tidy_command(args, unit, checks), cwd=unit.cwd, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, errors="replace",
                           timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return None, time.perf_counter() - start, ""
    return r.returncode, time.perf_counter() - start, r.stdout


def check_run(unit, label, code, seconds, output):
    if code is None:
        unit.problems.append("hang: the %s run took more than %.0f s" % (label, seconds))
    elif code not in (0, 1):
        what = "signal %d" % -code if code < 0 else "exit code %d" % code
        unit.problems.append("crash (%s) in the %s run:\n%s" % (what, label, output[-3000:]))
    for line in output.splitlines():
        if "[vss-" in line:
            unit.problems.append("vss finding in the %s run: %s" % (label, line))


def measure(args, unit):
    # Baseline and vss runs alternate, so that a change in the machine's load
    # falls on both alike; each keeps the minimum.
    codes = set()
    for _ in range(args.runs):
        for label, checks, times in (("baseline", BASELINE_CHECKS, unit.base_times),
                                     ("vss", VSS_CHECKS, unit.vss_times)):
            code, seconds, output = run_once(args, unit, checks)
            check_run(unit, label, code, seconds, output)
            if code is None or code not in (0, 1):
                return unit
            times.append(seconds)
            codes.add(code)
    if len(codes) > 1:
        unit.problems.append("exit codes differ between the runs: %s" % sorted(codes))
    unit.exit_code = max(codes)
    return unit


def callgrind(args, unit, checks):
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + \
        tidy_command(args, unit, checks)
    r = subprocess.run(cmd, cwd=unit.cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True, errors="replace", timeout=args.timeout * 100)
    m = re.search(r"Collected : (\d+)", r.stderr)
    if not m:
        raise RuntimeError("callgrind gave no count for %s:\n%s" % (unit.name, r.stderr[-2000:]))
    return int(m.group(1))


# --- Report ------------------------------------------------------------------------------

def percent(base, vss):
    return "%+.2f%%" % (100.0 * (vss - base) / base) if base else "n/a"


def print_table(rows, header):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    line = lambda r: "  ".join(str(c).rjust(w) if i else str(c).ljust(w)
                               for i, (c, w) in enumerate(zip(r, widths)))
    print(line(header))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print(line(r))


def git_state():
    head = subprocess.run(["git", "-C", REPO, "log", "-1", "--format=%h"], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True).stdout.strip() or "unknown"
    changed = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--", "checks", "tool"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
    files = [line[3:] for line in changed.splitlines()]
    if files:
        head += " + uncommitted changes to " + ", ".join(files[:3]) + (", ..." if files[3:] else "")
    return head


def snapshot(tool, work):
    """A copy of vss-tidy taken once it is whole, so that a rebuild during the run
    neither breaks a run nor mixes two builds in the numbers."""
    copy = os.path.join(work, "bin", os.path.basename(tool))
    os.makedirs(os.path.dirname(copy), exist_ok=True)
    for _ in range(120):
        try:
            before = os.stat(tool)
            time.sleep(2)
            after = os.stat(tool)
            if (before.st_size, before.st_mtime) == (after.st_size, after.st_mtime):
                shutil.copy2(tool, copy + ".tmp")
                os.replace(copy + ".tmp", copy)
                if subprocess.run([copy, "--version"], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL).returncode == 0:
                    return copy
        except OSError:
            pass
        print("== waiting for %s (being rebuilt?)" % tool, flush=True)
        time.sleep(10)
    sys.exit("error: %s did not become a working vss-tidy" % tool)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--vss-tidy", default=os.environ.get(
        "VSS_TIDY", os.path.join(REPO, "build", "bin", "vss-tidy")))
    p.add_argument("--llvm-version", default=os.environ.get("VSS_LLVM_VERSION", "19"))
    p.add_argument("--work", default=os.path.join(REPO, "build", "no-writer-corpus"),
                   help="generated units, the Debian source and results.csv (default: %(default)s)")
    p.add_argument("--corpus", action="append", choices=sorted(CORPORA),
                   help="run only this corpus (repeatable; default: all)")
    p.add_argument("-j", type=int, default=2, help="parallel units, at most 2 (default: 2)")
    p.add_argument("--runs", type=int, default=3, help="runs of each kind per unit (default: 3)")
    p.add_argument("--timeout", type=float, default=300,
                   help="seconds one run may take before it counts as a hang (default: 300)")
    p.add_argument("--callgrind-tu", action="append", metavar="NAME",
                   help="unit whose instructions to count (repeatable; default: %s; 'none' for none)"
                   % ", ".join(DEFAULT_CALLGRIND_UNITS))
    args = p.parse_args()
    args.j = max(1, min(args.j, 2))
    args.work = os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)
    if not os.path.exists(args.vss_tidy):
        sys.exit("error: %s does not exist (build first, or give --vss-tidy)" % args.vss_tidy)
    commit = git_state()
    built = time.strftime("%Y-%m-%d %H:%M", time.localtime(os.stat(args.vss_tidy).st_mtime))
    tool = args.vss_tidy
    args.vss_tidy = snapshot(tool, args.work)

    units, skipped = [], []
    for corpus in args.corpus or list(CORPORA):
        try:
            units += CORPORA[corpus](args, args.work)
        except (RuntimeError, OSError, subprocess.SubprocessError) as e:
            skipped.append((corpus, str(e).strip().splitlines()[0]))
    print("== %d translation units; %s (built %s, commit %s), copied to %s; -j%d, %d runs each"
          % (len(units), tool, built, commit, args.vss_tidy, args.j, args.runs), flush=True)

    started = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.j) as pool:
        for done, unit in enumerate(pool.map(lambda u: measure(args, u), units), 1):
            state = "FAIL" if unit.problems else "ok"
            print("[%d/%d] %-4s %s: %s" % (done, len(units), state, unit.corpus, unit.name),
                  flush=True)
            for problem in unit.problems:
                print("    " + problem.replace("\n", "\n    "))

    names = args.callgrind_tu or DEFAULT_CALLGRIND_UNITS
    measured = [u for u in units if u.name in names and not u.problems]
    if shutil.which("valgrind") and measured:
        print("== callgrind: %s" % ", ".join(u.name for u in measured), flush=True)
        jobs = [(u, kind) for u in measured for kind in ("base", "vss")]
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.j) as pool:
            counts = pool.map(lambda job: callgrind(
                args, job[0], BASELINE_CHECKS if job[1] == "base" else VSS_CHECKS), jobs)
            for (unit, kind), count in zip(jobs, counts):
                setattr(unit, kind + "_ir", count)

    with open(os.path.join(args.work, "results.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["corpus", "unit", "exit code", "baseline s (min)", "vss s (min)",
                    "baseline Ir", "vss Ir", "problems"])
        for u in units:
            w.writerow([u.corpus, u.name, u.exit_code,
                        "%.3f" % min(u.base_times) if u.base_times else "",
                        "%.3f" % min(u.vss_times) if u.vss_times else "",
                        u.base_ir or "", u.vss_ir or "", " | ".join(u.problems)])

    print()
    print("vss-* on code without writers: %s built %s at commit %s; %d runs each; wall time ="
          " the sum over the units of each one's minimum" % (tool, built, commit, args.runs))
    rows, totals = [], [0, 0, 0, 0, 0.0, 0.0]
    for corpus in args.corpus or list(CORPORA):
        mine = [u for u in units if u.corpus == corpus]
        if not mine:
            continue
        timed = [u for u in mine if u.base_times and u.vss_times]
        base = sum(min(u.base_times) for u in timed)
        vss = sum(min(u.vss_times) for u in timed)
        failing = sum(1 for u in mine if u.problems)
        errors = sum(1 for u in mine if u.exit_code == 1)
        rows.append([corpus, len(mine), errors, failing, "%.1f" % base, "%.1f" % vss,
                     percent(base, vss)])
        for i, v in enumerate([len(mine), errors, failing, 0, base, vss]):
            totals[i] += v
    rows.append(["total", totals[0], totals[1], totals[2], "%.1f" % totals[4],
                 "%.1f" % totals[5], percent(totals[4], totals[5])])
    print_table(rows, ["corpus", "units", "with compile errors", "crash/hang/finding",
                       "baseline s", "with vss-* s", "added"])
    for corpus, reason in skipped:
        print("skipped %s: %s" % (corpus, reason))
    counted = [u for u in units if u.base_ir and u.vss_ir]
    if counted:
        print()
        print_table([[u.name, "{:,}".format(u.base_ir), "{:,}".format(u.vss_ir),
                      percent(u.base_ir, u.vss_ir)] for u in counted],
                    ["callgrind unit", "baseline instructions", "with vss-*", "added"])
    print()
    print("%d units, %.0f s; per-unit results in %s"
          % (len(units), time.time() - started, os.path.join(args.work, "results.csv")))
    failed = [u for u in units if u.problems]
    if failed:
        print("FAILED: %d units crashed, hung, had a vss finding or changed exit code: %s"
              % (len(failed), ", ".join(u.name for u in failed)))
        return 1
    print("PASSED: no crash, no hang, no vss finding")
    return 0


if __name__ == "__main__":
    sys.exit(main())
