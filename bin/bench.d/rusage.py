#!/usr/bin/env python3
"""Wall, CPU and peak RSS of a command, for bin/bench start.

  rusage.py RUNS -- CMD...

Runs CMD RUNS times, one after another, stdout to /dev/null, and prints the medians as
`wall_ms X`, `cpu_ms X` (user + system, CMD and the children it waited for) and `rss_mb X`
(the largest VmRSS of CMD or one of those children). Times come from a monotonic clock and
wait4's rusage (microseconds): GNU time's hundredths of a second are too coarse for commands
of 10 ms. The peak RSS does come from GNU time (/usr/bin/time -f %M), which runs CMD: a child
of this script would count this Python's own RSS (its mm before the exec) in its peak. So the
times include GNU time's exec of CMD (well under a millisecond), alike for every CMD.
Exits 1 with CMD's stderr when a run fails.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time


def main():
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        sys.exit(__doc__)
    runs, cmd = int(sys.argv[1]), sys.argv[3:]
    walls, cpus, rsss = [], [], []
    rss_file = tempfile.NamedTemporaryFile(prefix="rusage.", suffix=".kb")
    timed = ["/usr/bin/time", "-f", "%M", "-o", rss_file.name] + cmd
    for _ in range(runs):
        t0 = time.perf_counter()
        p = subprocess.Popen(timed, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        err = p.stderr.read()
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.stderr.close()
        if os.waitstatus_to_exitcode(status) != 0:
            sys.stderr.write("failed: %s: %s\n" % (" ".join(cmd), err.decode(errors="replace").rstrip()))
            sys.exit(1)
        walls.append(wall * 1000)
        cpus.append((usage.ru_utime + usage.ru_stime) * 1000)
        with open(rss_file.name) as f:
            rsss.append(int(f.read().split()[-1]) / 1024)
    print("wall_ms %.1f" % statistics.median(walls))
    print("cpu_ms %.1f" % statistics.median(cpus))
    print("rss_mb %.1f" % statistics.median(rsss))


if __name__ == "__main__":
    main()
