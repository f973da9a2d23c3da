/*
 * abi/poll.h -- poll(2) / ppoll(2): struct pollfd and the event bits.
 */
#ifndef ABI_POLL_H
#define ABI_POLL_H

#include <kern/types.h>

struct pollfd {
	int32_t fd;             /* negative: entry ignored, revents 0 */
	int16_t events;         /* POLL* asked for */
	int16_t revents;        /* POLL* that happened */
};

#define POLLIN          0x0001
#define POLLPRI         0x0002
#define POLLOUT         0x0004
#define POLLERR         0x0008  /* always reported, never asked for */
#define POLLHUP         0x0010  /* always reported, never asked for */
#define POLLNVAL        0x0020  /* fd is not open */
#define POLLRDNORM      0x0040
#define POLLRDBAND      0x0080
#define POLLWRNORM      0x0100
#define POLLWRBAND      0x0200
#define POLLMSG         0x0400
#define POLLREMOVE      0x1000
#define POLLRDHUP       0x2000

#endif /* ABI_POLL_H */
