/* dir_getdents_unlink_during -- removing already-listed entries mid-listing loses none of the others. */
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
	static char buf[256];
	char name[16];
	int seen[60] = {0};
	int fd, i, n;
	long pos;
	ssize_t len;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	for (i = 0; i < 60; i++) {
		snprintf(name, sizeof(name), "d/e%d", i);
		conf_put(name, "x");
	}
	fd = CHECK_OK(open("d", O_RDONLY | O_DIRECTORY));
	while ((len = getdents64(fd, (void *)buf, sizeof(buf))) > 0) {
		for (pos = 0; pos < len; pos += ((struct dent *)(buf + pos))->reclen) {
			struct dent *d = (struct dent *)(buf + pos);
			if (d->name[0] == '.')
				continue;
			CHECK(sscanf(d->name, "e%d", &n) == 1 && n >= 0 && n < 60);
			seen[n]++;
			snprintf(name, sizeof(name), "d/%s", d->name);
			CHECK_OK(unlink(name));
		}
	}
	CHECK_EQ(len, 0);
	for (i = 0; i < 60; i++)
		if (seen[i] != 1)
			conf_failf(__FILE__, __LINE__, "e%d listed %d times", i, seen[i]);
	return 0;
}
