/*
 * hijack.h -- librumphijack.so internals: which descriptors and paths
 * belong to the rump_server (hijack.c) and the host functions behind
 * the wrappers (hj_*.c).
 */
#ifndef HIJACK_H
#define HIJACK_H

#include <dirent.h>
#include <stdbool.h>
#include <stddef.h>

/* hj_host(name): the next definition of name (libc's), or abort. */
void *hj_host(const char *name);
#define HOST(fn) ((__typeof__(&fn))hj_host(#fn))

/* hj_init: connect to RUMP_SERVER once; false if that failed. */
bool hj_init(void);

/*
 * hj_rfd: the server's descriptor behind host descriptor fd, or -1 if
 * fd is the host's own.  Every remote descriptor holds a host
 * descriptor (a /dev/null placeholder), so numbers never collide.
 */
int hj_rfd(int fd);
/*
 * hj_adopt: give remote descriptor rfd a host number (at least minfd, or
 * exactly want >= 0 as dup2 would); returns it, or -1 with errno (the
 * remote one is closed then).
 */
int hj_adopt(int rfd, int want, int minfd, bool cloexec);
/* hj_forget: fd no longer names a remote descriptor (host fd closed). */
void hj_forget(int fd);

/*
 * hj_path: resolve (dirfd, path) as the *at calls do.  Returns true if
 * it names the server: then *rdir and *rpath are what to pass to it.
 */
bool hj_path(int dirfd, const char *path, int *rdir, const char **rpath);
/* hj_cwd_remote: true while the cwd is under the prefix. */
extern bool hj_cwd_remote;
extern char hj_prefix[256];
extern size_t hj_prefixlen;

/* hj_ret: a remote result (-errno) as libc returns it. */
long hj_ret(long r);
/* hj_call: a system call in the server. */
long hj_call(long nr, long a1, long a2, long a3, long a4, long a5, long a6);

/*
 * hj_exec_var: "RUMPHIJACK_EXEC=..." (malloc'd) to put in an exec'd
 * image's environment, or NULL if there is nothing to hand over.
 */
char *hj_exec_var(void);

/* hj_dir.c: is d one of our remote directory streams? */
bool hj_isrdir(DIR *d);

#endif /* HIJACK_H */
