/*
 * arp.c -- ARP (RFC 826) for IPv4 over Ethernet: a bounded cache of
 * resolved and pending entries, requests retried while packets wait,
 * replies to requests for our addresses, and gratuitous ARP.
 *
 * A resolved entry older than ARP_REACHABLE is asked for again when it
 * is next used, and a full table reuses its oldest entry.  A pending
 * entry holds the packets waiting for it in order, at most ARP_MAXHOLD
 * (RFC 1122 2.3.2.2 asks for at least one; a burst -- the fragments of
 * a datagram, the segments of a TCP window -- needs more, or all but
 * the last are lost and the sender waits for its retransmission
 * timer); beyond that the oldest is dropped.  A timer (arp_callout)
 * repeats the request every ARP_RETRY; after ARP_MAXTRIES requests
 * without an answer the entry fails: its packets are freed and their
 * senders hear EHOSTUNREACH as if an ICMP host-unreachable had come
 * back (Linux: 3 requests 1 s apart, then ICMP_HOST_UNREACH).
 */
#include "inet_int.h"

#define ARP_MAX 256
#define ARP_REACHABLE (300LL * 1000000000)  /* 5 minutes */
#define ARP_RETRY (1000000000LL)            /* 1 second */
#define ARP_MAXHOLD 16      /* packets held per pending entry */
#define ARP_MAXTRIES 3      /* requests before giving up */
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
	int ae_tries;             /* pending: requests sent */
	struct pkt *ae_hold;      /* pending: waiting packets, oldest first */
	struct pkt **ae_holdtail; /* (linked by pk_nextpkt) */
	int ae_nhold;
};

static kmutex_t arp_lock;
static struct arp_entry arp_table[ARP_MAX];
static struct callout arp_callout;
static bool arp_callout_armed;   /* arp_lock */
static int64_t arp_callout_when; /* when armed: its deadline */

static void arp_timeout(void *arg);

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

/* Empty ae (arp_lock held): its held packets are chained onto *qp for
 * the caller to free or report once unlocked; their number returned. */
static int
arp_clear(struct arp_entry *ae, struct pkt **qp)
{
	int n = ae->ae_nhold;

	if (ae->ae_hold != NULL) {
		*ae->ae_holdtail = *qp;
		*qp = ae->ae_hold;
	}
	memset(ae, 0, sizeof(*ae));
	return n;
}

/* A free entry, or the oldest one emptied (arp_lock held); its held
 * packets, if any, are chained onto *dropp for freeing unlocked. */
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
	inet_stats.arp_dropped += (uint64_t)arp_clear(old, dropp);
	return old;
}

/* Run the retry timer in ns at the latest (arp_lock held). */
static void
arp_callout_arm(int64_t ns)
{
	int64_t when = nanouptime_ns() + ns;

	if (!arp_callout_armed || when < arp_callout_when) {
		arp_callout_armed = true;
		arp_callout_when = when;
		callout_reset(&arp_callout, ns, arp_timeout, NULL);
	}
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
	}
	if (ae->ae_resolved)
		ae->ae_resolved = false;  /* stale: ask again, hold packets */
	if (ae->ae_hold == NULL) {
		/* Newly pending: ask now; the timer repeats it. */
		ae->ae_holdtail = &ae->ae_hold;
		ae->ae_time = now;
		ae->ae_tries = 1;
		ask = true;
		arp_callout_arm(ARP_RETRY);
	}
	p->pk_nextpkt = NULL;
	*ae->ae_holdtail = p;
	ae->ae_holdtail = &p->pk_nextpkt;
	if (++ae->ae_nhold > ARP_MAXHOLD) {
		struct pkt *old = ae->ae_hold;

		ae->ae_hold = old->pk_nextpkt;
		ae->ae_nhold--;
		old->pk_nextpkt = drop;
		drop = old;
		inet_stats.arp_dropped++;
	}
	mutex_exit(&arp_lock);
	pkt_freeq(drop);
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
		ae->ae_nhold = 0;
		ae->ae_tries = 0;
	}
	mutex_exit(&arp_lock);
	pkt_freeq(drop);
	/* The waiting packets leave in the order they were sent. */
	while (held != NULL) {
		struct pkt *next = held->pk_nextpkt;

		held->pk_nextpkt = NULL;
		(void)ether_send(ifp, held, ap.ar_sha, ETHERTYPE_IP);
		held = next;
	}
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

/*
 * The retry timer: repeat the requests of pending entries whose last
 * one is ARP_RETRY old, and fail those asked ARP_MAXTRIES times.
 * Requests and failure reports are made with arp_lock released (they
 * reach drivers and sockets, whose locks come before it).
 */
#define ARP_ASKMAX 32   /* requests sent per run; the rest wait a run */

static void
arp_timeout(void *arg)
{
	struct {
		struct ifnet *ifp;
		uint32_t ip;
	} ask[ARP_ASKMAX];
	struct pkt *failed = NULL;
	int64_t now = nanouptime_ns(), due = 0;
	int nask = 0;

	(void)arg;
	mutex_enter(&arp_lock);
	arp_callout_armed = false;
	for (int i = 0; i < ARP_MAX; i++) {
		struct arp_entry *ae = &arp_table[i];

		if (ae->ae_ifp == NULL || ae->ae_resolved || ae->ae_hold == NULL)
			continue;
		/* Due (a millisecond early is close enough)? */
		if (now - ae->ae_time >= ARP_RETRY - 1000000) {
			if (ae->ae_tries >= ARP_MAXTRIES) {
				inet_stats.arp_unresolved +=
				    (uint64_t)arp_clear(ae, &failed);
				continue;
			}
			if (nask < ARP_ASKMAX) {
				ae->ae_tries++;
				ae->ae_time = now;
				ask[nask].ifp = ae->ae_ifp;
				ask[nask].ip = ae->ae_ip;
				nask++;
			}
		}
		if (due == 0 || ae->ae_time + ARP_RETRY < due)
			due = ae->ae_time + ARP_RETRY;
	}
	if (due != 0)
		arp_callout_arm(due > now + 1000000 ? due - now : 1000000);
	mutex_exit(&arp_lock);
	for (int i = 0; i < nask; i++)
		if (ask[i].ifp->if_flags & IFF_UP)
			(void)arp_send(ask[i].ifp, ARPOP_REQUEST, zero_hw,
			    ask[i].ip, etherbroadcast);
	while (failed != NULL) {
		struct pkt *next = failed->pk_nextpkt;

		failed->pk_nextpkt = NULL;
		icmp_unreach_local(failed, ICMP_UNREACH_HOST);
		failed = next;
	}
}

void
arp_init(void)
{
	mutex_init(&arp_lock, MUTEX_DEFAULT);
	callout_init(&arp_callout);
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
		/* Freed unlocked: chained through pk_nextpkt. */
		(void)arp_clear(ae, &held);
	}
	mutex_exit(&arp_lock);
	pkt_freeq(held);
}
