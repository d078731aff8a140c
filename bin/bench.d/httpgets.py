#!/usr/bin/env python3
"""Sequential HTTP GETs, one connection each, and the time each took.

    httpgets.py HOST PORT COUNT [DEADLINE_S]

Waits (up to the deadline) until the server answers, then makes COUNT requests one after the
other, each on a new connection, and prints "requests=N median_ms=M p90_ms=P".
"""
import socket
import sys
import time

REQUEST = b"GET / HTTP/1.0\r\nHost: bench\r\n\r\n"


def get(host, port):
    with socket.create_connection((host, port), timeout=10) as s:
        s.sendall(REQUEST)
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                return data
            data += chunk


def main():
    host, port, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    deadline = time.monotonic() + (float(sys.argv[4]) if len(sys.argv) > 4 else 60)
    while True:
        try:
            if get(host, port).startswith(b"HTTP/"):
                break
        except OSError:
            pass
        if time.monotonic() > deadline:
            print("nothing answered on %s:%d" % (host, port), file=sys.stderr)
            return 1
        time.sleep(0.05)
    times = []
    for _ in range(count):
        t0 = time.monotonic()
        if not get(host, port).startswith(b"HTTP/"):
            print("a request was not answered", file=sys.stderr)
            return 1
        times.append((time.monotonic() - t0) * 1000)
    times.sort()
    print("requests=%d median_ms=%.3f p90_ms=%.3f" % (count, times[len(times) // 2], times[int(len(times) * 0.9)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
