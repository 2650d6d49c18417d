#!/usr/bin/env python3
"""Development aid: prints a test file with a CHECK-MESSAGES line after each
line that has a warning in the given clang-tidy output (warnings only).
Every inserted line must still be read and confirmed by hand."""
import re
import sys

source, output = sys.argv[1], sys.argv[2]
lines = open(source).read().split("\n")
found = {}
for line in open(output):
    m = re.match(r".*?:(\d+):(\d+): warning: (.*)$", line.rstrip("\n"))
    if m:
        found.setdefault(int(m.group(1)), []).append((int(m.group(2)), m.group(3)))
out = []
for i, text in enumerate(lines, 1):
    out.append(text)
    indent = re.match(r"\s*", text).group(0)
    for n, (col, msg) in enumerate(found.get(i, [])):
        out.append("%s// CHECK-MESSAGES: :[[@LINE-%d]]:%d: warning: %s" % (indent, n + 1, col, msg))
sys.stdout.write("\n".join(out))
