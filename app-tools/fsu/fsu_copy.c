/*
 * fsu_copy.c -- copying files and trees from one side to another (host
 * to image, image to host, image to image) the way coreutils' cp does:
 * fsu_get, fsu_put and fsu_cp are this with the sides chosen.  With -r
 * trees keep their modes, symlinks, device nodes, FIFOs and hard links
 * (as `cp -a` would, without owners and times); -p keeps owners and
 * times too.  Holes stay holes: blocks of zeros are skipped, not written.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsu.h"

#define COPY_BUF (1024 * 1024)
#define HOLE_GRAIN 1024		/* the smallest ext2 block */

/* A file with several links, copied once: later names link to copy. */
struct linked {
	dev_t dev;
	ino_t ino;
	char *copy;
};

struct copy {
	const struct fsu_side *from, *to;
	int flags;
	char *buf;
	struct linked *links;
	size_t nlinks, caplinks;
	bool have_top;		/* same side: the first directory created */
	dev_t top_dev;
	ino_t top_ino;
};

static bool
is_zero(const char *p, size_t n)
{
	const uint64_t *w = (const uint64_t *)(const void *)p;

	for (size_t i = 0; i < n / 8; i++)
		if (w[i] != 0)
			return false;
	for (size_t i = n & ~(size_t)7; i < n; i++)
		if (p[i] != 0)
			return false;
	return true;
}

/* Write n bytes of buf at the current offset of fd; zero grains are seeked over. */
static int
write_sparse(struct copy *c, int fd, const char *buf, size_t n, bool *hole)
{
	size_t off = 0;

	while (off < n) {
		size_t len = n - off < HOLE_GRAIN ? n - off : HOLE_GRAIN;
		size_t run;

		if (is_zero(buf + off, len)) {
			if (c->to->lseek(fd, (off_t)len, SEEK_CUR) < 0)
				return -1;
			*hole = true;
			off += len;
			continue;
		}
		/* A run of grains with data goes in one write. */
		for (run = len; off + run < n; run += len) {
			len = n - off - run < HOLE_GRAIN ? n - off - run : HOLE_GRAIN;
			if (is_zero(buf + off + run, len))
				break;
		}
		for (size_t done = 0; done < run;) {
			ssize_t w = c->to->write(fd, buf + off + done, run - done);

			if (w < 0)
				return -1;
			done += (size_t)w;
		}
		*hole = false;
		off += run;
	}
	return 0;
}

static int
copy_data(struct copy *c, const char *src, const char *dst, mode_t mode)
{
	int in, out, status = 0;
	bool hole = false;
	off_t size = 0;
	ssize_t n;

	in = c->from->open(src, O_RDONLY, 0);
	if (in < 0) {
		fsu_warn(errno, "cannot open '%s' for reading", src);
		return 1;
	}
	out = c->to->open(dst, O_WRONLY | O_CREAT | O_TRUNC, mode);
	if (out < 0) {
		fsu_warn(errno, "cannot create regular file '%s'", dst);
		c->from->close(in);
		return 1;
	}
	while ((n = c->from->read(in, c->buf, COPY_BUF)) > 0) {
		if (write_sparse(c, out, c->buf, (size_t)n, &hole) != 0) {
			fsu_warn(errno, "error writing '%s'", dst);
			status = 1;
			goto out_close;
		}
		size += n;
	}
	if (n < 0) {
		fsu_warn(errno, "error reading '%s'", src);
		status = 1;
	} else if (hole && c->to->ftruncate(out, size) != 0) {
		fsu_warn(errno, "error writing '%s'", dst);
		status = 1;
	}
out_close:
	c->from->close(in);
	if (c->to->close(out) != 0 && status == 0) {
		fsu_warn(errno, "error writing '%s'", dst);
		status = 1;
	}
	return status;
}

/* The attributes -r and -p keep, once the file's content is in place. */
static int
copy_attrs(struct copy *c, const char *dst, const struct stat *st)
{
	int status = 0;

	if (c->flags & FSU_COPY_PRESERVE) {
		struct timespec ts[2] = { st->st_atim, st->st_mtim };

		/* Not being allowed to give files away is not an error (cp -p). */
		if (c->to->lchown(dst, st->st_uid, st->st_gid) != 0 &&
		    errno != EPERM) {
			fsu_warn(errno, "failed to preserve ownership for '%s'", dst);
			status = 1;
		}
		if (!S_ISLNK(st->st_mode) &&
		    c->to->chmod(dst, st->st_mode & 07777) != 0) {
			fsu_warn(errno, "preserving permissions for '%s'", dst);
			status = 1;
		}
		if (c->to->lutimens(dst, ts) != 0) {
			fsu_warn(errno, "preserving times for '%s'", dst);
			status = 1;
		}
	} else if ((c->flags & FSU_COPY_RECURSIVE) && !S_ISLNK(st->st_mode) &&
	    c->to->chmod(dst, st->st_mode & 07777) != 0) {
		fsu_warn(errno, "preserving permissions for '%s'", dst);
		status = 1;
	}
	return status;
}

static struct linked *
find_link(struct copy *c, const struct stat *st)
{
	for (size_t i = 0; i < c->nlinks; i++)
		if (c->links[i].ino == st->st_ino && c->links[i].dev == st->st_dev)
			return &c->links[i];
	return NULL;
}

static void
add_link(struct copy *c, const struct stat *st, const char *dst)
{
	if (c->nlinks == c->caplinks) {
		c->caplinks = c->caplinks ? 2 * c->caplinks : 16;
		c->links = realloc(c->links, c->caplinks * sizeof(*c->links));
		if (c->links == NULL) {
			fsu_warnx("out of memory");
			exit(1);
		}
	}
	c->links[c->nlinks++] = (struct linked){ st->st_dev, st->st_ino,
		fsu_xstrdup(dst) };
}

static int copy_path(struct copy *c, const char *src, const char *dst,
    bool top);

static int
copy_dir(struct copy *c, const char *src, const char *dst,
    const struct stat *st)
{
	struct stat dst_st;
	char **names;
	int n, status = 0;

	if (c->have_top && st->st_dev == c->top_dev && st->st_ino == c->top_ino) {
		fsu_warnx("cannot copy a directory, '%s', into itself", src);
		return 1;
	}
	if (c->to->lstat(dst, &dst_st) != 0) {
		/* Writable while being filled; its mode comes last. */
		if (c->to->mkdir(dst, (st->st_mode & 0777) | 0700) != 0) {
			fsu_warn(errno, "cannot create directory '%s'", dst);
			return 1;
		}
		if (c->to->lstat(dst, &dst_st) != 0) {
			fsu_warn(errno, "cannot stat '%s'", dst);
			return 1;
		}
	} else if (!S_ISDIR(dst_st.st_mode)) {
		fsu_warnx("cannot overwrite non-directory '%s' with directory '%s'",
		    dst, src);
		return 1;
	}
	if (c->from == c->to && !c->have_top) {
		c->have_top = true;
		c->top_dev = dst_st.st_dev;
		c->top_ino = dst_st.st_ino;
	}
	n = fsu_listdir(c->from, src, &names);
	if (n < 0) {
		fsu_warn(errno, "cannot access '%s'", src);
		return 1;
	}
	for (int i = 0; i < n; i++) {
		char *s = fsu_join(src, names[i]), *d = fsu_join(dst, names[i]);

		status |= copy_path(c, s, d, false);
		free(s);
		free(d);
	}
	fsu_freenames(names, n);
	return status | copy_attrs(c, dst, st);
}

static int
copy_path(struct copy *c, const char *src, const char *dst, bool top)
{
	bool recursive = c->flags & FSU_COPY_RECURSIVE;
	struct stat st, dst_st;
	struct linked *l;
	char target[4097];
	ssize_t n;

	/* cp -r copies symlinks as such; plain cp follows them. */
	if ((recursive ? c->from->lstat(src, &st) : c->from->stat(src, &st)) != 0) {
		fsu_warn(errno, "cannot stat '%s'", src);
		return 1;
	}
	if (S_ISDIR(st.st_mode)) {
		if (!recursive) {
			fsu_warnx("-r not specified; omitting directory '%s'", src);
			return 1;
		}
		return copy_dir(c, src, dst, &st);
	}
	if (recursive && st.st_nlink > 1 && (l = find_link(c, &st)) != NULL) {
		c->to->unlink(dst);
		if (c->to->link(l->copy, dst) != 0) {
			fsu_warn(errno, "cannot create hard link '%s' to '%s'", dst,
			    l->copy);
			return 1;
		}
		return 0;
	}
	if (c->from == c->to && c->to->stat(dst, &dst_st) == 0 &&
	    dst_st.st_dev == st.st_dev && dst_st.st_ino == st.st_ino) {
		if (top)
			fsu_warnx("'%s' and '%s' are the same file", src, dst);
		return top ? 1 : 0;
	}
	if (S_ISLNK(st.st_mode)) {
		n = c->from->readlink(src, target, sizeof(target) - 1);
		if (n < 0) {
			fsu_warn(errno, "cannot read symbolic link '%s'", src);
			return 1;
		}
		target[n] = '\0';
		c->to->unlink(dst);
		if (c->to->symlink(target, dst) != 0) {
			fsu_warn(errno, "cannot create symbolic link '%s'", dst);
			return 1;
		}
	} else if (S_ISREG(st.st_mode) || !recursive) {
		if (copy_data(c, src, dst, st.st_mode & 0777) != 0)
			return 1;
	} else {
		c->to->unlink(dst);
		if (c->to->mknod(dst, st.st_mode & (S_IFMT | 0777), st.st_rdev) != 0) {
			fsu_warn(errno, "cannot create special file '%s'", dst);
			return 1;
		}
	}
	if (recursive && st.st_nlink > 1)
		add_link(c, &st, dst);
	return copy_attrs(c, dst, &st);
}

int
fsu_copy_args(const struct fsu_side *from, char **srcs, int n,
    const struct fsu_side *to, const char *dest, int flags)
{
	struct copy c = { .from = from, .to = to, .flags = flags };
	struct stat st;
	bool into;
	int status = 0;

	into = to->stat(dest, &st) == 0 && S_ISDIR(st.st_mode);
	if (!into && n > 1) {
		fsu_warnx("target '%s' is not a directory", dest);
		return 1;
	}
	c.buf = fsu_xmalloc(COPY_BUF);
	for (int i = 0; i < n; i++) {
		const char *base = fsu_basename(srcs[i]);
		char *d;

		/* The root copied into a directory is merged into it. */
		if (into && base[0] != '\0' && strcmp(base, ".") != 0 &&
		    strcmp(base, "..") != 0)
			d = fsu_join(dest, base);
		else
			d = fsu_xstrdup(dest);
		status |= copy_path(&c, srcs[i], d, true);
		free(d);
	}
	for (size_t i = 0; i < c.nlinks; i++)
		free(c.links[i].copy);
	free(c.links);
	free(c.buf);
	return status;
}
