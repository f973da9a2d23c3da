/*
 * fsu_mv.c -- fsu_mv SRC... DEST (rename within the image; into DEST
 * when it is a directory) and fsu_ln [-s] TARGET [LINKNAME], with mv's
 * and ln's messages.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rump/rump_syscalls.h>

#include "fsu.h"

static bool
is_dir(const char *path)
{
	struct stat st;

	return rump_sys_stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int
fsu_mv_main(int argc, char **argv)
{
	int bad, status = 0;
	const char *dest;
	bool into;

	if (fsu_getopt(argc, argv, "") != -1)
		return fsu_tool->usage_status;
	argc -= optind;
	argv += optind;
	if ((bad = fsu_operands(argc, argv, 2, -1, "file operand",
	    "destination file operand")) != 0)
		return bad;
	if (fsu_mount(argv[0]) != 0)
		return 1;
	dest = argv[argc - 1];
	into = is_dir(dest);
	if (!into && argc > 3) {
		fsu_warnx("target '%s' is not a directory", dest);
		return fsu_unmount(1);
	}
	for (int i = 1; i < argc - 1; i++) {
		struct stat st;
		char *d = into ? fsu_join(dest, fsu_basename(argv[i])) :
		    fsu_xstrdup(dest);

		if (rump_sys_lstat(argv[i], &st) != 0) {
			fsu_warn(errno, "cannot stat '%s'", argv[i]);
			status = 1;
		} else if (rump_sys_rename(argv[i], d) != 0) {
			fsu_warn(errno, "cannot move '%s' to '%s'", argv[i], d);
			status = 1;
		}
		free(d);
	}
	return fsu_unmount(status);
}

int
fsu_ln_main(int argc, char **argv)
{
	int bad;
	bool symbolic = false, force = false;
	int ch, status = 0, r;
	char *link;

	while ((ch = fsu_getopt(argc, argv, "sf")) != -1) {
		switch (ch) {
		case 's': symbolic = true; break;
		case 'f': force = true; break;
		default: return fsu_tool->usage_status;
		}
	}
	argc -= optind;
	argv += optind;
	if ((bad = fsu_operands(argc, argv, 1, 2, "file operand", NULL)) != 0)
		return bad;
	if (fsu_mount(argv[0]) != 0)
		return 1;
	/* No LINKNAME, or a directory: the target's name in it (as ln). */
	if (argc == 2)
		link = fsu_xstrdup(fsu_basename(argv[1]));
	else if (is_dir(argv[2]))
		link = fsu_join(argv[2], fsu_basename(argv[1]));
	else
		link = fsu_xstrdup(argv[2]);
	if (force)
		rump_sys_unlink(link);
	if (symbolic) {
		r = rump_sys_symlink(argv[1], link);
	} else {
		struct stat st;

		if (rump_sys_lstat(argv[1], &st) != 0) {
			fsu_warn(errno, "failed to access '%s'", argv[1]);
			free(link);
			return fsu_unmount(1);
		}
		r = rump_sys_link(argv[1], link);
	}
	if (r != 0) {
		fsu_warn(errno, "failed to create %s link '%s'",
		    symbolic ? "symbolic" : "hard", link);
		status = 1;
	}
	free(link);
	return fsu_unmount(status);
}
