package dev.purser.engine.runtime;

import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;

/** The C library calls the engine makes itself; errno is saved after every call. */
public interface Libc {
    @SaveError
    int mount(String source, String target, String filesystemtype, long mountflags, String data);

    @SaveError
    int umount2(String target, int flags);

    @SaveError
    int socketpair(int domain, int type, int protocol, @Out int[] sv);

    @SaveError
    int pipe2(@Out int[] pipefd, int flags);

    @SaveError
    long read(int fd, @Out byte[] buf, long count);

    @SaveError
    long write(int fd, @In byte[] buf, long count);

    @SaveError
    int close(int fd);

    @SaveError
    int socket(int domain, int type, int protocol);

    @SaveError
    int setns(int fd, int nstype);

    @SaveError
    int open(String path, int flags, int mode);

    @SaveError
    int kill(int pid, int sig);

    @SaveError
    int waitpid(int pid, @Out int[] status, int options);

    @SaveError
    int fcntl(int fd, int cmd, int arg);

    @SaveError
    int shutdown(int fd, int how);

    @SaveError
    long send(int fd, @In byte[] buf, long count, int flags);

    /** The raw system call, for calls glibc has no wrapper for (bpf); pointers are passed as addresses. */
    @SaveError
    long syscall(long number, long arg1, long arg2, long arg3);

    /** {@code fds} holds struct pollfd entries: the descriptor, then events and revents as two shorts. */

    @SaveError
    int poll(@In @Out int[] fds, long nfds, int timeout);
}
