/* purser-stage: declarations shared by the stage's files. See README.md for the contract. */
#ifndef PURSER_STAGE_H
#define PURSER_STAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct bind {
	const char *src;   /* host path */
	const char *dst;   /* path inside the container */
	bool ro;
	unsigned long propagation;   /* MS_PRIVATE/MS_SLAVE, with MS_REC for the r- forms; 0: inherited */
	size_t seq;        /* place among --bind and --tmpfs: mounted in command-line order */
};

/* --tmpfs DST:OPTIONS, split into mount flags and the data the filesystem parses. */
struct tmpfs {
	const char *dst;
	unsigned long flags;
	char *data;
	size_t seq;
};

/* Everything parsed from the command line, plus what the monitor prepares for the child. */
struct config {
	bool exec_mode;
	const char *rootfs, *hostname, *domainname, *cwd, *exit_file;
	bool host_network, no_new_privs, tty;
	unsigned short tty_rows, tty_cols;   /* the terminal's first size; 0 = the kernel's default */
	struct bind *binds;
	size_t nbinds;
	struct bind *cgroup_mounts; /* --cgroup-mount: src a host group, dst a name (or "") under /sys/fs/cgroup */
	size_t ncgroup_mounts;
	struct tmpfs *tmpfs;
	size_t ntmpfs;
	bool readonly_rootfs;      /* --readonly-rootfs: / remounted read-only after every mount */
	const char **masks, **readonly, **cgroup_procs;
	size_t nmasks, nreadonly, ncgroup_procs;
	char **env;                /* NULL-terminated: the whole environment */
	size_t nenv;
	uid_t uid;
	gid_t gid;
	gid_t *groups;
	size_t ngroups;
	uint64_t caps;             /* bit N = capability N is kept */
	pid_t target_pid;          /* exec mode: the container's init */
	pid_t join_netns_pid;      /* run mode, --join-netns: the process whose network namespace is joined; 0: none */
	const char *seccomp_file;  /* the filter to load before exec (text); NULL: unconfined */
	const char *seccomp_bpf;   /* or the same, compiled by seccomp-compile */
	char **argv;               /* the command, NULL-terminated */

	/* Filled in by the monitor before the child is created. */
	int cap_last;              /* highest capability the kernel knows */
	int ctl_fd;                /* 3, or -1 when the engine gave no control socket */
	int sync_fd;               /* child's read end: one byte = go, EOF = monitor died */
	int sync_wfd;              /* monitor's end, closed in the child so that EOF can happen */
	int err_fd;                /* child's write end: "STEP ERRNO MESSAGE" on failure */
	int err_rfd;               /* monitor's end, closed in the child */
	int ns_fds[4];             /* exec mode: ipc, uts, net, mnt of the container */
	int netns_fd;              /* run mode, --join-netns: that namespace; -1: none */
	void *seccomp;             /* the compiled filter (a libseccomp context), or NULL */
	void *bpf;                 /* or the loaded --seccomp-bpf program (struct sock_fprog), or NULL */
};

/* container.c: the child's side, from clone to exec. Never returns. */
int child_main(void *cfg);

/* Reports a failed step to the monitor through the error pipe and exits the child. */
_Noreturn void child_fail(const char *step, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* rootfs.c: run mode's filesystem, all steps fail the child on error. */
void prepare_rootfs(const struct config *c);   /* mounts inside --rootfs and --bind */
void enter_rootfs(const struct config *c);     /* pivot_root into it */
void protect_paths(const struct config *c);    /* --mask and --readonly, after pivot_root */
void readonly_root(const struct config *c);    /* --readonly-rootfs, last */
/* rootfs.c, for parsing: --bind's OPTS and --tmpfs's OPTIONS; 0, or -1 for a word not known. */
int parse_bind_options(char *opts, struct bind *b);
int parse_tmpfs_options(const char *opts, struct tmpfs *t);

/* seccomp.c. prepare: in the monitor, reads and compiles --seccomp, or reads --seccomp-bpf; 0,
 * or -1 with *err and msg set. install: in the child, loads it (nothing without either); fails
 * the child. compile_main: the seccomp-compile mode, text file to BPF file. */
int seccomp_prepare(struct config *c, int *err, char *msg, size_t msglen);
void seccomp_install(const struct config *c);
int seccomp_compile_main(int argc, char **argv);

/* fds.c: closes (or, with cloexec, marks close-on-exec) every descriptor >= lowest. */
void close_from(int lowest, bool cloexec);

/* caps.c */
int cap_from_name(const char *name);           /* -1 when unknown */
void drop_bounding_set(const struct config *c);
void set_process_caps(const struct config *c);

#endif
