/*
 * gen_selftest.c -- run by tests/abi/run.sh: links the generated
 * syscall_table.c and rump_sys_wrappers.c (compiled freestanding) with
 * one handler, a minimal rump_syscall() and rumpuser_seterrno(), and
 * checks the glue: typed arguments arrive, a missing handler gives
 * -ENOSYS, unimplemented numbers have no call, and the wrappers turn
 * -errno into -1 and errno.  Prints "FAIL: what" lines; exit status 0
 * when all held.
 */
#include <rump/rump_syscalls.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "syscall_table.h"

static int fails;

#define CHECK(cond) do { \
	if (!(cond)) { \
		printf("FAIL: %s (line %d)\n", #cond, __LINE__); \
		fails++; \
	} \
} while (0)

static int seen_fd;
static void *seen_buf;
static size_t seen_count;

/* The one handler linked in: echoes its arguments, fails for fd 99. */
long sys_read(int fd, void *buf, size_t count);

long
sys_read(int fd, void *buf, size_t count)
{
	seen_fd = fd;
	seen_buf = buf;
	seen_count = count;
	if (fd == 99)
		return -EBADF;
	return (long)count;
}

void rumpuser_seterrno(int error);

void
rumpuser_seterrno(int error)
{
	errno = error;
}

long
rump_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	long args[6] = { a1, a2, a3, a4, a5, a6 };

	if (nr < 0 || (unsigned long)nr >= syscall_table_size ||
	    syscall_table[nr].call == NULL)
		return -ENOSYS;
	return syscall_table[nr].call(args);
}

int
main(void)
{
	char buf[8];
	long args[6] = { -5, (long)buf, 7, 0, 0, 0 };

	CHECK(syscall_table_size == 451);
	CHECK(strcmp(syscall_table[0].name, "read") == 0);
	CHECK(syscall_table[0].nargs == 3);
	CHECK(syscall_table[0].call != NULL);
	CHECK(syscall_table[0].call(args) == 7);
	CHECK(seen_fd == -5 && seen_buf == buf && seen_count == 7);

	/* Implemented in the table, handler not linked: ENOSYS. */
	CHECK(syscall_table[RUMP_SYS_GETPID].call != NULL);
	CHECK(syscall_table[RUMP_SYS_GETPID].call(args) == -ENOSYS);
	/* Not implemented (and never will be here): no call, but a name. */
	CHECK(syscall_table[RUMP_SYS_KEXEC_LOAD].call == NULL);
	CHECK(strcmp(syscall_table[RUMP_SYS_KEXEC_LOAD].name, "kexec_load") == 0);
	CHECK(syscall_table[RUMP_SYS_KEXEC_LOAD].nargs == 4);
	/* No system call at all. */
	CHECK(syscall_table[400].name == NULL);
	CHECK(syscall_table[400].call == NULL);
	CHECK(strcmp(syscall_table[450].name, "set_mempolicy_home_node") == 0);

	/* Wrappers: results pass, -errno becomes -1 and errno. */
	errno = 0;
	CHECK(rump_sys_read(3, buf, 5) == 5 && errno == 0);
	CHECK(rump_sys_read(99, buf, 5) == -1 && errno == EBADF);
	errno = 0;
	CHECK(rump_sys_getpid() == -1 && errno == ENOSYS);
	errno = 0;
	CHECK(rump_sys_mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, -1, 0) ==
	    MAP_FAILED && errno == ENOSYS);
	CHECK(rump_syscall(RUMP_SYS_READ, 4, (long)buf, 2, 0, 0, 0) == 2);
	CHECK(rump_syscall(RUMP_SYS_READ, 99, (long)buf, 2, 0, 0, 0) == -EBADF);

	return fails ? 1 : 0;
}
