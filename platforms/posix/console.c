/* console.c -- the host console: standard input, output and error. */
#include <errno.h>
#include <unistd.h>

#include "rumpuser_int.h"

/* Write all of buf to fd, across partial writes and signals. */
static int
console_writeall(int fd, const char *buf, uint64_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(fd, buf, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return rumpuser__errtrans(errno);
		}
		buf += n;
		len -= (uint64_t)n;
	}
	return 0;
}

void
rumpuser_putchar(int c)
{
	char ch = (char)c;
	int saved = errno;

	/* Kernel diagnostics: nothing to report a failure to, so drop it. */
	(void)console_writeall(STDERR_FILENO, &ch, 1);
	errno = saved;
}

int
rumpuser_console_write(int stream, const void *buf, uint64_t len)
{
	int fd, error;

	switch (stream) {
	case RUMPUSER_CONSOLE_OUT:
		fd = STDOUT_FILENO;
		break;
	case RUMPUSER_CONSOLE_ERR:
		fd = STDERR_FILENO;
		break;
	default:
		return EINVAL;
	}
	if (buf == NULL && len > 0)
		return EINVAL;
	rumpuser__unschedule();
	error = console_writeall(fd, buf, len);
	rumpuser__schedule();
	return error;
}

int
rumpuser_console_read(void *buf, uint64_t len, uint64_t *rv)
{
	ssize_t n;
	int error = 0;

	if ((buf == NULL && len > 0) || rv == NULL)
		return EINVAL;
	rumpuser__unschedule();
	do {
		n = read(STDIN_FILENO, buf, len);
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		error = rumpuser__errtrans(errno);
	rumpuser__schedule();
	if (error == 0)
		*rv = (uint64_t)n;
	return error;
}
