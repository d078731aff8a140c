#!/usr/bin/env python3
"""Time from an action to a tmux pane showing a text, for bin/bench dashboard.

  screenwait.py SOCKET PANE TEXT TIMEOUT_S -- CMD...

Connects to the tmux server on SOCKET as a control-mode client (one connection: a screen read
is a command on it, not a new tmux process), runs CMD, and reads PANE's screen with
capture-pane every 2 ms (a tighter loop would take a core from what is measured) until it
contains TEXT. The clock starts just before CMD is
spawned and stops at the first read that shows TEXT. Prints `ms X` (that time), `polls N` and
`poll_ms X` (the mean time between reads: the figure's resolution), and `cmd_ms X` (how long
CMD itself took). PANE may not exist yet when CMD creates it: reads that fail count as not yet.
Exits 1 (after printing the last screen to stderr) when TEXT does not show within TIMEOUT_S.
"""
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 7 or sys.argv[5] != "--":
        sys.exit(__doc__)
    socket, pane, text, timeout = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    cmd = sys.argv[6:]
    # a control client needs a session to attach to: the caller keeps one named "keep"
    ctl = subprocess.Popen(["tmux", "-S", socket, "-C", "attach-session", "-t", "keep"],
                           stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
    out = ctl.stdout

    def command(line):
        """Sends one command; returns its output lines, or None for %error."""
        ctl.stdin.write(line.encode() + b"\n")
        body = None
        while True:
            raw = out.readline()
            if not raw:
                sys.exit("screenwait: the tmux control client ended")
            s = raw.decode("utf-8", "replace").rstrip("\n")
            if body is None:
                # "%begin TIME NUMBER FLAGS": FLAGS 1 marks the answer to a command of ours;
                # notifications and the attach's own block are passed over
                parts = s.split(" ")
                if parts[0] == "%begin" and len(parts) >= 4 and parts[3] == "1":
                    body = []
                continue
            if s.startswith("%end ") or s.startswith("%error "):
                return body if s.startswith("%end ") else None
            body.append(s)

    command("refresh-client")
    t0 = time.monotonic()
    started = subprocess.run(cmd, stdout=subprocess.DEVNULL)
    t_cmd = time.monotonic()
    if started.returncode != 0:
        sys.exit("screenwait: %s exited %d" % (" ".join(cmd), started.returncode))
    polls = 0
    screen = []
    while True:
        lines = command("capture-pane -p -t " + pane)
        now = time.monotonic()
        polls += 1
        if lines is not None:
            screen = lines
            if any(text in l for l in lines):
                break
        if now - t0 > timeout:
            sys.stderr.write("screenwait: %r not shown within %s s; the screen:\n" % (text, timeout))
            sys.stderr.write("\n".join(screen) + "\n")
            ctl.stdin.close()
            ctl.wait()
            sys.exit(1)
        time.sleep(0.002)
    ms = (now - t0) * 1000
    print("ms %.1f" % ms)
    print("polls %d" % polls)
    print("poll_ms %.2f" % (ms / polls))
    print("cmd_ms %.1f" % ((t_cmd - t0) * 1000))
    ctl.stdin.close()
    ctl.wait()


if __name__ == "__main__":
    main()
