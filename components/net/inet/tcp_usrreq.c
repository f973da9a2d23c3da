/*
 * tcp_usrreq.c -- TCP sockets (AF_INET, SOCK_STREAM): the protosw
 * operations the socket layer calls -- bind, listen with its SYN and
 * accept queues, blocking and non-blocking connect, accept, send and
 * receive with their flags, shutdown, close with SO_LINGER, poll and
 * the IPPROTO_TCP options (TCP_INFO included), all as Linux does them.
 */
#include "tcp_var.h"

static int
tcp_attach(struct socket *so)
{
	struct tcpcb *tp = tcp_newtcpcb();

	/* Called with tcp_lock held for passive opens: take no lock. */
	if (tp == NULL)
		return -ENOMEM;
	tp->t_so = so;
	so->so_pcb = tp;
	so->so_lock = &tcp_lock;
	return 0;
}

/* Abort a listener's queued connections (RST to each, as Linux). */
static void
tcp_abort_queues(struct tcpcb *l)
{
	while (l->t_q0 != NULL)
		tcp_drop(l->t_q0, 0);
	while (l->t_q != NULL)
		tcp_drop(l->t_q, 0);
}

void
tcp_usrclosed(struct tcpcb *tp)
{
	switch (tp->t_state) {
	case TCPS_CLOSED:
	case TCPS_LISTEN:
	case TCPS_SYN_SENT:
		tcp_close(tp);
		return;
	case TCPS_SYN_RECEIVED:
	case TCPS_ESTABLISHED:
		tcp_set_state(tp, TCPS_FIN_WAIT_1);
		break;
	case TCPS_CLOSE_WAIT:
		tcp_set_state(tp, TCPS_LAST_ACK);
		break;
	default:
		return;
	}
	(void)tcp_output(tp);
}

static bool
tcp_lingering(struct tcpcb *tp)
{
	return (tp->t_state == TCPS_FIN_WAIT_1 ||
	    tp->t_state == TCPS_CLOSING || tp->t_state == TCPS_LAST_ACK) &&
	    tp->snd_una != tp->snd_max;
}

static void
tcp_detach(struct socket *so)
{
	struct tcpcb *tp = so->so_pcb;

	mutex_enter(&tcp_lock);
	if (tp->t_state == TCPS_LISTEN)
		tcp_abort_queues(tp);
	if (tp->t_state == TCPS_LISTEN || tp->t_state == TCPS_SYN_SENT ||
	    tp->t_state == TCPS_CLOSED) {
		tp->t_so = NULL;
		tcp_close(tp);  /* frees it */
		tcp_unlock();
		return;
	}
	if (tp->t_rcv.sb_len > 0 ||
	    ((so->so_options & SO_OPT_LINGER) && so->so_linger == 0)) {
		/* Unread data (RFC 1122 4.2.2.13) or linger 0: abort. */
		tp->t_so = NULL;
		tcp_drop(tp, 0);
		tcp_unlock();
		return;
	}
	tcp_usrclosed(tp);
	if ((so->so_options & SO_OPT_LINGER) && so->so_linger > 0) {
		int64_t deadline = so_deadline((int64_t)so->so_linger *
		    1000000000);

		while (tp->t_state != TCPS_CLOSED && tcp_lingering(tp))
			if (sowait(so, &so->so_snd_cv, deadline) != 0)
				break;
	}
	tp->t_rcvbuf = so->so_rcvbuf;
	tp->t_sndbuf = so->so_sndbuf;
	if (so->so_options & SO_OPT_REUSEADDR)
		tp->t_flags |= TF_REUSE;
	tp->t_so = NULL;
	if (tp->t_state == TCPS_CLOSED)
		tcp_close(tp);  /* frees it */
	else if (tp->t_state == TCPS_FIN_WAIT_2)
		tcp_timer_arm(tp, TT_2MSL, TCP_FINWAIT2_MS);
	tcp_unlock();
}

static int
tcp_bind(struct socket *so, const struct sockaddr *sa, socklen_t len)
{
	struct tcpcb *tp = so->so_pcb;
	struct sockaddr_in sin;
	bool bcast;
	int error;

	error = in_sockaddr_check(sa, len, &sin);
	if (error != 0)
		return error;
	if (sin.sin_addr.s_addr != 0 &&
	    (!in_islocal(sin.sin_addr.s_addr, &bcast) || bcast))
		return -EADDRNOTAVAIL;
	if (sin.sin_port != 0 && ntohs(sin.sin_port) < 1024 &&
	    curproc->p_cred.cr_euid != 0)
		return -EACCES;
	mutex_enter(&tcp_lock);
	if (tp->t_lport != 0 || tp->t_state != TCPS_CLOSED)
		error = -EINVAL;
	else if (sin.sin_port == 0)
		error = tcp_autobind(tp, sin.sin_addr.s_addr);
	else if (tcp_port_busy(tp, sin.sin_addr.s_addr, sin.sin_port))
		error = -EADDRINUSE;
	else {
		tp->t_laddr = sin.sin_addr.s_addr;
		tp->t_lport = sin.sin_port;
		tcp_bindhash_insert(tp);
		so->so_state |= SS_ISBOUND;
	}
	tcp_unlock();
	return error;
}

static int
tcp_listen(struct socket *so, int backlog)
{
	struct tcpcb *tp = so->so_pcb;
	int error = 0;

	mutex_enter(&tcp_lock);
	if (tp->t_state != TCPS_CLOSED && tp->t_state != TCPS_LISTEN)
		error = -EINVAL;
	else if (tp->t_lport == 0)
		error = tcp_autobind(tp, 0);
	if (error == 0) {
		tcp_bindhash_insert(tp);
		tp->t_backlog = backlog;
		tp->t_state = TCPS_LISTEN;
		so->so_state |= SS_ISLISTENING;
	}
	tcp_unlock();
	return error;
}

static void
tcp_reset_for_connect(struct tcpcb *tp)
{
	tp->t_flags &= TF_NODELAY | TF_CORK | TF_QUICKACK;
	tp->t_rxtshift = 0;
	tp->t_softerror = 0;
	tp->t_srtt = 0;
	tp->t_rttvar = 0;
	tp->t_rto = TCP_RTO_INIT_MS;
	tp->t_rttstart = 0;
	tp->t_dupacks = 0;
	tp->snd_ssthresh = 0x7fffffff;
	tp->snd_scale = tp->rcv_scale = 0;
	tp->ts_recent = 0;
	tcp_reass_flush(tp);
	sbuf_drop(&tp->t_snd, tp->t_snd.sb_len);
	sbuf_drop(&tp->t_rcv, tp->t_rcv.sb_len);
}

static int
tcp_connect(struct socket *so, const struct sockaddr *sa, socklen_t len,
    bool nonblock)
{
	struct tcpcb *tp = so->so_pcb;
	struct sockaddr_in sin;
	struct ifnet *ifp;
	uint32_t nexthop, dst;
	int64_t deadline;
	int error;

	if (len >= sizeof(sa_family_t) && sa->sa_family == AF_UNSPEC) {
		/* Disconnect: abort the connection (Linux). */
		mutex_enter(&tcp_lock);
		if (tp->t_state != TCPS_CLOSED && tp->t_state != TCPS_LISTEN)
			tcp_drop(tp, 0);
		so->so_state &= ~(SS_CANTSENDMORE | SS_CANTRCVMORE |
		    SS_ISCONNECTED | SS_ISCONNECTING);
		tcp_unlock();
		return 0;
	}
	error = in_sockaddr_check(sa, len, &sin);
	if (error != 0)
		return error;
	dst = sin.sin_addr.s_addr;
	if (dst == 0)
		dst = htonl(INADDR_LOOPBACK);  /* Linux: "any" is us */
	if (dst == INADDR_BROADCAST || (ntohl(dst) & 0xf0000000) == 0xe0000000)
		return -ENETUNREACH;
	error = route_lookup(dst, &ifp, &nexthop);
	if (error != 0)
		return error;
	mutex_enter(&tcp_lock);
	switch (tp->t_state) {
	case TCPS_CLOSED:
		break;
	case TCPS_SYN_SENT:
	case TCPS_SYN_RECEIVED:
		error = nonblock ? -EALREADY : 0;
		if (error == 0)
			goto wait;
		goto out;
	default:
		error = -EISCONN;
		goto out;
	}
	if (sin.sin_port == 0) {
		error = -ECONNREFUSED;
		goto out;
	}
	if (tp->t_lport == 0) {
		error = tcp_autobind(tp, ifp->if_addr);
		if (error != 0)
			goto out;
	} else if (tp->t_laddr == 0) {
		tp->t_laddr = ifp->if_addr;
	}
	if (tp->t_laddr == 0)
		tp->t_laddr = ifp->if_addr;
	{
		struct tcpcb *o = tcp_lookup(dst, sin.sin_port, tp->t_laddr,
		    tp->t_lport);

		if (o != NULL && o != tp && o->t_state != TCPS_LISTEN) {
			error = -EADDRNOTAVAIL;
			goto out;
		}
	}
	tcp_reset_for_connect(tp);
	so->so_state &= ~(SS_CANTSENDMORE | SS_CANTRCVMORE | SS_ISCONNECTED);
	so->so_state |= SS_ISCONNECTING;
	so->so_error = 0;
	tp->t_faddr = dst;
	tp->t_fport = sin.sin_port;
	tcp_bindhash_insert(tp);
	tcp_connhash_insert(tp);
	tp->t_advmss = tcp_mss_for(dst);
	if (tp->t_usermss != 0)
		tp->t_advmss = MIN(tp->t_advmss, tp->t_usermss);
	tp->iss = tcp_new_iss(tp->t_laddr, tp->t_lport, tp->t_faddr,
	    tp->t_fport);
	tp->snd_una = tp->snd_nxt = tp->snd_max = tp->iss;
	tp->snd_recover = tp->iss;
	tp->t_state = TCPS_SYN_SENT;
	tp->t_lastrecv = nanouptime_ns();
	tp->t_rttstart = nanouptime_ns();
	tp->t_rtseq = tp->iss;
	(void)tcp_output(tp);
	if (nonblock) {
		error = -EINPROGRESS;
		goto out;
	}
wait:
	deadline = so_deadline(so->so_sndtimeo);
	while (tp->t_state == TCPS_SYN_SENT ||
	    tp->t_state == TCPS_SYN_RECEIVED) {
		error = sowait(so, &so->so_snd_cv, deadline);
		if (error == -EAGAIN) {
			error = -EINPROGRESS;  /* SO_SNDTIMEO: Linux's answer */
			goto out;
		}
		if (error != 0)
			goto out;
	}
	if (TCPS_HAVEESTABLISHED(tp->t_state)) {
		error = 0;
	} else {
		error = so->so_error != 0 ? -so->so_error : -ECONNREFUSED;
		so->so_error = 0;
	}
out:
	tcp_unlock();
	return error;
}

static int
tcp_accept(struct socket *so, bool nonblock, struct socket **nsop)
{
	struct tcpcb *l = so->so_pcb, *tp;
	int64_t deadline = so_deadline(so->so_rcvtimeo);
	int error = 0;

	mutex_enter(&tcp_lock);
	for (;;) {
		if (l->t_state != TCPS_LISTEN) {
			error = -EINVAL;
			goto out;
		}
		if (l->t_q != NULL)
			break;
		if (nonblock) {
			error = -EAGAIN;
			goto out;
		}
		error = sowait(so, &so->so_rcv_cv, deadline);
		if (error != 0)
			goto out;
	}
	tp = l->t_q;
	l->t_q = tp->t_qnext;
	l->t_qlen--;
	tp->t_qnext = NULL;
	tp->t_head = NULL;
	tp->t_inq = 0;
	tp->t_so->so_state &= ~SS_NOFDREF;
	*nsop = tp->t_so;
out:
	tcp_unlock();
	return error;
}

static ssize_t
tcp_send(struct socket *so, struct sockmsg *sm, int flags)
{
	struct tcpcb *tp = so->so_pcb;
	struct uio *uio = sm->sm_uio;
	int64_t deadline = so_deadline(so->so_sndtimeo);
	size_t want = uio->uio_resid, sent = 0;
	int error = 0;

	if (flags & MSG_OOB)
		return -EOPNOTSUPP;  /* urgent data is not supported */
	mutex_enter(&tcp_lock);
	while (sent < want || want == 0) {
		size_t space, before;

		if (so->so_error != 0) {
			error = -so->so_error;
			so->so_error = 0;
			break;
		}
		if (so->so_state & SS_CANTSENDMORE) {
			error = -EPIPE;
			break;
		}
		if (tp->t_state == TCPS_SYN_SENT ||
		    tp->t_state == TCPS_SYN_RECEIVED) {
			if (flags & MSG_DONTWAIT) {
				error = -EAGAIN;
				break;
			}
			error = sowait(so, &so->so_snd_cv, deadline);
			if (error != 0)
				break;
			continue;
		}
		if (tp->t_state != TCPS_ESTABLISHED &&
		    tp->t_state != TCPS_CLOSE_WAIT) {
			error = -EPIPE;  /* Linux, even never connected */
			break;
		}
		if (want == 0)
			break;
		space = sbuf_space(&tp->t_snd, (size_t)so->so_sndbuf);
		if (space == 0) {
			if (flags & MSG_DONTWAIT) {
				error = -EAGAIN;
				break;
			}
			error = sowait(so, &so->so_snd_cv, deadline);
			if (error != 0)
				break;
			continue;
		}
		before = uio->uio_resid;
		error = sbuf_append_uio(&tp->t_snd, uio, MIN(space, want - sent));
		sent += before - uio->uio_resid;
		/* MSG_MORE: hold a partial segment as TCP_CORK does. */
		if (flags & MSG_MORE)
			tp->t_flags |= TF_MORE;
		else
			tp->t_flags &= ~TF_MORE;
		(void)tcp_output(tp);
		if (error != 0)
			break;
	}
	tcp_unlock();
	if (sent > 0)
		return (ssize_t)sent;
	return error;
}

static ssize_t
tcp_recv(struct socket *so, struct sockmsg *sm, int flags)
{
	struct tcpcb *tp = so->so_pcb;
	struct uio *uio = sm->sm_uio;
	int64_t deadline = so_deadline(so->so_rcvtimeo);
	size_t want = uio->uio_resid, copied = 0;
	bool peek = (flags & MSG_PEEK) != 0;
	int error = 0;

	if (flags & MSG_OOB)
		return -EINVAL;
	mutex_enter(&tcp_lock);
	if (tp->t_state == TCPS_LISTEN) {
		error = -ENOTCONN;
		goto out;
	}
	while (copied < want) {
		size_t avail = tp->t_rcv.sb_len - (peek ? copied : 0);

		if (avail > 0) {
			size_t n = MIN(avail, want - copied);

			error = sbuf_to_uio(&tp->t_rcv, peek ? copied : 0, n, uio);
			if (error != 0)
				break;
			copied += n;
			if (!peek) {
				sbuf_drop(&tp->t_rcv, n);
				(void)tcp_output(tp);  /* window update? */
			}
			continue;
		}
		if (copied > 0 && (!(flags & MSG_WAITALL) || peek) &&
		    copied >= (size_t)so->so_rcvlowat)
			break;
		if (so->so_error != 0) {
			if (copied == 0) {
				error = -so->so_error;
				so->so_error = 0;
			}
			break;
		}
		if (so->so_state & SS_CANTRCVMORE)
			break;
		if (tp->t_state == TCPS_CLOSED) {
			if (copied == 0)
				error = -ENOTCONN;
			break;
		}
		if (flags & MSG_DONTWAIT) {
			if (copied == 0)
				error = -EAGAIN;
			break;
		}
		error = sowait(so, &so->so_rcv_cv, deadline);
		if (error != 0)
			break;
	}
out:
	tcp_unlock();
	if (copied > 0)
		return (ssize_t)copied;
	return error;
}

static int
tcp_shutdown(struct socket *so, int how)
{
	struct tcpcb *tp = so->so_pcb;
	int error = 0;

	mutex_enter(&tcp_lock);
	if (tp->t_state == TCPS_LISTEN) {
		/* Linux: a listener stops listening; accept fails. */
		if (how != SHUT_WR) {
			tcp_abort_queues(tp);
			tcp_close(tp);
			so->so_state &= ~SS_ISLISTENING;
		}
		goto out;
	}
	if (tp->t_state == TCPS_CLOSED) {
		error = -ENOTCONN;
		goto out;
	}
	if (how != SHUT_WR) {
		so->so_state |= SS_CANTRCVMORE;
		sorwakeup(so);
	}
	if (how != SHUT_RD && !(so->so_state & SS_CANTSENDMORE)) {
		so->so_state |= SS_CANTSENDMORE;
		tcp_usrclosed(tp);
		sowwakeup(so);
	}
out:
	tcp_unlock();
	return error;
}

static int
tcp_sockaddr(struct socket *so, struct sockaddr_storage *ss, socklen_t *lenp)
{
	struct tcpcb *tp = so->so_pcb;

	mutex_enter(&tcp_lock);
	in_sockaddr_fill(ss, lenp, tp->t_laddr, tp->t_lport);
	tcp_unlock();
	return 0;
}

static int
tcp_peeraddr(struct socket *so, struct sockaddr_storage *ss, socklen_t *lenp)
{
	struct tcpcb *tp = so->so_pcb;
	int error = 0;

	mutex_enter(&tcp_lock);
	if (!TCPS_HAVEESTABLISHED(tp->t_state) &&
	    tp->t_state != TCPS_SYN_RECEIVED)
		error = -ENOTCONN;
	else
		in_sockaddr_fill(ss, lenp, tp->t_faddr, tp->t_fport);
	tcp_unlock();
	return error;
}

static int
tcp_poll(struct socket *so, int events, struct pollwait *pw)
{
	struct tcpcb *tp = so->so_pcb;
	int revents = 0;

	mutex_enter(&tcp_lock);
	if (tp->t_state == TCPS_LISTEN) {
		if (tp->t_q != NULL)
			revents |= POLLIN | POLLRDNORM;
		goto out;
	}
	/* As Linux's tcp_poll. */
	if ((so->so_state & (SS_CANTSENDMORE | SS_CANTRCVMORE)) ==
	    (SS_CANTSENDMORE | SS_CANTRCVMORE) || tp->t_state == TCPS_CLOSED)
		revents |= POLLHUP;
	if (so->so_state & SS_CANTRCVMORE)
		revents |= POLLIN | POLLRDNORM | POLLRDHUP;
	if (tp->t_state != TCPS_SYN_SENT && tp->t_state != TCPS_SYN_RECEIVED) {
		size_t space = sbuf_space(&tp->t_snd, (size_t)so->so_sndbuf);

		if (tp->t_rcv.sb_len >= (size_t)so->so_rcvlowat)
			revents |= POLLIN | POLLRDNORM;
		if (so->so_state & SS_CANTSENDMORE)
			revents |= POLLOUT | POLLWRNORM;
		else if (space > 0 && space >= tp->t_snd.sb_len / 2)
			revents |= POLLOUT | POLLWRNORM;
	}
	if (so->so_error != 0)
		revents |= POLLERR;
out:
	selrecord(pw, &so->so_sel);
	tcp_unlock();
	return revents & (events | POLLERR | POLLHUP);
}

/* Linux's TCP_INFO, up to tcpi_total_retrans (a prefix of the UAPI
 * struct; callers get min(their length, this) bytes). */
struct tcp_info_k {
	uint8_t state, ca_state, retransmits, probes, backoff, options;
	uint8_t wscale;        /* snd << 0 | rcv << 4 */
	uint8_t flags8;
	uint32_t rto, ato, snd_mss, rcv_mss;
	uint32_t unacked, sacked, lost, retrans, fackets;
	uint32_t last_data_sent, last_ack_sent, last_data_recv, last_ack_recv;
	uint32_t pmtu, rcv_ssthresh, rtt, rttvar, snd_ssthresh, snd_cwnd,
	    advmss, reordering;
	uint32_t rcv_rtt, rcv_space;
	uint32_t total_retrans;
};

/* Linux's numbers for the states (include/net/tcp_states.h). */
static const uint8_t linux_state[] = {
	[TCPS_CLOSED] = 7, [TCPS_LISTEN] = 10, [TCPS_SYN_SENT] = 2,
	[TCPS_SYN_RECEIVED] = 3, [TCPS_ESTABLISHED] = 1,
	[TCPS_CLOSE_WAIT] = 8, [TCPS_FIN_WAIT_1] = 4, [TCPS_CLOSING] = 11,
	[TCPS_LAST_ACK] = 9, [TCPS_FIN_WAIT_2] = 5, [TCPS_TIME_WAIT] = 6,
};

static void
tcp_fill_info(struct tcpcb *tp, struct tcp_info_k *ti)
{
	uint32_t mss = tcp_effmss(tp);
	int64_t now = nanouptime_ns();

	memset(ti, 0, sizeof(*ti));
	ti->state = linux_state[tp->t_state];
	ti->ca_state = (tp->t_flags & TF_FASTRECOV) ? 3 :
	    tp->t_rxtshift > 0 ? 4 : 0;
	ti->retransmits = (uint8_t)tp->t_rxtshift;
	ti->probes = (uint8_t)tp->t_keepprobes;
	ti->backoff = (uint8_t)tp->t_rxtshift;
	if (tp->t_flags & TF_RCVD_TS)
		ti->options |= 1;
	if (tp->t_flags & TF_SACK_OK)
		ti->options |= 2;
	if (tp->t_flags & TF_RCVD_WS) {
		ti->options |= 4;
		ti->wscale = (uint8_t)(tp->snd_scale | tp->rcv_scale << 4);
	}
	ti->rto = tp->t_rto * 1000;
	ti->ato = TCP_DELACK_MS * 1000;
	ti->snd_mss = mss;
	ti->rcv_mss = tp->t_advmss;
	ti->unacked = (tp->snd_max - tp->snd_una + mss - 1) / mss;
	ti->last_data_sent = tp->t_lastsend ? (uint32_t)((now - tp->t_lastsend) / 1000000) : 0;
	ti->last_data_recv = tp->t_lastrecv ? (uint32_t)((now - tp->t_lastrecv) / 1000000) : 0;
	ti->last_ack_recv = ti->last_data_recv;
	ti->pmtu = tp->t_advmss + 40;
	ti->rcv_ssthresh = tcp_rcvspace(tp);
	ti->rtt = (uint32_t)(tp->t_srtt >> 3) * 1000;
	ti->rttvar = (uint32_t)(tp->t_rttvar >> 2) * 1000;
	ti->snd_ssthresh = tp->snd_ssthresh >= 0x7fffffff ? 0x7fffffff :
	    tp->snd_ssthresh / mss;
	ti->snd_cwnd = tp->snd_cwnd / mss;
	ti->advmss = tp->t_advmss;
	ti->reordering = 3;
	ti->rcv_space = tcp_rcvspace(tp);
	ti->total_retrans = tp->t_totalrexmt;
}

static int
opt_int_in(const void *val, socklen_t len, int *v)
{
	if (len < sizeof(int))
		return -EINVAL;
	memcpy(v, val, sizeof(int));
	return 0;
}

static int
tcp_ctloutput(struct socket *so, bool get, int level, int name, void *val,
    socklen_t *lenp)
{
	struct tcpcb *tp = so->so_pcb;
	int v = 0, error = 0;

	if (level == SOL_IP && name == IP_TTL) {
		if (get) {
			v = tp->t_ttl > 0 ? tp->t_ttl : IP_DEFTTL;
			goto out_int;
		}
		if ((error = opt_int_in(val, *lenp, &v)) != 0)
			return error;
		if (v == -1)
			v = 0;
		else if (v < 1 || v > 255)
			return -EINVAL;
		tp->t_ttl = v;
		return 0;
	}
	if (level != SOL_TCP)
		return -ENOPROTOOPT;
	if (get && name == TCP_INFO) {
		struct tcp_info_k ti;

		mutex_enter(&tcp_lock);
		tcp_fill_info(tp, &ti);
		tcp_unlock();
		*lenp = MIN(*lenp, (socklen_t)sizeof(ti));
		memcpy(val, &ti, *lenp);
		return 0;
	}
	if (!get && (error = opt_int_in(val, *lenp, &v)) != 0)
		return error;
	mutex_enter(&tcp_lock);
	switch (name) {
	case TCP_NODELAY:
	case TCP_CORK:
	case TCP_QUICKACK: {
		int bit = name == TCP_NODELAY ? TF_NODELAY :
		    name == TCP_CORK ? TF_CORK : TF_QUICKACK;

		if (get) {
			v = (tp->t_flags & bit) != 0;
			break;
		}
		if (v)
			tp->t_flags |= bit;
		else
			tp->t_flags &= ~bit;
		if (TCPS_HAVEESTABLISHED(tp->t_state))
			(void)tcp_output(tp);  /* flush what waited */
		break;
	}
	case TCP_MAXSEG:
		if (get) {
			v = TCPS_HAVEESTABLISHED(tp->t_state) ?
			    (int)tcp_effmss(tp) :
			    tp->t_usermss ? (int)tp->t_usermss : TCP_MSS_DEFAULT;
			break;
		}
		if (v != 0 && (v < TCP_MSS_MIN || v > 32767))
			error = -EINVAL;
		else
			tp->t_usermss = (uint32_t)v;
		break;
	case TCP_KEEPIDLE:
	case TCP_KEEPINTVL:
		if (get) {
			v = name == TCP_KEEPIDLE ? tp->t_keepidle :
			    tp->t_keepintvl;
			break;
		}
		if (v < 1 || v > 32767) {
			error = -EINVAL;
			break;
		}
		if (name == TCP_KEEPIDLE) {
			tp->t_keepidle = v;
			if (TCPS_HAVEESTABLISHED(tp->t_state) &&
			    tp->t_state <= TCPS_CLOSE_WAIT &&
			    tp->t_keepprobes == 0)
				tcp_timer_arm(tp, TT_KEEP, (int64_t)v * 1000);
		} else {
			tp->t_keepintvl = v;
		}
		break;
	case TCP_KEEPCNT:
	case TCP_SYNCNT:
		if (get) {
			v = name == TCP_KEEPCNT ? tp->t_keepcnt : tp->t_syncnt;
			break;
		}
		if (v < 1 || v > 127)
			error = -EINVAL;
		else if (name == TCP_KEEPCNT)
			tp->t_keepcnt = v;
		else
			tp->t_syncnt = v;
		break;
	default:
		error = -ENOPROTOOPT;
		break;
	}
	tcp_unlock();
	if (error != 0 || !get)
		return error;
out_int:
	*lenp = MIN(*lenp, (socklen_t)sizeof(v));
	memcpy(val, &v, *lenp);
	return 0;
}

static int
tcp_nread(struct socket *so)
{
	struct tcpcb *tp = so->so_pcb;
	int n;

	mutex_enter(&tcp_lock);
	n = tp->t_state == TCPS_LISTEN ? -EINVAL : (int)tp->t_rcv.sb_len;
	tcp_unlock();
	return n;
}

const struct protosw tcp_protosw = {
	.pr_family = AF_INET, .pr_type = SOCK_STREAM, .pr_protocol = IPPROTO_TCP,
	.pr_attach = tcp_attach, .pr_detach = tcp_detach,
	.pr_bind = tcp_bind, .pr_listen = tcp_listen,
	.pr_connect = tcp_connect, .pr_accept = tcp_accept,
	.pr_send = tcp_send, .pr_recv = tcp_recv,
	.pr_shutdown = tcp_shutdown,
	.pr_sockaddr = tcp_sockaddr, .pr_peeraddr = tcp_peeraddr,
	.pr_poll = tcp_poll, .pr_ctloutput = tcp_ctloutput,
	.pr_nread = tcp_nread,
};
