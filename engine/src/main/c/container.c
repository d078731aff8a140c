/* The child: everything between clone/fork and exec, for both run and exec mode. Any
 * failure is reported to the monitor through the error pipe and ends the child. */
#include "stage.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

static int err_fd = -1;

_Noreturn void child_fail(const char *step, int err, const char *fmt, ...)
{
	char msg[1024];
	int n = snprintf(msg, sizeof msg, "%s %d ", step, err);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg + n, sizeof msg - n, fmt, ap);
	va_end(ap);
	/* One write, below PIPE_BUF, so the monitor never sees half a message. */
	if (err_fd >= 0 && write(err_fd, msg, strlen(msg)) < 0) {
		/* nothing left to tell anyone */
	}
	_exit(1);
}

/* The monitor ignores some signals and the engine's spawn may have blocked others; both
 * survive exec, and the container must start with a clean slate. */
static void reset_signals(void)
{
	struct sigaction sa = { .sa_handler = SIG_DFL };
	sigemptyset(&sa.sa_mask);
	for (int s = 1; s < NSIG; s++)
		sigaction(s, &sa, NULL);   /* fails harmlessly for SIGKILL, SIGSTOP, glibc's own */
	sigset_t all;
	sigemptyset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);
}

/* The monitor keeps its end of the sync pipe open until it exits, so a hang-up means it
 * died. Used after credential changes, which reset the parent-death signal. */
static void die_with_monitor(int sync_fd)
{
	if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0)
		child_fail("pdeathsig", errno, "SIGKILL");
	struct pollfd p = { .fd = sync_fd, .events = POLLIN };
	if (poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR)))
		_exit(1);
}

static void bring_up_lo(void)
{
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (s < 0)
		child_fail("lo-up", errno, "socket");
	struct ifreq ifr;
	memset(&ifr, 0, sizeof ifr);
	strcpy(ifr.ifr_name, "lo");
	if (ioctl(s, SIOCGIFFLAGS, &ifr) < 0)
		child_fail("lo-up", errno, "SIOCGIFFLAGS");
	ifr.ifr_flags |= IFF_UP;
	if (ioctl(s, SIOCSIFFLAGS, &ifr) < 0)
		child_fail("lo-up", errno, "SIOCSIFFLAGS");
	close(s);
}

static void join_namespaces(const struct config *c)
{
	/* The pid namespace was joined by the monitor (it only applies to children); the mount
	 * namespace comes last because it changes what every path means, root included. */
	static const struct { int type; const char *step; } ns[4] = {
		{ CLONE_NEWIPC, "setns-ipc" }, { CLONE_NEWUTS, "setns-uts" },
		{ CLONE_NEWNET, "setns-net" }, { CLONE_NEWNS, "setns-mnt" },
	};
	for (int i = 0; i < 4; i++) {
		if (setns(c->ns_fds[i], ns[i].type) < 0)
			child_fail(ns[i].step, errno, "pid %d", (int)c->target_pid);
		close(c->ns_fds[i]);
	}
}

static void mkdir_p(const char *path)
{
	char buf[4096];
	if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf)
		child_fail("mkdir-cwd", ENAMETOOLONG, "%s", path);
	for (char *p = buf + 1;; p++) {
		if (*p == '/' || *p == 0) {
			char saved = *p;
			*p = 0;
			if (mkdir(buf, 0755) < 0 && errno != EEXIST)
				child_fail("mkdir-cwd", errno, "%s", buf);
			*p = saved;
			if (!saved)
				break;
		}
	}
}

/* Hands a descriptor to the engine over the control socket, with a protocol line. */
static void send_fd(int sock, int fd, const char *line)
{
	struct iovec iov = { .iov_base = (void *)line, .iov_len = strlen(line) };
	union {
		char buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr align;
	} control;
	memset(&control, 0, sizeof control);
	struct msghdr msg = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = control.buf, .msg_controllen = sizeof control.buf,
	};
	struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);
	cmsg->cmsg_level = SOL_SOCKET;
	cmsg->cmsg_type = SCM_RIGHTS;
	cmsg->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cmsg), &fd, sizeof(int));
	if (sendmsg(sock, &msg, MSG_NOSIGNAL) < 0)
		child_fail("send-pty", errno, "control socket");
}

/*
 * With --tty the terminal is made here, from the container's own devpts instance, so the
 * process sees it as /dev/pts/N of its own /dev (a PTY from the host's devpts would not
 * exist in there: `tty` would say "not a tty"). The slave becomes stdin, stdout and stderr
 * and is owned by the process's user, as in runc; the master goes to the engine.
 */
static void make_terminal(const struct config *c)
{
	if (c->ctl_fd < 0)
		child_fail("tty", EBADF, "no control socket to hand the terminal to");
	int master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (master < 0)
		child_fail("tty", errno, "/dev/ptmx");
	int unlock = 0;
	if (ioctl(master, TIOCSPTLCK, &unlock) < 0)
		child_fail("tty", errno, "TIOCSPTLCK");
	int slave = ioctl(master, TIOCGPTPEER, O_RDWR | O_NOCTTY);
	if (slave < 0)
		child_fail("tty", errno, "TIOCGPTPEER");
	if (fchown(slave, c->uid, (gid_t)-1) < 0)
		child_fail("tty", errno, "fchown");
	/* The client's size from the first instant: a resize request can only come after the start. */
	if (c->tty_rows && c->tty_cols) {
		struct winsize size = { .ws_row = c->tty_rows, .ws_col = c->tty_cols };
		if (ioctl(master, TIOCSWINSZ, &size) < 0)
			child_fail("tty", errno, "TIOCSWINSZ");
	}
	send_fd(c->ctl_fd, master, "pty\n");
	close(master);
	/* From here on only the monitor holds the control socket, so the engine sees EOF when it dies. */
	close(c->ctl_fd);
	for (int i = 0; i < 3; i++)
		if (dup2(slave, i) < 0)
			child_fail("tty", errno, "dup2 %d", i);
	if (slave > 2)
		close(slave);
}

/* Shared by run and exec mode: session, terminal, cwd, credentials, capabilities, exec. */
static _Noreturn void finish(const struct config *c)
{
	if (c->tty)
		make_terminal(c);
	if (setsid() < 0)
		child_fail("setsid", errno, "setsid");
	if (c->tty && ioctl(0, TIOCSCTTY, 0) < 0)
		child_fail("tty", errno, "TIOCSCTTY");

	/* Before the credentials change: root may create what the user could not. */
	if (c->cwd) {
		mkdir_p(c->cwd);
		if (chdir(c->cwd) < 0)
			child_fail("chdir", errno, "%s", c->cwd);
	}

	drop_bounding_set(c);
	/* Without no_new_privs, loading a filter takes CAP_SYS_ADMIN, which the credential
	 * change below gives up: then it is loaded here, and the filter must allow what follows
	 * (Docker's default does; runc has the same order). With no_new_privs it comes last. */
	if (!c->no_new_privs)
		seccomp_install(c);
	if (setgroups(c->ngroups, c->groups) < 0)
		child_fail("setgroups", errno, "%zu groups", c->ngroups);
	if (setresgid(c->gid, c->gid, c->gid) < 0)
		child_fail("setgid", errno, "%u", (unsigned)c->gid);
	if (setresuid(c->uid, c->uid, c->uid) < 0)
		child_fail("setuid", errno, "%u", (unsigned)c->uid);
	set_process_caps(c);
	die_with_monitor(c->sync_fd);   /* the uid change cleared the parent-death signal */

	if (c->no_new_privs && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		child_fail("no_new_privs", errno, "prctl");

	umask(022);
	/* Nothing of the stage may leak into the container; the error pipe closes on exec,
	 * which is how the monitor learns that exec succeeded. */
	close_from(3, true);
	if (c->no_new_privs)
		seccomp_install(c);
	/* execvp looks the command up on the PATH of the environment it is given. */
	extern char **environ;
	environ = c->env;
	execvp(c->argv[0], c->argv);
	child_fail("exec", errno, "%s", c->argv[0]);
}

int child_main(void *arg)
{
	struct config *c = arg;
	err_fd = c->err_fd;
	/* Only the monitor talks to the engine, and the engine must see EOF when it dies; with
	 * --tty the child keeps the socket just long enough to hand over the terminal. */
	if (c->ctl_fd >= 0 && !c->tty)
		close(c->ctl_fd);
	/* The monitor's ends: only once no copy of the sync pipe's write end is left here can
	 * its death show up as EOF / hang-up. */
	close(c->sync_wfd);
	close(c->err_rfd);
	reset_signals();
	if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0)
		child_fail("pdeathsig", errno, "SIGKILL");

	/* Wait until the monitor has put us into the cgroups and told the engine our pid.
	 * EOF instead of the go byte: the monitor died or gave up. */
	char go;
	ssize_t n;
	while ((n = read(c->sync_fd, &go, 1)) < 0 && errno == EINTR)
		;
	if (n != 1)
		_exit(1);

	/* Device nodes get their exact modes; the container's umask is set before exec. */
	umask(0);
	if (c->exec_mode) {
		join_namespaces(c);
	} else {
		if (c->netns_fd >= 0) {
			if (setns(c->netns_fd, CLONE_NEWNET) < 0)
				child_fail("setns-net", errno, "pid %d", (int)c->join_netns_pid);
			close(c->netns_fd);
		}
		prepare_rootfs(c);
		if (c->hostname && sethostname(c->hostname, strlen(c->hostname)) < 0)
			child_fail("sethostname", errno, "%s", c->hostname);
		if (c->domainname && setdomainname(c->domainname, strlen(c->domainname)) < 0)
			child_fail("setdomainname", errno, "%s", c->domainname);
		enter_rootfs(c);
		protect_paths(c);
		/* Docker creates a missing working directory before the container runs, so a
		 * read-only root does not stop it. */
		if (c->readonly_rootfs && c->cwd)
			mkdir_p(c->cwd);
		readonly_root(c);
		if (!c->host_network && c->netns_fd < 0)
			bring_up_lo();
	}
	finish(c);
}
