/*
 * serve.c -- one connection of rump_server: the client's hello, a kernel
 * process of its own (fresh, or the child prepared by its parent's
 * fork), then system calls until the client goes.  During a call the
 * kernel's copyin/copyout for this process arrive here (copy_*) and are
 * asked of the client over the same socket.  A protocol error marks the
 * connection dead: copies then fail with EIO, and the thread releases the
 * process (closing everything it held) once the call returns.
 */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <rump/rump.h>
#include <rump/rump_syscalls.h>
#include <rump/rump_sysproxy.h>

#include "serve.h"
#include "sp_io.h"

int serve_verbose;

/* Pseudo call number (SP_SYSCALL.nr) asking for a fork to be prepared. */
#define SP_NR_PREFORK (-1)

struct conn {
	int fd;
	bool dead;  /* protocol broken: no more frames on fd */
	int pid;
};

/*
 * How long a prepared fork outlives its parent's connection: an exec
 * closes the old connection before the new image connects to claim.
 */
#define PREFORK_GRACE 30

/*
 * Forks prepared and not yet claimed: the child process's lwp, waiting
 * unbound for the child's connection to present the cookie.
 */
struct prefork {
	uint64_t cookie;
	struct lwp *lwp;
	struct conn *owner; /* NULL once the owner has gone */
	time_t expires;     /* then: released if unclaimed by this time */
	struct prefork *next;
};
static pthread_mutex_t prefork_mtx = PTHREAD_MUTEX_INITIALIZER;
static struct prefork *preforks;

/*
 * Calls a remote caller may not make: they would end or replace the
 * serving lwp, or map memory in the server's address space, where the
 * client cannot see it.
 */
static const long denied_calls[] = {
	SYS_exit, SYS_exit_group, SYS_clone, SYS_fork, SYS_vfork, SYS_execve,
	SYS_execveat, SYS_mmap, SYS_munmap, SYS_mremap, SYS_brk,
	SYS_rt_sigreturn, SYS_arch_prctl, SYS_clone3, SYS_reboot,
	SYS_set_tid_address,
};

static bool
call_denied(long nr)
{
	for (size_t i = 0; i < sizeof(denied_calls) / sizeof(denied_calls[0]); i++)
		if (denied_calls[i] == nr)
			return true;
	return false;
}

static void
conn_fail(struct conn *c, const char *why, int error)
{
	if (!c->dead && serve_verbose)
		fprintf(stderr, "rump_server: pid %d: %s: %s\n", c->pid, why,
		    strerror(error < 0 ? -error : error));
	c->dead = true;
}

/* Read the client's COPYDATA reply header; its data length in *lenp. */
static int
recv_copyreply(struct conn *c, struct sp_copyreply *rp, size_t maxdata)
{
	struct sp_hdr h;
	int error;

	error = sp_recvhdr(c->fd, &h, sizeof(*rp) + maxdata);
	if (error == 0 && (h.type != SP_COPYDATA || h.len < sizeof(*rp)))
		error = -EPROTO;
	if (error == 0)
		error = sp_recvall(c->fd, rp, sizeof(*rp));
	if (error == 0 && rp->len != h.len - sizeof(*rp))
		error = -EPROTO;
	if (error != 0)
		conn_fail(c, "copy reply", error);
	return error;
}

static int
copy_in(void *arg, const void *uaddr, void *kaddr, unsigned long len)
{
	struct conn *c = arg;
	uint64_t a = (uintptr_t)uaddr;
	char *k = kaddr;

	while (len > 0 && !c->dead) {
		struct sp_copyreq rq = { a, len < SP_MAXDATA ? len : SP_MAXDATA };
		struct sp_copyreply rp;
		int error;

		error = sp_send(c->fd, SP_COPYIN, &rq, sizeof(rq), NULL, 0);
		if (error != 0) {
			conn_fail(c, "copyin request", error);
			break;
		}
		if (recv_copyreply(c, &rp, rq.len) != 0)
			break;
		if (rp.error != 0) {
			if (sp_skip(c->fd, rp.len) != 0)
				conn_fail(c, "copyin", EPROTO);
			return -EFAULT;
		}
		if (rp.len != rq.len) {
			conn_fail(c, "copyin length", EPROTO);
			break;
		}
		error = sp_recvall(c->fd, k, rq.len);
		if (error != 0) {
			conn_fail(c, "copyin data", error);
			break;
		}
		a += rq.len;
		k += rq.len;
		len -= rq.len;
	}
	return c->dead ? -EIO : 0;
}

static int
copy_out(void *arg, const void *kaddr, void *uaddr, unsigned long len)
{
	struct conn *c = arg;
	uint64_t a = (uintptr_t)uaddr;
	const char *k = kaddr;

	while (len > 0 && !c->dead) {
		struct sp_copyreq rq = { a, len < SP_MAXDATA ? len : SP_MAXDATA };
		struct sp_copyreply rp;
		int error;

		error = sp_send(c->fd, SP_COPYOUT, &rq, sizeof(rq), k, rq.len);
		if (error != 0) {
			conn_fail(c, "copyout", error);
			break;
		}
		if (recv_copyreply(c, &rp, 0) != 0)
			break;
		if (rp.error != 0)
			return -EFAULT;
		a += rq.len;
		k += rq.len;
		len -= rq.len;
	}
	return c->dead ? -EIO : 0;
}

static int
copy_instr(void *arg, const void *uaddr, char *kaddr, unsigned long len,
    unsigned long *donep)
{
	struct conn *c = arg;
	struct sp_copyreq rq = { (uintptr_t)uaddr,
	    len < SP_MAXDATA ? len : SP_MAXDATA };
	struct sp_copyreply rp;
	int error;

	if (c->dead)
		return -EIO;
	error = sp_send(c->fd, SP_COPYINSTR, &rq, sizeof(rq), NULL, 0);
	if (error != 0) {
		conn_fail(c, "copyinstr request", error);
		return -EIO;
	}
	if (recv_copyreply(c, &rp, rq.len) != 0)
		return -EIO;
	if (rp.error != 0) {
		if (sp_skip(c->fd, rp.len) != 0)
			conn_fail(c, "copyinstr", EPROTO);
		return rp.error == ENAMETOOLONG ? -ENAMETOOLONG : -EFAULT;
	}
	if (rp.len == 0 || sp_recvall(c->fd, kaddr, rp.len) != 0 ||
	    kaddr[rp.len - 1] != '\0') {
		conn_fail(c, "copyinstr data", EPROTO);
		return -EIO;
	}
	*donep = rp.len;
	return 0;
}

static const struct rump_sysproxy_copyfns copyfns = {
	.cf_copyin = copy_in,
	.cf_copyout = copy_out,
	.cf_copyinstr = copy_instr,
};

/*
 * Prepare a fork for the client: the child process is made now, while
 * the parent certainly exists, and waits for the child's connection.
 * Returns the cookie (never 0) or -errno.
 */
static int64_t
prefork(struct conn *c)
{
	struct lwp *parent = rump_lwproc_curlwp();
	struct prefork *pf;
	int error;

	pf = calloc(1, sizeof(*pf));
	if (pf == NULL)
		return -ENOMEM;
	do {
		if (getrandom(&pf->cookie, sizeof(pf->cookie), 0) !=
		    sizeof(pf->cookie)) {
			free(pf);
			return -EAGAIN;
		}
		pf->cookie &= INT64_MAX;
	} while (pf->cookie == 0);
	error = rump_lwproc_rfork(RUMP_RFFDG);
	if (error != 0) {
		free(pf);
		return -error;
	}
	pf->lwp = rump_lwproc_curlwp();
	pf->owner = c;
	rump_lwproc_switch(parent);
	pthread_mutex_lock(&prefork_mtx);
	pf->next = preforks;
	preforks = pf;
	pthread_mutex_unlock(&prefork_mtx);
	return (int64_t)pf->cookie;
}

/* Take the prepared fork with cookie, or NULL. */
static struct prefork *
prefork_take(uint64_t cookie)
{
	struct prefork **pp, *pf = NULL;

	pthread_mutex_lock(&prefork_mtx);
	for (pp = &preforks; *pp != NULL; pp = &(*pp)->next) {
		if ((*pp)->cookie == cookie) {
			pf = *pp;
			*pp = pf->next;
			break;
		}
	}
	pthread_mutex_unlock(&prefork_mtx);
	return pf;
}

/*
 * c is going: its unclaimed forks get PREFORK_GRACE seconds; release
 * those whose time is up (anybody's).
 */
static void
prefork_orphan(struct conn *c)
{
	struct lwp *self = rump_lwproc_curlwp();
	time_t now = time(NULL);
	struct prefork **pp, *pf, *dead = NULL;

	pthread_mutex_lock(&prefork_mtx);
	for (pp = &preforks; (pf = *pp) != NULL;) {
		if (pf->owner == c) {
			pf->owner = NULL;
			pf->expires = now + PREFORK_GRACE;
		}
		if (pf->owner == NULL && pf->expires <= now) {
			*pp = pf->next;
			pf->next = dead;
			dead = pf;
			continue;
		}
		pp = &pf->next;
	}
	pthread_mutex_unlock(&prefork_mtx);
	while ((pf = dead) != NULL) {
		dead = pf->next;
		rump_lwproc_switch(pf->lwp);
		rump_lwproc_releaselwp();
		free(pf);
	}
	rump_lwproc_switch(self);
}

/* The hello exchange; on success the thread is bound to c's process. */
static int
hello(struct conn *c)
{
	struct sp_hello_reply rep = { .version = SP_VERSION,
	    .maxframe = SP_MAXFRAME };
	struct sp_hello hi;
	struct sp_hdr h;
	int error;

	error = sp_recvhdr(c->fd, &h, sizeof(hi));
	if (error == 0 && (h.type != SP_HELLO || h.len != sizeof(hi)))
		error = -EPROTO;
	if (error == 0)
		error = sp_recvall(c->fd, &hi, sizeof(hi));
	if (error != 0)
		return error;
	if (hi.magic != SP_MAGIC || hi.version != SP_VERSION ||
	    hi.maxframe < SP_MAXFRAME || (hi.flags & ~SP_HELLO_INHERIT)) {
		rep.error = EPROTONOSUPPORT;
	} else if (hi.flags & SP_HELLO_INHERIT) {
		struct prefork *pf = prefork_take(hi.cookie);

		if (pf == NULL) {
			rep.error = ESRCH;
		} else {
			rump_lwproc_switch(pf->lwp);
			free(pf);
		}
	} else {
		rep.error = rump_lwproc_newproc();
		if (rep.error == 0) {
			hi.comm[sizeof(hi.comm) - 1] = '\0';
			/* PR_SET_NAME (15); still a local caller here. */
			rump_syscall(SYS_prctl, 15, (long)hi.comm, 0, 0, 0, 0);
		}
	}
	if (rep.error == 0) {
		c->pid = rump_lwproc_getpid(rump_lwproc_curlwp());
		rep.pid = c->pid;
		rep.error = rump_sysproxy_setcopy(&copyfns, c);
		if (rep.error != 0)
			rump_lwproc_releaselwp();
	}
	error = sp_send(c->fd, SP_HELLO_REPLY, &rep, sizeof(rep), NULL, 0);
	if (rep.error != 0)
		return -rep.error;
	if (error != 0)
		rump_lwproc_releaselwp();
	return error;
}

static void *
conn_main(void *arg)
{
	struct conn *c = arg;
	int error;

	error = hello(c);
	if (error != 0) {
		if (serve_verbose)
			fprintf(stderr, "rump_server: hello refused: %s\n",
			    strerror(-error));
		goto out_close;
	}
	if (serve_verbose)
		fprintf(stderr, "rump_server: client connected, pid %d\n",
		    c->pid);
	while (!c->dead) {
		struct sp_syscall sc;
		struct sp_sysret ret;
		struct sp_hdr h;

		error = sp_recvhdr(c->fd, &h, sizeof(sc));
		if (error == 0 && (h.type != SP_SYSCALL || h.len != sizeof(sc)))
			error = -EPROTO;
		if (error == 0)
			error = sp_recvall(c->fd, &sc, sizeof(sc));
		if (error != 0) {
			if (error != -ECONNRESET)
				conn_fail(c, "request", error);
			break;
		}
		if (sc.nr == SP_NR_PREFORK)
			ret.ret = prefork(c);
		else if (sc.nr < 0 || call_denied(sc.nr))
			ret.ret = -ENOSYS;
		else
			ret.ret = rump_syscall(sc.nr, sc.args[0], sc.args[1],
			    sc.args[2], sc.args[3], sc.args[4], sc.args[5]);
		if (c->dead)
			break;
		error = sp_send(c->fd, SP_SYSRET, &ret, sizeof(ret), NULL, 0);
		if (error != 0) {
			conn_fail(c, "reply", error);
			break;
		}
	}
	if (serve_verbose)
		fprintf(stderr, "rump_server: client pid %d gone\n", c->pid);
	prefork_orphan(c);
	/* The process exits with its last lwp: descriptors closed. */
	rump_lwproc_releaselwp();
out_close:
	close(c->fd);
	free(c);
	return NULL;
}

int
serve_start(int fd)
{
	pthread_attr_t attr;
	pthread_t t;
	struct conn *c;
	int error;

	c = calloc(1, sizeof(*c));
	if (c == NULL) {
		close(fd);
		return ENOMEM;
	}
	c->fd = fd;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	error = pthread_create(&t, &attr, conn_main, c);
	pthread_attr_destroy(&attr);
	if (error != 0) {
		close(fd);
		free(c);
	}
	return error;
}
