/*
 * dhcp_int.h -- interfaces between the files of the DHCP client
 * (components/net/dhcp) only, grouped by the file that defines them.
 */
#ifndef DHCP_INT_H
#define DHCP_INT_H

#include "../inet/inet_int.h"

#define DHCP_SERVER_PORT 67
#define DHCP_CLIENT_PORT 68

/* RFC 2131 section 2: the fixed part of every message (236 bytes),
 * then the magic cookie of RFC 2132 section 2 before the options. */
struct dhcp_hdr {
	uint8_t dh_op;            /* 1: request, 2: reply */
	uint8_t dh_htype;         /* 1: Ethernet */
	uint8_t dh_hlen;
	uint8_t dh_hops;
	uint32_t dh_xid;
	uint16_t dh_secs;
	uint16_t dh_flags;
	uint32_t dh_ciaddr;
	uint32_t dh_yiaddr;
	uint32_t dh_siaddr;
	uint32_t dh_giaddr;
	uint8_t dh_chaddr[16];
	uint8_t dh_sname[64];
	uint8_t dh_file[128];
	uint8_t dh_cookie[4];
} __attribute__((__packed__));
#define DHCP_BOOTREQUEST 1
#define DHCP_BOOTREPLY 2
#define DHCP_FLAG_BROADCAST 0x8000
/* Options room: a message up to an Ethernet MTU (RFC 2131 section 2
 * asks clients to take at least 576 bytes). */
#define DHCP_MSG_MAX (1500 - 20 - 8)
/* What we send at least: the fixed part and a 312-byte options field. */
#define DHCP_MSG_MIN (236 + 312)

/* Message types (option 53, RFC 2132 section 9.6). */
#define DHCPDISCOVER 1
#define DHCPOFFER 2
#define DHCPREQUEST 3
#define DHCPDECLINE 4
#define DHCPACK 5
#define DHCPNAK 6
#define DHCPRELEASE 7

#define DHCP_MAXDNS 3             /* musl reads three nameservers */
#define DHCP_DOMAIN_MAX 256

/* What a reply said (the options this client uses). */
struct dhcp_lease {
	int dl_type;              /* DHCPOFFER, DHCPACK, DHCPNAK */
	uint32_t dl_xid;          /* network order, as sent */
	uint8_t dl_chaddr[6];
	uint32_t dl_yiaddr;       /* all addresses network order */
	uint32_t dl_server;       /* option 54; 0: none */
	uint32_t dl_mask;         /* option 1; 0: none */
	uint32_t dl_router;       /* option 3 (the first); 0: none */
	uint32_t dl_dns[DHCP_MAXDNS];
	int dl_ndns;
	char dl_domain[DHCP_DOMAIN_MAX]; /* option 15; "": none */
	uint32_t dl_lease;        /* seconds; 0xffffffff: infinite */
	uint32_t dl_t1, dl_t2;    /* seconds; 0: not given */
};

/* dhcp_msg.c: building and parsing messages. */
struct dhcp_req {
	int dr_type;              /* DHCPDISCOVER, DHCPREQUEST */
	uint32_t dr_xid;          /* network order */
	uint16_t dr_secs;
	bool dr_broadcast;        /* ask for broadcast replies */
	uint32_t dr_ciaddr;       /* renewing: our address */
	uint32_t dr_reqaddr;      /* option 50; 0: none */
	uint32_t dr_server;       /* option 54; 0: none */
	const uint8_t *dr_hwaddr; /* 6 bytes */
	const char *dr_hostname;  /* option 12; NULL or "": none */
};
/* dhcp_build: the message of r into buf (DHCP_MSG_MAX bytes); its
 * length. */
size_t dhcp_build(const struct dhcp_req *r, uint8_t *buf);
/*
 * dhcp_parse: check and read the reply of len bytes at buf into l;
 * -EINVAL when it is no well-formed DHCP reply (not a BOOTREPLY, no
 * cookie, a truncated option, no message type).
 */
int dhcp_parse(const uint8_t *buf, size_t len, struct dhcp_lease *l);

/* dhcp_io.c: moving messages. */
/*
 * dhcp_send: send the message (len bytes) from port 68 to port 67 of
 * dst out of ifp: a limited broadcast (dst INADDR_BROADCAST) leaves
 * with source src (0 before we have an address) as a link broadcast on
 * ifp whatever the routes say; anything else is routed.  0 or -errno.
 */
int dhcp_send(struct ifnet *ifp, const uint8_t *msg, size_t len,
    uint32_t src, uint32_t dst);
/* dhcp_input: the ip_bootpc_input hook (see inet_int.h). */
bool dhcp_input(struct pkt *p, size_t hlen);

/* dhcp_client.c: the per-interface state machine. */
/* dhcp_deliver: a parsed reply l that arrived on ifp; true if a client
 * runs on ifp (which then owns the decision to use it). */
bool dhcp_deliver(struct ifnet *ifp, const struct dhcp_lease *l);
void dhcp_client_init(void);
/* dhcp_if_start: rump_net_if_dhcp inside the kernel (-errno). */
int dhcp_if_start(const char *ifname, int timeout_ms);
/* dhcp_if_stop: end the client of ifname, removing what it set up;
 * -ENXIO (no interface), -ESRCH (no client). */
int dhcp_if_stop(const char *ifname);
/* dhcp_if_stop_hook: dhcp_if_stop for if_stop_hook (an interface being
 * destroyed; no client there is fine). */
void dhcp_if_stop_hook(const char *ifname);

/* resolvconf.c: the resolver's files. */
/* resolv_write: /etc/resolv.conf naming servers (text addresses) and
 * the search domain (NULL: none).  0 or -errno. */
int resolv_write(const char *const *servers, int n, const char *domain);
/* hosts_set: name maps to addr (network order) in /etc/hosts, which
 * is rewritten.  0 or -errno. */
int hosts_set(const char *name, uint32_t addr);
void resolvconf_init(void);
/* in_fmt: addr (network order) as a dotted quad into buf (16 bytes). */
void in_fmt(uint32_t addr, char *buf);

#endif /* DHCP_INT_H */
