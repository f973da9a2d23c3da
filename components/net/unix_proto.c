/*
 * unix_proto.c -- AF_UNIX sockets inside the kernel: SOCK_STREAM,
 * SOCK_SEQPACKET and SOCK_DGRAM, with socketpair, the abstract name
 * space and path names.
 *
 * One mutex (unp_lock) guards every AF_UNIX socket: connecting two
 * sockets then never orders two locks, and a peer cannot vanish while
 * its partner looks at it.  Data is queued on the receiver as messages
 * (struct unp_msg); streams read across message boundaries, the other
 * types one message at a time.
 *
 * Path names live in this file's name table, not in the file system:
 * bind does not create a socket file, and a name is free again when its
 * socket closes (see docs/networking.md).
 *
 * Sleeping: a stream writer waits on its own so_snd_cv (the reader
 * wakes it through its peer pointer, and a closing peer wakes it too);
 * datagram senders and connectors waiting for a listener's queue sleep
 * on unp_room_cv, because the socket they wait for may close meanwhile.
 */
#include "net_int.h"

#define UNP_MAX_DGRAM_QLEN 512    /* net.unix.max_dgram_qlen */
#define UNP_CHUNK (64 * 1024)     /* a stream write is queued in pieces */

struct unp_msg {
	struct unp_msg *m_next;
	size_t m_len;             /* bytes of m_data */
	size_t m_off;             /* streams: bytes already read */
	socklen_t m_fromlen;      /* 0: sender unnamed */
	struct sockaddr_un m_from;
	char m_data[];
};

struct unpcb {
	struct socket *u_so;
	struct unpcb *u_allnext;   /* every AF_UNIX socket, for peer scans */
	struct unpcb *u_peer;      /* connected peer (the other end) */
	bool u_peer_dead;          /* dgram: the connected peer closed */
	bool u_was_connected;      /* streams: sends get EPIPE, not ENOTCONN */
	struct sockaddr_un u_addr; /* bound name */
	socklen_t u_addrlen;       /* 0: unbound */
	bool u_named;              /* owns u_addr (accepted ends share it) */
	struct ucred u_peercred;   /* SO_PEERCRED, taken at connect */
	/* receive queue */
	struct unp_msg *u_rq_head, **u_rq_tail;
	size_t u_rq_bytes;
	int u_rq_count;
	/* listening sockets: connections waiting for accept */
	struct unpcb *u_acc_head, **u_acc_tail;
	int u_qlen, u_qlimit;
	struct unpcb *u_acc_next;
};

static kmutex_t unp_lock;
static kcondvar_t unp_room_cv;
static struct unpcb *unp_all;
static uint32_t unp_autobind_next;

static struct unpcb *
sotounpcb(struct socket *so)
{
	return so->so_pcb;
}

static bool
unp_conn_oriented(struct socket *so)
{
	return so->so_type != SOCK_DGRAM;
}

static int
unp_attach(struct socket *so)
{
	struct unpcb *u;

	u = kmem_zalloc(sizeof(*u), KM_SLEEP);
	if (u == NULL)
		return -ENOMEM;
	u->u_so = so;
	u->u_rq_tail = &u->u_rq_head;
	u->u_acc_tail = &u->u_acc_head;
	so->so_pcb = u;
	so->so_lock = &unp_lock;
	mutex_enter(&unp_lock);
	u->u_allnext = unp_all;
	unp_all = u;
	mutex_exit(&unp_lock);
	return 0;
}

static void
unp_msg_free(struct unp_msg *m)
{
	kmem_free(m, sizeof(*m) + m->m_len);
}

/* Drop the first message of u's queue (unp_lock held). */
static void
unp_rq_drop(struct unpcb *u)
{
	struct unp_msg *m = u->u_rq_head;

	u->u_rq_head = m->m_next;
	if (u->u_rq_head == NULL)
		u->u_rq_tail = &u->u_rq_head;
	u->u_rq_bytes -= m->m_len - m->m_off;
	u->u_rq_count--;
	unp_msg_free(m);
}

/* u consumed data: wake whoever waits for room in its queue. */
static void
unp_room_made(struct unpcb *u)
{
	if (unp_conn_oriented(u->u_so)) {
		if (u->u_peer != NULL)
			sowwakeup(u->u_peer->u_so);
		return;
	}
	cv_broadcast(&unp_room_cv);
	for (struct unpcb *v = unp_all; v != NULL; v = v->u_allnext)
		if (v->u_peer == u)
			selnotify(&v->u_so->so_sel, POLLOUT | POLLWRNORM);
}

/* Cut the connection of u (unp_lock held); close: u is going away. */
static void
unp_disconnect(struct unpcb *u, bool close)
{
	struct unpcb *p = u->u_peer;

	if (p == NULL)
		return;
	u->u_peer = NULL;
	if (!unp_conn_oriented(u->u_so))
		return;
	/* Streams are symmetric: the peer loses its partner too. */
	p->u_peer = NULL;
	p->u_so->so_state |= SS_CANTRCVMORE | SS_CANTSENDMORE;
	/* Unread data thrown away is reported as a reset (as Linux). */
	if (close && u->u_rq_head != NULL)
		p->u_so->so_error = ECONNRESET;
	sorwakeup(p->u_so);
	sowwakeup(p->u_so);
	selnotify(&p->u_so->so_sel, POLLHUP | POLLRDHUP);
}

static void
unp_detach(struct socket *so)
{
	struct unpcb *u = sotounpcb(so), **up, *embryos;

	mutex_enter(&unp_lock);
	unp_disconnect(u, true);
	for (up = &unp_all; *up != u; up = &(*up)->u_allnext)
		;
	*up = u->u_allnext;
	/* Datagram sockets connected to u see their peer die. */
	for (struct unpcb *v = unp_all; v != NULL; v = v->u_allnext) {
		if (v->u_peer == u) {
			v->u_peer = NULL;
			v->u_peer_dead = true;
			sowwakeup(v->u_so);
		}
	}
	embryos = u->u_acc_head;
	u->u_acc_head = NULL;
	u->u_named = false;  /* the name is free again */
	cv_broadcast(&unp_room_cv);
	while (u->u_rq_head != NULL)
		unp_rq_drop(u);
	mutex_exit(&unp_lock);
	/* Connections never accepted are closed; their clients see EOF. */
	while (embryos != NULL) {
		struct unpcb *next = embryos->u_acc_next;

		socket_destroy(embryos->u_so);
		embryos = next;
	}
	kmem_free(u, sizeof(*u));
}

/*
 * Check and normalise an AF_UNIX address: the length is cut after a
 * path name's NUL (Linux's unix_mkname); abstract names (sun_path[0] ==
 * 0) keep every byte given.  len == sizeof(sa_family_t) is "no name".
 */
static int
unp_mkname(const struct sockaddr *sa, socklen_t len, struct sockaddr_un *sun,
    socklen_t *lenp)
{
	const size_t base = sizeof(sa_family_t);

	if (len < base || len > sizeof(*sun))
		return -EINVAL;
	if (sa->sa_family != AF_UNIX)
		return -EINVAL;
	memset(sun, 0, sizeof(*sun));
	memcpy(sun, sa, len);
	if (len > base && sun->sun_path[0] != '\0')
		len = (socklen_t)(base + strnlen(sun->sun_path,
		    len - base) + 1);
	if (len > sizeof(*sun))
		return -EINVAL;  /* a path filling sun_path without its NUL */
	*lenp = len;
	return 0;
}

/* The socket bound to name, of any type (unp_lock held); NULL if none. */
static struct unpcb *
unp_lookup(const struct sockaddr_un *sun, socklen_t len)
{
	for (struct unpcb *u = unp_all; u != NULL; u = u->u_allnext)
		if (u->u_named && u->u_addrlen == len &&
		    memcmp(&u->u_addr, sun, len) == 0)
			return u;
	return NULL;
}

/* The error for "nobody has that name": paths do not exist, abstract
 * names refuse. */
static int
unp_noname(const struct sockaddr_un *sun)
{
	return sun->sun_path[0] != '\0' ? -ENOENT : -ECONNREFUSED;
}

/* Bind u to a fresh abstract name "\0xxxxx" (unp_lock held). */
static int
unp_autobind(struct unpcb *u)
{
	static const char hex[] = "0123456789abcdef";
	struct sockaddr_un sun;
	const socklen_t len = sizeof(sa_family_t) + 6;

	for (int tries = 0; tries < 0x100000; tries++) {
		uint32_t n = unp_autobind_next++ & 0xfffff;

		memset(&sun, 0, sizeof(sun));
		sun.sun_family = AF_UNIX;
		for (int i = 0; i < 5; i++)
			sun.sun_path[1 + i] = hex[(n >> (16 - 4 * i)) & 0xf];
		if (unp_lookup(&sun, len) == NULL) {
			u->u_addr = sun;
			u->u_addrlen = len;
			u->u_named = true;
			u->u_so->so_state |= SS_ISBOUND;
			return 0;
		}
	}
	return -EADDRINUSE;
}

static int
unp_bind(struct socket *so, const struct sockaddr *sa, socklen_t len)
{
	struct unpcb *u = sotounpcb(so);
	struct sockaddr_un sun;
	int error;

	error = unp_mkname(sa, len, &sun, &len);
	if (error != 0)
		return error;
	mutex_enter(&unp_lock);
	if (u->u_addrlen != 0) {
		error = -EINVAL;
	} else if (len == sizeof(sa_family_t)) {
		error = unp_autobind(u);
	} else if (unp_lookup(&sun, len) != NULL) {
		error = -EADDRINUSE;
	} else {
		u->u_addr = sun;
		u->u_addrlen = len;
		u->u_named = true;
		so->so_state |= SS_ISBOUND;
	}
	mutex_exit(&unp_lock);
	return error;
}

static int
unp_listen(struct socket *so, int backlog)
{
	struct unpcb *u = sotounpcb(so);
	int error = 0;

	if (!unp_conn_oriented(so))
		return -EOPNOTSUPP;
	mutex_enter(&unp_lock);
	if (so->so_state & SS_ISCONNECTED)
		error = -EINVAL;
	else if (u->u_addrlen == 0)
		error = -EINVAL;  /* Linux: an unbound socket cannot listen */
	else {
		/* backlog 0 still lets one connection wait, as Linux. */
		u->u_qlimit = backlog + 1;
		so->so_state |= SS_ISLISTENING;
		cv_broadcast(&unp_room_cv);
	}
	mutex_exit(&unp_lock);
	return error;
}

static void
unp_setcred(struct unpcb *u, struct socket *from)
{
	u->u_peercred.pid = from->so_pid;
	u->u_peercred.uid = from->so_uid;
	u->u_peercred.gid = from->so_gid;
}

/* Join a and b as the two ends of a connection (unp_lock held). */
static void
unp_join(struct unpcb *a, struct unpcb *b)
{
	a->u_peer = b;
	b->u_peer = a;
	a->u_was_connected = b->u_was_connected = true;
	a->u_so->so_state |= SS_ISCONNECTED;
	b->u_so->so_state |= SS_ISCONNECTED;
	unp_setcred(a, b->u_so);
	unp_setcred(b, a->u_so);
}

static int
unp_connect_dgram(struct unpcb *u, const struct sockaddr *sa, socklen_t len)
{
	struct sockaddr_un sun;
	struct unpcb *t;
	int error;

	/* AF_UNSPEC dissolves the association. */
	if (len >= sizeof(sa_family_t) && sa->sa_family == AF_UNSPEC) {
		mutex_enter(&unp_lock);
		u->u_peer = NULL;
		u->u_peer_dead = false;
		u->u_so->so_state &= ~SS_ISCONNECTED;
		mutex_exit(&unp_lock);
		return 0;
	}
	error = unp_mkname(sa, len, &sun, &len);
	if (error != 0)
		return error;
	if (len == sizeof(sa_family_t))
		return -EINVAL;
	mutex_enter(&unp_lock);
	t = unp_lookup(&sun, len);
	if (t == NULL)
		error = unp_noname(&sun);
	else if (t->u_so->so_type != u->u_so->so_type)
		error = -EPROTOTYPE;
	else {
		u->u_peer = t;
		u->u_peer_dead = false;
		u->u_so->so_state |= SS_ISCONNECTED;
		unp_setcred(u, t->u_so);
	}
	mutex_exit(&unp_lock);
	return error;
}

static int
unp_connect(struct socket *so, const struct sockaddr *sa, socklen_t len,
    bool nonblock)
{
	struct unpcb *u = sotounpcb(so), *l, *c;
	struct sockaddr_un sun;
	struct socket *child;
	int64_t deadline;
	int error;

	if (!unp_conn_oriented(so))
		return unp_connect_dgram(u, sa, len);
	error = unp_mkname(sa, len, &sun, &len);
	if (error != 0)
		return error;
	if (len == sizeof(sa_family_t))
		return -EINVAL;
	/* The server's end is made up front: socket_create sleeps for
	 * memory and takes unp_lock itself. */
	error = socket_create(so->so_proto, &child);
	if (error != 0)
		return error;
	c = sotounpcb(child);
	deadline = so_deadline(so->so_sndtimeo);
	mutex_enter(&unp_lock);
	for (;;) {
		if (so->so_state & SS_ISCONNECTED) {
			error = -EISCONN;
			goto out;
		}
		if (so->so_state & SS_ISLISTENING) {
			error = -EINVAL;
			goto out;
		}
		l = unp_lookup(&sun, len);
		if (l == NULL) {
			error = unp_noname(&sun);
			goto out;
		}
		if (l->u_so->so_type != so->so_type) {
			error = -EPROTOTYPE;
			goto out;
		}
		if (!(l->u_so->so_state & SS_ISLISTENING)) {
			error = -ECONNREFUSED;
			goto out;
		}
		if (l->u_qlen < l->u_qlimit)
			break;
		if (nonblock) {
			error = -EAGAIN;  /* Linux's answer for AF_UNIX */
			goto out;
		}
		error = sowait(so, &unp_room_cv, deadline);
		if (error != 0)
			goto out;
	}
	/* The child takes the listener's name and options, and waits on
	 * the listener's queue until accept gives it a file. */
	child->so_state |= SS_NOFDREF | SS_ISBOUND;
	child->so_rcvbuf = l->u_so->so_rcvbuf;
	child->so_sndbuf = l->u_so->so_sndbuf;
	child->so_pid = l->u_so->so_pid;
	child->so_uid = l->u_so->so_uid;
	child->so_gid = l->u_so->so_gid;
	c->u_addr = l->u_addr;
	c->u_addrlen = l->u_addrlen;
	unp_join(u, c);
	*l->u_acc_tail = c;
	l->u_acc_tail = &c->u_acc_next;
	l->u_qlen++;
	sorwakeup(l->u_so);
	sowwakeup(so);
	mutex_exit(&unp_lock);
	return 0;

out:
	mutex_exit(&unp_lock);
	socket_destroy(child);
	return error;
}

static int
unp_connect2(struct socket *a, struct socket *b)
{
	mutex_enter(&unp_lock);
	unp_join(sotounpcb(a), sotounpcb(b));
	mutex_exit(&unp_lock);
	return 0;
}

static int
unp_accept(struct socket *so, bool nonblock, struct socket **nsop)
{
	struct unpcb *u = sotounpcb(so), *c;
	int64_t deadline = so_deadline(so->so_rcvtimeo);
	int error = 0;

	if (!unp_conn_oriented(so))
		return -EOPNOTSUPP;
	mutex_enter(&unp_lock);
	while (u->u_acc_head == NULL) {
		if (!(so->so_state & SS_ISLISTENING)) {
			error = -EINVAL;
			goto out;
		}
		if (nonblock) {
			error = -EAGAIN;
			goto out;
		}
		error = sowait(so, &so->so_rcv_cv, deadline);
		if (error != 0)
			goto out;
	}
	c = u->u_acc_head;
	u->u_acc_head = c->u_acc_next;
	if (u->u_acc_head == NULL)
		u->u_acc_tail = &u->u_acc_head;
	c->u_acc_next = NULL;
	u->u_qlen--;
	c->u_so->so_state &= ~SS_NOFDREF;
	cv_broadcast(&unp_room_cv);  /* a waiting connector may go on */
	*nsop = c->u_so;
out:
	mutex_exit(&unp_lock);
	return error;
}

/* Queue a message of n bytes from uio on receiver r (unp_lock held). */
static int
unp_enqueue(struct unpcb *from, struct unpcb *r, struct uio *uio, size_t n)
{
	struct unp_msg *m;
	size_t before = uio->uio_resid;
	int error;

	m = kmem_alloc(sizeof(*m) + n, KM_SLEEP);
	if (m == NULL)
		return -ENOBUFS;
	m->m_next = NULL;
	m->m_len = n;
	m->m_off = 0;
	m->m_fromlen = from->u_addrlen;
	m->m_from = from->u_addr;
	error = uiomove(m->m_data, n, uio);
	if (error != 0) {
		/* Give the bytes back: nothing was queued. */
		uio->uio_resid = before;
		kmem_free(m, sizeof(*m) + n);
		return error;
	}
	*r->u_rq_tail = m;
	r->u_rq_tail = &m->m_next;
	r->u_rq_bytes += n;
	r->u_rq_count++;
	sorwakeup(r->u_so);
	return 0;
}

static ssize_t
unp_send_stream(struct socket *so, struct sockmsg *sm, int flags)
{
	struct unpcb *u = sotounpcb(so), *p;
	struct uio *uio = sm->sm_uio;
	int64_t deadline = so_deadline(so->so_sndtimeo);
	size_t done = 0;
	int error = 0;

	if (sm->sm_namelen != 0)
		return (so->so_state & SS_ISCONNECTED) ? -EISCONN : -EOPNOTSUPP;
	mutex_enter(&unp_lock);
	while (uio->uio_resid > 0 || (done == 0 && error == 0)) {
		size_t room, n;

		if (so->so_state & SS_CANTSENDMORE) {
			error = -EPIPE;
			break;
		}
		p = u->u_peer;
		if (p == NULL) {
			error = u->u_was_connected ? -EPIPE : -ENOTCONN;
			break;
		}
		if (p->u_so->so_state & SS_CANTRCVMORE) {
			error = -EPIPE;
			break;
		}
		if (uio->uio_resid == 0)
			break;  /* a zero-length write to a live peer */
		room = p->u_rq_bytes < (size_t)p->u_so->so_rcvbuf ?
		    (size_t)p->u_so->so_rcvbuf - p->u_rq_bytes : 0;
		/* Records go whole; a record larger than the buffer may go
		 * alone into an empty queue. */
		if (so->so_type == SOCK_SEQPACKET) {
			if (uio->uio_resid > (size_t)so->so_sndbuf) {
				error = -EMSGSIZE;
				break;
			}
			if (room < uio->uio_resid && p->u_rq_head != NULL)
				room = 0;
			else
				room = uio->uio_resid;
		}
		if (room == 0) {
			if (flags & MSG_DONTWAIT) {
				error = -EAGAIN;
				break;
			}
			error = sowait(so, &so->so_snd_cv, deadline);
			if (error != 0)
				break;
			continue;
		}
		n = MIN(MIN(room, uio->uio_resid), (size_t)UNP_CHUNK);
		if (so->so_type == SOCK_SEQPACKET)
			n = uio->uio_resid;
		error = unp_enqueue(u, p, uio, n);
		if (error != 0)
			break;
		done += n;
		if (so->so_type == SOCK_SEQPACKET)
			break;
	}
	mutex_exit(&unp_lock);
	if (done > 0)
		return (ssize_t)done;
	return error;
}

static ssize_t
unp_send_dgram(struct socket *so, struct sockmsg *sm, int flags)
{
	struct unpcb *u = sotounpcb(so), *t;
	struct uio *uio = sm->sm_uio;
	struct sockaddr_un sun;
	socklen_t len = 0;
	int64_t deadline = so_deadline(so->so_sndtimeo);
	size_t n = uio->uio_resid;
	int error;

	if (sm->sm_namelen != 0) {
		error = unp_mkname((struct sockaddr *)&sm->sm_name,
		    sm->sm_namelen, &sun, &len);
		if (error != 0)
			return error;
		if (len == sizeof(sa_family_t))
			return -EINVAL;
	}
	if (n > (size_t)so->so_sndbuf)
		return -EMSGSIZE;
	mutex_enter(&unp_lock);
	for (;;) {
		if (so->so_state & SS_CANTSENDMORE) {
			error = -EPIPE;
			break;
		}
		if (len != 0) {
			t = unp_lookup(&sun, len);
			if (t == NULL) {
				error = unp_noname(&sun);
				break;
			}
		} else {
			t = u->u_peer;
			if (t == NULL) {
				error = u->u_peer_dead ? -ECONNREFUSED : -ENOTCONN;
				if (u->u_peer_dead) {
					u->u_peer_dead = false;
					so->so_state &= ~SS_ISCONNECTED;
				}
				break;
			}
		}
		if (t->u_so->so_type != SOCK_DGRAM) {
			error = -EPROTOTYPE;
			break;
		}
		/* A receiver connected elsewhere takes only its peer's. */
		if (t->u_peer != NULL && t->u_peer != u) {
			error = -EPERM;
			break;
		}
		if (t->u_so->so_state & SS_CANTRCVMORE) {
			error = -EPIPE;
			break;
		}
		if (t->u_rq_count < UNP_MAX_DGRAM_QLEN &&
		    (t->u_rq_bytes + n <= (size_t)t->u_so->so_rcvbuf ||
		     t->u_rq_head == NULL)) {
			error = unp_enqueue(u, t, uio, n);
			break;
		}
		if (flags & MSG_DONTWAIT) {
			error = -EAGAIN;
			break;
		}
		error = sowait(so, &unp_room_cv, deadline);
		if (error != 0)
			break;
	}
	mutex_exit(&unp_lock);
	return error != 0 ? error : (ssize_t)n;
}

static ssize_t
unp_send(struct socket *so, struct sockmsg *sm, int flags)
{
	if (unp_conn_oriented(so))
		return unp_send_stream(so, sm, flags);
	return unp_send_dgram(so, sm, flags);
}

/* Report the sender of m in sm. */
static void
unp_setfrom(struct sockmsg *sm, const struct unp_msg *m)
{
	sm->sm_namelen = m->m_fromlen;
	if (m->m_fromlen != 0)
		memcpy(&sm->sm_name, &m->m_from, m->m_fromlen);
}

/* Wait until u has something to read or never will (unp_lock held):
 * 0 with data queued, 1 at end of file, or -errno. */
static int
unp_recv_wait(struct socket *so, int flags, int64_t deadline)
{
	struct unpcb *u = sotounpcb(so);
	int error;

	while (u->u_rq_head == NULL) {
		if (so->so_error != 0) {
			error = -so->so_error;
			so->so_error = 0;
			return error;
		}
		if (so->so_state & SS_CANTRCVMORE)
			return 1;
		if (unp_conn_oriented(so) && !(so->so_state & SS_ISCONNECTED))
			return (so->so_state & SS_ISLISTENING) ? -EINVAL :
			    -ENOTCONN;
		if (flags & MSG_DONTWAIT)
			return -EAGAIN;
		error = sowait(so, &so->so_rcv_cv, deadline);
		if (error != 0)
			return error;
	}
	return 0;
}

static ssize_t
unp_recv_stream(struct socket *so, struct sockmsg *sm, int flags)
{
	struct unpcb *u = sotounpcb(so);
	struct uio *uio = sm->sm_uio;
	int64_t deadline = so_deadline(so->so_rcvtimeo);
	size_t done = 0;
	int error = 0;

	mutex_enter(&unp_lock);
	for (;;) {
		struct unp_msg *m;
		size_t skip = 0;

		error = unp_recv_wait(so, flags, deadline);
		if (error != 0)
			break;
		/* MSG_PEEK reads without consuming: walk the queue. */
		for (m = u->u_rq_head; m != NULL && uio->uio_resid > 0;) {
			size_t avail = m->m_len - m->m_off - skip;
			size_t before = uio->uio_resid, n;

			if (done == 0)
				unp_setfrom(sm, m);
			error = uiomove(m->m_data + m->m_off + skip,
			    MIN(avail, uio->uio_resid), uio);
			n = before - uio->uio_resid;
			done += n;
			if (error != 0)
				break;
			if (flags & MSG_PEEK) {
				skip += n;
				if (skip == m->m_len - m->m_off) {
					m = m->m_next;
					skip = 0;
				}
				continue;
			}
			m->m_off += n;
			u->u_rq_bytes -= n;
			if (m->m_off == m->m_len) {
				m->m_off = m->m_len;
				u->u_rq_head = m->m_next;
				if (u->u_rq_head == NULL)
					u->u_rq_tail = &u->u_rq_head;
				u->u_rq_count--;
				unp_msg_free(m);
			}
			m = u->u_rq_head;
		}
		if (!(flags & MSG_PEEK))
			unp_room_made(u);
		if (error != 0 || uio->uio_resid == 0 || !(flags & MSG_WAITALL) ||
		    (flags & MSG_PEEK))
			break;
	}
	mutex_exit(&unp_lock);
	if (done > 0)
		return (ssize_t)done;
	return error == 1 ? 0 : error;
}

static ssize_t
unp_recv_record(struct socket *so, struct sockmsg *sm, int flags)
{
	struct unpcb *u = sotounpcb(so);
	struct uio *uio = sm->sm_uio;
	int64_t deadline = so_deadline(so->so_rcvtimeo);
	struct unp_msg *m;
	size_t n, len;
	int error;

	mutex_enter(&unp_lock);
	error = unp_recv_wait(so, flags, deadline);
	if (error != 0) {
		mutex_exit(&unp_lock);
		return error == 1 ? 0 : error;
	}
	m = u->u_rq_head;
	len = m->m_len;
	n = MIN(len, uio->uio_resid);
	error = uiomove(m->m_data, n, uio);
	if (error == 0) {
		unp_setfrom(sm, m);
		if (n < len)
			sm->sm_flags |= MSG_TRUNC;
		if (!(flags & MSG_PEEK)) {
			unp_rq_drop(u);
			unp_room_made(u);
		}
	}
	mutex_exit(&unp_lock);
	if (error != 0)
		return error;
	/* MSG_TRUNC asks for the real length of the datagram. */
	return (ssize_t)((flags & MSG_TRUNC) ? len : n);
}

static ssize_t
unp_recv(struct socket *so, struct sockmsg *sm, int flags)
{
	if (flags & MSG_OOB)
		return -EOPNOTSUPP;
	if (so->so_type == SOCK_STREAM)
		return unp_recv_stream(so, sm, flags);
	return unp_recv_record(so, sm, flags);
}

static int
unp_shutdown(struct socket *so, int how)
{
	struct unpcb *u = sotounpcb(so), *p;
	int mine = 0, theirs = 0;

	if (how == SHUT_RD || how == SHUT_RDWR) {
		mine |= SS_CANTRCVMORE;
		theirs |= SS_CANTSENDMORE;
	}
	if (how == SHUT_WR || how == SHUT_RDWR) {
		mine |= SS_CANTSENDMORE;
		theirs |= SS_CANTRCVMORE;
	}
	mutex_enter(&unp_lock);
	if (unp_conn_oriented(so) && !(so->so_state & SS_ISCONNECTED) &&
	    !u->u_was_connected) {
		mutex_exit(&unp_lock);
		return -ENOTCONN;
	}
	so->so_state |= mine;
	sorwakeup(so);
	sowwakeup(so);
	/* A connection tells its other end (Linux does for AF_UNIX). */
	p = u->u_peer;
	if (p != NULL && unp_conn_oriented(so)) {
		p->u_so->so_state |= theirs;
		sorwakeup(p->u_so);
		sowwakeup(p->u_so);
		selnotify(&p->u_so->so_sel, POLLRDHUP | POLLHUP);
	}
	mutex_exit(&unp_lock);
	return 0;
}

static int
unp_sockaddr(struct socket *so, struct sockaddr_storage *ss, socklen_t *lenp)
{
	struct unpcb *u = sotounpcb(so);

	mutex_enter(&unp_lock);
	if (u->u_addrlen == 0) {
		ss->ss_family = AF_UNIX;
		*lenp = sizeof(sa_family_t);
	} else {
		memcpy(ss, &u->u_addr, u->u_addrlen);
		*lenp = u->u_addrlen;
	}
	mutex_exit(&unp_lock);
	return 0;
}

static int
unp_peeraddr(struct socket *so, struct sockaddr_storage *ss, socklen_t *lenp)
{
	struct unpcb *u = sotounpcb(so), *p;
	int error = 0;

	mutex_enter(&unp_lock);
	p = u->u_peer;
	if (p == NULL) {
		error = -ENOTCONN;
	} else if (p->u_addrlen == 0) {
		ss->ss_family = AF_UNIX;
		*lenp = sizeof(sa_family_t);
	} else {
		memcpy(ss, &p->u_addr, p->u_addrlen);
		*lenp = p->u_addrlen;
	}
	mutex_exit(&unp_lock);
	return error;
}

static int
unp_poll(struct socket *so, int events, struct pollwait *pw)
{
	struct unpcb *u = sotounpcb(so), *p;
	int revents = 0;

	mutex_enter(&unp_lock);
	if (u->u_rq_head != NULL || u->u_acc_head != NULL ||
	    (so->so_state & SS_CANTRCVMORE))
		revents |= POLLIN | POLLRDNORM;
	if (so->so_state & SS_CANTRCVMORE)
		revents |= POLLRDHUP;
	if (so->so_error != 0)
		revents |= POLLERR;
	p = u->u_peer;
	if (unp_conn_oriented(so)) {
		bool shut = (so->so_state & (SS_CANTRCVMORE | SS_CANTSENDMORE)) ==
		    (SS_CANTRCVMORE | SS_CANTSENDMORE);

		/* Never connected counts as hung up, as on Linux. */
		if (shut || (!(so->so_state & (SS_ISCONNECTED | SS_ISLISTENING)) &&
		    !u->u_was_connected))
			revents |= POLLHUP;
		if ((so->so_state & SS_CANTSENDMORE) || p == NULL ||
		    p->u_rq_bytes < (size_t)p->u_so->so_rcvbuf)
			revents |= POLLOUT | POLLWRNORM;
		if (so->so_state & SS_ISLISTENING)
			revents &= ~(POLLOUT | POLLWRNORM | POLLHUP);
	} else {
		if (p == NULL || (p->u_rq_count < UNP_MAX_DGRAM_QLEN &&
		    p->u_rq_bytes < (size_t)p->u_so->so_rcvbuf))
			revents |= POLLOUT | POLLWRNORM;
	}
	selrecord(pw, &so->so_sel);
	mutex_exit(&unp_lock);
	return revents & (events | POLLERR | POLLHUP);
}

static int
unp_ctloutput(struct socket *so, bool get, int level, int name, void *val,
    socklen_t *lenp)
{
	struct unpcb *u = sotounpcb(so);

	if (level != SOL_SOCKET)
		return -EOPNOTSUPP;
	if (name != SO_PEERCRED)
		return -ENOPROTOOPT;
	if (!get)
		return -ENOPROTOOPT;
	mutex_enter(&unp_lock);
	if (u->u_peer == NULL && !u->u_was_connected) {
		/* Linux: no peer gives pid 0 and the overflow ids. */
		u->u_peercred.pid = 0;
		u->u_peercred.uid = 65534;
		u->u_peercred.gid = 65534;
	}
	*lenp = MIN(*lenp, (socklen_t)sizeof(struct ucred));
	memcpy(val, &u->u_peercred, *lenp);
	mutex_exit(&unp_lock);
	return 0;
}

static int
unp_nread(struct socket *so)
{
	struct unpcb *u = sotounpcb(so);
	int n;

	mutex_enter(&unp_lock);
	if (so->so_state & SS_ISLISTENING)
		n = -EINVAL;
	else if (so->so_type == SOCK_STREAM)
		n = (int)MIN(u->u_rq_bytes, (size_t)INT_MAX);
	else
		n = u->u_rq_head != NULL ? (int)u->u_rq_head->m_len : 0;
	mutex_exit(&unp_lock);
	return n;
}

#define UNP_PROTOSW(type) {                                             \
	.pr_family = AF_UNIX, .pr_type = (type), .pr_protocol = 0,      \
	.pr_attach = unp_attach, .pr_detach = unp_detach,               \
	.pr_bind = unp_bind, .pr_listen = unp_listen,                   \
	.pr_connect = unp_connect, .pr_connect2 = unp_connect2,         \
	.pr_accept = unp_accept, .pr_send = unp_send,                   \
	.pr_recv = unp_recv, .pr_shutdown = unp_shutdown,               \
	.pr_sockaddr = unp_sockaddr, .pr_peeraddr = unp_peeraddr,       \
	.pr_poll = unp_poll, .pr_ctloutput = unp_ctloutput,             \
	.pr_nread = unp_nread }

static const struct protosw unix_protosw[] = {
	UNP_PROTOSW(SOCK_STREAM),
	UNP_PROTOSW(SOCK_DGRAM),
	UNP_PROTOSW(SOCK_SEQPACKET),
};

struct domain unix_domain = {
	.dom_family = AF_UNIX,
	.dom_name = "unix",
	.dom_protosw = unix_protosw,
	.dom_nprotosw = sizeof(unix_protosw) / sizeof(unix_protosw[0]),
};

void
unix_init(void)
{
	mutex_init(&unp_lock, MUTEX_DEFAULT);
	cv_init(&unp_room_cv);
}
