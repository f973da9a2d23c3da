/*
 * net/pkt.h -- packet buffers (components/net/pkt.c): a packet is a
 * chain of segments, each a buffer with room in front (headroom) so
 * that protocols can prepend headers without copying, as a frame goes
 * down the stack, and trim them off as it comes up.
 *
 * The first segment of a chain carries the packet header: the total
 * length and the receiving interface.  Packets are queued through
 * pk_nextpkt of their first segment.
 *
 * Functions that may fail return 0 / a result >= 0 or -errno; on
 * failure of a function that takes a chain and may reallocate it
 * (pkt_prepend, pkt_pullup) the chain is freed and *pp set to NULL, so
 * callers never leak a half-built packet.
 */
#ifndef NET_PKT_H
#define NET_PKT_H

#include <kern/kern.h>

struct ifnet;
struct uio;

struct pkt {
	struct pkt *pk_next;      /* next segment of this packet */
	struct pkt *pk_nextpkt;   /* next packet in a queue (first segment) */
	uint8_t *pk_data;         /* first valid byte */
	size_t pk_len;            /* valid bytes of this segment */
	size_t pk_size;           /* bytes of pk_buf */
	/* packet header: meaningful in the first segment only */
	size_t pk_pktlen;         /* bytes of the whole chain */
	struct ifnet *pk_rcvif;   /* interface it arrived on, or NULL */
	int pk_flags;             /* PKF_* */
	uint8_t pk_buf[];
};

#define PKF_BCAST  0x01  /* link-level broadcast */
#define PKF_MCAST  0x02  /* link-level multicast */
/*
 * Checksum offload (net-perf).  PKF_CSUM_PARTIAL, on output: the
 * transport checksum field holds only the folded pseudo-header sum (not
 * complemented); ip_output finishes it unless the interface takes such
 * packets (IFCAP_CSUM), as virtio's NEEDS_CSUM.  PKF_CSUM_OK, on input:
 * the driver vouches for the transport checksum (verified, or the frame
 * never left this host's memory): TCP does not verify it again.
 */
#define PKF_CSUM_PARTIAL 0x04
#define PKF_CSUM_OK      0x08

/* Room left in front by pkt_alloc for link, IP and transport headers. */
#define PKT_HEADROOM 128
/* The largest segment pkt_alloc makes; longer packets are chains. */
#define PKT_SEGMAX 2048

/*
 * pkt_alloc: a packet of len bytes (contents undefined) with headroom
 * bytes free in front of the first segment; a chain when it does not fit
 * one segment.  NULL when memory is short (ENOBUFS for callers).
 */
struct pkt *pkt_alloc(size_t len, size_t headroom);
/* pkt_free: free a whole chain (NULL is fine); not a queue. */
void pkt_free(struct pkt *p);
/* pkt_freeq: free every packet of a queue linked by pk_nextpkt. */
void pkt_freeq(struct pkt *p);

/*
 * pkt_prepend: make n more bytes at the front of *pp (contents
 * undefined), in the headroom if there is room, else in a new first
 * segment; n <= PKT_SEGMAX.  -ENOBUFS (chain freed) without memory.
 */
int pkt_prepend(struct pkt **pp, size_t n);
/*
 * pkt_adj: trim n bytes from the front (n > 0) or -n bytes from the
 * back (n < 0); trimming more than the packet holds empties it.
 */
void pkt_adj(struct pkt *p, long n);
/*
 * pkt_pullup: make the first n bytes contiguous in the first segment
 * (n <= PKT_SEGMAX).  -EINVAL (chain freed) when the packet is shorter
 * than n -- a truncated header -- and -ENOBUFS without memory.
 */
int pkt_pullup(struct pkt **pp, size_t n);
/*
 * pkt_copydata: copy len bytes at offset off out of p into buf;
 * -EINVAL if the packet is shorter than off + len.
 */
int pkt_copydata(const struct pkt *p, size_t off, size_t len, void *buf);
/* pkt_copyback: overwrite len bytes at off with buf; -EINVAL past the
 * end (the packet does not grow). */
int pkt_copyback(struct pkt *p, size_t off, size_t len, const void *buf);
/* pkt_from_buf: a new packet holding a copy of buf; NULL: no memory. */
struct pkt *pkt_from_buf(const void *buf, size_t len, size_t headroom);
/* pkt_dup: a deep copy of p (header too); NULL: no memory. */
struct pkt *pkt_dup(const struct pkt *p, size_t headroom);
/*
 * pkt_cksum: the Internet checksum (RFC 1071) of len bytes at offset
 * off, folded and complemented, with sum (a partial sum from
 * in_cksum_add, e.g. of a pseudo header) added in.  The packet must
 * hold off + len bytes.  Sums are of big-endian 16-bit words, so the
 * result is a number to store big-endian (two bytes, high first); a
 * packet whose stored checksum is right sums to 0.
 */
uint16_t pkt_cksum(const struct pkt *p, size_t off, size_t len, uint32_t sum);
/* in_cksum_add: add len bytes of buf to a partial checksum sum. */
uint32_t in_cksum_add(uint32_t sum, const void *buf, size_t len);
/* in_cksum_fold: fold a partial sum to 16 bits and complement it. */
uint16_t in_cksum_fold(uint32_t sum);

#endif /* NET_PKT_H */
