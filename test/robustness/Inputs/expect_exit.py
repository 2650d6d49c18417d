#!/usr/bin/env python3
"""Runs a command and fails unless it exits with the given code.

  expect_exit.py [--within SECONDS] [--max-rss MIB] CODE COMMAND [ARG...]

The command's output passes through. Unlike `not`, the exact exit code is
checked; a crash (death by a signal) always fails, whatever CODE says. With
--within, a command still running after SECONDS is killed and fails; with
--max-rss, a command whose peak resident memory went over MIB fails. Both are
bounds for hangs and runaway costs, far above the normal figures, never
measurements."""
import resource
import subprocess
import sys

args = sys.argv[1:]
within = max_rss = None
while args and args[0].startswith("--"):
    if args[0] == "--within":
        within = float(args[1])
    elif args[0] == "--max-rss":
        max_rss = int(args[1])
    else:
        sys.exit("expect_exit: unknown option %s" % args[0])
    args = args[2:]
expected, command = int(args[0]), args[1:]
try:
    code = subprocess.call(command, timeout=within)
except subprocess.TimeoutExpired:
    sys.exit("expect_exit: %s still ran after %g s" % (command[0], within))
if code < 0:
    sys.exit("expect_exit: %s was killed by signal %d" % (command[0], -code))
if code != expected:
    sys.exit("expect_exit: %s exited with %d, expected %d" % (command[0], code, expected))
if max_rss is not None:
    # The peak of the one child this script waited for, in KiB on Linux.
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    if peak > max_rss:
        sys.exit("expect_exit: %s used %d MiB at its peak, more than %d MiB" % (command[0], peak, max_rss))
