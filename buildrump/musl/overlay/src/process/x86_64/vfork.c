/* vfork.c -- rumprun's vfork for x86_64: fork semantics.
 *
 * A real vfork shares the parent's stack until exec, which only works
 * when the call returns twice from one trap; a function call into the
 * rump kernel cannot do that.  POSIX allows vfork to behave like fork,
 * so it does: it succeeds where the kernel supports fork and otherwise
 * fails with fork's errno (ENOSYS on a kernel without processes). */
#define _GNU_SOURCE
#include <unistd.h>

pid_t vfork(void)
{
	return fork();
}
