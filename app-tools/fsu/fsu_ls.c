/*
 * fsu_ls.c -- fsu_ls [-l] [-a] [-R] [-d]: list the image's files as ls
 * does (one name per line, as ls writes to a pipe).  -l is
 * `ls -l --time-style=long-iso`: mode, links, owner, group, size, date,
 * name; owners by name when the image's /etc/passwd names them.
 * Exit status as ls: 2 for a missing argument, 1 for a minor problem.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <rump/rump_syscalls.h>

#include "fsu.h"

static bool opt_long, opt_all, opt_recursive, opt_dir;
static int status;

struct ent {
	char *name;	/* as shown */
	char *path;	/* to reach it */
	struct stat st;
};

static void
owner_str(char *buf, size_t n, const char *name, unsigned long id)
{
	if (name != NULL)
		snprintf(buf, n, "%s", name);
	else
		snprintf(buf, n, "%lu", id);
}

static void
size_str(char *buf, size_t n, const struct stat *st)
{
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
		snprintf(buf, n, "%u, %u", major(st->st_rdev), minor(st->st_rdev));
	else
		snprintf(buf, n, "%lld", (long long)st->st_size);
}

/* Print entries (already sorted); -l aligns the columns as ls does. */
static void
print_ents(struct ent *e, int n, bool total)
{
	int wl = 0, wu = 0, wg = 0, ws = 0;
	long long blocks = 0;
	char buf[64];

	if (!opt_long) {
		for (int i = 0; i < n; i++)
			printf("%s\n", e[i].name);
		return;
	}
	for (int i = 0; i < n; i++) {
		int w;

		blocks += e[i].st.st_blocks;
		w = snprintf(buf, sizeof(buf), "%lu", (unsigned long)e[i].st.st_nlink);
		wl = w > wl ? w : wl;
		owner_str(buf, sizeof(buf), fsu_user_name(e[i].st.st_uid),
		    e[i].st.st_uid);
		w = (int)strlen(buf);
		wu = w > wu ? w : wu;
		owner_str(buf, sizeof(buf), fsu_group_name(e[i].st.st_gid),
		    e[i].st.st_gid);
		w = (int)strlen(buf);
		wg = w > wg ? w : wg;
		size_str(buf, sizeof(buf), &e[i].st);
		w = (int)strlen(buf);
		ws = w > ws ? w : ws;
	}
	if (total)
		printf("total %lld\n", (blocks + 1) / 2);	/* 1 KiB units */
	for (int i = 0; i < n; i++) {
		const struct stat *st = &e[i].st;
		char mode[11], user[64], grp[64], size[64], date[32];
		time_t t = st->st_mtime;
		struct tm tm;

		fsu_modestr(st->st_mode, mode);
		owner_str(user, sizeof(user), fsu_user_name(st->st_uid), st->st_uid);
		owner_str(grp, sizeof(grp), fsu_group_name(st->st_gid), st->st_gid);
		size_str(size, sizeof(size), st);
		strftime(date, sizeof(date), "%Y-%m-%d %H:%M", localtime_r(&t, &tm));
		printf("%s %*lu %-*s %-*s %*s %s %s", mode, wl,
		    (unsigned long)st->st_nlink, wu, user, wg, grp, ws, size,
		    date, e[i].name);
		if (S_ISLNK(st->st_mode)) {
			char target[4097];
			ssize_t len = rump_sys_readlink(e[i].path, target,
			    sizeof(target) - 1);

			if (len >= 0) {
				target[len] = '\0';
				printf(" -> %s", target);
			}
		}
		putchar('\n');
	}
}

static void
free_ents(struct ent *e, int n)
{
	for (int i = 0; i < n; i++) {
		free(e[i].name);
		free(e[i].path);
	}
	free(e);
}

static void list_dir(const char *path, bool header, bool first);

static void
list_dir(const char *path, bool header, bool first)
{
	char **names;
	struct ent *e;
	int n, m = 0;

	if (header)
		printf("%s%s:\n", first ? "" : "\n", path);
	n = fsu_listdir(&fsu_image, path, &names);
	if (n < 0) {
		fsu_warn(errno, "cannot open directory '%s'", path);
		status = status > 1 ? status : 1;
		return;
	}
	e = fsu_xmalloc((size_t)(n + 2) * sizeof(*e));
	if (opt_all) {
		/* . and .. sort first in C collation, as ls shows them. */
		static const char *const dots[] = { ".", ".." };

		for (int i = 0; i < 2; i++) {
			e[m].name = fsu_xstrdup(dots[i]);
			e[m].path = fsu_join(path, dots[i]);
			if (rump_sys_lstat(e[m].path, &e[m].st) == 0)
				m++;
			else
				free(e[m].name), free(e[m].path);
		}
	}
	for (int i = 0; i < n; i++) {
		if (!opt_all && names[i][0] == '.')
			continue;
		e[m].name = fsu_xstrdup(names[i]);
		e[m].path = fsu_join(path, names[i]);
		if (rump_sys_lstat(e[m].path, &e[m].st) != 0) {
			fsu_warn(errno, "cannot access '%s'", e[m].path);
			status = status > 1 ? status : 1;
			free(e[m].name);
			free(e[m].path);
			continue;
		}
		m++;
	}
	fsu_freenames(names, n);
	print_ents(e, m, true);
	if (opt_recursive) {
		for (int i = 0; i < m; i++)
			if (S_ISDIR(e[i].st.st_mode) && strcmp(e[i].name, ".") != 0 &&
			    strcmp(e[i].name, "..") != 0)
				list_dir(e[i].path, true, false);
	}
	free_ents(e, m);
}

static int
cmpent(const void *a, const void *b)
{
	return strcmp(((const struct ent *)a)->name, ((const struct ent *)b)->name);
}

int
fsu_ls_main(int argc, char **argv)
{
	int bad;
	struct ent *files, *dirs;
	int ch, nf = 0, nd = 0;
	char *dot[] = { ".", NULL };

	while ((ch = fsu_getopt(argc, argv, "laRd1")) != -1) {
		switch (ch) {
		case 'l': opt_long = true; break;
		case 'a': opt_all = true; break;
		case 'R': opt_recursive = true; break;
		case 'd': opt_dir = true; break;
		case '1': break;
		default: return fsu_tool->usage_status;
		}
	}
	argc -= optind;
	argv += optind;
	if ((bad = fsu_operands(argc, argv, 0, -1, NULL, NULL)) != 0)
		return bad;
	if (fsu_mount(argv[0]) != 0)
		return 1;
	argc--, argv++;
	if (argc == 0) {
		argc = 1;
		argv = dot;
	}
	files = fsu_xmalloc((size_t)argc * sizeof(*files));
	dirs = fsu_xmalloc((size_t)argc * sizeof(*dirs));
	for (int i = 0; i < argc; i++) {
		struct stat st;
		int r;

		/* Named symlinks are followed unless -l or -d show them. */
		r = rump_sys_lstat(argv[i], &st);
		if (r == 0 && S_ISLNK(st.st_mode) && !opt_long && !opt_dir) {
			struct stat t;

			if (rump_sys_stat(argv[i], &t) == 0)
				st = t;
		}
		if (r != 0) {
			fsu_warn(errno, "cannot access '%s'", argv[i]);
			status = 2;
			continue;
		}
		if (S_ISDIR(st.st_mode) && !opt_dir)
			dirs[nd++] = (struct ent){ fsu_xstrdup(argv[i]),
				fsu_xstrdup(argv[i]), st };
		else
			files[nf++] = (struct ent){ fsu_xstrdup(argv[i]),
				fsu_xstrdup(argv[i]), st };
	}
	qsort(files, (size_t)nf, sizeof(*files), cmpent);
	qsort(dirs, (size_t)nd, sizeof(*dirs), cmpent);
	print_ents(files, nf, false);
	for (int i = 0; i < nd; i++)
		list_dir(dirs[i].path, argc > 1 || opt_recursive, nf == 0 && i == 0);
	free_ents(files, nf);
	free_ents(dirs, nd);
	return fsu_unmount(status);
}
