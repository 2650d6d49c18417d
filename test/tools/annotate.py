#!/usr/bin/env python3
"""Development aid: prints a test file with CHECK-NOTES lines after each line
that has a warning in the given clang-tidy output: the warning, then its notes,
with line offsets relative to the CHECK line. Every inserted line must still
be read and confirmed by hand before it is committed."""
import re
import sys

source, output = sys.argv[1], sys.argv[2]
prefix = sys.argv[3] if len(sys.argv) > 3 else "CHECK-NOTES"
lines = open(source).read().split("\n")
findings = []  # (line, col, text, [(line, col, text)])
for raw in open(output):
    m = re.match(r".*?:(\d+):(\d+): (warning|note): (.*)$", raw.rstrip("\n"))
    if not m:
        continue
    item = (int(m.group(1)), int(m.group(2)), m.group(4))
    if m.group(3) == "warning":
        findings.append((item, []))
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
    for (wl, wc, wt), notes in by_line.get(i, []):
        for kind, (l, c, t) in [("warning", (wl, wc, wt))] + [("note", n) for n in notes]:
            here = len(out) + 1
            delta = here - new_line[l]
            rel = "[[@LINE-%d]]" % delta if delta > 0 else "[[@LINE+%d]]" % -delta
            out.append("%s// %s: :%s:%d: %s: %s" % (indent, prefix, rel, c, kind, t))
sys.stdout.write("\n".join(out))
