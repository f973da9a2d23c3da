/*
 * sp_fuzz.c -- sends rump_server malformed frames: random bytes, bad
 * hello fields, oversized and truncated frames, wrong frame types, and
 * wrong answers to the server's copy requests in the middle of a call.
 *   sp_fuzz SOCKETPATH ROUNDS [SEED]
 * Each round uses a new connection; the server must close it (or carry
 * on) and keep serving.  Exit 0 when every round could connect, i.e.
 * the server survived; the bats test checks other clients too.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#include "sp_proto.h"

static const char *sockpath;

static int
dial(void)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	struct timeval tv = { 2, 0 };
	int s;

	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s", sockpath);
	s = socket(AF_UNIX, SOCK_STREAM, 0);
	if (s < 0 || connect(s, (struct sockaddr *)&sun, sizeof(sun)) != 0) {
		fprintf(stderr, "sp_fuzz: cannot connect: %s\n",
		    strerror(errno));
		exit(1);
	}
	/* A server that stops answering must not hang the test. */
	setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	return s;
}

static void
frame(int s, int type, uint32_t len, const void *p, size_t n)
{
	struct sp_hdr h = { .len = len, .type = (uint16_t)type };

	send(s, &h, sizeof(h), MSG_NOSIGNAL);
	if (n > 0)
		send(s, p, n, MSG_NOSIGNAL);
}

static void
good_hello(int s)
{
	struct sp_hello hi = { .magic = SP_MAGIC, .version = SP_VERSION,
	    .maxframe = SP_MAXFRAME };
	char buf[64];

	frame(s, SP_HELLO, sizeof(hi), &hi, sizeof(hi));
	recv(s, buf, sizeof(buf), 0);
}

static void
drain(int s)
{
	char buf[4096];

	while (recv(s, buf, sizeof(buf), 0) > 0)
		continue;
}

static void
one_round(unsigned r)
{
	int s = dial();
	char junk[512];

	for (size_t i = 0; i < sizeof(junk); i++)
		junk[i] = (char)rand();
	switch (r % 9) {
	case 0: /* noise instead of a hello */
		send(s, junk, (size_t)(rand() % (int)sizeof(junk)), MSG_NOSIGNAL);
		break;
	case 1: { /* a hello with bad fields */
		struct sp_hello hi = { .magic = (uint32_t)rand(),
		    .version = (uint32_t)rand() % 3, .maxframe = (uint32_t)rand(),
		    .flags = (uint32_t)rand() % 4, .cookie = (uint64_t)rand() };

		frame(s, SP_HELLO, sizeof(hi), &hi, sizeof(hi));
		break;
	}
	case 2: /* an oversized frame after a good hello */
		good_hello(s);
		frame(s, SP_SYSCALL, 0xfffffff0u, junk, sizeof(junk));
		break;
	case 3: /* a truncated system call frame */
		good_hello(s);
		frame(s, SP_SYSCALL, sizeof(struct sp_syscall), junk, 10);
		break;
	case 4: /* a frame of the wrong type */
		good_hello(s);
		frame(s, (int)(rand() % 20), sizeof(struct sp_syscall), junk,
		    sizeof(struct sp_syscall));
		break;
	case 5: { /* mkdir, then nonsense for the server's string request */
		struct sp_syscall sc = { SYS_mkdir, { 0x10000, 0755 } };

		good_hello(s);
		frame(s, SP_SYSCALL, sizeof(sc), &sc, sizeof(sc));
		usleep(1000);
		send(s, junk, sizeof(junk), MSG_NOSIGNAL);
		break;
	}
	case 6: { /* a copy reply claiming more data than was asked */
		struct sp_syscall sc = { SYS_mkdir, { 0x10000, 0755 } };
		struct sp_copyreply rp = { 0, 100000 };

		good_hello(s);
		frame(s, SP_SYSCALL, sizeof(sc), &sc, sizeof(sc));
		frame(s, SP_COPYDATA, sizeof(rp) + 100000, &rp, sizeof(rp));
		break;
	}
	case 7: { /* a string without its NUL */
		struct sp_syscall sc = { SYS_mkdir, { 0x10000, 0755 } };
		struct sp_copyreply rp = { 0, 4 };
		char rq[sizeof(struct sp_hdr) + sizeof(struct sp_copyreq)];

		good_hello(s);
		frame(s, SP_SYSCALL, sizeof(sc), &sc, sizeof(sc));
		recv(s, rq, sizeof(rq), MSG_WAITALL);
		frame(s, SP_COPYDATA, sizeof(rp), &rp, sizeof(rp));
		send(s, "abcd", 4, MSG_NOSIGNAL);
		break;
	}
	default: /* disconnect in the middle of a call */
		{
			struct sp_syscall sc = { SYS_getdents64,
			    { 0, 0x10000, 4096 } };

			good_hello(s);
			frame(s, SP_SYSCALL, sizeof(sc), &sc, sizeof(sc));
		}
		break;
	}
	shutdown(s, SHUT_WR);
	drain(s);
	close(s);
}

int
main(int argc, char **argv)
{
	int rounds;

	if (argc < 3) {
		fprintf(stderr, "usage: sp_fuzz SOCKETPATH ROUNDS [SEED]\n");
		return 2;
	}
	sockpath = argv[1];
	rounds = atoi(argv[2]);
	srand(argc > 3 ? (unsigned)atoi(argv[3]) : 1);
	for (int i = 0; i < rounds; i++)
		one_round((unsigned)i);
	/* Still there? */
	close(dial());
	printf("fuzz ok: %d rounds\n", rounds);
	return 0;
}
