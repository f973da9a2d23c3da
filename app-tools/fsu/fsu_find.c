/*
 * fsu_find.c -- fsu_find [PATH...] [-name PATTERN] [-type f|d|l|b|c|p|s]
 * [-maxdepth N] [-mindepth N]: print the paths of the image that match
 * all the tests given, as find(1) (each directory's names in order).
 */
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rump/rump_syscalls.h>

#include "fsu.h"

static const char *opt_name;
static int opt_type = -1;	/* S_IF* or -1 */
static long opt_maxdepth = -1, opt_mindepth = 0;

/* -type letters and the file types they name. */
static const struct {
	char letter;
	int type;
} types[] = {
	{ 'f', S_IFREG }, { 'd', S_IFDIR }, { 'l', S_IFLNK }, { 'b', S_IFBLK },
	{ 'c', S_IFCHR }, { 'p', S_IFIFO }, { 's', S_IFSOCK },
};

static int
walk(const char *path, long depth)
{
	struct stat st;
	int status = 0;

	if (rump_sys_lstat(path, &st) != 0) {
		fsu_warn(errno, "'%s'", path);
		return 1;
	}
	if (depth >= opt_mindepth &&
	    (opt_name == NULL || fnmatch(opt_name, fsu_basename(path), 0) == 0) &&
	    (opt_type < 0 || (int)(st.st_mode & S_IFMT) == opt_type))
		printf("%s\n", path);
	if (S_ISDIR(st.st_mode) && (opt_maxdepth < 0 || depth < opt_maxdepth)) {
		char **names;
		int n = fsu_listdir(&fsu_image, path, &names);

		if (n < 0) {
			fsu_warn(errno, "'%s'", path);
			return 1;
		}
		for (int i = 0; i < n; i++) {
			char *p = fsu_join(path, names[i]);

			status |= walk(p, depth + 1);
			free(p);
		}
		fsu_freenames(names, n);
	}
	return status;
}

static bool
parse_num(const char *s, long *v)
{
	char *end;

	*v = strtol(s, &end, 10);
	return *s != '\0' && *end == '\0' && *v >= 0;
}

int
fsu_find_main(int argc, char **argv)
{
	int first, npaths, status = 0;
	char *dot[] = { "." };
	char **paths;

	/* No options: the expression starts at the first "-" operand. */
	if (argc < 2)
		return fsu_usage("missing image operand");
	argc--, argv++;
	for (first = 1; first < argc && argv[first][0] != '-'; first++)
		;
	npaths = first - 1;
	paths = npaths > 0 ? argv + 1 : dot;
	if (npaths == 0)
		npaths = 1;
	for (int i = first; i < argc; i++) {
		const char *p = argv[i], *arg = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(p, "-print") == 0)
			continue;
		if (arg == NULL) {
			fsu_warnx("missing argument to '%s'", p);
			return 1;
		}
		i++;
		if (strcmp(p, "-name") == 0) {
			opt_name = arg;
		} else if (strcmp(p, "-type") == 0) {
			opt_type = -2;
			for (size_t t = 0; t < sizeof(types) / sizeof(types[0]); t++)
				if (arg[0] == types[t].letter && arg[1] == '\0')
					opt_type = types[t].type;
			if (opt_type == -2) {
				fsu_warnx("Unknown argument to -type: %s", arg);
				return 1;
			}
		} else if (strcmp(p, "-maxdepth") == 0 || strcmp(p, "-mindepth") == 0) {
			if (!parse_num(arg, p[2] == 'a' ? &opt_maxdepth : &opt_mindepth)) {
				fsu_warnx("Expected a positive decimal integer argument "
				    "to %s, but got '%s'", p, arg);
				return 1;
			}
		} else {
			fsu_warnx("unknown predicate '%s'", p);
			return 1;
		}
	}
	if (fsu_mount(argv[0]) != 0)
		return 1;
	for (int i = 0; i < npaths; i++)
		status |= walk(paths[i], 0);
	return fsu_unmount(status);
}
