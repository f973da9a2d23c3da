/*
 * hj_poll.c -- poll and select over a mix of host and remote
 * descriptors.  Remote ones are polled in the server without waiting,
 * host ones here, alternating in short slices until something is ready
 * or the time is up: the server cannot wake us for a host descriptor,
 * nor the host for a remote one.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <time.h>

#include "hijack.h"

#define SLICE_MS 10

static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
poll(struct pollfd *fds, nfds_t n, int timeout)
{
	struct pollfd *r;
	nfds_t nremote = 0;
	long deadline;
	int ready;

	for (nfds_t i = 0; i < n; i++)
		if (hj_rfd(fds[i].fd) >= 0)
			nremote++;
	if (nremote == 0)
		return HOST(poll)(fds, n, timeout);
	/* A copy whose remote entries carry the server's numbers and whose
	 * host entries are skipped (-1), and the other way round. */
	r = calloc(n, sizeof(*r));
	if (r == NULL)
		return -1;
	deadline = timeout < 0 ? -1 : now_ms() + timeout;
	for (;;) {
		int hready, rready;

		for (nfds_t i = 0; i < n; i++) {
			r[i] = fds[i];
			r[i].fd = hj_rfd(fds[i].fd);
			fds[i].revents = 0;
		}
		rready = (int)hj_ret(hj_call(SYS_poll, (long)r, (long)n, 0, 0,
		    0, 0));
		if (rready < 0) {
			ready = -1;
			break;
		}
		/* Host side: the remote entries hidden with a negative fd. */
		for (nfds_t i = 0; i < n; i++) {
			if (hj_rfd(fds[i].fd) >= 0) {
				int fd = fds[i].fd;

				fds[i].fd = -1;
				r[i].fd = fd; /* remembered below */
			}
		}
		hready = HOST(poll)(fds, n, rready > 0 ? 0 :
		    (deadline < 0 ? SLICE_MS : (int)(deadline - now_ms() <
		    SLICE_MS ? (deadline - now_ms() > 0 ? deadline - now_ms() :
		    0) : SLICE_MS)));
		for (nfds_t i = 0; i < n; i++) {
			if (fds[i].fd == -1 && hj_rfd(r[i].fd) >= 0) {
				fds[i].fd = r[i].fd;
				fds[i].revents = r[i].revents;
			}
		}
		if (hready < 0) {
			ready = -1;
			break;
		}
		ready = 0;
		for (nfds_t i = 0; i < n; i++)
			if (fds[i].revents != 0)
				ready++;
		if (ready > 0 || (deadline >= 0 && now_ms() >= deadline))
			break;
	}
	free(r);
	return ready;
}

int
select(int nfds, fd_set *rd, fd_set *wr, fd_set *ex, struct timeval *tv)
{
	struct pollfd pfd[FD_SETSIZE];
	int n = 0, ready, remote = 0, timeout;

	for (int fd = 0; fd < nfds && fd < FD_SETSIZE; fd++)
		if ((rd && FD_ISSET(fd, rd)) || (wr && FD_ISSET(fd, wr)) ||
		    (ex && FD_ISSET(fd, ex)))
			remote |= hj_rfd(fd) >= 0;
	if (!remote)
		return HOST(select)(nfds, rd, wr, ex, tv);
	for (int fd = 0; fd < nfds && fd < FD_SETSIZE; fd++) {
		short ev = 0;

		if (rd && FD_ISSET(fd, rd))
			ev |= POLLIN;
		if (wr && FD_ISSET(fd, wr))
			ev |= POLLOUT;
		if (ex && FD_ISSET(fd, ex))
			ev |= POLLPRI;
		if (ev != 0)
			pfd[n++] = (struct pollfd){ .fd = fd, .events = ev };
	}
	timeout = tv == NULL ? -1 :
	    (int)(tv->tv_sec * 1000 + tv->tv_usec / 1000);
	ready = poll(pfd, (nfds_t)n, timeout);
	if (ready < 0)
		return -1;
	if (rd)
		FD_ZERO(rd);
	if (wr)
		FD_ZERO(wr);
	if (ex)
		FD_ZERO(ex);
	ready = 0;
	for (int i = 0; i < n; i++) {
		if (pfd[i].revents & (POLLIN | POLLHUP | POLLERR) && rd &&
		    (pfd[i].events & POLLIN))
			FD_SET(pfd[i].fd, rd), ready++;
		if (pfd[i].revents & (POLLOUT | POLLERR) && wr &&
		    (pfd[i].events & POLLOUT))
			FD_SET(pfd[i].fd, wr), ready++;
		if (pfd[i].revents & POLLPRI && ex)
			FD_SET(pfd[i].fd, ex), ready++;
		if (pfd[i].revents & POLLNVAL) {
			errno = EBADF;
			return -1;
		}
	}
	return ready;
}
