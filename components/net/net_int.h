/*
 * net_int.h -- interfaces between the files of the socket layer and
 * AF_UNIX (components/net) only, grouped by the file that defines them.
 */
#ifndef NET_INT_H
#define NET_INT_H

#include <kern/kern.h>
#include <sys/file.h>
#include <abi/fcntl.h>
#include <abi/poll.h>
#include <abi/socket.h>
#include <net/socketvar.h>

#include "syscall_handlers.h"

/*
 * Borrowed from the system call layer (components/sys/sys_int.h, which
 * is private to it): the same prototypes, kept in step by hand until
 * they move to <sys/file.h>.
 */
bool uaddr_ok(const void *uaddr, size_t len);
int iov_import(const struct iovec *uiov, int iovcnt, struct iovec *fast,
    struct iovec **iovp, struct uio *uio, int rw);
void iov_free(struct iovec *iov, struct iovec *fast, int iovcnt);
int fd_alloc2(struct file *f0, struct file *f1, bool cloexec, int fds[2]);
void sig_write_error(int sig);
#define ERESTARTSYS 512

/* socket.c */
extern const struct fileops socket_fileops;
/* so_send / so_recv: the common path of write/send*/
ssize_t so_send(struct socket *so, struct sockmsg *sm, int flags);
ssize_t so_recv(struct socket *so, struct sockmsg *sm, int flags);

/* sockopt.c */
int sosetopt(struct socket *so, int level, int name, const void *uval,
    socklen_t len);
int sogetopt(struct socket *so, int level, int name, void *uval,
    socklen_t *ulenp);

/* unix_proto.c */
extern struct domain unix_domain;
void unix_init(void);

#endif /* NET_INT_H */
