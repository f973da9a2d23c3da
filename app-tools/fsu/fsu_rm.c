/*
 * fsu_rm.c -- fsu_rm [-r] [-f]: remove files (and with -r trees) of the
 * image, with rm's messages: a directory without -r "Is a directory",
 * -f silences missing names, and "/" is never removed recursively.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rump/rump_syscalls.h>

#include "fsu.h"

static bool opt_recursive, opt_force;

static int
rm_path(const char *path)
{
	struct stat st;
	char **names;
	int n, status = 0;

	if (rump_sys_lstat(path, &st) != 0) {
		if (opt_force && errno == ENOENT)
			return 0;
		fsu_warn(errno, "cannot remove '%s'", path);
		return 1;
	}
	if (!S_ISDIR(st.st_mode)) {
		if (rump_sys_unlink(path) != 0) {
			fsu_warn(errno, "cannot remove '%s'", path);
			return 1;
		}
		return 0;
	}
	if (!opt_recursive) {
		fsu_warn(EISDIR, "cannot remove '%s'", path);
		return 1;
	}
	n = fsu_listdir(&fsu_image, path, &names);
	if (n < 0) {
		fsu_warn(errno, "cannot remove '%s'", path);
		return 1;
	}
	for (int i = 0; i < n; i++) {
		char *p = fsu_join(path, names[i]);

		status |= rm_path(p);
		free(p);
	}
	fsu_freenames(names, n);
	if (status == 0 && rump_sys_rmdir(path) != 0) {
		fsu_warn(errno, "cannot remove '%s'", path);
		status = 1;
	}
	return status;
}

int
fsu_rm_main(int argc, char **argv)
{
	int bad, ch, status = 0;

	while ((ch = fsu_getopt(argc, argv, "rRfi")) != -1) {
		switch (ch) {
		case 'r':
		case 'R': opt_recursive = true; break;
		case 'f': opt_force = true; break;
		default: return fsu_tool->usage_status;
		}
	}
	argc -= optind;
	argv += optind;
	if ((bad = fsu_operands(argc, argv, opt_force ? 0 : 1, -1, "operand",
	    NULL)) != 0)
		return bad;
	if (fsu_mount(argv[0]) != 0)
		return 1;
	for (int i = 1; i < argc; i++) {
		const char *base = fsu_basename(argv[i]);

		if (opt_recursive && argv[i][0] == '/' && base[0] == '\0') {
			fsu_warnx("it is dangerous to operate recursively on '/'");
			fsu_warnx("use --no-preserve-root to override this failsafe");
			status = 1;
			continue;
		}
		if (strcmp(base, ".") == 0 || strcmp(base, "..") == 0) {
			fsu_warnx("refusing to remove '.' or '..' directory: "
			    "skipping '%s'", argv[i]);
			status = 1;
			continue;
		}
		status |= rm_path(argv[i]);
	}
	return fsu_unmount(status);
}
