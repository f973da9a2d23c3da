/*
 * arp.c -- ARP (RFC 826) for IPv4 over Ethernet: a bounded cache of
 * resolved and pending entries, requests retried while packets wait,
 * replies to requests for our addresses, and gratuitous ARP.
 *
 * Timeouts are checked as entries are used, not by a timer: a resolved
 * entry older than ARP_REACHABLE is asked for again, a pending one is
 * re-requested at most once per ARP_RETRY, and a full table reuses its
 * oldest entry.  A pending entry holds the newest packet only (RFC 1122
 * 2.3.2.2 asks for at least one).
 */
#include "inet_int.h"

#define ARP_MAX 256
#define ARP_REACHABLE (300LL * 1000000000)  /* 5 minutes */
#define ARP_RETRY (1000000000LL)            /* 1 second */
#define ARPOP_REQUEST 1
#define ARPOP_REPLY 2

/* The Ethernet/IPv4 ARP packet (RFC 826). */
struct arp_pkt {
	uint16_t ar_hrd;      /* 1: Ethernet */
	uint16_t ar_pro;      /* ETHERTYPE_IP */
	uint8_t ar_hln;       /* 6 */
	uint8_t ar_pln;       /* 4 */
	uint16_t ar_op;
	uint8_t ar_sha[6];
	uint32_t ar_spa;
	uint8_t ar_tha[6];
	uint32_t ar_tpa;
} __attribute__((__packed__));

struct arp_entry {
	struct ifnet *ae_ifp;     /* NULL: free */
	uint32_t ae_ip;
	uint8_t ae_hw[6];
	bool ae_resolved;
	int64_t ae_time;          /* resolved: when; pending: last request */
	struct pkt *ae_hold;
};

static kmutex_t arp_lock;
static struct arp_entry arp_table[ARP_MAX];

static int
arp_send(struct ifnet *ifp, int op, const uint8_t *tha, uint32_t tpa,
    const uint8_t *dst)
{
	struct arp_pkt ap;
	struct pkt *p;

	p = pkt_alloc(sizeof(ap), PKT_HEADROOM);
	if (p == NULL)
		return -ENOBUFS;
	ap.ar_hrd = htons(1);
	ap.ar_pro = htons(ETHERTYPE_IP);
	ap.ar_hln = 6;
	ap.ar_pln = 4;
	ap.ar_op = htons((uint16_t)op);
	memcpy(ap.ar_sha, ifp->if_hwaddr, 6);
	ap.ar_spa = ifp->if_addr;
	memcpy(ap.ar_tha, tha, 6);
	ap.ar_tpa = tpa;
	(void)pkt_copyback(p, 0, sizeof(ap), &ap);
	inet_stats.arp_out++;
	return ether_send(ifp, p, dst, ETHERTYPE_ARP);
}

static const uint8_t zero_hw[6];

/* The entry for (ifp, ip), or NULL (arp_lock held). */
static struct arp_entry *
arp_find(struct ifnet *ifp, uint32_t ip)
{
	for (int i = 0; i < ARP_MAX; i++)
		if (arp_table[i].ae_ifp == ifp && arp_table[i].ae_ip == ip)
			return &arp_table[i];
	return NULL;
}

/* A free entry, or the oldest one emptied (arp_lock held); its held
 * packet, if any, is returned through *dropp for freeing unlocked. */
static struct arp_entry *
arp_alloc(struct pkt **dropp)
{
	struct arp_entry *old = &arp_table[0];

	for (int i = 0; i < ARP_MAX; i++) {
		if (arp_table[i].ae_ifp == NULL)
			return &arp_table[i];
		if (arp_table[i].ae_time < old->ae_time)
			old = &arp_table[i];
	}
	*dropp = old->ae_hold;
	memset(old, 0, sizeof(*old));
	return old;
}

int
arp_resolve(struct ifnet *ifp, uint32_t nexthop, struct pkt *p, uint8_t *hw)
{
	struct arp_entry *ae;
	struct pkt *drop = NULL;
	int64_t now = nanouptime_ns();
	bool ask = false;

	mutex_enter(&arp_lock);
	ae = arp_find(ifp, nexthop);
	if (ae != NULL && ae->ae_resolved && now - ae->ae_time < ARP_REACHABLE) {
		memcpy(hw, ae->ae_hw, 6);
		mutex_exit(&arp_lock);
		return 0;
	}
	if (ae == NULL) {
		ae = arp_alloc(&drop);
		ae->ae_ifp = ifp;
		ae->ae_ip = nexthop;
		ae->ae_time = now - ARP_RETRY;
	}
	if (ae->ae_resolved) {
		/* Stale: ask again, keep the packet until the answer. */
		ae->ae_resolved = false;
		ae->ae_time = now - ARP_RETRY;
	}
	if (ae->ae_hold != NULL) {
		/* Only the newest waits (an old entry: drop was NULL). */
		inet_stats.arp_dropped++;
		drop = ae->ae_hold;
	}
	ae->ae_hold = p;
	if (now - ae->ae_time >= ARP_RETRY) {
		ae->ae_time = now;
		ask = true;
	}
	mutex_exit(&arp_lock);
	pkt_free(drop);
	if (ask)
		(void)arp_send(ifp, ARPOP_REQUEST, zero_hw, nexthop,
		    etherbroadcast);
	return -EWOULDBLOCK;
}

void
arp_input(struct ifnet *ifp, struct pkt *p)
{
	struct arp_entry *ae;
	struct arp_pkt ap;
	struct pkt *held = NULL, *drop = NULL;
	bool forme;

	inet_stats.arp_in++;
	if (pkt_copydata(p, 0, sizeof(ap), &ap) != 0 ||
	    ntohs(ap.ar_hrd) != 1 || ntohs(ap.ar_pro) != ETHERTYPE_IP ||
	    ap.ar_hln != 6 || ap.ar_pln != 4 ||
	    (ntohs(ap.ar_op) != ARPOP_REQUEST && ntohs(ap.ar_op) != ARPOP_REPLY) ||
	    (ap.ar_sha[0] & 1) != 0) {  /* a multicast sender is bogus */
		inet_stats.arp_bad++;
		goto out;
	}
	pkt_free(p);
	p = NULL;
	forme = ifp->if_addr != 0 && ap.ar_tpa == ifp->if_addr;
	if (ap.ar_spa == 0 || (ifp->if_addr != 0 && ap.ar_spa == ifp->if_addr))
		goto reply;  /* probes, or someone else claiming our address */
	/* RFC 826 "merge": update an entry we have; add one only when the
	 * packet is meant for us. */
	mutex_enter(&arp_lock);
	ae = arp_find(ifp, ap.ar_spa);
	if (ae == NULL && forme) {
		ae = arp_alloc(&drop);
		ae->ae_ifp = ifp;
		ae->ae_ip = ap.ar_spa;
	}
	if (ae != NULL) {
		memcpy(ae->ae_hw, ap.ar_sha, 6);
		ae->ae_resolved = true;
		ae->ae_time = nanouptime_ns();
		held = ae->ae_hold;
		ae->ae_hold = NULL;
	}
	mutex_exit(&arp_lock);
	pkt_free(drop);
	if (held != NULL)
		(void)ether_send(ifp, held, ap.ar_sha, ETHERTYPE_IP);
reply:
	if (forme && ntohs(ap.ar_op) == ARPOP_REQUEST && ap.ar_spa != ifp->if_addr)
		(void)arp_send(ifp, ARPOP_REPLY, ap.ar_sha, ap.ar_spa, ap.ar_sha);
out:
	pkt_free(p);
}

void
arp_announce(struct ifnet *ifp)
{
	/* Gratuitous ARP: a request for our own address, so neighbours
	 * update their caches (RFC 5227 calls it an announcement). */
	if (ifp->if_transmit != NULL && ifp->if_addr != 0)
		(void)arp_send(ifp, ARPOP_REQUEST, zero_hw, ifp->if_addr,
		    etherbroadcast);
}

void
arp_init(void)
{
	mutex_init(&arp_lock, MUTEX_DEFAULT);
}

/* --- interface drivers (netif-hosted) --- */
void
arp_ifdetach(struct ifnet *ifp)
{
	struct pkt *held = NULL;

	mutex_enter(&arp_lock);
	for (int i = 0; i < ARP_MAX; i++) {
		struct arp_entry *ae = &arp_table[i];

		if (ae->ae_ifp != ifp)
			continue;
		/* Freed unlocked: chain them through pk_nextpkt. */
		if (ae->ae_hold != NULL) {
			ae->ae_hold->pk_nextpkt = held;
			held = ae->ae_hold;
		}
		memset(ae, 0, sizeof(*ae));
	}
	mutex_exit(&arp_lock);
	pkt_freeq(held);
}
