/*
 * net/socketvar.h -- the protocol-independent socket layer
 * (components/net): the socket object, the per-protocol operation table
 * a domain (address family) provides, and the helpers protocols share.
 *
 * The socket system calls (components/net/sys_socket.c) copy arguments
 * in, find the socket behind a descriptor and call the protocol through
 * struct protosw.  Protocols own their locking: every socket points
 * so_lock at the mutex that guards its state (AF_UNIX uses one mutex for
 * the whole domain, so connecting two sockets never orders two locks).
 *
 * All functions return 0 / a result >= 0, or -errno.
 */
#ifndef NET_SOCKETVAR_H
#define NET_SOCKETVAR_H

#include <kern/kern.h>
#include <sys/file.h>
#include <abi/socket.h>

struct socket;
struct pollwait;

/* so_state bits. */
#define SS_ISCONNECTED    0x0001 /* has a peer */
#define SS_ISCONNECTING   0x0002 /* connect in progress */
#define SS_CANTSENDMORE   0x0004 /* shutdown(SHUT_WR) or peer gone */
#define SS_CANTRCVMORE    0x0008 /* shutdown(SHUT_RD) or peer shut write */
#define SS_ISLISTENING    0x0010 /* listen(2) was called */
#define SS_ISBOUND        0x0020 /* has a local address */
#define SS_NOFDREF        0x0040 /* no file: queued for accept or closing */

/* so_options bits (the boolean SOL_SOCKET options). */
#define SO_OPT_REUSEADDR  0x0001
#define SO_OPT_KEEPALIVE  0x0002
#define SO_OPT_BROADCAST  0x0004
#define SO_OPT_DONTROUTE  0x0008
#define SO_OPT_OOBINLINE  0x0010
#define SO_OPT_REUSEPORT  0x0020
#define SO_OPT_PASSCRED   0x0040
#define SO_OPT_LINGER     0x0080

/* Default and limit buffer sizes (bytes); Linux's net.core defaults. */
#define SO_DEFAULT_BUF    212992
#define SO_MIN_BUF        2048
#define SO_MAX_BUF        (4 * 1024 * 1024)

/*
 * A message a protocol receives: where the data goes (uio), where the
 * sender's address goes (kernel buffer of *namelen bytes; *namelen set
 * to the full length of the address, 0 if none) and the MSG_* flags
 * the caller sees back (MSG_TRUNC, MSG_CTRUNC ...).
 */
struct sockmsg {
	struct uio *sm_uio;
	struct sockaddr_storage sm_name; /* address (recv: filled in) */
	socklen_t sm_namelen;            /* 0: none */
	int sm_flags;                    /* recv: MSG_* flags out */
};

/*
 * The operations of one (family, type, protocol).  Calls are made
 * without so_lock held; protocols take it as they need.  NULL entries
 * mean the operation is not supported: the layer answers -EOPNOTSUPP.
 */
struct protosw {
	int pr_family;      /* AF_* */
	int pr_type;        /* SOCK_* */
	int pr_protocol;    /* the protocol number socket(2) may name; 0 */
	/* pr_attach: set up so (so_lock, so_pcb) for a new socket. */
	int (*pr_attach)(struct socket *so);
	/* pr_detach: the socket is being closed; free the pcb.  so_lock
	 * must not be used after it returns. */
	void (*pr_detach)(struct socket *so);
	int (*pr_bind)(struct socket *so, const struct sockaddr *sa,
	    socklen_t len);
	int (*pr_listen)(struct socket *so, int backlog);
	/* pr_connect: nonblock says O_NONBLOCK; may return -EINPROGRESS. */
	int (*pr_connect)(struct socket *so, const struct sockaddr *sa,
	    socklen_t len, bool nonblock);
	/* pr_connect2: connect two fresh sockets (socketpair). */
	int (*pr_connect2)(struct socket *a, struct socket *b);
	/* pr_accept: wait for and return a connection (a new socket with
	 * no file yet), honouring nonblock and so_rcvtimeo. */
	int (*pr_accept)(struct socket *so, bool nonblock,
	    struct socket **nsop);
	/* pr_send / pr_recv: move data; flags are MSG_* with MSG_DONTWAIT
	 * already set for O_NONBLOCK files.  Return bytes moved. */
	ssize_t (*pr_send)(struct socket *so, struct sockmsg *sm, int flags);
	ssize_t (*pr_recv)(struct socket *so, struct sockmsg *sm, int flags);
	int (*pr_shutdown)(struct socket *so, int how);
	/* pr_sockaddr / pr_peeraddr: the address into ss, its length into
	 * *lenp; -ENOTCONN from pr_peeraddr without a peer. */
	int (*pr_sockaddr)(struct socket *so, struct sockaddr_storage *ss,
	    socklen_t *lenp);
	int (*pr_peeraddr)(struct socket *so, struct sockaddr_storage *ss,
	    socklen_t *lenp);
	/* pr_poll: ready POLL* events; register pw on so_sel if pw. */
	int (*pr_poll)(struct socket *so, int events, struct pollwait *pw);
	/* pr_ctloutput: options of levels other than SOL_SOCKET, and the
	 * SOL_SOCKET ones the generic layer does not know.  get: val/lenp
	 * is a kernel buffer of *lenp bytes to fill, *lenp updated.
	 * -ENOPROTOOPT for an unknown option. */
	int (*pr_ctloutput)(struct socket *so, bool get, int level, int name,
	    void *val, socklen_t *lenp);
	/* pr_nread: bytes readable now (FIONREAD / SIOCINQ). */
	int (*pr_nread)(struct socket *so);
};

/* A domain: an address family and its protocols. */
struct domain {
	int dom_family;
	const char *dom_name;
	const struct protosw *dom_protosw; /* array */
	int dom_nprotosw;
	struct domain *dom_next;           /* private: registry */
};

/*
 * domain_register: make a family available to socket(2).  Called from
 * a component's init; -EEXIST if the family is registered already.
 */
int domain_register(struct domain *dom);
/*
 * protosw_find: the protocol for (family, type, protocol): protocol 0
 * picks the type's default.  -EAFNOSUPPORT for an unknown family,
 * -ESOCKTNOSUPPORT for an unknown type, -EPROTONOSUPPORT for an
 * unknown protocol of a known type.
 */
int protosw_find(int family, int type, int protocol,
    const struct protosw **prp);

struct socket {
	const struct protosw *so_proto;
	kmutex_t *so_lock;          /* set by pr_attach; guards below */
	int so_type;                /* SOCK_* */
	int so_state;               /* SS_* */
	int so_options;             /* SO_OPT_* */
	int so_error;               /* pending error (positive errno) */
	int so_rcvbuf, so_sndbuf;   /* bytes */
	int so_rcvlowat;
	int64_t so_rcvtimeo;        /* ns, 0: wait forever */
	int64_t so_sndtimeo;
	int so_linger;              /* seconds, with SO_OPT_LINGER */
	kcondvar_t so_rcv_cv;       /* readers and acceptors wait here */
	kcondvar_t so_snd_cv;       /* writers and connectors wait here */
	struct selinfo so_sel;      /* poll/select/epoll */
	void *so_pcb;               /* protocol's control block */
	pid_t so_pid;               /* creator's process (SO_PEERCRED) */
	uid_t so_uid;               /* creator's effective ids */
	gid_t so_gid;
	uint64_t so_ino;            /* fstat's st_ino */
};

/*
 * socket_create: a new socket of protosw pr (no file yet).  The caller
 * owns it: socket_destroy frees it (calls pr_detach).
 */
int socket_create(const struct protosw *pr, struct socket **sop);
void socket_destroy(struct socket *so);
/*
 * socket_file: wrap so in a new file with flags (O_NONBLOCK) and take
 * a descriptor for it (cloexec as asked).  On success the descriptor
 * number; the file owns so.  On failure so is destroyed.
 */
int socket_file(struct socket *so, int flags, bool cloexec);
/* socket_from_fd: the socket of descriptor fd, with its file held
 * (file_rele(*fp) when done): -EBADF, -ENOTSOCK. */
int socket_from_fd(int fd, struct socket **sop, struct file **fp);

/*
 * sowait: sleep on cv (so_lock held) until woken, the deadline (an
 * absolute nanouptime_ns(), 0: none) passes or a signal arrives.
 * Returns 0 (recheck the condition), -EAGAIN when the time is up
 * (SO_RCVTIMEO/SO_SNDTIMEO report EAGAIN), -EINTR with a deadline or
 * -ERESTARTSYS without one when a signal came.
 */
int sowait(struct socket *so, kcondvar_t *cv, int64_t deadline);
/* so_deadline: the absolute deadline for a timeout of ns (0: none). */
int64_t so_deadline(int64_t ns);
/* sowakeup: wake readers/writers and pollers of so (so_lock held). */
void sorwakeup(struct socket *so);
void sowwakeup(struct socket *so);

/* --- net-config: interface requests --- */
/*
 * soifioctl_hook: socket ioctls that soo_ioctl does not know go here
 * when set (rumpnet_inet sets it at init for SIOCGIFCONF, SIOCGIFFLAGS
 * ... on interfaces); unset, they fail with -ENOTTY.  so is the socket
 * the request came on, uarg the caller's argument.
 */
extern int (*soifioctl_hook)(struct socket *so, unsigned long cmd,
    void *uarg);

#endif /* NET_SOCKETVAR_H */
