/*
 * netif_shmif.c -- the "shmif:PATH[,OPT...]" back end: an Ethernet
 * segment on a shared-memory bus file (netif_shmif_bus.c), with test
 * knobs that lose, duplicate and reorder the frames this attachment
 * sends, deterministically for a given seed.
 *
 * Options: loss=P, dup=P, reorder=P (integer percent, 0..100),
 * seed=N (the knobs' random sequence; default: random), size=N[k|m]
 * (the ring's size when this open creates the bus; default 1m),
 * mtu=N (68..65535, default 1500; every attachment of a bus should use
 * the same), csum=0|1 (checksum offload, default 1).
 *
 * Checksum offload: the bus never damages a frame, so a sender may leave
 * a transport checksum partial (RUMPCOMP_NETIF_PKT_NEEDS_CSUM) and the
 * record says so; a receiver with offload gets the frame as it is, with
 * NEEDS_CSUM and CSUM_VALID, and does not verify it; one without (csum=0)
 * finishes the checksum before handing the frame on.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netif_int.h"
#include "netif_shmif_bus.h"

#define SHMIF_MTU 1500
/* mtu=N: up to the largest IPv4 datagram, as loopback interfaces; the
 * per-frame costs of a bus (a lock, a wake-up) then count 45 times less
 * than at 1500. */
#define SHMIF_MTU_MAX 65535
#define SHMIF_FRAMEMAX (14 + SHMIF_MTU_MAX)
/* A frame held back for reordering goes out after the next one, or
 * after this long if no next one comes. */
#define SHMIF_HOLD_MS 10
/* The longest sleep in recv (close and frames wake it earlier). */
#define SHMIF_SLEEP_MS 1000

struct shmif {
	struct shmif_port port;
	int closed;                 /* atomic */
	uint64_t oversize;          /* frames too long for the receiver */
	/* Sending: the knobs and the frame held back for reordering. */
	pthread_mutex_t txlock;
	unsigned loss, dup, reorder;
	uint32_t mtu;
	bool csum;                  /* checksum offload (csum=1) */
	uint64_t rng;               /* xorshift64 state, never 0 */
	uint64_t heldlen;           /* 0: none held */
	int64_t heldat;
	struct rumpcomp_netif_pkt heldpkt;
	uint8_t held[SHMIF_FRAMEMAX];
};

/* opt_number: a decimal number with an optional k/m suffix in [s, e). */
static int
opt_number(const char *s, const char *e, bool suffix, uint64_t *vp)
{
	uint64_t v = 0;

	if (s == e)
		return EINVAL;
	for (; s < e && *s >= '0' && *s <= '9'; s++) {
		if (v > (UINT64_MAX - 9) / 10)
			return EINVAL;
		v = v * 10 + (uint64_t)(*s - '0');
	}
	if (suffix && s + 1 == e && (*s == 'k' || *s == 'K')) {
		v <<= 10;
		s++;
	} else if (suffix && s + 1 == e && (*s == 'm' || *s == 'M')) {
		v <<= 20;
		s++;
	}
	if (s != e)
		return EINVAL;
	*vp = v;
	return 0;
}

/*
 * shmif_opts: parse the comma-separated options in opts into sh and
 * *ringsizep.  EINVAL for an unknown option or a bad value.
 */
static int
shmif_opts(const char *opts, struct shmif *sh, uint32_t *ringsizep,
    uint64_t *seedp)
{
	while (*opts != '\0') {
		const char *end = strchr(opts, ',');
		const char *eq;
		uint64_t v;
		size_t klen;

		if (end == NULL)
			end = opts + strlen(opts);
		eq = memchr(opts, '=', (size_t)(end - opts));
		if (eq == NULL || opt_number(eq + 1, end,
		    strncmp(opts, "size=", 5) == 0, &v) != 0)
			return EINVAL;
		klen = (size_t)(eq - opts);
		if (klen == 4 && strncmp(opts, "loss", 4) == 0 && v <= 100)
			sh->loss = (unsigned)v;
		else if (klen == 3 && strncmp(opts, "dup", 3) == 0 && v <= 100)
			sh->dup = (unsigned)v;
		else if (klen == 7 && strncmp(opts, "reorder", 7) == 0 && v <= 100)
			sh->reorder = (unsigned)v;
		else if (klen == 4 && strncmp(opts, "seed", 4) == 0)
			*seedp = v;
		else if (klen == 3 && strncmp(opts, "mtu", 3) == 0 && v >= 68 &&
		    v <= SHMIF_MTU_MAX)
			sh->mtu = (uint32_t)v;
		else if (klen == 4 && strncmp(opts, "csum", 4) == 0 && v <= 1)
			sh->csum = v == 1;
		else if (klen == 4 && strncmp(opts, "size", 4) == 0 &&
		    v >= SHMIF_RING_MIN && v <= SHMIF_RING_MAX && v % 4096 == 0)
			*ringsizep = (uint32_t)v;
		else
			return EINVAL;
		opts = *end == ',' ? end + 1 : end;
		if (*end == ',' && *opts == '\0')
			return EINVAL;  /* a trailing comma */
	}
	return 0;
}

static int
shmif_open(const char *args, const struct rumpcomp_netif__seed *seed,
    struct rumpcomp_netif_info *info, void **bep, char *key, size_t keylen)
{
	const char *comma = strchr(args, ',');
	uint32_t ringsize = SHMIF_RING_DEFAULT;
	uint64_t rngseed = seed->id;
	struct shmif *sh;
	char *path;
	int error;

	sh = calloc(1, sizeof(*sh));
	if (sh == NULL)
		return ENOMEM;
	sh->mtu = SHMIF_MTU;
	sh->csum = true;
	if (comma != NULL) {
		error = shmif_opts(comma + 1, sh, &ringsize, &rngseed);
		if (error != 0 || comma[1] == '\0') {
			error = EINVAL;
			goto out_free_sh;
		}
	}
	path = strndup(args, comma != NULL ? (size_t)(comma - args) : strlen(args));
	if (path == NULL) {
		error = ENOMEM;
		goto out_free_sh;
	}
	if (path[0] == '\0') {
		error = EINVAL;
		goto out_free_path;
	}
	/* xorshift needs a non-zero state; mix the seed so 0 is fine. */
	sh->rng = rngseed * 0x9e3779b97f4a7c15ull + 0x2545f4914f6cdd1dull;
	if (sh->rng == 0)
		sh->rng = 1;
	error = rumpcomp_netif__bus_attach(path, ringsize, seed->id, &sh->port,
	    key, keylen);
	if (error != 0)
		goto out_free_path;
	/* A few of the largest records must fit the ring (an existing bus
	 * keeps its size, so this is checked after attaching). */
	if (((uint64_t)sizeof(struct shmif_rec) + 14 + sh->mtu) * 4 >
	    sh->port.sp_bus->sb_ringsize) {
		rumpcomp_netif__bus_detach(&sh->port);
		error = EINVAL;
		goto out_free_path;
	}
	pthread_mutex_init(&sh->txlock, NULL);
	free(path);
	memcpy(info->ni_mac, seed->mac, 6);
	info->ni_mtu = sh->mtu;
	info->ni_flags = sh->csum ?
	    RUMPCOMP_NETIF_TXCSUM | RUMPCOMP_NETIF_RXCSUM : 0;
	*bep = sh;
	return 0;

out_free_path:
	free(path);
out_free_sh:
	free(sh);
	return error;
}

/* roll: true with probability pct percent (txlock held). */
static bool
roll(struct shmif *sh, unsigned pct)
{
	uint64_t x = sh->rng;

	if (pct == 0)
		return false;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	sh->rng = x;
	return x % 100 < pct;
}

/* flush_held: send the frame held back for reordering (txlock held). */
static void
flush_held(struct shmif *sh)
{
	struct rumpuser_iovec iov = { sh->held, sh->heldlen };

	if (sh->heldlen == 0)
		return;
	rumpcomp_netif__bus_write(&sh->port, &iov, 1, sh->heldlen,
	    &sh->heldpkt);
	sh->heldlen = 0;
}

static int
shmif_send(void *be, const struct rumpuser_iovec *iov, uint64_t iovcnt,
    uint64_t len, const struct rumpcomp_netif_pkt *pkt)
{
	struct shmif *sh = be;

	/* The dice are rolled in a fixed order: a seed replays a run. */
	pthread_mutex_lock(&sh->txlock);
	if (roll(sh, sh->loss))
		goto out;
	if (roll(sh, sh->reorder) && sh->heldlen == 0) {
		uint8_t *p = sh->held;

		for (uint64_t i = 0; i < iovcnt; i++) {
			memcpy(p, iov[i].iov_base, iov[i].iov_len);
			p += iov[i].iov_len;
		}
		sh->heldlen = len;
		sh->heldat = rumpcomp_netif__now_ns();
		sh->heldpkt = *pkt;
		goto out;
	}
	rumpcomp_netif__bus_write(&sh->port, iov, iovcnt, len, pkt);
	if (roll(sh, sh->dup))
		rumpcomp_netif__bus_write(&sh->port, iov, iovcnt, len, pkt);
	/* A held frame is overtaken by this one. */
	flush_held(sh);
out:
	pthread_mutex_unlock(&sh->txlock);
	return 0;
}

/* deliver: the frame just read, as this attachment's offload allows. */
static void
deliver(struct shmif *sh, void *buf, uint64_t len,
    struct rumpcomp_netif_pkt *pkt)
{
	if (!(pkt->np_flags & RUMPCOMP_NETIF_PKT_NEEDS_CSUM))
		return;
	if (sh->csum) {
		pkt->np_flags |= RUMPCOMP_NETIF_PKT_CSUM_VALID;
		return;
	}
	rumpcomp_netif__csum_finish(buf, len, pkt->np_csum_start,
	    pkt->np_csum_offset);
	memset(pkt, 0, sizeof(*pkt));
}

static int
shmif_recv(void *be, void *buf, uint64_t buflen, uint64_t *lenp,
    struct rumpcomp_netif_pkt *pkt)
{
	struct shmif *sh = be;

	for (;;) {
		int timeout = SHMIF_SLEEP_MS;

		if (__atomic_load_n(&sh->closed, __ATOMIC_ACQUIRE))
			return ECANCELED;
		if (rumpcomp_netif__bus_read(&sh->port, buf, buflen, lenp, pkt,
		    &sh->oversize) == 0) {
			deliver(sh, buf, *lenp, pkt);
			return 0;
		}
		/* A held frame is not kept longer than SHMIF_HOLD_MS. */
		pthread_mutex_lock(&sh->txlock);
		if (sh->heldlen != 0) {
			int64_t left = sh->heldat + SHMIF_HOLD_MS * 1000000LL -
			    rumpcomp_netif__now_ns();

			if (left <= 0)
				flush_held(sh);
			else
				timeout = (int)(left / 1000000) + 1;
		}
		pthread_mutex_unlock(&sh->txlock);
		rumpcomp_netif__bus_wait(&sh->port, timeout, &sh->closed);
	}
}

static void
shmif_close(void *be)
{
	struct shmif *sh = be;

	__atomic_store_n(&sh->closed, 1, __ATOMIC_SEQ_CST);
	rumpcomp_netif__bus_wakeall(&sh->port);
}

static void
shmif_free(void *be)
{
	struct shmif *sh = be;

	/* For tests and debugging: what this attachment lost. */
	if (getenv("RUMPCOMP_NETIF_STATS") != NULL)
		fprintf(stderr, "shmif: lapped drops %llu, oversize %llu, "
		    "resyncs %llu\n", (unsigned long long)sh->port.sp_drops,
		    (unsigned long long)sh->oversize,
		    (unsigned long long)sh->port.sp_corrupt);
	pthread_mutex_lock(&sh->txlock);
	flush_held(sh);
	pthread_mutex_unlock(&sh->txlock);
	pthread_mutex_destroy(&sh->txlock);
	rumpcomp_netif__bus_detach(&sh->port);
	free(sh);
}

const struct rumpcomp_netif__ops rumpcomp_netif__shmif = {
	.prefix = "shmif:",
	.open = shmif_open,
	.send = shmif_send,
	.recv = shmif_recv,
	.close = shmif_close,
	.free = shmif_free,
};
