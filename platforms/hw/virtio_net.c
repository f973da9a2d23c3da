/*
 * virtio_net.c -- the network device (virtio 1.1, 5.1) as the hw side
 * of <rumpcomp_netif.h>: back ends "vioif0".."vioifN" in PCI order.
 *
 * One receive and one transmit queue.  Every frame uses two descriptors,
 * the virtio-net header and the frame, which legacy devices without
 * ANY_LAYOUT require and modern ones accept.  Receive buffers are fixed
 * 1536-byte slots (no MRG_RXBUF, no GSO: 5.1.6.3.1 asks for 1526 bytes);
 * frames are sent from copies, so the caller's buffers are free on
 * return.  The header is 12 bytes on modern devices and 10 on legacy
 * ones (num_buffers exists only with VERSION_1 or MRG_RXBUF).
 *
 * Receive is interrupt-driven where the device's PCI line is routed
 * (virtio_pci.c): the handler wakes the thread blocked in
 * rumpcomp_netif_recv.  That thread still sleeps with a deadline (at
 * most RX_SLEEP_INTR_NS, a safety net against a lost interrupt, and
 * the reason the idle loop never takes it for deadlocked; a frame found
 * only by it while no interrupt ever came switches to polling).  Without
 * an interrupt it polls: it spins briefly, then sleeps in growing steps up
 * to RX_SLEEP_MAX_NS; a send (which usually provokes a reply) wakes it
 * and shortens its sleep again.  Transmit completions are reaped when
 * the next frame is sent, never interrupted for.
 *
 * The attach hook is a weak reference in virtio_pci.c: this file (and
 * its per-device memory) is linked only into images whose kernel has a
 * network interface driver calling rumpcomp_netif_open.
 */
#include "hw/arch.h"
#include "hw/hyp.h"
#include "hw/lib.h"
#include "hw/mem.h"
#include "hw/param.h"
#include "hw/sched.h"
#include "hw/virtio.h"
#include "rumpcomp_netif.h"

/* Linux's values, as all HW_E* (hw/types.h does not need them). */
#define HW_ENAMETOOLONG 36
#define HW_EMSGSIZE 90
#define HW_ECANCELED 125

#define VIRTIO_NET_F_CSUM (1ULL << 0)
#define VIRTIO_NET_F_GUEST_CSUM (1ULL << 1)
#define VIRTIO_NET_F_MAC (1ULL << 5)
#define VIRTIO_NET_F_STATUS (1ULL << 16)
#define VIRTIO_NET_S_LINK_UP 1
#define VIRTIO_NET_HDR_F_NEEDS_CSUM 1
#define VIRTIO_NET_HDR_F_DATA_VALID 2
#define VIRTQ_AVAIL_F_NO_INTERRUPT 1
#define VIRTQ_USED_F_NO_NOTIFY 1

#define VNET_MAX 16
#define VNET_QSIZE 256         /* descriptors per queue, at most */
#define VNET_SLOT 1536         /* bytes of frame per buffer */
#define VNET_MTU 1500
#define VNET_FRAME_MAX (14 + VNET_MTU)
#define RX_SPIN_NS 50000ULL
#define RX_SLEEP_MIN_NS 20000ULL
#define RX_SLEEP_MAX_NS 2000000ULL
#define RX_SLEEP_INTR_NS 100000000ULL
#define TX_WAIT_NS 20000000ULL /* a full ring this long drops the frame */

/* The device's header (5.1.6); the last field only when modern. */
struct vnet_hdr {
	uint8_t flags;
	uint8_t gso_type;
	uint16_t hdr_len;
	uint16_t gso_size;
	uint16_t csum_start;
	uint16_t csum_offset;
	uint16_t num_buffers;
};

struct vnet_buf {
	struct vnet_hdr hdr;
	uint8_t frame[VNET_SLOT];
	struct vnet_buf *next; /* free list (transmit) */
};

struct vnet {
	struct rumphw_virtio_dev *vd;
	int unit;
	bool open, closed;
	uint64_t features;
	uint32_t hdrlen;            /* 12 modern, 10 legacy */
	uint8_t mac[6];
	struct rumphw_virtq rxq, txq;
	struct vnet_buf *bufs;      /* rx buffers, then tx buffers */
	uint64_t bufpages;
	unsigned nrx, ntx;
	struct vnet_buf *txfree;
	struct rumphw_tq rxwait;    /* the receiving thread */
	struct rumphw_tq txwait;    /* senders waiting for a free slot */
	uint64_t rxstep;            /* the receiver's next sleep */
	uint64_t rx_dropped, rx_bad, tx_dropped;
	uint64_t nintr;
	bool intr_broken;           /* has_intr, but none ever arrived */
};

static struct vnet *vnets[VNET_MAX];
static int nvnet;

/* A queue interrupt (from the idle loop): wake whoever waits. */
static void net_intr(void *arg)
{
	struct vnet *n = arg;

	if (!n->open)
		return;
	n->nintr++;
	rumphw_tq_wakeall(&n->rxwait);
	rumphw_tq_wakeall(&n->txwait);
}

int rumphw_virtio_net_attach(struct rumphw_virtio_dev *vd)
{
	struct vnet *n;

	if (nvnet == VNET_MAX)
		return HW_ENODEV;
	if ((n = rumphw_alloc(sizeof(*n))) == NULL)
		return HW_ENOMEM;
	rumphw_memset(n, 0, sizeof(*n));
	n->vd = vd;
	n->unit = nvnet;
	rumphw_tq_init(&n->rxwait);
	rumphw_tq_init(&n->txwait);
	vd->intr = net_intr;
	vd->intr_arg = n;
	/* Started (queues, buffers) only when the kernel opens it. */
	vnets[nvnet++] = n;
	return 0;
}

int rumpcomp_netif_enum(int index, char *name, uint64_t size)
{
	if (index < 0 || index >= nvnet)
		return HW_ENOENT;
	if ((uint64_t)rumphw_snprintf(name, size, "vioif%d", index) >= size)
		return HW_ENAMETOOLONG;
	return 0;
}

/* The unit of spec "vioifN"; -1 for a malformed one. */
static int parse_spec(const char *spec)
{
	int unit = 0;

	if (rumphw_strncmp(spec, "vioif", 5) != 0)
		return -1;
	spec += 5;
	if (*spec < '0' || *spec > '9' || (spec[0] == '0' && spec[1] != '\0'))
		return -1;
	for (; *spec >= '0' && *spec <= '9'; spec++) {
		unit = unit * 10 + (*spec - '0');
		if (unit >= 1000)
			return -1;
	}
	return *spec == '\0' ? unit : -1;
}

static void rx_post(struct vnet *n, struct vnet_buf *b)
{
	struct rumphw_vbuf v[2] = {
		{ &b->hdr, n->hdrlen, true },
		{ b->frame, VNET_SLOT, true },
	};

	/* Cannot fail: there are as many buffers as descriptor pairs. */
	(void)rumphw_virtq_add(&n->rxq, v, 2, b);
}

static void notify(struct vnet *n, struct rumphw_virtq *vq)
{
	__asm__ volatile("" ::: "memory");
	if (!(vq->used->flags & VIRTQ_USED_F_NO_NOTIFY))
		rumphw_virtio_notify(n->vd, vq);
}

static void free_rings(struct vnet *n)
{
	struct rumphw_virtq *qs[2] = { &n->rxq, &n->txq };

	for (int i = 0; i < 2; i++) {
		if (qs[i]->mem == NULL)
			continue;
		rumphw_page_free(qs[i]->mem, qs[i]->mempages);
		rumphw_free(qs[i]->cookie, sizeof(void *) * qs[i]->size);
		rumphw_memset(qs[i], 0, sizeof(*qs[i]));
	}
	if (n->bufs != NULL)
		rumphw_page_free(n->bufs, n->bufpages);
	n->bufs = NULL;
}

/* Bring the device up (3.1.1): reset, features, queues, buffers. */
static int start(struct vnet *n)
{
	struct rumphw_virtio_dev *vd = n->vd;
	uint64_t want = VIRTIO_NET_F_MAC | VIRTIO_NET_F_STATUS |
	    VIRTIO_NET_F_CSUM | VIRTIO_NET_F_GUEST_CSUM;
	int error;

	if ((error = rumphw_virtio_init(vd)) != 0 ||
	    (error = rumphw_virtio_negotiate(vd, want, &n->features)) != 0 ||
	    (error = rumphw_virtio_vq_setup(vd, 0, VNET_QSIZE, &n->rxq)) != 0 ||
	    (error = rumphw_virtio_vq_setup(vd, 1, VNET_QSIZE, &n->txq)) != 0)
		goto fail;
	n->hdrlen = vd->modern ? sizeof(struct vnet_hdr) :
				 sizeof(struct vnet_hdr) - 2;
	n->nrx = n->rxq.size / 2;
	n->ntx = n->txq.size / 2;
	n->bufpages = ROUNDUP(sizeof(struct vnet_buf) * (n->nrx + n->ntx),
	    PAGE_SIZE) >> PAGE_SHIFT;
	if ((n->bufs = rumphw_page_alloc(n->bufpages, 1)) == NULL) {
		error = HW_ENOMEM;
		goto fail;
	}
	rumphw_memset(n->bufs, 0, n->bufpages << PAGE_SHIFT);
	/* Sent frames are reaped by polling; receives interrupt if they can. */
	n->rxq.avail->flags = vd->has_intr ? 0 : VIRTQ_AVAIL_F_NO_INTERRUPT;
	n->txq.avail->flags = VIRTQ_AVAIL_F_NO_INTERRUPT;
	for (unsigned i = 0; i < n->nrx; i++)
		rx_post(n, &n->bufs[i]);
	n->txfree = NULL;
	for (unsigned i = 0; i < n->ntx; i++) {
		n->bufs[n->nrx + i].next = n->txfree;
		n->txfree = &n->bufs[n->nrx + i];
	}
	if (n->features & VIRTIO_NET_F_MAC) {
		for (unsigned i = 0; i < 6; i++)
			n->mac[i] = (uint8_t)rumphw_virtio_config_read(vd, i, 1);
	} else {
		/* A random, locally administered unicast address. */
		uint64_t got = 0;
		(void)rumpuser_getrandom(n->mac, 6, 0, &got);
		n->mac[0] = (uint8_t)((n->mac[0] & 0xfe) | 0x02);
	}
	rumphw_virtio_driver_ok(vd);
	notify(n, &n->rxq);
	return 0;

fail:
	rumphw_virtio_fail(vd);
	free_rings(n);
	return error == HW_ENOENT ? HW_ENXIO : error;
}

int rumpcomp_netif_open(const char *spec, struct rumpcomp_netif_info *info,
    void **handlep)
{
	struct vnet *n;
	int unit, error;

	if (spec == NULL || info == NULL || handlep == NULL)
		return HW_EINVAL;
	if (rumphw_strncmp(spec, "vioif", 5) != 0)
		return HW_ENXIO; /* tap:, shmif: ... are the posix platform's */
	if ((unit = parse_spec(spec)) < 0)
		return HW_EINVAL;
	if (unit >= nvnet)
		return HW_ENXIO;
	n = vnets[unit];
	if (n->open)
		return HW_EBUSY;
	if ((error = start(n)) != 0)
		return error;
	n->open = true;
	n->closed = false;
	n->intr_broken = false;
	n->rxstep = RX_SLEEP_MIN_NS;
	rumphw_memset(info, 0, sizeof(*info));
	rumphw_memcpy(info->ni_mac, n->mac, 6);
	info->ni_mtu = VNET_MTU;
	if (n->features & VIRTIO_NET_F_CSUM)
		info->ni_flags |= RUMPCOMP_NETIF_TXCSUM;
	if (n->features & VIRTIO_NET_F_GUEST_CSUM)
		info->ni_flags |= RUMPCOMP_NETIF_RXCSUM;
	if (rumphw_param_flag("RUMPHW_VERBOSE"))
		rumphw_printf("rumphw: vioif%d: %02x:%02x:%02x:%02x:%02x:%02x, "
			      "%u rx/%u tx buffers, offload%s%s%s, link %s, %s\n",
		    unit, n->mac[0], n->mac[1], n->mac[2], n->mac[3], n->mac[4],
		    n->mac[5], n->nrx, n->ntx,
		    (info->ni_flags & RUMPCOMP_NETIF_TXCSUM) ? " tx-csum" : "",
		    (info->ni_flags & RUMPCOMP_NETIF_RXCSUM) ? " rx-csum" : "",
		    info->ni_flags == 0 ? " none" : "",
		    !(n->features & VIRTIO_NET_F_STATUS) ||
			    (rumphw_virtio_config_read(n->vd, 6, 2) &
				VIRTIO_NET_S_LINK_UP) ? "up" : "down",
		    n->vd->has_intr ? "receive interrupts" : "receive polled");
	*handlep = n;
	return 0;
}

/* Take back the slots of sent frames. */
static void tx_reap(struct vnet *n)
{
	struct vnet_buf *b;

	while ((b = rumphw_virtq_get(&n->txq, NULL)) != NULL) {
		b->next = n->txfree;
		n->txfree = b;
	}
}

int rumpcomp_netif_send(void *handle, const struct rumpuser_iovec *iov,
    uint64_t iovcnt, const struct rumpcomp_netif_pkt *pkt)
{
	struct vnet *n = handle;
	struct vnet_buf *b;
	uint64_t total = 0, start = 0, step = RX_SLEEP_MIN_NS;
	bool unscheduled = false;
	uint32_t off = 0;

	if (n->closed)
		return HW_ENXIO;
	for (uint64_t i = 0; i < iovcnt; i++)
		total += iov[i].iov_len;
	if (total > VNET_FRAME_MAX)
		return HW_EMSGSIZE;
	if (total < 14)
		return HW_EINVAL;
	tx_reap(n);
	while (n->txfree == NULL) {
		uint64_t now = rumphw_md_nsec();
		if (start == 0)
			start = now;
		if (now - start > TX_WAIT_NS || n->closed) {
			n->tx_dropped++;
			goto out; /* Ethernet is lossy */
		}
		if (!unscheduled) {
			rumphw_hyp_unschedule();
			unscheduled = true;
		}
		rumphw_sched_block(&n->txwait, now + step);
		step = MIN(step * 2, RX_SLEEP_MAX_NS);
		tx_reap(n);
	}
	b = n->txfree;
	n->txfree = b->next;
	rumphw_memset(&b->hdr, 0, sizeof(b->hdr));
	if (pkt != NULL && (pkt->np_flags & RUMPCOMP_NETIF_PKT_NEEDS_CSUM) &&
	    (n->features & VIRTIO_NET_F_CSUM) &&
	    (uint64_t)pkt->np_csum_start + pkt->np_csum_offset + 2 <= total) {
		b->hdr.flags = VIRTIO_NET_HDR_F_NEEDS_CSUM;
		b->hdr.csum_start = pkt->np_csum_start;
		b->hdr.csum_offset = pkt->np_csum_offset;
	}
	for (uint64_t i = 0; i < iovcnt; i++) {
		rumphw_memcpy(b->frame + off, iov[i].iov_base, iov[i].iov_len);
		off += (uint32_t)iov[i].iov_len;
	}
	struct rumphw_vbuf v[2] = {
		{ &b->hdr, n->hdrlen, false },
		{ b->frame, off, false },
	};
	(void)rumphw_virtq_add(&n->txq, v, 2, b); /* a slot is 2 descriptors */
	notify(n, &n->txq);
	/* A reply is likely soon: let the receiver look more often. */
	n->rxstep = RX_SLEEP_MIN_NS;
	rumphw_tq_wakeone(&n->rxwait);
out:
	if (unscheduled)
		rumphw_hyp_schedule();
	return 0;
}

/*
 * Finish a checksum the device left partial (NEEDS_CSUM on receive:
 * the field holds the pseudo-header sum).  False if the offsets lie
 * outside the frame.
 */
static bool finish_csum(uint8_t *p, uint32_t len, uint16_t start,
    uint16_t offset)
{
	uint32_t sum = 0, i;

	if ((uint32_t)start + offset + 2 > len)
		return false;
	for (i = start; i + 1 < len; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (i < len)
		sum += (uint32_t)p[i] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	sum = ~sum & 0xffff;
	p[start + offset] = (uint8_t)(sum >> 8);
	p[start + offset + 1] = (uint8_t)sum;
	return true;
}

/* The next good frame, copied out; false if none has arrived. */
static bool rx_one(struct vnet *n, void *buf, uint64_t buflen,
    uint64_t *lenp, struct rumpcomp_netif_pkt *pkt)
{
	struct vnet_buf *b;
	uint32_t wlen, flen;

	while ((b = rumphw_virtq_get(&n->rxq, &wlen)) != NULL) {
		bool ok = true;
		uint32_t flags = 0;

		flen = wlen > n->hdrlen ? wlen - n->hdrlen : 0;
		if (flen < 14 || flen > VNET_SLOT) {
			n->rx_bad++;
			ok = false;
		} else if (flen > buflen) {
			n->rx_dropped++;
			ok = false;
		} else if (b->hdr.flags & VIRTIO_NET_HDR_F_NEEDS_CSUM) {
			ok = finish_csum(b->frame, flen, b->hdr.csum_start,
			    b->hdr.csum_offset);
			if (!ok)
				n->rx_bad++;
			flags = RUMPCOMP_NETIF_PKT_CSUM_VALID;
		} else if (b->hdr.flags & VIRTIO_NET_HDR_F_DATA_VALID) {
			flags = RUMPCOMP_NETIF_PKT_CSUM_VALID;
		}
		if (ok) {
			rumphw_memcpy(buf, b->frame, flen);
			*lenp = flen;
			if (pkt != NULL) {
				rumphw_memset(pkt, 0, sizeof(*pkt));
				pkt->np_flags = flags;
			}
		}
		rx_post(n, b);
		notify(n, &n->rxq);
		if (ok)
			return true;
	}
	return false;
}

int rumpcomp_netif_recv(void *handle, void *buf, uint64_t buflen,
    uint64_t *lenp, struct rumpcomp_netif_pkt *pkt)
{
	struct vnet *n = handle;
	bool unscheduled = false, timedout = false;
	uint64_t start = 0;
	int error = 0;

	for (;;) {
		if (n->closed) {
			error = HW_ECANCELED;
			break;
		}
		if (rx_one(n, buf, buflen, lenp, pkt)) {
			n->rxstep = RX_SLEEP_MIN_NS;
			/* A frame that waited for the safety net although no
			 * interrupt ever came: the line does not reach us. */
			if (timedout && n->nintr == 0 && !n->intr_broken) {
				n->intr_broken = true;
				if (rumphw_param_flag("RUMPHW_VERBOSE"))
					rumphw_printf("rumphw: vioif%d: no receive "
						      "interrupts, polling\n", n->unit);
			}
			break;
		}
		uint64_t now = rumphw_md_nsec();
		if (start == 0)
			start = now;
		if (!unscheduled) {
			rumphw_hyp_unschedule();
			unscheduled = true;
		}
		if (now - start < RX_SPIN_NS) {
			rumphw_sched_yield();
			continue;
		}
		if (n->vd->has_intr && !n->intr_broken) {
			timedout = !rumphw_sched_block(&n->rxwait,
			    now + RX_SLEEP_INTR_NS);
			continue;
		}
		rumphw_sched_block(&n->rxwait, now + n->rxstep);
		n->rxstep = MIN(n->rxstep * 2, RX_SLEEP_MAX_NS);
	}
	if (unscheduled)
		rumphw_hyp_schedule();
	return error;
}

void rumpcomp_netif_close(void *handle)
{
	struct vnet *n = handle;

	n->closed = true;
	rumphw_tq_wakeall(&n->rxwait);
	rumphw_tq_wakeall(&n->txwait);
}

/* Frames in the transmit ring, not yet taken by the device. */
static unsigned tx_pending(struct vnet *n)
{
	unsigned nfree = 0;

	tx_reap(n);
	for (struct vnet_buf *b = n->txfree; b != NULL; b = b->next)
		nfree++;
	return n->ntx - nfree;
}

void rumpcomp_netif_free(void *handle)
{
	struct vnet *n = handle;
	uint64_t deadline = rumphw_md_nsec() + TX_WAIT_NS;

	/* Let the last frames leave (briefly: the reset would drop them). */
	if (n->bufs != NULL && tx_pending(n) > 0) {
		rumphw_hyp_unschedule();
		while (tx_pending(n) > 0 && rumphw_md_nsec() < deadline)
			rumphw_sched_block(NULL, rumphw_md_nsec() + RX_SLEEP_MIN_NS);
		rumphw_hyp_schedule();
	}
	/* A reset device no longer touches the rings (2.1.1). */
	(void)rumphw_virtio_init(n->vd);
	free_rings(n);
	if (rumphw_param_flag("RUMPHW_VERBOSE"))
		rumphw_printf("rumphw: vioif%d: closed; dropped %lu rx "
			      "(too long), %lu rx (malformed), %lu tx; %lu "
			      "interrupts\n",
		    n->unit, n->rx_dropped, n->rx_bad, n->tx_dropped, n->nintr);
	n->open = false;
}
