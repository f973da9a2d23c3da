/*
 * hijack.c -- librumphijack.so's core: configuration (RUMPHIJACK,
 * RUMP_SERVER), the connection, the table of remote descriptors and the
 * rule that decides whether a path is the server's.  Fork support: the
 * parent prepares the child's kernel process before fork and the child
 * connects to claim it (pthread_atfork).
 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "hijack.h"
#include "rumpclient.h"

#define MAXFD 65536

char hj_prefix[256] = "/rump";
size_t hj_prefixlen = 5;
bool hj_cwd_remote;

static pthread_mutex_t fd_mtx = PTHREAD_MUTEX_INITIALIZER;
static int fdmap[MAXFD];     /* remote fd + 1; 0: a host descriptor */
static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static bool connected;
static uint64_t fork_cookie;
static bool fork_ready;

void *
hj_host(const char *name)
{
	void *p = dlsym(RTLD_NEXT, name);

	if (p == NULL) {
		fprintf(stderr, "librumphijack: no host %s\n", name);
		abort();
	}
	return p;
}

static void
fork_prepare(void)
{
	fork_ready = connected && rumpclient_prefork(&fork_cookie) == 0;
}

static void
fork_child(void)
{
	if (!connected)
		return;
	if (!fork_ready || rumpclient_fork_init(fork_cookie) != 0) {
		/* Remote descriptors now fail with ENOTCONN, not hang. */
		fprintf(stderr, "librumphijack: child could not take over "
		    "its rump process\n");
	}
}

static void
init(void)
{
	const char *cfg = getenv("RUMPHIJACK");
	int error;

	if (cfg != NULL && strncmp(cfg, "path=", 5) == 0) {
		size_t n = strcspn(cfg + 5, ",");

		/* A prefix must be absolute, and not "/" itself. */
		if (n < 2 || n >= sizeof(hj_prefix) || cfg[5] != '/') {
			fprintf(stderr, "librumphijack: bad RUMPHIJACK=%s\n",
			    cfg);
		} else {
			memcpy(hj_prefix, cfg + 5, n);
			hj_prefix[n] = '\0';
			while (n > 1 && hj_prefix[n - 1] == '/')
				hj_prefix[--n] = '\0';
			hj_prefixlen = n;
		}
	}
	/* After exec_inherit, rumpclient_init finds itself connected. */
	error = rumpclient_init();
	if (error != 0) {
		fprintf(stderr, "librumphijack: cannot reach RUMP_SERVER: %s\n",
		    strerror(error));
		return;
	}
	connected = true;
	pthread_atfork(fork_prepare, NULL, fork_child);

}

bool
hj_init(void)
{
	pthread_once(&init_once, init);
	return connected;
}

long
hj_call(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	if (!hj_init())
		return -ENOTCONN;
	return rumpclient_syscall(nr, a1, a2, a3, a4, a5, a6);
}

long
hj_ret(long r)
{
	if (r < 0 && r >= -4095) {
		errno = (int)-r;
		return -1;
	}
	return r;
}

int
hj_rfd(int fd)
{
	if (fd < 0 || fd >= MAXFD)
		return -1;
	return __atomic_load_n(&fdmap[fd], __ATOMIC_RELAXED) - 1;
}

int
hj_adopt(int rfd, int want, int minfd, bool cloexec)
{
	int fl = O_RDWR | (cloexec ? O_CLOEXEC : 0);
	int ph, fd;

	if (rfd < 0)
		return (int)hj_ret(rfd);
	ph = (int)syscall(SYS_openat, AT_FDCWD, "/dev/null", fl);
	if (ph < 0)
		goto out_rclose;
	if (want >= 0 && ph == want) {
		fd = ph;
	} else if (want >= 0) {
		fd = (int)syscall(SYS_dup3, ph, want, cloexec ? O_CLOEXEC : 0);
		syscall(SYS_close, ph);
	} else if (ph < minfd) {
		fd = (int)syscall(SYS_fcntl, ph,
		    cloexec ? F_DUPFD_CLOEXEC : F_DUPFD, (long)minfd);
		syscall(SYS_close, ph);
	} else {
		fd = ph;
	}
	if (fd < 0)
		goto out_rclose;
	if (fd >= MAXFD) {
		syscall(SYS_close, fd);
		errno = EMFILE;
		goto out_rclose;
	}
	pthread_mutex_lock(&fd_mtx);
	fdmap[fd] = rfd + 1;
	pthread_mutex_unlock(&fd_mtx);
	return fd;

out_rclose:
	{
		int e = errno;

		hj_call(SYS_close, rfd, 0, 0, 0, 0, 0);
		errno = e;
	}
	return -1;
}

void
hj_forget(int fd)
{
	if (fd < 0 || fd >= MAXFD)
		return;
	pthread_mutex_lock(&fd_mtx);
	fdmap[fd] = 0;
	pthread_mutex_unlock(&fd_mtx);
}

/* Under the prefix: "/rump" or "/rump/..." (not "/rumpus"). */
static const char *
strip_prefix(const char *path)
{
	if (strncmp(path, hj_prefix, hj_prefixlen) != 0)
		return NULL;
	if (path[hj_prefixlen] == '\0')
		return "/";
	if (path[hj_prefixlen] != '/')
		return NULL;
	return path + hj_prefixlen;
}

bool
hj_path(int dirfd, const char *path, int *rdir, const char **rpath)
{
	const char *s;

	if (path == NULL)
		return false;
	if (path[0] == '/') {
		s = strip_prefix(path);
		if (s == NULL || !hj_init())
			return false;
		*rdir = AT_FDCWD;
		*rpath = s;
		return true;
	}
	if (dirfd == AT_FDCWD) {
		if (!hj_cwd_remote)
			return false;
		*rdir = AT_FDCWD;
		*rpath = path;
		return true;
	}
	if (hj_rfd(dirfd) < 0)
		return false;
	*rdir = hj_rfd(dirfd);
	*rpath = path;
	return true;
}

/*
 * exec hand-over.  The new image's library connects anew; to keep the
 * cwd and the descriptors that survive exec, the old image prepares a
 * fork of its kernel process (a copy of the descriptor table and cwd)
 * and passes, in RUMPHIJACK_EXEC, its cookie, whether the cwd is remote
 * and which host descriptors stand for which remote ones:
 *   RUMPHIJACK_EXEC=COOKIE,CWDREMOTE[,HOSTFD:REMOTEFD]...
 */
char *
hj_exec_var(void)
{
	uint64_t cookie;
	size_t cap = 128, len;
	char *v, *nv;
	bool any = hj_cwd_remote;

	if (!connected)
		return NULL;
	for (int fd = 0; fd < MAXFD && !any; fd++)
		any = fdmap[fd] != 0;
	if (!any || rumpclient_prefork(&cookie) != 0)
		return NULL;
	v = malloc(cap);
	if (v == NULL)
		return NULL;
	len = (size_t)snprintf(v, cap, "RUMPHIJACK_EXEC=%llu,%d",
	    (unsigned long long)cookie, hj_cwd_remote);
	for (int fd = 0; fd < MAXFD; fd++) {
		int fl;

		if (fdmap[fd] == 0)
			continue;
		/* Placeholders closed on exec take their remote file along. */
		fl = (int)syscall(SYS_fcntl, fd, F_GETFD);
		if (fl < 0 || (fl & FD_CLOEXEC))
			continue;
		if (len + 32 > cap) {
			nv = realloc(v, cap *= 2);
			if (nv == NULL) {
				free(v);
				return NULL;
			}
			v = nv;
		}
		len += (size_t)snprintf(v + len, cap - len, ",%d:%d", fd,
		    fdmap[fd] - 1);
	}
	return v;
}

/* The new image's side: take over the prepared process. */
static void
exec_inherit(const char *v)
{
	unsigned long long cookie;
	int cwdremote, n, fd, rfd;

	if (sscanf(v, "%llu,%d%n", &cookie, &cwdremote, &n) != 2)
		return;
	if (rumpclient_fork_init(cookie) != 0) {
		fprintf(stderr, "librumphijack: exec: could not take over "
		    "the rump process\n");
		return;
	}
	hj_cwd_remote = cwdremote != 0;
	v += n;
	while (sscanf(v, ",%d:%d%n", &fd, &rfd, &n) == 2) {
		if (fd >= 0 && fd < MAXFD && rfd >= 0)
			fdmap[fd] = rfd + 1;
		v += n;
	}
}

/*
 * Connecting waits for the first path under the prefix, except after
 * an exec hand-over: then remote descriptors and cwd are live from the
 * first call on.
 */
__attribute__((constructor)) static void
hj_load(void)
{
	const char *v = getenv("RUMPHIJACK_EXEC");

	if (v == NULL)
		return;
	exec_inherit(v);
	/* Our children get a hand-over of their own, or none. */
	unsetenv("RUMPHIJACK_EXEC");
	hj_init();
}
