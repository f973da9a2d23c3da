/*
 * test_fsmodel.c -- a randomized model test of the rump kernel's tmpfs:
 * a seeded PRNG picks 100,000 operations (create, write, truncate,
 * rename, unlink, link, symlink, mkdir, rmdir) on a small name space and
 * applies each both to the rump kernel and to a fresh directory of the
 * HOST file system, which is the reference: every return value and
 * errno must agree, and at the end the whole trees (names, types,
 * sizes, contents, link counts, symlink targets) must be the same.
 *
 * A third of the operations run with file system ids 1000:1000 instead
 * of root's (setfsuid on both sides), and chmod is among the operations,
 * so permission checks are compared too.  Links are made as root only
 * and no directory gets the sticky bit: Linux's protected_hardlinks and
 * protected_symlinks policies are host settings the kernel does not
 * model.
 *
 * Both sides chroot(2) into their top directory, so symlinks that climb
 * with ".." end at the same place (the top) on both: this needs root,
 * and the test skips without it.
 *
 * FSMODEL_SEED=n and FSMODEL_OPS=n in the environment change the run; a
 * failure names the seed, the operation number and both results.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/fsuid.h>
#include <sys/stat.h>
#include <unistd.h>
#include <grp.h>

#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_syscalls.h>

#define RUMP_TOP "/fsmodel"
#define MAXDATA 6000
#define MAXOFF 20000

static uint64_t rng_state;
static char host_top[256];
static unsigned long opno;
static unsigned long long seed;

/* xorshift64*: small, fast and the same everywhere. */
static uint64_t
rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

static unsigned
rnd_below(unsigned n)
{
	return (unsigned)(rnd() % n);
}

/* A path of 1..3 components from a small alphabet, so operations
 * collide often. */
static void
rnd_relpath(char *buf, size_t len)
{
	static const char *names[] = { "a", "b", "c", "d", "e" };
	int depth = 1 + (int)rnd_below(3);

	buf[0] = '\0';
	for (int i = 0; i < depth; i++) {
		unsigned pick = rnd_below(60);
		if (i > 0)
			strncat(buf, "/", len - strlen(buf) - 1);
		/* Now and then "." or "..", for the lookup rules. */
		strncat(buf, pick == 0 ? "." : pick == 1 ? ".." : names[pick % 5],
		    len - strlen(buf) - 1);
	}
	/* Now and then a trailing slash, to exercise those rules too. */
	if (rnd_below(40) == 0)
		strncat(buf, "/", len - strlen(buf) - 1);
}

struct res {
	long ret;
	int err;
};

static void
check_same(const char *what, const char *a, const char *b, struct res h,
    struct res r)
{
	if ((h.ret < 0) != (r.ret < 0) || (h.ret < 0 && h.err != r.err) ||
	    (h.ret >= 0 && h.ret != r.ret)) {
		fail_msg("seed %llu op %lu: %s(%s%s%s): host %ld (%s), rump %ld "
		    "(%s)", seed, opno, what, a, b[0] ? ", " : "", b, h.ret,
		    h.ret < 0 ? strerror(h.err) : "ok", r.ret,
		    r.ret < 0 ? strerror(r.err) : "ok");
	}
}

#define HOST(call) ({ errno = 0; long r_ = (call); (struct res){ r_, errno }; })
#define RUMP(call) ({ errno = 0; long r_ = (call); (struct res){ r_, errno }; })

/* After chroot both trees are "/" of their side. */
static void
paths(const char *rel, char *hp, char *rp, size_t len)
{
	snprintf(hp, len, "/%s", rel);
	snprintf(rp, len, "/%s", rel);
}

static void
fill(char *buf, size_t n)
{
	uint64_t x = rnd();

	for (size_t i = 0; i < n; i++) {
		if ((i & 7) == 0)
			x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		buf[i] = (char)(x >> ((i & 7) * 8));
	}
}

static void
op_create(const char *rel)
{
	char hp[512], rp[512];
	int flags = O_CREAT | O_WRONLY;
	struct res h, r;

	paths(rel, hp, rp, sizeof(hp));
	if (rnd_below(3) == 0)
		flags |= O_EXCL;
	if (rnd_below(3) == 0)
		flags |= O_TRUNC;
	h = HOST(open(hp, flags, 0644));
	r = RUMP(rump_sys_open(rp, flags, 0644));
	check_same("open", rel, "", (struct res){ h.ret >= 0 ? 0 : -1, h.err },
	    (struct res){ r.ret >= 0 ? 0 : -1, r.err });
	if (h.ret >= 0)
		close((int)h.ret);
	if (r.ret >= 0)
		rump_sys_close((int)r.ret);
}

static void
op_write(const char *rel)
{
	static char data[MAXDATA];
	char hp[512], rp[512];
	int flags = O_WRONLY | (rnd_below(4) == 0 ? O_APPEND : 0);
	size_t n = rnd_below(MAXDATA);
	off_t off = rnd_below(MAXOFF);
	struct res h, r, hw, rw;

	paths(rel, hp, rp, sizeof(hp));
	fill(data, n);
	h = HOST(open(hp, flags));
	r = RUMP(rump_sys_open(rp, flags, 0));
	check_same("open-for-write", rel, "",
	    (struct res){ h.ret >= 0 ? 0 : -1, h.err },
	    (struct res){ r.ret >= 0 ? 0 : -1, r.err });
	if (h.ret < 0) {
		if (r.ret >= 0)
			rump_sys_close((int)r.ret);
		return;
	}
	if (flags & O_APPEND) {
		hw = HOST(write((int)h.ret, data, n));
		rw = RUMP(rump_sys_write((int)r.ret, data, n));
	} else {
		hw = HOST(pwrite((int)h.ret, data, n, off));
		rw = RUMP(rump_sys_pwrite64((int)r.ret, data, n, off));
	}
	check_same("write", rel, "", hw, rw);
	close((int)h.ret);
	rump_sys_close((int)r.ret);
}

static void
op_truncate(const char *rel)
{
	char hp[512], rp[512];
	off_t len = rnd_below(3) == 0 ? 0 : (off_t)rnd_below(MAXOFF + MAXDATA);

	paths(rel, hp, rp, sizeof(hp));
	check_same("truncate", rel, "", HOST(truncate(hp, len)),
	    RUMP(rump_sys_truncate(rp, len)));
}

static void
op_rename(const char *a, const char *b)
{
	char ha[512], ra[512], hb[512], rb[512];
	unsigned pick = rnd_below(8);
	unsigned flags = pick == 0 ? RENAME_NOREPLACE
	    : pick == 1 ? RENAME_EXCHANGE : 0;

	paths(a, ha, ra, sizeof(ha));
	paths(b, hb, rb, sizeof(hb));
	check_same("renameat2", a, b,
	    HOST(renameat2(AT_FDCWD, ha, AT_FDCWD, hb, flags)),
	    RUMP(rump_sys_renameat2(AT_FDCWD, ra, AT_FDCWD, rb, flags)));
}

static void
op_link(const char *a, const char *b)
{
	char ha[512], ra[512], hb[512], rb[512];

	paths(a, ha, ra, sizeof(ha));
	paths(b, hb, rb, sizeof(hb));
	check_same("link", a, b, HOST(link(ha, hb)), RUMP(rump_sys_link(ra, rb)));
}

static void
op_symlink(const char *target, const char *b)
{
	char hb[512], rb[512];

	/* Relative targets only: both trees resolve them the same way. */
	paths(b, hb, rb, sizeof(hb));
	check_same("symlink", target, b, HOST(symlink(target, hb)),
	    RUMP(rump_sys_symlink(target, rb)));
}

static void
op_simple(const char *what, const char *rel)
{
	char hp[512], rp[512];
	struct res h, r;

	paths(rel, hp, rp, sizeof(hp));
	if (strcmp(what, "mkdir") == 0) {
		h = HOST(mkdir(hp, 0755));
		r = RUMP(rump_sys_mkdir(rp, 0755));
	} else if (strcmp(what, "rmdir") == 0) {
		h = HOST(rmdir(hp));
		r = RUMP(rump_sys_rmdir(rp));
	} else {
		h = HOST(unlink(hp));
		r = RUMP(rump_sys_unlink(rp));
	}
	check_same(what, rel, "", h, r);
}

/* stat or lstat, and open with O_NOFOLLOW / O_DIRECTORY: lookups only. */
static void
op_lookup(const char *rel)
{
	char hp[512], rp[512];
	struct stat hs, rs;
	struct res h, r;
	bool follow = rnd_below(2) == 0;
	int flags = O_RDONLY | (rnd_below(2) ? O_NOFOLLOW : 0) |
	    (rnd_below(2) ? O_DIRECTORY : 0);

	paths(rel, hp, rp, sizeof(hp));
	h = follow ? HOST(stat(hp, &hs)) : HOST(lstat(hp, &hs));
	r = follow ? RUMP(rump_sys_stat(rp, &rs)) : RUMP(rump_sys_lstat(rp, &rs));
	check_same(follow ? "stat" : "lstat", rel, "", h, r);
	if (h.ret == 0 && ((hs.st_mode & S_IFMT) != (rs.st_mode & S_IFMT) ||
	    hs.st_nlink != rs.st_nlink ||
	    (!S_ISDIR(hs.st_mode) && hs.st_size != rs.st_size)))
		fail_msg("seed %llu op %lu: stat(%s) differs", seed, opno, rel);
	h = HOST(open(hp, flags));
	r = RUMP(rump_sys_open(rp, flags, 0));
	check_same("open-lookup", rel, "",
	    (struct res){ h.ret >= 0 ? 0 : -1, h.err },
	    (struct res){ r.ret >= 0 ? 0 : -1, r.err });
	if (h.ret >= 0)
		close((int)h.ret);
	if (r.ret >= 0)
		rump_sys_close((int)r.ret);
}

static void
op_chmod(const char *rel)
{
	static const mode_t modes[] = { 0644, 0755, 0700, 0555, 0444, 0311,
		0, 0600, 0711, 0775 };
	char hp[512], rp[512];
	mode_t m = modes[rnd_below(sizeof(modes) / sizeof(*modes))];

	paths(rel, hp, rp, sizeof(hp));
	check_same("chmod", rel, "", HOST(chmod(hp, m)),
	    RUMP(rump_sys_chmod(rp, m)));
}

static unsigned cur_id;

/* Act as id (0 or 1000) for the file system on both sides. */
static void
become(unsigned id)
{
	if (id == cur_id)
		return;
	setfsuid(id);
	setfsgid(id);
	rump_sys_setfsuid(id);
	rump_sys_setfsgid(id);
	assert_int_equal(setfsuid((uid_t)-1), (int)id);
	cur_id = id;
}

/* The sorted names of a host directory. */
static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
host_names(const char *dir, char **names, int max)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		assert_true(n < max);
		names[n++] = strdup(de->d_name);
	}
	closedir(d);
	qsort(names, (size_t)n, sizeof(char *), cmpstr);
	return n;
}

struct kdirent {
	uint64_t d_ino;
	int64_t d_off;
	uint16_t d_reclen;
	uint8_t d_type;
	char d_name[];
};

static int
rump_names(const char *dir, char **names, int max)
{
	char buf[4096];
	int fd = rump_sys_open(dir, O_RDONLY | O_DIRECTORY, 0), n = 0;
	ssize_t len;

	assert_true(fd >= 0);
	while ((len = rump_sys_getdents64(fd, (void *)buf, sizeof(buf))) > 0) {
		for (ssize_t pos = 0; pos < len;) {
			struct kdirent *d = (struct kdirent *)(buf + pos);
			pos += d->d_reclen;
			if (strcmp(d->d_name, ".") == 0 ||
			    strcmp(d->d_name, "..") == 0)
				continue;
			assert_true(n < max);
			names[n++] = strdup(d->d_name);
		}
	}
	assert_int_equal(len, 0);
	rump_sys_close(fd);
	qsort(names, (size_t)n, sizeof(char *), cmpstr);
	return n;
}

static void
compare_file(const char *hp, const char *rp, off_t size)
{
	static char hb[65536], rb[65536];
	int hfd = open(hp, O_RDONLY), rfd = rump_sys_open(rp, O_RDONLY, 0);
	off_t done = 0;

	assert_true(hfd >= 0);
	assert_true(rfd >= 0);
	while (done < size) {
		ssize_t hn = read(hfd, hb, sizeof(hb));
		ssize_t rn = rump_sys_read(rfd, rb, sizeof(rb));
		assert_int_equal(hn, rn);
		assert_true(hn > 0);
		if (memcmp(hb, rb, (size_t)hn) != 0)
			fail_msg("seed %llu: contents of %s differ", seed, rp);
		done += hn;
	}
	close(hfd);
	rump_sys_close(rfd);
}

static int
compare_tree(const char *hdir, const char *rdir)
{
	char *hn[256], *rn[256];
	int nh = host_names(hdir, hn, 256), nr = rump_names(rdir, rn, 256);
	int count = nh;

	if (nh != nr)
		fail_msg("seed %llu: %s has %d entries on the host, %d in rump",
		    seed, rdir, nh, nr);
	for (int i = 0; i < nh; i++) {
		char hp[1024], rp[1024];
		struct stat hs, rs;

		if (strcmp(hn[i], rn[i]) != 0)
			fail_msg("seed %llu: in %s: host has %s, rump %s", seed,
			    rdir, hn[i], rn[i]);
		snprintf(hp, sizeof(hp), "%s/%s", hdir, hn[i]);
		snprintf(rp, sizeof(rp), "%s/%s", rdir, rn[i]);
		assert_int_equal(lstat(hp, &hs), 0);
		assert_int_equal(rump_sys_lstat(rp, &rs), 0);
		if (hs.st_mode != rs.st_mode || hs.st_nlink != rs.st_nlink ||
		    hs.st_uid != rs.st_uid || hs.st_gid != rs.st_gid)
			fail_msg("seed %llu: %s: mode %o/%o nlink %lu/%lu "
			    "owner %u:%u/%u:%u", seed, rp, hs.st_mode,
			    rs.st_mode, (unsigned long)hs.st_nlink,
			    (unsigned long)rs.st_nlink, hs.st_uid, hs.st_gid,
			    rs.st_uid, rs.st_gid);
		if (S_ISREG(hs.st_mode)) {
			if (hs.st_size != rs.st_size)
				fail_msg("seed %llu: %s: size %ld/%ld", seed, rp,
				    (long)hs.st_size, (long)rs.st_size);
			compare_file(hp, rp, hs.st_size);
		} else if (S_ISLNK(hs.st_mode)) {
			char ht[512], rt[512];
			ssize_t a = readlink(hp, ht, sizeof(ht));
			ssize_t b = rump_sys_readlink(rp, rt, sizeof(rt));
			assert_int_equal(a, b);
			assert_true(a > 0);
			assert_memory_equal(ht, rt, (size_t)a);
			assert_int_equal(hs.st_size, rs.st_size);
		} else if (S_ISDIR(hs.st_mode)) {
			count += compare_tree(hp, rp);
		}
		free(hn[i]);
		free(rn[i]);
	}
	return count;
}

static void
remove_host_tree(const char *dir)
{
	char *names[256];
	int n = host_names(dir, names, 256);

	for (int i = 0; i < n; i++) {
		char p[1024];
		struct stat st;

		snprintf(p, sizeof(p), "%s/%s", dir, names[i]);
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			remove_host_tree(p);
		else
			unlink(p);
		free(names[i]);
	}
	rmdir(dir);
}

static const char *symlink_targets[] = {
	"a", "b", "c/d", "../a", "../../b", "e/", ".", "..", "nothere", "a/b/c",
};

static void
test_fsmodel(void **state)
{
	const char *e = getenv("FSMODEL_SEED");
	unsigned long nops = 100000;
	int entries, realroot;

	(void)state;
	seed = e != NULL ? strtoull(e, NULL, 0) : 20261121ULL;
	if ((e = getenv("FSMODEL_OPS")) != NULL)
		nops = strtoul(e, NULL, 0);
	rng_state = seed * 2 + 1;
	snprintf(host_top, sizeof(host_top), "%s/fsmodel.XXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	if (geteuid() != 0) {
		skip();
		return;
	}
	assert_non_null(mkdtemp(host_top));
	assert_int_equal(chmod(host_top, 0755), 0); /* as RUMP_TOP */
	assert_int_equal(rump_sys_mkdir(RUMP_TOP, 0755), 0);
	umask(022);
	rump_sys_umask(022);
	realroot = open("/", O_RDONLY | O_DIRECTORY);
	assert_true(realroot >= 0);
	assert_int_equal(chdir(host_top), 0);
	assert_int_equal(chroot("."), 0);
	assert_int_equal(rump_sys_chdir(RUMP_TOP), 0);
	assert_int_equal(rump_sys_chroot("."), 0);
	/* No supplementary groups on either side. */
	assert_int_equal(setgroups(0, NULL), 0);
	assert_int_equal(rump_sys_setgroups(0, NULL), 0);

	for (opno = 0; opno < nops; opno++) {
		char a[64], b[64];
		unsigned op = rnd_below(100);

		rnd_relpath(a, sizeof(a));
		rnd_relpath(b, sizeof(b));
		become(rnd_below(3) == 0 && !(op >= 62 && op < 70) ? 1000 : 0);
		if (op < 14)
			op_create(a);
		else if (op < 30)
			op_write(a);
		else if (op < 38)
			op_truncate(a);
		else if (op < 50)
			op_rename(a, b);
		else if (op < 62)
			op_simple("unlink", a);
		else if (op < 70)
			op_link(a, b);
		else if (op < 76)
			op_symlink(symlink_targets[rnd_below(
			    sizeof(symlink_targets) / sizeof(*symlink_targets))],
			    b);
		else if (op < 86)
			op_simple("mkdir", a);
		else if (op < 92)
			op_simple("rmdir", a);
		else if (op < 96)
			op_lookup(a);
		else
			op_chmod(a);
	}
	become(0);
	entries = compare_tree("/", "/");
	/* Back to the real root to clean up. */
	assert_int_equal(fchdir(realroot), 0);
	assert_int_equal(chroot("."), 0);
	close(realroot);
	print_message("fsmodel: seed %llu, %lu operations, %d entries at the "
	    "end, trees equal\n", seed, nops, entries);
	remove_host_tree(host_top);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fsmodel),
	};

	if (rump_init() != 0) {
		fprintf(stderr, "rump_init failed\n");
		return 1;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
