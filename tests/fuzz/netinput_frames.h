/*
 * netinput_frames.h -- Ethernet frames for the network input fuzzer
 * (fuzz_netinput.c) and its seed generator (netinput_seeds.c): the
 * addresses of the fake link, builders for the frames the seeds hold,
 * the Internet checksum, and the input format.
 *
 * An input is one flags byte and then frames, each a 2-byte big-endian
 * length and that many bytes (a last frame shorter than its length is
 * fed as it is).  Flags ask the harness to recompute checksums before
 * feeding, so that mutations get past the checksum tests and reach the
 * protocols behind them.
 */
#ifndef NETINPUT_FRAMES_H
#define NETINPUT_FRAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NF_FIX_IPSUM 0x01  /* recompute IPv4 header checksums */
#define NF_FIX_L4SUM 0x02  /* recompute ICMP, UDP and TCP checksums */
/* TCP: the acknowledgment number of a segment with ACK counts from our
 * last SYN-ACK's sequence number + 1 (so 0 completes a handshake); and
 * each frame is handled by the network thread before the next is fed,
 * so that the SYN-ACK exists when the ACK comes. */
#define NF_FIX_TCPACK 0x04
#define NF_MAXFRAMES 16    /* frames fed per input, at most */
#define NF_MAXFRAME 1514   /* Ethernet header + the MTU */

/* The fake link: our interface (fz0) and a peer on it. */
extern const uint8_t nf_ourmac[6], nf_peermac[6], nf_bcastmac[6];
#define NF_OURIP 0x0a000002u   /* 10.0.0.2/24, host order */
#define NF_PEERIP 0x0a000001u  /* 10.0.0.1 */
#define NF_UDPPORT 7777        /* a bound UDP socket */
#define NF_TCPPORT 80          /* a listening TCP socket, if TCP exists */

/* nf_cksum: the Internet checksum (RFC 1071) of buf, starting from the
 * partial sum sum (0, or a pseudo header's). */
uint16_t nf_cksum(const void *buf, size_t len, uint32_t sum);

/* nf_fix: recompute the checksums flags names in frame (any bytes: a
 * frame too short or not IPv4 is left alone). */
void nf_fix(uint8_t *frame, size_t len, unsigned flags);

/*
 * Builders: each writes a whole frame into f (NF_MAXFRAME bytes) and
 * returns its length.  Addresses are host order; checksums are right.
 * nf_ipv4 wraps payload (plen bytes) in Ethernet and IPv4 headers
 * with the given id and fragment field (flags and offset, host order).
 */
size_t nf_arp_request(uint8_t *f, uint32_t sender, uint32_t target);
size_t nf_ipv4(uint8_t *f, uint8_t proto, uint32_t src, uint32_t dst,
    uint16_t id, uint16_t frag, const void *payload, size_t plen);
size_t nf_icmp_echo(uint8_t *f, uint16_t id, uint16_t seq, size_t datalen);
size_t nf_udp(uint8_t *f, uint16_t sport, uint16_t dport, const void *data,
    size_t dlen);
size_t nf_tcp_syn(uint8_t *f, uint16_t sport, uint16_t dport, uint32_t seq);
/* nf_tcp: a segment with the given flags (TCP header byte 13) and no
 * options, carrying data (dlen bytes). */
size_t nf_tcp(uint8_t *f, uint16_t sport, uint16_t dport, uint32_t seq,
    uint32_t ack, uint8_t flags, const void *data, size_t dlen);

/* nf_tcp_synack_seq: if frame (as the kernel sent it) is an IPv4 TCP
 * SYN-ACK, its sequence number to *seqp and true. */
bool nf_tcp_synack_seq(const uint8_t *frame, size_t len, uint32_t *seqp);
/* nf_tcp_setack: a TCP segment with ACK in frame gets ack + base as its
 * acknowledgment number (checksums are not fixed here). */
void nf_tcp_setack(uint8_t *frame, size_t len, uint32_t base);

#endif /* NETINPUT_FRAMES_H */
