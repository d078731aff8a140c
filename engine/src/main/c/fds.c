/* Closing every descriptor above a number. close_range(2) is the fast way, but kernels before
 * 5.11 (5.9 without CLOSE_RANGE_CLOEXEC) lack it and a seccomp profile may deny it, so the
 * fallback walks /proc/self/fd, and without /proc, every number up to the descriptor limit. */
#include "stage.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/close_range.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

/* Without /proc, numbers are tried one by one; a limit of millions (containers often get
 * 1048576) would still finish in well under a second, and an unlimited one is capped. */
#define FD_SCAN_CAP (1 << 20)

static void close_one(int fd, bool cloexec)
{
	if (cloexec) {
		int flags = fcntl(fd, F_GETFD);
		if (flags >= 0)
			fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
	} else {
		close(fd);
	}
}

static int close_listed(int lowest, bool cloexec)
{
	DIR *d = opendir("/proc/self/fd");
	if (!d)
		return -1;
	int self = dirfd(d);
	struct dirent *e;
	/* Closing while reading is safe: the directory is listed from the live table, and a
	 * number is never reused here because nothing is opened meanwhile. */
	while ((e = readdir(d))) {
		char *end;
		long fd = strtol(e->d_name, &end, 10);
		if (*end || end == e->d_name || fd < lowest || fd == self || fd > INT32_MAX)
			continue;
		close_one((int)fd, cloexec);
	}
	closedir(d);
	return 0;
}

void close_from(int lowest, bool cloexec)
{
	if (close_range((unsigned)lowest, ~0U, cloexec ? CLOSE_RANGE_CLOEXEC : 0) == 0)
		return;
	if (close_listed(lowest, cloexec) == 0)
		return;
	struct rlimit rl;
	rlim_t limit = getrlimit(RLIMIT_NOFILE, &rl) == 0 ? rl.rlim_cur : FD_SCAN_CAP;
	if (limit > FD_SCAN_CAP)
		limit = FD_SCAN_CAP;
	for (int fd = lowest; fd < (int)limit; fd++)
		close_one(fd, cloexec);
}
