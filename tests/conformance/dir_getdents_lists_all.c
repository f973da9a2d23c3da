/* dir_getdents_lists_all -- getdents64 returns every entry exactly once, with "." and "..". */
#include "conf.h"

struct dent {
	uint64_t ino;
	int64_t off;
	unsigned short reclen;
	unsigned char type;
	char name[];
};

int
main(void)
{
	static char buf[512];
	char name[16];
	int seen[100] = {0};
	int dots = 0, fd, i, n;
	long pos;
	ssize_t len;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	for (i = 0; i < 100; i++) {
		snprintf(name, sizeof(name), "d/e%d", i);
		conf_put(name, "x");
	}
	fd = CHECK_OK(open("d", O_RDONLY | O_DIRECTORY));
	/* a small buffer: the listing takes several calls */
	while ((len = getdents64(fd, (void *)buf, sizeof(buf))) > 0) {
		for (pos = 0; pos < len; pos += ((struct dent *)(buf + pos))->reclen) {
			struct dent *d = (struct dent *)(buf + pos);
			if (strcmp(d->name, ".") == 0 || strcmp(d->name, "..") == 0) {
				CHECK_EQ(d->type, DT_DIR);
				dots++;
				continue;
			}
			CHECK(sscanf(d->name, "e%d", &n) == 1 && n >= 0 && n < 100);
			CHECK_EQ(d->type, DT_REG);
			seen[n]++;
		}
	}
	CHECK_EQ(len, 0);
	CHECK_EQ(dots, 2);
	for (i = 0; i < 100; i++)
		if (seen[i] != 1)
			conf_failf(__FILE__, __LINE__, "e%d listed %d times", i, seen[i]);
	return 0;
}
