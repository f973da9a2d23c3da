/* open_lowest_fd -- open returns the lowest free descriptor. */
#include "conf.h"

int
main(void)
{
	int a, b, c;

	conf_enter_tmpdir();
	conf_put("f", "x");
	a = CHECK_OK(open("f", O_RDONLY));
	b = CHECK_OK(open("f", O_RDONLY));
	c = CHECK_OK(open("f", O_RDONLY));
	CHECK_EQ(a, 3);
	CHECK_EQ(b, 4);
	CHECK_EQ(c, 5);
	CHECK_OK(close(b));
	CHECK_EQ(open("f", O_RDONLY), 4);
	CHECK_OK(close(a));
	CHECK_EQ(open("f", O_RDONLY), 3);
	return 0;
}
