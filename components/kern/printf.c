/*
 * printf.c -- kernel console output and panic.  Messages are formatted
 * into a buffer on the stack and written with one hypercall, so lines
 * from different CPUs do not interleave character by character.
 */
#include <kern/kern.h>
#include <rumpuser.h>

#define PRINTF_BUFSIZE 512

int
vprintf(const char *fmt, va_list ap)
{
	char buf[PRINTF_BUFSIZE];
	int len = vsnprintf(buf, sizeof(buf), fmt, ap);
	size_t n = (size_t)len < sizeof(buf) ? (size_t)len : sizeof(buf) - 1;

	struct lwp *l = curlwp();

	/* console_write may block, which needs a CPU to give back. */
	if (l != NULL && l->l_cpu != NULL &&
	    rumpuser_console_write(RUMPUSER_CONSOLE_ERR, buf, n) == 0)
		return len;
	for (size_t i = 0; i < n; i++)
		rumpuser_putchar(buf[i]);
	return len;
}

int
printf(const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vprintf(fmt, ap);
	va_end(ap);
	return r;
}

void
aprint_verbose(const char *fmt, ...)
{
	va_list ap;

	if (!boot_verbose)
		return;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
}

void
panic(const char *fmt, ...)
{
	va_list ap;

	printf("panic: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	rumpuser_exit(RUMPUSER_PANIC);
}
