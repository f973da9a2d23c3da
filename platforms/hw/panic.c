/*
 * panic.c -- the platform's answer to an impossible state: say where,
 * show the stack, end the guest with the panic exit status.
 */
#include "hw/arch.h"
#include "hw/lib.h"

void rumphw_panic_at(const char *file, int line, const char *fmt, ...)
{
	static int depth;
	va_list ap;
	char msg[256];

	if (depth++ == 0) {
		va_start(ap, fmt);
		rumphw_vsnprintf(msg, sizeof(msg), fmt, ap);
		va_end(ap);
		rumphw_printf("\nrumphw: panic at %s:%d: %s\n", file, line, msg);
		rumphw_md_backtrace();
	}
	rumphw_md_exit(RUMPUSER_PANIC);
}
