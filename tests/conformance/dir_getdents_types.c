/* dir_getdents_types -- getdents64 reports d_type and d_ino matching lstat. */
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
	struct stat st;
	int fd, found = 0;
	long pos;
	ssize_t len;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	conf_put("f", "x");
	CHECK_OK(symlink("f", "l"));
	CHECK_OK(mknod("p", S_IFIFO | 0644, 0));
	fd = CHECK_OK(open(".", O_RDONLY | O_DIRECTORY));
	len = CHECK_OK(getdents64(fd, (void *)buf, sizeof(buf)));
	for (pos = 0; pos < len; pos += ((struct dent *)(buf + pos))->reclen) {
		struct dent *d = (struct dent *)(buf + pos);
		int want;

		if (d->name[0] == '.')
			continue;
		CHECK_OK(lstat(d->name, &st));
		CHECK_EQ(d->ino, st.st_ino);
		want = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG :
		    S_ISLNK(st.st_mode) ? DT_LNK : S_ISFIFO(st.st_mode) ? DT_FIFO : -1;
		CHECK_EQ(d->type, want);
		found++;
	}
	CHECK_EQ(found, 4);
	return 0;
}
