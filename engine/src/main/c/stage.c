/* purser-stage: options, the control protocol on fd 3, and the monitor that creates the
 * container process, reports on it and reaps it. See README.md for the contract. */
#include "stage.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <linux/capability.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int ctl_fd = -1;
static bool ctl_watch;   /* fd 3 is a socket whose EOF means the engine died */
static bool network_step; /* --network-step: wait for the engine's go after `pid N` */

/* One protocol line to the engine. Failures (engine gone, no fd 3) are dropped: the
 * monitor still has to reap the container and write the exit file. */
static void send_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void send_line(const char *fmt, ...)
{
	if (ctl_fd < 0)
		return;
	char buf[1200];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (n > (int)sizeof buf - 2)
		n = sizeof buf - 2;
	buf[n++] = '\n';
	for (int off = 0; off < n;) {
		ssize_t w = write(ctl_fd, buf + off, n - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		off += w;
	}
}

/* ---------- options ---------- */

static _Noreturn void usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static _Noreturn void usage(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("purser-stage: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nusage: purser-stage run --rootfs DIR [OPTIONS] -- COMMAND [ARG...]\n"
	      "       purser-stage exec --pid PID [OPTIONS] -- COMMAND [ARG...]\n"
	      "       purser-stage seccomp-compile FILTER OUT\n", stderr);
	exit(2);
}

static unsigned long parse_num(const char *opt, const char *s, unsigned long max)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (errno || end == s || *end || *s == '-' || v > max)
		usage("%s: invalid number '%s'", opt, s);
	return v;
}

enum {
	O_ROOTFS = 256, O_HOSTNAME, O_HOSTNET, O_BIND, O_MASK, O_READONLY, O_CGROUP, O_ENV,
	O_CWD, O_UID, O_GID, O_GROUPS, O_CAP, O_NNP, O_TTY, O_TTYSIZE, O_EXITFILE, O_PID, O_SECCOMP, O_SECCOMP_BPF,
	O_CGROUPMOUNT,
	O_TMPFS, O_READONLY_ROOTFS,
	O_DOMAINNAME, O_JOIN_NETNS, O_NETWORK_STEP,   /* in the same order as opts[] below: usage() names an option by it */
};

static void parse_options(int argc, char **argv, struct config *c)
{
	static const struct option opts[] = {
		{ "rootfs", required_argument, 0, O_ROOTFS },
		{ "hostname", required_argument, 0, O_HOSTNAME },
		{ "host-network", no_argument, 0, O_HOSTNET },
		{ "bind", required_argument, 0, O_BIND },
		{ "mask", required_argument, 0, O_MASK },
		{ "readonly", required_argument, 0, O_READONLY },
		{ "cgroup-procs", required_argument, 0, O_CGROUP },
		{ "env", required_argument, 0, O_ENV },
		{ "cwd", required_argument, 0, O_CWD },
		{ "uid", required_argument, 0, O_UID },
		{ "gid", required_argument, 0, O_GID },
		{ "groups", required_argument, 0, O_GROUPS },
		{ "cap", required_argument, 0, O_CAP },
		{ "no-new-privileges", no_argument, 0, O_NNP },
		{ "tty", no_argument, 0, O_TTY },
		{ "tty-size", required_argument, 0, O_TTYSIZE },
		{ "exit-file", required_argument, 0, O_EXITFILE },
		{ "pid", required_argument, 0, O_PID },
		{ "seccomp", required_argument, 0, O_SECCOMP },
		{ "seccomp-bpf", required_argument, 0, O_SECCOMP_BPF },
		{ "cgroup-mount", required_argument, 0, O_CGROUPMOUNT },
		{ "tmpfs", required_argument, 0, O_TMPFS },
		{ "readonly-rootfs", no_argument, 0, O_READONLY_ROOTFS },
		{ "domainname", required_argument, 0, O_DOMAINNAME },
		{ "join-netns", required_argument, 0, O_JOIN_NETNS },
		{ "network-step", no_argument, 0, O_NETWORK_STEP },
		{ 0, 0, 0, 0 },
	};
	if (argc < 2)
		usage("missing mode");
	if (strcmp(argv[1], "run") == 0)
		c->exec_mode = false;
	else if (strcmp(argv[1], "exec") == 0)
		c->exec_mode = true;
	else
		usage("unknown mode '%s'", argv[1]);

	/* No list can be longer than the argument count. */
	size_t max = (size_t)argc + 1;
	c->binds = calloc(max, sizeof *c->binds);
	c->masks = calloc(max, sizeof *c->masks);
	c->readonly = calloc(max, sizeof *c->readonly);
	c->cgroup_procs = calloc(max, sizeof *c->cgroup_procs);
	c->env = calloc(max, sizeof *c->env);
	c->cgroup_mounts = calloc(max, sizeof *c->cgroup_mounts);
	c->tmpfs = calloc(max, sizeof *c->tmpfs);
	if (!c->cgroup_mounts || !c->tmpfs || !c->binds || !c->masks || !c->readonly || !c->cgroup_procs || !c->env)
		usage("out of memory");

	int o;
	opterr = 0;   /* our own messages */
	/* "+": stop at the first non-option, the command's own options are not ours. */
	while ((o = getopt_long(argc - 1, argv + 1, "+:", opts, NULL)) != -1) {
		bool run_only = o == O_ROOTFS || o == O_HOSTNAME || o == O_HOSTNET || o == O_BIND ||
				o == O_MASK || o == O_READONLY || o == O_CGROUPMOUNT || o == O_TMPFS || o == O_READONLY_ROOTFS ||
				o == O_DOMAINNAME || o == O_JOIN_NETNS || o == O_NETWORK_STEP;
		if (run_only && c->exec_mode)
			usage("--%s is for run mode only", opts[o - O_ROOTFS].name);
		if (o == O_PID && !c->exec_mode)
			usage("--pid is for exec mode only");
		switch (o) {
		case O_ROOTFS: c->rootfs = optarg; break;
		case O_HOSTNAME: c->hostname = optarg; break;
		case O_HOSTNET: c->host_network = true; break;
		case O_DOMAINNAME: c->domainname = optarg; break;
		case O_JOIN_NETNS: c->join_netns_pid = parse_num("--join-netns", optarg, INT_MAX); break;
		case O_BIND: {
			/* Split in place (argv is ours): SRC up to the first ':', then DST, then
			 * OPTS after the last ':' when it holds only option words. */
			struct bind *b = &c->binds[c->nbinds++];
			b->seq = c->nbinds + c->ntmpfs;
			char *s = optarg;
			char *colon = strchr(s, ':');
			if (!colon || colon == s || colon[1] != '/')
				usage("--bind %s: expected SRC:DST[:OPTS] with an absolute DST", optarg);
			*colon = 0;
			b->src = s;
			b->dst = colon + 1;
			char *last = strrchr(colon + 1, ':');
			if (last) {
				char opts[64];
				snprintf(opts, sizeof opts, "%s", last + 1);
				struct bind probe = { 0 };
				if (strlen(last + 1) < sizeof opts && parse_bind_options(opts, &probe) == 0) {
					*last = 0;
					b->ro = probe.ro;
					b->propagation = probe.propagation;
				}
			}
			break;
		}
		case O_CGROUPMOUNT: {
			/* DIR[:NAME]; NAME is one path component, and either all or none have one. */
			struct bind *b = &c->cgroup_mounts[c->ncgroup_mounts++];
			char *s = strdup(optarg);
			char *colon = strrchr(s, ':');
			if (colon)
				*colon = 0;
			b->src = s;
			b->dst = colon ? colon + 1 : "";
			b->ro = true;
			if (s[0] != '/' || (colon && (!colon[1] || strchr(colon + 1, '/') ||
						      strcmp(colon + 1, ".") == 0 || strcmp(colon + 1, "..") == 0)) ||
			    (c->ncgroup_mounts > 1 && !c->cgroup_mounts[0].dst[0] != !b->dst[0]))
				usage("--cgroup-mount %s: expected an absolute DIR and, for every mount or none, :NAME", optarg);
			break;
		}
		case O_TMPFS: {
			struct tmpfs *t = &c->tmpfs[c->ntmpfs++];
			t->seq = c->nbinds + c->ntmpfs;
			char *colon = strrchr(optarg, ':');
			if (optarg[0] != '/')
				usage("--tmpfs %s: expected an absolute DST[:OPTIONS]", optarg);
			if (colon)
				*colon = 0;
			t->dst = optarg;
			if (parse_tmpfs_options(colon ? colon + 1 : "", t) < 0)
				usage("--tmpfs %s: bad options", optarg);
			break;
		}
		case O_READONLY_ROOTFS: c->readonly_rootfs = true; break;
		case O_NETWORK_STEP: network_step = true; break;
		case O_MASK: c->masks[c->nmasks++] = optarg; break;
		case O_READONLY: c->readonly[c->nreadonly++] = optarg; break;
		case O_CGROUP: c->cgroup_procs[c->ncgroup_procs++] = optarg; break;
		case O_ENV:
			if (!strchr(optarg, '='))
				usage("--env %s: expected K=V", optarg);
			c->env[c->nenv++] = optarg;
			break;
		case O_CWD: c->cwd = optarg; break;
		case O_UID: c->uid = parse_num("--uid", optarg, UINT32_MAX - 1); break;
		case O_GID: c->gid = parse_num("--gid", optarg, UINT32_MAX - 1); break;
		case O_GROUPS: {
			free(c->groups);
			c->groups = calloc(strlen(optarg) / 2 + 1, sizeof *c->groups);
			c->ngroups = 0;
			char *s = strdup(optarg), *save = NULL;
			if (!c->groups || !s)
				usage("out of memory");
			for (char *t = strtok_r(s, ",", &save); t; t = strtok_r(NULL, ",", &save))
				c->groups[c->ngroups++] = parse_num("--groups", t, UINT32_MAX - 1);
			free(s);
			break;
		}
		case O_CAP: {
			int n = cap_from_name(optarg);
			if (n < 0)
				usage("--cap %s: unknown capability", optarg);
			c->caps |= 1ULL << n;
			break;
		}
		case O_NNP: c->no_new_privs = true; break;
		case O_TTY: c->tty = true; break;
		case O_TTYSIZE: {
			char *x = strchr(optarg, 'x');
			if (!x)
				usage("--tty-size %s: expected ROWSxCOLS", optarg);
			*x = 0;
			c->tty_rows = parse_num("--tty-size", optarg, 65535);
			c->tty_cols = parse_num("--tty-size", x + 1, 65535);
			break;
		}
		case O_EXITFILE: c->exit_file = optarg; break;
		case O_PID: c->target_pid = parse_num("--pid", optarg, INT_MAX); break;
		case O_SECCOMP: c->seccomp_file = optarg; break;
		case O_SECCOMP_BPF: c->seccomp_bpf = optarg; break;
		/* optind counts in argv + 1, so argv[optind] is the option just read. */
		case ':': usage("%s: missing argument", argv[optind]);
		default: usage("unknown option '%s'", argv[optind]);
		}
	}
	c->argv = argv + 1 + optind;
	if (!*c->argv)
		usage("missing COMMAND");
	if (!c->exec_mode && !c->rootfs)
		usage("run needs --rootfs");
	if (c->exec_mode && c->target_pid <= 0)
		usage("exec needs --pid");
	if (c->join_netns_pid > 0 && c->host_network)
		usage("--join-netns and --host-network exclude each other");
	if (c->seccomp_file && c->seccomp_bpf)
		usage("--seccomp and --seccomp-bpf exclude each other");
	if (network_step && c->host_network)
		usage("--network-step needs the container's own network namespace, not --host-network");
	if (network_step && !ctl_watch)
		usage("--network-step needs the engine's control socket on fd 3");
}

/* ---------- monitor ---------- */

static int read_cap_last(void)
{
	int v = CAP_LAST_CAP;
	FILE *f = fopen("/proc/sys/kernel/cap_last_cap", "re");
	if (f) {
		if (fscanf(f, "%d", &v) != 1 || v < 0 || v > 63)
			v = CAP_LAST_CAP;
		fclose(f);
	}
	return v;
}

/* tmp + fsync + rename: the engine, possibly restarted, reads either nothing or the whole
 * code, never a truncated file. */
static void write_exit_file(const char *path, int code)
{
	char tmp[PATH_MAX], buf[16];
	if (snprintf(tmp, sizeof tmp, "%s.%d.tmp", path, (int)getpid()) >= (int)sizeof tmp)
		return;
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return;
	int n = snprintf(buf, sizeof buf, "%d\n", code);
	bool ok = write(fd, buf, n) == n && fsync(fd) == 0;
	ok = close(fd) == 0 && ok;
	if (!ok || rename(tmp, path) < 0) {
		unlink(tmp);
		return;
	}
	/* Make the rename itself durable. */
	char dir[PATH_MAX];
	snprintf(dir, sizeof dir, "%s", path);
	char *slash = strrchr(dir, '/');
	if (slash == dir)
		slash[1] = 0;
	else if (slash)
		*slash = 0;
	else
		strcpy(dir, ".");
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
}

static int wait_status(pid_t pid)
{
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return 255;
	return WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? 128 + WTERMSIG(st) : 255;
}

/* Before the child is released: it blocks on the sync pipe, so kill and reap it. */
static int abort_child(pid_t pid, const char *step, int err, const char *what)
{
	kill(pid, SIGKILL);
	wait_status(pid);
	send_line("error %s %d %s", step, err, what);
	return 1;
}

/* --network-step: the engine configures the child's network namespace (its pid is known)
 * and answers one line: `go`, or `abort`. Read a byte at a time so that nothing after the
 * line is consumed. 1 = go, 0 = abort, -1 = the engine closed its end (or sent nonsense). */
static int await_go(void)
{
	char line[16];
	size_t n = 0;
	for (;;) {
		char ch;
		ssize_t r = read(ctl_fd, &ch, 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		if (ch == '\n')
			break;
		if (n == sizeof line - 1)
			return -1;
		line[n++] = ch;
	}
	line[n] = 0;
	return strcmp(line, "go") == 0 ? 1 : strcmp(line, "abort") == 0 ? 0 : -1;
}

/* Line-safe: the message goes into one protocol line. */
static void one_line(char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == '\n' || s[n - 1] == ' '))
		s[--n] = 0;
	for (; *s; s++)
		if (*s == '\n' || *s == '\r')
			*s = ' ';
}

static int monitor(struct config *c)
{
	int cg[c->ncgroup_procs + 1];
	for (size_t i = 0; i < c->ncgroup_procs; i++) {
		cg[i] = open(c->cgroup_procs[i], O_WRONLY | O_CLOEXEC);
		if (cg[i] < 0) {
			send_line("error cgroup %d %s", errno, c->cgroup_procs[i]);
			return 1;
		}
	}

	if (c->exec_mode) {
		/* All opened first, while /proc/PID still means the host's view. */
		static const char *const names[4] = { "ipc", "uts", "net", "mnt" };
		char path[64];
		for (int i = 0; i < 4; i++) {
			snprintf(path, sizeof path, "/proc/%d/ns/%s", (int)c->target_pid, names[i]);
			if ((c->ns_fds[i] = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
				send_line("error open-ns %d %s", errno, path);
				return 1;
			}
		}
		/* Only the pid namespace is joined here: it applies to our future children, not
		 * to us, and the monitor must stay in the host's mount namespace so that
		 * --exit-file and the cgroup paths keep their host meaning. The child joins the
		 * others itself. */
		snprintf(path, sizeof path, "/proc/%d/ns/pid", (int)c->target_pid);
		int pidns = open(path, O_RDONLY | O_CLOEXEC);
		if (pidns < 0) {
			send_line("error open-ns %d %s", errno, path);
			return 1;
		}
		if (setns(pidns, CLONE_NEWPID) < 0) {
			send_line("error setns-pid %d pid %d", errno, (int)c->target_pid);
			return 1;
		}
		close(pidns);
	}

	c->netns_fd = -1;
	if (c->join_netns_pid > 0) {
		/* Opened before clone, so that a target that is gone is an error before any process
		 * exists; the child joins it before its mounts, so /sys shows that namespace. */
		char path[64];
		snprintf(path, sizeof path, "/proc/%d/ns/net", (int)c->join_netns_pid);
		if ((c->netns_fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
			send_line("error open-ns %d %s", errno, path);
			return 1;
		}
	}

	c->cap_last = read_cap_last();
	/* Compiled here, in the host's mount namespace (the monitor never leaves it), so that the file is a host path and a bad
	 * filter is reported before a process exists. The child inherits the compiled context. */
	if (c->seccomp_file || c->seccomp_bpf) {
		int err = 0;
		char what[512];
		if (seccomp_prepare(c, &err, what, sizeof what) < 0) {
			one_line(what);
			send_line("error seccomp %d %s", err, what);
			return 1;
		}
	}
	int sync[2], errp[2];
	if (pipe2(sync, O_CLOEXEC) < 0 || pipe2(errp, O_CLOEXEC) < 0) {
		send_line("error pipe %d pipe2", errno);
		return 1;
	}
	c->sync_fd = sync[0];
	c->sync_wfd = sync[1];
	c->err_fd = errp[1];
	c->err_rfd = errp[0];

	/* clone(), not fork(): the new namespaces are created with the process. The child
	 * only runs until exec, so a modest stack is plenty. */
	size_t stack_size = 1 << 20;
	char *stack = mmap(NULL, stack_size, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	if (stack == MAP_FAILED) {
		send_line("error clone %d stack", errno);
		return 1;
	}
	int flags = SIGCHLD;
	if (!c->exec_mode) {
		flags |= CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC;
		if (!c->host_network && c->netns_fd < 0)
			flags |= CLONE_NEWNET;
	}
	pid_t pid = clone(child_main, stack + stack_size, flags, c);
	if (pid < 0) {
		send_line("error clone %d %s", errno, c->exec_mode ? "exec" : "run");
		return 1;
	}
	close(sync[0]);
	close(errp[1]);
	if (c->exec_mode)
		for (int i = 0; i < 4; i++)
			close(c->ns_fds[i]);
	if (c->netns_fd >= 0)
		close(c->netns_fd);

	/* A pidfd lets one poll() wait for the child and the engine at once. */
	int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
	if (pidfd < 0)
		return abort_child(pid, "pidfd_open", errno, "child");
	for (size_t i = 0; i < c->ncgroup_procs; i++) {
		char buf[16];
		int n = snprintf(buf, sizeof buf, "%d\n", (int)pid);
		if (write(cg[i], buf, n) != n)
			return abort_child(pid, "cgroup", errno, c->cgroup_procs[i]);
		close(cg[i]);
	}
	send_line("pid %d", (int)pid);
	if (network_step) {
		int go = await_go();
		if (go != 1) {
			/* Still blocked on the sync pipe: it never ran. */
			kill(pid, SIGKILL);
			wait_status(pid);
			if (go == 0)
				send_line("error network-step 0 the engine aborted the start");
			return 1;
		}
	}
	/* sync[1] stays open: its hang-up tells the child that the monitor died. */
	if (write(sync[1], "x", 1) != 1)
		return abort_child(pid, "sync", errno, "release");

	/* fds 0-2 belong to the container; holding them would keep the engine's ends of the
	 * pipes or the PTY from seeing EOF when the container closes them. */
	int devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (devnull >= 0) {
		for (int fd = 0; fd < 3; fd++)
			if (devnull != fd)
				dup2(devnull, fd);
		if (devnull > 2)
			close(devnull);
	}

	char msg[2048];
	size_t msglen = 0;
	struct pollfd pf[3] = {
		{ .fd = pidfd, .events = POLLIN },
		{ .fd = errp[0], .events = POLLIN },
		{ .fd = ctl_watch ? ctl_fd : -1, .events = POLLIN },
	};
	for (;;) {
		if (poll(pf, 3, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (pf[1].revents) {
			/* The error pipe: a message before exec, or EOF when exec closed it. */
			char chunk[256];
			ssize_t n = read(pf[1].fd, chunk, sizeof chunk);
			if (n > 0) {
				/* The child writes less than this; anything beyond is dropped. */
				size_t take = (size_t)n < sizeof msg - 1 - msglen ? (size_t)n : sizeof msg - 1 - msglen;
				memcpy(msg + msglen, chunk, take);
				msglen += take;
			} else if (n == 0 || errno != EINTR) {
				close(pf[1].fd);
				pf[1].fd = -1;
				if (msglen == 0)
					send_line("started");
			}
		}
		if (pf[2].revents) {
			/* The engine sends nothing; readable means EOF: it died. The container must
			 * not outlive it. */
			char junk[256];
			ssize_t n = read(ctl_fd, junk, sizeof junk);
			if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
				syscall(SYS_pidfd_send_signal, pidfd, SIGKILL, NULL, 0);
				close(ctl_fd);
				ctl_fd = pf[2].fd = -1;
			}
		}
		if (pf[0].revents)
			break;
	}

	/* The child is gone, so its end of the error pipe is closed: drain to EOF. */
	if (pf[1].fd >= 0) {
		ssize_t n;
		while (msglen < sizeof msg - 1 &&
		       ((n = read(pf[1].fd, msg + msglen, sizeof msg - 1 - msglen)) > 0 ||
			(n < 0 && errno == EINTR)))
			if (n > 0)
				msglen += n;
		close(pf[1].fd);
		if (msglen == 0)
			send_line("started");
	}
	int code = wait_status(pid);
	if (msglen) {
		msg[msglen] = 0;
		one_line(msg);
		send_line("error %s", msg);
		return 1;
	}
	if (c->exit_file)
		write_exit_file(c->exit_file, code);
	send_line("exited %d", code);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "seccomp-compile") == 0)
		return seccomp_compile_main(argc, argv);
	/* Whatever the engine's JVM leaked must not reach the container. */
	close_from(4, false);
	/* With 0-2 closed, our own pipes would land there and be taken for the container's
	 * stdio; keep the numbers taken. */
	for (int fd = 0; fd < 3; fd++)
		if (fcntl(fd, F_GETFD) < 0 && open("/dev/null", O_RDWR) != fd)
			return 1;
	if (fcntl(3, F_GETFD) >= 0) {
		ctl_fd = 3;
		fcntl(3, F_SETFD, FD_CLOEXEC);
		/* The engine's socket is watched for EOF. Anything else (3>&1 when testing by
		 * hand) is only written to: a file or a pipe's write end is never "the engine
		 * died". */
		struct stat st;
		ctl_watch = fstat(3, &st) == 0 && S_ISSOCK(st.st_mode);
	}

	/* The monitor must outlive anything aimed at the container or at the engine's process
	 * group: SIGINT/SIGQUIT/SIGTSTP from the engine's terminal, SIGHUP when it closes,
	 * SIGTERM from a group kill. The engine signals the container's pid directly; if the
	 * monitor died, the parent-death signal would SIGKILL the container and its exit code
	 * would be lost. The child resets all of these before exec. */
	static const int ignored[] = { SIGPIPE, SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGTSTP,
				       SIGTTIN, SIGTTOU, SIGUSR1, SIGUSR2 };
	for (size_t i = 0; i < sizeof ignored / sizeof ignored[0]; i++)
		signal(ignored[i], SIG_IGN);
	/* An inherited SIG_IGN for SIGCHLD would auto-reap the child and lose its status. */
	signal(SIGCHLD, SIG_DFL);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);

	struct config c;
	memset(&c, 0, sizeof c);
	c.ctl_fd = ctl_fd;
	parse_options(argc, argv, &c);
	return monitor(&c);
}
