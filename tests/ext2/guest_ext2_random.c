/*
 * guest_ext2_random.c -- runs inside a booted image (not a hosted
 * test): a seeded random workload on the ext2 disk mounted at /data,
 * mirrored on the tmpfs root at /mirror, every result compared, and at
 * the end both trees compared (tests/ext2/fs_workload.h).  Usage:
 * guest_ext2_random SEED NOPS.  Exit status 0: all results and both
 * trees agree.  The bats test then runs e2fsck -fn on the disk
 * (tests/ext2/ext2_hw.bats).
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int
nentries(const char *path)
{
	DIR *dir = opendir(path);
	struct dirent *de;
	int n = 0;

	if (dir == NULL)
		return -1;
	while ((de = readdir(dir)) != NULL)
		if (de->d_name[0] != '.' && strcmp(de->d_name, "lost+found") != 0)
			n++;
	closedir(dir);
	return n;
}

/* Both sides are plain files here: tmpfs and the ext2 disk. */
#define WB_open open
#define WB_close close
#define WB_pwrite pwrite
#define WB_pread pread
#define WB_truncate truncate
#define WB_unlink unlink
#define WB_mkdir mkdir
#define WB_rmdir rmdir
#define WB_rename rename
#define WB_link link
#define WB_symlink symlink
#define WB_lstat lstat
#define WB_nentries nentries
#define WL_SAY printf
#include "fs_workload.h"

int
main(int argc, char **argv)
{
	struct workload w;
	int nops = argc > 2 ? atoi(argv[2]) : 20000, bad;

	wl_init(&w, argc > 1 ? strtoull(argv[1], NULL, 0) : 0, "/mirror",
	    "/data");
	if (mkdir("/mirror", 0755) != 0) {
		perror("mkdir /mirror");
		return 2;
	}
	for (int i = 0; i < nops; i++)
		wl_op(&w);
	sync();
	bad = wl_compare("/mirror", "/data", 0);
	printf("%d operations, %d mismatches, %d differences\n", nops,
	    w.mismatches, bad);
	return w.mismatches == 0 && bad == 0 ? 0 : 1;
}
