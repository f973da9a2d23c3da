/*
 * abi/epoll.h -- epoll(7): epoll_ctl(2) operations, event bits and
 * struct epoll_event.
 */
#ifndef ABI_EPOLL_H
#define ABI_EPOLL_H

#include <kern/types.h>

/* epoll_create1(2) flag: same bit as O_CLOEXEC. */
#define EPOLL_CLOEXEC   02000000

/* epoll_ctl(2) operations. */
#define EPOLL_CTL_ADD   1
#define EPOLL_CTL_DEL   2
#define EPOLL_CTL_MOD   3

/* Event bits; the low ones equal the POLL* bits. */
#define EPOLLIN         0x00000001U
#define EPOLLPRI        0x00000002U
#define EPOLLOUT        0x00000004U
#define EPOLLERR        0x00000008U
#define EPOLLHUP        0x00000010U
#define EPOLLNVAL       0x00000020U
#define EPOLLRDNORM     0x00000040U
#define EPOLLRDBAND     0x00000080U
#define EPOLLWRNORM     0x00000100U
#define EPOLLWRBAND     0x00000200U
#define EPOLLMSG        0x00000400U
#define EPOLLRDHUP      0x00002000U
/* Input flags of epoll_ctl(2), never reported. */
#define EPOLLEXCLUSIVE  (1U << 28)
#define EPOLLWAKEUP     (1U << 29)
#define EPOLLONESHOT    (1U << 30)
#define EPOLLET         (1U << 31)

/*
 * Packed on x86_64 only: the 64-bit data follows the 32-bit mask without
 * padding (12 bytes), as the i386 layout was kept for x86_64.
 */
struct epoll_event {
	uint32_t events;
	uint64_t data;
} __packed;

#endif /* ABI_EPOLL_H */
