/*
 * tcp_reass.c -- the out-of-order queue (RFC 9293 3.10.7.4, "segment
 * text"): segments beyond rcv_nxt wait here, sorted and without
 * overlap, until the gap before them is filled; the queue is bounded by
 * the receive window (input trims to it) and a segment count.  Also
 * the SACK blocks (RFC 2018 4) that describe the queue to the sender.
 */
#include "tcp_var.h"

static void
reass_free(struct tcpcb *tp, struct tcp_reass *r)
{
	tp->t_reasssegs--;
	tp->t_reassbytes -= r->tr_len;
	pkt_free(r->tr_pkt);
	kmem_free(r, sizeof(*r));
}

void
tcp_reass_flush(struct tcpcb *tp)
{
	while (tp->t_reass != NULL) {
		struct tcp_reass *r = tp->t_reass;

		tp->t_reass = r->tr_next;
		reass_free(tp, r);
	}
}

/* Insert [seq, seq+len) keeping the queue sorted and disjoint: what
 * is already held wins, the new segment is trimmed around it. */
static void
reass_insert(struct tcpcb *tp, uint32_t seq, struct pkt *p, uint32_t len,
    bool fin)
{
	struct tcp_reass **rp = &tp->t_reass, *r;

	while (len > 0 || fin) {
		/* Skip entries wholly before seq. */
		while (*rp != NULL &&
		    SEQ_LEQ((*rp)->tr_seq + (*rp)->tr_len, seq))
			rp = &(*rp)->tr_next;
		r = *rp;
		if (r != NULL && SEQ_LEQ(r->tr_seq, seq)) {
			/* seq falls inside r: drop the covered front. */
			uint32_t cut = r->tr_seq + r->tr_len - seq;

			if (cut >= len) {
				if (fin && cut == len)
					r->tr_fin = true;
				goto out_free;
			}
			pkt_adj(p, (long)cut);
			seq += cut;
			len -= cut;
			continue;
		}
		/* seq is before r (or r is NULL): insert the part up to r. */
		{
			uint32_t room = r != NULL ? r->tr_seq - seq : len;
			struct tcp_reass *n;
			struct pkt *rest = NULL;
			uint32_t take = MIN(room, len);

			if (take == 0 && !fin)
				goto out_free;
			if (take < len) {
				rest = pkt_dup(p, 0);
				if (rest == NULL)
					goto out_free;
				pkt_adj(rest, (long)take);
				pkt_adj(p, -(long)(len - take));
			}
			if (tp->t_reasssegs >= TCP_REASS_MAXSEGS ||
			    (n = kmem_alloc(sizeof(*n), KM_NOSLEEP)) == NULL) {
				tcp_stats.tcps_drops++;
				pkt_free(rest);
				goto out_free;
			}
			n->tr_seq = seq;
			n->tr_len = take;
			n->tr_fin = fin && take == len;
			n->tr_pkt = p;
			n->tr_next = r;
			*rp = n;
			tp->t_reasssegs++;
			tp->t_reassbytes += take;
			rp = &n->tr_next;
			seq += take;
			len -= take;
			p = rest;
			if (p == NULL)
				return;
			if (len == 0)
				goto out_free;
		}
	}
out_free:
	pkt_free(p);
}

bool
tcp_reass(struct tcpcb *tp, uint32_t seq, struct pkt *p, uint32_t len,
    bool fin)
{
	uint32_t start = tp->rcv_nxt;

	if (p != NULL)
		reass_insert(tp, seq, p, len, fin);
	/* Move what is now in order to the receive ring. */
	while (tp->t_reass != NULL) {
		struct tcp_reass *r = tp->t_reass;
		uint32_t skip;

		if (SEQ_GT(r->tr_seq, tp->rcv_nxt))
			break;
		skip = tp->rcv_nxt - r->tr_seq;
		if (skip < r->tr_len) {
			uint32_t n = r->tr_len - skip;

			if (sbuf_append_pkt(&tp->t_rcv, r->tr_pkt, skip, n) != 0)
				break;  /* no memory: keep it queued */
			tp->rcv_nxt += n;
			tcp_stats.tcps_rcvbyte += n;
		}
		if (r->tr_fin) {
			tp->t_flags |= TF_RCVFIN_PEND;
			tp->t_rcvfin = r->tr_seq + r->tr_len;
		}
		tp->t_reass = r->tr_next;
		reass_free(tp, r);
	}
	return tp->rcv_nxt != start;
}

int
tcp_sack_blocks(struct tcpcb *tp, uint32_t blk[][2], int max)
{
	int n = 0;

	/* Adjacent queue entries form one block. */
	for (struct tcp_reass *r = tp->t_reass; r != NULL && n < max;) {
		uint32_t l = r->tr_seq, e = r->tr_seq + r->tr_len;

		r = r->tr_next;
		while (r != NULL && r->tr_seq == e) {
			e += r->tr_len;
			r = r->tr_next;
		}
		if (e != l) {
			blk[n][0] = l;
			blk[n][1] = e;
			n++;
		}
	}
	return n;
}
