/*
 * tcp_output.c -- TCP output: what to send now (the send and
 * congestion windows, segmentation by MSS, Nagle's algorithm and
 * TCP_NODELAY/TCP_CORK, sender silly-window avoidance, RFC 1122
 * 4.2.3.4), building segments with their options (MSS, window scale,
 * SACK-permitted and SACK blocks, timestamps) and the receive window we
 * offer (RFC 1122 4.2.3.3: never shrink it, open it in useful steps).
 */
#include "tcp_var.h"

/* The test-only reordering hook holds one segment here. */
static struct pkt *tcp_dbg_held;
static uint32_t tcp_dbg_held_src, tcp_dbg_held_dst;
static int tcp_dbg_held_ttl;
static struct callout tcp_dbg_callout;

/* A held segment goes out after 1 ms at the latest: reordering, not
 * loss (a held last ACK would otherwise wait for a timeout). */
static void
tcp_dbg_release(void *arg)
{
	struct pkt *held;

	(void)arg;
	mutex_enter(&tcp_lock);
	held = tcp_dbg_held;
	tcp_dbg_held = NULL;
	if (held != NULL)
		(void)ip_output(held, tcp_dbg_held_src, tcp_dbg_held_dst,
		    IPPROTO_TCP, tcp_dbg_held_ttl);
	mutex_exit(&tcp_lock);
}

uint32_t
tcp_effmss(struct tcpcb *tp)
{
	uint32_t mss = tp->t_maxseg;

	if (tp->t_flags & TF_RCVD_TS)
		mss -= 12;
	return MAX(mss, 64u);
}

/* Hand a segment to IP, through the loss knobs when they are set. */
static int
tcp_ip_output(struct pkt *p, uint32_t src, uint32_t dst, int ttl)
{
	struct pkt *held;
	int error;

	tcp_stats.tcps_sndtotal++;
	if (tcp_dbg_drop == 0 && tcp_dbg_dup == 0 && tcp_dbg_reorder == 0)
		return ip_output(p, src, dst, IPPROTO_TCP, ttl);
	if (tcp_dbg_drop != 0 && (int)(tcp_random() % 1000) < tcp_dbg_drop) {
		tcp_stats.tcps_dbg_drop++;
		pkt_free(p);
		return 0;
	}
	if (tcp_dbg_dup != 0 && (int)(tcp_random() % 1000) < tcp_dbg_dup) {
		struct pkt *d = pkt_dup(p, PKT_HEADROOM);

		if (d != NULL) {
			tcp_stats.tcps_dbg_dup++;
			(void)ip_output(d, src, dst, IPPROTO_TCP, ttl);
		}
	}
	if (tcp_dbg_reorder != 0 && tcp_dbg_held == NULL &&
	    (int)(tcp_random() % 1000) < tcp_dbg_reorder) {
		tcp_stats.tcps_dbg_reorder++;
		tcp_dbg_held = p;
		tcp_dbg_held_src = src;
		tcp_dbg_held_dst = dst;
		tcp_dbg_held_ttl = ttl;
		callout_reset(&tcp_dbg_callout, 1000000, tcp_dbg_release, NULL);
		return 0;
	}
	error = ip_output(p, src, dst, IPPROTO_TCP, ttl);
	held = tcp_dbg_held;
	tcp_dbg_held = NULL;
	if (held != NULL)
		(void)ip_output(held, tcp_dbg_held_src, tcp_dbg_held_dst,
		    IPPROTO_TCP, tcp_dbg_held_ttl);
	return error;
}

void
tcp_respond(uint32_t src, uint16_t sport, uint32_t dst, uint16_t dport,
    uint32_t seq, uint32_t ack, int flags)
{
	struct tcp_hdr th;
	struct pkt *p = pkt_alloc(sizeof(th), PKT_HEADROOM);

	if (p == NULL) {
		tcp_stats.tcps_nobufs++;
		return;
	}
	memset(&th, 0, sizeof(th));
	th.th_sport = sport;
	th.th_dport = dport;
	th.th_seq = htonl(seq);
	th.th_ack = (flags & TH_ACK) ? htonl(ack) : 0;
	th.th_off = (TCP_HDRLEN / 4) << 4;
	th.th_flags = (uint8_t)flags;
	(void)pkt_copyback(p, 0, sizeof(th), &th);
	th.th_sum = htons(pkt_cksum(p, 0, sizeof(th),
	    in_pseudo(src, dst, IPPROTO_TCP, sizeof(th))));
	(void)pkt_copyback(p, 0, sizeof(th), &th);
	if (flags & TH_RST)
		tcp_stats.tcps_sndrst++;
	(void)tcp_ip_output(p, src, dst, 0);
}

/* The options of a segment into opt; returns their length (a
 * multiple of 4).  SACK blocks take only what is left of room: data
 * and options together stay within the peer's MSS (RFC 6691). */
static size_t
tcp_build_opts(struct tcpcb *tp, int flags, uint8_t *opt, size_t room)
{
	size_t n = 0;
	bool syn = (flags & TH_SYN) != 0;
	bool ack = (flags & TH_ACK) != 0;
	/* On a SYN we offer everything; on a SYN-ACK we answer what the
	 * peer offered (RFC 7323 2.2, 3.2; RFC 2018 2). */
	bool ts = syn ? (!ack || (tp->t_flags & TF_RCVD_TS)) :
	    (tp->t_flags & TF_RCVD_TS) != 0;
	bool sackok = syn && (!ack || (tp->t_flags & TF_SACK_OK));
	bool ws = syn && (!ack || (tp->t_flags & TF_RCVD_WS));

	if (syn) {
		opt[n++] = TCPOPT_MSS;
		opt[n++] = 4;
		opt[n++] = (uint8_t)(tp->t_advmss >> 8);
		opt[n++] = (uint8_t)tp->t_advmss;
	}
	if (ts) {
		uint32_t v = htonl(tcp_now_ms()), e = htonl(tp->ts_recent);

		if (sackok) {
			opt[n++] = TCPOPT_SACKOK;
			opt[n++] = 2;
			sackok = false;
		} else {
			opt[n++] = TCPOPT_NOP;
			opt[n++] = TCPOPT_NOP;
		}
		opt[n++] = TCPOPT_TS;
		opt[n++] = 10;
		memcpy(opt + n, &v, 4);
		memcpy(opt + n + 4, ack ? &e : &(uint32_t){ 0 }, 4);
		n += 8;
	}
	if (sackok) {
		opt[n++] = TCPOPT_NOP;
		opt[n++] = TCPOPT_NOP;
		opt[n++] = TCPOPT_SACKOK;
		opt[n++] = 2;
	}
	if (ws) {
		opt[n++] = TCPOPT_NOP;
		opt[n++] = TCPOPT_WSCALE;
		opt[n++] = 3;
		opt[n++] = TCP_RCV_WSCALE;
	}
	if (!syn && (tp->t_flags & TF_SACK_OK) && tp->t_reass != NULL &&
	    !(flags & TH_RST)) {
		uint32_t blk[4][2];
		int nb = tcp_sack_blocks(tp, blk, ts ? 3 : 4);

		if (room < n + 4 + 8)
			nb = 0;
		else if ((size_t)nb > (room - n - 4) / 8)
			nb = (int)((room - n - 4) / 8);
		if (nb > 0) {
			opt[n++] = TCPOPT_NOP;
			opt[n++] = TCPOPT_NOP;
			opt[n++] = TCPOPT_SACK;
			opt[n++] = (uint8_t)(2 + 8 * nb);
			for (int i = 0; i < nb; i++) {
				uint32_t l = htonl(blk[i][0]), r = htonl(blk[i][1]);

				memcpy(opt + n, &l, 4);
				memcpy(opt + n + 4, &r, 4);
				n += 8;
			}
		}
	}
	return n;
}

/* The window to advertise, in bytes (before scaling). */
static uint32_t
tcp_rcvwin(struct tcpcb *tp)
{
	uint32_t win = tcp_rcvspace(tp), adv, cap;

	if (tp->t_state < TCPS_ESTABLISHED)
		return MIN(win, TCP_MAXWIN);
	adv = SEQ_GT(tp->rcv_adv, tp->rcv_nxt) ? tp->rcv_adv - tp->rcv_nxt : 0;
	cap = tp->t_so != NULL ? (uint32_t)tp->t_so->so_rcvbuf :
	    (uint32_t)tp->t_rcvbuf;
	/* Receiver SWS avoidance: open only by a useful amount. */
	if (win > adv && win - adv < MIN(cap / 2, tp->t_advmss))
		win = adv;
	/* While a hole is open, keep the window steady, so the sender
	 * can count our ACKs as duplicates (RFC 5681 2) -- unless what is
	 * left of it is too small to be of use: a window frozen near
	 * zero (zero after scaling) would keep the sender from filling
	 * the very hole we wait for. */
	if (tp->t_reass != NULL && adv >= MIN(cap / 2, tp->t_advmss) &&
	    (adv >> tp->rcv_scale) > 0)
		win = adv;
	/* Never take back what was offered. */
	if (win < adv)
		win = adv;
	return MIN(win, (uint32_t)TCP_MAXWIN << tp->rcv_scale);
}

int
tcp_send_seg(struct tcpcb *tp, uint32_t seq, uint32_t len, int flags)
{
	uint8_t opt[TCP_MAXOLEN];
	struct tcp_hdr th;
	size_t optlen, hlen, off;
	uint32_t win;
	struct pkt *p;

	optlen = tcp_build_opts(tp, flags, opt, len == 0 ? TCP_MAXOLEN :
	    tp->t_maxseg > len ? MIN(tp->t_maxseg - len, TCP_MAXOLEN) : 0);
	hlen = TCP_HDRLEN + optlen;
	p = pkt_alloc(hlen + len, PKT_HEADROOM);
	if (p == NULL) {
		tcp_stats.tcps_nobufs++;
		return -ENOBUFS;
	}
	win = tcp_rcvwin(tp);
	memset(&th, 0, sizeof(th));
	th.th_sport = tp->t_lport;
	th.th_dport = tp->t_fport;
	th.th_seq = htonl(seq);
	th.th_ack = (flags & TH_ACK) ? htonl(tp->rcv_nxt) : 0;
	th.th_off = (uint8_t)((hlen / 4) << 4);
	th.th_flags = (uint8_t)flags;
	/* RFC 7323 2.2: the window of a SYN is never scaled. */
	if (flags & TH_SYN)
		th.th_win = htons((uint16_t)MIN(win, TCP_MAXWIN));
	else
		th.th_win = htons((uint16_t)MIN(win >> tp->rcv_scale,
		    TCP_MAXWIN));
	if (!(flags & TH_SYN)) {
		uint32_t right = tp->rcv_nxt +
		    ((uint32_t)ntohs(th.th_win) << tp->rcv_scale);

		if (SEQ_GT(right, tp->rcv_adv))
			tp->rcv_adv = right;
	}
	(void)pkt_copyback(p, 0, sizeof(th), &th);
	if (optlen > 0)
		(void)pkt_copyback(p, sizeof(th), optlen, opt);
	/* The data, straight from the send ring into the segments. */
	off = seq - tp->snd_una;
	if (len > 0) {
		size_t pos = 0, done = 0;

		for (struct pkt *s = p; s != NULL && done < len; s = s->pk_next) {
			size_t skip = pos < hlen ? MIN(hlen - pos, s->pk_len) : 0;
			size_t n = MIN(s->pk_len - skip, len - done);

			if (n > 0)
				sbuf_copy(&tp->t_snd, off + done, n,
				    s->pk_data + skip);
			done += n;
			pos += s->pk_len;
		}
		tcp_stats.tcps_sndpack++;
		tcp_stats.tcps_sndbyte += len;
	} else if ((flags & (TH_SYN | TH_FIN | TH_RST)) == 0) {
		tcp_stats.tcps_sndacks++;
	}
	/* net-perf: the checksum is left partial (the pseudo header's sum);
	 * ip_output or the interface finishes it (PKF_CSUM_PARTIAL). */
	th.th_sum = htons((uint16_t)~in_cksum_fold(in_pseudo(tp->t_laddr,
	    tp->t_faddr, IPPROTO_TCP, (uint16_t)p->pk_pktlen)));
	(void)pkt_copyback(p, offsetof(struct tcp_hdr, th_sum), 2, &th.th_sum);
	p->pk_flags |= PKF_CSUM_PARTIAL;
	if (flags & TH_ACK) {
		tp->last_ack_sent = tp->rcv_nxt;
		tp->t_flags &= ~(TF_ACKNOW | TF_DELACK);
		tp->t_timer[TT_DELACK] = 0;
		tp->t_rcvsegs = 0;
	}
	tp->t_lastsend = nanouptime_ns();
	return tcp_ip_output(p, tp->t_laddr, tp->t_faddr, tp->t_ttl);
}

void
tcp_send_challenge_ack(struct tcpcb *tp)
{
	tcp_stats.tcps_challengeack++;
	(void)tcp_send_seg(tp, tp->snd_max, 0, TH_ACK);
}

/* Would a window update be worth a segment of its own?  Judged on
 * the window tcp_rcvwin would really offer (caps, holes, SWS), so an
 * update that cannot change the offer is never sent again and again. */
static bool
tcp_window_update_due(struct tcpcb *tp)
{
	uint32_t adv, win, cap, step;

	if (TCPS_HAVERCVDFIN(tp->t_state) || tp->t_state < TCPS_ESTABLISHED)
		return false;
	adv = SEQ_GT(tp->rcv_adv, tp->rcv_nxt) ? tp->rcv_adv - tp->rcv_nxt : 0;
	win = tcp_rcvwin(tp);
	win = (win >> tp->rcv_scale) << tp->rcv_scale;  /* as it is sent */
	cap = tp->t_so != NULL ? (uint32_t)tp->t_so->so_rcvbuf :
	    (uint32_t)tp->t_rcvbuf;
	if (win <= adv)
		return false;
	step = win - adv;
	/* RFC 1122 4.2.3.3: when it grows by two segments or half the
	 * buffer. */
	return step >= 2 * tp->t_advmss || step >= cap / 2;
}

int
tcp_output(struct tcpcb *tp)
{
	int error = 0;

	switch (tp->t_state) {
	case TCPS_CLOSED:
	case TCPS_LISTEN:
		return 0;
	case TCPS_SYN_SENT:
	case TCPS_SYN_RECEIVED:
		/* Only the SYN (or SYN-ACK) until the handshake is done. */
		if (tp->snd_nxt == tp->iss || (tp->t_flags & TF_ACKNOW)) {
			int flags = TH_SYN |
			    (tp->t_state == TCPS_SYN_RECEIVED ? TH_ACK : 0);

			tp->t_flags &= ~TF_ACKNOW;
			if (tp->snd_nxt != tp->iss)
				tcp_stats.tcps_sndrexmitpack++;
			error = tcp_send_seg(tp, tp->iss, 0, flags);
			tp->snd_nxt = tp->iss + 1;
			tp->snd_max = SEQ_MAX(tp->snd_max, tp->snd_nxt);
			if (!tcp_timer_active(tp, TT_REXMT))
				tcp_rexmt_arm(tp);
		}
		return error;
	default:
		break;
	}
	for (;;) {
		uint32_t off = tp->snd_nxt - tp->snd_una;
		uint32_t sblen = (uint32_t)tp->t_snd.sb_len;
		uint32_t win = MIN(tp->snd_wnd, tp->snd_cwnd);
		uint32_t mss = tcp_effmss(tp);
		uint32_t len = 0;
		bool idle = tp->snd_max == tp->snd_una;
		bool closing = tp->t_state == TCPS_FIN_WAIT_1 ||
		    tp->t_state == TCPS_CLOSING || tp->t_state == TCPS_LAST_ACK;
		bool fin = false, send = false;
		int flags = TH_ACK;

		if (tp->t_state == TCPS_FIN_WAIT_2 ||
		    tp->t_state == TCPS_TIME_WAIT)
			closing = false;
		if (off < sblen && win > off)
			len = MIN(sblen - off, win - off);
		if (len > mss)
			len = mss;
		if (closing && off + len == sblen &&
		    (!(tp->t_flags & TF_SENTFIN) || tp->snd_nxt == tp->snd_fin))
			fin = true;
		if (len > 0) {
			if (len == mss)
				send = true;
			else if (off + len == sblen && (idle ||
			    (tp->t_flags & TF_NODELAY)) &&
			    !(tp->t_flags & (TF_CORK | TF_MORE)))
				send = true;  /* Nagle allows it */
			else if (tp->max_sndwnd > 0 && len >= tp->max_sndwnd / 2)
				send = true;  /* sender SWS avoidance */
			else if (SEQ_LT(tp->snd_nxt, tp->snd_max))
				send = true;  /* retransmitting */
			else if (fin || (tp->t_flags & TF_FORCE))
				send = true;
		}
		if (fin || (tp->t_flags & TF_ACKNOW) ||
		    tcp_window_update_due(tp))
			send = true;
		if (!send) {
			/* The peer's window is shut while data waits and
			 * the next byte to send is snd_una (after a
			 * retransmission timeout, or data in flight beyond
			 * a window that closed): retransmitting cannot
			 * send anything, so the persist timer takes over
			 * -- its probes draw the ACK that reopens the
			 * window even when the peer's window update was
			 * lost (RFC 9293 3.8.6.1). */
			if (tp->snd_wnd == 0 && off < sblen &&
			    tp->snd_nxt == tp->snd_una &&
			    tcp_timer_active(tp, TT_REXMT)) {
				tp->t_timer[TT_REXMT] = 0;
				tp->t_rxtshift = 0;
			}
			/* Data waits, nothing is in flight and the window
			 * is shut or too small to use: the persist timer
			 * probes it or, for a small window, overrides SWS
			 * avoidance (RFC 1122 4.2.3.4), so a lost window
			 * update cannot stall. */
			if (off < sblen && tp->snd_nxt == tp->snd_una &&
			    !tcp_timer_active(tp, TT_REXMT) &&
			    !tcp_timer_active(tp, TT_PERSIST)) {
				tp->t_persistshift = 0;
				tcp_setpersist(tp);
			}
			return error;
		}
		if (fin)
			flags |= TH_FIN;
		if (len > 0 && off + len == sblen)
			flags |= TH_PSH;
		if (SEQ_LT(tp->snd_nxt, tp->snd_max) && (len > 0 || fin)) {
			tcp_stats.tcps_sndrexmitpack++;
			tcp_stats.tcps_sndrexmitbyte += len;
		} else if (len > 0 && tp->t_rttstart == 0 &&
		    !(tp->t_flags & TF_RCVD_TS)) {
			tp->t_rttstart = nanouptime_ns();
			tp->t_rtseq = tp->snd_nxt;
		}
		/* A pure ACK carries snd_max, not a rewound snd_nxt: after
		 * a retransmission timeout the peer may hold everything up
		 * to snd_max already, and would find an ACK numbered below
		 * its rcv_nxt unacceptable -- two ends retransmitting to
		 * each other would then never hear each other's ACKs. */
		error = tcp_send_seg(tp, len == 0 && !fin ? tp->snd_max :
		    tp->snd_nxt, len, flags);
		if (error == -ENOBUFS && len == 0 && !fin)
			return error;
		tp->snd_nxt += len;
		if (fin) {
			tp->snd_fin = tp->snd_nxt;
			tp->snd_nxt++;
			tp->t_flags |= TF_SENTFIN;
		}
		if (SEQ_GT(tp->snd_nxt, tp->snd_max))
			tp->snd_max = tp->snd_nxt;
		if (len == 0 && !fin)
			return error;
		if (!tcp_timer_active(tp, TT_REXMT)) {
			tp->t_timer[TT_PERSIST] = 0;
			tp->t_flags &= ~TF_PERSIST;
			tcp_rexmt_arm(tp);
		}
		if (fin)
			return error;
	}
}

void
tcp_output_init(void)
{
	callout_init(&tcp_dbg_callout);
}
