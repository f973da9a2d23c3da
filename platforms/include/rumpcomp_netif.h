/*
 * rumpcomp_netif.h -- network interface back ends: the per-component
 * hypercalls the kernel's virtual interface driver (components/net/virtif)
 * uses to move Ethernet frames in and out of the host.
 *
 * They live beside rumpuser.h, not in it: only kernels that link a
 * network driver need them, and each platform implements the back ends
 * it has:
 *
 *   posix   "tap:NAME"            a Linux tap device (/dev/net/tun)
 *           "shmif:PATH[,OPT...]" a shared-memory bus: a file several
 *                                 processes map as one Ethernet segment;
 *                                 OPT: loss=P, dup=P, reorder=P (percent
 *                                 of frames this kernel sends), seed=N,
 *                                 size=N[k|m], mtu=N (68..65535),
 *                                 csum=0|1 (checksum offload, default 1)
 *   hw      "vioifN"              the Nth virtio-net device (PCI order)
 *
 * Conventions are those of rumpuser.h: 0 or a positive errno, results
 * through out-pointers, "may block" calls release the virtual CPU around
 * the wait.  A back end that a platform does not have is ENXIO from
 * rumpcomp_netif_open, never a silent success.
 */
#ifndef RUMPCOMP_NETIF_H
#define RUMPCOMP_NETIF_H

#include "rumpuser.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RUMPCOMP_NETIF_VERSION 1

/*
 * ni_flags: what the back end offers.  TXCSUM: sends may carry
 * RUMPCOMP_NETIF_PKT_NEEDS_CSUM (without it such a send is EINVAL).
 * RXCSUM: receives may carry CSUM_VALID, and with it NEEDS_CSUM (below).
 * posix: shmif offers both (unless csum=0), tap neither; hw: what the
 * virtio-net device negotiated (VIRTIO_NET_F_CSUM, _GUEST_CSUM).
 */
#define RUMPCOMP_NETIF_TXCSUM 0x0001 /* sends may carry a partial checksum */
#define RUMPCOMP_NETIF_RXCSUM 0x0002 /* receives may say "checksum valid" */

struct rumpcomp_netif_info {
	uint8_t ni_mac[6];     /* the interface's Ethernet address */
	uint16_t ni_pad;
	uint32_t ni_mtu;       /* largest payload (without the Ethernet
	                        * header) the back end carries, e.g. 1500 */
	uint32_t ni_flags;     /* RUMPCOMP_NETIF_* */
};

/*
 * Per-frame metadata for checksum offload, with virtio-net's meaning
 * (virtio 1.1, 5.1.6.2 and 5.1.6.4).  Flags 0 is always valid: a plain
 * frame whose checksums are complete.
 *
 * Send: with RUMPCOMP_NETIF_PKT_NEEDS_CSUM (only when the back end has
 * RUMPCOMP_NETIF_TXCSUM; csum_start + csum_offset + 2 must lie inside
 * the frame and csum_offset be even, else EINVAL) the field at
 * csum_start + csum_offset holds the sum of the pseudo header only, and
 * the back end, the device or the receiver computes the Internet
 * checksum (RFC 1071) from byte csum_start to the end of the frame and
 * stores it there.  Other send flags are EINVAL.
 *
 * Receive (only when the caller passes pkt): CSUM_VALID says the
 * transport checksum need not be verified -- it was, or the frame never
 * left this host's memory.  NEEDS_CSUM may come with it: the checksum
 * is still partial as the sender left it (csum_start/offset say where;
 * the back end checked they lie inside the frame), which a kernel that
 * passes the frame on must finish.  A caller that passes pkt == NULL
 * always gets a complete frame: the back end finishes partial checksums
 * for it.
 */
#define RUMPCOMP_NETIF_PKT_NEEDS_CSUM 0x0001
#define RUMPCOMP_NETIF_PKT_CSUM_VALID 0x0002
struct rumpcomp_netif_pkt {
	uint32_t np_flags;
	uint16_t np_csum_start;
	uint16_t np_csum_offset;
};

/*
 * rumpcomp_netif_enum: the spec of the index'th back end the platform
 * found by itself (hw: "vioif0", "vioif1", ...) into name (size bytes,
 * NUL-terminated).  ENOENT past the last one (at 0 on hosts whose back
 * ends are all named by the user), ENAMETOOLONG if size is too small.
 * Does not block.
 */
int rumpcomp_netif_enum(int index, char *name, uint64_t size);

/*
 * rumpcomp_netif_open: open the back end spec (see above) and describe
 * it in *info.  The handle is used by one interface; opening a back end
 * that is open already is EBUSY.  ENXIO: no such back end on this
 * platform; EINVAL: a malformed spec or option; other errors come from
 * the host (EACCES, EPERM for tap without privileges ...).  May block.
 */
int rumpcomp_netif_open(const char *spec, struct rumpcomp_netif_info *info,
    void **handlep);

/*
 * rumpcomp_netif_send: send one frame, the concatenation of iovcnt
 * buffers (Ethernet header first; at most 14 + ni_mtu bytes, else
 * EMSGSIZE).  pkt may be NULL (flags 0).  The buffers may be reused when
 * the call returns.  A full transmit queue waits briefly and then drops
 * the frame (the call still returns 0: Ethernet is lossy); ENXIO after
 * the device went away.  May block.
 */
int rumpcomp_netif_send(void *handle, const struct rumpuser_iovec *iov,
    uint64_t iovcnt, const struct rumpcomp_netif_pkt *pkt);

/*
 * rumpcomp_netif_recv: wait for the next frame and copy it into buf
 * (buflen bytes); its length to *lenp and its metadata to *pkt (may be
 * NULL).  A frame longer than buflen is dropped and counted, not
 * returned truncated.  Returns ECANCELED once rumpcomp_netif_close has
 * been called (the receiving thread then exits).  One thread per handle
 * calls this.  May block for as long as no frame comes.
 */
int rumpcomp_netif_recv(void *handle, void *buf, uint64_t buflen,
    uint64_t *lenp, struct rumpcomp_netif_pkt *pkt);

/*
 * rumpcomp_netif_close: stop the back end.  A thread blocked in
 * rumpcomp_netif_recv returns ECANCELED; the handle stays valid until
 * rumpcomp_netif_free, which the kernel calls after its receiving thread
 * has returned.  Does not block.
 */
void rumpcomp_netif_close(void *handle);
void rumpcomp_netif_free(void *handle);

#ifdef __cplusplus
}
#endif

#endif /* RUMPCOMP_NETIF_H */
