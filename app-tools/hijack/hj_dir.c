/*
 * hj_dir.c -- directory streams on remote descriptors.  glibc's
 * opendir/readdir call getdents64 inside libc, out of our reach, so the
 * stream functions themselves are replaced: a remote DIR is our own
 * struct rdir, told apart from glibc's by a registry of live ones.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "hijack.h"

struct rdir {
	int fd;              /* host number of the remote descriptor */
	size_t pos, len;     /* unread entries in buf[pos, len) */
	struct rdir *next;   /* in live_dirs */
	_Alignas(8) char buf[32768];
};

static pthread_mutex_t dirs_mtx = PTHREAD_MUTEX_INITIALIZER;
static struct rdir *live_dirs;

bool
hj_isrdir(DIR *d)
{
	struct rdir *r;

	pthread_mutex_lock(&dirs_mtx);
	for (r = live_dirs; r != NULL && (DIR *)r != d; r = r->next)
		continue;
	pthread_mutex_unlock(&dirs_mtx);
	return r != NULL;
}

DIR *
fdopendir(int fd)
{
	struct rdir *r;
	struct stat st;

	if (hj_rfd(fd) < 0)
		return HOST(fdopendir)(fd);
	if (fstat(fd, &st) != 0)
		return NULL;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return NULL;
	}
	r = calloc(1, sizeof(*r));
	if (r == NULL)
		return NULL;
	r->fd = fd;
	pthread_mutex_lock(&dirs_mtx);
	r->next = live_dirs;
	live_dirs = r;
	pthread_mutex_unlock(&dirs_mtx);
	return (DIR *)r;
}

DIR *
opendir(const char *path)
{
	const char *rp;
	DIR *d;
	int rdir, fd;

	if (!hj_path(AT_FDCWD, path, &rdir, &rp))
		return HOST(opendir)(path);
	fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	d = fdopendir(fd);
	if (d == NULL) {
		int e = errno;

		close(fd);
		errno = e;
	}
	return d;
}

struct dirent64 *readdir64(DIR *d);

struct dirent64 *
readdir64(DIR *d)
{
	struct rdir *r = (struct rdir *)d;
	struct dirent64 *de;

	if (!hj_isrdir(d))
		return HOST(readdir64)(d);
	if (r->pos >= r->len) {
		ssize_t n = getdents64(r->fd, r->buf, sizeof(r->buf));

		/* End of directory leaves errno alone; an error sets it. */
		if (n <= 0)
			return NULL;
		r->pos = 0;
		r->len = (size_t)n;
	}
	de = (struct dirent64 *)(r->buf + r->pos);
	r->pos += de->d_reclen;
	return de;
}

/* On x86_64 struct dirent and struct dirent64 are the same. */
struct dirent *
readdir(DIR *d)
{
	if (!hj_isrdir(d))
		return HOST(readdir)(d);
	return (struct dirent *)readdir64(d);
}

int
closedir(DIR *d)
{
	struct rdir **pp, *r = NULL;
	int fd;

	pthread_mutex_lock(&dirs_mtx);
	for (pp = &live_dirs; *pp != NULL; pp = &(*pp)->next)
		if ((DIR *)*pp == d) {
			r = *pp;
			*pp = r->next;
			break;
		}
	pthread_mutex_unlock(&dirs_mtx);
	if (r == NULL)
		return HOST(closedir)(d);
	fd = r->fd;
	free(r);
	return close(fd);
}

int
dirfd(DIR *d)
{
	if (!hj_isrdir(d))
		return HOST(dirfd)(d);
	return ((struct rdir *)d)->fd;
}

void
rewinddir(DIR *d)
{
	struct rdir *r = (struct rdir *)d;

	if (!hj_isrdir(d)) {
		HOST(rewinddir)(d);
		return;
	}
	r->pos = r->len = 0;
	lseek(r->fd, 0, SEEK_SET);
}
