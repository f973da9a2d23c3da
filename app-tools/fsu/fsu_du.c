/*
 * fsu_du.c -- fsu_du [-s] [-h] [-a]: space used by files of the image,
 * in 1 KiB units (st_blocks), files with several links counted once,
 * as du(1).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rump/rump_syscalls.h>

#include "fsu.h"

static bool du_all, du_sum, du_human;

/* Files with several links are counted once (du). */
static struct seen {
	dev_t dev;
	ino_t ino;
} *seen;
static size_t nseen, capseen;

static bool
seen_before(const struct stat *st)
{
	for (size_t i = 0; i < nseen; i++)
		if (seen[i].ino == st->st_ino && seen[i].dev == st->st_dev)
			return true;
	if (nseen == capseen) {
		capseen = capseen ? 2 * capseen : 64;
		seen = realloc(seen, capseen * sizeof(*seen));
		if (seen == NULL) {
			fsu_warnx("out of memory");
			exit(1);
		}
	}
	seen[nseen++] = (struct seen){ st->st_dev, st->st_ino };
	return false;
}

/* du -h: K, M, G... rounded up, one decimal below 10 (as du). */
static void
du_print(unsigned long long kib, const char *path)
{
	static const char units[] = "KMGTPE";
	double v = (double)kib;
	int u = 0;

	if (!du_human) {
		printf("%llu\t%s\n", kib, path);
		return;
	}
	if (kib == 0) {
		printf("0\t%s\n", path);
		return;
	}
	while (v >= 1024 && u < 5) {
		v /= 1024;
		u++;
	}
	if (v < 10 && ceil(v * 10) / 10 < 10)
		printf("%.1f%c\t%s\n", ceil(v * 10) / 10, units[u], path);
	else
		printf("%.0f%c\t%s\n", ceil(v), units[u], path);
}

static unsigned long long
du_walk(const char *path, long depth, int *status)
{
	struct stat st;
	unsigned long long kib;

	if (rump_sys_lstat(path, &st) != 0) {
		fsu_warn(errno, "cannot access '%s'", path);
		*status = 1;
		return 0;
	}
	if (st.st_nlink > 1 && !S_ISDIR(st.st_mode) && seen_before(&st))
		return 0;
	kib = ((unsigned long long)st.st_blocks + 1) / 2;
	if (S_ISDIR(st.st_mode)) {
		char **names;
		int n = fsu_listdir(&fsu_image, path, &names);

		if (n < 0) {
			fsu_warn(errno, "cannot read directory '%s'", path);
			*status = 1;
		}
		for (int i = 0; i < n; i++) {
			char *p = fsu_join(path, names[i]);

			kib += du_walk(p, depth + 1, status);
			free(p);
		}
		if (n >= 0)
			fsu_freenames(names, n);
		if (!du_sum || depth == 0)
			du_print(kib, path);
	} else if (depth == 0 || (du_all && !du_sum)) {
		du_print(kib, path);
	}
	return kib;
}

int
fsu_du_main(int argc, char **argv)
{
	int bad, ch, status = 0;
	char *dot[] = { ".", NULL };

	while ((ch = fsu_getopt(argc, argv, "sha")) != -1) {
		switch (ch) {
		case 's': du_sum = true; break;
		case 'h': du_human = true; break;
		case 'a': du_all = true; break;
		default: return fsu_tool->usage_status;
		}
	}
	argc -= optind;
	argv += optind;
	if ((bad = fsu_operands(argc, argv, 0, -1, NULL, NULL)) != 0)
		return bad;
	if (du_sum && du_all)
		return fsu_usage("cannot both summarize and show all entries");
	if (fsu_mount(argv[0]) != 0)
		return 1;
	argc--, argv++;
	if (argc == 0) {
		argc = 1;
		argv = dot;
	}
	for (int i = 0; i < argc; i++)
		du_walk(argv[i], 0, &status);
	return fsu_unmount(status);
}
