#!/usr/bin/env python3
"""Time from launching a terminal program to its first full screen, measured in tmux.

    scripts/time-to-first-screen.py [--runs N] [--size 120x40] MARKER -- COMMAND...

Starts COMMAND in a fresh detached tmux session, then polls `tmux capture-pane` until the screen
contains MARKER (text that only the finished first frame shows), and prints the median, min and
max of N runs in seconds. Polling costs a few milliseconds, so figures are upper bounds with
about that resolution.
"""

import os
import statistics
import subprocess
import sys
import time


def once(command, marker, size, socket):
    width, height = size.split("x")
    subprocess.run(["tmux", "-L", socket, "kill-server"], stderr=subprocess.DEVNULL)
    start = time.monotonic()
    subprocess.run(
        ["tmux", "-L", socket, "new-session", "-d", "-x", width, "-y", height, command],
        check=True,
    )
    try:
        while True:
            screen = subprocess.run(
                ["tmux", "-L", socket, "capture-pane", "-p"], capture_output=True, text=True
            ).stdout
            if marker in screen:
                return time.monotonic() - start
            if time.monotonic() - start > 60:
                raise SystemExit(f"no {marker!r} on screen after 60 s:\n{screen}")
            time.sleep(0.002)
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], stderr=subprocess.DEVNULL)


def main():
    args = sys.argv[1:]
    runs, size = 5, "120x40"
    while args and args[0].startswith("--") and args[0] != "--":
        flag = args.pop(0)
        if flag == "--runs":
            runs = int(args.pop(0))
        elif flag == "--size":
            size = args.pop(0)
    if len(args) < 3 or args[1] != "--":
        raise SystemExit(__doc__)
    marker, command = args[0], " ".join(args[2:])
    socket = f"first-screen-{os.getpid()}"
    # A server of its own per run: one being killed can still hold a reused socket.
    times = [once(command, marker, size, f"{socket}-{i}") for i in range(runs)]
    print(
        f"{statistics.median(times):.3f} s median, {min(times):.3f}-{max(times):.3f} s over {runs} runs: {command}"
    )


if __name__ == "__main__":
    main()
