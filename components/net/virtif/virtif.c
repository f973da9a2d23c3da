/*
 * virtif.c -- the rumpnet_virtif component: Ethernet interfaces backed
 * by the host's network back ends (<rumpcomp_netif.h>), made and
 * destroyed through rump_net_if_create/rump_net_if_destroy.
 *
 * A destroyed interface's memory is kept and reused by the next one:
 * packets already queued for input, or a send that looked the
 * interface up just before it went, may still point at it.
 */
#include "virtif_int.h"

/* The largest MTU a back end may report: the largest IPv4 datagram. */
#define VIRTIF_MTU_MAX 65535

static kmutex_t virtif_lock;               /* both lists */
static struct virtif_softc *virtif_live;   /* attached interfaces */
static struct virtif_softc *virtif_idle;   /* destroyed, for reuse */

/* virtif_get: an idle softc, or a new one; NULL without memory. */
static struct virtif_softc *
virtif_get(void)
{
	struct virtif_softc *sc;

	mutex_enter(&virtif_lock);
	sc = virtif_idle;
	if (sc != NULL)
		virtif_idle = sc->sc_next;
	mutex_exit(&virtif_lock);
	if (sc == NULL) {
		sc = kmem_zalloc(sizeof(*sc), KM_SLEEP);
		if (sc == NULL)
			return NULL;
		mutex_init(&sc->sc_lock, MUTEX_DEFAULT);
		cv_init(&sc->sc_cv);
	}
	sc->sc_next = NULL;
	return sc;
}

/* virtif_put: sc back on the idle list (its locks stay set up). */
static void
virtif_put(struct virtif_softc *sc)
{
	mutex_enter(&virtif_lock);
	sc->sc_next = virtif_idle;
	virtif_idle = sc;
	mutex_exit(&virtif_lock);
}

/* virtif_reset: a clean ifnet and counters, keeping the locks. */
static void
virtif_reset(struct virtif_softc *sc)
{
	memset(&sc->sc_if, 0, sizeof(sc->sc_if));
	sc->sc_handle = NULL;
	sc->sc_rxlwp = NULL;
	sc->sc_rxbuf = NULL;
	sc->sc_rxbuflen = 0;
	sc->sc_busy = 0;
	__atomic_store_n(&sc->sc_dying, false, __ATOMIC_RELAXED);
	sc->sc_rxerrors = sc->sc_rxnobufs = sc->sc_txerrors = 0;
}

static int
virtif_create(const char *ifname, const char *spec)
{
	struct rumpcomp_netif_info info;
	struct virtif_softc *sc;
	size_t namelen = strnlen(ifname, IFNAMSIZ);
	int error;

	if (namelen == 0 || namelen >= IFNAMSIZ || spec[0] == '\0')
		return -EINVAL;
	if (if_find(ifname) != NULL)
		return -EEXIST;
	sc = virtif_get();
	if (sc == NULL)
		return -ENOMEM;
	virtif_reset(sc);

	memset(&info, 0, sizeof(info));
	error = rumpcomp_netif_open(spec, &info, &sc->sc_handle);
	if (error != 0) {
		error = -error;
		goto out_put;
	}
	if (info.ni_mtu < 68 || info.ni_mtu > VIRTIF_MTU_MAX) {
		/* RFC 791: every IPv4 link carries 68 bytes. */
		printf("virtif: %s: back end reports MTU %u\n", spec,
		    (unsigned)info.ni_mtu);
		error = -EINVAL;
		goto out_close;
	}
	sc->sc_rxbuflen = ETHER_HDR_LEN + info.ni_mtu;
	sc->sc_rxbuf = kmem_alloc(sc->sc_rxbuflen, KM_SLEEP);
	if (sc->sc_rxbuf == NULL) {
		error = -ENOMEM;
		goto out_close;
	}

	strlcpy(sc->sc_if.if_name, ifname, sizeof(sc->sc_if.if_name));
	memcpy(sc->sc_if.if_hwaddr, info.ni_mac, 6);
	sc->sc_if.if_mtu = info.ni_mtu;
	sc->sc_if.if_flags = IFF_UP;
	sc->sc_if.if_transmit = virtif_transmit;
	sc->sc_if.if_softc = sc;
	/* Input runs on our receive thread (virtif_rxthread): it holds no
	 * lock and is never inside a send. */
	sc->sc_if.if_capflags = IFCAP_INPUT_DIRECT;
	/* Partial checksums out only where the back end finishes them. */
	if (info.ni_flags & RUMPCOMP_NETIF_TXCSUM)
		sc->sc_if.if_capflags |= IFCAP_CSUM;
	error = ether_ifattach(&sc->sc_if);
	if (error != 0)
		goto out_free_rxbuf;
	error = kthread_create(virtif_rxthread, sc, "virtif", true,
	    &sc->sc_rxlwp);
	if (error != 0)
		goto out_detach;

	mutex_enter(&virtif_lock);
	sc->sc_next = virtif_live;
	virtif_live = sc;
	mutex_exit(&virtif_lock);
	return 0;

out_detach:
	(void)if_detach(&sc->sc_if);
out_free_rxbuf:
	kmem_free(sc->sc_rxbuf, sc->sc_rxbuflen);
out_close:
	rumpcomp_netif_close(sc->sc_handle);
	rumpcomp_netif_free(sc->sc_handle);
out_put:
	virtif_put(sc);
	return error;
}

static int
virtif_destroy(const char *ifname)
{
	struct virtif_softc *sc, **pp;

	mutex_enter(&virtif_lock);
	for (pp = &virtif_live; (sc = *pp) != NULL; pp = &sc->sc_next)
		if (strcmp(sc->sc_if.if_name, ifname) == 0)
			break;
	if (sc != NULL)
		*pp = sc->sc_next;
	mutex_exit(&virtif_lock);
	if (sc == NULL)
		return -ENXIO;

	/* No new sends; wait for those inside the back end. */
	mutex_enter(&sc->sc_lock);
	__atomic_store_n(&sc->sc_dying, true, __ATOMIC_RELAXED);
	mutex_exit(&sc->sc_lock);
	(void)if_detach(&sc->sc_if);
	mutex_enter(&sc->sc_lock);
	while (sc->sc_busy > 0)
		cv_wait(&sc->sc_cv, &sc->sc_lock);
	mutex_exit(&sc->sc_lock);

	/* Close makes the receive thread's recv return ECANCELED. */
	rumpcomp_netif_close(sc->sc_handle);
	(void)kthread_join(sc->sc_rxlwp);
	rumpcomp_netif_free(sc->sc_handle);
	kmem_free(sc->sc_rxbuf, sc->sc_rxbuflen);
	virtif_put(sc);
	return 0;
}

static int
virtif_init(void)
{
	mutex_init(&virtif_lock, MUTEX_DEFAULT);
	if_create_hook = virtif_create;
	if_destroy_hook = virtif_destroy;
	return 0;
}

RUMP_COMPONENT(rumpnet_virtif, RUMP_LEVEL_NET, virtif_init);
