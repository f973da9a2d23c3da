/*
 * fsu.h -- what the fs-utils tools (fsu_ls, fsu_cat, fsu_get, ...) share:
 * the tool table, messages in coreutils' style, the image mounted inside
 * the tool's own rump kernel, and the two "sides" a copy moves between
 * (the host's file system and the image's).  One program, dispatching on
 * the name it was called by (fsu.c).
 */
#ifndef FSU_H
#define FSU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>

/* One tool: its name (fsu_ls), entry point, and how it uses the image. */
struct fsu_tool {
	const char *name;
	int (*main)(int argc, char **argv);
	bool writes;		/* mounts read-write (else read-only) */
	int usage_status;	/* exit status of a usage error (ls: 2) */
	const char *usage;	/* after "usage: NAME " */
};

/* The tool being run (set by fsu.c before its main is called). */
extern const struct fsu_tool *fsu_tool;
extern const char *fsu_prog;

/*
 * Messages (fsu_common.c).  Each prints "PROG: " and the formatted text
 * to stderr; fsu_warn appends ": strerror(error)".
 */
void fsu_warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void fsu_warn(int error, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * fsu_usage: a usage error: optional message (NULL for none), the usage
 * line, and the tool's usage exit status (returned, for "return").
 */
int fsu_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * fsu_operands: check a tool's operands after its options: argv[0] is
 * the image, then at least min and (max >= 0) at most max operands.
 * Missing ones are reported as coreutils does -- "missing WHAT" when
 * there are none, "missing MORE after 'LAST'" when some are there --
 * and one too many as "extra operand".  Returns 0, or the usage exit
 * status (after the message) for the tool to return.
 */
int fsu_operands(int argc, char **argv, int min, int max, const char *what,
    const char *more);

/*
 * fsu_getopt: getopt(3) with the tool's messages; '?' means a usage error
 * was already printed (return fsu_tool->usage_status).
 */
int fsu_getopt(int argc, char **argv, const char *opts);

/*
 * fsu_mount: start the rump kernel, register host file image as a disk,
 * detect its file-system type and mount it (read-write when the tool
 * writes), then make it the root of the calling thread's kernel process:
 * image paths are used as they are.  On error prints the reason and
 * returns -1 (the tool exits 1).
 */
int fsu_mount(const char *image);

/*
 * fsu_unmount: leave the image, unmount it (writing everything back) and
 * unregister it.  Returns status, or 1 if the unmount failed.
 */
int fsu_unmount(int status);

/* Path helpers (fsu_common.c). */
char *fsu_join(const char *dir, const char *name);	/* malloc'd */
const char *fsu_basename(const char *path);	/* "" for "/" */
void *fsu_xmalloc(size_t n);
char *fsu_xstrdup(const char *s);

/* mode string "drwxr-xr-x" of st_mode into buf[11]. */
void fsu_modestr(mode_t mode, char *buf);

/*
 * Owner and group names from the image's /etc/passwd and /etc/group
 * (fsu_names.c): fsu_user_name/fsu_group_name give the name of an id,
 * or NULL when the image has none; fsu_user_id/fsu_group_id the id of a
 * name, or -1.
 */
const char *fsu_user_name(uid_t uid);
const char *fsu_group_name(gid_t gid);
long fsu_user_id(const char *name);
long fsu_group_id(const char *name);

/*
 * A side of a copy: the host's file system or the image's, with the
 * same calls.  Each returns what the matching libc call returns, and
 * sets errno.
 */
struct fsu_side {
	const char *name;
	int (*open)(const char *path, int flags, mode_t mode);
	ssize_t (*read)(int fd, void *buf, size_t n);
	ssize_t (*write)(int fd, const void *buf, size_t n);
	off_t (*lseek)(int fd, off_t off, int whence);
	int (*ftruncate)(int fd, off_t len);
	int (*close)(int fd);
	int (*stat)(const char *path, struct stat *st);
	int (*lstat)(const char *path, struct stat *st);
	ssize_t (*getdents)(int fd, void *buf, size_t n);
	int (*mkdir)(const char *path, mode_t mode);
	int (*rmdir)(const char *path);
	int (*unlink)(const char *path);
	int (*symlink)(const char *target, const char *path);
	ssize_t (*readlink)(const char *path, char *buf, size_t n);
	int (*link)(const char *old, const char *path);
	int (*mknod)(const char *path, mode_t mode, dev_t dev);
	int (*chmod)(const char *path, mode_t mode);
	int (*lchown)(const char *path, uid_t uid, gid_t gid);
	int (*lutimens)(const char *path, const struct timespec ts[2]);
};

extern const struct fsu_side fsu_host, fsu_image;

/*
 * fsu_listdir: the names in directory path of side, without "." and
 * "..", sorted (strcmp), in a malloc'd array of malloc'd strings.
 * Returns the count, or -1 with errno set.
 */
int fsu_listdir(const struct fsu_side *s, const char *path, char ***namesp);
void fsu_freenames(char **names, int n);

/* Copying (fsu_copy.c). */
#define FSU_COPY_RECURSIVE 0x01	/* -r: trees, symlinks, links, modes */
#define FSU_COPY_PRESERVE 0x02	/* -p: mode, owner, times */

/*
 * fsu_copy_args: cp-like: copy srcs (count n) on side from to dest on side
 * to: into dest when it is a directory, else (one source) as dest.
 * Prints each error as cp would; returns the exit status (0 or 1).
 */
int fsu_copy_args(const struct fsu_side *from, char **srcs, int n,
    const struct fsu_side *to, const char *dest, int flags);

/* Parse chmod's MODE (octal or symbolic) against old mode; -1 if bad. */
long fsu_parse_mode(const char *spec, mode_t old, bool isdir);

/* The tools (one file each, or one file for a family). */
int fsu_ls_main(int argc, char **argv);
int fsu_cat_main(int argc, char **argv);
int fsu_write_main(int argc, char **argv);
int fsu_cp_main(int argc, char **argv);
int fsu_get_main(int argc, char **argv);
int fsu_put_main(int argc, char **argv);
int fsu_mkdir_main(int argc, char **argv);
int fsu_rmdir_main(int argc, char **argv);
int fsu_rm_main(int argc, char **argv);
int fsu_mv_main(int argc, char **argv);
int fsu_ln_main(int argc, char **argv);
int fsu_chmod_main(int argc, char **argv);
int fsu_chown_main(int argc, char **argv);
int fsu_stat_main(int argc, char **argv);
int fsu_find_main(int argc, char **argv);
int fsu_du_main(int argc, char **argv);
int fsu_touch_main(int argc, char **argv);

#endif /* FSU_H */
