/*
 * fsu_chmod.c -- fsu_chmod [-R] MODE and fsu_chown [-R] OWNER[:GROUP]
 * on files of the image, with chmod's and chown's messages.  Owners are
 * numbers, or names the image's own /etc/passwd and /etc/group know.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rump/rump_syscalls.h>

#include "fsu.h"

static bool opt_recursive;

/* What one file gets: a chmod spec or a new owner. */
struct change {
	const char *mode;	/* chmod: MODE; NULL for chown */
	long uid, gid;		/* chown: -1 keeps */
};

static int
apply(const struct change *ch, const char *path, bool top)
{
	struct stat st;
	int status = 0;

	/* chmod follows named symlinks; -R does not descend through them. */
	if ((top && ch->mode != NULL ? rump_sys_stat(path, &st) :
	    rump_sys_lstat(path, &st)) != 0) {
		fsu_warn(errno, "cannot access '%s'", path);
		return 1;
	}
	if (ch->mode != NULL) {
		long m;

		if (S_ISLNK(st.st_mode))
			return 0;	/* chmod -R leaves symlinks alone */
		m = fsu_parse_mode(ch->mode, st.st_mode, S_ISDIR(st.st_mode));
		if (rump_sys_chmod(path, (mode_t)m) != 0) {
			fsu_warn(errno, "changing permissions of '%s'", path);
			status = 1;
		}
	} else {
		int r = top ? rump_sys_fchownat(AT_FDCWD, path, (uid_t)ch->uid,
		    (gid_t)ch->gid, 0) : rump_sys_lchown(path, (uid_t)ch->uid,
		    (gid_t)ch->gid);

		if (r != 0) {
			fsu_warn(errno, "changing ownership of '%s'", path);
			status = 1;
		}
	}
	if (opt_recursive && S_ISDIR(st.st_mode)) {
		char **names;
		int n = fsu_listdir(&fsu_image, path, &names);

		if (n < 0) {
			fsu_warn(errno, "cannot read directory '%s'", path);
			return 1;
		}
		for (int i = 0; i < n; i++) {
			char *p = fsu_join(path, names[i]);

			status |= apply(ch, p, false);
			free(p);
		}
		fsu_freenames(names, n);
	}
	return status;
}

static int
run(int argc, char **argv, struct change *ch)
{
	int status = 0;

	for (int i = 2; i < argc; i++)
		status |= apply(ch, argv[i], true);
	return fsu_unmount(status);
}

static int
parse_common(int argc, char **argv)
{
	int ch;

	while ((ch = fsu_getopt(argc, argv, "R")) != -1) {
		if (ch != 'R')
			return -1;
		opt_recursive = true;
	}
	return optind;
}

int
fsu_chmod_main(int argc, char **argv)
{
	int bad;
	struct change ch = { .uid = -1, .gid = -1 };
	int i = parse_common(argc, argv);

	if (i < 0)
		return fsu_tool->usage_status;
	argc -= i;
	argv += i;
	if ((bad = fsu_operands(argc, argv, 2, -1, "operand", "operand")) != 0)
		return bad;
	if (fsu_parse_mode(argv[1], 0, false) < 0)
		return fsu_usage("invalid mode: '%s'", argv[1]);
	ch.mode = argv[1];
	if (fsu_mount(argv[0]) != 0)
		return 1;
	return run(argc, argv, &ch);
}

/* A number, or a name from the image's file; -1 if neither. */
static long
lookup(const char *s, long (*byname)(const char *))
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s != '\0' && *end == '\0' && v >= 0 && v <= 0xfffffffeL)
		return v;
	return byname(s);
}

int
fsu_chown_main(int argc, char **argv)
{
	int bad;
	struct change ch = { .uid = -1, .gid = -1 };
	int i = parse_common(argc, argv);
	char *spec, *colon;

	if (i < 0)
		return fsu_tool->usage_status;
	argc -= i;
	argv += i;
	if ((bad = fsu_operands(argc, argv, 2, -1, "operand", "operand")) != 0)
		return bad;
	if (fsu_mount(argv[0]) != 0)
		return 1;
	/* Names need the image's /etc files: looked up once it is mounted. */
	spec = fsu_xstrdup(argv[1]);
	colon = strchr(spec, ':');
	if (colon != NULL)
		*colon = '\0';
	if (spec[0] != '\0' && (ch.uid = lookup(spec, fsu_user_id)) < 0) {
		fsu_warnx("invalid user: '%s'", argv[1]);
		free(spec);
		return fsu_unmount(1);
	}
	if (colon != NULL && colon[1] != '\0' &&
	    (ch.gid = lookup(colon + 1, fsu_group_id)) < 0) {
		fsu_warnx("invalid group: '%s'", argv[1]);
		free(spec);
		return fsu_unmount(1);
	}
	free(spec);
	return run(argc, argv, &ch);
}
