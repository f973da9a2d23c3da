/*
 * serve.h -- rump_server's connection handling (serve.c): one host
 * thread and one kernel process per client.
 */
#ifndef SERVE_H
#define SERVE_H

/*
 * serve_start: serve the protocol on connected socket fd in a new
 * detached thread; it owns fd from here on.  0 or an errno (the socket
 * is then closed).
 */
int serve_start(int fd);

/* serve_verbose: log connects and protocol errors to stderr. */
extern int serve_verbose;

#endif /* SERVE_H */
