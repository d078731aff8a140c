/* Test helper, built at test time: calls each named syscall with harmless arguments and prints
 * "NAME ERRNO" (0 when it succeeded), so a test can tell seccomp's refusal (EPERM) from the
 * kernel's own answer. Busybox has no tool for most of these. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <unistd.h>

#define KEY_SPEC_PROCESS_KEYRING (-2)
#define KEYCTL_GET_KEYRING_ID 0
#define UFFD_USER_MODE_ONLY 1

static long call(const char *name)
{
	if (!strcmp(name, "keyctl"))        /* the process keyring, created if missing */
		return syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID, KEY_SPEC_PROCESS_KEYRING, 1);
	if (!strcmp(name, "add_key"))       /* a key in the process keyring, gone with the process */
		return syscall(SYS_add_key, "user", "purser-probe", "x", 1, KEY_SPEC_PROCESS_KEYRING);
	if (!strcmp(name, "kexec_load"))    /* unknown flags: EINVAL (or ENOSYS) past the permission check */
		return syscall(SYS_kexec_load, 0UL, 0UL, NULL, 0xdead0000UL);
	if (!strcmp(name, "bpf"))           /* no such command: EINVAL */
		return syscall(SYS_bpf, 9999, NULL, 0);
	if (!strcmp(name, "userfaultfd"))   /* user-mode-only faults need no privilege */
		return syscall(SYS_userfaultfd, O_CLOEXEC | UFFD_USER_MODE_ONLY);
	if (!strcmp(name, "reboot"))        /* wrong magic: EINVAL past the CAP_SYS_BOOT check */
		return syscall(SYS_reboot, 0, 0, 0, NULL);
	if (!strcmp(name, "unshare-user"))
		return syscall(SYS_unshare, CLONE_NEWUSER);
	if (!strcmp(name, "mount"))
		return mount("none", "/tmp", "tmpfs", 0, NULL);
	errno = ENOENT;
	fprintf(stderr, "unknown probe %s\n", name);
	return -1;
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		errno = 0;
		long r = call(argv[i]);
		printf("%s %d\n", argv[i], r < 0 ? errno : 0);
	}
	return 0;
}
