#!/usr/bin/env python3
"""Runs a command and fails unless it exits with the given code.

  expect_exit.py CODE COMMAND [ARG...]

The command's output passes through. Unlike `not`, the exact exit code is
checked; a crash (death by a signal) always fails, whatever CODE says."""
import subprocess
import sys

expected, command = int(sys.argv[1]), sys.argv[2:]
code = subprocess.call(command)
if code < 0:
    sys.exit("expect_exit: %s was killed by signal %d" % (command[0], -code))
if code != expected:
    sys.exit("expect_exit: %s exited with %d, expected %d" % (command[0], code, expected))
