/*
 * fsu_mkdir.c -- fsu_mkdir [-p] [-m MODE] and fsu_rmdir [-p]: make and
 * remove directories of the image, with mkdir's and rmdir's messages.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rump/rump_syscalls.h>

#include "fsu.h"

/* mkdir -p: each missing ancestor, then the directory itself. */
static int
mkdir_parents(const char *path, mode_t mode, bool explicit_mode)
{
	char *p = fsu_xstrdup(path);
	struct stat st;
	int status = 0;

	for (char *s = p + 1; *s != '\0'; s++) {
		if (*s != '/' || s[-1] == '/')
			continue;
		*s = '\0';
		if (rump_sys_mkdir(p, 0777) != 0 && errno != EEXIST) {
			fsu_warn(errno, "cannot create directory '%s'", p);
			status = 1;
			goto out;
		}
		*s = '/';
	}
	if (rump_sys_mkdir(p, mode) != 0) {
		if (errno != EEXIST || rump_sys_stat(p, &st) != 0 ||
		    !S_ISDIR(st.st_mode)) {
			fsu_warn(errno == 0 ? EEXIST : errno,
			    "cannot create directory '%s'", path);
			status = 1;
		}
	} else if (explicit_mode && rump_sys_chmod(p, mode) != 0) {
		fsu_warn(errno, "cannot set permissions of '%s'", path);
		status = 1;
	}
out:
	free(p);
	return status;
}

int
fsu_mkdir_main(int argc, char **argv)
{
	int bad;
	bool parents = false, explicit_mode = false;
	mode_t mode = 0777;
	int ch, status = 0;
	const char *mspec = NULL;

	while ((ch = fsu_getopt(argc, argv, "pm:")) != -1) {
		switch (ch) {
		case 'p': parents = true; break;
		case 'm': mspec = optarg; break;
		default: return fsu_tool->usage_status;
		}
	}
	argc -= optind;
	argv += optind;
	if (mspec != NULL) {
		long m;
		mode_t um = umask(0);

		umask(um);
		/* As mkdir: the mode is applied to a=rwx, umask ignored. */
		m = fsu_parse_mode(mspec, 0777 & ~um, true);
		if (m < 0)
			return fsu_usage("invalid mode '%s'", mspec);
		mode = (mode_t)m;
		explicit_mode = true;
	}
	if ((bad = fsu_operands(argc, argv, 1, -1, "operand", NULL)) != 0)
		return bad;
	if (fsu_mount(argv[0]) != 0)
		return 1;
	for (int i = 1; i < argc; i++) {
		if (parents) {
			status |= mkdir_parents(argv[i], mode, explicit_mode);
			continue;
		}
		if (rump_sys_mkdir(argv[i], mode) != 0) {
			fsu_warn(errno, "cannot create directory '%s'", argv[i]);
			status = 1;
		} else if (explicit_mode && rump_sys_chmod(argv[i], mode) != 0) {
			fsu_warn(errno, "cannot set permissions of '%s'", argv[i]);
			status = 1;
		}
	}
	return fsu_unmount(status);
}

int
fsu_rmdir_main(int argc, char **argv)
{
	int bad;
	bool parents = false;
	int ch, status = 0;

	while ((ch = fsu_getopt(argc, argv, "p")) != -1) {
		if (ch != 'p')
			return fsu_tool->usage_status;
		parents = true;
	}
	argc -= optind;
	argv += optind;
	if ((bad = fsu_operands(argc, argv, 1, -1, "operand", NULL)) != 0)
		return bad;
	if (fsu_mount(argv[0]) != 0)
		return 1;
	for (int i = 1; i < argc; i++) {
		char *p = fsu_xstrdup(argv[i]), *slash;

		for (;;) {
			if (rump_sys_rmdir(p) != 0) {
				fsu_warn(errno, "failed to remove '%s'", p);
				status = 1;
				break;
			}
			/* -p: then each parent named in the operand. */
			if (!parents)
				break;
			while ((slash = strrchr(p, '/')) != NULL && slash[1] == '\0')
				*slash = '\0';
			if ((slash = strrchr(p, '/')) == NULL || slash == p)
				break;
			*slash = '\0';
		}
		free(p);
	}
	return fsu_unmount(status);
}
