"""Writes DIR/compile_commands.json for DIR/src/*.cpp, compiled with ARGS:

  make_db.py DIR ARGS...
"""
import glob
import json
import os
import sys

directory, args = sys.argv[1], sys.argv[2:]
commands = [{"directory": directory, "file": os.path.relpath(path, directory),
             "arguments": ["clang++", "-std=c++17"] + args + ["-c", os.path.relpath(path, directory)]}
            for path in sorted(glob.glob(os.path.join(directory, "src", "*.cpp")))]
with open(os.path.join(directory, "compile_commands.json"), "w") as f:
    json.dump(commands, f, indent=1)
