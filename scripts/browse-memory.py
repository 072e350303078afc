#!/usr/bin/env python3
"""Peak resident memory of the reader browsing a corpus, measured in tmux with /usr/bin/time.

    scripts/browse-memory.py [--size 120x40] LECTOR CORPUS_DIR

Starts `LECTOR CORPUS_DIR` under `/usr/bin/time -v` in a fresh detached tmux session, waits for
the first frame, scrolls the article list while indexing runs, waits until the status line no
longer shows "indexed N / M" (everything indexed), then goes to the end of the list, opens
articles there and back at the top, pages through one, searches it, and quits. Prints the peak
resident set size, the corpus size on disk, and their ratio.
"""

import os
import subprocess
import sys
import tempfile
import time


def tmux(socket, *args):
    return subprocess.run(
        ["tmux", "-L", socket, *args], capture_output=True, text=True, check=True
    ).stdout


def wait_for(socket, ok, what, timeout):
    start = time.monotonic()
    while True:
        screen = tmux(socket, "capture-pane", "-p")
        if ok(screen):
            return screen
        if time.monotonic() - start > timeout:
            raise SystemExit(f"timed out waiting for {what}:\n{screen}")
        time.sleep(0.2)


def keys(socket, *names, pause=0.05):
    for name in names:
        tmux(socket, "send-keys", "-t", "0", name)
        time.sleep(pause)


def corpus_bytes(path):
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            if f.endswith(".txt"):
                total += os.path.getsize(os.path.join(root, f))
    return total


def main():
    args = sys.argv[1:]
    size = "120x40"
    if args[:1] == ["--size"]:
        size = args[1]
        args = args[2:]
    if len(args) != 2:
        raise SystemExit(__doc__)
    lector, corpus = args
    width, height = size.split("x")
    socket = f"browse-memory-{os.getpid()}"
    report = tempfile.NamedTemporaryFile(prefix="lector-time-", delete=False).name
    command = f"/usr/bin/time -v -o {report} {lector} {corpus}"
    tmux(socket, "new-session", "-d", "-x", width, "-y", height, command + "; sleep 600")
    try:
        start = time.monotonic()
        wait_for(socket, lambda s: " help" in s, "the first frame", 30)
        # While indexing: the article list, scrolled a few pages.
        keys(socket, "Tab", "Tab", "Tab")
        keys(socket, *["PageDown"] * 20)
        screen = wait_for(socket, lambda s: "indexed " not in s.splitlines()[-1], "indexing", 900)
        indexed = time.monotonic() - start
        # The end of the list, articles opened there, the top again, one article read and searched.
        keys(socket, "G", "Enter", "K", "K", "K", "Tab", "G", "Tab", "Tab", "Tab", "g", "Enter")
        keys(socket, "J", "J", "J", "Tab", *["PageDown"] * 10, "/", "t", "h", "e", "Enter", "n", "n")
        time.sleep(1)
        keys(socket, "q")
        for _ in range(100):
            if os.path.getsize(report) > 0:
                break
            time.sleep(0.1)
    finally:
        tmux(socket, "kill-server")
    stats = open(report).read()
    os.unlink(report)
    peak_kb = next(
        int(line.split(":")[1]) for line in stats.splitlines() if "Maximum resident" in line
    )
    corpus = corpus_bytes(corpus)
    peak = peak_kb * 1024
    print(
        f"peak RSS {peak / 2**20:.0f} MiB for a {corpus / 2**20:.0f} MiB corpus "
        f"({peak / corpus:.2f}x), indexed in {indexed:.0f} s"
    )


if __name__ == "__main__":
    main()
