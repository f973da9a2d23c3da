/*
 * netif_int.h -- between the files of librumpcomp_netif.a, the hosted
 * network back ends of <rumpcomp_netif.h>: the table each back end
 * fills in.  Globals of this library start with "rumpcomp_"; internal
 * ones with "rumpcomp_netif__".
 */
#ifndef NETIF_INT_H
#define NETIF_INT_H

#include <stdbool.h>

#include "rumpcomp_netif.h"
#include "rumpuser_int.h"

/* Random bits netif.c draws for a new back end (with a CPU held). */
struct rumpcomp_netif__seed {
	uint8_t mac[6];      /* a locally administered unicast address */
	uint64_t id;         /* a random attachment id */
};

/*
 * A back end's operations.  All run without a virtual CPU (netif.c
 * releases it around them) and return 0 or a host errno, which netif.c
 * translates once.  be is what open returned.
 */
struct rumpcomp_netif__ops {
	const char *prefix;  /* "tap:" ... the spec prefix it answers */
	/*
	 * open: args is the spec after the prefix.  Fills in *info (the
	 * MAC from seed unless the back end has its own), *bep, and key
	 * (keylen bytes): a name unique to the back end's resource, so a
	 * second open of it in this process is EBUSY.
	 */
	int (*open)(const char *args, const struct rumpcomp_netif__seed *seed,
	    struct rumpcomp_netif_info *info, void **bep, char *key,
	    size_t keylen);
	/*
	 * send: one frame of len bytes (checked against the MTU already).
	 * pkt is never NULL; NEEDS_CSUM only if open offered TXCSUM, with
	 * csum_start/offset checked to lie inside the frame.
	 */
	int (*send)(void *be, const struct rumpuser_iovec *iov,
	    uint64_t iovcnt, uint64_t len,
	    const struct rumpcomp_netif_pkt *pkt);
	/*
	 * recv: wait for one frame; ECANCELED once close was called.  *pkt
	 * comes zeroed; a back end with RXCSUM may set CSUM_VALID, and
	 * NEEDS_CSUM with the offsets for a partial checksum (netif.c
	 * finishes it for callers that want complete frames).
	 */
	int (*recv)(void *be, void *buf, uint64_t buflen, uint64_t *lenp,
	    struct rumpcomp_netif_pkt *pkt);
	/* close: make recv return ECANCELED; must not block. */
	void (*close)(void *be);
	/* free: release everything; no thread is inside be any more. */
	void (*free)(void *be);
};

extern const struct rumpcomp_netif__ops rumpcomp_netif__tap;
extern const struct rumpcomp_netif__ops rumpcomp_netif__shmif;

/* netif.c: the monotonic clock in nanoseconds (for back end timeouts). */
int64_t rumpcomp_netif__now_ns(void);
/*
 * rumpcomp_netif__csum_finish: store the Internet checksum (RFC 1071)
 * of frame[start, len) at start + offset, where the field holds the
 * pseudo header's sum as a partial checksum does (virtio's NEEDS_CSUM).
 * The caller has checked start + offset + 2 <= len.
 */
void rumpcomp_netif__csum_finish(uint8_t *frame, uint64_t len,
    uint16_t start, uint16_t offset);

#endif /* NETIF_INT_H */
