#!/usr/bin/env python3
"""Checks that the lists of checks in the docs and the README are those of
checks/VssChecks.def, the one list the module registers from:

  check_list.py SOURCE_DIR [VSS_TIDY]

Every check of VssChecks.def has a doc page docs/checks/<name>.rst, a row in
docs/checks/list.rst and a row in the README's table of checks, and no other
vss-* check is listed anywhere. With VSS_TIDY, `vss-tidy --list-checks` lists
exactly those checks too. Prints what is wrong and exits 1.
"""
import os
import re
import subprocess
import sys


def main():
    root = sys.argv[1]
    registered = re.findall(r'VSS_CHECK\("([^"]+)"', open(os.path.join(root, "checks", "VssChecks.def")).read())
    problems = []
    if not registered:
        problems.append("checks/VssChecks.def lists no check")
    listed = re.findall(r":doc:`(vss-[\w-]+)", open(os.path.join(root, "docs", "checks", "list.rst")).read())
    readme = re.findall(r"^\| \[(vss-[\w-]+)\]\(docs/checks/\1\.rst\) \|", open(os.path.join(root, "README.md")).read(), re.M)
    pages = sorted(f[:-4] for f in os.listdir(os.path.join(root, "docs", "checks")) if f.startswith("vss-") and f.endswith(".rst"))
    for where, names in (("docs/checks/list.rst", listed), ("the README's table of checks", readme),
                         ("docs/checks/*.rst pages", pages)):
        for name in registered:
            if name not in names:
                problems.append("%s is registered in VssChecks.def but missing from %s" % (name, where))
        for name in names:
            if name not in registered:
                problems.append("%s is in %s but not registered in VssChecks.def" % (name, where))
    if len(sys.argv) > 2:
        out = subprocess.run([sys.argv[2], "--checks=-*,vss-*", "--list-checks"], capture_output=True, text=True).stdout
        offered = sorted(l.strip() for l in out.splitlines() if l.strip().startswith("vss-"))
        if offered != sorted(registered):
            problems.append("vss-tidy --list-checks offers %s, VssChecks.def registers %s" % (offered, sorted(registered)))
    for p in problems:
        print("error: " + p)
    if problems:
        sys.exit(1)
    print("%d checks, listed everywhere: %s" % (len(registered), ", ".join(registered)))


if __name__ == "__main__":
    main()
