/*
 * rump/rumpclient.h -- librumpclient: the rump_sys_*() calls of
 * <rump/rump_syscalls.h>, run by a rump_server over a socket instead
 * of an in-process kernel.  Link -lrumpclient instead of the kernel
 * libraries and call rumpclient_init() first.  Protocol:
 * docs/sysproxy.md.  Functions return 0 or a positive errno.
 */
#ifndef RUMP_RUMPCLIENT_H
#define RUMP_RUMPCLIENT_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * rumpclient_init: connect to the server named by the environment
 * variable RUMP_SERVER (unix://PATH or tcp://ADDRESS:PORT) and get a
 * kernel process of our own (its own descriptors, cwd /, credentials).
 * EINVAL: RUMP_SERVER unset or malformed; EPROTONOSUPPORT: the server
 * speaks another protocol version; else the connect error.  Calling it
 * again while connected returns 0.
 *
 * Until it succeeds, and after the server has gone, every rump_sys_*()
 * call fails with ENOTCONN.  Threads may call concurrently; their calls
 * are served one at a time (one connection per process).
 */
int rumpclient_init(void);

/* rumpclient_getpid: our process's pid in the server's kernel, or -1. */
int rumpclient_getpid(void);

/*
 * Fork support.  Before fork(2) the parent calls rumpclient_prefork,
 * which has the server make the child's kernel process now (a copy of
 * ours: descriptors, cwd, credentials) and gives a cookie for it.  After
 * fork, the child calls rumpclient_fork_init(cookie) to connect and take
 * that process over.  A child that never claims it is released when the
 * parent disconnects.
 */
int rumpclient_prefork(uint64_t *cookie);
int rumpclient_fork_init(uint64_t cookie);

/*
 * rumpclient_syscall: system call nr with a1..a6 in the server, result
 * or -errno (-ENOTCONN: not connected; -EIO: the connection broke
 * during the call).  rump_syscall() is the same call, for code shared
 * with the in-process kernel.
 */
long rumpclient_syscall(long nr, long a1, long a2, long a3, long a4,
    long a5, long a6);

#ifdef __cplusplus
}
#endif

#endif /* RUMP_RUMPCLIENT_H */
