/*
 * rumpclient.c -- the client end of the remote system call protocol:
 * connect and hello, then per call: send the request and serve the
 * server's copy requests from our own memory until the reply comes.
 * Our memory is read and written with process_vm_readv/writev on
 * ourselves, so a bad pointer becomes EFAULT, as in a kernel, instead
 * of a crash.  Raw syscall(2) everywhere: inside librumphijack.so the
 * libc names are the hijack's wrappers.
 */
#include <errno.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>

#include "rumpclient.h"
#include "sp_io.h"

#define SP_NR_PREFORK (-1)

static pthread_mutex_t conn_mtx = PTHREAD_MUTEX_INITIALIZER;
static int conn_fd = -1;
static int conn_pid = -1;
/* Data of one copy request, in and out. */
static char copybuf[SP_MAXDATA];

static int
sys_close(int fd)
{
	return (int)syscall(SYS_close, fd);
}

/*
 * Keep the socket out of the way of the program's own descriptor
 * numbers: shells dup2 onto small numbers (exec 3<file) and would
 * clobber it there.  As high as the descriptor limit allows.
 */
static int
move_high(int s)
{
	struct rlimit rl;
	long want = 1000;
	int hi;

	if (syscall(SYS_getrlimit, RLIMIT_NOFILE, &rl) == 0 &&
	    rl.rlim_cur != RLIM_INFINITY && (long)rl.rlim_cur - 24 < want)
		want = (long)rl.rlim_cur - 24;
	if (want <= s)
		return s;
	hi = (int)syscall(SYS_fcntl, s, F_DUPFD_CLOEXEC, want);
	if (hi < 0)
		return s;
	sys_close(s);
	return hi;
}

static int
connect_url(const char *url, int *fdp)
{
	struct sockaddr_storage ss;
	socklen_t sslen;
	int s;

	memset(&ss, 0, sizeof(ss));
	if (url == NULL)
		return EINVAL;
	if (strncmp(url, "unix://", 7) == 0) {
		struct sockaddr_un *sun = (struct sockaddr_un *)&ss;

		if (strlen(url + 7) >= sizeof(sun->sun_path) || url[7] == '\0')
			return EINVAL;
		sun->sun_family = AF_UNIX;
		strcpy(sun->sun_path, url + 7);
		sslen = sizeof(*sun);
	} else if (strncmp(url, "tcp://", 6) == 0) {
		struct sockaddr_in *sin = (struct sockaddr_in *)&ss;
		const char *colon = strrchr(url + 6, ':');
		char host[64];
		char *end;
		long port;

		if (colon == NULL || (size_t)(colon - url - 6) >= sizeof(host))
			return EINVAL;
		memcpy(host, url + 6, (size_t)(colon - url - 6));
		host[colon - url - 6] = '\0';
		port = strtol(colon + 1, &end, 10);
		if (*end != '\0' || port <= 0 || port > 65535 ||
		    inet_pton(AF_INET, host, &sin->sin_addr) != 1)
			return EINVAL;
		sin->sin_family = AF_INET;
		sin->sin_port = htons((uint16_t)port);
		sslen = sizeof(*sin);
	} else {
		return EINVAL;
	}
	s = (int)syscall(SYS_socket, ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC,
	    0);
	if (s < 0)
		return errno;
	if (syscall(SYS_connect, s, &ss, sslen) != 0) {
		int error = errno;

		sys_close(s);
		return error;
	}
	*fdp = move_high(s);
	return 0;
}

/* Connect and say hello; conn_mtx held. */
static int
conn_open(uint32_t flags, uint64_t cookie)
{
	struct sp_hello hi = { .magic = SP_MAGIC, .version = SP_VERSION,
	    .maxframe = SP_MAXFRAME, .flags = flags, .cookie = cookie };
	struct sp_hello_reply rep;
	struct sp_hdr h;
	int fd = -1, error;

	error = connect_url(getenv("RUMP_SERVER"), &fd);
	if (error != 0)
		return error;
	prctl(PR_GET_NAME, hi.comm);
	error = -sp_send(fd, SP_HELLO, &hi, sizeof(hi), NULL, 0);
	if (error == 0)
		error = -sp_recvhdr(fd, &h, sizeof(rep));
	if (error == 0 && (h.type != SP_HELLO_REPLY || h.len != sizeof(rep)))
		error = EPROTO;
	if (error == 0)
		error = -sp_recvall(fd, &rep, sizeof(rep));
	if (error == 0 && rep.error != 0)
		error = rep.error;
	if (error != 0) {
		sys_close(fd);
		return error;
	}
	conn_fd = fd;
	conn_pid = rep.pid;
	return 0;
}

int
rumpclient_init(void)
{
	int error = 0;

	pthread_mutex_lock(&conn_mtx);
	if (conn_fd < 0)
		error = conn_open(0, 0);
	pthread_mutex_unlock(&conn_mtx);
	return error;
}

int
rumpclient_getpid(void)
{
	return conn_fd < 0 ? -1 : conn_pid;
}

/*
 * Read our own memory at addr; 0 or EFAULT.  syscall(2) is variadic:
 * every argument is passed as a long, or its upper half is garbage.
 */
static int
mem_read(uint64_t addr, void *buf, size_t len)
{
	struct iovec local = { buf, len };
	struct iovec remote = { (void *)(uintptr_t)addr, len };

	if (len == 0)
		return 0;
	if (syscall(SYS_process_vm_readv, (long)getpid(), &local, 1L, &remote, 1L,
	    0L) !=
	    (long)len)
		return EFAULT;
	return 0;
}

static int
mem_write(uint64_t addr, const void *buf, size_t len)
{
	struct iovec local = { (void *)buf, len };
	struct iovec remote = { (void *)(uintptr_t)addr, len };

	if (len == 0)
		return 0;
	if (syscall(SYS_process_vm_writev, (long)getpid(), &local, 1L, &remote, 1L,
	    0L) !=
	    (long)len)
		return EFAULT;
	return 0;
}

/* A string at addr of at most max bytes with its NUL: length in *lenp. */
static int
mem_readstr(uint64_t addr, char *buf, size_t max, size_t *lenp)
{
	size_t done = 0;

	while (done < max) {
		/* Never read across a page we have not reached yet. */
		size_t chunk = 4096 - ((addr + done) & 4095);
		char *nul;

		if (chunk > max - done)
			chunk = max - done;
		if (mem_read(addr + done, buf + done, chunk) != 0)
			return EFAULT;
		nul = memchr(buf + done, '\0', chunk);
		if (nul != NULL) {
			*lenp = (size_t)(nul - buf) + 1;
			return 0;
		}
		done += chunk;
	}
	return ENAMETOOLONG;
}

/* Serve one copy request whose header is h; conn_mtx held. */
static int
serve_copy(const struct sp_hdr *h)
{
	struct sp_copyreq rq;
	struct sp_copyreply rp = { 0, 0 };
	size_t len = 0;
	int error;

	if (h->len < sizeof(rq))
		return -EPROTO;
	error = sp_recvall(conn_fd, &rq, sizeof(rq));
	if (error != 0)
		return error;
	if (rq.len > SP_MAXDATA)
		return -EPROTO;
	switch (h->type) {
	case SP_COPYIN:
		if (h->len != sizeof(rq))
			return -EPROTO;
		rp.error = mem_read(rq.addr, copybuf, rq.len);
		len = rp.error == 0 ? rq.len : 0;
		break;
	case SP_COPYINSTR:
		if (h->len != sizeof(rq))
			return -EPROTO;
		rp.error = mem_readstr(rq.addr, copybuf, rq.len, &len);
		if (rp.error != 0)
			len = 0;
		break;
	case SP_COPYOUT:
		if (h->len != sizeof(rq) + rq.len)
			return -EPROTO;
		error = sp_recvall(conn_fd, copybuf, rq.len);
		if (error != 0)
			return error;
		rp.error = mem_write(rq.addr, copybuf, rq.len);
		break;
	default:
		return -EPROTO;
	}
	rp.len = (uint32_t)len;
	return sp_send(conn_fd, SP_COPYDATA, &rp, sizeof(rp), copybuf, len);
}

/* The connection is broken: stop using it; conn_mtx held. */
static void
conn_lost(void)
{
	sys_close(conn_fd);
	conn_fd = -1;
}

long
rumpclient_syscall(long nr, long a1, long a2, long a3, long a4, long a5,
    long a6)
{
	struct sp_syscall sc = { nr, { a1, a2, a3, a4, a5, a6 } };
	long ret;
	int error;

	pthread_mutex_lock(&conn_mtx);
	if (conn_fd < 0) {
		ret = -ENOTCONN;
		goto out_unlock;
	}
	error = sp_send(conn_fd, SP_SYSCALL, &sc, sizeof(sc), NULL, 0);
	for (;;) {
		struct sp_hdr h;

		if (error == 0)
			error = sp_recvhdr(conn_fd, &h, SP_MAXFRAME);
		if (error != 0)
			break;
		if (h.type == SP_SYSRET) {
			struct sp_sysret sr;

			if (h.len != sizeof(sr)) {
				error = -EPROTO;
				break;
			}
			error = sp_recvall(conn_fd, &sr, sizeof(sr));
			if (error != 0)
				break;
			ret = sr.ret;
			goto out_unlock;
		}
		error = serve_copy(&h);
	}
	/* The server died or spoke nonsense mid-call: the call's fate is unknown. */
	conn_lost();
	ret = -EIO;
out_unlock:
	pthread_mutex_unlock(&conn_mtx);
	return ret;
}

long rump_syscall(long nr, long a1, long a2, long a3, long a4, long a5,
    long a6);

long
rump_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	return rumpclient_syscall(nr, a1, a2, a3, a4, a5, a6);
}

/* The generated rump_sys_*() wrappers report errors through this. */
void rumpuser_seterrno(int error);

void
rumpuser_seterrno(int error)
{
	errno = error;
}

int
rumpclient_prefork(uint64_t *cookie)
{
	long r = rumpclient_syscall(SP_NR_PREFORK, 0, 0, 0, 0, 0, 0);

	if (r < 0)
		return (int)-r;
	*cookie = (uint64_t)r;
	return 0;
}

int
rumpclient_fork_init(uint64_t cookie)
{
	int error;

	/*
	 * The parent's socket is shared with it: drop our copy without a
	 * word on it.  The mutex may have been held by another thread of
	 * the parent at fork; a child has only the forking thread.
	 */
	pthread_mutex_init(&conn_mtx, NULL);
	if (conn_fd >= 0)
		sys_close(conn_fd);
	conn_fd = -1;
	error = conn_open(SP_HELLO_INHERIT, cookie);
	return error;
}
