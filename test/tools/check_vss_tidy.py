#!/usr/bin/env python3
"""Runs a vss-* check over a test file, in the manner of clang-tidy's check_clang_tidy.py.

  check_vss_tidy.py [tool options] [runner options] <source> <check> <temp> [-- <clang-tidy args> [-- <compiler args>]]

The source is parsed once per target (msvc, mingw, linux by default). The
diagnostics are checked with FileCheck against the comments in the source:
  CHECK-MESSAGES / CHECK-NOTES          every target
  CHECK-MESSAGES-<SUFFIX>, ...          instead, with -check-suffixes=<SUFFIX>[,...]
  CHECK-MESSAGES[-<SUFFIX>]-<TARGET>    only when parsing for that target (MSVC, MINGW, LINUX)
  CHECK-FIXES[-<SUFFIX>|-<TARGET>]      the file after clang-tidy --fix
Any warning, error or note that no CHECK line matches fails the test. The
CHECK comments are blanked out of the copy clang-tidy sees, so that line
numbers stay and fix-its cannot touch them.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys

TARGETS = ("msvc", "mingw", "linux")


def target_flags(target, args):
    # Our stand-ins for the MSVC C++ library (none ships for that target here)
    # and for ppl.h (MSVC only); MinGW and Linux use their real C++ libraries.
    inputs = os.path.dirname(args.sdk_include)
    ppl = ["-isystem", os.path.join(inputs, "ppl")]
    if target == "msvc":
        return ["--target=x86_64-pc-windows-msvc", "-fms-extensions", "-fms-compatibility",
                "-isystem", args.sdk_include, "-isystem", os.path.join(inputs, "msvc-stl")] + ppl
    if target == "mingw":
        return ["--target=x86_64-w64-mingw32", "-isystem", args.mingw_overlay,
                "-isystem", args.mingw_include] + ppl
    return ["--target=x86_64-linux-gnu", "-isystem", args.sdk_include] + ppl


def parse_args(argv):
    tool_args, rest = [], []
    if "--" in argv:
        cut = argv.index("--")
        argv, rest = argv[:cut], argv[cut + 1:]
    tidy_args, compiler_args = rest, []
    if "--" in rest:
        cut = rest.index("--")
        tidy_args, compiler_args = rest[:cut], rest[cut + 1:]
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--vss-tidy", required=True)
    p.add_argument("--plugin", required=True)
    p.add_argument("--host-clang-tidy", required=True)
    p.add_argument("--filecheck", required=True)
    p.add_argument("--sdk-include", required=True)
    p.add_argument("--mingw-overlay", required=True)
    p.add_argument("--mingw-include", required=True)
    p.add_argument("--sanitizers", default="",
                   help="the sanitizers vss-tidy and the plugin were built with (VSS_SANITIZERS)")
    p.add_argument("-check-suffixes", "-check-suffix", default="")
    p.add_argument("-targets", default=",".join(TARGETS),
                   help="comma-separated subset of " + ",".join(TARGETS))
    p.add_argument("-use-plugin", action="store_true",
                   help="run the host clang-tidy with --load=<plugin> instead of vss-tidy")
    p.add_argument("-std", default="c++17")
    p.add_argument("-expect-compile-errors", action="store_true",
                   help="the input has compile errors on purpose: clang-tidy may fail")
    p.add_argument("source")
    p.add_argument("check")
    p.add_argument("temp")
    args = p.parse_args(argv)
    return args, tidy_args, compiler_args


def prefixes_for(kind, suffixes, target, text):
    # As in check_clang_tidy.py, suffixes replace the plain prefix; each
    # prefix also has a variant for the target being parsed.
    base = "CHECK-" + kind
    stems = [base + "-" + s for s in suffixes] if suffixes else [base]
    names = stems + [stem + "-" + target.upper() for stem in stems]
    return [n for n in names if re.search(r"\b" + re.escape(n) + r"(-NEXT|-SAME|-NOT|-DAG|-LABEL|-EMPTY)?:", text)]


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def check_one_target(args, tidy_args, compiler_args, target, original, suffixes):
    ext = os.path.splitext(args.source)[1] or ".cpp"
    work = "%s.%s%s" % (args.temp, target, ext)
    os.makedirs(os.path.dirname(os.path.abspath(work)), exist_ok=True)
    cleaned = re.sub(r"//\s*CHECK-[A-Z0-9\-]*:[^\r\n]*", "//", original)
    with open(work, "w") as f:
        f.write(cleaned)

    message_prefixes = prefixes_for("MESSAGES", suffixes, target, original) + \
        prefixes_for("NOTES", suffixes, target, original)
    fix_prefixes = prefixes_for("FIXES", suffixes, target, original)
    if not message_prefixes and not fix_prefixes:
        sys.exit("error: %s has no CHECK-MESSAGES, CHECK-NOTES or CHECK-FIXES lines for %s"
                 % (args.source, target))

    if args.use_plugin and args.sanitizers:
        # An instrumented plugin cannot load into the uninstrumented host clang-tidy.
        print("plugin mode skipped: built with sanitizers (the host clang-tidy is not "
              "instrumented); checking with vss-tidy instead")
        tool = [args.vss_tidy]
    elif args.use_plugin:
        tool = [args.host_clang_tidy, "--load=" + args.plugin]
    else:
        tool = [args.vss_tidy]
    # Always --fix: a fix-it that no CHECK-FIXES line expects fails the test.
    compile_args = ["--", "-std=" + args.std] + target_flags(target, args) + compiler_args
    # Isolated from any .clang-tidy above the temporary file: only what the
    # test says applies (an empty configuration unless it gives its own).
    if not any(a.startswith(("-config", "--config")) for a in tidy_args):
        tidy_args = ["--config={}"] + tidy_args
    cmd = tool + ["--checks=-*," + args.check, "--quiet", "--fix"] + tidy_args + [work] + compile_args
    print("[%s] %s" % (target, " ".join(cmd)))
    result = run(cmd)
    # As check_clang_tidy.py does: --fix reports each applied fix as a note.
    output = "\n".join(l for l in result.stdout.splitlines()
                       if "note: FIX-IT applied suggested code changes" not in l) + "\n"
    print(output)
    if result.stderr.strip():
        print(result.stderr, file=sys.stderr)
    if result.returncode < 0:
        sys.exit("error: clang-tidy was killed by signal %d for target %s"
                 % (-result.returncode, target))
    if result.returncode != 0 and not args.expect_compile_errors:
        sys.exit("error: clang-tidy exited with %d for target %s" % (result.returncode, target))

    if message_prefixes:
        out_file = work + ".msg"
        with open(out_file, "w") as f:
            f.write(output)
        fc = run([args.filecheck, "-input-file=" + out_file, args.source,
                  "-check-prefixes=" + ",".join(message_prefixes),
                  "-implicit-check-not={{warning|error|note}}:", "-dump-input=fail", "--allow-empty"])
        if fc.returncode != 0:
            sys.stderr.write(fc.stdout + fc.stderr)
            sys.exit("error: diagnostics do not match for target %s" % target)
    with open(work) as f:
        fixed = f.read()
    if not fix_prefixes:
        if fixed != cleaned:
            sys.exit("error: clang-tidy applied fix-its that no CHECK-FIXES line expects (%s)" % target)
        return
    fc = run([args.filecheck, "-input-file=" + work, args.source,
              "-check-prefixes=" + ",".join(fix_prefixes), "-strict-whitespace"])
    if fc.returncode != 0:
        sys.stderr.write(fc.stdout + fc.stderr)
        sys.exit("error: fixed file does not match for target %s" % target)
    # The fixed file still compiles, and the check is silent where it was fixed.
    changed = {i + 1 for i, (a, b) in enumerate(zip(cleaned.split("\n"), fixed.split("\n"))) if a != b}
    rerun = run(tool + ["--checks=-*," + args.check, "--quiet"] + tidy_args + [work] + compile_args)
    if rerun.returncode != 0:
        sys.stderr.write(rerun.stdout + rerun.stderr)
        sys.exit("error: the fixed file does not compile for target %s" % target)
    for line in rerun.stdout.splitlines():
        m = re.match(re.escape(work) + r":(\d+):\d+: warning:", line)
        if m and int(m.group(1)) in changed:
            sys.exit("error: the check still warns on fixed line %s for target %s:\n%s"
                     % (m.group(1), target, line))


def main():
    args, tidy_args, compiler_args = parse_args(sys.argv[1:])
    with open(args.source) as f:
        original = f.read()
    suffixes = [s.strip() for s in args.check_suffixes.split(",") if s.strip()]
    targets = [t.strip() for t in args.targets.split(",") if t.strip()]
    for target in targets:
        if target not in TARGETS:
            sys.exit("error: unknown target %r" % target)
        check_one_target(args, tidy_args, compiler_args, target, original, suffixes)


if __name__ == "__main__":
    main()
