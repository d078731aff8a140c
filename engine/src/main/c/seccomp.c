/* Seccomp: the filter the engine resolved from a Docker-format profile (for this container's
 * capabilities and the host's architecture) is compiled to BPF by libseccomp, as runc and crun
 * do. The monitor reads it before clone, in the host's mount namespace; the child only loads
 * it. Compiling Docker's profile for three architectures takes libseccomp tens of ms, so the
 * engine compiles each distinct filter once (seccomp-compile) and passes the BPF program
 * (--seccomp-bpf); --seccomp compiles at every start. The formats are in README.md. */
#include "stage.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

/* At most six arguments exist, so no rule can have more conditions. */
#define MAX_CONDITIONS 6

static int parse_u64(const char *s, uint64_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 0);
	if (errno || end == s || *end || *s == '-')
		return -1;
	*out = v;
	return 0;
}

static int parse_action(const char *s, uint32_t *out)
{
	uint64_t n;
	if (strcmp(s, "allow") == 0)
		*out = SCMP_ACT_ALLOW;
	else if (strcmp(s, "kill_thread") == 0)
		*out = SCMP_ACT_KILL_THREAD;
	else if (strcmp(s, "kill_process") == 0)
		*out = SCMP_ACT_KILL_PROCESS;
	else if (strcmp(s, "trap") == 0)
		*out = SCMP_ACT_TRAP;
	else if (strcmp(s, "log") == 0)
		*out = SCMP_ACT_LOG;
	else if (strncmp(s, "errno:", 6) == 0 && parse_u64(s + 6, &n) == 0 && n <= 0xffff)
		*out = SCMP_ACT_ERRNO((uint32_t)n);
	else if (strncmp(s, "trace:", 6) == 0 && parse_u64(s + 6, &n) == 0 && n <= 0xffff)
		*out = SCMP_ACT_TRACE((uint32_t)n);
	else
		return -1;
	return 0;
}

static int parse_op(const char *s, enum scmp_compare *out)
{
	static const struct { const char *name; enum scmp_compare op; } ops[] = {
		{ "ne", SCMP_CMP_NE }, { "lt", SCMP_CMP_LT }, { "le", SCMP_CMP_LE },
		{ "eq", SCMP_CMP_EQ }, { "ge", SCMP_CMP_GE }, { "gt", SCMP_CMP_GT },
		{ "masked_eq", SCMP_CMP_MASKED_EQ },
	};
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
		if (strcmp(s, ops[i].name) == 0) {
			*out = ops[i].op;
			return 0;
		}
	return -1;
}

/* INDEX:OP:VALUE:VALUETWO, as runc passes Docker's argument rules to libseccomp. */
static int parse_condition(char *s, struct scmp_arg_cmp *out)
{
	char *save = NULL;
	char *index = strtok_r(s, ":", &save), *op = strtok_r(NULL, ":", &save);
	char *a = strtok_r(NULL, ":", &save), *b = strtok_r(NULL, ":", &save);
	uint64_t i;
	if (!index || !op || !a || !b || strtok_r(NULL, ":", &save) || parse_u64(index, &i) < 0 || i > 5 ||
	    parse_op(op, &out->op) < 0 || parse_u64(a, &out->datum_a) < 0 || parse_u64(b, &out->datum_b) < 0)
		return -1;
	out->arg = (unsigned int)i;
	return 0;
}

/* One line: "default ACTION", "arch NAME" or "ACTION SYSCALL [CONDITION...]". Returns 0, or
 * -1 with *err and msg set. */
static int apply_line(scmp_filter_ctx *ctx, char *line, int *err, char *msg, size_t msglen)
{
	char *save = NULL;
	char *first = strtok_r(line, " \t\n", &save);
	if (!first)
		return 0;   /* blank */
	char *second = strtok_r(NULL, " \t\n", &save);
	if (!second) {
		snprintf(msg, msglen, "expected two words at least");
		*err = EINVAL;
		return -1;
	}
	if (strcmp(first, "default") == 0) {
		uint32_t action;
		if (*ctx || parse_action(second, &action) < 0) {
			snprintf(msg, msglen, "bad or repeated default action '%s'", second);
			*err = EINVAL;
			return -1;
		}
		if (!(*ctx = seccomp_init(action))) {
			snprintf(msg, msglen, "seccomp_init");
			*err = ENOMEM;
			return -1;
		}
		/* no_new_privs is the engine's decision (Docker sets it only when asked); libseccomp
		 * would otherwise set it on every load. */
		int rc = seccomp_attr_set(*ctx, SCMP_FLTATR_CTL_NNP, 0);
		if (rc < 0) {
			snprintf(msg, msglen, "seccomp_attr_set nnp");
			*err = -rc;
			return -1;
		}
		return 0;
	}
	if (!*ctx) {
		snprintf(msg, msglen, "the first line must be 'default ACTION'");
		*err = EINVAL;
		return -1;
	}
	if (strcmp(first, "arch") == 0) {
		uint32_t arch = seccomp_arch_resolve_name(second);
		if (arch == 0) {
			snprintf(msg, msglen, "unknown architecture '%s'", second);
			*err = EINVAL;
			return -1;
		}
		int rc = seccomp_arch_add(*ctx, arch);
		if (rc < 0 && rc != -EEXIST) {   /* the native one is there from the start */
			snprintf(msg, msglen, "seccomp_arch_add %s", second);
			*err = -rc;
			return -1;
		}
		return 0;
	}
	uint32_t action;
	if (parse_action(first, &action) < 0) {
		snprintf(msg, msglen, "unknown action '%s'", first);
		*err = EINVAL;
		return -1;
	}
	/* A name libseccomp does not know is skipped, as runc does: profiles list syscalls of
	 * newer kernels and other architectures. */
	int nr = seccomp_syscall_resolve_name(second);
	if (nr == __NR_SCMP_ERROR)
		return 0;
	struct scmp_arg_cmp conds[MAX_CONDITIONS];
	unsigned int n = 0;
	for (char *t = strtok_r(NULL, " \t\n", &save); t; t = strtok_r(NULL, " \t\n", &save)) {
		if (n == MAX_CONDITIONS || parse_condition(t, &conds[n]) < 0) {
			snprintf(msg, msglen, "bad condition for %s", second);
			*err = EINVAL;
			return -1;
		}
		n++;
	}
	int rc = seccomp_rule_add_array(*ctx, action, nr, n, conds);
	if (rc < 0) {
		snprintf(msg, msglen, "seccomp_rule_add %s", second);
		*err = -rc;
		return -1;
	}
	return 0;
}

/* Reads the text format into a libseccomp context; NULL with *err and msg set on failure. */
static scmp_filter_ctx compile_text(const char *path, int *err, char *msg, size_t msglen)
{
	FILE *f = fopen(path, "re");
	if (!f) {
		*err = errno;
		snprintf(msg, msglen, "%s", path);
		return NULL;
	}
	scmp_filter_ctx ctx = NULL;
	char *line = NULL, detail[256];
	size_t cap = 0;
	int lineno = 0, rc = 0;
	/* getline's -1 is either the end or an error (ENOMEM): errno tells them apart. */
	while ((errno = 0, getline(&line, &cap, f)) >= 0) {
		lineno++;
		if (apply_line(&ctx, line, err, detail, sizeof detail) < 0) {
			snprintf(msg, msglen, "%s line %d: %s", path, lineno, detail);
			rc = -1;
			break;
		}
	}
	if (rc == 0 && (errno || ferror(f))) {
		*err = errno ? errno : EIO;
		snprintf(msg, msglen, "reading %s", path);
		rc = -1;
	}
	if (rc == 0 && !ctx) {
		*err = EINVAL;
		snprintf(msg, msglen, "%s: no default action", path);
		rc = -1;
	}
	free(line);
	fclose(f);
	if (rc < 0) {
		if (ctx)
			seccomp_release(ctx);
		return NULL;
	}
	return ctx;
}

/* A BPF program as seccomp-compile wrote it: whole instructions, at most BPF_MAXINSNS (the
 * kernel checks the rest when it is loaded). */
static struct sock_fprog *read_program(const char *path, int *err, char *msg, size_t msglen)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) < 0) {
		*err = errno;
		snprintf(msg, msglen, "%s", path);
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	size_t n = (size_t)st.st_size / sizeof(struct sock_filter);
	if (st.st_size <= 0 || (size_t)st.st_size % sizeof(struct sock_filter) || n > BPF_MAXINSNS) {
		close(fd);
		*err = EINVAL;
		snprintf(msg, msglen, "%s: not a BPF program (%lld bytes)", path, (long long)st.st_size);
		return NULL;
	}
	struct sock_fprog *prog = malloc(sizeof *prog);
	struct sock_filter *insns = malloc((size_t)st.st_size);
	if (!prog || !insns) {
		free(prog);
		free(insns);
		close(fd);
		*err = ENOMEM;
		snprintf(msg, msglen, "%s", path);
		return NULL;
	}
	for (size_t off = 0; off < (size_t)st.st_size;) {
		ssize_t r = read(fd, (char *)insns + off, (size_t)st.st_size - off);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			*err = r < 0 ? errno : EIO;
			snprintf(msg, msglen, "reading %s", path);
			free(prog);
			free(insns);
			close(fd);
			return NULL;
		}
		off += (size_t)r;
	}
	close(fd);
	prog->len = (unsigned short)n;
	prog->filter = insns;
	return prog;
}

int seccomp_prepare(struct config *c, int *err, char *msg, size_t msglen)
{
	if (c->seccomp_bpf) {
		c->bpf = read_program(c->seccomp_bpf, err, msg, msglen);
		return c->bpf ? 0 : -1;
	}
	c->seccomp = compile_text(c->seccomp_file, err, msg, msglen);
	return c->seccomp ? 0 : -1;
}

void seccomp_install(const struct config *c)
{
	if (c->bpf) {
		/* What seccomp_load does with libseccomp's defaults and no_new_privs off: no flags. */
		if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, c->bpf) < 0)
			child_fail("seccomp", errno, "%s", c->seccomp_bpf);
		return;
	}
	if (!c->seccomp)
		return;
	int rc = seccomp_load(c->seccomp);
	if (rc < 0)
		child_fail("seccomp", -rc, "%s", c->seccomp_file);
}

/* purser-stage seccomp-compile TEXT OUT: TEXT's filter as a BPF program in OUT, written to a
 * temporary file and renamed, so that a reader sees the whole program or none. */
int seccomp_compile_main(int argc, char **argv)
{
	if (argc != 4) {
		fputs("usage: purser-stage seccomp-compile FILTER OUT\n", stderr);
		return 2;
	}
	int err = 0;
	char msg[512], tmp[4096];
	scmp_filter_ctx ctx = compile_text(argv[2], &err, msg, sizeof msg);
	if (!ctx) {
		fprintf(stderr, "purser-stage: seccomp %s: %s\n", msg, strerror(err));
		return 1;
	}
	if (snprintf(tmp, sizeof tmp, "%s.%d.tmp", argv[3], (int)getpid()) >= (int)sizeof tmp) {
		fprintf(stderr, "purser-stage: %s: %s\n", argv[3], strerror(ENAMETOOLONG));
		seccomp_release(ctx);
		return 1;
	}
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	int rc = fd < 0 ? -errno : seccomp_export_bpf(ctx, fd);
	seccomp_release(ctx);
	if (fd >= 0 && close(fd) < 0 && rc == 0)
		rc = -errno;
	if (rc == 0 && rename(tmp, argv[3]) < 0)
		rc = -errno;
	if (rc < 0) {
		if (fd >= 0)
			unlink(tmp);
		fprintf(stderr, "purser-stage: seccomp-compile %s: %s\n", argv[3], strerror(-rc));
		return 1;
	}
	return 0;
}
