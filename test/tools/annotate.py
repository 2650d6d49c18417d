#!/usr/bin/env python3
"""Development aid: prints a test file with CHECK-NOTES lines after each line
that has a warning in the given clang-tidy output: the warning, then its notes,
with line offsets relative to the CHECK line. Every inserted line must still
be read and confirmed by hand before it is committed.

  annotate.py SOURCE OUTPUT[:PREFIX] [OUTPUT2:PREFIX2 ...]

Each OUTPUT is clang-tidy's output for SOURCE (without CHECK lines), with the
prefix its lines get (CHECK-NOTES by default), e.g. one run per option set.
"""
import re
import sys

source = sys.argv[1]
runs = []
for arg in sys.argv[2:]:
    path, _, prefix = arg.partition(":")
    runs.append((path, prefix or "CHECK-NOTES"))
if len(sys.argv) == 4 and ":" not in sys.argv[2] and ":" not in sys.argv[3]:
    runs = [(sys.argv[2], sys.argv[3])]  # the older form: SOURCE OUTPUT PREFIX

lines = open(source).read().split("\n")
findings = []  # ((line, col, text), [(line, col, text)], prefix)
for path, prefix in runs:
    for raw in open(path):
        m = re.match(r".*?:(\d+):(\d+): (warning|note): (.*)$", raw.rstrip("\n"))
        if not m:
            continue
        item = (int(m.group(1)), int(m.group(2)), m.group(4))
        if m.group(3) == "warning":
            findings.append((item, [], prefix))
        elif findings:
            findings[-1][1].append(item)
by_line = {}
for f in findings:
    by_line.setdefault(f[0][0], []).append(f)
inserted = {l: sum(1 + len(f[1]) for f in fs) for l, fs in by_line.items()}
new_line = {}
shift = 0
for i in range(1, len(lines) + 1):
    new_line[i] = i + shift
    shift += inserted.get(i, 0)
out = []
for i, text in enumerate(lines, 1):
    out.append(text)
    indent = re.match(r"\s*", text).group(0)
    for (wl, wc, wt), notes, prefix in by_line.get(i, []):
        for kind, (l, c, t) in [("warning", (wl, wc, wt))] + [("note", n) for n in notes]:
            here = len(out) + 1
            delta = here - new_line[l]
            rel = "[[@LINE-%d]]" % delta if delta > 0 else "[[@LINE+%d]]" % -delta
            out.append("%s// %s: :%s:%d: %s: %s" % (indent, prefix, rel, c, kind, t))
sys.stdout.write("\n".join(out))
