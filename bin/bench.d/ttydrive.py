#!/usr/bin/env python3
"""Interactive-session measurements for bin/bench tty, driven through a PTY.

  ttydrive.py echo N WARMUP -- CMD...   run CMD (e.g. `docker run -it busybox cat`) on a new PTY,
                                   send one byte at a time and time until it comes back
                                   (the container's terminal echoes it); prints
                                   `median_ms X`, `p90_ms X`, `mean_ms X`, `min_ms X`, `max_ms X`
  ttydrive.py read --pty -- CMD...      run CMD with stdin/stdout/stderr a PTY, read its output to EOF;
  ttydrive.py read --pipe -- CMD...     ... or with stdout a pipe (stdin /dev/null);
                                   prints `bytes N`, `first_byte_s X` (from spawn), `secs X`
                                   (first byte to EOF), `mb_per_s X` (10^6 bytes / s);
                                   no output for 30 s prints `stalled_after_bytes N`,
                                   SIGKILLs the client and exits 3

The PTY's slave side is put in raw mode with a 24x80 window before CMD is exec'd, so nothing
is echoed locally: every byte that comes back has been through the daemon and the container.
"""
import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import termios
import time
import tty


STALL_S = 30  # no output for this long while reading: the stream is stuck


def spawn_pty(cmd):
    pid, fd = pty.fork()
    if pid == 0:
        try:
            tty.setraw(0)
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    return pid, fd


def read_some(fd, timeout):
    r, _, _ = select.select([fd], [], [], timeout)
    if not r:
        return None
    try:
        return os.read(fd, 65536)
    except OSError:  # EIO: the slave side is closed
        return b""


def finish(pid, fd, keys=b""):
    if keys:
        try:
            os.write(fd, keys)
        except OSError:
            pass
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            return
        if read_some(fd, 0.1) == b"":
            time.sleep(0.05)
    os.kill(pid, 9)
    os.waitpid(pid, 0)


def echo(n, warmup, cmd):
    pid, fd = spawn_pty(cmd)
    # wait until the session answers: send a probe every 200 ms until something comes back
    deadline = time.monotonic() + 60
    got = b""
    while not got:
        if time.monotonic() > deadline:
            finish(pid, fd)
            sys.exit("ttydrive.py: no echo within 60 s")
        os.write(fd, b"x")
        got = read_some(fd, 0.2)
        if got == b"":
            sys.exit("ttydrive.py: the session ended before echoing anything")
    # drain whatever else the probes produced
    while read_some(fd, 0.5):
        pass
    times = []
    letters = b"abcdefghijklmnopqrstuvwxyz"
    for i in range(warmup + n):
        if i % 60 == 59:  # keep the container terminal's line short: a newline, untimed
            os.write(fd, b"\r")
            while read_some(fd, 0.3):
                pass
        key = letters[i % 26:i % 26 + 1]
        buf = b""
        t0 = time.perf_counter()
        os.write(fd, key)
        while key not in buf:
            chunk = read_some(fd, 10)
            if not chunk:
                finish(pid, fd)
                sys.exit("ttydrive.py: keystroke %d not echoed within 10 s" % i)
            buf += chunk
        t1 = time.perf_counter()
        if i >= warmup:
            times.append((t1 - t0) * 1000)
    finish(pid, fd, b"\r\x04")
    times.sort()
    p90 = times[min(len(times) - 1, int(round(0.9 * len(times))) - 1)]
    print("median_ms %.3f" % statistics.median(times))
    print("p90_ms %.3f" % p90)
    print("mean_ms %.3f" % statistics.mean(times))
    print("min_ms %.3f" % times[0])
    print("max_ms %.3f" % times[-1])


def read_all(mode, cmd):
    t_spawn = time.perf_counter()
    first = None
    total = 0
    if mode == "--pty":
        pid, fd = spawn_pty(cmd)
        while True:
            chunk = read_some(fd, STALL_S)
            if chunk is None:  # the stream stalled: report it, kill the client (it proxies SIGTERM)
                os.kill(pid, 9)
                os.waitpid(pid, 0)
                print("stalled_after_bytes %d" % total)
                sys.exit(3)
            if not chunk:
                break
            if first is None:
                first = time.perf_counter()
            total += len(chunk)
        end = time.perf_counter()
        _, status = os.waitpid(pid, 0)
        os.close(fd)
        rc = os.waitstatus_to_exitcode(status)
    else:
        p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
        fd = p.stdout.fileno()
        while True:
            if not select.select([fd], [], [], STALL_S)[0]:
                p.kill()
                p.wait()
                print("stalled_after_bytes %d" % total)
                sys.exit(3)
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            if first is None:
                first = time.perf_counter()
            total += len(chunk)
        end = time.perf_counter()
        rc = p.wait()
    if rc != 0:
        sys.exit("ttydrive.py: %s exited with %d" % (cmd, rc))
    if first is None:
        sys.exit("ttydrive.py: no output")
    secs = end - first
    print("bytes %d" % total)
    print("first_byte_s %.3f" % (first - t_spawn))
    print("secs %.3f" % secs)
    print("mb_per_s %.1f" % (total / secs / 1e6))


def main(argv):
    if "--" not in argv:
        sys.exit(__doc__)
    k = argv.index("--")
    args, cmd = argv[:k], argv[k + 1:]
    if args[:1] == ["echo"] and len(args) == 3:
        echo(int(args[1]), int(args[2]), cmd)
    elif args[:1] == ["read"] and len(args) == 2 and args[1] in ("--pty", "--pipe"):
        read_all(args[1], cmd)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
