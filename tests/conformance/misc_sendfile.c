/* misc_sendfile -- sendfile copies between files, from the offset given or the file offset. */
#include "conf.h"

int
main(void)
{
	char buf[16];
	off_t off = 2;
	int in, out;

	conf_enter_tmpdir();
	conf_put("in", "0123456789");
	in = CHECK_OK(open("in", O_RDONLY));
	out = CHECK_OK(open("out", O_WRONLY | O_CREAT | O_TRUNC, 0644));
	CHECK_EQ(sendfile(out, in, &off, 4), 4);
	CHECK_EQ(off, 6);
	CHECK_EQ(lseek(in, 0, SEEK_CUR), 0);
	CHECK_EQ(sendfile(out, in, NULL, 3), 3);
	CHECK_EQ(lseek(in, 0, SEEK_CUR), 3);
	CHECK_OK(close(out));
	conf_get("out", buf, sizeof(buf));
	CHECK(strcmp(buf, "2345012") == 0);
	return 0;
}
