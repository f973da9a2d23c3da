/*
 * sockopt.c -- setsockopt(2) / getsockopt(2): the SOL_SOCKET options
 * every socket has, as a table; anything else goes to the protocol's
 * pr_ctloutput.
 */
#include "net_int.h"
#include <abi/time.h>

#define OPT_MAXLEN 256  /* the largest option value passed to protocols */

/* How a SOL_SOCKET option is kept. */
enum optkind {
	OPT_FLAG,      /* an int read as a boolean: a bit of so_options */
	OPT_RO,        /* read-only int computed by sogetint */
	OPT_INT,       /* an int field, handled by name */
	OPT_TIMEO,     /* struct timeval */
	OPT_LINGER,    /* struct linger */
};

static const struct {
	int name;
	enum optkind kind;
	int bit;       /* OPT_FLAG: the so_options bit */
} sol_socket_opts[] = {
	{ SO_REUSEADDR, OPT_FLAG, SO_OPT_REUSEADDR },
	{ SO_REUSEPORT, OPT_FLAG, SO_OPT_REUSEPORT },
	{ SO_KEEPALIVE, OPT_FLAG, SO_OPT_KEEPALIVE },
	{ SO_BROADCAST, OPT_FLAG, SO_OPT_BROADCAST },
	{ SO_DONTROUTE, OPT_FLAG, SO_OPT_DONTROUTE },
	{ SO_OOBINLINE, OPT_FLAG, SO_OPT_OOBINLINE },
	{ SO_PASSCRED, OPT_FLAG, SO_OPT_PASSCRED },
	{ SO_TYPE, OPT_RO, 0 },
	{ SO_PROTOCOL, OPT_RO, 0 },
	{ SO_DOMAIN, OPT_RO, 0 },
	{ SO_ACCEPTCONN, OPT_RO, 0 },
	{ SO_ERROR, OPT_RO, 0 },
	{ SO_RCVBUF, OPT_INT, 0 },
	{ SO_SNDBUF, OPT_INT, 0 },
	{ SO_RCVBUFFORCE, OPT_INT, 0 },
	{ SO_SNDBUFFORCE, OPT_INT, 0 },
	{ SO_RCVLOWAT, OPT_INT, 0 },
	{ SO_SNDLOWAT, OPT_INT, 0 },
	{ SO_RCVTIMEO, OPT_TIMEO, 0 },
	{ SO_SNDTIMEO, OPT_TIMEO, 0 },
	{ SO_LINGER, OPT_LINGER, 0 },
};

static int
opt_find(int name)
{
	for (size_t i = 0; i < sizeof(sol_socket_opts) / sizeof(sol_socket_opts[0]); i++)
		if (sol_socket_opts[i].name == name)
			return (int)i;
	return -1;
}

/* Linux doubles a requested buffer size for its bookkeeping and reports
 * the doubled value; programs tuning buffers expect that. */
static int
bufsize(int v)
{
	if (v > SO_MAX_BUF / 2)
		v = SO_MAX_BUF / 2;
	v *= 2;
	return v < SO_MIN_BUF ? SO_MIN_BUF : v;
}

static int
set_int(struct socket *so, int name, int v)
{
	switch (name) {
	case SO_RCVBUFFORCE:
	case SO_SNDBUFFORCE:
		if (curproc->p_cred.cr_euid != 0)
			return -EPERM;
		/* FALLTHROUGH */
	case SO_RCVBUF:
	case SO_SNDBUF:
		if (name == SO_RCVBUF || name == SO_RCVBUFFORCE)
			so->so_rcvbuf = bufsize(v);
		else
			so->so_sndbuf = bufsize(v);
		sowwakeup(so);  /* more room may let writers on */
		return 0;
	case SO_RCVLOWAT:
		if (v < 0)
			v = INT_MAX;
		so->so_rcvlowat = v == 0 ? 1 : v;
		return 0;
	case SO_SNDLOWAT:
		return -ENOPROTOOPT;  /* as Linux: fixed */
	}
	return -ENOPROTOOPT;
}

static int
get_int(struct socket *so, int name)
{
	int v;

	switch (name) {
	case SO_TYPE:
		return so->so_type;
	case SO_PROTOCOL:
		return so->so_proto->pr_protocol;
	case SO_DOMAIN:
		return so->so_proto->pr_family;
	case SO_ACCEPTCONN:
		return (so->so_state & SS_ISLISTENING) != 0;
	case SO_ERROR:
		v = so->so_error;
		so->so_error = 0;
		return v;
	case SO_RCVBUF:
	case SO_RCVBUFFORCE:
		return so->so_rcvbuf;
	case SO_SNDBUF:
	case SO_SNDBUFFORCE:
		return so->so_sndbuf;
	case SO_RCVLOWAT:
		return so->so_rcvlowat;
	case SO_SNDLOWAT:
		return 1;
	}
	return 0;
}

int
sosetopt(struct socket *so, int level, int name, const void *uval,
    socklen_t len)
{
	union {
		int i;
		struct timeval tv;
		struct linger l;
		char buf[OPT_MAXLEN];
	} v;
	int i, error;

	if ((int32_t)len < 0)
		return -EINVAL;
	i = level == SOL_SOCKET ? opt_find(name) : -1;
	if (i < 0) {
		if (so->so_proto->pr_ctloutput == NULL)
			return level == SOL_SOCKET ? -ENOPROTOOPT : -EOPNOTSUPP;
		if (len > OPT_MAXLEN)
			return -EINVAL;
		if (len > 0 && (error = copyin(uval, v.buf, len)) != 0)
			return error;
		return so->so_proto->pr_ctloutput(so, false, level, name, v.buf,
		    &len);
	}
	switch (sol_socket_opts[i].kind) {
	case OPT_FLAG:
	case OPT_INT:
		if (len < sizeof(int))
			return -EINVAL;
		if ((error = copyin(uval, &v.i, sizeof(int))) != 0)
			return error;
		break;
	case OPT_TIMEO:
		if (len < sizeof(struct timeval))
			return -EINVAL;
		if ((error = copyin(uval, &v.tv, sizeof(v.tv))) != 0)
			return error;
		if (v.tv.tv_usec < 0 || v.tv.tv_usec >= 1000000)
			return -EDOM;
		break;
	case OPT_LINGER:
		if (len < sizeof(struct linger))
			return -EINVAL;
		if ((error = copyin(uval, &v.l, sizeof(v.l))) != 0)
			return error;
		break;
	case OPT_RO:
		return -ENOPROTOOPT;
	}

	mutex_enter(so->so_lock);
	error = 0;
	switch (sol_socket_opts[i].kind) {
	case OPT_FLAG:
		if (v.i)
			so->so_options |= sol_socket_opts[i].bit;
		else
			so->so_options &= ~sol_socket_opts[i].bit;
		break;
	case OPT_INT:
		error = set_int(so, name, v.i);
		break;
	case OPT_TIMEO: {
		/* A negative time means "no timeout", as for Linux. */
		int64_t ns = v.tv.tv_sec < 0 ? 0 :
		    v.tv.tv_sec > INT64_MAX / 1000000000 - 1 ? 0 :
		    v.tv.tv_sec * 1000000000 + v.tv.tv_usec * 1000;

		if (name == SO_RCVTIMEO)
			so->so_rcvtimeo = ns;
		else
			so->so_sndtimeo = ns;
		break;
	}
	case OPT_LINGER:
		if (v.l.l_onoff)
			so->so_options |= SO_OPT_LINGER;
		else
			so->so_options &= ~SO_OPT_LINGER;
		so->so_linger = v.l.l_linger < 0 ? 0 : v.l.l_linger;
		break;
	case OPT_RO:
		break;
	}
	mutex_exit(so->so_lock);
	return error;
}

int
sogetopt(struct socket *so, int level, int name, void *uval,
    socklen_t *ulenp)
{
	union {
		int i;
		struct timeval tv;
		struct linger l;
		char buf[OPT_MAXLEN];
	} v;
	socklen_t len, vlen;
	int i, error;

	if (ulenp == NULL)
		return -EFAULT;
	if ((error = copyin(ulenp, &len, sizeof(len))) != 0)
		return error;
	if ((int32_t)len < 0)
		return -EINVAL;
	memset(&v, 0, sizeof(v));
	i = level == SOL_SOCKET ? opt_find(name) : -1;
	if (i < 0) {
		if (so->so_proto->pr_ctloutput == NULL)
			return level == SOL_SOCKET ? -ENOPROTOOPT : -EOPNOTSUPP;
		vlen = MIN(len, OPT_MAXLEN);
		error = so->so_proto->pr_ctloutput(so, true, level, name, v.buf,
		    &vlen);
		if (error != 0)
			return error;
		goto out;
	}
	mutex_enter(so->so_lock);
	switch (sol_socket_opts[i].kind) {
	case OPT_FLAG:
		v.i = (so->so_options & sol_socket_opts[i].bit) != 0;
		vlen = sizeof(int);
		break;
	case OPT_RO:
	case OPT_INT:
		v.i = get_int(so, name);
		vlen = sizeof(int);
		break;
	case OPT_TIMEO: {
		int64_t ns = name == SO_RCVTIMEO ? so->so_rcvtimeo : so->so_sndtimeo;

		v.tv.tv_sec = ns / 1000000000;
		v.tv.tv_usec = (ns % 1000000000) / 1000;
		vlen = sizeof(v.tv);
		break;
	}
	case OPT_LINGER:
		v.l.l_onoff = (so->so_options & SO_OPT_LINGER) != 0;
		v.l.l_linger = so->so_linger;
		vlen = sizeof(v.l);
		break;
	default:
		vlen = 0;
		break;
	}
	mutex_exit(so->so_lock);
out:
	vlen = MIN(vlen, len);
	if (vlen > 0 && (error = copyout(&v, uval, vlen)) != 0)
		return error;
	return copyout(&vlen, ulenp, sizeof(vlen));
}
