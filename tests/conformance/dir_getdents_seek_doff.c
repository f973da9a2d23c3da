/* dir_getdents_seek_doff -- lseek to an entry's d_off resumes the listing just after that entry. */
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
	static char buf[4096], again[4096];
	struct dent *first, *next;
	ssize_t len;
	int fd;

	conf_enter_tmpdir();
	conf_put("a", "x");
	conf_put("b", "x");
	conf_put("c", "x");
	fd = CHECK_OK(open(".", O_RDONLY | O_DIRECTORY));
	len = CHECK_OK(getdents64(fd, (void *)buf, sizeof(buf)));
	CHECK(len > 0);
	first = (struct dent *)buf;
	next = (struct dent *)(buf + first->reclen);
	CHECK_EQ(lseek(fd, first->off, SEEK_SET), first->off);
	CHECK_EQ(getdents64(fd, (void *)again, sizeof(again)), len - first->reclen);
	CHECK(strcmp(((struct dent *)again)->name, next->name) == 0);
	return 0;
}
