#!/usr/bin/env python3
"""A real LSP session against a clangd binary, for the vss-clangd test.

  lsp_session.py [--full-locations] <clangd> <file> <fixed-file> [clangd args...]

Opens <file> (initialize, initialized, didOpen), waits for clangd's
publishDiagnostics that contains a vss-* diagnostic, prints every diagnostic
(one line each: code, range, message, then its relatedInformation), replaces
the text with <fixed-file> (didChange), waits for the next publishDiagnostics
and prints it the same way. Exits non-zero on a timeout. A related location
is printed as file name and start; with --full-locations, as URI and range
(for notes in other files).
"""
import json
import os
import subprocess
import sys
import threading
import queue
import time


def send(proc, message):
    body = json.dumps(message).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def reader(proc, out):
    while True:
        length = None
        while True:
            line = proc.stdout.readline()
            if not line:
                out.put(None)
                return
            line = line.strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        out.put(json.loads(proc.stdout.read(length)))


def wait_for_diagnostics(messages, uri, version, deadline):
    while time.time() < deadline:
        try:
            message = messages.get(timeout=max(0.1, deadline - time.time()))
        except queue.Empty:
            break
        if message is None:
            sys.exit("clangd exited")
        if message.get("method") == "textDocument/publishDiagnostics":
            params = message["params"]
            if params["uri"] == uri and params.get("version", version) == version:
                return params["diagnostics"]
    sys.exit("timed out waiting for diagnostics of version %d" % version)


def show(diagnostics, label, full_locations):
    print("== %s: %d diagnostics" % (label, len(diagnostics)))
    for d in diagnostics:
        r = d["range"]
        print("diagnostic %s %d:%d-%d:%d %s" % (d.get("code", ""), r["start"]["line"] + 1,
              r["start"]["character"] + 1, r["end"]["line"] + 1, r["end"]["character"] + 1,
              d["message"].replace("\n", " | ")))
        for info in d.get("relatedInformation", []):
            uri, r = info["location"]["uri"], info["location"]["range"]
            if full_locations:
                print("  related %s %d:%d-%d:%d %s" % (uri, r["start"]["line"] + 1,
                      r["start"]["character"] + 1, r["end"]["line"] + 1,
                      r["end"]["character"] + 1, info["message"]))
            else:
                print("  related %s:%d:%d %s" % (os.path.basename(uri), r["start"]["line"] + 1,
                      r["start"]["character"] + 1, info["message"]))


def main():
    args = sys.argv[1:]
    full_locations = args[:1] == ["--full-locations"]
    if full_locations:
        args = args[1:]
    clangd, path, fixed = args[0], os.path.abspath(args[1]), args[2]
    proc = subprocess.Popen([clangd] + args[3:], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    messages = queue.Queue()
    threading.Thread(target=reader, args=(proc, messages), daemon=True).start()
    uri = "file://" + path
    root = "file://" + os.path.dirname(path)
    send(proc, {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "processId": os.getpid(), "rootUri": root, "capabilities": {
            "textDocument": {"publishDiagnostics": {"relatedInformation": True}}}}})
    send(proc, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
    send(proc, {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "cpp", "version": 1, "text": open(path).read()}}})
    show(wait_for_diagnostics(messages, uri, 1, time.time() + 120), "opened", full_locations)
    send(proc, {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"text": open(fixed).read()}]}})
    show(wait_for_diagnostics(messages, uri, 2, time.time() + 120), "fixed", full_locations)
    send(proc, {"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    send(proc, {"jsonrpc": "2.0", "method": "exit"})
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


if __name__ == "__main__":
    main()
