#!/usr/bin/env python3
"""Receives everything a TCP server sends until it closes, and reports the throughput.

    tcpcount.py HOST PORT EXPECTED_BYTES [DEADLINE_S]

Connects again while a connection ends with no bytes at all (the server in the container is
not listening yet: a userland proxy accepts, then closes), then counts bytes until end of
stream. Prints "bytes=N seconds=S mb_per_s=M" (MB = 10^6 bytes); exits 1 when fewer than
EXPECTED_BYTES arrived or nothing answered before the deadline.
"""
import socket
import sys
import time


def main():
    host, port, expected = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    deadline = time.monotonic() + (float(sys.argv[4]) if len(sys.argv) > 4 else 60)
    buf = bytearray(1 << 20)
    view = memoryview(buf)
    while time.monotonic() < deadline:
        try:
            s = socket.create_connection((host, port), timeout=10)
        except OSError:
            time.sleep(0.05)
            continue
        s.settimeout(60)
        total = 0
        start = None
        try:
            while True:
                n = s.recv_into(view)
                if n == 0:
                    break
                if start is None:
                    start = time.monotonic()
                total += n
        except OSError:
            pass
        finally:
            s.close()
        if total == 0:
            time.sleep(0.05)
            continue
        seconds = time.monotonic() - start
        print("bytes=%d seconds=%.3f mb_per_s=%.1f" % (total, seconds, total / seconds / 1e6))
        return 0 if total >= expected else 1
    print("nothing answered on %s:%d" % (host, port), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
