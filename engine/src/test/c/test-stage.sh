#!/usr/bin/env bash
# Hand-run checks of the native stage against a busybox rootfs. Needs root, busybox-static
# and python3. Usage: bash engine/src/test/c/test-stage.sh
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d /tmp/purser-stage-test.XXXXXX)"
trap 'rm -rf "$work"' EXIT
bash "$here/../../main/c/build.sh" "$work/out" || exit 1
S="$work/out/purser-stage"

rfs="$work/rootfs"
mkdir -p "$rfs"/{bin,etc,proc,sys,dev,tmp}
cp /bin/busybox "$rfs/bin/busybox"
for a in $(/bin/busybox --list); do [ "$a" = busybox ] || ln -sf busybox "$rfs/bin/$a"; done
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/sh\n' >"$rfs/etc/passwd"
printf 'root:x:0:\ntty:x:5:\nnogroup:x:65534:\n' >"$rfs/etc/group"

# Runs the stage with fd 3 = a socketpair, like the engine; prints the container's output,
# then "CTL: line" for each protocol line and "rc N" for the stage's status.
cat >"$work/engine.py" <<'EOF'
import os, socket, subprocess, sys, time, pty
mode = sys.argv[1]; args = sys.argv[2:]
a, b = socket.socketpair()
kw = dict(preexec_fn=lambda: os.dup2(b.fileno(), 3), close_fds=False)
if mode == "tty":
    m, s = pty.openpty()
    p = subprocess.Popen(args, stdin=s, stdout=s, stderr=s, start_new_session=True, **kw)
    os.close(s)
    out = b""
    while True:
        try: d = os.read(m, 4096)
        except OSError: break
        if not d: break
        out += d
    sys.stdout.write(out.decode(errors="replace"))
else:
    p = subprocess.Popen(args, stdin=subprocess.DEVNULL, **kw)
b.close()
f = a.makefile("r")
if mode == "die":              # the engine dies once the container runs
    pid = int(f.readline().split()[1]); f.readline()
    time.sleep(0.3); f.close(); a.close()
    print("rc", p.wait()); time.sleep(0.2)
    print("alive", os.path.exists(f"/proc/{pid}"))
    sys.exit(0)
if mode.startswith("net"):     # --network-step: configure the pid's namespace, then answer
    line = f.readline(); print("CTL:", line.rstrip(), flush=True)
    pid = int(line.split()[1])
    if mode == "netgo":
        subprocess.run(["ip", "link", "add", "probe0h", "type", "veth", "peer", "name", "probe0", "netns", str(pid)], check=True)
        a.sendall(b"go\n")
    elif mode == "netabort":
        a.sendall(b"abort\n")
    else:
        a.shutdown(socket.SHUT_WR)
    for line in f:
        print("CTL:", line.rstrip(), flush=True)
    print("rc", p.wait()); time.sleep(0.2)
    print("alive", os.path.exists(f"/proc/{pid}"))
    sys.exit(0)
if mode == "kill9":            # SIGKILL from the host
    pid = int(f.readline().split()[1]); f.readline()
    time.sleep(0.3); os.kill(pid, 15); time.sleep(0.2); os.kill(pid, 9)
    print("CTL: pid")
for line in f:
    print("CTL:", line.rstrip(), flush=True)
print("rc", p.wait())
EOF
eng() { python3 "$work/engine.py" "$@" 2>&1; }

fails=0
check() { # NAME OUTPUT REGEX...
  local name="$1" out="$2"; shift 2
  for re in "$@"; do
    if ! grep -qE -- "$re" <<<"$out"; then
      echo "FAIL $name: no /$re/ in:"; sed 's/^/    /' <<<"$out"; fails=$((fails + 1)); return
    fi
  done
  echo "ok   $name"
}

out=$(eng plain "$S" run --rootfs "$rfs" --hostname box --env PATH=/bin -- /bin/sh -c \
  'hostname; echo "pid=$$"; ls /proc | grep -E "^[0-9]+$" | tr "\n" " "; echo; ls /dev; mount; ip link show lo')
check basics "$out" '^box$' '^pid=1$' '^1( [0-9]+)* ?$' '^CTL: pid [0-9]+$' '^CTL: started$' '^CTL: exited 0$' '^rc 0$' \
  'proc on /proc type proc \(rw,nosuid,nodev,noexec' 'tmpfs on /dev type tmpfs \(rw,nosuid,size=65536k,mode=755\)' \
  'devpts on /dev/pts type devpts \(rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666\)' \
  'shm on /dev/shm type tmpfs \(rw,nosuid,nodev,noexec' 'mqueue on /dev/mqueue' 'sysfs on /sys type sysfs \(ro,nosuid,nodev,noexec' \
  '^urandom$' '^ptmx$' '^stderr$' 'lo: <LOOPBACK,UP'

out=$(eng plain "$S" run --rootfs "$rfs" --env PATH=/bin --mask /proc/timer_list --mask /sys/firmware \
  --readonly /proc/sys --mask /proc/nonexistent -- /bin/sh -c \
  'cat /proc/timer_list | wc -c; ls /sys/firmware | wc -l; echo x > /proc/sys/kernel/hostname; mount | grep -E "/proc/sys |/sys/firmware"')
check mask-readonly "$out" '^0$' 'Read-only file system' 'proc on /proc/sys type proc \(ro,nosuid,nodev,noexec' \
  'tmpfs on /sys/firmware type tmpfs \(ro'

echo data >"$rfs/tmp/x"
out=$(eng plain "$S" run --rootfs "$rfs" --env PATH=/bin -- chown 1 /tmp/x)
check no-cap-chown "$out" 'Operation not permitted' '^CTL: exited 1$'
out=$(eng plain "$S" run --rootfs "$rfs" --env PATH=/bin --cap CAP_CHOWN -- /bin/sh -c 'chown 1 /tmp/x && grep Cap /proc/self/status')
check cap-chown "$out" '^CTL: exited 0$' 'CapEff:.0000000000000001' 'CapBnd:.0000000000000001' 'CapInh:.0000000000000000'

out=$(eng plain "$S" run --rootfs "$rfs" --env PATH=/bin --uid 65534 --gid 65534 --groups 5 --cap CAP_CHOWN \
  --cwd /w/x --no-new-privileges -- /bin/sh -c 'id; pwd; grep -E "Cap(Eff|Prm)|NoNewPrivs" /proc/self/status')
check user "$out" 'uid=65534.*gid=65534.*groups=5' '^/w/x$' 'CapEff:.0000000000000000' 'CapPrm:.0000000000000000' 'NoNewPrivs:.1'

out=$(eng plain "$S" run --rootfs "$rfs" --env PATH=/bin --env A=b -- /bin/sh -c 'env; exit 3')
check env-exit "$out" '^A=b$' '^PATH=/bin$' '^CTL: exited 3$' '^rc 0$'

out=$(eng plain "$S" run --rootfs "$rfs" --env PATH=/bin -- nope)
check missing-command "$out" '^CTL: pid' '^CTL: error exec 2 nope$' '^rc 1$'
out=$(eng plain "$S" run --rootfs "$rfs" --env PATH=/bin -- /etc/passwd)
check not-executable "$out" '^CTL: error exec 13 /etc/passwd$' '^rc 1$'

out=$(eng kill9 "$S" run --rootfs "$rfs" --env PATH=/bin -- sleep 100)
check sigkill "$out" '^CTL: exited 137$'

out=$(eng die "$S" run --rootfs "$rfs" --env PATH=/bin --exit-file "$work/exit" -- sleep 100)
check engine-death "$out" '^rc 0$' '^alive False$'
check exit-file "$(cat "$work/exit")" '^137$'

out=$(eng tty "$S" run --rootfs "$rfs" --env PATH=/bin --tty -- /bin/sh -c '[ -t 0 ] && echo tty; cut -d" " -f6,7 /proc/self/stat')
check tty "$out" '^tty' '^1 [1-9][0-9]*' '^CTL: exited 0'

# --network-step: the process runs only after the engine's go, in the namespace as configured
out=$(eng netgo "$S" run --rootfs "$rfs" --env PATH=/bin --network-step -- /bin/sh -c 'ip link show probe0')
check network-step-go "$out" '^CTL: pid' ' probe0@' '^CTL: started$' '^CTL: exited 0$' '^rc 0$'
out=$(eng netabort "$S" run --rootfs "$rfs" --env PATH=/bin --network-step -- /bin/sh -c 'echo ran')
check network-step-abort "$out" '^CTL: error network-step 0 the engine aborted the start$' '^rc 1$' '^alive False$'
check network-step-abort-never-ran "$(grep -cE '^ran$|^CTL: started' <<<"$out")" '^0$'
out=$(eng netclose "$S" run --rootfs "$rfs" --env PATH=/bin --network-step -- /bin/sh -c 'echo ran')
check network-step-engine-gone "$out" '^rc 1$' '^alive False$'
check network-step-engine-gone-never-ran "$(grep -cE '^ran$|^CTL: started' <<<"$out")" '^0$'
out=$("$S" run --rootfs "$rfs" --host-network --network-step -- true 3>&1 2>&1); rc=$?
check network-step-usage "$out rc=$rc" 'needs the container.s own network namespace' 'rc=2'

mkdir -p "$work/host" && echo hostdata >"$work/host/f"
out=$(eng plain "$S" run --rootfs "$rfs" --env PATH=/bin --bind "$work/host:/mnt/h:ro" --bind "$work/host/f:/etc/f" -- \
  /bin/sh -c 'cat /mnt/h/f /etc/f; echo x > /mnt/h/g')
check bind "$out" '^hostdata$' 'Read-only file system'

# --tmpfs (flags and data split), a bind inside it (command-line order), --readonly-rootfs last
mkdir -p "$work/lock"
out=$(eng plain "$S" run --rootfs "$rfs" --env PATH=/bin --tmpfs "/run:nosuid,nodev,noexec,size=1m,mode=1770" \
  --bind "$work/lock:/run/lock:rw,rprivate" --readonly-rootfs -- \
  /bin/sh -c 'grep " /run " /proc/mounts; stat -c %a /run; touch /run/lock/l /run/t && echo writable; touch /x')
check tmpfs-readonly-root "$out" '^tmpfs /run tmpfs rw,nosuid,nodev,noexec,.*size=1024k' '^1770$' '^writable$' \
  'touch: /x: Read-only file system'

# seccomp: the engine's filter file (README.md). mkdir refused, everything else allowed.
printf 'default allow\narch x86_64\nerrno:1 mkdir\nerrno:1 mkdirat\n' >"$work/deny-mkdir"
out=$(eng plain "$S" run --rootfs "$rfs" --env PATH=/bin --seccomp "$work/deny-mkdir" -- /bin/sh -c \
  'grep -E "^Seccomp" /proc/self/status; mkdir /tmp/d; echo made=$?')
check seccomp "$out" 'Seccomp:.2$' 'Seccomp_filters:.1$' 'Operation not permitted' '^made=1$' '^CTL: exited 0$'
out=$(eng plain "$S" run --rootfs "$rfs" --env PATH=/bin --uid 65534 --gid 65534 --no-new-privileges \
  --seccomp "$work/deny-mkdir" -- /bin/sh -c 'grep -E "^(Seccomp|NoNewPrivs)" /proc/self/status; mkdir /tmp/e; echo made=$?')
check seccomp-nnp "$out" 'Seccomp:.2$' 'NoNewPrivs:.1$' '^made=1$' '^CTL: exited 0$'
out=$(eng plain "$S" run --rootfs "$rfs" --env PATH=/bin -- /bin/sh -c 'grep -E "^Seccomp:" /proc/self/status')
check no-seccomp "$out" 'Seccomp:.0$'
"$S" seccomp-compile "$work/deny-mkdir" "$work/deny-mkdir.bpf"; rc=$?
check seccomp-compile "rc=$rc $(($(stat -c %s "$work/deny-mkdir.bpf") % 8))" '^rc=0 0$'
out=$(eng plain "$S" run --rootfs "$rfs" --env PATH=/bin --seccomp-bpf "$work/deny-mkdir.bpf" -- /bin/sh -c \
  'grep -E "^Seccomp:" /proc/self/status; mkdir /tmp/f; echo made=$?')
check seccomp-bpf "$out" 'Seccomp:.2$' 'Operation not permitted' '^made=1$' '^CTL: exited 0$'
printf 'abc' >"$work/not-bpf"
out=$(eng plain "$S" run --rootfs "$rfs" --env PATH=/bin --seccomp-bpf "$work/not-bpf" -- true)
check seccomp-bpf-bad "$out" '^CTL: error seccomp 22 .*not-bpf: not a BPF program \(3 bytes\)$' '^rc 1$'
printf 'default allow\nfrobnicate mkdir\n' >"$work/bad-filter"
out=$(eng plain "$S" run --rootfs "$rfs" --env PATH=/bin --seccomp "$work/bad-filter" -- true)
check seccomp-bad-file "$out" "^CTL: error seccomp 22 .*bad-filter line 2: unknown action 'frobnicate'$" '^rc 1$'
out=$("$S" seccomp-compile "$work/bad-filter" "$work/bad.bpf" 2>&1); rc=$?
check seccomp-compile-bad "$out rc=$rc" "unknown action 'frobnicate'" 'rc=1'
out=$(eng plain "$S" run --rootfs "$rfs" --env PATH=/bin --seccomp "$work/missing" -- true)
check seccomp-missing-file "$out" '^CTL: error seccomp 2 .*missing$' '^rc 1$'
# A profile may deny close_range (as may an old kernel lack it): the stage's descriptors are then
# found in /proc/self/fd. ls's own directory is 3; anything above would be a leak.
printf 'default allow\nerrno:1 close_range\n' >"$work/deny-close-range"
out=$(eng plain "$S" run --rootfs "$rfs" --env PATH=/bin --seccomp "$work/deny-close-range" -- /bin/sh -c \
  'ls /proc/self/fd | tr "\n" " "; echo')
check close-range-denied "$out" '^0 1 2 3 $' '^CTL: started$' '^CTL: exited 0$'
# --cgroup-mount: plain directories stand in for the container's groups
mkdir -p "$work/cg/memory" "$work/cg/cpu" && echo 64 >"$work/cg/memory/limit" && echo 1024 >"$work/cg/cpu/shares"
out=$(eng plain "$S" run --rootfs "$rfs" --env PATH=/bin --cgroup-mount "$work/cg/memory:memory" \
  --cgroup-mount "$work/cg/cpu:cpu,cpuacct" -- /bin/sh -c 'ls /sys/fs/cgroup; cat /sys/fs/cgroup/memory/limit /sys/fs/cgroup/cpuacct/shares; echo 1 > /sys/fs/cgroup/memory/limit; mkdir /sys/fs/cgroup/x')
check cgroup-mount "$out" '^memory$' '^cpu$' '^cpuacct$' '^cpu,cpuacct$' '^64$' '^1024$' \
  "can't create /sys/fs/cgroup/memory/limit: Read-only file system" "can't create directory '/sys/fs/cgroup/x': Read-only file system"
out=$(eng plain "$S" run --rootfs "$rfs" --env PATH=/bin --cgroup-mount "$work/cg/memory" -- /bin/sh -c 'cat /sys/fs/cgroup/limit')
check cgroup-mount-unified "$out" '^64$' '^CTL: exited 0$'
out=$("$S" run --rootfs "$rfs" --cgroup-mount "$work/cg/memory:a/b" -- true 2>&1); rc=$?
check cgroup-mount-usage "$out rc=$rc" 'rc=2'

# exec mode, against a running container
python3 "$work/engine.py" plain "$S" run --rootfs "$rfs" --hostname box --env PATH=/bin -- sleep 1000 >"$work/init.out" 2>&1 &
engine_pid=$!
for _ in $(seq 50); do grep -q started "$work/init.out" && break; sleep 0.1; done
init=$(awk '/CTL: pid/ {print $3}' "$work/init.out")
out=$(eng plain "$S" exec --pid "$init" --env PATH=/bin --cwd /e -- /bin/sh -c 'hostname; ps; pwd')
check exec "$out" '^box$' '1 root .*sleep 1000' '^/e$' '^CTL: exited 0$'
out=$(eng tty "$S" exec --pid "$init" --env PATH=/bin --tty -- /bin/sh -c '[ -t 0 ] && echo tty')
check exec-tty "$out" '^tty' '^CTL: exited 0'
out=$(eng plain "$S" exec --pid "$init" --env PATH=/bin --seccomp-bpf "$work/deny-mkdir.bpf" -- /bin/sh -c \
  'grep -E "^Seccomp:" /proc/self/status; mkdir /tmp/x2; echo made=$?')
check exec-seccomp "$out" 'Seccomp:.2$' '^made=1$' '^CTL: exited 0$'
# --join-netns: a new container in the running one's network namespace
out=$(eng plain "$S" run --rootfs "$rfs" --join-netns "$init" --env PATH=/bin -- readlink /proc/self/ns/net)
check join-netns "$out" "^$(readlink "/proc/$init/ns/net" | sed 's/[][]/./g')\$" '^CTL: exited 0$'
out=$(eng plain "$S" exec --pid "$init" --env PATH=/bin --join-netns "$init" -- true 2>&1)
check join-netns-run-only "$out" 'is for run mode only'
out=$(eng plain "$S" exec --pid "$init" --env PATH=/bin -- nope)
check exec-missing "$out" '^CTL: error exec 2 nope$' '^rc 1$'
kill "$engine_pid"; wait "$engine_pid" 2>/dev/null
sleep 0.3
check init-gone "$(ps -o pid= -p "$init" || echo gone)" '^gone$'
check host-mounts "$(grep -c "$rfs" /proc/self/mountinfo)" '^0$'

out=$("$S" run --cap CAP_NOPE -- true 2>&1); rc=$?
check usage "$out rc=$rc" 'rc=2'

# --join-netns of a process that is gone: an error before any process exists
out=$(eng plain "$S" run --rootfs "$rfs" --join-netns 2147483646 --env PATH=/bin -- true)
check join-netns-gone "$out" '^CTL: error open-ns 2 /proc/2147483646/ns/net$' '^rc 1$'
check join-netns-gone-no-pid "$(echo "$out" | grep -c 'CTL: pid')" '^0$'
out=$("$S" run --rootfs "$rfs" --join-netns 1 --host-network -- true 2>&1); rc=$?
check join-netns-host-network "$out rc=$rc" 'exclude each other' 'rc=2'
out=$(eng plain "$S" run --rootfs "$rfs" --hostname box --domainname example.org --env PATH=/bin -- \
  /bin/sh -c 'cat /proc/sys/kernel/domainname; hostname')
check domainname "$out" '^example.org$' '^box$' '^CTL: exited 0$'

echo "$fails failure(s)"
exit $((fails > 0))
