/*
 * tcp_input.c -- TCP input: header and option checks, then the event
 * processing of RFC 9293 3.10.7 ("SEGMENT ARRIVES") for each state,
 * with the RFC 5961 defences (challenge ACKs for in-window RST and SYN,
 * ACK range check), PAWS (RFC 7323 5), RTT sampling (RFC 6298),
 * congestion control (RFC 5681 slow start and congestion avoidance,
 * RFC 6582 NewReno fast retransmit and recovery), and ICMP errors
 * (RFC 5927 checks, RFC 1122 4.2.3.9).  Malformed segments are counted
 * in tcp_stats and dropped.
 */
#include "tcp_var.h"

/* A parsed segment, host order. */
struct tcp_seg {
	uint32_t src, dst;        /* network order */
	uint16_t sport, dport;    /* network order */
	uint32_t seq, ack;
	uint32_t win;             /* unscaled */
	int flags;
	uint32_t tlen;            /* payload bytes */
	struct tcp_opts to;
};

/* Parse options (RFC 9293 3.2); false for a malformed list. */
static bool
tcp_dooptions(const uint8_t *cp, size_t len, bool syn, struct tcp_opts *to)
{
	memset(to, 0, sizeof(*to));
	while (len > 0) {
		uint8_t kind = cp[0], olen;

		if (kind == TCPOPT_EOL)
			break;
		if (kind == TCPOPT_NOP) {
			cp++;
			len--;
			continue;
		}
		if (len < 2)
			return false;
		olen = cp[1];
		if (olen < 2 || olen > len)
			return false;
		switch (kind) {
		case TCPOPT_MSS:
			if (olen == 4 && syn) {
				to->to_flags |= TOF_MSS;
				to->to_mss = (uint16_t)(cp[2] << 8 | cp[3]);
			}
			break;
		case TCPOPT_WSCALE:
			if (olen == 3 && syn) {
				to->to_flags |= TOF_WSCALE;
				to->to_wscale = MIN(cp[2], 14);  /* RFC 7323 2.3 */
			}
			break;
		case TCPOPT_SACKOK:
			if (olen == 2 && syn)
				to->to_flags |= TOF_SACKOK;
			break;
		case TCPOPT_TS:
			if (olen == 10) {
				to->to_flags |= TOF_TS;
				memcpy(&to->to_tsval, cp + 2, 4);
				memcpy(&to->to_tsecr, cp + 6, 4);
				to->to_tsval = ntohl(to->to_tsval);
				to->to_tsecr = ntohl(to->to_tsecr);
			}
			break;
		case TCPOPT_SACK:
			if (olen >= 10 && (olen - 2) % 8 == 0 && !syn) {
				to->to_flags |= TOF_SACK;
				to->to_nsack = MIN((olen - 2) / 8, 4);
				for (int i = 0; i < to->to_nsack; i++) {
					memcpy(to->to_sack[i], cp + 2 + 8 * i, 8);
					to->to_sack[i][0] = ntohl(to->to_sack[i][0]);
					to->to_sack[i][1] = ntohl(to->to_sack[i][1]);
				}
			}
			break;
		default:
			break;  /* unknown options are skipped (RFC 9293 3.2) */
		}
		cp += olen;
		len -= olen;
	}
	return true;
}

/* Answer a segment that has no connection (RFC 9293 3.10.7.1). */
static void
tcp_dropwithreset(const struct tcp_seg *s)
{
	if (s->flags & TH_RST)
		return;
	if (s->flags & TH_ACK)
		tcp_respond(s->dst, s->dport, s->src, s->sport, s->ack, 0,
		    TH_RST);
	else
		tcp_respond(s->dst, s->dport, s->src, s->sport, 0,
		    s->seq + s->tlen + ((s->flags & TH_SYN) ? 1 : 0) +
		    ((s->flags & TH_FIN) ? 1 : 0), TH_RST | TH_ACK);
}

void
tcp_xmit_timer(struct tcpcb *tp, uint32_t rtt_ms)
{
	int32_t r = (int32_t)MAX(rtt_ms, 1u);

	/* A timestamp echo from the future or the distant past is a
	 * broken or hostile peer, not an RTT. */
	if (rtt_ms > TCP_RTO_MAX_MS)
		return;

	/* RFC 6298 2.2/2.3, in fixed point: srtt << 3, rttvar << 2. */
	if (tp->t_srtt == 0) {
		tp->t_srtt = r << 3;
		tp->t_rttvar = r << 1;
	} else {
		int32_t delta = r - (tp->t_srtt >> 3);

		tp->t_srtt += delta;
		if (delta < 0)
			delta = -delta;
		tp->t_rttvar += delta - (tp->t_rttvar >> 2);
	}
	tp->t_rto = (uint32_t)((tp->t_srtt >> 3) + MAX(tp->t_rttvar, 4));
	tp->t_rto = MAX(tp->t_rto, TCP_RTO_MIN_MS);
	tp->t_rto = MIN(tp->t_rto, TCP_RTO_MAX_MS);
}

/* Options of a SYN settle the connection's parameters. */
static void
tcp_syn_options(struct tcpcb *tp, const struct tcp_opts *to)
{
	uint32_t peer = (to->to_flags & TOF_MSS) ? to->to_mss : TCP_MSS_DEFAULT;

	tp->t_advmss = tcp_mss_for(tp->t_faddr);
	if (tp->t_usermss != 0)
		tp->t_advmss = MIN(tp->t_advmss, tp->t_usermss);
	tp->t_maxseg = MAX(MIN(peer, tp->t_advmss), 64u);
	if (to->to_flags & TOF_WSCALE) {
		tp->t_flags |= TF_RCVD_WS;
		tp->snd_scale = to->to_wscale;
		tp->rcv_scale = TCP_RCV_WSCALE;
	} else {
		tp->snd_scale = tp->rcv_scale = 0;
	}
	if (to->to_flags & TOF_TS) {
		tp->t_flags |= TF_RCVD_TS;
		tp->ts_recent = to->to_tsval;
		tp->ts_recent_age = nanouptime_ns();
	}
	if (to->to_flags & TOF_SACKOK)
		tp->t_flags |= TF_SACK_OK;
}

/* RFC 6928 / Linux: an initial window of ten segments. */
static void
tcp_cwnd_init(struct tcpcb *tp)
{
	tp->snd_cwnd = 10 * tcp_effmss(tp);
}

/* A connection request to listener l (RFC 9293 3.10.7.2). */
static void
tcp_input_listen(struct tcpcb *l, struct tcp_seg *s)
{
	struct socket *so, *lso = l->t_so;
	struct tcpcb *tp;

	if (s->flags & TH_RST)
		return;
	if (s->flags & TH_ACK) {
		tcp_dropwithreset(s);
		return;
	}
	if (!(s->flags & TH_SYN) || lso == NULL)
		return;
	/* Linux drops the SYN while the accept queue is full. */
	if (l->t_qlen > l->t_backlog ||
	    l->t_q0len >= MAX(TCP_SYNQ_MIN, l->t_backlog)) {
		tcp_stats.tcps_listendrop++;
		return;
	}
	if (socket_create(&tcp_protosw, &so) != 0) {
		tcp_stats.tcps_listendrop++;
		return;
	}
	so->so_state |= SS_NOFDREF | SS_ISBOUND;
	so->so_options = lso->so_options;
	so->so_rcvbuf = lso->so_rcvbuf;
	so->so_sndbuf = lso->so_sndbuf;
	so->so_rcvlowat = lso->so_rcvlowat;
	so->so_rcvtimeo = lso->so_rcvtimeo;
	so->so_sndtimeo = lso->so_sndtimeo;
	so->so_linger = lso->so_linger;
	so->so_uid = lso->so_uid;
	so->so_gid = lso->so_gid;
	so->so_pid = lso->so_pid;
	tp = so->so_pcb;
	tp->t_flags |= TF_PASSIVE | (l->t_flags & (TF_NODELAY | TF_CORK));
	tp->t_keepidle = l->t_keepidle;
	tp->t_keepintvl = l->t_keepintvl;
	tp->t_keepcnt = l->t_keepcnt;
	tp->t_usermss = l->t_usermss;
	tp->t_ttl = l->t_ttl;
	tp->t_laddr = s->dst;
	tp->t_lport = s->dport;
	tp->t_faddr = s->src;
	tp->t_fport = s->sport;
	tp->irs = s->seq;
	tp->rcv_nxt = s->seq + 1;
	tp->rcv_adv = tp->rcv_nxt;
	tp->iss = tcp_new_iss(tp->t_laddr, tp->t_lport, tp->t_faddr,
	    tp->t_fport);
	tp->snd_una = tp->snd_nxt = tp->snd_max = tp->iss;
	tp->snd_recover = tp->iss;
	tcp_syn_options(tp, &s->to);
	tp->snd_wnd = s->win;  /* a SYN's window is not scaled */
	tp->max_sndwnd = tp->snd_wnd;
	tp->snd_wl1 = s->seq;
	tp->snd_wl2 = tp->iss;
	tp->t_state = TCPS_SYN_RECEIVED;
	tp->t_lastrecv = nanouptime_ns();
	tcp_bindhash_insert(tp);
	tcp_connhash_insert(tp);
	tp->t_head = l;
	tp->t_inq = 1;
	tp->t_qnext = l->t_q0;
	l->t_q0 = tp;
	l->t_q0len++;
	(void)tcp_output(tp);  /* the SYN-ACK */
}

/* A reply to our SYN (RFC 9293 3.10.7.3). */
static void
tcp_input_synsent(struct tcpcb *tp, struct tcp_seg *s)
{
	struct socket *so = tp->t_so;

	if (s->flags & TH_ACK) {
		if (SEQ_LEQ(s->ack, tp->iss) || SEQ_GT(s->ack, tp->snd_max)) {
			tcp_dropwithreset(s);
			return;
		}
	}
	if (s->flags & TH_RST) {
		if (s->flags & TH_ACK) {
			tcp_stats.tcps_rstin++;
			tcp_drop(tp, ECONNREFUSED);
		}
		return;
	}
	if (!(s->flags & TH_SYN))
		return;
	tp->irs = s->seq;
	tp->rcv_nxt = s->seq + 1;
	tp->rcv_adv = tp->rcv_nxt;
	tcp_syn_options(tp, &s->to);
	if (s->flags & TH_ACK) {
		tp->snd_una = s->ack;
		if ((s->to.to_flags & TOF_TS) && s->to.to_tsecr != 0)
			tcp_xmit_timer(tp, tcp_now_ms() - s->to.to_tsecr);
		else if (tp->t_rttstart != 0 && tp->t_rxtshift == 0)
			tcp_xmit_timer(tp, (uint32_t)((nanouptime_ns() -
			    tp->t_rttstart) / 1000000));
		tp->t_rttstart = 0;
		tp->t_rxtshift = 0;
		tp->t_timer[TT_REXMT] = 0;
		tp->snd_nxt = tp->snd_max = tp->snd_una;
		tp->snd_recover = tp->snd_una;
		tp->snd_wnd = s->win;
		tp->max_sndwnd = tp->snd_wnd;
		tp->snd_wl1 = s->seq;
		tp->snd_wl2 = s->ack;
		tcp_cwnd_init(tp);
		tp->t_flags |= TF_ACKNOW;
		tcp_stats.tcps_connects++;
		if (so != NULL) {
			so->so_state &= ~SS_ISCONNECTING;
			so->so_state |= SS_ISCONNECTED;
		}
		tcp_keep_arm(tp);
		tcp_set_state(tp, TCPS_ESTABLISHED);
		(void)tcp_output(tp);
		return;
	}
	/* Simultaneous open: answer with SYN-ACK from the same ISS. */
	tp->snd_nxt = tp->iss;
	tp->snd_wnd = s->win;
	tp->snd_wl1 = s->seq;
	tp->t_state = TCPS_SYN_RECEIVED;
	(void)tcp_output(tp);
}

/* The FIN has arrived in order: rcv_nxt covers it now. */
static bool
tcp_input_fin(struct tcpcb *tp)
{
	tp->rcv_nxt++;
	tp->t_flags |= TF_ACKNOW;
	tp->t_flags &= ~TF_RCVFIN_PEND;
	if (tp->t_so != NULL)
		tp->t_so->so_state |= SS_CANTRCVMORE;
	switch (tp->t_state) {
	case TCPS_SYN_RECEIVED:
	case TCPS_ESTABLISHED:
		tcp_set_state(tp, TCPS_CLOSE_WAIT);
		break;
	case TCPS_FIN_WAIT_1:
		tcp_set_state(tp, TCPS_CLOSING);
		break;
	case TCPS_FIN_WAIT_2:
		tcp_timer_stopall(tp);
		tcp_set_state(tp, TCPS_TIME_WAIT);
		tcp_timer_arm(tp, TT_2MSL, TCP_TIMEWAIT_MS);
		break;
	case TCPS_TIME_WAIT:
		tcp_timer_arm(tp, TT_2MSL, TCP_TIMEWAIT_MS);
		break;
	default:
		break;
	}
	tcp_sowakeup(tp);
	return true;
}

static void tcp_rexmt_first(struct tcpcb *tp, uint32_t cwnd_after);

/* New data acknowledged: RTT, congestion window, send buffer.
 * Returns false when tp was closed (and maybe freed). */
static bool
tcp_input_newack(struct tcpcb *tp, struct tcp_seg *s)
{
	uint32_t acked = s->ack - tp->snd_una, mss = tcp_effmss(tp);
	bool finacked = false;

	/* RTT (RFC 7323 4.1 with timestamps, else Karn's timed segment). */
	if ((s->to.to_flags & TOF_TS) && (tp->t_flags & TF_RCVD_TS) &&
	    s->to.to_tsecr != 0)
		tcp_xmit_timer(tp, tcp_now_ms() - s->to.to_tsecr);
	else if (tp->t_rttstart != 0 && SEQ_GT(s->ack, tp->t_rtseq)) {
		tcp_xmit_timer(tp, (uint32_t)((nanouptime_ns() -
		    tp->t_rttstart) / 1000000));
		tp->t_rttstart = 0;
	}
	tp->t_rxtshift = 0;

	if (tp->t_flags & TF_FASTRECOV) {
		if (SEQ_LT(s->ack, tp->snd_recover)) {
			/* RFC 6582 3.2 step 5: a partial ACK; resend the
			 * next hole and deflate. */
			uint32_t ocwnd = tp->snd_cwnd;

			tp->snd_una = s->ack;
			sbuf_drop(&tp->t_snd, acked);
			tcp_rexmt_first(tp, ocwnd > acked ? ocwnd - acked + mss :
			    mss);
			tcp_rexmt_arm(tp);
			if (tp->t_so != NULL)
				sowwakeup(tp->t_so);
			return true;
		}
		/* Full ACK: leave recovery (step 6, option 1). */
		tp->snd_cwnd = MIN(tp->snd_ssthresh,
		    tp->snd_max - s->ack + mss);
		tp->t_flags &= ~TF_FASTRECOV;
	} else if (tp->snd_cwnd <= tp->snd_ssthresh) {
		tp->snd_cwnd += MIN(acked, 2 * mss);  /* slow start, RFC 3465 */
	} else {
		tp->snd_cwnd += MAX(mss * mss / tp->snd_cwnd, 1u);
	}
	tp->snd_cwnd = MIN(tp->snd_cwnd, (uint32_t)TCP_MAXWIN << 14);
	tp->t_dupacks = 0;

	if ((tp->t_flags & TF_SENTFIN) && SEQ_GT(s->ack, tp->snd_fin)) {
		finacked = true;
		sbuf_drop(&tp->t_snd, tp->t_snd.sb_len);
	} else {
		sbuf_drop(&tp->t_snd, acked);
	}
	tp->snd_una = s->ack;
	if (SEQ_LT(tp->snd_nxt, tp->snd_una))
		tp->snd_nxt = tp->snd_una;
	if (tp->snd_una == tp->snd_max)
		tp->t_timer[TT_REXMT] = 0;
	else
		tcp_rexmt_arm(tp);
	if (tp->t_so != NULL)
		sowwakeup(tp->t_so);

	if (!finacked)
		return true;
	switch (tp->t_state) {
	case TCPS_FIN_WAIT_1:
		tcp_set_state(tp, TCPS_FIN_WAIT_2);
		/* An orphan may not wait forever for the peer's FIN. */
		if (tp->t_so == NULL)
			tcp_timer_arm(tp, TT_2MSL, TCP_FINWAIT2_MS);
		break;
	case TCPS_CLOSING:
		tcp_timer_stopall(tp);
		tcp_set_state(tp, TCPS_TIME_WAIT);
		tcp_timer_arm(tp, TT_2MSL, TCP_TIMEWAIT_MS);
		break;
	case TCPS_LAST_ACK:
		tcp_close(tp);
		return false;
	default:
		break;
	}
	return true;
}

/* Send the segment at snd_una again, without disturbing snd_nxt. */
static void
tcp_rexmt_first(struct tcpcb *tp, uint32_t cwnd_after)
{
	uint32_t onxt = tp->snd_nxt;

	tp->snd_nxt = tp->snd_una;
	tp->snd_cwnd = tcp_effmss(tp);
	(void)tcp_output(tp);
	tp->snd_cwnd = cwnd_after;
	if (SEQ_GT(onxt, tp->snd_nxt))
		tp->snd_nxt = onxt;
	/* Data sent from here on arrives after the retransmission. */
	tp->t_rexmt_mark = tp->snd_max;
}

/* The right edge of the highest SACK block of s (or snd_una). */
static uint32_t
tcp_sack_high(struct tcpcb *tp, const struct tcp_seg *s)
{
	uint32_t high = tp->snd_una;

	if (s->to.to_flags & TOF_SACK)
		for (int i = 0; i < s->to.to_nsack; i++)
			if (SEQ_GT(s->to.to_sack[i][1], high) &&
			    SEQ_LEQ(s->to.to_sack[i][1], tp->snd_max))
				high = s->to.to_sack[i][1];
	return high;
}

/* Duplicate ACK handling (RFC 5681 3.2, RFC 6582 3.2). */
static void
tcp_input_dupack(struct tcpcb *tp, const struct tcp_seg *s)
{
	uint32_t mss = tcp_effmss(tp), flight;

	tcp_stats.tcps_rcvdupack++;
	if (tp->t_flags & TF_FASTRECOV) {
		/* The peer SACKs data we sent after retransmitting the
		 * hole, yet the hole stays: the retransmission was lost.
		 * Resend it now rather than wait for a timeout (the idea
		 * of RFC 8985's RACK, reduced to this one case). */
		if (SEQ_GT(tcp_sack_high(tp, s), tp->t_rexmt_mark)) {
			tcp_stats.tcps_fastrexmt++;
			tcp_rexmt_first(tp, tp->snd_cwnd);
			return;
		}
		tp->snd_cwnd += mss;  /* inflate for the segment that left */
		(void)tcp_output(tp);
		return;
	}
	flight = tp->snd_max - tp->snd_una;
	++tp->t_dupacks;
	if (tp->t_dupacks < 3) {
		uint32_t ocwnd = tp->snd_cwnd;
		uint32_t oseg = (flight + mss - 1) / mss;

		/* Limited transmit (RFC 3042): each of the first two
		 * duplicates lets one new segment out, so small windows
		 * still make three duplicates. */
		tp->snd_cwnd = flight + mss;
		(void)tcp_output(tp);
		tp->snd_cwnd = ocwnd;
		/* Early retransmit (RFC 5827): with fewer than four
		 * segments out and nothing new to send, oseg - 1
		 * duplicates are all that can come. */
		if (tp->snd_max != tp->snd_una + tp->t_snd.sb_len ||
		    oseg >= 4 || tp->t_dupacks < (int)oseg - 1 ||
		    tp->t_dupacks < 1 || oseg < 2)
			return;
	} else if (tp->t_dupacks != 3) {
		return;
	}
	/* RFC 6582 4.1 would wait here for snd_una to pass the recovery
	 * point of a timeout; with 5% loss that turns every lost
	 * go-back-N segment into another timeout, so, like Linux with
	 * timestamps, we take the (rare) spurious retransmission. */
	tp->snd_ssthresh = MAX(flight / 2, 2 * mss);
	tp->snd_recover = tp->snd_max;
	tp->t_flags |= TF_FASTRECOV;
	tp->t_rttstart = 0;
	tcp_stats.tcps_fastrexmt++;
	tcp_rexmt_first(tp, tp->snd_ssthresh + 3 * mss);
	tcp_rexmt_arm(tp);
}

/* Segment processing in the synchronized states and SYN-RECEIVED
 * (RFC 9293 3.10.7.4).  p is the payload; taken. */
static void
tcp_input_sync(struct tcpcb *tp, struct tcp_seg *s, struct pkt *p)
{
	struct socket *so = tp->t_so;
	uint32_t rwin, adv, wnd;
	bool fin = (s->flags & TH_FIN) != 0;
	int64_t now = nanouptime_ns();

	/* PAWS (RFC 7323 5.3). */
	if ((tp->t_flags & TF_RCVD_TS) && (s->to.to_flags & TOF_TS) &&
	    !(s->flags & TH_RST) && tp->ts_recent != 0 &&
	    (int32_t)(s->to.to_tsval - tp->ts_recent) < 0) {
		if (now - tp->ts_recent_age > 24LL * 86400 * 1000000000LL) {
			tp->ts_recent = 0;
		} else {
			tcp_stats.tcps_rcvpaws++;
			tp->t_flags |= TF_ACKNOW;
			goto out_output;
		}
	}

	/* Acceptability (RFC 9293 3.10.7.4, first check). */
	adv = SEQ_GT(tp->rcv_adv, tp->rcv_nxt) ? tp->rcv_adv - tp->rcv_nxt : 0;
	rwin = MAX(adv, tcp_rcvspace(tp));
	{
		uint32_t seglen = s->tlen + ((s->flags & TH_SYN) ? 1 : 0) +
		    (fin ? 1 : 0);
		bool ok;

		if (seglen == 0)
			ok = rwin == 0 ? s->seq == tp->rcv_nxt :
			    SEQ_GEQ(s->seq, tp->rcv_nxt) &&
			    SEQ_LT(s->seq, tp->rcv_nxt + rwin);
		else if (rwin == 0)
			ok = false;
		else
			ok = (SEQ_GEQ(s->seq, tp->rcv_nxt) &&
			    SEQ_LT(s->seq, tp->rcv_nxt + rwin)) ||
			    (SEQ_GEQ(s->seq + seglen - 1, tp->rcv_nxt) &&
			    SEQ_LT(s->seq + seglen - 1, tp->rcv_nxt + rwin));
		/* A zero-window probe at rcv_nxt gets its ACK below. */
		if (!ok && rwin == 0 && s->seq == tp->rcv_nxt && s->tlen > 0 &&
		    !(s->flags & (TH_RST | TH_SYN)))
			ok = true;
		if (!ok) {
			tcp_stats.tcps_rcvoutofwin++;
			if (s->flags & TH_RST)
				goto out_free;
			if (tp->t_state == TCPS_TIME_WAIT && fin)
				tcp_timer_arm(tp, TT_2MSL, TCP_TIMEWAIT_MS);
			tp->t_flags |= TF_ACKNOW;
			goto out_output;
		}
	}
	/* Trim what we have already (the front) and what does not fit
	 * (the back). */
	if (SEQ_LT(s->seq, tp->rcv_nxt)) {
		uint32_t todrop = tp->rcv_nxt - s->seq;

		if (s->flags & TH_SYN) {
			s->flags &= ~TH_SYN;
			s->seq++;
			todrop--;
		}
		if (todrop > s->tlen || (todrop == s->tlen && !fin)) {
			fin = false;
			tp->t_flags |= TF_ACKNOW;
			todrop = s->tlen;
		}
		pkt_adj(p, (long)todrop);
		s->seq += todrop;
		s->tlen -= todrop;
	}
	if (SEQ_GT(s->seq + s->tlen, tp->rcv_nxt + rwin)) {
		uint32_t excess = s->seq + s->tlen - (tp->rcv_nxt + rwin);

		excess = MIN(excess, s->tlen);
		pkt_adj(p, -(long)excess);
		s->tlen -= excess;
		fin = false;
		tp->t_flags |= TF_ACKNOW;
	}
	/* RFC 7323 4.3: remember the timestamp to echo. */
	if ((s->to.to_flags & TOF_TS) && SEQ_LEQ(s->seq, tp->last_ack_sent) &&
	    SEQ_GEQ(s->seq + s->tlen + (fin ? 1 : 0), tp->last_ack_sent)) {
		tp->ts_recent = s->to.to_tsval;
		tp->ts_recent_age = now;
	}

	/* RST (RFC 5961 3.2: exact match resets, in-window challenges). */
	if (s->flags & TH_RST) {
		if (s->seq != tp->rcv_nxt) {
			tcp_send_challenge_ack(tp);
			goto out_free;
		}
		tcp_stats.tcps_rstin++;
		switch (tp->t_state) {
		case TCPS_SYN_RECEIVED:
			if (so != NULL && !(tp->t_flags & TF_PASSIVE))
				so->so_error = ECONNREFUSED;
			break;
		case TCPS_ESTABLISHED:
		case TCPS_FIN_WAIT_1:
		case TCPS_FIN_WAIT_2:
			if (so != NULL)
				so->so_error = ECONNRESET;
			break;
		case TCPS_CLOSE_WAIT:
			if (so != NULL)
				so->so_error = EPIPE;
			break;
		default:
			break;
		}
		tcp_close(tp);
		goto out_free;
	}
	/* SYN in window (RFC 5961 4.2): challenge. */
	if (s->flags & TH_SYN) {
		tcp_send_challenge_ack(tp);
		goto out_free;
	}
	if (!(s->flags & TH_ACK))
		goto out_free;

	/* ACK (RFC 9293 3.10.7.4, fifth check). */
	if (tp->t_state == TCPS_SYN_RECEIVED) {
		if (SEQ_LEQ(s->ack, tp->snd_una) || SEQ_GT(s->ack, tp->snd_max)) {
			tcp_dropwithreset(s);
			goto out_free;
		}
		tp->snd_una = s->ack;  /* our SYN */
		if ((s->to.to_flags & TOF_TS) && s->to.to_tsecr != 0)
			tcp_xmit_timer(tp, tcp_now_ms() - s->to.to_tsecr);
		tp->t_rxtshift = 0;
		tp->t_timer[TT_REXMT] = 0;
		tp->snd_nxt = SEQ_MAX(tp->snd_nxt, tp->snd_una);
		tp->snd_wnd = s->win << tp->snd_scale;
		tp->max_sndwnd = tp->snd_wnd;
		tp->snd_wl1 = s->seq;
		tp->snd_wl2 = s->ack;
		tcp_cwnd_init(tp);
		tcp_keep_arm(tp);
		if (so != NULL) {
			so->so_state &= ~SS_ISCONNECTING;
			so->so_state |= SS_ISCONNECTED;
		}
		if (tp->t_head != NULL) {
			/* Passive: from the SYN queue to the accept queue. */
			struct tcpcb *l = tp->t_head, **qp;

			for (qp = &l->t_q0; *qp != NULL && *qp != tp;
			     qp = &(*qp)->t_qnext)
				;
			if (*qp == tp)
				*qp = tp->t_qnext;
			l->t_q0len--;
			tp->t_qnext = NULL;
			for (qp = &l->t_q; *qp != NULL; qp = &(*qp)->t_qnext)
				;
			*qp = tp;
			tp->t_inq = 2;
			l->t_qlen++;
			tcp_stats.tcps_accepts++;
		} else {
			tcp_stats.tcps_connects++;
		}
		tcp_set_state(tp, TCPS_ESTABLISHED);
		/* A FIN we sent meanwhile (close before accept) goes on. */
	}
	if (SEQ_GT(s->ack, tp->snd_max)) {
		tcp_stats.tcps_rcvacktoomuch++;
		tcp_send_challenge_ack(tp);
		goto out_free;
	}
	if (SEQ_LT(s->ack, tp->snd_una - tp->max_sndwnd)) {
		/* RFC 5961 5.2: too old to be real. */
		tcp_send_challenge_ack(tp);
		goto out_free;
	}
	wnd = s->win << tp->snd_scale;
	if (SEQ_LEQ(s->ack, tp->snd_una)) {
		/* A duplicate ACK (RFC 5681 2): no data, same window --
		 * or a SACK block, which says data beyond a hole arrived
		 * even when the reader moved the window (RFC 6675 2). */
		if (s->tlen == 0 && !fin && (wnd == tp->snd_wnd ||
		    (s->to.to_flags & TOF_SACK)) &&
		    s->ack == tp->snd_una && tp->snd_max != tp->snd_una)
			tcp_input_dupack(tp, s);
		else if (s->ack != tp->snd_una || s->tlen > 0)
			tp->t_dupacks = tp->t_flags & TF_FASTRECOV ?
			    tp->t_dupacks : 0;
	} else {
		if (!tcp_input_newack(tp, s))
			goto out_free;  /* closed (LAST-ACK done) */
	}
	/* Send window update (RFC 9293 3.10.7.4). */
	if (SEQ_LT(tp->snd_wl1, s->seq) || (tp->snd_wl1 == s->seq &&
	    SEQ_LEQ(tp->snd_wl2, s->ack))) {
		bool opened = tp->snd_wnd == 0 && wnd > 0;

		tp->snd_wnd = wnd;
		tp->snd_wl1 = s->seq;
		tp->snd_wl2 = s->ack;
		if (wnd > tp->max_sndwnd)
			tp->max_sndwnd = wnd;
		if (opened || wnd > 0) {
			tp->t_timer[TT_PERSIST] = 0;
			tp->t_flags &= ~TF_PERSIST;
			tp->t_persistshift = 0;
		}
	}
	tp->t_lastrecv = now;
	tp->t_keepprobes = 0;  /* the peer is alive */
	if (tp->t_state == TCPS_TIME_WAIT) {
		/* Only a retransmitted FIN is expected here: ACK it and
		 * wait again (RFC 9293 3.10.7.4).  Anything else gets no
		 * answer -- two ends in TIME-WAIT (after a simultaneous
		 * close) would otherwise ACK each other's ACKs forever. */
		if (fin) {
			tcp_timer_arm(tp, TT_2MSL, TCP_TIMEWAIT_MS);
			tp->t_flags |= TF_ACKNOW;
		}
		goto out_output;
	}

	/* Segment text (seventh check). */
	if (s->tlen > 0 || fin) {
		if (tp->t_state != TCPS_ESTABLISHED &&
		    tp->t_state != TCPS_FIN_WAIT_1 &&
		    tp->t_state != TCPS_FIN_WAIT_2)
			goto out_output;  /* after the peer's FIN: ignore */
		if (so == NULL && s->tlen > 0) {
			/* Data for a closed socket: RFC 1122 4.2.2.13. */
			tcp_drop(tp, 0);
			goto out_free;
		}
		if (s->seq == tp->rcv_nxt && tp->t_reass == NULL) {
			if (s->tlen > 0) {
				if (sbuf_append_pkt(&tp->t_rcv, p, 0, s->tlen) != 0) {
					/* No memory: drop, the peer resends. */
					tcp_stats.tcps_nobufs++;
					goto out_output;
				}
				tp->rcv_nxt += s->tlen;
				tcp_stats.tcps_rcvpack++;
				tcp_stats.tcps_rcvbyte += s->tlen;
				if (so != NULL)
					sorwakeup(so);
				/* Delayed ACK: every second full segment or
				 * after TCP_DELACK_MS (RFC 1122 4.2.3.2). */
				if (++tp->t_rcvsegs >= 2 ||
				    (tp->t_flags & TF_QUICKACK))
					tp->t_flags |= TF_ACKNOW;
				else if (!(tp->t_flags & TF_DELACK)) {
					tp->t_flags |= TF_DELACK;
					tcp_timer_arm(tp, TT_DELACK,
					    TCP_DELACK_MS);
				}
			}
			if (fin)
				tcp_input_fin(tp);
		} else {
			/* Out of order: queue, ACK at once (RFC 5681 4.2)
			 * so the sender sees duplicate ACKs. */
			tcp_stats.tcps_rcvooo++;
			if (tcp_reass(tp, s->seq, p, s->tlen, fin) && so != NULL)
				sorwakeup(so);
			p = NULL;
			tp->t_flags |= TF_ACKNOW;
			if ((tp->t_flags & TF_RCVFIN_PEND) &&
			    tp->rcv_nxt == tp->t_rcvfin)
				tcp_input_fin(tp);
		}
	}
out_output:
	(void)tcp_output(tp);
out_free:
	pkt_free(p);
}

void
tcp_input(struct pkt *p, size_t hlen)
{
	struct ip_hdr ip;
	struct tcp_hdr th;
	struct tcp_seg s;
	uint8_t opts[TCP_MAXOLEN];
	size_t tlen, off;
	struct tcpcb *tp;

	tcp_stats.tcps_rcvtotal++;
	(void)pkt_copydata(p, 0, sizeof(ip), &ip);
	/* Never answer or accept broadcast and multicast (RFC 1122
	 * 4.2.3.10). */
	if ((p->pk_flags & (PKF_BCAST | PKF_MCAST)) ||
	    (ntohl(ip.ip_dst) & 0xf0000000) == 0xe0000000 ||
	    (ntohl(ip.ip_src) & 0xf0000000) == 0xe0000000 ||
	    ip.ip_src == INADDR_BROADCAST) {
		tcp_stats.tcps_bcastdrop++;
		goto drop;
	}
	tlen = p->pk_pktlen - hlen;
	if (tlen < TCP_HDRLEN ||
	    pkt_copydata(p, hlen, sizeof(th), &th) != 0) {
		tcp_stats.tcps_rcvshort++;
		goto drop;
	}
	/* net-perf: PKF_CSUM_OK, the driver vouches for the checksum. */
	if (!(p->pk_flags & PKF_CSUM_OK) &&
	    pkt_cksum(p, hlen, tlen, in_pseudo(ip.ip_src, ip.ip_dst,
	    IPPROTO_TCP, (uint16_t)tlen)) != 0) {
		tcp_stats.tcps_rcvbadsum++;
		goto drop;
	}
	off = (size_t)(th.th_off >> 4) * 4;
	if (off < TCP_HDRLEN || off > tlen) {
		tcp_stats.tcps_rcvbadoff++;
		goto drop;
	}
	memset(&s, 0, sizeof(s));
	s.flags = th.th_flags & (TH_FIN | TH_SYN | TH_RST | TH_PSH | TH_ACK |
	    TH_URG);
	if (off > TCP_HDRLEN) {
		(void)pkt_copydata(p, hlen + TCP_HDRLEN, off - TCP_HDRLEN, opts);
		if (!tcp_dooptions(opts, off - TCP_HDRLEN,
		    (s.flags & TH_SYN) != 0, &s.to)) {
			tcp_stats.tcps_rcvbadopt++;
			goto drop;
		}
	}
	s.src = ip.ip_src;
	s.dst = ip.ip_dst;
	s.sport = th.th_sport;
	s.dport = th.th_dport;
	s.seq = ntohl(th.th_seq);
	s.ack = ntohl(th.th_ack);
	s.win = ntohs(th.th_win);
	s.tlen = (uint32_t)(tlen - off);
	if (s.sport == 0 || s.dport == 0) {
		tcp_stats.tcps_rcvbadoff++;
		goto drop;
	}
	pkt_adj(p, (long)(hlen + off));  /* the payload is left */

	mutex_enter(&tcp_lock);
	tp = tcp_lookup(s.src, s.sport, s.dst, s.dport);
	/* A new SYN may end a TIME-WAIT (RFC 1122 4.2.2.13). */
	if (tp != NULL && tp->t_state == TCPS_TIME_WAIT &&
	    (s.flags & (TH_SYN | TH_ACK | TH_RST)) == TH_SYN &&
	    SEQ_GT(s.seq, tp->rcv_nxt)) {
		tcp_close(tp);
		tp = tcp_lookup(s.src, s.sport, s.dst, s.dport);
	}
	if (tp == NULL) {
		tcp_stats.tcps_noport++;
		tcp_dropwithreset(&s);
		goto unlock_drop;
	}
	switch (tp->t_state) {
	case TCPS_CLOSED:
		tcp_dropwithreset(&s);
		goto unlock_drop;
	case TCPS_LISTEN:
		tcp_input_listen(tp, &s);
		goto unlock_drop;
	case TCPS_SYN_SENT:
		tcp_input_synsent(tp, &s);
		goto unlock_drop;
	default:
		tcp_input_sync(tp, &s, p);
		tcp_unlock();
		return;
	}
unlock_drop:
	tcp_unlock();
drop:
	pkt_free(p);
}

void
tcp_ctlinput(int error, uint32_t src, uint16_t sport, uint32_t dst,
    uint16_t dport, uint32_t seq)
{
	struct tcpcb *tp;

	mutex_enter(&tcp_lock);
	tp = tcp_lookup(dst, dport, src, sport);
	/* RFC 5927 4.1: only about data in flight. */
	if (tp == NULL || tp->t_state == TCPS_LISTEN ||
	    SEQ_LT(seq, tp->snd_una) || SEQ_GEQ(seq, tp->snd_max))
		goto out;
	/* While connecting, an unreachable ends the attempt, as on Linux:
	 * connect to an absent host on the link fails with EHOSTUNREACH
	 * once ARP gives up, not after the SYN retries. */
	if (tp->t_state == TCPS_SYN_SENT) {
		tcp_drop(tp, error);
		goto out;
	}
	/* Later errors are soft (RFC 1122 4.2.3.9): the retransmission
	 * timer decides, and reports this error instead of ETIMEDOUT if
	 * it gives up, as Linux does without IP_RECVERR. */
	tp->t_softerror = error;
out:
	tcp_unlock();
}
