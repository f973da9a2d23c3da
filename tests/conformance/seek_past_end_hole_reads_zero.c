/* seek_past_end_hole_reads_zero -- writing past the end leaves a hole that reads as zeros. */
#include "conf.h"

int
main(void)
{
	char buf[8192];
	struct stat st;
	int fd, i;

	conf_enter_tmpdir();
	fd = CHECK_OK(open("f", O_RDWR | O_CREAT, 0644));
	CHECK_EQ(write(fd, "a", 1), 1);
	CHECK_EQ(lseek(fd, 8000, SEEK_SET), 8000);
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_size, 1);
	CHECK_EQ(write(fd, "z", 1), 1);
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_size, 8001);
	CHECK_EQ(pread(fd, buf, sizeof(buf), 0), 8001);
	CHECK_EQ(buf[0], 'a');
	for (i = 1; i < 8000; i++)
		if (buf[i] != 0)
			conf_failf(__FILE__, __LINE__, "byte %d of the hole is %d", i, buf[i]);
	CHECK_EQ(buf[8000], 'z');
	return 0;
}
