/* Run mode's filesystem: Docker's default mounts inside the rootfs, --bind and --tmpfs,
 * pivot_root, then --mask, --readonly and --readonly-rootfs. Runs in the child, in its new mount namespace. */
#include "stage.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/mount.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

/* The rootfs comes from an image, so it may contain symlinks such as /dev -> /etc or
 * /proc -> ../../..; before pivot_root those would resolve on the host. Every path inside
 * the rootfs is therefore resolved with RESOLVE_IN_ROOT, which treats the rootfs as "/", and
 * mounted onto through /proc/self/fd/N. */
static int resolve(int root, const char *path)
{
	struct open_how how = {
		.flags = O_PATH | O_CLOEXEC,
		.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
	};
	return (int)syscall(SYS_openat2, root, path, &how, sizeof how);
}

/* Opens PATH inside the rootfs as an O_PATH fd, creating what is missing: directories, and
 * the last component as an empty file when want_dir is false (a mount point for a file). */
static int open_in_root(int root, const char *path, bool want_dir, const char *step)
{
	int fd = resolve(root, path);
	if (fd >= 0 || errno != ENOENT)
		goto out;

	char prefix[PATH_MAX];
	if (strlen(path) >= sizeof prefix)
		child_fail(step, ENAMETOOLONG, "%s", path);
	int parent = fcntl(root, F_DUPFD_CLOEXEC, 0);
	const char *p = path;
	fd = parent;
	while (*p) {
		while (*p == '/')
			p++;
		if (!*p)
			break;
		const char *end = strchrnul(p, '/');
		const char *rest = end;
		while (*rest == '/')
			rest++;
		bool last = !*rest;
		char name[NAME_MAX + 1];
		if ((size_t)(end - p) > NAME_MAX)
			child_fail(step, ENAMETOOLONG, "%s", path);
		memcpy(name, p, end - p);
		name[end - p] = 0;
		memcpy(prefix, path, end - path);
		prefix[end - path] = 0;

		fd = resolve(root, prefix);
		if (fd < 0 && errno == ENOENT) {
			/* Created relative to the already-resolved parent, by a single name. */
			int r;
			if (last && !want_dir) {
				r = openat(parent, name, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0644);
				if (r >= 0)
					close(r);
			} else {
				r = mkdirat(parent, name, 0755);
			}
			if (r < 0 && errno != EEXIST)
				child_fail(step, errno, "create %s", prefix);
			fd = resolve(root, prefix);
		}
		if (fd < 0)
			break;
		close(parent);
		parent = fd;
		p = end;
	}
	if (fd < 0) {
		int e = errno;
		close(parent);
		errno = e;
	}
out:
	if (fd < 0)
		child_fail(step, errno, "%s", path);
	return fd;
}

static void fd_path(char *buf, size_t len, int fd)
{
	snprintf(buf, len, "/proc/self/fd/%d", fd);
}

/* Mounts a filesystem (or bind, when type is NULL) at PATH inside the rootfs. */
static void mount_in_root(int root, const char *src, const char *path, const char *type,
			  unsigned long flags, const char *data, bool want_dir, const char *step)
{
	int fd = open_in_root(root, path, want_dir, step);
	char target[64];
	fd_path(target, sizeof target, fd);
	if (mount(src, target, type, flags, data) < 0)
		child_fail(step, errno, "%s", path);
	close(fd);
}

/* A read-only remount of a bind mount would silently drop nosuid/nodev/noexec unless they
 * are passed again (and inside a user namespace it fails on locked flags), so they are read
 * back from the mount with statfs, as runc does. */
static unsigned long kept_flags(int fd)
{
	struct statfs s;
	unsigned long f = 0;
	if (fstatfs(fd, &s) < 0)
		return 0;
	if (s.f_flags & ST_NOSUID)
		f |= MS_NOSUID;
	if (s.f_flags & ST_NODEV)
		f |= MS_NODEV;
	if (s.f_flags & ST_NOEXEC)
		f |= MS_NOEXEC;
	return f;
}

/* Docker's /dev: a small tmpfs with only the harmless devices, never the host's /dev. */
static void populate_dev(int root)
{
	/* Fixed numbers from Documentation/admin-guide/devices.txt, identical on every host. */
	static const struct { const char *name; unsigned major, minor; } nodes[] = {
		{ "null", 1, 3 }, { "zero", 1, 5 }, { "full", 1, 7 },
		{ "random", 1, 8 }, { "urandom", 1, 9 }, { "tty", 5, 0 },
	};
	static const struct { const char *name, *target; } links[] = {
		{ "fd", "/proc/self/fd" }, { "stdin", "/proc/self/fd/0" },
		{ "stdout", "/proc/self/fd/1" }, { "stderr", "/proc/self/fd/2" },
		{ "core", "/proc/kcore" }, { "ptmx", "pts/ptmx" },
	};
	/* Reopened after the mount, so that it is the new tmpfs and not the directory beneath. */
	int dev = open_in_root(root, "/dev", true, "mount-dev");
	for (size_t i = 0; i < sizeof nodes / sizeof nodes[0]; i++)
		if (mknodat(dev, nodes[i].name, S_IFCHR | 0666, makedev(nodes[i].major, nodes[i].minor)) < 0)
			child_fail("mknod", errno, "/dev/%s", nodes[i].name);
	/* Still the host's /proc here: like runc, /dev/core only where the kernel has a kcore. */
	bool kcore = access("/proc/kcore", F_OK) == 0;
	for (size_t i = 0; i < sizeof links / sizeof links[0]; i++)
		if ((kcore || strcmp(links[i].name, "core") != 0) && symlinkat(links[i].target, dev, links[i].name) < 0)
			child_fail("symlink", errno, "/dev/%s", links[i].name);
	close(dev);
}

/* Docker's read-only binds are recursively read-only ("rro"): mount_setattr on the whole
 * tree where the kernel has it (5.12+), else a remount of the top mount alone, as runc. */
static void make_bind_readonly(int root, const struct bind *b, bool is_dir)
{
	int fd = open_in_root(root, b->dst, is_dir, "bind-target");
	struct mount_attr attr = { .attr_set = MOUNT_ATTR_RDONLY };
	if (syscall(SYS_mount_setattr, fd, "", AT_EMPTY_PATH | AT_RECURSIVE, &attr, sizeof attr) < 0) {
		if (errno != ENOSYS)
			child_fail("remount-bind-ro", errno, "%s", b->dst);
		char target[64];
		fd_path(target, sizeof target, fd);
		if (mount(NULL, target, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY | kept_flags(fd), NULL) < 0)
			child_fail("remount-bind-ro", errno, "%s", b->dst);
	}
	close(fd);
}

static void bind_in_root(int root, const struct bind *b)
{
	struct stat st;
	if (stat(b->src, &st) < 0)
		child_fail("bind-source", errno, "%s", b->src);
	int fd = open_in_root(root, b->dst, S_ISDIR(st.st_mode), "bind-target");
	char target[64];
	fd_path(target, sizeof target, fd);
	if (mount(b->src, target, NULL, MS_BIND | MS_REC, NULL) < 0)
		child_fail("mount-bind", errno, "%s", b->dst);
	close(fd);
	if (b->ro)
		make_bind_readonly(root, b, S_ISDIR(st.st_mode));
	if (b->propagation) {
		/* Reopened: the new mount, not the directory it covers. */
		fd = open_in_root(root, b->dst, S_ISDIR(st.st_mode), "bind-target");
		fd_path(target, sizeof target, fd);
		if (mount(NULL, target, NULL, b->propagation, NULL) < 0)
			child_fail("bind-propagation", errno, "%s", b->dst);
		close(fd);
	}
}

int parse_bind_options(char *opts, struct bind *b)
{
	static const struct { const char *name; unsigned long flag; } modes[] = {
		{ "private", MS_PRIVATE }, { "rprivate", MS_PRIVATE | MS_REC },
		{ "slave", MS_SLAVE }, { "rslave", MS_SLAVE | MS_REC },
	};
	char *save = NULL;
	for (char *w = strtok_r(opts, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		if (strcmp(w, "ro") == 0 || strcmp(w, "rw") == 0) {
			b->ro = w[1] == 'o';
			continue;
		}
		size_t i = 0;
		while (i < sizeof modes / sizeof modes[0] && strcmp(w, modes[i].name) != 0)
			i++;
		if (i == sizeof modes / sizeof modes[0])
			return -1;
		b->propagation = modes[i].flag;
	}
	return 0;
}

/* mount(8)'s flag words, as runc splits an OCI mount's options; anything else (size=, mode=,
 * uid=, nr_inodes=...) is tmpfs's own data, which the kernel checks at mount. */
int parse_tmpfs_options(const char *opts, struct tmpfs *t)
{
	static const struct { const char *name; bool clear; unsigned long flag; } words[] = {
		{ "ro", false, MS_RDONLY }, { "rw", true, MS_RDONLY },
		{ "nosuid", false, MS_NOSUID }, { "suid", true, MS_NOSUID },
		{ "nodev", false, MS_NODEV }, { "dev", true, MS_NODEV },
		{ "noexec", false, MS_NOEXEC }, { "exec", true, MS_NOEXEC },
		{ "sync", false, MS_SYNCHRONOUS }, { "async", true, MS_SYNCHRONOUS },
		{ "dirsync", false, MS_DIRSYNC },
		{ "noatime", false, MS_NOATIME }, { "atime", true, MS_NOATIME },
		{ "nodiratime", false, MS_NODIRATIME }, { "diratime", true, MS_NODIRATIME },
		{ "relatime", false, MS_RELATIME }, { "norelatime", true, MS_RELATIME },
		{ "strictatime", false, MS_STRICTATIME }, { "nostrictatime", true, MS_STRICTATIME },
		/* the propagation Docker adds to every tmpfs: ours never propagates anyway */
		{ "rprivate", false, 0 }, { "private", false, 0 },
	};
	char *copy = strdup(opts);
	t->data = calloc(strlen(opts) + 1, 1);
	if (!copy || !t->data) {
		free(copy);
		return -1;
	}
	t->flags = 0;
	char *save = NULL;
	for (char *w = strtok_r(copy, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		size_t i = 0;
		while (i < sizeof words / sizeof words[0] && strcmp(w, words[i].name) != 0)
			i++;
		if (i < sizeof words / sizeof words[0]) {
			if (words[i].clear)
				t->flags &= ~words[i].flag;
			else
				t->flags |= words[i].flag;
			continue;
		}
		if (*t->data)
			strcat(t->data, ",");
		strcat(t->data, w);
	}
	free(copy);
	return 0;
}

static void tmpfs_in_root(int root, const struct tmpfs *t)
{
	mount_in_root(root, "tmpfs", t->dst, "tmpfs", t->flags, *t->data ? t->data : NULL, true, "mount-tmpfs");
}

/* --bind and --tmpfs in the order given: the engine puts a mount before those inside it. */
static void user_mounts(int root, const struct config *c)
{
	size_t b = 0, t = 0;
	while (b < c->nbinds || t < c->ntmpfs) {
		if (t == c->ntmpfs || (b < c->nbinds && c->binds[b].seq < c->tmpfs[t].seq))
			bind_in_root(root, &c->binds[b++]);
		else
			tmpfs_in_root(root, &c->tmpfs[t++]);
	}
}

/* Binds the host directory SRC at PATH inside the rootfs, read-only, nosuid, nodev, noexec. */
static void bind_readonly(int root, const char *src, const char *path, const char *step)
{
	const unsigned long ro = MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_RDONLY;
	int fd = open_in_root(root, path, true, step);
	char target[64];
	fd_path(target, sizeof target, fd);
	if (mount(src, target, NULL, MS_BIND, NULL) < 0)
		child_fail(step, errno, "%s", path);
	close(fd);
	fd = open_in_root(root, path, true, step);
	fd_path(target, sizeof target, fd);
	if (mount(NULL, target, NULL, MS_BIND | MS_REMOUNT | ro, NULL) < 0)
		child_fail(step, errno, "remount %s", path);
	close(fd);
}

/* Docker's /sys/fs/cgroup: the container's own groups, read-only, so that tools inside read
 * their limits. On v2 the group itself is /sys/fs/cgroup; on v1 (names given) a read-only
 * tmpfs holds one directory per hierarchy, each the container's group in it, as runc does. */
static void mount_cgroups(int root, const struct config *c)
{
	if (c->ncgroup_mounts == 0)
		return;
	if (!c->cgroup_mounts[0].dst[0]) {
		bind_readonly(root, c->cgroup_mounts[0].src, "/sys/fs/cgroup", "mount-cgroup");
		return;
	}
	mount_in_root(root, "tmpfs", "/sys/fs/cgroup", "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC,
		      "mode=755", true, "mount-cgroup");
	int fd = open_in_root(root, "/sys/fs/cgroup", true, "mount-cgroup");
	for (size_t i = 0; i < c->ncgroup_mounts; i++) {
		const char *name = c->cgroup_mounts[i].dst;
		char path[PATH_MAX];
		snprintf(path, sizeof path, "/sys/fs/cgroup/%s", name);
		bind_readonly(root, c->cgroup_mounts[i].src, path, "mount-cgroup");
		/* Co-mounted controllers (cpu,cpuacct) are also reachable by each name, as runc links them. */
		if (!strchr(name, ','))
			continue;
		char parts[NAME_MAX + 1];
		snprintf(parts, sizeof parts, "%s", name);
		for (char *save, *part = strtok_r(parts, ",", &save); part; part = strtok_r(NULL, ",", &save))
			if (symlinkat(name, fd, part) < 0 && errno != EEXIST)
				child_fail("mount-cgroup", errno, "link /sys/fs/cgroup/%s", part);
	}
	char target[64];
	fd_path(target, sizeof target, fd);
	if (mount(NULL, target, NULL, MS_REMOUNT | MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_RDONLY, "mode=755") < 0)
		child_fail("mount-cgroup", errno, "remount /sys/fs/cgroup");
	close(fd);
}

void prepare_rootfs(const struct config *c)
{
	/* Nothing we mount may propagate back to the host, while host mounts (e.g. a later
	 * unmount of a bind source) still reach us. Also makes pivot_root legal: it refuses
	 * shared mounts. */
	if (mount(NULL, "/", NULL, MS_REC | MS_SLAVE, NULL) < 0)
		child_fail("mount-slave", errno, "/");
	/* pivot_root needs the new root to be a mount point; the overlay is, a plain directory
	 * is not, and binding it onto itself works for both. */
	if (mount(c->rootfs, c->rootfs, NULL, MS_BIND | MS_REC, NULL) < 0)
		child_fail("mount-rootfs", errno, "%s", c->rootfs);
	int root = open(c->rootfs, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (root < 0)
		child_fail("open-rootfs", errno, "%s", c->rootfs);

	mount_in_root(root, "proc", "/proc", "proc", MS_NOSUID | MS_NOEXEC | MS_NODEV, NULL, true, "mount-proc");
	mount_in_root(root, "tmpfs", "/dev", "tmpfs", MS_NOSUID | MS_STRICTATIME,
		      "mode=755,size=65536k", true, "mount-dev");
	populate_dev(root);
	mount_in_root(root, "devpts", "/dev/pts", "devpts", MS_NOSUID | MS_NOEXEC,
		      "newinstance,ptmxmode=0666,mode=0620,gid=5", true, "mount-devpts");
	mount_in_root(root, "shm", "/dev/shm", "tmpfs", MS_NOSUID | MS_NOEXEC | MS_NODEV,
		      "mode=1777,size=65536k", true, "mount-shm");
	mount_in_root(root, "mqueue", "/dev/mqueue", "mqueue", MS_NOSUID | MS_NOEXEC | MS_NODEV,
		      NULL, true, "mount-mqueue");
	mount_in_root(root, "sysfs", "/sys", "sysfs", MS_NOSUID | MS_NOEXEC | MS_NODEV | MS_RDONLY,
		      NULL, true, "mount-sysfs");
	mount_cgroups(root, c);

	user_mounts(root, c);
	close(root);
}

void enter_rootfs(const struct config *c)
{
	/* pivot_root(".", ".") stacks the old root on top of the new one at "/"; detaching it
	 * leaves only the new root, without needing a put_old directory inside the image. */
	if (chdir(c->rootfs) < 0)
		child_fail("chdir-rootfs", errno, "%s", c->rootfs);
	if (syscall(SYS_pivot_root, ".", ".") < 0)
		child_fail("pivot_root", errno, "%s", c->rootfs);
	if (umount2(".", MNT_DETACH) < 0)
		child_fail("umount-oldroot", errno, "/");
	if (chdir("/") < 0)
		child_fail("chdir", errno, "/");
}

/* After pivot_root, so plain paths resolve inside the container. */
void protect_paths(const struct config *c)
{
	for (size_t i = 0; i < c->nmasks; i++) {
		const char *p = c->masks[i];
		struct stat st;
		if (stat(p, &st) < 0) {
			if (errno == ENOENT)
				continue;
			child_fail("mask", errno, "%s", p);
		}
		int r = S_ISDIR(st.st_mode) ? mount("tmpfs", p, "tmpfs", MS_RDONLY, NULL)
					    : mount("/dev/null", p, NULL, MS_BIND, NULL);
		if (r < 0)
			child_fail("mask", errno, "%s", p);
	}
	for (size_t i = 0; i < c->nreadonly; i++) {
		const char *p = c->readonly[i];
		if (mount(p, p, NULL, MS_BIND | MS_REC, NULL) < 0) {
			if (errno == ENOENT)
				continue;
			child_fail("readonly", errno, "%s", p);
		}
		int fd = open(p, O_PATH | O_CLOEXEC);
		if (fd < 0)
			child_fail("readonly", errno, "%s", p);
		unsigned long keep = kept_flags(fd);
		close(fd);
		if (mount(p, p, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY | keep, NULL) < 0)
			child_fail("readonly", errno, "%s", p);
	}
}

/* --readonly-rootfs, as runc's readonly root: only the root mount's own flag changes, so
 * every mount beneath it (/dev, /proc, binds, tmpfs) keeps its own. */
void readonly_root(const struct config *c)
{
	if (!c->readonly_rootfs)
		return;
	int fd = open("/", O_PATH | O_CLOEXEC);
	if (fd < 0)
		child_fail("readonly-rootfs", errno, "/");
	unsigned long keep = kept_flags(fd);
	close(fd);
	if (mount(NULL, "/", NULL, MS_BIND | MS_REMOUNT | MS_RDONLY | keep, NULL) < 0)
		child_fail("readonly-rootfs", errno, "/");
}
