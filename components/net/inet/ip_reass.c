/*
 * ip_reass.c -- reassembly of fragmented IPv4 datagrams (RFC 791
 * section 3.2, RFC 1122 3.3.2).  Fragments wait in one queue per
 * (source, destination, identification, protocol), sorted by offset.
 * A fragment that overlaps another (not an exact duplicate) discards
 * its whole datagram, as RFC 5722 asks of IPv6: overlaps are how
 * filters are evaded, never how honest senders fragment.  Bounded in
 * queues, memory held and time (a datagram not complete after
 * ip_reass_timeout_ns is dropped, with ICMP time exceeded when its
 * first fragment came, RFC 792).
 */
#include "inet_int.h"

#define IPQ_MAX 64                 /* datagrams being reassembled */
#define IPQ_MAXBYTES (4u << 20)    /* memory of fragments, all queues */
#define IPQ_MAXFRAGS 512           /* fragments of one datagram */
#define ICMP_TIMXCEED_REASS 1      /* RFC 792: reassembly time exceeded */

int64_t ip_reass_timeout_ns = 30 * (int64_t)NSEC_PER_SEC;

struct ipfrag {
	struct ipfrag *f_next;     /* by offset */
	struct pkt *f_pkt;         /* the fragment, IP header included */
	size_t f_hlen;
	size_t f_off, f_len;       /* its payload's place in the datagram */
	size_t f_mem;              /* memory it holds (buffers included) */
};

struct ipq {
	struct ipq *q_next;        /* oldest first */
	uint32_t q_src, q_dst;
	uint16_t q_id;
	uint8_t q_proto;
	int q_nfrags;
	size_t q_mem;              /* sum of f_mem */
	size_t q_total;            /* payload length; 0 until the last came */
	int64_t q_expire;
	struct ipfrag *q_frags;
};

static kmutex_t reass_lock;
static struct ipq *reass_head, **reass_tail = &reass_head;
static int reass_nq;
static size_t reass_mem;
static struct callout reass_callout;

int
ip_reass_queues(void)
{
	int n;

	mutex_enter(&reass_lock);
	n = reass_nq;
	mutex_exit(&reass_lock);
	return n;
}

static void
ipq_unlink(struct ipq *q)
{
	struct ipq **qp;

	for (qp = &reass_head; *qp != q; qp = &(*qp)->q_next)
		;
	*qp = q->q_next;
	if (reass_tail == &q->q_next)
		reass_tail = qp;
	reass_nq--;
	reass_mem -= q->q_mem;
}

/*
 * ipq_free: unlink q and free it; its first fragment (if it came and
 * keep0) is returned instead of freed, for an ICMP error.  Fragments
 * freed are counted as dropped.  reass_lock held.
 */
static struct pkt *
ipq_free(struct ipq *q, bool keep0)
{
	struct pkt *first = NULL;

	ipq_unlink(q);
	while (q->q_frags != NULL) {
		struct ipfrag *f = q->q_frags;

		q->q_frags = f->f_next;
		if (keep0 && f->f_off == 0)
			first = f->f_pkt;
		else
			pkt_free(f->f_pkt);
		inet_stats.ips_fragdropped++;
		kmem_free(f, sizeof(*f));
	}
	kmem_free(q, sizeof(*q));
	return first;
}

static void
reass_timeout(void *arg)
{
	struct pkt *errs = NULL, *p;
	struct ipq *q, *next;
	int64_t now = nanouptime_ns(), first = INT64_MAX;

	(void)arg;
	mutex_enter(&reass_lock);
	/* Usually the oldest expire first, but the timeout may change. */
	for (q = reass_head; q != NULL; q = next) {
		next = q->q_next;
		if (q->q_expire > now) {
			first = MIN(first, q->q_expire);
			continue;
		}
		inet_stats.ips_fragtimeout++;
		p = ipq_free(q, true);
		if (p != NULL) {
			p->pk_nextpkt = errs;
			errs = p;
		}
	}
	if (first != INT64_MAX)
		callout_reset(&reass_callout, first - now, reass_timeout, NULL);
	mutex_exit(&reass_lock);
	while ((p = errs) != NULL) {
		errs = p->pk_nextpkt;
		p->pk_nextpkt = NULL;
		icmp_error(p, ICMP_TIMXCEED, ICMP_TIMXCEED_REASS);
	}
}

/*
 * reass_join: the datagram of complete queue q as one packet: the
 * first fragment with the others' payloads chained behind it, its
 * header saying the whole length.  Frees q (already unlinked).
 */
static struct pkt *
reass_join(struct ipq *q)
{
	struct ipfrag *f = q->q_frags;
	struct pkt *p = f->f_pkt, *tail;
	struct ip_hdr ip;

	for (tail = p; tail->pk_next != NULL; tail = tail->pk_next)
		;
	q->q_frags = f->f_next;
	kmem_free(f, sizeof(*f));
	while ((f = q->q_frags) != NULL) {
		struct pkt *fp = f->f_pkt;

		q->q_frags = f->f_next;
		pkt_adj(fp, (long)f->f_hlen);
		p->pk_pktlen += fp->pk_pktlen;
		tail->pk_next = fp;
		for (tail = fp; tail->pk_next != NULL; tail = tail->pk_next)
			;
		kmem_free(f, sizeof(*f));
	}
	(void)pkt_copydata(p, 0, sizeof(ip), &ip);
	ip.ip_len = htons((uint16_t)p->pk_pktlen);
	ip.ip_off = 0;
	ip.ip_sum = 0;
	(void)pkt_copyback(p, 0, sizeof(ip), &ip);
	ip.ip_sum = htons(pkt_cksum(p, 0, (size_t)(ip.ip_vhl & 0xf) * 4, 0));
	(void)pkt_copyback(p, 0, sizeof(ip), &ip);
	kmem_free(q, sizeof(*q));
	inet_stats.ips_reassembled++;
	return p;
}

/* Is q complete: fragments cover 0..q_total without a gap? */
static bool
ipq_complete(const struct ipq *q)
{
	size_t next = 0;

	if (q->q_total == 0)
		return false;
	for (const struct ipfrag *f = q->q_frags; f != NULL; f = f->f_next) {
		if (f->f_off != next)
			return false;
		next += f->f_len;
	}
	return next == q->q_total;
}

static struct ipq *
ipq_lookup(const struct ip_hdr *ip)
{
	for (struct ipq *q = reass_head; q != NULL; q = q->q_next)
		if (q->q_src == ip->ip_src && q->q_dst == ip->ip_dst &&
		    q->q_id == ip->ip_id && q->q_proto == ip->ip_p)
			return q;
	return NULL;
}

static struct ipq *
ipq_create(const struct ip_hdr *ip)
{
	struct ipq *q;

	/* Full: the oldest datagram is the least likely to complete. */
	if (reass_nq >= IPQ_MAX)
		(void)ipq_free(reass_head, false);
	q = kmem_zalloc(sizeof(*q), KM_SLEEP);
	if (q == NULL)
		return NULL;
	q->q_src = ip->ip_src;
	q->q_dst = ip->ip_dst;
	q->q_id = ip->ip_id;
	q->q_proto = ip->ip_p;
	q->q_expire = nanouptime_ns() + ip_reass_timeout_ns;
	*reass_tail = q;
	reass_tail = &q->q_next;
	reass_nq++;
	if (!callout_pending(&reass_callout) ||
	    reass_callout.c_when > q->q_expire)
		callout_reset(&reass_callout, ip_reass_timeout_ns,
		    reass_timeout, NULL);
	return q;
}

struct pkt *
ip_reass(struct pkt *p, size_t hlen)
{
	struct ip_hdr *ip = (struct ip_hdr *)p->pk_data;
	uint16_t off_field = ntohs(ip->ip_off);
	size_t off = (size_t)(off_field & IP_OFFMASK) * 8;
	size_t len = p->pk_pktlen - hlen;
	bool more = (off_field & IP_MF) != 0;
	struct ipfrag *f, **fp, *prev;
	struct ipq *q;
	struct pkt *whole = NULL;
	size_t mem;

	inet_stats.ips_fragments++;
	/* Every fragment but the last holds a multiple of 8 bytes, and
	 * the datagram may not outgrow ip_len's 16 bits. */
	if (len == 0 || (more && (len & 7) != 0) ||
	    hlen + off + len > IP_MAXPACKET) {
		inet_stats.ips_fragbad++;
		inet_stats.ips_fragdropped++;
		pkt_free(p);
		return NULL;
	}
	mutex_enter(&reass_lock);
	q = ipq_lookup(ip);
	if (q == NULL && (q = ipq_create(ip)) == NULL)
		goto drop;
	/* The last fragment fixes the length; nothing may pass it. */
	if (!more) {
		bool past = false;

		for (f = q->q_frags; f != NULL; f = f->f_next)
			past |= f->f_off + f->f_len > off + len;
		if ((q->q_total != 0 && q->q_total != off + len) || past)
			goto drop_queue;
		q->q_total = off + len;
	} else if (q->q_total != 0 && off + len > q->q_total) {
		goto drop_queue;
	}
	prev = NULL;
	for (fp = &q->q_frags; *fp != NULL && (*fp)->f_off < off;
	    fp = &(*fp)->f_next)
		prev = *fp;
	/* An exact duplicate is harmless (a retransmitting link layer);
	 * any other overlap, before or after, ends the datagram. */
	if (*fp != NULL && (*fp)->f_off == off && (*fp)->f_len == len) {
		inet_stats.ips_fragdup++;
		goto drop;
	}
	if ((*fp != NULL && (*fp)->f_off < off + len) ||
	    (prev != NULL && prev->f_off + prev->f_len > off))
		goto overlap;
	if (q->q_nfrags >= IPQ_MAXFRAGS)
		goto drop_queue;
	/* Over the memory limit: older datagrams give way, then this one.
	 * Buffers count whole: a tiny fragment in a big buffer is big. */
	mem = sizeof(*f);
	for (struct pkt *s = p; s != NULL; s = s->pk_next)
		mem += sizeof(*s) + s->pk_size;
	while (reass_mem + mem > IPQ_MAXBYTES && reass_head != q)
		(void)ipq_free(reass_head, false);
	if (reass_mem + mem > IPQ_MAXBYTES)
		goto drop_queue;
	f = kmem_alloc(sizeof(*f), KM_SLEEP);
	if (f == NULL)
		goto drop;
	f->f_pkt = p;
	f->f_hlen = hlen;
	f->f_off = off;
	f->f_len = len;
	f->f_mem = mem;
	f->f_next = *fp;
	*fp = f;
	q->q_nfrags++;
	q->q_mem += mem;
	reass_mem += mem;
	if (ipq_complete(q)) {
		ipq_unlink(q);
		whole = reass_join(q);
	}
	mutex_exit(&reass_lock);
	return whole;

overlap:
	inet_stats.ips_fragoverlap++;
drop_queue:
	(void)ipq_free(q, false);
drop:
	mutex_exit(&reass_lock);
	inet_stats.ips_fragdropped++;
	pkt_free(p);
	return NULL;
}

void
ip_reass_init(void)
{
	mutex_init(&reass_lock, MUTEX_DEFAULT);
	callout_init(&reass_callout);
}
