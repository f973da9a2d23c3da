/*
 * tcp_timer.c -- TCP's timers on the kernel's callout facility:
 * retransmission (RFC 6298, exponential backoff), persist (zero-window
 * probes, RFC 9293 3.8.6.1), keepalive (RFC 1122 4.2.3.6), TIME-WAIT
 * (2MSL) and the orphaned FIN-WAIT-2 limit, and the delayed ACK.
 *
 * Each connection keeps absolute deadlines; connections with a timer
 * armed sit on one list, and a single callout is armed for the earliest
 * deadline.  Re-arming a timer later (every ACK does) is then a store,
 * and a control block can be freed under tcp_lock at any time -- no
 * per-connection callout can be running against it.
 */
#include "tcp_var.h"

#define MS 1000000LL

static struct callout tcp_callout;
static int64_t tcp_callout_when;    /* armed for; 0: idle */
static struct tcpcb *tcp_timerlist;

static void tcp_timeout(void *arg);

static void
tcp_callout_arm(int64_t when)
{
	int64_t now = nanouptime_ns();

	if (tcp_callout_when != 0 && tcp_callout_when <= when)
		return;
	tcp_callout_when = when;
	callout_reset(&tcp_callout, when > now ? when - now : 0, tcp_timeout,
	    NULL);
}

void
tcp_timer_arm(struct tcpcb *tp, enum tcp_timer t, int64_t ms)
{
	int64_t when;

	if (ms <= 0) {
		tp->t_timer[t] = 0;
		return;
	}
	when = nanouptime_ns() + ms * MS;
	tp->t_timer[t] = when;
	if (tp->t_tprev == NULL) {
		tp->t_tnext = tcp_timerlist;
		if (tcp_timerlist != NULL)
			tcp_timerlist->t_tprev = &tp->t_tnext;
		tcp_timerlist = tp;
		tp->t_tprev = &tcp_timerlist;
	}
	tcp_callout_arm(when);
}

bool
tcp_timer_active(struct tcpcb *tp, enum tcp_timer t)
{
	return tp->t_timer[t] != 0;
}

static void
tcp_timer_unlink(struct tcpcb *tp)
{
	if (tp->t_tprev == NULL)
		return;
	*tp->t_tprev = tp->t_tnext;
	if (tp->t_tnext != NULL)
		tp->t_tnext->t_tprev = tp->t_tprev;
	tp->t_tprev = NULL;
	tp->t_tnext = NULL;
}

void
tcp_timer_stopall(struct tcpcb *tp)
{
	for (int t = 0; t < TT_NTIMERS; t++)
		tp->t_timer[t] = 0;
	tcp_timer_unlink(tp);
}

void
tcp_rexmt_arm(struct tcpcb *tp)
{
	int64_t rto = (int64_t)tp->t_rto << MIN(tp->t_rxtshift, 12);

	tcp_timer_arm(tp, TT_REXMT, MIN(rto, TCP_RTO_MAX_MS));
}

void
tcp_setpersist(struct tcpcb *tp)
{
	int64_t t = (int64_t)tp->t_rto << MIN(tp->t_persistshift, 12);

	t = MAX(t, TCP_PERSIST_MIN_MS);
	t = MIN(t, TCP_PERSIST_MAX_MS);
	tp->t_flags |= TF_PERSIST;
	tcp_timer_arm(tp, TT_PERSIST, t);
	if (tp->t_persistshift < 12)
		tp->t_persistshift++;
}

void
tcp_keep_arm(struct tcpcb *tp)
{
	tp->t_keepprobes = 0;
	tcp_timer_arm(tp, TT_KEEP, (int64_t)tp->t_keepidle * 1000);
}

/* The retransmission timer went off (RFC 6298 5.4-5.7, RFC 5681 3.1). */
static void
tcp_timer_rexmt(struct tcpcb *tp)
{
	uint32_t flight, mss = tcp_effmss(tp);
	int limit;

	switch (tp->t_state) {
	case TCPS_SYN_SENT:
		limit = tp->t_syncnt;
		break;
	case TCPS_SYN_RECEIVED:
		limit = TCP_SYNACKRETRIES;
		break;
	default:
		limit = TCP_RETRIES2;
		break;
	}
	if (++tp->t_rxtshift > limit) {
		tcp_stats.tcps_timeoutdrop++;
		tcp_drop(tp, tp->t_softerror ? tp->t_softerror : ETIMEDOUT);
		return;
	}
	tcp_stats.tcps_rexmttimeo++;
	flight = tp->snd_max - tp->snd_una;
	tp->snd_ssthresh = MAX(flight / 2, 2 * mss);
	tp->snd_cwnd = mss;  /* the loss window */
	tp->t_flags &= ~TF_FASTRECOV;
	tp->t_dupacks = 0;
	tp->snd_recover = tp->snd_max;
	tp->snd_nxt = tp->snd_una;
	tp->t_rttstart = 0;  /* Karn: no sample from a retransmission */
	tp->t_totalrexmt++;
	/* A FIN to be sent again is sent by tcp_output at the end. */
	if (tp->t_flags & TF_SENTFIN)
		tp->t_flags &= ~TF_SENTFIN;
	tcp_rexmt_arm(tp);
	(void)tcp_output(tp);
}

static void
tcp_timer_persist(struct tcpcb *tp)
{
	tp->t_flags &= ~TF_PERSIST;
	if (tcp_timer_active(tp, TT_REXMT) || tp->t_snd.sb_len == 0)
		return;  /* data moves again: the timer is not needed */
	tcp_stats.tcps_sndprobe++;
	if (tp->snd_wnd == 0) {
		/* RFC 9293 3.8.6.1: one octet at snd_una.  A receiver that
		 * has no room drops it and answers with its window; one
		 * that has (its window read zero only after scaling, or an
		 * update was lost) takes it and acknowledges it. */
		(void)tcp_send_seg(tp, tp->snd_una, 1, TH_ACK);
		tp->snd_nxt = SEQ_MAX(tp->snd_nxt, tp->snd_una + 1);
		tp->snd_max = SEQ_MAX(tp->snd_max, tp->snd_nxt);
	} else {
		tp->t_flags |= TF_FORCE;  /* send what the window allows */
		(void)tcp_output(tp);
		tp->t_flags &= ~TF_FORCE;
	}
	if (tp->t_snd.sb_len > 0 && !tcp_timer_active(tp, TT_REXMT))
		tcp_setpersist(tp);
}

static void
tcp_timer_keep(struct tcpcb *tp)
{
	int64_t idle_ms, now = nanouptime_ns();
	bool on = tp->t_so != NULL &&
	    (tp->t_so->so_options & SO_OPT_KEEPALIVE);

	if (!on || tp->t_state < TCPS_ESTABLISHED ||
	    tp->t_state > TCPS_CLOSE_WAIT) {
		/* Look again later: SO_KEEPALIVE may be set meanwhile. */
		tcp_timer_arm(tp, TT_KEEP, (int64_t)tp->t_keepidle * 1000);
		return;
	}
	idle_ms = (now - tp->t_lastrecv) / MS;
	if (tp->t_keepprobes == 0 && idle_ms < (int64_t)tp->t_keepidle * 1000) {
		tcp_timer_arm(tp, TT_KEEP,
		    (int64_t)tp->t_keepidle * 1000 - idle_ms);
		return;
	}
	if (tp->t_keepprobes >= tp->t_keepcnt) {
		tcp_stats.tcps_keepdrops++;
		tcp_drop(tp, ETIMEDOUT);
		return;
	}
	/* RFC 1122 4.2.3.6: a segment with SEG.SEQ = SND.NXT-1 makes the
	 * peer answer with an ACK. */
	tcp_stats.tcps_keepprobe++;
	tp->t_keepprobes++;
	tcp_respond(tp->t_laddr, tp->t_lport, tp->t_faddr, tp->t_fport,
	    tp->snd_una - 1, tp->rcv_nxt, TH_ACK);
	tcp_timer_arm(tp, TT_KEEP, (int64_t)tp->t_keepintvl * 1000);
}

static void
tcp_timer_fire(struct tcpcb *tp, enum tcp_timer t)
{
	switch (t) {
	case TT_REXMT:
		tcp_timer_rexmt(tp);
		break;
	case TT_PERSIST:
		tcp_timer_persist(tp);
		break;
	case TT_KEEP:
		tcp_timer_keep(tp);
		break;
	case TT_2MSL:
		tcp_close(tp);
		break;
	case TT_DELACK:
		if (tp->t_flags & TF_DELACK) {
			tp->t_flags |= TF_ACKNOW;
			(void)tcp_output(tp);
		}
		break;
	case TT_NTIMERS:
		break;
	}
}

static void
tcp_timeout(void *arg)
{
	int64_t now, next;
	struct tcpcb *tp, *tnext;

	(void)arg;
	mutex_enter(&tcp_lock);
	tcp_callout_when = 0;
again:
	now = nanouptime_ns();
	next = 0;
	for (tp = tcp_timerlist; tp != NULL; tp = tnext) {
		bool any = false;

		tnext = tp->t_tnext;
		for (int t = 0; t < TT_NTIMERS; t++) {
			int64_t w = tp->t_timer[t];

			if (w == 0)
				continue;
			if (w <= now) {
				tp->t_timer[t] = 0;
				/* The handler may free tp or others: start
				 * over rather than trust tnext. */
				tcp_timer_fire(tp, (enum tcp_timer)t);
				goto again;
			}
			any = true;
			if (next == 0 || w < next)
				next = w;
		}
		if (!any)
			tcp_timer_unlink(tp);
	}
	if (next != 0)
		tcp_callout_arm(next);
	tcp_unlock();
}

void
tcp_timer_init(void)
{
	callout_init(&tcp_callout);
}
