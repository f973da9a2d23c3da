/*
 * icmp_var.h -- between the files of the ICMP sockets only: the control
 * block and the parts ping sockets (icmp_ping.c) and raw sockets
 * (icmp_raw.c) share (icmp_sock.c), and the entry points icmp.c calls.
 */
#ifndef ICMP_VAR_H
#define ICMP_VAR_H

#include "dgram_sock.h"

/* The control block of a ping or raw ICMP socket. */
struct icmp_pcb {
	struct socket *ic_so;
	struct icmp_pcb *ic_next;
	bool ic_raw;              /* SOCK_RAW; else a ping socket */
	uint32_t ic_laddr;        /* bound address, network order; 0: any */
	uint16_t ic_ident;        /* ping: echo identifier, network order
				   * (the socket's "port"); 0: unbound */
	uint32_t ic_faddr;        /* connected peer; 0: none */
	int ic_ttl;               /* IP_TTL; 0: the default */
	bool ic_hdrincl;          /* raw: IP_HDRINCL */
	uint32_t ic_icmpfilter;   /* raw: ICMP_FILTER, bit N drops type N */
	struct dgram_queue ic_rq; /* senders with port 0, as Linux's */
};

/* icmp_sock.c: one mutex guards every ICMP socket and the list. */
extern kmutex_t icmpso_lock;
extern struct icmp_pcb *icmpso_pcbs;
/* icmpso_attach: a new control block for so (raw or ping). */
int icmpso_attach(struct socket *so, bool raw);
void icmpso_detach(struct socket *so);
/* icmpso_bind: pr_bind: to an address that is ours, a broadcast of
 * ours or 0 (-EADDRNOTAVAIL otherwise), and for a ping socket to the
 * identifier in the port (0: a free one; -EINVAL when bound already,
 * -EADDRINUSE when taken). */
int icmpso_bind(struct socket *so, const struct sockaddr *sa,
    socklen_t len);
/*
 * icmpso_enqueue: queue p (what recvfrom returns) from src on ic
 * (icmpso_lock held); takes p.  False if dropped (the socket's
 * SO_RCVBUF is full, or no memory), counted in icps_sockfull.
 */
bool icmpso_enqueue(struct icmp_pcb *ic, struct pkt *p, uint32_t src);
/*
 * icmpso_send_prep: the common start of a send: the destination
 * (sm's address, else the connected peer: -EDESTADDRREQ), a pending
 * error (returned once), SO_BROADCAST (-EACCES); the source address
 * (bound, else the route's) and TTL into *srcp, *dstp, *ttlp.  With
 * autobind, binds a ping socket to an identifier first.
 */
int icmpso_send_prep(struct socket *so, struct sockmsg *sm,
    uint32_t *srcp, uint32_t *dstp, int *ttlp);
int icmpso_connect(struct socket *so, const struct sockaddr *sa,
    socklen_t len, bool nonblock);
ssize_t icmpso_recv(struct socket *so, struct sockmsg *sm, int flags);
int icmpso_sockaddr(struct socket *so, struct sockaddr_storage *ss,
    socklen_t *lenp);
int icmpso_peeraddr(struct socket *so, struct sockaddr_storage *ss,
    socklen_t *lenp);
int icmpso_poll(struct socket *so, int events, struct pollwait *pw);
int icmpso_ctloutput(struct socket *so, bool get, int level, int name,
    void *val, socklen_t *lenp);
int icmpso_nread(struct socket *so);

/* icmp_ping.c */
/* ping_autobind: give ic an unused identifier (icmpso_lock held). */
int ping_autobind(struct icmp_pcb *ic);
/* ping_bind_ident: bind ic to identifier id (network order; 0: any
 * free one) as icmpso_bind says (icmpso_lock held). */
int ping_bind_ident(struct icmp_pcb *ic, uint16_t id);
/*
 * ping_input: an echo reply (p at its IP header of hlen bytes, ic its
 * ICMP header, checksum checked) for the ping socket bound to its
 * identifier; true when it took p.
 */
bool ping_input(struct pkt *p, size_t hlen, const struct icmp_hdr *ic);
/* ping_ctlinput: an error (positive errno) about our echo request
 * from src to dst with identifier id (network order). */
void ping_ctlinput(int error, uint32_t src, uint32_t dst, uint16_t id);

/* icmp_raw.c */
/* icmp_raw_input: a copy of the ICMP message p (at its IP header) to
 * every raw ICMP socket that wants it; p stays the caller's. */
void icmp_raw_input(const struct pkt *p);

#endif /* ICMP_VAR_H */
