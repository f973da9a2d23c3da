/*
 * fs_workload.h -- a seeded random file-system workload applied to two
 * trees at once (a reference and the file system under test), each
 * result compared, and a comparison of the two trees at the end.  Used
 * hosted (tests/ext2/test_ext2_write.c: host directory against the rump
 * kernel's ext2) and booted (tests/ext2/guest_ext2_random.c: tmpfs
 * against ext2 on virtio-blk).
 *
 * Side A is always reached through libc; side B through the calls the
 * includer defines first, with the signatures of the POSIX calls:
 *   WB_open(path, flags, mode)  WB_close(fd)  WB_pwrite(fd, buf, n, off)
 *   WB_pread(fd, buf, n, off)   WB_truncate   WB_unlink   WB_mkdir
 *   WB_rmdir   WB_rename   WB_link   WB_symlink   WB_lstat
 *   WB_nentries(dirpath): the number of names in a directory but
 *   those starting with "." and "lost+found" (mke2fs makes it), or -1
 * and WL_SAY(fmt, ...) to report a difference.
 */
#ifndef FS_WORKLOAD_H
#define FS_WORKLOAD_H

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct workload {
	uint64_t rng;        /* xorshift state; never 0 */
	const char *a_root;  /* the reference tree, e.g. "/mirror" */
	const char *b_root;  /* the tree under test, e.g. "/data" */
	int mismatches;      /* results that differed (first 10 said) */
};

/* wl_init: a workload over the two roots seeded with seed (0: default). */
static inline void
wl_init(struct workload *w, uint64_t seed, const char *a_root,
    const char *b_root)
{
	w->rng = seed != 0 ? seed : 0x2545F4914F6CDD1DULL;
	w->a_root = a_root;
	w->b_root = b_root;
	w->mismatches = 0;
}

static inline uint32_t
wl_rnd(struct workload *w, uint32_t n)
{
	w->rng ^= w->rng << 13;
	w->rng ^= w->rng >> 7;
	w->rng ^= w->rng << 17;
	return (uint32_t)(w->rng % n);
}

/* A random relative path of depth at most 3 in a small name space, so
 * that operations collide often. */
static inline void
wl_path(struct workload *w, char *buf, size_t len)
{
	int depth = (int)wl_rnd(w, 3);
	size_t o = 0;

	for (int i = 0; i < depth; i++)
		o += (size_t)snprintf(buf + o, len - o, "d%u/", wl_rnd(w, 3));
	snprintf(buf + o, len - o, "%c%u", wl_rnd(w, 2) ? 'f' : 'd',
	    wl_rnd(w, 6));
}

/* Compare one result of both sides: value, or errno on failure. */
static inline void
wl_same(struct workload *w, const char *what, const char *p, long a, int ea,
    long b, int eb)
{
	int ok = (a < 0) == (b < 0) && (a >= 0 ? a == b : ea == eb);

	/* Linux allows either for a non-empty target directory. */
	if (a < 0 && b < 0 && (ea == ENOTEMPTY || ea == EEXIST) &&
	    (eb == ENOTEMPTY || eb == EEXIST))
		ok = 1;
	if (!ok && w->mismatches++ < 10)
		WL_SAY("mismatch %s %s: reference %ld/%s tested %ld/%s\n",
		    what, p, a, strerror(ea), b, strerror(eb));
}

/* wl_op: one random operation on both sides. */
static inline void
wl_op(struct workload *w)
{
	static char buf[70000];
	char x[64], y[64], ax[480], ay[480], bx[480], by[480];
	long ra, rb;
	int ea, eb;

	wl_path(w, x, sizeof(x));
	wl_path(w, y, sizeof(y));
	snprintf(ax, sizeof(ax), "%s/%s", w->a_root, x);
	snprintf(ay, sizeof(ay), "%s/%s", w->a_root, y);
	snprintf(bx, sizeof(bx), "%s/%s", w->b_root, x);
	snprintf(by, sizeof(by), "%s/%s", w->b_root, y);
#define WL_BOTH(acall, bcall) do { \
	errno = 0; ra = (acall); ea = errno; \
	errno = 0; rb = (bcall); eb = errno; \
} while (0)
	switch (wl_rnd(w, 12)) {
	case 0: case 1: case 2: {
		/* write: mostly small, sometimes far out (holes). */
		size_t len = wl_rnd(w, 4) == 0 ? wl_rnd(w, sizeof(buf)) :
		    wl_rnd(w, 3000);
		off_t off = wl_rnd(w, 8) == 0 ? (off_t)wl_rnd(w, 12 << 20) :
		    (off_t)wl_rnd(w, 200000);
		int afd, bfd;
		for (size_t i = 0; i < len; i++)
			buf[i] = (char)wl_rnd(w, 256);
		WL_BOTH(open(ax, O_WRONLY | O_CREAT, 0644),
		    WB_open(bx, O_WRONLY | O_CREAT, 0644));
		wl_same(w, "open", x, ra < 0 ? -1 : 0, ea, rb < 0 ? -1 : 0, eb);
		afd = (int)ra;
		bfd = (int)rb;
		if (afd >= 0 && bfd >= 0) {
			WL_BOTH(pwrite(afd, buf, len, off),
			    WB_pwrite(bfd, buf, len, off));
			wl_same(w, "pwrite", x, ra, ea, rb, eb);
		}
		if (afd >= 0)
			close(afd);
		if (bfd >= 0)
			WB_close(bfd);
		break;
	}
	case 3: {
		off_t len = wl_rnd(w, 4) == 0 ? (off_t)wl_rnd(w, 1 << 20) :
		    (off_t)wl_rnd(w, 50000);
		WL_BOTH(truncate(ax, len), WB_truncate(bx, len));
		wl_same(w, "truncate", x, ra, ea, rb, eb);
		break;
	}
	case 4:
		WL_BOTH(unlink(ax), WB_unlink(bx));
		wl_same(w, "unlink", x, ra, ea, rb, eb);
		break;
	case 5: case 6:
		WL_BOTH(mkdir(ax, 0755), WB_mkdir(bx, 0755));
		wl_same(w, "mkdir", x, ra, ea, rb, eb);
		break;
	case 7:
		WL_BOTH(rmdir(ax), WB_rmdir(bx));
		wl_same(w, "rmdir", x, ra, ea, rb, eb);
		break;
	case 8:
		WL_BOTH(rename(ax, ay), WB_rename(bx, by));
		wl_same(w, "rename", x, ra, ea, rb, eb);
		break;
	case 9:
		WL_BOTH(link(ax, ay), WB_link(bx, by));
		wl_same(w, "link", x, ra, ea, rb, eb);
		break;
	case 10: {
		/* Short targets live in the inode, long ones in a block. */
		const char *t = wl_rnd(w, 2) ? x : "a/rather/long/target/name/"
		    "that/does/not/fit/in/the/inode/itself/at/all";
		WL_BOTH(symlink(t, ay), WB_symlink(t, by));
		wl_same(w, "symlink", y, ra, ea, rb, eb);
		break;
	}
	default: {
		struct stat sa, sb;
		WL_BOTH(lstat(ax, &sa), WB_lstat(bx, &sb));
		wl_same(w, "lstat", x, ra, ea, rb, eb);
		break;
	}
	}
#undef WL_BOTH
}

/* Do regular files a (side A) and b (side B) of size bytes match? */
static inline int
wl_same_contents(const char *a, const char *b, off_t size)
{
	static char ba[65536], bb[65536];
	int fa = open(a, O_RDONLY), fb = WB_open(b, O_RDONLY, 0);
	int same = fa >= 0 && fb >= 0;

	for (off_t o = 0; same && o < size; o += (off_t)sizeof(ba)) {
		ssize_t na = pread(fa, ba, sizeof(ba), o);
		ssize_t nb = WB_pread(fb, bb, sizeof(bb), o);
		same = na == nb && na >= 0 && memcmp(ba, bb, (size_t)na) == 0;
	}
	if (fa >= 0)
		close(fa);
	if (fb >= 0)
		WB_close(fb);
	return same;
}

/*
 * wl_compare: compare the trees under a (side A) and b (side B): names,
 * types and modes, link counts, sizes and contents.  Returns the number
 * of differences, each said with WL_SAY.
 */
static inline int
wl_compare(const char *a, const char *b, int depth)
{
	DIR *dir = opendir(a);
	struct dirent *de;
	int bad = 0, n = 0;

	if (dir == NULL || depth > 256) { /* renames nest deeper */
		WL_SAY("cannot walk %s\n", a);
		if (dir != NULL)
			closedir(dir);
		return 1;
	}
	while ((de = readdir(dir)) != NULL) {
		char a2[600], b2[600];
		struct stat sa, sb;
		if (de->d_name[0] == '.')
			continue;
		n++;
		snprintf(a2, sizeof(a2), "%s/%s", a, de->d_name);
		snprintf(b2, sizeof(b2), "%s/%s", b, de->d_name);
		if (lstat(a2, &sa) != 0 || WB_lstat(b2, &sb) != 0 ||
		    sa.st_mode != sb.st_mode || sa.st_nlink != sb.st_nlink ||
		    (!S_ISDIR(sa.st_mode) && sa.st_size != sb.st_size)) {
			WL_SAY("differs: %s\n", b2);
			bad++;
		} else if (S_ISDIR(sa.st_mode)) {
			bad += wl_compare(a2, b2, depth + 1);
		} else if (S_ISREG(sa.st_mode) &&
		    !wl_same_contents(a2, b2, sa.st_size)) {
			WL_SAY("contents differ: %s\n", b2);
			bad++;
		}
	}
	closedir(dir);
	/* Names only side B has. */
	if (WB_nentries(b) != n) {
		WL_SAY("differs: %s has %d names, not %d\n", b,
		    WB_nentries(b), n);
		bad++;
	}
	return bad;
}

#endif /* FS_WORKLOAD_H */
