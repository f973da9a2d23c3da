/*
 * udpecho.c -- a UDP echo server for tests/hw/net.bats: echoes every
 * datagram to port PORT (argv[1], default 7) until one says "quit", then
 * answers "bye" and exits 0.  With a second argument, first prints that
 * file (to show what the boot configuration wrote); PORT 0 then exits.  Plain POSIX: runs
 * natively and in images.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct sockaddr_in sin, from;
	socklen_t fl;
	char buf[65536];
	long n = 0;
	int fd;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons(argc > 1 ? (unsigned short)atoi(argv[1]) : 7);
	if ((fd = socket(AF_INET, SOCK_DGRAM, 0)) < 0 ||
	    bind(fd, (struct sockaddr *)&sin, sizeof(sin)) != 0) {
		perror("udpecho");
		return 1;
	}
	if (argc > 2) {
		FILE *f = fopen(argv[2], "r");
		int c;
		if (f == NULL) {
			perror(argv[2]);
			return 1;
		}
		printf("udpecho: %s:\n", argv[2]);
		while ((c = getc(f)) != EOF)
			putchar(c);
		fclose(f);
		if (ntohs(sin.sin_port) == 0)
			return 0;
	}
	printf("udpecho: ready on port %d\n", ntohs(sin.sin_port));
	fflush(stdout);
	for (;;) {
		fl = sizeof(from);
		ssize_t r = recvfrom(fd, buf, sizeof(buf), 0,
		    (struct sockaddr *)&from, &fl);
		if (r < 0) {
			perror("udpecho: recvfrom");
			return 1;
		}
		int quit = r >= 4 && memcmp(buf, "quit", 4) == 0;
		if (quit)
			memcpy(buf, "bye\n", (size_t)(r = 4));
		if (sendto(fd, buf, (size_t)r, 0, (struct sockaddr *)&from, fl) != r)
			perror("udpecho: sendto");
		n++;
		if (quit)
			break;
	}
	printf("udpecho: echoed %ld datagrams\n", n);
	/* Exiting powers the guest off: give "bye" time to leave (QEMU
	 * sends queued frames a moment after the guest queued them). */
	usleep(200000);
	return 0;
}
