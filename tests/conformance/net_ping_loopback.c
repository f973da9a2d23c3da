/* net_ping_loopback -- a ping socket (SOCK_DGRAM, IPPROTO_ICMP) echoes to 127.0.0.1: the kernel sets the identifier (the socket's port) and checksum, the reply carries the ICMP header, sequence and payload; a non-echo type is EINVAL. */
#include "conf.h"

int
main(void)
{
	struct sockaddr_in to, from, me;
	socklen_t len = sizeof(from);
	unsigned char out[64], in[128];
	struct pollfd pfd;
	int s;

	s = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
	/* Linux allows ping sockets only to the groups of the sysctl
	 * net.ipv4.ping_group_range (often none): EACCES otherwise. */
	if (s == -1 && CONF_NATIVE && (errno == EACCES || errno == EPERM))
		conf_skip("ping sockets not allowed here: "
		    "net.ipv4.ping_group_range does not include our group");
	CHECK(s >= 0);
	memset(&to, 0, sizeof(to));
	to.sin_family = AF_INET;
	memcpy(&to.sin_addr, "\177\0\0\1", 4);  /* 127.0.0.1 */
	memset(out, 0, sizeof(out));
	out[0] = 8;           /* echo request, code 0 */
	out[6] = 0x12;        /* sequence 0x1234 */
	out[7] = 0x34;
	for (int i = 8; i < 64; i++)
		out[i] = (unsigned char)(i * 3);
	CHECK_EQ(sendto(s, out, sizeof(out), 0, (struct sockaddr *)&to,
	    sizeof(to)), sizeof(out));
	pfd.fd = s;
	pfd.events = POLLIN;
	CHECK_EQ(poll(&pfd, 1, 5000), 1);
	CHECK_EQ(recvfrom(s, in, sizeof(in), 0, (struct sockaddr *)&from,
	    &len), sizeof(out));
	CHECK_EQ(len, sizeof(from));
	CHECK_EQ(from.sin_family, AF_INET);
	CHECK(memcmp(&from.sin_addr, "\177\0\0\1", 4) == 0);
	CHECK_EQ(in[0], 0);   /* echo reply */
	CHECK_EQ(in[1], 0);
	CHECK_EQ(in[6], 0x12);
	CHECK_EQ(in[7], 0x34);
	CHECK(memcmp(in + 8, out + 8, sizeof(out) - 8) == 0);
	len = sizeof(me);
	CHECK_OK(getsockname(s, (struct sockaddr *)&me, &len));
	CHECK(me.sin_port != 0);
	CHECK(memcmp(in + 4, &me.sin_port, 2) == 0);
	out[0] = 13;          /* a timestamp request: not for ping sockets */
	CHECK_ERR(sendto(s, out, sizeof(out), 0, (struct sockaddr *)&to,
	    sizeof(to)), EINVAL);
	CHECK_OK(close(s));
	return 0;
}
