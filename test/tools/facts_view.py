#!/usr/bin/env python3
"""Prints the summaries of a vss-facts folder as sorted lines, for FileCheck.

  facts_view.py FACTS_DIR

One block per translation unit (by file name), then its functions, calls,
failure calls, thread starts, parameters handed to threads and overrides, with file:line locations (file
names only) and function names instead of USRs.
"""
import glob
import json
import os
import sys


def where(loc):
    return "%s:%d" % (os.path.basename(loc["file"]), loc["line"])


def main():
    summaries = []
    for path in glob.glob(os.path.join(sys.argv[1], "tu", "*.json")):
        with open(path) as f:
            summaries.append(json.load(f))
    names = {}
    for s in summaries:
        for fn in s["functions"]:
            names[fn["usr"]] = fn["name"]
    name = lambda usr: names.get(usr, usr)
    for s in sorted(summaries, key=lambda s: os.path.basename(s["file"])):
        system = []
        if isinstance(s.get("system_inputs"), str):
            with open(os.path.join(sys.argv[1], "inputs", s["system_inputs"] + ".json")) as f:
                system = json.load(f)
        print("tu %s version %d inputs %s + %d system headers" % (
            os.path.basename(s["file"]), s["version"],
            " ".join(sorted(os.path.basename(i["path"]) for i in s["inputs"])), len(system)))
        lines = []
        for fn in s["functions"]:
            extra = " handler %s of %s" % (fn["handler"], fn["writer"]) if "handler" in fn else ""
            lines.append("function %s at %s%s" % (fn["name"], where(fn["location"]), extra))
        for c in s["calls"]:
            consts = "".join(" arg%d=%#x" % (k["parameter"], k["value"] & 0xFFFFFFFF)
                             for k in c.get("constants", []))
            consts += "".join(" arg%d=parameter %d '%s' at %s" % (k["argument"], k["parameter"], k["name"],
                                                                where(k["location"]))
                              for k in c.get("forwards", []))
            consts += "".join(" dead-when-arg%d=%d" % (k["parameter"], k["value"])
                              for k in c.get("dead_when", []))
            lines.append("%s %s -> %s at %s%s" % (c["kind"], name(c["caller"]), c["callee_name"],
                                                 where(c["location"]), consts))
        for f in s["failure_calls"]:
            h = f.get("hresult", {"kind": "none"})
            value = {"constant": lambda: "constant %#x" % h["value"],
                     "parameter": lambda: "parameter %d '%s' at %s" % (h["index"], h["name"], where(h["location"]))}.get(h["kind"], lambda: h["kind"])()
            lines.append("failure %s in %s at %s hresult %s" % (f["api"], name(f["caller"]),
                                                             where(f["location"]), value))
        for t in s["thread_starts"]:
            lines.append("thread-start %s in %s at %s runs %s" % (
                t["api"], name(t["caller"]), where(t["location"]),
                ",".join(name(e) for e in t["entries"])))
        for t in s.get("thread_start_parameters", []):
            lines.append("thread-start-parameter %d '%s' of %s to %s at %s (%s)" % (
                t["parameter"], t["name"], name(t["function"]), t.get("callee_name", "?"),
                where(t["location"]), t["api"]))
        for o in s["overrides"]:
            lines.append("override %s overrides %s" % (name(o["method"]), o["overrides"]))
        for line in sorted(lines):
            print("  " + line)


if __name__ == "__main__":
    main()
