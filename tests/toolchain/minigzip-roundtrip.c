/*
 * minigzip-roundtrip.c -- zlib.bats's driver: runs zlib's own minigzip
 * twice in one image, so a file on tmpfs goes through compression and
 * decompression inside the same kernel, then compares the result with a
 * reference copy byte for byte.
 *
 * An image runs one program and two boots share no tmpfs, so minigzip's
 * unmodified object is linked in with its `main` renamed `minigzip_main`
 * (objcopy --redefine-sym): minigzip itself does the work, this only
 * calls it as a shell would, "minigzip FILE" then "minigzip -d FILE.gz".
 *
 * usage: minigzip-roundtrip FILE REFERENCE
 * Prints one line per step; exit 0 only if FILE is back, identical to
 * REFERENCE, and the intermediate FILE.gz was a gzip stream.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>

#define TMPFS_MAGIC_NR 0x01021994 /* statfs f_type of a Linux tmpfs */

int minigzip_main(int argc, char **argv);

static int
fail(const char *what, const char *path)
{
	fprintf(stderr, "FAIL %s %s: %s\n", what, path, strerror(errno));
	return 1;
}

/* file_size: the size of PATH, -1 (errno set) if it cannot be stat'ed. */
static long long
file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

/* same_bytes: 1 if A and B hold the same bytes, 0 if not, -1 on error. */
static int
same_bytes(const char *a, const char *b)
{
	FILE *fa, *fb;
	int ca, cb, rv = -1;

	if ((fa = fopen(a, "rb")) == NULL)
		goto out;
	if ((fb = fopen(b, "rb")) == NULL)
		goto out_close_a;
	do {
		ca = getc(fa);
		cb = getc(fb);
	} while (ca == cb && ca != EOF);
	rv = ca == cb && !ferror(fa) && !ferror(fb);
	fclose(fb);
out_close_a:
	fclose(fa);
out:
	return rv;
}

int
main(int argc, char **argv)
{
	char gz[4096], *compress[] = { "minigzip", NULL, NULL };
	char *decompress[] = { "minigzip", "-d", gz, NULL };
	unsigned char magic[2];
	long long size, gzsize;
	struct statfs sfs;
	FILE *f;
	int same;

	if (argc != 3) {
		fprintf(stderr, "usage: minigzip-roundtrip FILE REFERENCE\n");
		return 2;
	}
	compress[1] = argv[1];
	snprintf(gz, sizeof(gz), "%s.gz", argv[1]);

	if (statfs(argv[1], &sfs) != 0)
		return fail("statfs", argv[1]);
	if ((size = file_size(argv[1])) < 0)
		return fail("stat", argv[1]);
	printf("%s: %lld bytes on %s\n", argv[1], size,
	    sfs.f_type == TMPFS_MAGIC_NR ? "tmpfs" : "a file system that is not tmpfs");

	if (minigzip_main(2, compress) != 0)
		return 1;
	if (file_size(argv[1]) != -1 || errno != ENOENT) {
		fprintf(stderr, "FAIL minigzip left %s in place\n", argv[1]);
		return 1;
	}
	if ((gzsize = file_size(gz)) < 0)
		return fail("stat", gz);
	if ((f = fopen(gz, "rb")) == NULL)
		return fail("open", gz);
	if (fread(magic, 1, 2, f) != 2 || magic[0] != 0x1f || magic[1] != 0x8b) {
		fclose(f);
		fprintf(stderr, "FAIL %s does not start with the gzip magic\n", gz);
		return 1;
	}
	fclose(f);
	printf("minigzip %s: %lld bytes of gzip\n", argv[1], gzsize);

	if (minigzip_main(3, decompress) != 0)
		return 1;
	if (file_size(gz) != -1 || errno != ENOENT) {
		fprintf(stderr, "FAIL minigzip -d left %s in place\n", gz);
		return 1;
	}
	if ((size = file_size(argv[1])) < 0)
		return fail("stat", argv[1]);
	printf("minigzip -d %s: %lld bytes\n", gz, size);

	same = same_bytes(argv[1], argv[2]);
	if (same < 0)
		return fail("compare", argv[1]);
	printf("%s %s %s\n", argv[1], same ? "is identical to" : "DIFFERS from", argv[2]);
	return same ? 0 : 1;
}
