/*
 * guest_ext2_rw.c -- runs inside a booted image with a disk at /data
 * (made by mke2fs -d with hello.txt): reads a file and the directory,
 * checks statfs, writes a new directory and file, fsyncs.  Exit 0: all
 * worked (the bats test checks the disk with e2fsck and debugfs).
 */
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/statfs.h>
int main(void)
{
	char buf[256];
	struct statfs sf;
	int fd = open("/data/hello.txt", O_RDONLY);
	ssize_t n;
	if (fd < 0) { perror("open /data/hello.txt"); return 1; }
	n = read(fd, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = 0;
	printf("read: %s", buf);
	close(fd);
	DIR *d = opendir("/data");
	struct dirent *de;
	while ((de = readdir(d)) != NULL) printf("entry %s\n", de->d_name);
	closedir(d);
	if (statfs("/data", &sf) == 0) printf("statfs type %lx bsize %ld\n", (long)sf.f_type, (long)sf.f_bsize);
	mkdir("/data/newdir", 0755);
	fd = open("/data/newdir/out.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0) { perror("create"); return 2; }
	for (int i = 0; i < 1000; i++) dprintf(fd, "line %d\n", i);
	fsync(fd);
	close(fd);
	printf("done\n");
	return 0;
}
