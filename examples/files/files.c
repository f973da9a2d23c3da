/*
 * files.c -- stdio on the root tmpfs: make a directory tree, write and
 * read back files, rename and list with readdir, in sorted order so the
 * output is the same everywhere.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
main(void)
{
	char path[64], line[64], *names[16];
	int n = 0;
	DIR *d;
	struct dirent *e;
	struct stat st;

	if (mkdir("/work", 0755) != 0 && errno != EEXIST) {
		perror("mkdir /work");
		return 1;
	}
	if (chdir("/work") != 0 || mkdir("dir", 0700) != 0) {
		perror("setup");
		return 1;
	}
	for (int i = 0; i < 5; i++) {
		FILE *f;
		snprintf(path, sizeof(path), "dir/file%d.txt", i);
		f = fopen(path, "w");
		if (f == NULL) {
			perror(path);
			return 1;
		}
		for (int j = 0; j <= i; j++)
			fprintf(f, "line %d of file %d\n", j, i);
		fclose(f);
	}
	if (rename("dir/file4.txt", "dir/last.txt") != 0) {
		perror("rename");
		return 1;
	}
	d = opendir("dir");
	if (d == NULL) {
		perror("opendir");
		return 1;
	}
	while ((e = readdir(d)) != NULL && n < 16)
		if (e->d_name[0] != '.')
			names[n++] = strdup(e->d_name);
	closedir(d);
	qsort(names, (size_t)n, sizeof(names[0]), cmp);
	for (int i = 0; i < n; i++) {
		FILE *f;
		int lines = 0;
		snprintf(path, sizeof(path), "dir/%s", names[i]);
		stat(path, &st);
		f = fopen(path, "r");
		while (f != NULL && fgets(line, sizeof(line), f) != NULL)
			lines++;
		if (f != NULL)
			fclose(f);
		printf("%-10s %4lld bytes %d lines\n", names[i],
		    (long long)st.st_size, lines);
		free(names[i]);
	}
	return n == 5 ? 0 : 1;
}
