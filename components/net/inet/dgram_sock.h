/*
 * dgram_sock.h -- what the IPv4 datagram sockets (UDP in udp.c, ping
 * and raw ICMP in icmp_sock.c) share: the receive queue of datagrams
 * with their senders, bounded by SO_RCVBUF, with the recv, poll and
 * FIONREAD that read it, and the checks of connect, send, shutdown and
 * IP_TTL.  A socket's so_lock guards its queue and state; "locked"
 * below means the caller holds it.
 */
#ifndef DGRAM_SOCK_H
#define DGRAM_SOCK_H

#include "inet_int.h"

/* One received datagram and its sender. */
struct dgram {
	struct dgram *dg_next;
	struct sockaddr_in dg_from;
	struct pkt *dg_pkt;       /* what the reader gets */
};

struct dgram_queue {
	struct dgram *dq_head, **dq_tail;
	size_t dq_bytes;          /* counted against so_rcvbuf */
};

/* dgram_queue_init: an empty queue. */
void dgram_queue_init(struct dgram_queue *q);
/* dgram_queue_purge: free every datagram in q (the socket is going
 * away; no lock needed then). */
void dgram_queue_purge(struct dgram_queue *q);
/* dgram_room: may a datagram of len bytes join so's queue q (locked)?
 * Not once so can receive no more, nor past its SO_RCVBUF. */
bool dgram_room(const struct socket *so, const struct dgram_queue *q,
    size_t len);
/*
 * dgram_append: queue p (what recvfrom returns) from the sender from at
 * the tail of so's queue q (locked) and wake its readers; takes p on
 * success.  -ENOMEM leaves p the caller's.  Ask dgram_room first.
 */
int dgram_append(struct socket *so, struct dgram_queue *q, struct pkt *p,
    const struct sockaddr_in *from);
/*
 * dgram_recv: recv on so's queue q (locked): waits while none is queued
 * (a pending so_error is returned once, end of file after SHUT_RD gives
 * 0, MSG_DONTWAIT gives -EAGAIN, SO_RCVTIMEO and signals end the wait
 * as sowait says), then copies the first datagram into sm's uio and its
 * sender into sm's name, sets MSG_TRUNC in sm_flags when it did not
 * fit, and removes it unless MSG_PEEK.  Returns the bytes copied, or
 * the datagram's whole length when flags has MSG_TRUNC.
 */
ssize_t dgram_recv(struct socket *so, struct dgram_queue *q,
    struct sockmsg *sm, int flags);
/* dgram_poll: the poll events of so with queue q (locked): always
 * writable, readable with a datagram queued or after SHUT_RD, POLLERR
 * with an error pending. */
int dgram_poll(struct socket *so, const struct dgram_queue *q, int events,
    struct pollwait *pw);
/* dgram_nread: FIONREAD on q (locked): the length of the first
 * datagram, 0 if none. */
int dgram_nread(const struct dgram_queue *q);

/* dgram_error: an error (positive errno) for so (locked) to report
 * once, to its readers and writers. */
void dgram_error(struct socket *so, int error);
/* dgram_shutdown: pr_shutdown (takes so_lock): -ENOTCONN unless
 * connected, else no more receiving (how != SHUT_WR) and no more
 * sending (how != SHUT_RD), waking whoever waits. */
int dgram_shutdown(struct socket *so, int how);
/*
 * dgram_connect: pr_connect: to an AF_INET address (sa, len) with a
 * route (and a port, if need_port: -EINVAL), or none with AF_UNSPEC.
 * set_peer (called with so_lock held) stores the peer in the control
 * block, or forgets it when sin is NULL, binding first if it must;
 * when it succeeds, so is connected (a pending error is dropped) or
 * not.
 */
int dgram_connect(struct socket *so, const struct sockaddr *sa,
    socklen_t len, bool need_port,
    int (*set_peer)(struct socket *so, const struct sockaddr_in *sin));
/* dgram_send_check: may so (locked) send?  -EPIPE after SHUT_WR, a
 * pending error (returned once), -EDESTADDRREQ without has_dest (an
 * address in the call or a connected peer). */
int dgram_send_check(struct socket *so, bool has_dest);
/* dgram_source: the source address for a send from so to dst into
 * *srcp (kept unless 0: the route's interface address); -EACCES for
 * broadcast without SO_BROADCAST, or the route's error. */
int dgram_source(struct socket *so, uint32_t dst, uint32_t *srcp);
/* dgram_pkt_from_uio: the caller's len bytes in a new packet behind hdr
 * bytes left for a header (and headroom for the layers below). */
int dgram_pkt_from_uio(struct uio *uio, size_t len, size_t hdr,
    struct pkt **pp);
/* dgram_intopt: an int option *vp into val (get: cut to *lenp bytes)
 * or out of it (set: -EINVAL when shorter than an int). */
int dgram_intopt(bool get, void *val, socklen_t *lenp, int *vp);
/* dgram_ttlopt: IP_TTL (*ttlp, 0: the default) into val (get) or out
 * of it (set; -1 is the default, else 1..255 or -EINVAL). */
int dgram_ttlopt(bool get, void *val, socklen_t *lenp, int *ttlp);

#endif /* DGRAM_SOCK_H */
