/*
 * abi/socket.h -- the basics of Linux sockets: address families, socket
 * types, socket addresses (generic, IPv4, IPv6, local), messages and
 * control messages, SOL_SOCKET options, message flags, and the IP / TCP
 * numbers a network stack needs first.
 */
#ifndef ABI_SOCKET_H
#define ABI_SOCKET_H

#include <kern/types.h>
#include <abi/uio.h>

typedef uint16_t sa_family_t;
typedef uint16_t in_port_t;     /* network byte order */
typedef uint32_t in_addr_t;     /* network byte order */

/* Address families (= protocol families). */
#define AF_UNSPEC       0
#define AF_UNIX         1
#define AF_LOCAL        AF_UNIX
#define AF_INET         2
#define AF_INET6        10
#define AF_NETLINK      16
#define AF_PACKET       17
#define PF_UNSPEC       AF_UNSPEC
#define PF_UNIX         AF_UNIX
#define PF_LOCAL        AF_LOCAL
#define PF_INET         AF_INET
#define PF_INET6        AF_INET6

/* Socket types, and flags or'ed into the type of socket(2). */
#define SOCK_STREAM     1
#define SOCK_DGRAM      2
#define SOCK_RAW        3
#define SOCK_RDM        4
#define SOCK_SEQPACKET  5
#define SOCK_PACKET     10
#define SOCK_TYPE_MASK  0xf
#define SOCK_NONBLOCK   00004000        /* = O_NONBLOCK */
#define SOCK_CLOEXEC    02000000        /* = O_CLOEXEC */

/* The generic address: really as long as its family says. */
struct sockaddr {
	sa_family_t sa_family;
	char sa_data[14];
};

/* Big enough and aligned enough for every address family. */
struct sockaddr_storage {
	sa_family_t ss_family;
	char ss_data[126];
} __aligned(8);

struct in_addr {
	in_addr_t s_addr;
};

struct sockaddr_in {
	sa_family_t sin_family;         /* AF_INET */
	in_port_t sin_port;
	struct in_addr sin_addr;
	uint8_t sin_zero[8];
};

struct in6_addr {
	union {
		uint8_t u6_addr8[16];
		uint16_t u6_addr16[8];
		uint32_t u6_addr32[4];
	} in6_u;
};

#define s6_addr         in6_u.u6_addr8
#define s6_addr16       in6_u.u6_addr16
#define s6_addr32       in6_u.u6_addr32

struct sockaddr_in6 {
	sa_family_t sin6_family;        /* AF_INET6 */
	in_port_t sin6_port;
	uint32_t sin6_flowinfo;
	struct in6_addr sin6_addr;
	uint32_t sin6_scope_id;
};

#define UNIX_PATH_MAX   108

struct sockaddr_un {
	sa_family_t sun_family;         /* AF_UNIX */
	char sun_path[UNIX_PATH_MAX];   /* NUL-terminated, or abstract if [0]==0 */
};

/* IPv4 addresses, in host byte order. */
#define INADDR_ANY              ((in_addr_t)0x00000000)
#define INADDR_BROADCAST        ((in_addr_t)0xffffffff)
#define INADDR_NONE             ((in_addr_t)0xffffffff)
#define INADDR_LOOPBACK         ((in_addr_t)0x7f000001)

/* sendmsg(2) / recvmsg(2); x86_64 lengths are size_t, like libc's. */
struct msghdr {
	void *msg_name;
	socklen_t msg_namelen;
	struct iovec *msg_iov;
	size_t msg_iovlen;
	void *msg_control;
	size_t msg_controllen;
	uint32_t msg_flags;
};

/* sendmmsg(2) / recvmmsg(2). */
struct mmsghdr {
	struct msghdr msg_hdr;
	uint32_t msg_len;
};

/* A control message: the header, then data, padded to 8 bytes. */
struct cmsghdr {
	size_t cmsg_len;                /* header and data, not padding */
	int32_t cmsg_level;
	int32_t cmsg_type;
};

#define CMSG_ALIGN(len) (((len) + sizeof(size_t) - 1) & ~(sizeof(size_t) - 1))
#define CMSG_SPACE(len) (CMSG_ALIGN(sizeof(struct cmsghdr)) + CMSG_ALIGN(len))
#define CMSG_LEN(len)   (CMSG_ALIGN(sizeof(struct cmsghdr)) + (len))
#define CMSG_DATA(c)    ((unsigned char *)(c) + CMSG_ALIGN(sizeof(struct cmsghdr)))

/* SOL_SOCKET control message types. */
#define SCM_RIGHTS      0x01    /* int[]: descriptors */
#define SCM_CREDENTIALS 0x02    /* struct ucred */

struct ucred {
	pid_t pid;
	uid_t uid;
	gid_t gid;
};

struct linger {
	int32_t l_onoff;
	int32_t l_linger;       /* seconds */
};

/* Option levels. */
#define SOL_SOCKET      1
#define SOL_IP          0
#define SOL_TCP         6
#define SOL_UDP         17
#define SOL_IPV6        41
#define SOL_RAW         255     /* net-icmp: raw sockets' options */

/* SOL_SOCKET options. */
#define SO_DEBUG        1
#define SO_REUSEADDR    2
#define SO_TYPE         3
#define SO_ERROR        4
#define SO_DONTROUTE    5
#define SO_BROADCAST    6
#define SO_SNDBUF       7
#define SO_RCVBUF       8
#define SO_KEEPALIVE    9
#define SO_OOBINLINE    10
#define SO_NO_CHECK     11
#define SO_PRIORITY     12
#define SO_LINGER       13
#define SO_BSDCOMPAT    14
#define SO_REUSEPORT    15
#define SO_PASSCRED     16
#define SO_PEERCRED     17
#define SO_RCVLOWAT     18
#define SO_SNDLOWAT     19
#define SO_RCVTIMEO     20      /* struct timeval; "_OLD" in the UAPI */
#define SO_SNDTIMEO     21
#define SO_BINDTODEVICE 25
#define SO_TIMESTAMP    29
#define SO_ACCEPTCONN   30
#define SO_SNDBUFFORCE  32
#define SO_RCVBUFFORCE  33
#define SO_PROTOCOL     38
#define SO_DOMAIN       39

/* Message flags of send(2) and recv(2), and msg_flags. */
#define MSG_OOB         0x01
#define MSG_PEEK        0x02
#define MSG_DONTROUTE   0x04
#define MSG_CTRUNC      0x08
#define MSG_PROXY       0x10
#define MSG_TRUNC       0x20
#define MSG_DONTWAIT    0x40
#define MSG_EOR         0x80
#define MSG_WAITALL     0x100
#define MSG_FIN         0x200
#define MSG_SYN         0x400
#define MSG_CONFIRM     0x800
#define MSG_RST         0x1000
#define MSG_ERRQUEUE    0x2000
#define MSG_NOSIGNAL    0x4000
#define MSG_MORE        0x8000
#define MSG_WAITFORONE  0x10000
#define MSG_BATCH       0x40000
#define MSG_ZEROCOPY    0x4000000
#define MSG_FASTOPEN    0x20000000
#define MSG_CMSG_CLOEXEC 0x40000000

/* shutdown(2) how. */
#define SHUT_RD         0
#define SHUT_WR         1
#define SHUT_RDWR       2

/* listen(2): the largest backlog; more is silently cut to this. */
#define SOMAXCONN       4096

/* IP protocol numbers. */
#define IPPROTO_IP      0
#define IPPROTO_ICMP    1
#define IPPROTO_TCP     6
#define IPPROTO_UDP     17
#define IPPROTO_IPV6    41
#define IPPROTO_ICMPV6  58
#define IPPROTO_RAW     255

/* IPPROTO_IP options. */
#define IP_TOS          1
#define IP_TTL          2
#define IP_HDRINCL      3
#define IP_OPTIONS      4
#define IP_PKTINFO      8
#define IP_RECVERR      11
#define IP_MULTICAST_IF 32
#define IP_ADD_MEMBERSHIP 35

/* net-icmp: SOL_RAW options of raw ICMP sockets: ICMP_FILTER takes a
 * 32-bit mask (struct icmp_filter); bit N set drops ICMP type N. */
#define ICMP_FILTER     1

/* IPPROTO_IPV6 options. */
#define IPV6_UNICAST_HOPS 16
#define IPV6_V6ONLY     26

/* IPPROTO_TCP options. */
#define TCP_NODELAY     1
#define TCP_MAXSEG      2
#define TCP_CORK        3
#define TCP_KEEPIDLE    4
#define TCP_KEEPINTVL   5
#define TCP_KEEPCNT     6
#define TCP_SYNCNT      7
#define TCP_LINGER2     8
#define TCP_DEFER_ACCEPT 9
#define TCP_WINDOW_CLAMP 10
#define TCP_INFO        11
#define TCP_QUICKACK    12
#define TCP_CONGESTION  13
#define TCP_USER_TIMEOUT 18
#define TCP_FASTOPEN    23

#endif /* ABI_SOCKET_H */
