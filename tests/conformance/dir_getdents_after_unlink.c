/* dir_getdents_after_unlink -- a removed entry is not listed by a fresh getdents64. */
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
	static char buf[4096];
	int fd, n = 0;
	long pos;
	ssize_t len;

	conf_enter_tmpdir();
	conf_put("a", "x");
	conf_put("b", "x");
	conf_put("c", "x");
	CHECK_OK(unlink("b"));
	fd = CHECK_OK(open(".", O_RDONLY | O_DIRECTORY));
	len = CHECK_OK(getdents64(fd, (void *)buf, sizeof(buf)));
	for (pos = 0; pos < len; pos += ((struct dent *)(buf + pos))->reclen) {
		struct dent *d = (struct dent *)(buf + pos);
		CHECK(strcmp(d->name, "b") != 0);
		n++;
	}
	CHECK_EQ(n, 4);
	return 0;
}
