/* misc_many_files_dir -- a directory holds 1000 files; each is found by name and removed, leaving it empty. */
#include "conf.h"

int
main(void)
{
	char name[32];
	static char buf[4096];
	struct stat st;
	int fd, i;

	conf_enter_tmpdir();
	for (i = 0; i < 1000; i++) {
		snprintf(name, sizeof(name), "file-%04d", i);
		CHECK_OK(close(CHECK_OK(open(name, O_WRONLY | O_CREAT | O_EXCL, 0644))));
	}
	for (i = 999; i >= 0; i--) {
		snprintf(name, sizeof(name), "file-%04d", i);
		CHECK_OK(stat(name, &st));
		CHECK_OK(unlink(name));
	}
	/* empty again: only "." and ".." (two 24-byte records) */
	fd = CHECK_OK(open(".", O_RDONLY | O_DIRECTORY));
	CHECK_EQ(getdents64(fd, (void *)buf, sizeof(buf)), 48);
	return 0;
}
