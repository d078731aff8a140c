#!/usr/bin/env python3
"""Time from spawning a daemon to its first answers, for bin/bench spawn.

    spawnping.py SOCKET SPAWNS LABEL COMMAND [LABEL COMMAND ...]

Spawns each COMMAND (a shell-quoted string) in turn, SPAWNS rounds (so several commands are
measured in alternation, paired, under the same load), and for each spawn takes: the wall time
until GET /_ping on SOCKET answers 200, the daemon's CPU time at that moment (utime + stime of
the whole process, from /proc), and the wall time until GET /containers/json answers (the engine
is open) and the daemon's CPU time then. With two commands, also the medians of their paired
differences (second minus first). Then SIGTERM, and the next spawn waits for the process to end. The polling is one
connect() every 3 ms on the socket, not a process per try, so it takes little CPU from the daemon.
Prints one line per spawn, then per label the medians and ranges. Exit 1 if a daemon never answers.
"""
import os
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import time

sock_path, spawns = sys.argv[1], int(sys.argv[2])
commands = [(sys.argv[i], shlex.split(sys.argv[i + 1])) for i in range(3, len(sys.argv), 2)]
hz = os.sysconf('SC_CLK_TCK')


def cpu_ms(pid):
    with open(f'/proc/{pid}/stat') as f:
        fields = f.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / hz


def request(path, timeout):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(timeout)
    try:
        s.connect(sock_path)
        s.sendall(f'GET {path} HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n'.encode())
        data = b''
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        return data.startswith(b'HTTP/1.1 200')
    except OSError:
        return False
    finally:
        s.close()


def spawn(command, log):
    try:
        os.unlink(sock_path)
    except FileNotFoundError:
        pass
    t0 = time.monotonic()
    p = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        while True:
            if p.poll() is not None or time.monotonic() - t0 > 60:
                return None
            if os.path.exists(sock_path) and request('/_ping', 2):
                break
            time.sleep(0.003)
        ping = (time.monotonic() - t0) * 1000
        cpu = cpu_ms(p.pid)
        if not request('/containers/json?all=1', 60):
            return None
        return ping, cpu, (time.monotonic() - t0) * 1000, cpu_ms(p.pid)
    finally:
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(60)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


results = {label: [] for label, _ in commands}
log_path = os.path.join(os.path.dirname(sock_path), 'spawn.log')
with open(log_path, 'a') as log:
    for round_ in range(spawns):
        for label, command in commands:
            r = spawn(command, log)
            if r is None:
                print(f'bench: {label}: the daemon did not answer; see {log_path}', file=sys.stderr)
                sys.exit(1)
            results[label].append(r)
            print(f'  {label} spawn {round_ + 1}: /_ping {r[0]:.0f} ms wall, {r[1]:.0f} ms CPU; first engine request {r[2]:.0f} ms wall, {r[3]:.0f} ms CPU',
                  file=sys.stderr, flush=True)


def spread(values):
    return f'{statistics.median(values):.0f} ({min(values):.0f}-{max(values):.0f})'


for label, rs in results.items():
    print(f'{label}: /_ping {spread([r[0] for r in rs])} ms wall, {spread([r[1] for r in rs])} ms CPU; '
          f'first engine request {spread([r[2] for r in rs])} ms wall, {spread([r[3] for r in rs])} ms CPU'
          f'  [median (min-max) of {len(rs)} spawns]')
if len(results) == 2:
    (la, ra), (lb, rb) = results.items()
    print(f'{lb} - {la}, median of the paired differences: /_ping '
          f'{statistics.median([b[0] - a[0] for a, b in zip(ra, rb)]):+.0f} ms wall, '
          f'{statistics.median([b[1] - a[1] for a, b in zip(ra, rb)]):+.0f} ms CPU; first engine request '
          f'{statistics.median([b[2] - a[2] for a, b in zip(ra, rb)]):+.0f} ms wall, '
          f'{statistics.median([b[3] - a[3] for a, b in zip(ra, rb)]):+.0f} ms CPU')
