/*
 * halt.c -- halting the kernel: shutdown hooks (caches written back),
 * then the host ends with a status.
 */
#include "kern_int.h"
#include <rumpuser.h>

static struct shutdown_hook *shutdown_hooks;
static int halting;

void
shutdown_hook_register(struct shutdown_hook *sh)
{
	struct shutdown_hook **pp = &shutdown_hooks;

	while (*pp != NULL)
		pp = &(*pp)->sh_next;
	sh->sh_next = NULL;
	*pp = sh;
}

void
kern_halt(int status)
{
	/* A hook that halts again (a panic while syncing) goes straight out. */
	if (__atomic_exchange_n(&halting, 1, __ATOMIC_SEQ_CST) == 0) {
		for (struct shutdown_hook *sh = shutdown_hooks; sh; sh = sh->sh_next) {
			aprint_verbose("rump: shutdown: %s\n", sh->sh_name);
			sh->sh_fn();
		}
	}
	aprint_verbose("rump: halted, status %d\n", status);
	rumpuser_exit(status & 0xff);
}
