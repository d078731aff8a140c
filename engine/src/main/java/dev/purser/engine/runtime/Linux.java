package dev.purser.engine.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;
import jnr.ffi.Runtime;
import jnr.posix.CmsgHdr;
import jnr.posix.MsgHdr;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;
import jnr.posix.SpawnFileAction;

/**
 * The Linux calls the engine makes from Java, each turning a failure into a
 * {@link LinuxException} that names the call and the errno. Anything that must happen between
 * clone and exec is not here: it is the native stage's job.
 */
public final class Linux {
    public static final int MS_RDONLY = 1;
    public static final int MNT_DETACH = 2;
    public static final int O_RDONLY = 0;
    public static final int O_RDWR = 2;
    public static final int O_CLOEXEC = 0x80000;
    public static final int AF_UNIX = 1;
    public static final int SOCK_STREAM = 1;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int EINTR = 4;
    public static final int ESRCH = 3;
    public static final int EINVAL = 22;
    public static final int ENOENT = 2;
    public static final int SOL_SOCKET = 1;
    public static final int SCM_RIGHTS = 1;
    public static final int MSG_CMSG_CLOEXEC = 0x40000000;
    public static final int SHUT_RD = 0;
    public static final int SHUT_WR = 1;
    public static final int SHUT_RDWR = 2;
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;
    private static final int F_DUPFD_CLOEXEC = 1030;
    private static final int O_NONBLOCK = 0x800;
    private static final int MSG_NOSIGNAL = 0x4000;
    private static final int POLLHUP = 0x10;
    private static final int POLLERR = 0x8;
    private static final int POLLNVAL = 0x20;
    private static final int O_DIRECTORY = 0x10000;
    private static final int BPF_PROG_LOAD = 5;
    private static final int BPF_PROG_ATTACH = 8;
    private static final int BPF_PROG_TYPE_CGROUP_DEVICE = 15;
    private static final int BPF_CGROUP_DEVICE = 6;
    private static final int BPF_F_ALLOW_MULTI = 2;
    /** More than any kernel's union bpf_attr needs for these commands; the rest stays zero. */
    private static final int BPF_ATTR_SIZE = 128;
    private static final int BPF_LOG_SIZE = 65536;

    // Bound on first use, not at construction: jnr-ffi generates its stubs with ASM, a few hundred
    // ms of a fresh JVM, and the daemon answers its socket before any container needs a call
    // (docs/decisions/0040). Each binding is made once; a race only makes a spare one.
    private volatile Libc libc;
    private volatile POSIX posix;

    public Linux() {}

    private Libc libc() {
        Libc bound = libc;
        if (bound == null) {
            synchronized (this) {
                bound = libc;
                if (bound == null) {
                    bound = LibraryLoader.create(Libc.class).option(LibraryOption.SaveError, true).load("c");
                    libc = bound;
                }
            }
        }
        return bound;
    }

    private Runtime runtime() {
        return Runtime.getRuntime(libc());
    }

    private POSIX posix() {
        POSIX bound = posix;
        if (bound == null) {
            synchronized (this) {
                bound = posix;
                if (bound == null) {
                    bound = POSIXFactory.getNativePOSIX();
                    posix = bound;
                }
            }
        }
        return bound;
    }

    /** Makes the native bindings now (off the path of the request that would otherwise pay for them). */
    public void bind() {
        libc();
        posix();
    }

    private int errno() {
        return runtime().getLastError();
    }

    public void mount(String source, String target, String type, long flags, String data) {
        if (libc().mount(source, target, type, flags, data) != 0) {
            throw new LinuxException("mount", type + " on " + target, errno());
        }
    }

    /** Unmounts; a target that is not mounted (EINVAL) or gone (ENOENT) is not an error. */
    public void unmount(String target, int flags) {
        if (libc().umount2(target, flags) != 0) {
            int e = errno();
            if (e != EINVAL && e != ENOENT) {
                throw new LinuxException("umount2", target, e);
            }
        }
    }

    /** A connected pair of stream sockets, both close-on-exec. */
    public int[] socketPair() {
        int[] fds = new int[2];
        if (libc().socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
            throw new LinuxException("socketpair", null, errno());
        }
        return fds;
    }

    /** A pipe, both ends close-on-exec: {@code [read end, write end]}. */
    public int[] pipe() {
        int[] fds = new int[2];
        if (libc().pipe2(fds, O_CLOEXEC) != 0) {
            throw new LinuxException("pipe2", null, errno());
        }
        return fds;
    }

    /** Bytes read, and any descriptors that came with them (SCM_RIGHTS). */
    public record Received(int length, List<Integer> fds) {}

    /**
     * Reads from a Unix socket like {@link #read}, and also takes the descriptors sent along
     * with the bytes; a plain read would silently close them.
     */
    public Received receive(int fd, byte[] buf) {
        MsgHdr msg = posix().allocateMsgHdr();
        java.nio.ByteBuffer data = java.nio.ByteBuffer.allocateDirect(buf.length);
        msg.setIov(new java.nio.ByteBuffer[] {data});
        msg.allocateControl(4 * Integer.BYTES);
        while (true) {
            int n = posix().recvmsg(fd, msg, MSG_CMSG_CLOEXEC);
            if (n >= 0) {
                data.get(0, buf, 0, n);
                List<Integer> fds = new java.util.ArrayList<>();
                for (CmsgHdr c : msg.getControls()) {
                    if (c.getLevel() == SOL_SOCKET && c.getType() == SCM_RIGHTS) {
                        java.nio.ByteBuffer b = c.getData().order(java.nio.ByteOrder.nativeOrder());
                        while (b.remaining() >= Integer.BYTES) {
                            fds.add(b.getInt());
                        }
                    }
                }
                return new Received(n, fds);
            }
            int e = posix().errno();
            if (e != EINTR) {
                throw new LinuxException("recvmsg", "fd " + fd, e);
            }
        }
    }

    /** A socket, close-on-exec. */
    public int socket(int domain, int type, int protocol) {
        int fd = libc().socket(domain, type | SOCK_CLOEXEC, protocol);
        if (fd < 0) {
            throw new LinuxException("socket", "domain " + domain + " protocol " + protocol, errno());
        }
        return fd;
    }

    /**
     * Moves the calling thread into the namespace {@code fd} refers to. Only namespaces a
     * multi-threaded process may join per thread (network, UTS, IPC) are for the JVM; the
     * caller owns the thread and must not hand it back to a pool.
     */
    public void setns(int fd, int nstype, String subject) {
        if (libc().setns(fd, nstype) != 0) {
            throw new LinuxException("setns", subject, errno());
        }
    }

    public int open(String path, int flags) {
        int fd = libc().open(path, flags | O_CLOEXEC, 0);
        if (fd < 0) {
            throw new LinuxException("open", path, errno());
        }
        return fd;
    }

    /** Reads up to {@code buf.length} bytes; returns 0 at end of file. Retries on EINTR. */
    public int read(int fd, byte[] buf) {
        while (true) {
            long n = libc().read(fd, buf, buf.length);
            if (n >= 0) {
                return (int) n;
            }
            int e = errno();
            if (e != EINTR) {
                throw new LinuxException("read", "fd " + fd, e);
            }
        }
    }

    /** Writes all of {@code data}. */
    public void write(int fd, byte[] data) {
        int off = 0;
        while (off < data.length) {
            byte[] chunk = off == 0 ? data : Arrays.copyOfRange(data, off, data.length);
            long n = libc().write(fd, chunk, chunk.length);
            if (n < 0) {
                int e = errno();
                if (e == EINTR) {
                    continue;
                }
                throw new LinuxException("write", "fd " + fd, e);
            }
            off += (int) n;
        }
    }

    public void write(int fd, String text) {
        write(fd, text.getBytes(StandardCharsets.UTF_8));
    }

    public void close(int fd) {
        if (fd >= 0) {
            libc().close(fd);
        }
    }

    /** Sends a signal; returns false when the process no longer exists. */
    public boolean kill(int pid, int signal) {
        if (libc().kill(pid, signal) == 0) {
            return true;
        }
        int e = errno();
        if (e == ESRCH) {
            return false;
        }
        throw new LinuxException("kill", "pid " + pid + " signal " + signal, e);
    }

    /** Waits for a child of this process; returns its raw wait status. */
    public int waitFor(int pid) {
        int[] status = new int[1];
        while (libc().waitpid(pid, status, 0) < 0) {
            int e = errno();
            if (e != EINTR) {
                throw new LinuxException("waitpid", "pid " + pid, e);
            }
        }
        return status[0];
    }

    /**
     * posix_spawn (never fork: the JVM is multi-threaded). {@code fdMap} pairs are
     * (descriptor in this process, descriptor number in the child). The signal mask and
     * dispositions the child inherits from the JVM thread are the stage's to reset (it does).
     */
    public int spawn(String path, List<String> argv, List<String> env, int[][] fdMap) {
        List<SpawnFileAction> actions = new java.util.ArrayList<>();
        for (int[] pair : fdMap) {
            actions.add(SpawnFileAction.dup(pair[0], pair[1]));
        }
        long pid = posix().posix_spawnp(path, actions, argv, env);
        if (pid <= 0) {
            throw new LinuxException("posix_spawn", path, posix().errno());
        }
        return (int) pid;
    }

    /** A new descriptor (close-on-exec) for the same open file as {@code fd}. */
    public int duplicate(int fd) {
        int copy = libc().fcntl(fd, F_DUPFD_CLOEXEC, 3);
        if (copy < 0) {
            throw new LinuxException("fcntl(F_DUPFD_CLOEXEC)", "fd " + fd, errno());
        }
        return copy;
    }

    /** Makes reads and writes on {@code fd} wait instead of failing with EAGAIN. */
    public void setBlocking(int fd) {
        int flags = libc().fcntl(fd, F_GETFL, 0);
        if (flags < 0 || libc().fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0) {
            throw new LinuxException("fcntl", "fd " + fd, errno());
        }
    }

    /** Shuts a socket down one or both ways; a socket the peer already left is not an error. */
    public void shutdown(int fd, int how) {
        libc().shutdown(fd, how);
    }

    /**
     * Sends all of {@code data[offset, offset+length)} on a socket, waiting while the peer is
     * slow; false when the peer is gone. Never raises SIGPIPE.
     */
    public boolean send(int fd, byte[] data, int offset, int length) {
        int end = offset + length;
        while (offset < end) {
            byte[] chunk = offset == 0 && end == data.length ? data : Arrays.copyOfRange(data, offset, end);
            long n = libc().send(fd, chunk, chunk.length, MSG_NOSIGNAL);
            if (n < 0) {
                if (errno() == EINTR) {
                    continue;
                }
                return false;
            }
            offset += (int) n;
        }
        return true;
    }

    /**
     * Loads a {@code BPF_PROG_TYPE_CGROUP_DEVICE} program ({@code instructions}: 8-byte eBPF
     * instructions, little-endian) and attaches it to the cgroup v2 directory {@code cgroupDir}.
     * The attachment keeps the program alive, and the kernel detaches it when the group is removed.
     */
    public void attachDeviceProgram(String cgroupDir, byte[] instructions) {
        int prog = loadProgram(BPF_PROG_TYPE_CGROUP_DEVICE, instructions, cgroupDir);
        try {
            int dir = open(cgroupDir, O_RDONLY | O_DIRECTORY);
            try {
                jnr.ffi.Pointer attr = jnr.ffi.Memory.allocateDirect(runtime(), BPF_ATTR_SIZE, true);
                attr.putInt(0, dir);                 // target_fd
                attr.putInt(4, prog);                // attach_bpf_fd
                attr.putInt(8, BPF_CGROUP_DEVICE);   // attach_type
                attr.putInt(12, BPF_F_ALLOW_MULTI);  // attach_flags: ancestors' programs still apply
                if (libc().syscall(bpfSyscall(), BPF_PROG_ATTACH, attr.address(), BPF_ATTR_SIZE) < 0) {
                    throw new LinuxException("bpf(BPF_PROG_ATTACH)", cgroupDir, errno());
                }
            } finally {
                close(dir);
            }
        } finally {
            close(prog);
        }
    }

    private int loadProgram(int type, byte[] instructions, String subject) {
        long fd = bpfProgLoad(type, instructions, null);
        if (fd >= 0) {
            return (int) fd;
        }
        int e = errno();
        // Loaded again with the verifier's log only to say why: a log that does not fit fails a load.
        jnr.ffi.Pointer log = jnr.ffi.Memory.allocateDirect(runtime(), BPF_LOG_SIZE, true);
        bpfProgLoad(type, instructions, log);
        String why = log.getString(0, BPF_LOG_SIZE, StandardCharsets.US_ASCII).strip();
        throw new LinuxException("bpf(BPF_PROG_LOAD)", subject + (why.isEmpty() ? "" : " (" + why + ")"), e);
    }

    private long bpfProgLoad(int type, byte[] instructions, jnr.ffi.Pointer log) {
        jnr.ffi.Pointer insns = jnr.ffi.Memory.allocateDirect(runtime(), instructions.length, true);
        insns.put(0, instructions, 0, instructions.length);
        // The kernel only asks whether the license is GPL-compatible, which matters for helpers
        // a device program never calls; the string names the program's origin instead.
        byte[] licenseBytes = "purser\0".getBytes(StandardCharsets.US_ASCII);
        jnr.ffi.Pointer license = jnr.ffi.Memory.allocateDirect(runtime(), licenseBytes.length, true);
        license.put(0, licenseBytes, 0, licenseBytes.length);
        jnr.ffi.Pointer attr = jnr.ffi.Memory.allocateDirect(runtime(), BPF_ATTR_SIZE, true);
        attr.putInt(0, type);                           // prog_type
        attr.putInt(4, instructions.length / 8);        // insn_cnt
        attr.putLong(8, insns.address());               // insns
        attr.putLong(16, license.address());            // license
        if (log != null) {
            attr.putInt(24, 1);                         // log_level
            attr.putInt(28, BPF_LOG_SIZE);              // log_size
            attr.putLong(32, log.address());            // log_buf
        }
        return libc().syscall(bpfSyscall(), BPF_PROG_LOAD, attr.address(), BPF_ATTR_SIZE);
    }

    private static long bpfSyscall() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> 321;
            case "aarch64", "arm64", "riscv64" -> 280;
            default -> throw new UnsupportedOperationException("bpf(2) number unknown on " + System.getProperty("os.arch"));
        };
    }

    /** Waits until the socket is hung up: both directions closed, by the peer or by shutdown here. */
    public void awaitHangup(int fd) {
        int[] pollfd = {fd, 0};
        while (true) {
            int n = libc().poll(pollfd, 1, -1);
            if (n < 0 && errno() != EINTR) {
                return;
            }
            if (n > 0 && ((pollfd[1] >>> 16) & (POLLHUP | POLLERR | POLLNVAL)) != 0) {
                return;
            }
            pollfd[1] = 0;
        }
    }
}
