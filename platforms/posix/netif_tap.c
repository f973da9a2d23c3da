/*
 * netif_tap.c -- the "tap:NAME" back end: a Linux tap device
 * (/dev/net/tun, IFF_TAP | IFF_NO_PI: plain Ethernet frames), made if
 * it does not exist.  Needs CAP_NET_ADMIN, or a device made beforehand
 * and owned by the caller (ip tuntap add NAME mode tap user U).
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/uio.h>
#include <unistd.h>

#include "netif_int.h"

#define TAP_MTU 1500
/* A frame longer than the receiver's buffer lands here and is dropped
 * (a tap read truncates silently otherwise). */
#define TAP_SPILL 65536
/* How long a send waits for room before it drops the frame. */
#define TAP_SENDWAIT_MS 10

struct tap {
	int fd;                /* /dev/net/tun, non-blocking */
	int wakefd;            /* eventfd: close wakes the receiver */
	int closed;            /* atomic */
	uint64_t oversize;     /* frames too long for the receive buffer */
	uint64_t txdrops;      /* frames dropped on a full queue */
	uint8_t spill[TAP_SPILL];
};

static int
tap_open(const char *name, const struct rumpcomp_netif__seed *seed,
    struct rumpcomp_netif_info *info, void **bep, char *key, size_t keylen)
{
	struct ifreq ifr;
	struct tap *t;
	int error;

	if (name[0] == '\0' || strlen(name) >= IFNAMSIZ ||
	    strchr(name, '/') != NULL)
		return EINVAL;
	t = calloc(1, sizeof(*t));
	if (t == NULL)
		return ENOMEM;
	t->fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (t->fd < 0) {
		/* No tun driver: this host has no such back end. */
		error = errno == ENOENT || errno == ENODEV ? ENXIO : errno;
		goto out_free;
	}
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
	strncpy(ifr.ifr_name, name, IFNAMSIZ - 1);
	if (ioctl(t->fd, TUNSETIFF, &ifr) != 0) {
		error = errno;
		goto out_close_fd;
	}
	t->wakefd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (t->wakefd < 0) {
		error = errno;
		goto out_close_fd;
	}
	/* The device's own address is Linux's side; ours is another. */
	memcpy(info->ni_mac, seed->mac, 6);
	info->ni_mtu = TAP_MTU;
	info->ni_flags = 0;
	snprintf(key, keylen, "tap:%s", name);
	*bep = t;
	return 0;

out_close_fd:
	close(t->fd);
out_free:
	free(t);
	return error;
}

static int
tap_send(void *be, const struct rumpuser_iovec *iov, uint64_t iovcnt,
    uint64_t len, const struct rumpcomp_netif_pkt *pkt)
{
	struct tap *t = be;
	struct pollfd pfd = { .fd = t->fd, .events = POLLOUT };
	ssize_t n;

	(void)len;
	(void)pkt;  /* no offload: flags are always 0 here */
	for (int tries = 0; tries < 2; tries++) {
		n = writev(t->fd, (const struct iovec *)iov, (int)iovcnt);
		if (n >= 0)
			return 0;
		if (errno == EINTR) {
			tries--;
			continue;
		}
		if (errno == EIO || errno == EBADFD || errno == ENODEV)
			return ENXIO;  /* the device went away */
		if (errno != EAGAIN)
			return errno;
		(void)poll(&pfd, 1, TAP_SENDWAIT_MS);
	}
	/* Ethernet is lossy: a full queue drops the frame. */
	__atomic_add_fetch(&t->txdrops, 1, __ATOMIC_RELAXED);
	return 0;
}

static int
tap_recv(void *be, void *buf, uint64_t buflen, uint64_t *lenp,
    struct rumpcomp_netif_pkt *pkt)
{
	struct tap *t = be;
	struct iovec iov[2] = {
		{ .iov_base = buf, .iov_len = buflen },
		{ .iov_base = t->spill, .iov_len = sizeof(t->spill) },
	};
	struct pollfd pfd[2] = {
		{ .fd = t->fd, .events = POLLIN },
		{ .fd = t->wakefd, .events = POLLIN },
	};
	ssize_t n;

	(void)pkt;  /* Linux's tap frames carry complete checksums */
	for (;;) {
		if (__atomic_load_n(&t->closed, __ATOMIC_ACQUIRE))
			return ECANCELED;
		n = readv(t->fd, iov, 2);
		if (n >= 0) {
			if ((uint64_t)n > buflen) {
				t->oversize++;
				continue;
			}
			*lenp = (uint64_t)n;
			return 0;
		}
		if (errno == EINTR)
			continue;
		if (errno == EIO || errno == EBADFD || errno == ENODEV)
			return ENXIO;
		if (errno != EAGAIN)
			return errno;
		if (poll(pfd, 2, -1) < 0 && errno != EINTR)
			return errno;
	}
}

static void
tap_close(void *be)
{
	struct tap *t = be;
	uint64_t one = 1;

	__atomic_store_n(&t->closed, 1, __ATOMIC_RELEASE);
	/* The eventfd counter only grows: never blocks (non-blocking anyway). */
	(void)!write(t->wakefd, &one, sizeof(one));
}

static void
tap_free(void *be)
{
	struct tap *t = be;

	close(t->wakefd);
	close(t->fd);
	free(t);
}

const struct rumpcomp_netif__ops rumpcomp_netif__tap = {
	.prefix = "tap:",
	.open = tap_open,
	.send = tap_send,
	.recv = tap_recv,
	.close = tap_close,
	.free = tap_free,
};
