/*
 * virtif_io.c -- the data path of virtual interfaces: frames out as a
 * gather list straight from the packet's segments, frames in on one
 * kernel thread per interface that waits in the back end; transport
 * checksums left to the back end where it offers that (IFCAP_CSUM).
 */
#include "virtif_int.h"

/* Segments sent without copying (a 64 KiB frame is 33 of 2 KiB); a
 * longer chain is copied flat. */
#define VIRTIF_MAXIOV 40

/* Where TCP and UDP keep their checksum field. */
#define TCP_CSUM_OFF 16
#define UDP_CSUM_OFF 6

/*
 * virtif_csum_meta: describe p's partial transport checksum
 * (PKF_CSUM_PARTIAL) to the back end: it starts after the IP header
 * and the field is the protocol's.  EINVAL for a packet that is not
 * TCP or UDP over IPv4 (ip_output never leaves other checksums partial).
 */
static int
virtif_csum_meta(const struct pkt *p, struct rumpcomp_netif_pkt *meta)
{
	struct ip_hdr ip;
	size_t hlen;

	memset(meta, 0, sizeof(*meta));
	if (!(p->pk_flags & PKF_CSUM_PARTIAL))
		return 0;
	if (pkt_copydata(p, ETHER_HDR_LEN, sizeof(ip), &ip) != 0)
		return EINVAL;
	hlen = (size_t)(ip.ip_vhl & 0xf) * 4;
	if (ip.ip_p != IPPROTO_TCP && ip.ip_p != IPPROTO_UDP)
		return EINVAL;
	meta->np_flags = RUMPCOMP_NETIF_PKT_NEEDS_CSUM;
	meta->np_csum_start = (uint16_t)(ETHER_HDR_LEN + hlen);
	meta->np_csum_offset = ip.ip_p == IPPROTO_TCP ? TCP_CSUM_OFF :
	    UDP_CSUM_OFF;
	return 0;
}

/* virtif_send_flat: send p copied into one buffer (long chains). */
static int
virtif_send_flat(struct virtif_softc *sc, const struct pkt *p,
    const struct rumpcomp_netif_pkt *meta)
{
	struct rumpuser_iovec iov;
	size_t len = p->pk_pktlen;
	void *buf;
	int error;

	buf = kmem_alloc(len, KM_SLEEP);
	if (buf == NULL)
		return ENOBUFS;
	(void)pkt_copydata(p, 0, len, buf);
	iov.iov_base = buf;
	iov.iov_len = len;
	error = rumpcomp_netif_send(sc->sc_handle, &iov, 1, meta);
	kmem_free(buf, len);
	return error;
}

static int
virtif_send(struct virtif_softc *sc, const struct pkt *p)
{
	struct rumpuser_iovec iov[VIRTIF_MAXIOV];
	struct rumpcomp_netif_pkt meta;
	uint64_t n = 0;
	int error;

	error = virtif_csum_meta(p, &meta);
	if (error != 0)
		return error;
	for (const struct pkt *q = p; q != NULL; q = q->pk_next) {
		if (q->pk_len == 0)
			continue;
		if (n == VIRTIF_MAXIOV)
			return virtif_send_flat(sc, p, &meta);
		iov[n].iov_base = q->pk_data;
		iov[n].iov_len = q->pk_len;
		n++;
	}
	return rumpcomp_netif_send(sc->sc_handle, iov, n, &meta);
}

/*
 * virtif_rx_csum: what the back end said about a received frame's
 * checksum, as packet flags.  PKF_CSUM_OK only for an unfragmented
 * IPv4 TCP segment (the one protocol that looks at the flag) whose
 * partial checksum, if any, is where TCP's is; any other partial
 * checksum is finished here, so the protocols see a complete frame.
 */
static int
virtif_rx_csum(uint8_t *frame, size_t len,
    const struct rumpcomp_netif_pkt *meta)
{
	const struct ip_hdr *ip =
	    (const struct ip_hdr *)(frame + ETHER_HDR_LEN);
	bool partial = (meta->np_flags & RUMPCOMP_NETIF_PKT_NEEDS_CSUM) != 0;
	bool valid = (meta->np_flags & RUMPCOMP_NETIF_PKT_CSUM_VALID) != 0;
	size_t start = meta->np_csum_start, field;
	bool tcp = false;
	uint16_t sum;

	if (valid && len >= ETHER_HDR_LEN + sizeof(*ip) &&
	    frame[12] == ETHERTYPE_IP >> 8 &&
	    frame[13] == (ETHERTYPE_IP & 0xff)) {
		tcp = ip->ip_vhl >> 4 == 4 && ip->ip_p == IPPROTO_TCP &&
		    !(ntohs(ip->ip_off) & (IP_MF | IP_OFFMASK));
		if (partial && (start != ETHER_HDR_LEN +
		    (size_t)(ip->ip_vhl & 0xf) * 4 ||
		    meta->np_csum_offset != TCP_CSUM_OFF))
			tcp = false;
	}
	if (tcp)
		return PKF_CSUM_OK;
	field = start + meta->np_csum_offset;
	if (partial && field + 2 <= len) {
		/* The field holds the pseudo header's sum: summing over it
		 * gives the whole checksum (RFC 1071). */
		sum = htons(in_cksum_fold(in_cksum_add(0, frame + start,
		    len - start)));
		memcpy(frame + field, &sum, sizeof(sum));
	}
	return 0;
}

int
virtif_transmit(struct ifnet *ifp, struct pkt *p)
{
	struct virtif_softc *sc = ifp->if_softc;
	int error;

	if (p->pk_pktlen > ETHER_HDR_LEN + ifp->if_mtu) {
		pkt_free(p);
		return -EMSGSIZE;
	}
	/* Destroy waits for sends inside the back end before closing it. */
	mutex_enter(&sc->sc_lock);
	if (sc->sc_dying) {
		mutex_exit(&sc->sc_lock);
		pkt_free(p);
		return -ENXIO;
	}
	sc->sc_busy++;
	mutex_exit(&sc->sc_lock);

	error = virtif_send(sc, p);
	pkt_free(p);

	mutex_enter(&sc->sc_lock);
	if (error != 0)
		sc->sc_txerrors++;
	if (--sc->sc_busy == 0 && sc->sc_dying)
		cv_broadcast(&sc->sc_cv);
	mutex_exit(&sc->sc_lock);
	return -error;
}

void
virtif_rxthread(void *arg)
{
	struct virtif_softc *sc = arg;

	for (;;) {
		struct rumpcomp_netif_pkt meta;
		struct pkt *p;
		uint64_t len;
		int error, flags;

		error = rumpcomp_netif_recv(sc->sc_handle, sc->sc_rxbuf,
		    sc->sc_rxbuflen, &len, &meta);
		if (error == ECANCELED)
			return;
		if (error != 0) {
			/* A host error is not ours to fix: count it, and do
			 * not spin on a back end that keeps failing. */
			sc->sc_rxerrors++;
			(void)kpause(10 * 1000 * 1000, false);
			continue;
		}
		if (__atomic_load_n(&sc->sc_dying, __ATOMIC_RELAXED))
			continue;  /* detached: until recv says ECANCELED */
		flags = virtif_rx_csum(sc->sc_rxbuf, (size_t)len, &meta);
		p = pkt_from_buf(sc->sc_rxbuf, (size_t)len, PKT_HEADROOM);
		if (p == NULL) {
			sc->sc_rxnobufs++;
			continue;
		}
		p->pk_flags |= flags;
		ether_input(&sc->sc_if, p);
	}
}
