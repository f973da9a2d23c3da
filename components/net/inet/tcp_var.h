/*
 * tcp_var.h -- TCP's internal interfaces (components/net/inet/tcp_*.c
 * only): the wire header, the connection block (struct tcpcb), the
 * byte buffers, counters and the entry points of each tcp file.
 *
 * Locking: one mutex, tcp_lock, guards every TCP connection, the port
 * and connection tables, the listen queues and the timer list; every
 * TCP socket's so_lock points at it.  Output (ip_output) is called with
 * it held: interfaces never deliver input inside a sender's call (see
 * netisr.c), so TCP is never re-entered.
 */
#ifndef TCP_VAR_H
#define TCP_VAR_H

#include "inet_int.h"

/* RFC 9293 3.1 header. */
struct tcp_hdr {
	uint16_t th_sport;
	uint16_t th_dport;
	uint32_t th_seq;
	uint32_t th_ack;
	uint8_t th_off;         /* data offset in words << 4 */
	uint8_t th_flags;
	uint16_t th_win;
	uint16_t th_sum;
	uint16_t th_urp;
} __attribute__((__packed__));
#define TH_FIN 0x01
#define TH_SYN 0x02
#define TH_RST 0x04
#define TH_PSH 0x08
#define TH_ACK 0x10
#define TH_URG 0x20
#define TCP_HDRLEN 20
#define TCP_MAXOLEN 40

/* Option kinds (RFC 9293 3.2, RFC 7323, RFC 2018). */
#define TCPOPT_EOL 0
#define TCPOPT_NOP 1
#define TCPOPT_MSS 2
#define TCPOPT_WSCALE 3
#define TCPOPT_SACKOK 4
#define TCPOPT_SACK 5
#define TCPOPT_TS 8

/* Sequence number comparisons, modulo 2^32 (RFC 9293 3.4). */
#define SEQ_LT(a, b) ((int32_t)((uint32_t)(a) - (uint32_t)(b)) < 0)
#define SEQ_LEQ(a, b) ((int32_t)((uint32_t)(a) - (uint32_t)(b)) <= 0)
#define SEQ_GT(a, b) ((int32_t)((uint32_t)(a) - (uint32_t)(b)) > 0)
#define SEQ_GEQ(a, b) ((int32_t)((uint32_t)(a) - (uint32_t)(b)) >= 0)
#define SEQ_MAX(a, b) (SEQ_GT(a, b) ? (a) : (b))
#define SEQ_MIN(a, b) (SEQ_LT(a, b) ? (a) : (b))

/* Constants: the numbers Linux uses where the RFCs leave a choice. */
#define TCP_MSS_DEFAULT 536           /* RFC 9293 3.7.1 without the option */
#define TCP_MSS_MIN 88                /* smallest TCP_MAXSEG accepted */
#define TCP_RTO_MIN_MS 200            /* Linux's floor (RFC 6298 says 1 s) */
#define TCP_RTO_MAX_MS 120000         /* RFC 6298 2.5: at least 60 s */
#define TCP_RTO_INIT_MS 1000          /* RFC 6298 2.1 */
#define TCP_DELACK_MS 40              /* Linux's delayed ACK */
#define TCP_TIMEWAIT_MS 60000         /* 2MSL as Linux: 60 s */
#define TCP_FINWAIT2_MS 60000         /* orphaned FIN-WAIT-2: tcp_fin_timeout */
#define TCP_SYNRETRIES 6              /* net.ipv4.tcp_syn_retries */
#define TCP_SYNACKRETRIES 5           /* net.ipv4.tcp_synack_retries */
#define TCP_RETRIES2 15               /* data retransmissions before giving up */
#define TCP_KEEPIDLE_DEF 7200         /* seconds */
#define TCP_KEEPINTVL_DEF 75
#define TCP_KEEPCNT_DEF 9
#define TCP_PERSIST_MIN_MS 200
#define TCP_PERSIST_MAX_MS 60000
#define TCP_RCV_WSCALE 7              /* our window scale shift (Linux: 7) */
#define TCP_MAXWIN 65535
#define TCP_REASS_MAXSEGS 1024        /* out-of-order segments held */
#define TCP_EPHEMERAL_LO 32768        /* net.ipv4.ip_local_port_range */
#define TCP_EPHEMERAL_HI 60999
#define TCP_SYNQ_MIN 128              /* embryonic connections per listener */

/* Connection states (RFC 9293 3.3.2). */
enum tcp_state {
	TCPS_CLOSED, TCPS_LISTEN, TCPS_SYN_SENT, TCPS_SYN_RECEIVED,
	TCPS_ESTABLISHED, TCPS_CLOSE_WAIT, TCPS_FIN_WAIT_1, TCPS_CLOSING,
	TCPS_LAST_ACK, TCPS_FIN_WAIT_2, TCPS_TIME_WAIT,
};
#define TCPS_HAVEESTABLISHED(s) ((s) >= TCPS_ESTABLISHED)
/* States in which we may still receive data. */
#define TCPS_HAVERCVDFIN(s) \
	((s) == TCPS_CLOSE_WAIT || (s) == TCPS_CLOSING || \
	 (s) == TCPS_LAST_ACK || (s) == TCPS_TIME_WAIT)

/* Timers of a connection (tcp_timer.c): absolute deadlines. */
enum tcp_timer {
	TT_REXMT,      /* retransmission (and SYN, FIN) */
	TT_PERSIST,    /* zero-window probe */
	TT_KEEP,       /* keepalive, and connection-establishment limit */
	TT_2MSL,       /* TIME-WAIT, and orphaned FIN-WAIT-2 */
	TT_DELACK,     /* delayed ACK */
	TT_NTIMERS
};

/* A byte ring: the send buffer and the in-order receive buffer.  It
 * grows on demand up to the socket buffer size. */
struct tcp_sbuf {
	uint8_t *sb_buf;
	size_t sb_cap;       /* bytes allocated (a power of two) */
	size_t sb_head;      /* index of the first byte */
	size_t sb_len;       /* bytes held */
};

/* An out-of-order segment waiting in the reassembly queue. */
struct tcp_reass {
	struct tcp_reass *tr_next;
	uint32_t tr_seq;
	uint32_t tr_len;
	bool tr_fin;         /* a FIN follows the data */
	struct pkt *tr_pkt;  /* the payload only */
};

/* Options found in a segment. */
struct tcp_opts {
	int to_flags;        /* TOF_* */
	uint16_t to_mss;
	uint8_t to_wscale;
	uint32_t to_tsval, to_tsecr;
	int to_nsack;
	uint32_t to_sack[4][2];
};
#define TOF_MSS 0x01
#define TOF_WSCALE 0x02
#define TOF_SACKOK 0x04
#define TOF_TS 0x08
#define TOF_SACK 0x10

/* t_flags */
#define TF_ACKNOW      0x0001  /* send an ACK at the next tcp_output */
#define TF_DELACK      0x0002  /* an ACK is owed (delayed) */
#define TF_NODELAY     0x0004  /* TCP_NODELAY: no Nagle */
#define TF_CORK        0x0008  /* TCP_CORK: full segments only */
#define TF_SENTFIN     0x0010  /* our FIN has been sent (at snd_fin) */
#define TF_RCVD_TS     0x0020  /* timestamps agreed */
#define TF_RCVD_WS     0x0040  /* window scaling agreed */
#define TF_SACK_OK     0x0080  /* SACK permitted by both */
#define TF_PASSIVE     0x0100  /* opened by a listener */
#define TF_FASTRECOV   0x0200  /* in NewReno fast recovery */
#define TF_RCVFIN_PEND 0x0400  /* a FIN arrived out of order at t_rcvfin */
#define TF_PERSIST     0x0800  /* probing a zero window */
#define TF_FORCE       0x1000  /* send one byte into a closed window */
#define TF_REUSE       0x2000  /* SO_REUSEADDR (kept past the socket) */
#define TF_QUICKACK    0x4000  /* ACK every segment at once */
#define TF_MORE        0x8000  /* MSG_MORE on the current send */

struct tcpcb {
	struct socket *t_so;          /* NULL once the file is closed */
	enum tcp_state t_state;
	int t_flags;
	/* addresses, network order */
	uint32_t t_laddr, t_faddr;
	uint16_t t_lport, t_fport;
	struct tcpcb *t_bnext, **t_bprev;   /* port hash (bound) */
	struct tcpcb *t_cnext, **t_cprev;   /* connection hash */
	/* listen queues: a listener's embryonic (q0) and complete (q)
	 * connections, linked through t_qnext */
	struct tcpcb *t_head;         /* our listener while queued */
	struct tcpcb *t_qnext;
	int t_inq;                    /* 0, 1: on q0, 2: on q */
	struct tcpcb *t_q0, *t_q;     /* listener: the queues */
	int t_q0len, t_qlen, t_backlog;

	/* send sequence space (RFC 9293 3.3.1) */
	uint32_t iss, snd_una, snd_nxt, snd_max, snd_wl1, snd_wl2;
	uint32_t snd_wnd, max_sndwnd;
	uint32_t snd_fin;             /* our FIN's sequence number */
	uint32_t snd_recover;         /* NewReno: snd_max at loss */
	uint32_t t_rexmt_mark;        /* snd_max when the hole was resent */
	uint32_t snd_cwnd, snd_ssthresh;
	int t_dupacks;
	/* receive sequence space */
	uint32_t irs, rcv_nxt, rcv_adv, t_rcvfin;
	uint32_t last_ack_sent;
	int t_rcvsegs;                /* full segments not yet ACKed */
	uint8_t snd_scale, rcv_scale;
	/* segment sizes */
	uint32_t t_maxseg;            /* peer's MSS, clamped to our path */
	uint32_t t_advmss;            /* the MSS we announced */
	uint32_t t_usermss;           /* TCP_MAXSEG, 0: none */
	/* RTT and RTO (RFC 6298), in ms << 3 for srtt, << 2 for rttvar */
	int32_t t_srtt, t_rttvar;
	uint32_t t_rto;               /* ms */
	uint32_t t_rtseq;             /* timed segment (no timestamps) */
	int64_t t_rttstart;           /* ns; 0: not timing */
	int t_rxtshift;               /* backoff count */
	uint32_t t_totalrexmt;
	/* timestamps (RFC 7323) */
	uint32_t ts_recent;
	int64_t ts_recent_age;        /* ns */
	/* timers */
	int64_t t_timer[TT_NTIMERS];  /* deadline in ns, 0: off */
	struct tcpcb *t_tnext, **t_tprev; /* on the timer list when armed */
	int t_keepprobes;
	int t_persistshift;
	int t_softerror;              /* last ICMP error: reported on timeout */
	/* options */
	int t_keepidle, t_keepintvl, t_keepcnt;  /* seconds, count */
	int t_syncnt;
	int t_ttl;
	/* buffers */
	struct tcp_sbuf t_snd, t_rcv;
	struct tcp_reass *t_reass;
	int t_reasssegs;
	size_t t_reassbytes;
	int t_sndbuf, t_rcvbuf;       /* caps, bytes (from the socket) */
	/* TCP_INFO */
	int64_t t_lastsend, t_lastrecv;
};

/* Counters: every dropped segment is counted under why. */
struct tcp_stats {
	uint64_t tcps_rcvtotal, tcps_rcvbadsum, tcps_rcvshort, tcps_rcvbadoff,
	    tcps_rcvbadopt, tcps_noport, tcps_drops, tcps_rcvdupack,
	    tcps_rcvoutofwin, tcps_rcvpaws, tcps_rcvooo, tcps_rcvbyte,
	    tcps_rcvpack, tcps_rcvacktoomuch, tcps_listendrop,
	    tcps_challengeack, tcps_rstin, tcps_bcastdrop;
	uint64_t tcps_sndtotal, tcps_sndpack, tcps_sndbyte, tcps_sndrexmitpack,
	    tcps_sndrexmitbyte, tcps_sndacks, tcps_sndrst, tcps_sndprobe,
	    tcps_rexmttimeo, tcps_fastrexmt, tcps_keepprobe, tcps_keepdrops,
	    tcps_conndrops, tcps_timeoutdrop, tcps_connects, tcps_accepts,
	    tcps_closed, tcps_nobufs;
	uint64_t tcps_dbg_drop, tcps_dbg_dup, tcps_dbg_reorder;
};
extern struct tcp_stats tcp_stats;

/* tcp_subr.c */
extern kmutex_t tcp_lock;
void tcp_subr_init(void);
/* tcp_unlock: release tcp_lock, then destroy the sockets of embryonic
 * connections that died while it was held (socket_destroy takes the
 * lock itself, so it cannot run under it). */
void tcp_unlock(void);
/* tcp_reap_socket: queue so (an unaccepted connection's) for
 * destruction at the next tcp_unlock. */
void tcp_reap_socket(struct socket *so);
/* tcp_newtcpcb: a closed connection block with default settings. */
struct tcpcb *tcp_newtcpcb(void);
/* tcp_close: the connection is over: leave the tables, stop the
 * timers, free the control block if no socket refers to it. */
void tcp_close(struct tcpcb *tp);
/* tcp_drop: close with error (positive errno) reported to the socket;
 * sends a RST first when the connection is synchronized. */
void tcp_drop(struct tcpcb *tp, int error);
/* tcp_bindhash_insert / tcp_connhash_insert: enter the tables. */
void tcp_bindhash_insert(struct tcpcb *tp);
void tcp_connhash_insert(struct tcpcb *tp);
/* tcp_port_busy: would binding tp to laddr:lport conflict? */
bool tcp_port_busy(struct tcpcb *tp, uint32_t laddr, uint16_t lport);
/* tcp_autobind: bind to laddr and a free ephemeral port. */
int tcp_autobind(struct tcpcb *tp, uint32_t laddr);
/* tcp_lookup: the connection for a segment, or the listener. */
struct tcpcb *tcp_lookup(uint32_t src, uint16_t sport, uint32_t dst,
    uint16_t dport);
/* tcp_new_iss: RFC 6528 initial sequence number. */
uint32_t tcp_new_iss(uint32_t laddr, uint16_t lport, uint32_t faddr,
    uint16_t fport);
/* tcp_mss_for: the MSS our route to faddr allows (MTU - 40). */
uint32_t tcp_mss_for(uint32_t faddr);
/* tcp_now_ms: the timestamp clock (ms). */
uint32_t tcp_now_ms(void);
/* tcp_set_state: change state and wake everyone who watches it. */
void tcp_set_state(struct tcpcb *tp, enum tcp_state st);
/* tcp_sowakeup: wake readers and writers of tp's socket (if any). */
void tcp_sowakeup(struct tcpcb *tp);
/* tcp_rcvspace: bytes of receive window we can offer now. */
uint32_t tcp_rcvspace(struct tcpcb *tp);
/* tcp_dbg_*: the loss/duplication/reordering test knobs, per
 * mille (RUMP_TCP_DROP, RUMP_TCP_DUP, RUMP_TCP_REORDER). */
extern int tcp_dbg_drop, tcp_dbg_dup, tcp_dbg_reorder;
uint32_t tcp_random(void);

/* tcp_sbuf.c */
void sbuf_free(struct tcp_sbuf *sb);
/* sbuf_space: bytes that fit before the ring reaches cap. */
size_t sbuf_space(const struct tcp_sbuf *sb, size_t cap);
/* sbuf_append_uio: move up to n bytes from uio to the end (grows). */
int sbuf_append_uio(struct tcp_sbuf *sb, struct uio *uio, size_t n);
/* sbuf_append_pkt: copy n bytes at off of p to the end (grows). */
int sbuf_append_pkt(struct tcp_sbuf *sb, const struct pkt *p, size_t off,
    size_t n);
/* sbuf_copy: copy n bytes at offset off into buf. */
void sbuf_copy(const struct tcp_sbuf *sb, size_t off, size_t n, void *buf);
/* sbuf_to_uio: copy n bytes at offset off to uio. */
int sbuf_to_uio(const struct tcp_sbuf *sb, size_t off, size_t n,
    struct uio *uio);
/* sbuf_drop: discard n bytes from the front. */
void sbuf_drop(struct tcp_sbuf *sb, size_t n);

/* tcp_input.c */
void tcp_input(struct pkt *p, size_t hlen);
/* tcp_ctlinput: an ICMP error about a segment we sent. */
void tcp_ctlinput(int error, uint32_t src, uint16_t sport, uint32_t dst,
    uint16_t dport, uint32_t seq);
/* tcp_xmit_timer: a new RTT sample (ms). */
void tcp_xmit_timer(struct tcpcb *tp, uint32_t rtt_ms);

/* tcp_reass.c */
/* tcp_reass: add a segment (payload pkt, taken) to the queue and
 * move what became in order to the receive buffer; returns true if
 * rcv_nxt advanced.  p NULL: just drain. */
bool tcp_reass(struct tcpcb *tp, uint32_t seq, struct pkt *p, uint32_t len,
    bool fin);
void tcp_reass_flush(struct tcpcb *tp);
/* tcp_sack_blocks: up to max SACK blocks describing the queue. */
int tcp_sack_blocks(struct tcpcb *tp, uint32_t blk[][2], int max);

/* tcp_output.c */
void tcp_output_init(void);
/* tcp_output: send what the windows, Nagle and the state allow. */
int tcp_output(struct tcpcb *tp);
/* tcp_send_seg: build and send one segment [seq, seq+len) of the send
 * buffer with flags. */
int tcp_send_seg(struct tcpcb *tp, uint32_t seq, uint32_t len, int flags);
/* tcp_respond: a bare segment (RST or ACK) outside any connection. */
void tcp_respond(uint32_t src, uint16_t sport, uint32_t dst, uint16_t dport,
    uint32_t seq, uint32_t ack, int flags);
/* tcp_send_challenge_ack: RFC 5961 3.2/4.2 (rate unlimited). */
void tcp_send_challenge_ack(struct tcpcb *tp);
/* tcp_effmss: data bytes per segment (MSS less our options). */
uint32_t tcp_effmss(struct tcpcb *tp);

/* tcp_timer.c */
void tcp_timer_init(void);
/* tcp_timer_arm: (re)arm timer t of tp to fire after ms; 0 stops it. */
void tcp_timer_arm(struct tcpcb *tp, enum tcp_timer t, int64_t ms);
void tcp_timer_stopall(struct tcpcb *tp);
bool tcp_timer_active(struct tcpcb *tp, enum tcp_timer t);
/* tcp_rexmt_arm: arm the retransmission timer with the current RTO
 * and backoff. */
void tcp_rexmt_arm(struct tcpcb *tp);
/* tcp_keep_arm: (re)arm the keepalive timer after activity. */
void tcp_keep_arm(struct tcpcb *tp);
/* tcp_setpersist: arm the persist timer with backoff. */
void tcp_setpersist(struct tcpcb *tp);

/* tcp_usrreq.c */
extern const struct protosw tcp_protosw;
/* tcp_usrclosed: the user is done sending: next state, FIN. */
void tcp_usrclosed(struct tcpcb *tp);

#endif /* TCP_VAR_H */
