/* misc_copy_file_range -- copy_file_range copies bytes between files at the given offsets. */
#include "conf.h"

int
main(void)
{
	char buf[16];
	loff_t oi = 1, oo = 0;
	int in, out;

	conf_enter_tmpdir();
	conf_put("in", "abcdef");
	in = CHECK_OK(open("in", O_RDONLY));
	out = CHECK_OK(open("out", O_RDWR | O_CREAT, 0644));
	CHECK_EQ(copy_file_range(in, &oi, out, &oo, 3, 0), 3);
	CHECK_EQ(oi, 4);
	CHECK_EQ(oo, 3);
	CHECK_EQ(copy_file_range(in, &oi, out, &oo, 3, 1), -1);
	CHECK_EQ(errno, EINVAL);
	CHECK_OK(close(out));
	conf_get("out", buf, sizeof(buf));
	CHECK(strcmp(buf, "bcd") == 0);
	return 0;
}
