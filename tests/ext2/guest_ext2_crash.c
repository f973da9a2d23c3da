/*
 * guest_ext2_crash.c -- the writer of the ext2 crash test
 * (tests/ext2/crash_hw.bats).  Inside a booted image with a disk at
 * /data it writes files whose content is a function of their name alone,
 * and after each one fsyncs the file and its directory and prints
 * "SYNCED /path size"; between them it churns (appends, renames,
 * truncates, unlinks, new and removed directories) without syncing.  The
 * test kills QEMU at some point, repairs the disk with e2fsck -fy and
 * checks every SYNCED file.
 *
 * Usage: guest_ext2_crash SEED [NFILES]   (in the guest: write, churn)
 *        guest_ext2_crash expect PATH     (anywhere: the content PATH
 *                                          must have, on stdout)
 * The same file built for the host gives the test its expected content,
 * so the two can never disagree.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define ROOT "/data"
#define FILES_PER_DIR 8
#define NCHURN 24
#define CHURN_MAX (160 * 1024) /* a churn file is truncated beyond this */

/* splitmix64: small, and the same on every compiler and host. */
static uint64_t
next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static uint64_t
name_seed(const char *name)
{
	uint64_t h = 0xcbf29ce484222325ull; /* FNV-1a */

	for (; *name != '\0'; name++)
		h = (h ^ (unsigned char)*name) * 0x100000001b3ull;
	return h;
}

/* The size of the file called name: mostly small, some past the
 * indirect block (12 KiB with 1 KiB blocks) and some past the double
 * indirect one (268 KiB), some empty. */
static size_t
name_size(const char *name)
{
	uint64_t s = name_seed(name), r = next(&s);

	switch (r % 8) {
	case 0:
		return 0;
	case 1: case 2: case 3:
		return (size_t)(next(&s) % 4096);
	case 4: case 5:
		return (size_t)(next(&s) % 64000);
	default:
		return 260000 + (size_t)(next(&s) % 140000);
	}
}

/* Byte i of the file called name, made in order by fill(). */
static void
fill(const char *name, unsigned char *buf, size_t size)
{
	uint64_t s = name_seed(name) ^ 0x5eed, v = 0;

	for (size_t i = 0; i < size; i++) {
		if (i % 8 == 0)
			v = next(&s);
		buf[i] = (unsigned char)(v >> (8 * (i % 8)));
	}
}

static int
expect(const char *name)
{
	size_t size = name_size(name);
	unsigned char *buf = malloc(size + 1);

	if (buf == NULL)
		return 1;
	fill(name, buf, size);
	if (fwrite(buf, 1, size, stdout) != size)
		return 1;
	free(buf);
	return fflush(stdout) == 0 ? 0 : 1;
}

static void
die(const char *what, const char *path)
{
	printf("FAIL %s %s: %s\n", what, path, strerror(errno));
	fflush(stdout);
	exit(1);
}

static int
fsync_path(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY);

	if (fd < 0 || fsync(fd) != 0)
		die("fsync dir", path);
	return close(fd);
}

/* Write the file in random pieces, the second half first sometimes,
 * then fsync it and its directory (and the directory's parent if the
 * directory is new: its entry must last too). */
static void
write_synced(uint64_t *rs, const char *dir, const char *path, bool newdir)
{
	const char *name = path + strlen(ROOT);
	size_t size = name_size(name), off = 0, half = size / 2;
	unsigned char *buf = malloc(size + 1);
	int fd;

	if (buf == NULL)
		die("malloc", path);
	fill(name, buf, size);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (fd < 0)
		die("create", path);
	if (next(rs) % 3 == 0 && half > 0) {
		if (pwrite(fd, buf + half, size - half, (off_t)half) !=
		    (ssize_t)(size - half))
			die("pwrite", path);
		size = half;
	}
	while (off < size) {
		size_t n = 1 + (size_t)(next(rs) % 9000);
		ssize_t w;
		if (n > size - off)
			n = size - off;
		if ((w = pwrite(fd, buf + off, n, (off_t)off)) != (ssize_t)n)
			die("write", path);
		off += n;
	}
	if (fsync(fd) != 0)
		die("fsync", path);
	if (close(fd) != 0)
		die("close", path);
	fsync_path(dir);
	if (newdir)
		fsync_path(ROOT);
	printf("SYNCED %s %zu\n", name, name_size(name));
	fflush(stdout);
	free(buf);
}

/* One unsynced change, chosen by the run's seed. */
static void
churn(uint64_t *rs, int nfile)
{
	static char junk[9000];
	char a[128], b[128];
	int i = (int)(next(rs) % NCHURN), fd;
	struct stat st;

	snprintf(a, sizeof(a), ROOT "/churn/c%d", i);
	switch (next(rs) % 8) {
	case 0: case 1: case 2: /* append */
		fd = open(a, O_WRONLY | O_CREAT | O_APPEND, 0644);
		if (fd < 0)
			die("open churn", a);
		if (fstat(fd, &st) == 0 && st.st_size > CHURN_MAX)
			ftruncate(fd, (off_t)(next(rs) % 3000));
		memset(junk, 'a' + i, sizeof(junk));
		write(fd, junk, 1 + next(rs) % sizeof(junk));
		close(fd);
		break;
	case 3: /* rename over another */
		snprintf(b, sizeof(b), ROOT "/churn/c%d",
		    (int)(next(rs) % NCHURN));
		rename(a, b);
		break;
	case 4:
		unlink(a);
		break;
	case 5: /* a directory appears or goes */
		snprintf(b, sizeof(b), ROOT "/churn/d%d", i);
		if (mkdir(b, 0755) != 0 && errno == EEXIST)
			rmdir(b);
		break;
	case 6: /* an entry beside the synced files, created and removed */
		snprintf(b, sizeof(b), ROOT "/s%d/tmp%d", nfile / FILES_PER_DIR,
		    i);
		fd = open(b, O_WRONLY | O_CREAT, 0644);
		if (fd >= 0) {
			write(fd, junk, 1 + next(rs) % 3000);
			close(fd);
		}
		if (next(rs) % 2)
			unlink(b);
		break;
	default: /* shrink */
		truncate(a, (off_t)(next(rs) % 20000));
		break;
	}
}

int
main(int argc, char **argv)
{
	uint64_t rs;
	long nfiles;
	char dir[64], path[96];

	if (argc == 3 && strcmp(argv[1], "expect") == 0)
		return expect(argv[2]);
	if (argc < 2) {
		fprintf(stderr, "usage: guest_ext2_crash SEED [NFILES] | "
		    "expect PATH\n");
		return 2;
	}
	rs = strtoull(argv[1], NULL, 0);
	nfiles = argc > 2 ? atol(argv[2]) : 1000000;
	if (mkdir(ROOT "/churn", 0755) != 0)
		die("mkdir", ROOT "/churn");
	for (long f = 0; f < nfiles; f++) {
		bool newdir = f % FILES_PER_DIR == 0;
		snprintf(dir, sizeof(dir), ROOT "/s%ld", f / FILES_PER_DIR);
		if (newdir && mkdir(dir, 0755) != 0)
			die("mkdir", dir);
		snprintf(path, sizeof(path), "%s/f%ld", dir, f);
		write_synced(&rs, dir, path, newdir);
		for (int c = (int)(next(&rs) % 12); c > 0; c--)
			churn(&rs, (int)f);
	}
	printf("DONE %ld files\n", nfiles);
	return 0;
}
