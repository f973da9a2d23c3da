/*
 * if_ether.c -- Ethernet interfaces: frames out (next hops resolved
 * through ARP) and in (IPv4 to the network thread, or straight to
 * ip_input on a driver's own receive thread, ARP to arp.c).
 * Frames not addressed to us, multicast and unknown types are counted
 * and dropped.
 */
#include "inet_int.h"

const uint8_t etherbroadcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

int
ether_send(struct ifnet *ifp, struct pkt *p, const uint8_t *dst, uint16_t type)
{
	struct ether_hdr eh;
	int error;

	error = pkt_prepend(&p, sizeof(eh));
	if (error != 0)
		return error;
	memcpy(eh.eh_dst, dst, 6);
	memcpy(eh.eh_src, ifp->if_hwaddr, 6);
	eh.eh_type = htons(type);
	(void)pkt_copyback(p, 0, sizeof(eh), &eh);
	return ifp->if_transmit(ifp, p);
}

static int
ether_output(struct ifnet *ifp, struct pkt *p, uint32_t nexthop)
{
	uint8_t hw[6];
	int error;

	/* Broadcasts need no resolution. */
	if (nexthop == INADDR_BROADCAST ||
	    (ifp->if_mask != INADDR_BROADCAST &&
	     nexthop == (ifp->if_addr | ~ifp->if_mask)))
		return ether_send(ifp, p, etherbroadcast, ETHERTYPE_IP);
	error = arp_resolve(ifp, nexthop, p, hw);
	if (error == -EWOULDBLOCK)
		return 0;  /* held; sent when the reply comes */
	if (error != 0)
		return error;
	return ether_send(ifp, p, hw, ETHERTYPE_IP);
}

int
ether_ifattach(struct ifnet *ifp)
{
	ifp->if_flags |= IFF_BROADCAST;
	if (ifp->if_mtu == 0)
		ifp->if_mtu = 1500;
	ifp->if_output = ether_output;
	return if_attach(ifp);
}

void
ether_input(struct ifnet *ifp, struct pkt *p)
{
	struct ether_hdr eh;

	if (pkt_copydata(p, 0, sizeof(eh), &eh) != 0) {
		inet_stats.eth_tooshort++;
		goto drop;
	}
	if (memcmp(eh.eh_dst, etherbroadcast, 6) == 0)
		p->pk_flags |= PKF_BCAST;
	else if (memcmp(eh.eh_dst, ifp->if_hwaddr, 6) != 0) {
		inet_stats.eth_notforus++;  /* incl. multicast, for now */
		goto drop;
	}
	pkt_adj(p, sizeof(eh));
	p->pk_rcvif = ifp;
	switch (ntohs(eh.eh_type)) {
	case ETHERTYPE_IP:
		/* A link broadcast is not an IP broadcast by itself. */
		p->pk_flags &= ~PKF_BCAST;
		/* net-perf: a driver's own receive thread may run the input
		 * itself (IFCAP_INPUT_DIRECT); others queue it. */
		if (ifp->if_capflags & IFCAP_INPUT_DIRECT)
			ip_input(p);
		else
			netisr_enqueue(p);
		return;
	case ETHERTYPE_ARP:
		arp_input(ifp, p);
		return;
	default:
		inet_stats.eth_badtype++;
		break;
	}
drop:
	pkt_free(p);
}
