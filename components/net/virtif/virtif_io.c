/*
 * virtif_io.c -- the data path of virtual interfaces: frames out as a
 * gather list straight from the packet's segments, frames in on one
 * kernel thread per interface that waits in the back end.
 */
#include "virtif_int.h"

/* Segments sent without copying; a longer chain is copied flat. */
#define VIRTIF_MAXIOV 16

/* virtif_send_flat: send p copied into one buffer (long chains). */
static int
virtif_send_flat(struct virtif_softc *sc, const struct pkt *p)
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
	error = rumpcomp_netif_send(sc->sc_handle, &iov, 1, NULL);
	kmem_free(buf, len);
	return error;
}

static int
virtif_send(struct virtif_softc *sc, const struct pkt *p)
{
	struct rumpuser_iovec iov[VIRTIF_MAXIOV];
	uint64_t n = 0;

	for (const struct pkt *q = p; q != NULL; q = q->pk_next) {
		if (q->pk_len == 0)
			continue;
		if (n == VIRTIF_MAXIOV)
			return virtif_send_flat(sc, p);
		iov[n].iov_base = q->pk_data;
		iov[n].iov_len = q->pk_len;
		n++;
	}
	return rumpcomp_netif_send(sc->sc_handle, iov, n, NULL);
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
		struct pkt *p;
		uint64_t len;
		int error;

		error = rumpcomp_netif_recv(sc->sc_handle, sc->sc_rxbuf,
		    sc->sc_rxbuflen, &len, NULL);
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
		p = pkt_from_buf(sc->sc_rxbuf, (size_t)len, PKT_HEADROOM);
		if (p == NULL) {
			sc->sc_rxnobufs++;
			continue;
		}
		ether_input(&sc->sc_if, p);
	}
}
