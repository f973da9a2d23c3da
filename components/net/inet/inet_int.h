/*
 * inet_int.h -- interfaces between the files of the IPv4 stack
 * (components/net/inet) only: wire formats, interfaces, routes and the
 * protocol entry points, grouped by the file that defines them.
 */
#ifndef INET_INT_H
#define INET_INT_H

#include <kern/kern.h>
#include <sys/file.h>
#include <abi/fcntl.h>
#include <abi/poll.h>
#include <abi/socket.h>
#include <net/socketvar.h>
#include <net/pkt.h>

/* Byte order: the wire is big-endian. */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define htons(x) __builtin_bswap16(x)
#define htonl(x) __builtin_bswap32(x)
#else
#define htons(x) ((uint16_t)(x))
#define htonl(x) ((uint32_t)(x))
#endif
#define ntohs(x) htons(x)
#define ntohl(x) htonl(x)

/* RFC 791 header; addresses in network order. */
struct ip_hdr {
	uint8_t ip_vhl;        /* version << 4 | header length in words */
	uint8_t ip_tos;
	uint16_t ip_len;       /* total length */
	uint16_t ip_id;
	uint16_t ip_off;       /* flags and fragment offset (8-byte units) */
	uint8_t ip_ttl;
	uint8_t ip_p;
	uint16_t ip_sum;
	uint32_t ip_src;
	uint32_t ip_dst;
} __attribute__((__packed__));
#define IP_DF 0x4000
#define IP_MF 0x2000
#define IP_OFFMASK 0x1fff
#define IP_DEFTTL 64
#define IP_MAXPACKET 65535

/* RFC 792 header (the first 8 bytes of every message). */
struct icmp_hdr {
	uint8_t icmp_type;
	uint8_t icmp_code;
	uint16_t icmp_cksum;
	uint16_t icmp_id;      /* echo; unused for errors */
	uint16_t icmp_seq;
} __attribute__((__packed__));
#define ICMP_ECHOREPLY 0
#define ICMP_UNREACH 3
#define ICMP_UNREACH_NET 0
#define ICMP_UNREACH_HOST 1
#define ICMP_UNREACH_PROTOCOL 2
#define ICMP_UNREACH_PORT 3
#define ICMP_ECHO 8
#define ICMP_TIMXCEED 11

/* RFC 768 header. */
struct udp_hdr {
	uint16_t uh_sport;
	uint16_t uh_dport;
	uint16_t uh_ulen;
	uint16_t uh_sum;
} __attribute__((__packed__));

/* Counters of what the stack dropped and why (never silently). */
struct inet_stats {
	uint64_t ips_total, ips_badsum, ips_tooshort, ips_badhlen,
	    ips_badlen, ips_badvers, ips_fragdropped, ips_notforus,
	    ips_noproto, ips_delivered, ips_out, ips_noroute, ips_toobig;
	uint64_t icps_badsum, icps_tooshort, icps_echo, icps_error_out;
	uint64_t eth_tooshort, eth_notforus, eth_badtype, arp_bad, arp_in,
	    arp_out, arp_dropped;
	uint64_t udps_badsum, udps_tooshort, udps_badlen, udps_noport,
	    udps_fullsock, udps_delivered;
	/* net-config: fragments in (ip_reass.c) and out (ip_output.c) */
	uint64_t ips_fragments, ips_reassembled, ips_fragtimeout,
	    ips_fragoverlap, ips_fragdup, ips_fragbad, ips_fragmented,
	    ips_ofragments;
	/* net-icmp: ARP hold queues (arp.c), ICMP sockets (icmp_*.c) */
	uint64_t arp_unresolved, icps_sockfull, icps_ping_delivered,
	    icps_raw_delivered;
};
extern struct inet_stats inet_stats;

/* if.c: interfaces. */
#define IFNAMSIZ 16
#define IFF_UP 0x1
#define IFF_BROADCAST 0x2
#define IFF_LOOPBACK 0x8
struct ifnet {
	char if_name[IFNAMSIZ];
	int if_index;
	int if_flags;
	unsigned if_mtu;
	unsigned if_maxmtu;    /* what the link carries (SIOCSIFMTU's limit);
				* 0 at if_attach: if_mtu */
	uint32_t if_addr;      /* IPv4 address, network order; 0: none */
	uint32_t if_mask;      /* its netmask, network order */
	/* if_output: send an IP packet to next hop nexthop (network
	 * order); takes the packet (frees it on failure too). */
	int (*if_output)(struct ifnet *ifp, struct pkt *p, uint32_t nexthop);
	/* Ethernet interfaces: the link address, and the driver's
	 * if_transmit sending one whole frame (takes the packet). */
	uint8_t if_hwaddr[6];
	int (*if_transmit)(struct ifnet *ifp, struct pkt *p);
	void *if_softc;
	struct ifnet *if_next;
	int if_capflags;       /* IFCAP_* (net-perf): what the driver offers */
};
/* The driver takes PKF_CSUM_PARTIAL packets and may mark input
 * PKF_CSUM_OK (net/pkt.h). */
#define IFCAP_CSUM 0x1
/* The driver calls ether_input only from a receive thread of its own
 * that holds no lock (never inside a send): IPv4 input runs right
 * there instead of on the network thread, one thread switch less per
 * packet (netisr.c). */
#define IFCAP_INPUT_DIRECT 0x2
int if_attach(struct ifnet *ifp);
struct ifnet *if_find(const char *name);
/* if_foreach: call fn on each interface under the interface lock. */
void if_foreach(void (*fn)(struct ifnet *ifp, void *arg), void *arg);
/* in_islocal: addr (network order) is one of our addresses or a
 * broadcast address of one of our networks. */
bool in_islocal(uint32_t addr, bool *bcastp);
/* in_ifaddr_for: the interface whose address is addr, or NULL. */
struct ifnet *in_ifaddr_for(uint32_t addr);
extern kmutex_t if_lock;

/* in_sockaddr.c: struct sockaddr_in in and out of the protocols. */
/* in_sockaddr_check: copy a caller's address of len bytes into *sin:
 * -EINVAL if too short, -EAFNOSUPPORT if not AF_INET. */
int in_sockaddr_check(const struct sockaddr *sa, socklen_t len,
    struct sockaddr_in *sin);
/* in_sockaddr_bind: in_sockaddr_check for a bind: the address must be
 * 0 or ours, a broadcast address of ours only if bcast_ok; else
 * -EADDRNOTAVAIL. */
int in_sockaddr_bind(const struct sockaddr *sa, socklen_t len,
    bool bcast_ok, struct sockaddr_in *sin);
/* in_sockaddr_fill: address a, port p (network order) into ss, *lenp. */
void in_sockaddr_fill(struct sockaddr_storage *ss, socklen_t *lenp,
    uint32_t a, uint16_t p);

/* inet_api.c */
/* if_setaddr: as rump_net_if_setaddr, inside the kernel (-errno). */
int if_setaddr(const char *ifname, uint32_t addr, int prefixlen);

/* if_ether.c: Ethernet (IEEE 802.3 / RFC 894 framing). */
#define ETHER_HDR_LEN 14
#define ETHERTYPE_IP 0x0800
#define ETHERTYPE_ARP 0x0806
struct ether_hdr {
	uint8_t eh_dst[6];
	uint8_t eh_src[6];
	uint16_t eh_type;
} __attribute__((__packed__));
/* ether_ifattach: set up ifp (name, hwaddr, if_transmit filled in by
 * the driver) as an Ethernet interface, MTU 1500, and attach it. */
int ether_ifattach(struct ifnet *ifp);
/* ether_input: a frame received on ifp (drivers call this from their
 * receive context); takes p. */
void ether_input(struct ifnet *ifp, struct pkt *p);
/* ether_send: prepend an Ethernet header to dst and transmit. */
int ether_send(struct ifnet *ifp, struct pkt *p, const uint8_t *dst,
    uint16_t type);
extern const uint8_t etherbroadcast[6];

/* arp.c: ARP (RFC 826) with a bounded cache. */
/* arp_resolve: the link address of nexthop on ifp into hw (0), or
 * -EWOULDBLOCK with p held until the reply comes (p taken either way
 * when it is not 0). */
int arp_resolve(struct ifnet *ifp, uint32_t nexthop, struct pkt *p,
    uint8_t *hw);
void arp_input(struct ifnet *ifp, struct pkt *p);
/* arp_announce: gratuitous ARP for ifp's address (after a change). */
void arp_announce(struct ifnet *ifp);
void arp_init(void);

/* if_loop.c */
int loop_attach(void);

/* netisr.c: received packets are processed on one kernel thread. */
int netisr_init(void);
/* netisr_enqueue: queue an IP packet received on p->pk_rcvif; takes p. */
void netisr_enqueue(struct pkt *p);

/* route.c: the IPv4 routing table, longest prefix first. */
/* route_add: dst/prefixlen via gw (0: directly on ifp). */
int route_add(uint32_t dst, int prefixlen, uint32_t gw, struct ifnet *ifp);
int route_del(uint32_t dst, int prefixlen);
/* route_lookup: the interface and next hop for dst; -ENETUNREACH. */
int route_lookup(uint32_t dst, struct ifnet **ifpp, uint32_t *nexthopp);
void route_init(void);

/* ip_input.c / ip_output.c */
void ip_input(struct pkt *p);
/*
 * ip_output: prepend an IPv4 header (src 0: the outgoing interface's
 * address) and send p (the transport header and payload); takes p.
 */
int ip_output(struct pkt *p, uint32_t src, uint32_t dst, int proto, int ttl);
/* in_pseudo: the partial checksum of the pseudo header (RFC 768). */
uint32_t in_pseudo(uint32_t src, uint32_t dst, int proto, uint16_t len);

/* icmp.c */
/* icmp_input: p starts at the IP header, hlen its length; takes p. */
void icmp_input(struct pkt *p, size_t hlen);
/* icmp_error: answer the IP packet p (at its IP header) with an ICMP
 * error; takes p. */
void icmp_error(struct pkt *p, int type, int code);

/* udp.c */
void udp_input(struct pkt *p, size_t hlen);
/* udp_ctlinput: an ICMP error (as a positive errno) about a datagram
 * we sent from src:sport to dst:dport. */
void udp_ctlinput(int error, uint32_t src, uint16_t sport, uint32_t dst,
    uint16_t dport);
void udp_init(void);
extern const struct protosw udp_protosw;

/* --- interface drivers (netif-hosted: components/net/virtif) --- */
/*
 * if_detach: take ifp off the interface list, clear its address and
 * IFF_UP, and drop the routes and ARP entries that name it
 * (route_ifdetach, arp_ifdetach).  The driver keeps ifp's memory
 * valid afterwards: packets already queued may still point at it.
 * -ENXIO if ifp is not attached.
 */
int if_detach(struct ifnet *ifp);
/* route.c: remove every route through ifp. */
void route_ifdetach(struct ifnet *ifp);
/* arp.c: forget ifp's entries and free the packets they hold. */
void arp_ifdetach(struct ifnet *ifp);
/*
 * inet_api.c: rump_net_if_create/destroy call these when an interface
 * driver component has set them at its init (NULL: no driver, ENOTSUP).
 * Called holding a CPU; return 0 or -errno.
 */
extern int (*if_create_hook)(const char *ifname, const char *spec);
extern int (*if_destroy_hook)(const char *ifname);
/* if_stop_hook: what runs on an interface stops before rump_net_if_destroy
 * removes it (the DHCP client, when rumpnet_dhcp is linked); NULL:
 * nothing to stop. */
extern void (*if_stop_hook)(const char *ifname);

/* --- net-config: reassembly, interface ioctls, the DHCP input hook --- */
/* ip_reass.c: reassembly of fragmented datagrams (RFC 791, RFC 5722). */
/*
 * ip_reass: p is a fragment (its IP header of hlen bytes checked);
 * takes it.  Returns the whole datagram (IP header with ip_off 0 and
 * ip_len the total) when p completed one, else NULL.
 */
struct pkt *ip_reass(struct pkt *p, size_t hlen);
void ip_reass_init(void);
/* How long a datagram may wait for its fragments (30 s; tests shorten
 * it), and how many are being reassembled now. */
extern int64_t ip_reass_timeout_ns;
int ip_reass_queues(void);

/* ip_input.c */
/*
 * ip_bootpc_input: when set (the DHCP client), offered every UDP
 * datagram that is not a fragment before the address check, since
 * DHCP replies reach interfaces that have no address yet; returns true
 * when it took p (at its IP header, hlen bytes of it).
 */
extern bool (*ip_bootpc_input)(struct pkt *p, size_t hlen);

/* if_ioctl.c: the SIOC* interface requests on sockets. */
void if_ioctl_init(void);
/* if_deladdr: take ifp's IPv4 address and its network route away. */
void if_deladdr(struct ifnet *ifp);
/* in_mask_prefixlen: the prefix length of netmask (network order), or
 * -1 when its ones are not contiguous. */
int in_mask_prefixlen(uint32_t mask);

/* --- net-icmp: ICMP sockets (icmp_*.c, internals in icmp_var.h) --- */
/*
 * icmp_unreach_local: a packet we sent (p, at its IP header) cannot
 * be delivered (ARP gave up): tell the socket that sent it as if an
 * ICMP destination-unreachable with code had come back; takes p.
 */
void icmp_unreach_local(struct pkt *p, int code);
void icmp_sock_init(void);
/* Ping sockets (SOCK_DGRAM, IPPROTO_ICMP); raw ICMP sockets (SOCK_RAW,
 * IPPROTO_ICMP), preceded by raw_noproto_protosw so that SOCK_RAW with
 * protocol 0 is EPROTONOSUPPORT, as Linux. */
extern const struct protosw ping_protosw;
extern const struct protosw raw_noproto_protosw;
extern const struct protosw raw_icmp_protosw;

/* tcp: tcp_*.c (internals in tcp_var.h) */
void tcp_input(struct pkt *p, size_t hlen);
/* tcp_ctlinput: an ICMP error about a segment we sent from src:sport
 * to dst:dport with sequence number seq (host order). */
void tcp_ctlinput(int error, uint32_t src, uint16_t sport, uint32_t dst,
    uint16_t dport, uint32_t seq);
void tcp_init(void);
extern const struct protosw tcp_protosw;

#endif /* INET_INT_H */
