"""Writes DIR/compile_commands.json for DIR/src/*.cpp: make_db.py DIR SDK_INCLUDE"""
import glob
import json
import os
import sys

directory, sdk = sys.argv[1], sys.argv[2]
commands = [{"directory": directory, "file": os.path.relpath(path, directory),
             "arguments": ["clang++", "-std=c++17", "-isystem", sdk, "-c",
                           os.path.relpath(path, directory)]}
            for path in sorted(glob.glob(os.path.join(directory, "src", "*.cpp")))]
with open(os.path.join(directory, "compile_commands.json"), "w") as f:
    json.dump(commands, f, indent=1)
