#!/usr/bin/env python3
"""Measures whole-program analysis: the vss-facts pass, and what its facts add
to checking one translation unit with vss-tidy.

For each size in --tus, bench/gen_project.py writes a writer project of that
many translation units (MinGW target; windows.h, the VSS headers, <string>
and <vector> in every file; five writer classes whose handlers reach the
errors translation unit through chains of helpers across files, the rest
ordinary modules of 200-400 lines), then:

(a) facts: `vss-facts -p PROJECT -o FACTS -j 1` from scratch: wall and CPU
    time, time per TU, peak memory (max RSS), the facts' size on disk
    (summaries, callers and forwards index entries, disk usage);
(b) no-op: the same command again, nothing changed: every TU up to date;
(c) one source touched (new mtime, same text): every TU up to date, since a
    summary goes stale on size and hash, not time; then one line appended to
    that source: exactly that TU summarised again. Both are asserted from
    vss-facts' summary line;
(d) per-TU check time over a fixed sample (--sample TUs: the errors TU, the
    ten writer TUs, and ordinary TUs spread evenly over the rest): vss-tidy
    with --checks=-*,readability-else-after-return (baseline),
    --checks=-*,vss-* without facts, and the same with
    --config="{CheckOptions: {VssFactsDirectory: FACTS}}"; the minimum of
    --runs runs of each, wall clock and CPU time (user + system, steadier on a
    loaded machine; the runs of the three alternate), and the peak memory;
    means per kind of TU and the ratio with/without facts;
(e) findings per check (identify/hresult/thread) over the sample, with and
    without facts. The vss-writer-failure-in-identify findings must be those
    of gen_project.py's expected.json (file and line): those within a TU
    without facts, and those across TUs as well with facts; the sample holds
    every TU that has one. Any other outcome makes the exit status 1.

A run that crashes, a file that does not compile, a stale-facts warning or an
unexpected vss-facts summary line stops the script. With several sizes
(--tus 250,1000) a last table sets the per-TU costs side by side: work that is
linear in the project keeps them flat. The paths and SHA-1 of the binaries
are printed; a rebuild during the run is reported and makes the exit status
1 (copy build/bin/vss-tidy and vss-facts aside and pass the copies when
others may rebuild).

  python3 bench/run_wpa_bench.py [--tus 1000] [--sample 20] [--runs 3] [--jobs 1]
                                 [--vss-tidy build/bin/vss-tidy]
                                 [--vss-facts build/bin/vss-facts] [--keep DIR]
  python3 bench/run_wpa_bench.py --tus 100            # quick check of the script, ~5 min
  nice python3 bench/run_wpa_bench.py --tus 250,1000  # scaling; ~35 min on one busy core
"""
import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
BASE_CHECKS = "-*,readability-else-after-return"
VSS_CHECKS = "-*,vss-*"
CHECK_KINDS = ["vss-writer-failure-in-identify", "vss-writer-failure-invalid-hresult",
               "vss-writer-failure-off-handler-thread"]
KINDS = ["ordinary", "writer", "errors"]
CONFIGS = ["base", "vss", "facts"]
WARNING = re.compile(r"^(.+?):(\d+):(\d+): warning: .*\[([a-z-]+)\]$", re.M)
FACTS_LINE = re.compile(r"vss-facts: (\d+) translation unit\(s\): (\d+) summarised, "
                        r"(\d+) up to date, (\d+) failed")


def run(cmd, cwd=None):
    """Runs cmd once: (wall s, CPU s, max RSS KiB, stdout, stderr, exit status)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        return (wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss,
                out.read().decode(errors="replace"), err.read().decode(errors="replace"),
                os.waitstatus_to_exitcode(status))


def sha1(path):
    with open(path, "rb") as f:
        return hashlib.sha1(f.read()).hexdigest()


def facts_pass(args, project, facts, expect):
    """Runs vss-facts; checks its summary line against expect
    (summarised, up to date); returns (wall, cpu, max RSS KiB, summary)."""
    wall, cpu, rss, out, err, status = run(
        [args.vss_facts, "-p", project, "-o", facts, "-j", str(args.jobs)])
    m = FACTS_LINE.search(out)
    if status != 0 or not m:
        sys.exit("vss-facts failed (exit status %d):\n%s%s" % (status, out[-2000:], err[-3000:]))
    total, summarised, up_to_date, failed = (int(g) for g in m.groups())
    if (summarised, up_to_date, failed) != expect + (0,):
        sys.exit("vss-facts: expected %d summarised and %d up to date, got: %s"
                 % (expect + (m.group(0),)))
    if "warning:" in err:
        sys.exit("vss-facts warned:\n" + err[-3000:])
    return wall, cpu, rss, m.group(0)[len("vss-facts: "):]


def disk_usage(facts):
    """(summaries, their bytes, {index: (folders, entries)}, disk usage in bytes)."""
    summaries, summary_bytes, usage, index = 0, 0, 0, {}
    for root, dirs, files in os.walk(facts):
        usage += os.lstat(root).st_blocks * 512
        rel = os.path.relpath(root, facts).split(os.sep)
        for name in files:
            st = os.lstat(os.path.join(root, name))
            usage += st.st_blocks * 512
            if rel == ["tu"] and name.endswith(".json"):
                summaries += 1
                summary_bytes += st.st_size
            elif len(rel) == 2:
                folders, entries = index.get(rel[0], (0, 0))
                index[rel[0]] = (folders, entries + 1)
        if len(rel) == 2:
            folders, entries = index.get(rel[0], (0, 0))
            index[rel[0]] = (folders + 1, entries)
    return summaries, summary_bytes, index, usage


def pick_sample(kinds, size):
    """The errors and writer TUs, then ordinary TUs spread evenly."""
    fixed = sorted(p for p, k in kinds.items() if k != "ordinary")
    ordinary = sorted(p for p, k in kinds.items() if k == "ordinary")
    count = min(len(ordinary), max(0, size - len(fixed)))
    return fixed + [ordinary[(2 * i + 1) * len(ordinary) // (2 * count)] for i in range(count)]


def check_file(args, project, facts, source, config):
    """One vss-tidy run of source in config: (wall, CPU, max RSS KiB,
    warnings [(file relative to the project, line, check)])."""
    cmd = [args.vss_tidy, "--quiet", "-p", project,
           "--checks=" + (BASE_CHECKS if config == "base" else VSS_CHECKS)]
    if config == "facts":
        cmd.append("--config={CheckOptions: {VssFactsDirectory: '%s'}}" % facts)
    wall, cpu, rss, out, err, status = run(cmd + [os.path.join(project, source)], cwd=project)
    if status not in (0, 1):
        sys.exit("vss-tidy failed (exit status %d) on %s:\n%s" % (status, source, err[-3000:]))
    errors = [line for line in (out + err).splitlines() if ": error: " in line]
    if errors:
        sys.exit("%s does not compile:\n%s" % (source, "\n".join(errors[:20])))
    if "[clang-tidy-config]" in out + err:
        sys.exit("vss-tidy warned about its configuration or the facts on %s:\n%s"
                 % (source, (out + err)[-3000:]))
    real = os.path.realpath(project)
    warnings = [(os.path.relpath(os.path.realpath(os.path.join(project, f)), real), int(line),
                 check) for f, line, _, check in WARNING.findall(out)]
    return wall, cpu, rss, warnings


def mean(values):
    return sum(values) / len(values) if values else float("nan")


def bench_size(args, tus, work):
    """All measurements for one project size; returns the numbers for the
    scaling table, and whether the findings were the expected ones."""
    project = os.path.join(work, "project%d" % tus)
    facts = os.path.join(work, "facts%d" % tus)
    gen = subprocess.run([sys.executable, os.path.join(HERE, "gen_project.py"), project, str(tus),
                          "--seed", str(args.seed)], stdout=subprocess.PIPE, text=True, check=True)
    print(gen.stdout.rstrip(), flush=True)
    with open(os.path.join(project, "expected.json")) as f:
        expected = json.load(f)
    kinds, lines = expected["kinds"], expected["lines_per_file"]
    n = expected["translation_units"]
    sample = pick_sample(kinds, args.sample)
    edited = next(p for p in sorted(kinds) if kinds[p] == "ordinary" and p not in sample)

    # (a)-(c): the facts pass.
    print("\n%-34s %9s %9s %10s %8s  %s" % ("facts pass (vss-facts -j %d)" % args.jobs, "wall s",
                                           "cpu s", "wall/TU s", "max MiB", "vss-facts said"))
    rows = {}
    steps = [("full", "full run", (n, 0)), ("noop", "no-op rerun", (0, n)),
             ("touch", "rerun, %s touched" % os.path.basename(edited), (0, n)),
             ("edit", "rerun, %s edited" % os.path.basename(edited), (1, n - 1))]
    for key, label, expect in steps:
        if key == "touch":
            os.utime(os.path.join(project, edited))
        elif key == "edit":
            with open(os.path.join(project, edited), "a") as f:
                f.write("// edited by run_wpa_bench.py\n")
        wall, cpu, rss, said = facts_pass(args, project, facts, expect)
        rows[key] = (wall, cpu, rss)
        print("%-34s %9.2f %9.2f %10.4f %8.1f  %s"
              % (label, wall, cpu, wall / n, rss / 1024.0, said), flush=True)
        if key == "full":
            summaries, summary_bytes, index, usage = disk_usage(facts)
    print("facts on disk: %d summaries, %.1f MiB (%.1f KiB per TU); %s; disk usage %.1f MiB"
          % (summaries, summary_bytes / 2**20, summary_bytes / 1024.0 / n,
             "; ".join("%s index: %d entries in %d folders" % (name, e, d)
                       for name, (d, e) in sorted(index.items())),
             usage / 2**20))

    # (d) and (e): checking the sample.
    print("\ncheck time per TU (min of %d runs, wall s; findings identify/hresult/thread)"
          % args.runs)
    print("%-28s %-8s %5s %9s %9s %10s %9s %9s %16s %8s %8s" % (
        "file", "kind", "lines", "baseline", "vss-*", "vss+facts", "facts/vss", "(cpu)",
        "MiB base/vss/fx", "vss", "vss+fx"))
    times = {t: {c: {} for c in CONFIGS} for t in ("wall", "cpu")}
    peaks = {c: {} for c in CONFIGS}
    found = {c: [] for c in CONFIGS}
    for source in sample:
        for run_index in range(args.runs):
            for config in CONFIGS:   # alternate, so that a change of load hits all three
                wall, cpu, rss, warnings = check_file(args, project, facts, source, config)
                for t, value in (("wall", wall), ("cpu", cpu)):
                    times[t][config][source] = min(times[t][config].get(source, value), value)
                peaks[config][source] = max(peaks[config].get(source, 0), rss)
                if run_index == 0:
                    found[config] += warnings
        best = {c: times["wall"][c][source] for c in CONFIGS}
        per_file = {c: [w for w in found[c] if w[0] == source] for c in ("vss", "facts")}
        print("%-28s %-8s %5d %9.4f %9.4f %10.4f %8.3fx %8.3fx %16s %8s %8s" % (
            source, kinds[source], lines[source], best["base"], best["vss"], best["facts"],
            best["facts"] / best["vss"],
            times["cpu"]["facts"][source] / times["cpu"]["vss"][source],
            "%d/%d/%d" % tuple(peaks[c][source] / 1024 for c in CONFIGS),
            count_findings(per_file["vss"]), count_findings(per_file["facts"])), flush=True)
    print("means per kind of TU (s)")
    summary = {}
    for kind in KINDS + ["all"]:
        files = [s for s in sample if kind == "all" or kinds[s] == kind]
        summary[kind] = {"rss": max(peaks["facts"][s] for s in files) / 1024.0}
        for t in ("wall", "cpu"):
            m = {c: mean([times[t][c][s] for s in files]) for c in CONFIGS}
            summary[kind][t] = m
            print("%-28s %-8s %5s %9.4f %9.4f %10.4f %8.3fx %9s %16s  added by facts %+.4f, "
                  "by vss-* %+.4f" % (
                      "mean of %d (%s)" % (len(files), t), kind, "", m["base"], m["vss"],
                      m["facts"], m["facts"] / m["vss"], "",
                      "%d/%d/%d" % tuple(max(peaks[c][s] for s in files) / 1024
                                         for c in CONFIGS),
                      m["facts"] - m["vss"], m["vss"] - m["base"]))

    expected_all = sorted((e["file"], e["line"]) for e in expected["identify_findings"])
    expected_within = sorted((e["file"], e["line"]) for e in expected["identify_findings"]
                             if not e["across"])
    got = {c: sorted((f, l) for f, l, check in found[c] if check == CHECK_KINDS[0])
           for c in ("vss", "facts")}
    ok = got["vss"] == expected_within and got["facts"] == expected_all
    print("findings over the sample (identify/hresult/thread): without facts %s, with facts %s"
          % (count_findings(found["vss"]), count_findings(found["facts"])))
    print("identify findings: without facts %d (expected %d within a TU), with facts %d "
          "(expected %d within + %d across TUs): %s" % (
              len(got["vss"]), len(expected_within), len(got["facts"]), len(expected_within),
              expected["identify_across"], "OK" if ok else "MISMATCH"))
    if not ok:
        for c, want in (("vss", expected_within), ("facts", expected_all)):
            for f, l in sorted(set(want) - set(got[c])):
                print("  missing (%s): %s:%d" % (c, f, l))
            for f, l in sorted(set(got[c]) - set(want)):
                print("  unexpected (%s): %s:%d" % (c, f, l))
    return {
        "tus": n,
        "facts_wall": rows["full"][0] / n, "facts_cpu": rows["full"][1] / n,
        "facts_rss": rows["full"][2] / 1024.0, "facts_kib": summary_bytes / 1024.0 / n,
        "noop_ms": rows["noop"][0] / n * 1000, "edit_s": rows["edit"][0],
        "summary": summary,
    }, ok


def count_findings(warnings):
    return "/".join(str(sum(1 for w in warnings if w[2] == kind)) for kind in CHECK_KINDS)


def scaling_table(results):
    """Per-TU costs side by side, the smallest project against the largest.
    A cost is flat when the largest project's is at most 15% higher (or
    higher by less than the noise: 0.05 s for check times, 5 MiB); a cost
    that the facts add is flat when it grows by less than 0.05 s."""
    small, large = results[0], results[-1]
    print("\nscaling%29s %s %11s" % ("", " ".join("%9d TUs" % r["tus"] for r in results),
                                     "%d vs %d" % (large["tus"], small["tus"])))
    # (label, value, how to compare: "ratio" or "difference", slack)
    rows = [("facts pass, wall s per TU", lambda r: r["facts_wall"], "ratio", 0.0),
            ("facts pass, CPU s per TU", lambda r: r["facts_cpu"], "ratio", 0.0),
            ("facts pass, max MiB", lambda r: r["facts_rss"], "ratio", 5.0),
            ("facts on disk, KiB per TU", lambda r: r["facts_kib"], "ratio", 0.0),
            ("no-op rerun, ms per TU", lambda r: r["noop_ms"], "ratio", 0.0),
            ("rerun after an edit, s", lambda r: r["edit_s"], "ratio", None)]
    for t in ("wall", "cpu"):
        for kind in KINDS + ["all"]:
            rows.append(("check with facts, %s s (%s)" % (t, kind),
                         lambda r, k=kind, t=t: r["summary"][k][t]["facts"], "ratio", 0.05))
        for kind in KINDS + ["all"]:
            rows.append(("added by facts, %s s (%s)" % (t, kind),
                         lambda r, k=kind, t=t: r["summary"][k][t]["facts"]
                         - r["summary"][k][t]["vss"], "difference", 0.05))
    for kind in KINDS:
        rows.append(("check with facts, max MiB (%s)" % kind,
                     lambda r, k=kind: r["summary"][k]["rss"], "ratio", 5.0))
    for label, value, compare, slack in rows:
        a, b = value(small), value(large)
        if compare == "ratio":
            change = "%10.3fx" % (b / a)
            flat = b <= a * 1.15 or b - a <= (slack or 0.0)
        else:
            change = "%+9.4f s" % (b - a)
            flat = b - a <= slack
        verdict = "" if slack is None else "flat" if flat else "GROWS"
        print("%-36s %s %s %s" % (label, " ".join("%13.4f" % value(r) for r in results),
                                  change, verdict))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--tus", default="1000",
                   help="translation units of the project, or several: 250,1000")
    p.add_argument("--sample", type=int, default=20,
                   help="TUs whose check time is measured (the errors and writer TUs at least)")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--jobs", type=int, default=1, help="vss-facts -j")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--vss-tidy", default=os.path.join(REPO, "build", "bin", "vss-tidy"))
    p.add_argument("--vss-facts", default=os.path.join(REPO, "build", "bin", "vss-facts"))
    p.add_argument("--keep", metavar="DIR", help="keep the projects and their facts in DIR")
    args = p.parse_args()
    args.vss_tidy, args.vss_facts = os.path.abspath(args.vss_tidy), os.path.abspath(args.vss_facts)
    binaries = {b: sha1(b) for b in (args.vss_tidy, args.vss_facts)}
    for b, digest in binaries.items():
        print("%s (sha1 %s)" % (b, digest[:12]))
    started = time.perf_counter()
    results, all_ok = [], True
    with tempfile.TemporaryDirectory(prefix="wpa-bench-") as tmp:
        work = os.path.abspath(args.keep or tmp)
        os.makedirs(work, exist_ok=True)
        for tus in [int(t) for t in args.tus.split(",")]:
            print()
            result, ok = bench_size(args, tus, work)
            results.append(result)
            all_ok = all_ok and ok
    if len(results) > 1:
        scaling_table(results)
    print("\n(wall clock, %.0f s in all; vss-tidy %s / %s with and without "
          "VssFactsDirectory)" % (time.perf_counter() - started, BASE_CHECKS, VSS_CHECKS))
    for b, digest in binaries.items():
        if sha1(b) != digest:
            print("warning: %s changed during the run (rebuilt?): the numbers mix two builds" % b)
            all_ok = False
    sys.exit(0 if all_ok else 1)


if __name__ == "__main__":
    main()
