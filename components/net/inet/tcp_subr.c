/*
 * tcp_subr.c -- TCP's shared machinery: the lock, the port and
 * connection hash tables, control block life cycle, initial sequence
 * numbers (RFC 6528, SipHash-2-4 keyed with a boot-time secret) and
 * the test-only loss knobs.
 */
#include "tcp_var.h"
#include <rumpuser.h>

#define TCP_HASHSIZE 512  /* buckets in each table (a power of two) */

kmutex_t tcp_lock;
struct tcp_stats tcp_stats;
int tcp_dbg_drop, tcp_dbg_dup, tcp_dbg_reorder;

static struct tcpcb *tcp_bindhash[TCP_HASHSIZE];  /* by local port */
static struct tcpcb *tcp_connhash[TCP_HASHSIZE];  /* by 4-tuple */
static uint64_t tcp_isn_key[2];
static uint64_t tcp_rand_state;
static uint16_t tcp_port_next;
static struct tcpcb *tcp_reapq;     /* dead embryos, via t_qnext */

/* --- SipHash-2-4 (Aumasson & Bernstein), for RFC 6528's F() --- */

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))

static void
sipround(uint64_t v[4])
{
	v[0] += v[1]; v[1] = ROTL(v[1], 13); v[1] ^= v[0];
	v[0] = ROTL(v[0], 32);
	v[2] += v[3]; v[3] = ROTL(v[3], 16); v[3] ^= v[2];
	v[0] += v[3]; v[3] = ROTL(v[3], 21); v[3] ^= v[0];
	v[2] += v[1]; v[1] = ROTL(v[1], 17); v[1] ^= v[2];
	v[2] = ROTL(v[2], 32);
}

/* SipHash-2-4 of two 64-bit words (a 16-byte message). */
static uint64_t
siphash_2w(const uint64_t k[2], uint64_t m0, uint64_t m1)
{
	uint64_t v[4] = {
		k[0] ^ 0x736f6d6570736575ULL, k[1] ^ 0x646f72616e646f6dULL,
		k[0] ^ 0x6c7967656e657261ULL, k[1] ^ 0x7465646279746573ULL,
	};
	uint64_t m[3] = { m0, m1, (uint64_t)16 << 56 };

	for (int i = 0; i < 3; i++) {
		v[3] ^= m[i];
		sipround(v);
		sipround(v);
		v[0] ^= m[i];
	}
	v[2] ^= 0xff;
	for (int i = 0; i < 4; i++)
		sipround(v);
	return v[0] ^ v[1] ^ v[2] ^ v[3];
}

uint32_t
tcp_new_iss(uint32_t laddr, uint16_t lport, uint32_t faddr, uint16_t fport)
{
	/* RFC 6528 3: ISN = M + F(localip, localport, remoteip,
	 * remoteport, secretkey), M a 4 microsecond clock. */
	uint64_t f = siphash_2w(tcp_isn_key,
	    (uint64_t)laddr << 32 | faddr, (uint64_t)lport << 16 | fport);

	return (uint32_t)(nanouptime_ns() / 4000) + (uint32_t)f;
}

uint32_t
tcp_random(void)
{
	/* xorshift64*: the test knobs and port choice need no secrecy. */
	uint64_t x = tcp_rand_state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	tcp_rand_state = x;
	return (uint32_t)((x * 0x2545F4914F6CDD1DULL) >> 32);
}

uint32_t
tcp_now_ms(void)
{
	return (uint32_t)(nanouptime_ns() / 1000000);
}

/* --- the tables --- */

static unsigned
connhash(uint32_t faddr, uint16_t fport, uint16_t lport)
{
	uint32_t h = faddr ^ ((uint32_t)fport << 16 | lport);

	h ^= h >> 16;
	h *= 0x45d9f3b;
	h ^= h >> 16;
	return h & (TCP_HASHSIZE - 1);
}

static unsigned
bindhash(uint16_t lport)
{
	return ntohs(lport) & (TCP_HASHSIZE - 1);
}

void
tcp_bindhash_insert(struct tcpcb *tp)
{
	struct tcpcb **b = &tcp_bindhash[bindhash(tp->t_lport)];

	if (tp->t_bprev != NULL)
		return;
	tp->t_bnext = *b;
	if (*b != NULL)
		(*b)->t_bprev = &tp->t_bnext;
	*b = tp;
	tp->t_bprev = b;
}

void
tcp_connhash_insert(struct tcpcb *tp)
{
	struct tcpcb **b = &tcp_connhash[connhash(tp->t_faddr, tp->t_fport,
	    tp->t_lport)];

	if (tp->t_cprev != NULL)
		return;
	tp->t_cnext = *b;
	if (*b != NULL)
		(*b)->t_cprev = &tp->t_cnext;
	*b = tp;
	tp->t_cprev = b;
}

static void
tcp_connhash_remove(struct tcpcb *tp)
{
	if (tp->t_cprev != NULL) {
		*tp->t_cprev = tp->t_cnext;
		if (tp->t_cnext != NULL)
			tp->t_cnext->t_cprev = tp->t_cprev;
		tp->t_cprev = NULL;
		tp->t_cnext = NULL;
	}
}

static void
tcp_hash_remove(struct tcpcb *tp)
{
	tcp_connhash_remove(tp);
	if (tp->t_bprev != NULL) {
		*tp->t_bprev = tp->t_bnext;
		if (tp->t_bnext != NULL)
			tp->t_bnext->t_bprev = tp->t_bprev;
		tp->t_bprev = NULL;
		tp->t_bnext = NULL;
	}
}

static bool
tcp_reuse(const struct tcpcb *tp)
{
	if (tp->t_so != NULL)
		return (tp->t_so->so_options & SO_OPT_REUSEADDR) != 0;
	return (tp->t_flags & TF_REUSE) != 0;
}

bool
tcp_port_busy(struct tcpcb *tp, uint32_t laddr, uint16_t lport)
{
	for (struct tcpcb *t = tcp_bindhash[bindhash(lport)]; t != NULL;
	     t = t->t_bnext) {
		if (t == tp || t->t_lport != lport)
			continue;
		if (t->t_laddr != 0 && laddr != 0 && t->t_laddr != laddr)
			continue;
		/* Linux: both asked for SO_REUSEADDR and the other is not
		 * listening (TIME-WAIT and live connections share). */
		if (tcp_reuse(tp) && tcp_reuse(t) && t->t_state != TCPS_LISTEN)
			continue;
		return true;
	}
	return false;
}

static bool
tcp_port_used(uint16_t lport)
{
	for (struct tcpcb *t = tcp_bindhash[bindhash(lport)]; t != NULL;
	     t = t->t_bnext)
		if (t->t_lport == lport)
			return true;
	return false;
}

int
tcp_autobind(struct tcpcb *tp, uint32_t laddr)
{
	int range = TCP_EPHEMERAL_HI - TCP_EPHEMERAL_LO + 1;

	for (int n = 0; n < range; n++) {
		uint16_t port = (uint16_t)(TCP_EPHEMERAL_LO +
		    (tcp_port_next + n) % range);

		if (tcp_port_used(htons(port)))
			continue;
		tcp_port_next = (uint16_t)((tcp_port_next + n + 1) % range);
		tp->t_laddr = laddr;
		tp->t_lport = htons(port);
		tcp_bindhash_insert(tp);
		if (tp->t_so != NULL)
			tp->t_so->so_state |= SS_ISBOUND;
		return 0;
	}
	return -EAGAIN;  /* Linux's answer when the range is used up */
}

struct tcpcb *
tcp_lookup(uint32_t src, uint16_t sport, uint32_t dst, uint16_t dport)
{
	struct tcpcb *best = NULL;

	for (struct tcpcb *t = tcp_connhash[connhash(src, sport, dport)];
	     t != NULL; t = t->t_cnext)
		if (t->t_faddr == src && t->t_fport == sport &&
		    t->t_lport == dport && t->t_laddr == dst)
			return t;
	/* No connection: a listener, on dst before the wildcard. */
	for (struct tcpcb *t = tcp_bindhash[bindhash(dport)]; t != NULL;
	     t = t->t_bnext) {
		if (t->t_state != TCPS_LISTEN || t->t_lport != dport)
			continue;
		if (t->t_laddr == dst)
			return t;
		if (t->t_laddr == 0)
			best = t;
	}
	return best;
}

/* --- control blocks --- */

struct tcpcb *
tcp_newtcpcb(void)
{
	struct tcpcb *tp = kmem_zalloc(sizeof(*tp), KM_NOSLEEP);

	if (tp == NULL)
		return NULL;
	tp->t_state = TCPS_CLOSED;
	tp->t_maxseg = TCP_MSS_DEFAULT;
	tp->t_advmss = TCP_MSS_DEFAULT;
	tp->t_rto = TCP_RTO_INIT_MS;
	tp->t_keepidle = TCP_KEEPIDLE_DEF;
	tp->t_keepintvl = TCP_KEEPINTVL_DEF;
	tp->t_keepcnt = TCP_KEEPCNT_DEF;
	tp->t_syncnt = TCP_SYNRETRIES;
	tp->snd_ssthresh = 0x7fffffff;
	tp->t_sndbuf = SO_DEFAULT_BUF;
	tp->t_rcvbuf = SO_DEFAULT_BUF;
	return tp;
}

static void
tcp_free(struct tcpcb *tp)
{
	tcp_timer_stopall(tp);
	tcp_hash_remove(tp);
	tcp_reass_flush(tp);
	sbuf_free(&tp->t_snd);
	sbuf_free(&tp->t_rcv);
	kmem_free(tp, sizeof(*tp));
}

/* Take tp off its listener's queue. */
static void
tcp_dequeue(struct tcpcb *tp)
{
	struct tcpcb *head = tp->t_head, **qp;

	if (head == NULL)
		return;
	qp = tp->t_inq == 1 ? &head->t_q0 : &head->t_q;
	for (; *qp != NULL; qp = &(*qp)->t_qnext) {
		if (*qp == tp) {
			*qp = tp->t_qnext;
			break;
		}
	}
	if (tp->t_inq == 1)
		head->t_q0len--;
	else
		head->t_qlen--;
	tp->t_head = NULL;
	tp->t_inq = 0;
	tp->t_qnext = NULL;
}

void
tcp_reap_socket(struct socket *so)
{
	struct tcpcb *tp = so->so_pcb;

	tp->t_qnext = tcp_reapq;
	tcp_reapq = tp;
}

void
tcp_unlock(void)
{
	struct tcpcb *q = tcp_reapq, *next;

	tcp_reapq = NULL;
	mutex_exit(&tcp_lock);
	for (; q != NULL; q = next) {
		next = q->t_qnext;
		q->t_qnext = NULL;
		socket_destroy(q->t_so);  /* tcp_detach frees q */
	}
}

void
tcp_close(struct tcpcb *tp)
{
	struct socket *so = tp->t_so;

	tcp_timer_stopall(tp);
	/* A socket keeps its port until it is closed. */
	if (so == NULL || tp->t_inq != 0)
		tcp_hash_remove(tp);
	else
		tcp_connhash_remove(tp);
	tcp_reass_flush(tp);
	tp->t_state = TCPS_CLOSED;
	tcp_stats.tcps_closed++;
	if (tp->t_inq != 0) {
		/* An unaccepted connection dies with its socket. */
		tcp_dequeue(tp);
		tcp_reap_socket(so);
		return;
	}
	if (so == NULL) {
		tcp_free(tp);
		return;
	}
	so->so_state &= ~(SS_ISCONNECTING | SS_ISCONNECTED);
	so->so_state |= SS_CANTSENDMORE | SS_CANTRCVMORE;
	tcp_sowakeup(tp);
}

void
tcp_drop(struct tcpcb *tp, int error)
{
	if (tp->t_state >= TCPS_SYN_RECEIVED && tp->t_state != TCPS_TIME_WAIT) {
		tcp_respond(tp->t_laddr, tp->t_lport, tp->t_faddr, tp->t_fport,
		    tp->snd_max, tp->rcv_nxt, TH_RST | TH_ACK);
		tcp_stats.tcps_sndrst++;
	}
	if (tp->t_so != NULL && error != 0)
		tp->t_so->so_error = error;
	tcp_stats.tcps_drops++;
	tcp_close(tp);
}

void
tcp_sowakeup(struct tcpcb *tp)
{
	struct socket *so = tp->t_so;

	if (so == NULL)
		return;
	sorwakeup(so);
	sowwakeup(so);
	if (tp->t_head != NULL && tp->t_head->t_so != NULL)
		sorwakeup(tp->t_head->t_so);
}

void
tcp_set_state(struct tcpcb *tp, enum tcp_state st)
{
	tp->t_state = st;
	tcp_sowakeup(tp);
}

uint32_t
tcp_rcvspace(struct tcpcb *tp)
{
	size_t cap = tp->t_so != NULL ? (size_t)tp->t_so->so_rcvbuf :
	    (size_t)tp->t_rcvbuf;
	size_t used = tp->t_rcv.sb_len;

	return used >= cap ? 0 : (uint32_t)(cap - used);
}

uint32_t
tcp_mss_for(uint32_t faddr)
{
	struct ifnet *ifp;
	uint32_t nh, mss;

	if (route_lookup(faddr, &ifp, &nh) != 0)
		return TCP_MSS_DEFAULT;
	mss = ifp->if_mtu - sizeof(struct ip_hdr) - TCP_HDRLEN;
	/* The IP total length field caps what loopback could carry. */
	return MIN(mss, IP_MAXPACKET - sizeof(struct ip_hdr) - TCP_HDRLEN);
}

/* A per-mille bootstrap parameter (0 when unset or bad). */
static int
permille_param(const char *name)
{
	char buf[16];
	uint64_t v;

	if (kern_getparam(name, buf, sizeof(buf)) != 0 ||
	    parse_u64(buf, NULL, &v, NULL) != 0 || v > 1000)
		return 0;
	return (int)v;
}

void
tcp_subr_init(void)
{
	uint64_t got = 0, seed[3] = { 0, 0, 0 };

	mutex_init(&tcp_lock, MUTEX_DEFAULT);
	(void)rumpuser_getrandom(seed, sizeof(seed), RUMPUSER_RANDOM_NOWAIT,
	    &got);
	/* Without host entropy the clock still varies ISNs per boot. */
	tcp_isn_key[0] = seed[0] ^ (uint64_t)nanouptime_ns();
	tcp_isn_key[1] = seed[1];
	tcp_rand_state = seed[2] | 1;
	tcp_port_next = (uint16_t)(tcp_random() %
	    (TCP_EPHEMERAL_HI - TCP_EPHEMERAL_LO + 1));
	tcp_dbg_drop = permille_param("RUMP_TCP_DROP");
	tcp_dbg_dup = permille_param("RUMP_TCP_DUP");
	tcp_dbg_reorder = permille_param("RUMP_TCP_REORDER");
	tcp_timer_init();
	tcp_output_init();
}

void
tcp_init(void)
{
	tcp_subr_init();
}
