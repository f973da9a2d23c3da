/*
 * netif.c -- rumpcomp_netif_* on POSIX hosts: pick the back end by the
 * spec's prefix (a table), keep one open per resource, release the
 * virtual CPU around the back end's waits, translate its errno once.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "netif_int.h"

static const struct rumpcomp_netif__ops *const netif_backends[] = {
	&rumpcomp_netif__tap,
	&rumpcomp_netif__shmif,
};
#define NBACKENDS (sizeof(netif_backends) / sizeof(netif_backends[0]))

#define NETIF_KEYLEN 4200  /* a back end's resource name (a path) */

struct netif {
	const struct rumpcomp_netif__ops *ops;
	void *be;
	uint32_t mtu;
	uint32_t flags;            /* RUMPCOMP_NETIF_* the back end offers */
	struct netif *next;        /* on netif_open_list */
	char key[NETIF_KEYLEN];
};

/* Back ends open in this process, for EBUSY. */
static pthread_mutex_t netif_list_lock = PTHREAD_MUTEX_INITIALIZER;
static struct netif *netif_open_list;

int64_t
rumpcomp_netif__now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int
rumpcomp_netif_enum(int index, char *name, uint64_t size)
{
	/* Hosted back ends are all named by the user. */
	(void)index;
	(void)size;
	if (name == NULL)
		return EINVAL;
	return ENOENT;
}

/* netif_register: add ni to the open list unless its key is there. */
static int
netif_register(struct netif *ni)
{
	struct netif *o;

	pthread_mutex_lock(&netif_list_lock);
	for (o = netif_open_list; o != NULL; o = o->next) {
		if (strcmp(o->key, ni->key) == 0) {
			pthread_mutex_unlock(&netif_list_lock);
			return EBUSY;
		}
	}
	ni->next = netif_open_list;
	netif_open_list = ni;
	pthread_mutex_unlock(&netif_list_lock);
	return 0;
}

static void
netif_unregister(struct netif *ni)
{
	struct netif **pp;

	pthread_mutex_lock(&netif_list_lock);
	for (pp = &netif_open_list; *pp != NULL; pp = &(*pp)->next) {
		if (*pp == ni) {
			*pp = ni->next;
			break;
		}
	}
	pthread_mutex_unlock(&netif_list_lock);
}

int
rumpcomp_netif_open(const char *spec, struct rumpcomp_netif_info *info,
    void **handlep)
{
	const struct rumpcomp_netif__ops *ops = NULL;
	struct rumpcomp_netif__seed seed;
	struct rumpcomp_netif_info ninfo;
	uint8_t rnd[14];
	uint64_t got;
	struct netif *ni;
	int error;

	if (spec == NULL || info == NULL || handlep == NULL)
		return EINVAL;
	for (size_t i = 0; i < NBACKENDS; i++) {
		size_t n = strlen(netif_backends[i]->prefix);

		if (strncmp(spec, netif_backends[i]->prefix, n) == 0)
			ops = netif_backends[i];
	}
	if (ops == NULL)
		return ENXIO;

	/* Drawn while the CPU is held: rumpuser_getrandom may release it. */
	error = rumpuser_getrandom(rnd, sizeof(rnd), 0, &got);
	if (error != 0)
		return error;
	memcpy(seed.mac, rnd, 6);
	seed.mac[0] = (uint8_t)((seed.mac[0] & 0xfc) | 0x02);  /* local, unicast */
	memcpy(&seed.id, rnd + 6, 8);

	ni = calloc(1, sizeof(*ni));
	if (ni == NULL)
		return ENOMEM;
	ni->ops = ops;
	memset(&ninfo, 0, sizeof(ninfo));
	rumpuser__unschedule();
	error = ops->open(spec + strlen(ops->prefix), &seed, &ninfo, &ni->be,
	    ni->key, sizeof(ni->key));
	rumpuser__schedule();
	if (error != 0)
		goto out_free_ni;
	error = netif_register(ni);
	if (error != 0)
		goto out_close_be;
	ni->mtu = ninfo.ni_mtu;
	ni->flags = ninfo.ni_flags;
	*info = ninfo;
	*handlep = ni;
	return 0;

out_close_be:
	ops->close(ni->be);
	ops->free(ni->be);
out_free_ni:
	free(ni);
	return rumpuser__errtrans(error);
}

void
rumpcomp_netif__csum_finish(uint8_t *frame, uint64_t len, uint16_t start,
    uint16_t offset)
{
	uint64_t sum = 0;
	uint16_t v;

	for (uint64_t i = start; i + 1 < len; i += 2)
		sum += (uint32_t)frame[i] << 8 | frame[i + 1];
	if ((len - start) & 1)
		sum += (uint32_t)frame[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	v = (uint16_t)~sum;
	frame[start + offset] = (uint8_t)(v >> 8);
	frame[start + offset + 1] = (uint8_t)v;
}

int
rumpcomp_netif_send(void *handle, const struct rumpuser_iovec *iov,
    uint64_t iovcnt, const struct rumpcomp_netif_pkt *pkt)
{
	static const struct rumpcomp_netif_pkt plain;
	struct netif *ni = handle;
	uint64_t len = 0;
	int error;

	for (uint64_t i = 0; i < iovcnt; i++)
		len += iov[i].iov_len;
	if (len > 14 + (uint64_t)ni->mtu)
		return EMSGSIZE;
	if (pkt == NULL)
		pkt = &plain;
	if (pkt->np_flags & ~(uint32_t)RUMPCOMP_NETIF_PKT_NEEDS_CSUM)
		return EINVAL;
	/* A partial checksum only where offered, and inside the frame. */
	if ((pkt->np_flags & RUMPCOMP_NETIF_PKT_NEEDS_CSUM) &&
	    (!(ni->flags & RUMPCOMP_NETIF_TXCSUM) ||
	     (uint64_t)pkt->np_csum_start + pkt->np_csum_offset + 2 > len ||
	     (pkt->np_csum_offset & 1)))
		return EINVAL;
	rumpuser__unschedule();
	error = ni->ops->send(ni->be, iov, iovcnt, len, pkt);
	rumpuser__schedule();
	return rumpuser__errtrans(error);
}

int
rumpcomp_netif_recv(void *handle, void *buf, uint64_t buflen,
    uint64_t *lenp, struct rumpcomp_netif_pkt *pkt)
{
	struct netif *ni = handle;
	struct rumpcomp_netif_pkt meta;
	uint64_t len;
	int error;

	memset(&meta, 0, sizeof(meta));
	rumpuser__unschedule();
	error = ni->ops->recv(ni->be, buf, buflen, &len, &meta);
	if (error == 0 && pkt == NULL &&
	    (meta.np_flags & RUMPCOMP_NETIF_PKT_NEEDS_CSUM)) {
		/* The caller takes no metadata: hand it a complete frame
		 * (the back end checked the offsets against len). */
		rumpcomp_netif__csum_finish(buf, len, meta.np_csum_start,
		    meta.np_csum_offset);
		meta.np_flags = 0;
	}
	rumpuser__schedule();
	if (error != 0)
		return rumpuser__errtrans(error);
	*lenp = len;
	if (pkt != NULL)
		*pkt = meta;
	return 0;
}

void
rumpcomp_netif_close(void *handle)
{
	struct netif *ni = handle;

	ni->ops->close(ni->be);
}

void
rumpcomp_netif_free(void *handle)
{
	struct netif *ni = handle;

	netif_unregister(ni);
	ni->ops->free(ni->be);
	free(ni);
}
