/*
 * fsu_stat.c -- fsu_stat [-c FORMAT] (stat(1)'s default report, or its
 * format directives %n %N %s %b %B %a %A %f %F %h %i %u %U %g %G %o %t
 * %T %d %x %y %z %X %Y %Z %%) and fsu_touch [-c].
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <rump/rump_syscalls.h>

#include "fsu.h"

static const char *
type_name(const struct stat *st)
{
	switch (st->st_mode & S_IFMT) {
	case S_IFREG: return st->st_size == 0 ? "regular empty file" :
		    "regular file";
	case S_IFDIR: return "directory";
	case S_IFLNK: return "symbolic link";
	case S_IFCHR: return "character special file";
	case S_IFBLK: return "block special file";
	case S_IFIFO: return "fifo";
	case S_IFSOCK: return "socket";
	}
	return "weird file";
}

static void
print_time(const struct timespec *ts)
{
	char buf[64];
	struct tm tm;

	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", localtime_r(&ts->tv_sec, &tm));
	printf("%s.%09ld", buf, ts->tv_nsec);
	strftime(buf, sizeof(buf), " %z", &tm);
	fputs(buf, stdout);
}

static void
print_name(const char *path, const struct stat *st, bool quoted)
{
	char target[4097];
	ssize_t n;

	if (!quoted) {
		fputs(path, stdout);
		return;
	}
	printf("'%s'", path);
	if (S_ISLNK(st->st_mode) &&
	    (n = rump_sys_readlink(path, target, sizeof(target) - 1)) >= 0) {
		target[n] = '\0';
		printf(" -> '%s'", target);
	}
}

static void
print_owner(const char *name)
{
	fputs(name != NULL ? name : "UNKNOWN", stdout);
}

static void
format(const char *fmt, const char *path, const struct stat *st)
{
	char mode[11];

	for (const char *p = fmt; *p != '\0'; p++) {
		if (*p == '\\' && p[1] == 'n') {
			putchar('\n');
			p++;
			continue;
		}
		if (*p != '%' || p[1] == '\0') {
			putchar(*p);
			continue;
		}
		switch (*++p) {
		case 'n': print_name(path, st, false); break;
		case 'N': print_name(path, st, true); break;
		case 's': printf("%lld", (long long)st->st_size); break;
		case 'b': printf("%lld", (long long)st->st_blocks); break;
		case 'B': printf("512"); break;
		case 'o': printf("%ld", (long)st->st_blksize); break;
		case 'a': printf("%o", st->st_mode & 07777); break;
		case 'A': fsu_modestr(st->st_mode, mode); fputs(mode, stdout); break;
		case 'f': printf("%x", st->st_mode); break;
		case 'F': fputs(type_name(st), stdout); break;
		case 'h': printf("%lu", (unsigned long)st->st_nlink); break;
		case 'i': printf("%lu", (unsigned long)st->st_ino); break;
		case 'd': printf("%lu", (unsigned long)st->st_dev); break;
		case 'u': printf("%u", st->st_uid); break;
		case 'g': printf("%u", st->st_gid); break;
		case 'U': print_owner(fsu_user_name(st->st_uid)); break;
		case 'G': print_owner(fsu_group_name(st->st_gid)); break;
		case 't': printf("%x", major(st->st_rdev)); break;
		case 'T': printf("%x", minor(st->st_rdev)); break;
		case 'x': print_time(&st->st_atim); break;
		case 'y': print_time(&st->st_mtim); break;
		case 'z': print_time(&st->st_ctim); break;
		case 'X': printf("%lld", (long long)st->st_atime); break;
		case 'Y': printf("%lld", (long long)st->st_mtime); break;
		case 'Z': printf("%lld", (long long)st->st_ctime); break;
		case '%': putchar('%'); break;
		default: putchar('%'); putchar(*p); break;
		}
	}
	putchar('\n');
}

static void
report(const char *path, const struct stat *st)
{
	const char *u = fsu_user_name(st->st_uid), *g = fsu_group_name(st->st_gid);
	char mode[11];

	fsu_modestr(st->st_mode, mode);
	printf("  File: ");
	print_name(path, st, S_ISLNK(st->st_mode));
	printf("\n  Size: %-10lld\tBlocks: %-10lld IO Block: %-6ld %s\n",
	    (long long)st->st_size, (long long)st->st_blocks,
	    (long)st->st_blksize, type_name(st));
	printf("Device: %u,%u\tInode: %-11lu Links: %lu", major(st->st_dev),
	    minor(st->st_dev), (unsigned long)st->st_ino,
	    (unsigned long)st->st_nlink);
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
		printf("\tDevice type: %u,%u", major(st->st_rdev), minor(st->st_rdev));
	printf("\nAccess: (%04o/%s)  Uid: (%5u/%8s)   Gid: (%5u/%8s)\n",
	    st->st_mode & 07777, mode, st->st_uid, u != NULL ? u : "UNKNOWN",
	    st->st_gid, g != NULL ? g : "UNKNOWN");
	printf("Access: ");
	print_time(&st->st_atim);
	printf("\nModify: ");
	print_time(&st->st_mtim);
	printf("\nChange: ");
	print_time(&st->st_ctim);
	printf("\n Birth: -\n");
}

int
fsu_stat_main(int argc, char **argv)
{
	int bad;
	const char *fmt = NULL;
	int ch, status = 0;

	while ((ch = fsu_getopt(argc, argv, "c:")) != -1) {
		if (ch != 'c')
			return fsu_tool->usage_status;
		fmt = optarg;
	}
	argc -= optind;
	argv += optind;
	if ((bad = fsu_operands(argc, argv, 1, -1, "operand", NULL)) != 0)
		return bad;
	if (fsu_mount(argv[0]) != 0)
		return 1;
	for (int i = 1; i < argc; i++) {
		struct stat st;

		if (rump_sys_lstat(argv[i], &st) != 0) {
			fsu_warn(errno, "cannot statx '%s'", argv[i]);
			status = 1;
			continue;
		}
		if (fmt != NULL)
			format(fmt, argv[i], &st);
		else
			report(argv[i], &st);
	}
	return fsu_unmount(status);
}

int
fsu_touch_main(int argc, char **argv)
{
	int bad;
	bool nocreate = false;
	int ch, status = 0;

	while ((ch = fsu_getopt(argc, argv, "c")) != -1) {
		if (ch != 'c')
			return fsu_tool->usage_status;
		nocreate = true;
	}
	argc -= optind;
	argv += optind;
	if ((bad = fsu_operands(argc, argv, 1, -1, "file operand", NULL)) != 0)
		return bad;
	if (fsu_mount(argv[0]) != 0)
		return 1;
	for (int i = 1; i < argc; i++) {
		if (rump_sys_utimensat(AT_FDCWD, argv[i], NULL, 0) == 0)
			continue;
		if (errno == ENOENT && !nocreate) {
			int fd = rump_sys_open(argv[i], O_WRONLY | O_CREAT, 0666);

			if (fd >= 0) {
				rump_sys_close(fd);
				continue;
			}
		} else if (errno == ENOENT) {
			continue;
		}
		fsu_warn(errno, "cannot touch '%s'", argv[i]);
		status = 1;
	}
	return fsu_unmount(status);
}
