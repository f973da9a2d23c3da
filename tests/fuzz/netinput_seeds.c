/*
 * netinput_seeds.c -- writes the seed corpus of fuzz_netinput into a
 * directory (kept in the repository as tests/fuzz/corpus/netinput/):
 *   make -f buildrump/Makefile OBJDIR=... $OBJDIR/fuzz/netinput_seeds
 *   $OBJDIR/fuzz/netinput_seeds tests/fuzz/corpus/netinput
 * Each seed is one input in the format of netinput_frames.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netinput_frames.h"

static const char *dir;

/* An input under construction: flags, then length-prefixed frames. */
static unsigned char in[NF_MAXFRAMES * (2 + NF_MAXFRAME) + 1];
static size_t inlen;

static void
begin(unsigned flags)
{
	in[0] = (unsigned char)flags;
	inlen = 1;
}

static void
add(const uint8_t *f, size_t len)
{
	in[inlen++] = (unsigned char)(len >> 8);
	in[inlen++] = (unsigned char)len;
	memcpy(in + inlen, f, len);
	inlen += len;
}

static void
save(const char *name)
{
	char path[4096];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((fp = fopen(path, "wb")) == NULL ||
	    fwrite(in, 1, inlen, fp) != inlen || fclose(fp) != 0) {
		perror(path);
		exit(1);
	}
}

/* Fragments of a UDP datagram to the bound port (RFC 791: offsets in
 * 8-byte units, MF on all but the last). */
static void
fragments(const char *name, int nfrag, int reverse, int overlap)
{
	uint8_t f[NF_MAXFRAME], udp[8 + 600], frames[8][NF_MAXFRAME];
	size_t lens[8], per = (sizeof(udp) + nfrag - 1) / nfrag;

	per = (per + 7) & ~(size_t)7;
	/* A UDP header with a correct checksum, via a whole datagram. */
	for (size_t i = 8; i < sizeof(udp); i++)
		udp[i] = (uint8_t)(i * 7);
	size_t whole = nf_udp(f, 4000, NF_UDPPORT, udp + 8, sizeof(udp) - 8);
	memcpy(udp, f + 14 + 20, 8);
	(void)whole;
	for (int k = 0; k < nfrag; k++) {
		size_t off = (size_t)k * per, n = per;
		if (overlap && k > 0)
			off -= 8;
		if (off + n > sizeof(udp))
			n = sizeof(udp) - off;
		uint16_t frag = (uint16_t)(off / 8) |
		    (k < nfrag - 1 ? 0x2000 : 0);
		lens[k] = nf_ipv4(frames[k], 17, NF_PEERIP, NF_OURIP, 0x4242,
		    frag, udp + off, n);
	}
	begin(NF_FIX_IPSUM);
	for (int k = 0; k < nfrag; k++) {
		int i = reverse ? nfrag - 1 - k : k;
		add(frames[i], lens[i]);
	}
	save(name);
}

int
main(int argc, char **argv)
{
	uint8_t f[NF_MAXFRAME];
	static const char hello[] = "hello, udp";

	if (argc != 2) {
		fprintf(stderr, "usage: netinput_seeds DIR\n");
		return 2;
	}
	dir = argv[1];

	begin(0);
	add(f, nf_arp_request(f, NF_PEERIP, NF_OURIP));
	save("arp-request");

	begin(NF_FIX_IPSUM | NF_FIX_L4SUM);
	add(f, nf_arp_request(f, NF_PEERIP, NF_OURIP));
	add(f, nf_icmp_echo(f, 0x1234, 1, 56));
	save("icmp-echo");

	begin(NF_FIX_IPSUM | NF_FIX_L4SUM);
	add(f, nf_udp(f, 5000, NF_UDPPORT, hello, sizeof(hello) - 1));
	save("udp-to-port");

	begin(NF_FIX_IPSUM | NF_FIX_L4SUM);
	add(f, nf_udp(f, 5000, NF_UDPPORT + 1, hello, sizeof(hello) - 1));
	save("udp-closed-port");

	begin(NF_FIX_IPSUM | NF_FIX_L4SUM);
	add(f, nf_tcp_syn(f, 40000, NF_TCPPORT, 0x01020304));
	save("tcp-syn");

	begin(NF_FIX_IPSUM | NF_FIX_L4SUM);
	add(f, nf_arp_request(f, NF_PEERIP, NF_OURIP));
	add(f, nf_tcp_syn(f, 40001, NF_TCPPORT, 0x11223344));
	add(f, nf_tcp_syn(f, 40002, 81, 7));
	save("tcp-syn-arp");

	/* A whole connection: handshake, a request, our close. */
	{
		static const char req[] = "GET / HTTP/1.0\r\n\r\n";
		uint32_t isn = 5000;
		begin(NF_FIX_IPSUM | NF_FIX_L4SUM | NF_FIX_TCPACK);
		add(f, nf_arp_request(f, NF_PEERIP, NF_OURIP));
		add(f, nf_tcp_syn(f, 40003, NF_TCPPORT, isn));
		add(f, nf_tcp(f, 40003, NF_TCPPORT, isn + 1, 0, 0x10, "", 0));
		add(f, nf_tcp(f, 40003, NF_TCPPORT, isn + 1, 0, 0x18, req,
		    sizeof(req) - 1));
		add(f, nf_tcp(f, 40003, NF_TCPPORT, isn + sizeof(req), 0,
		    0x11, "", 0));
		save("tcp-connection");
		begin(NF_FIX_IPSUM | NF_FIX_L4SUM | NF_FIX_TCPACK);
		add(f, nf_arp_request(f, NF_PEERIP, NF_OURIP));
		add(f, nf_tcp_syn(f, 40004, NF_TCPPORT, isn));
		add(f, nf_tcp(f, 40004, NF_TCPPORT, isn + 1, 0, 0x10, "", 0));
		add(f, nf_tcp(f, 40004, NF_TCPPORT, isn + 1, 0, 0x14, "", 0));
		save("tcp-connection-rst");
	}

	/* Port unreachable about a datagram our UDP socket sent: the
	 * quoted IPv4 header and 8 bytes of UDP reach udp_ctlinput. */
	{
		uint8_t icmp[8 + 20 + 8], q[NF_MAXFRAME];
		size_t qlen = nf_udp(q, NF_UDPPORT, 5000, "x", 1);
		uint8_t *ip = q + 14;
		/* Turn the quoted datagram around: from us to the peer. */
		memcpy(ip + 12, (const uint8_t[]){ 10, 0, 0, 2, 10, 0, 0, 1 },
		    8);
		memset(icmp, 0, 8);
		icmp[0] = 3; /* destination unreachable */
		icmp[1] = 3; /* port */
		memcpy(icmp + 8, ip, 28);
		(void)qlen;
		begin(NF_FIX_IPSUM | NF_FIX_L4SUM);
		add(f, nf_ipv4(f, 1, NF_PEERIP, NF_OURIP, 9, 0, icmp,
		    sizeof(icmp)));
		save("icmp-port-unreachable");
	}

	fragments("ipv4-fragments", 3, 0, 0);
	fragments("ipv4-fragments-reversed", 4, 1, 0);
	fragments("ipv4-fragments-overlap", 3, 0, 1);

	/* Checksums as they are: the checks themselves get fuzzed. */
	begin(0);
	add(f, nf_udp(f, 5000, NF_UDPPORT, hello, sizeof(hello) - 1));
	add(f, nf_icmp_echo(f, 7, 7, 8));
	save("raw-checksums");
	return 0;
}
