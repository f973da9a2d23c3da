/*
 * conf_tcp.h -- what the net_tcp_* cases share: a loopback listener and
 * a connected pair through it.  Include after conf.h.
 */
#ifndef CONF_TCP_H
#define CONF_TCP_H

/* A listener on 127.0.0.1:0; its address into *sin.  Skips natively
 * when the loopback interface is not usable here. */
static inline int
tcp_listener(struct sockaddr_in *sin)
{
	socklen_t len = sizeof(*sin);
	int l = CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));

	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	memcpy(&sin->sin_addr, "\177\0\0\1", 4);  /* 127.0.0.1 */
	if (bind(l, (struct sockaddr *)sin, sizeof(*sin)) != 0 &&
	    CONF_NATIVE)
		conf_skip("no usable loopback interface here");
	CHECK_OK(listen(l, 5));
	CHECK_OK(getsockname(l, (struct sockaddr *)sin, &len));
	return l;
}

/* A connected pair through listener l at sin: *c the client, *s the
 * accepted end. */
static inline void
tcp_pair(int l, const struct sockaddr_in *sin, int *c, int *s)
{
	*c = CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
	CHECK_OK(connect(*c, (const struct sockaddr *)sin, sizeof(*sin)));
	*s = CHECK_OK(accept(l, NULL, NULL));
}

#endif /* CONF_TCP_H */
