/*
 * guest_ext2_random.c -- runs inside a booted image (not a hosted
 * test): a seeded random workload on the ext2 disk mounted at /data,
 * mirrored on the tmpfs root at /mirror, every result compared, and at
 * the end both trees compared.  Usage: guest_ext2_random SEED NOPS.
 * Exit status 0: all results and both trees agree.  The bats test then
 * runs e2fsck -fn on the disk (tests/ext2/ext2_hw.bats).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static uint64_t rng;
static int mismatches;

static uint32_t
rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng % n);
}

static void
rpath(char *buf, size_t len)
{
	int depth = (int)rnd(3);
	size_t o = 0;

	for (int i = 0; i < depth; i++)
		o += (size_t)snprintf(buf + o, len - o, "d%u/", rnd(3));
	snprintf(buf + o, len - o, "%c%u", rnd(2) ? 'f' : 'd', rnd(6));
}

static void
same(const char *what, const char *p, long a, int ea, long b, int eb)
{
	int ok = (a < 0) == (b < 0) && (a >= 0 ? a == b : ea == eb);

	if (a < 0 && b < 0 && (ea == ENOTEMPTY || ea == EEXIST) &&
	    (eb == ENOTEMPTY || eb == EEXIST))
		ok = 1;
	if (!ok && mismatches++ < 10)
		printf("mismatch %s %s: tmpfs %ld/%s ext2 %ld/%s\n", what, p,
		    a, strerror(ea), b, strerror(eb));
}

#define BOTH(m, d) do { \
	errno = 0; ra = (m); ea = errno; \
	errno = 0; rb = (d); eb = errno; \
} while (0)

static void
one_op(void)
{
	static char buf[70000];
	char x[64], y[64], ma[100], mb[100], da[100], db[100];
	long ra, rb;
	int ea, eb;

	rpath(x, sizeof(x));
	rpath(y, sizeof(y));
	snprintf(ma, sizeof(ma), "/mirror/%s", x);
	snprintf(mb, sizeof(mb), "/mirror/%s", y);
	snprintf(da, sizeof(da), "/data/%s", x);
	snprintf(db, sizeof(db), "/data/%s", y);
	switch (rnd(12)) {
	case 0: case 1: case 2: {
		size_t len = rnd(4) == 0 ? rnd(sizeof(buf)) : rnd(3000);
		off_t off = rnd(8) == 0 ? (off_t)rnd(12 << 20) : (off_t)rnd(200000);
		int mfd, dfd;
		for (size_t i = 0; i < len; i++)
			buf[i] = (char)rnd(256);
		BOTH(open(ma, O_WRONLY | O_CREAT, 0644),
		    open(da, O_WRONLY | O_CREAT, 0644));
		same("open", x, ra < 0 ? -1 : 0, ea, rb < 0 ? -1 : 0, eb);
		mfd = (int)ra;
		dfd = (int)rb;
		if (mfd >= 0 && dfd >= 0) {
			BOTH(pwrite(mfd, buf, len, off), pwrite(dfd, buf, len, off));
			same("pwrite", x, ra, ea, rb, eb);
		}
		if (mfd >= 0)
			close(mfd);
		if (dfd >= 0)
			close(dfd);
		break;
	}
	case 3: {
		off_t len = rnd(4) == 0 ? (off_t)rnd(1 << 20) : (off_t)rnd(50000);
		BOTH(truncate(ma, len), truncate(da, len));
		same("truncate", x, ra, ea, rb, eb);
		break;
	}
	case 4:
		BOTH(unlink(ma), unlink(da));
		same("unlink", x, ra, ea, rb, eb);
		break;
	case 5: case 6:
		BOTH(mkdir(ma, 0755), mkdir(da, 0755));
		same("mkdir", x, ra, ea, rb, eb);
		break;
	case 7:
		BOTH(rmdir(ma), rmdir(da));
		same("rmdir", x, ra, ea, rb, eb);
		break;
	case 8:
		BOTH(rename(ma, mb), rename(da, db));
		same("rename", x, ra, ea, rb, eb);
		break;
	case 9:
		BOTH(link(ma, mb), link(da, db));
		same("link", x, ra, ea, rb, eb);
		break;
	case 10: {
		const char *t = rnd(2) ? x : "a/rather/long/target/name/that/"
		    "does/not/fit/in/the/inode/itself/at/all";
		BOTH(symlink(t, mb), symlink(t, db));
		same("symlink", y, ra, ea, rb, eb);
		break;
	}
	default: {
		struct stat sa, sb;
		BOTH(lstat(ma, &sa), lstat(da, &sb));
		same("lstat", x, ra, ea, rb, eb);
		break;
	}
	}
}

static int
compare(const char *m, const char *d, int depth)
{
	static char bm[65536], bd[65536];
	DIR *dir = opendir(m);
	struct dirent *de;
	int bad = 0;

	if (dir == NULL || depth > 256) /* renames nest deeper */
		return 1;
	while ((de = readdir(dir)) != NULL) {
		char m2[600], d2[600];
		struct stat sm, sd;
		if (de->d_name[0] == '.')
			continue;
		snprintf(m2, sizeof(m2), "%s/%s", m, de->d_name);
		snprintf(d2, sizeof(d2), "%s/%s", d, de->d_name);
		if (lstat(m2, &sm) != 0 || lstat(d2, &sd) != 0 ||
		    sm.st_mode != sd.st_mode || sm.st_nlink != sd.st_nlink ||
		    (!S_ISDIR(sm.st_mode) && sm.st_size != sd.st_size)) {
			printf("differs: %s\n", d2);
			bad++;
			continue;
		}
		if (S_ISDIR(sm.st_mode)) {
			bad += compare(m2, d2, depth + 1);
		} else if (S_ISREG(sm.st_mode)) {
			int fm = open(m2, O_RDONLY), fd = open(d2, O_RDONLY);
			for (off_t o = 0; o < sm.st_size; o += sizeof(bm)) {
				ssize_t a = pread(fm, bm, sizeof(bm), o);
				ssize_t b = pread(fd, bd, sizeof(bd), o);
				if (a != b || memcmp(bm, bd, (size_t)a) != 0) {
					printf("contents differ: %s\n", d2);
					bad++;
					break;
				}
			}
			close(fm);
			close(fd);
		}
	}
	closedir(dir);
	return bad;
}

int
main(int argc, char **argv)
{
	int nops = argc > 2 ? atoi(argv[2]) : 20000, bad;

	rng = argc > 1 ? strtoull(argv[1], NULL, 0) : 0x2545F4914F6CDD1DULL;
	if (rng == 0)
		rng = 1;
	if (mkdir("/mirror", 0755) != 0) {
		perror("mkdir /mirror");
		return 2;
	}
	for (int i = 0; i < nops; i++)
		one_op();
	sync();
	bad = compare("/mirror", "/data", 0);
	printf("%d operations, %d mismatches, %d differences\n", nops,
	    mismatches, bad);
	return mismatches == 0 && bad == 0 ? 0 : 1;
}
