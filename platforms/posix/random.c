/* random.c -- rumpuser_getrandom on getrandom(2). */
#include <errno.h>
#include <sys/random.h>

#include "rumpuser_int.h"

int
rumpuser_getrandom(void *buf, uint64_t buflen, int flags, uint64_t *retp)
{
	unsigned int hostflags = 0;
	uint64_t done = 0;
	ssize_t n;
	int error = 0;

	if ((flags & ~(RUMPUSER_RANDOM_HARD | RUMPUSER_RANDOM_NOWAIT)) != 0 ||
	    (buf == NULL && buflen > 0) || retp == NULL)
		return EINVAL;
	/*
	 * Since Linux 5.6 the blocking pool is the same as the urandom one
	 * once initialised; HARD asks for it anyway in case the host is older.
	 */
	if (flags & RUMPUSER_RANDOM_HARD)
		hostflags |= GRND_RANDOM;

	if (flags & RUMPUSER_RANDOM_NOWAIT) {
		/* One try: fewer bytes, even none, is an answer. */
		n = getrandom(buf, buflen, hostflags | GRND_NONBLOCK);
		if (n < 0) {
			if (errno != EAGAIN && errno != EINTR)
				return rumpuser__errtrans(errno);
			n = 0;
		}
		*retp = (uint64_t)n;
		return 0;
	}

	rumpuser__unschedule();
	while (done < buflen) {
		n = getrandom((char *)buf + done, buflen - done, hostflags);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			error = rumpuser__errtrans(errno);
			break;
		}
		done += (uint64_t)n;
	}
	rumpuser__schedule();
	if (error == 0)
		*retp = done;
	return error;
}
