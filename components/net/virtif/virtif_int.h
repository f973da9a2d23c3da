/*
 * virtif_int.h -- between the files of the virtual interface driver
 * (components/net/virtif): the per-interface state.
 */
#ifndef VIRTIF_INT_H
#define VIRTIF_INT_H

#include "../inet/inet_int.h"
#include <rumpcomp_netif.h>

struct virtif_softc {
	struct ifnet sc_if;        /* first: the ifnet is the softc */
	void *sc_handle;           /* the back end's (rumpcomp_netif_open) */
	struct lwp *sc_rxlwp;      /* the receive thread, joinable */
	uint8_t *sc_rxbuf;         /* one frame, for the receive thread */
	size_t sc_rxbuflen;
	kmutex_t sc_lock;          /* sc_busy, sc_dying */
	kcondvar_t sc_cv;          /* sc_busy dropped to 0 while dying */
	int sc_busy;               /* transmits inside the back end */
	bool sc_dying;             /* being destroyed: no new transmits */
	uint64_t sc_rxerrors;      /* back end receive errors */
	uint64_t sc_rxnobufs;      /* frames dropped for want of memory */
	uint64_t sc_txerrors;      /* back end send errors */
	struct virtif_softc *sc_next;  /* on virtif_live or virtif_idle */
};

/* virtif_io.c: the data path. */
/* virtif_transmit: if_transmit of every virtif interface; takes p. */
int virtif_transmit(struct ifnet *ifp, struct pkt *p);
/* virtif_rxthread: the receive thread's body, until the back end closes. */
void virtif_rxthread(void *arg);

#endif /* VIRTIF_INT_H */
