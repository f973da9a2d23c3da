/* dup_lowest -- dup returns the lowest free descriptor. */
#include "conf.h"

int
main(void)
{
	int a, b;

	conf_enter_tmpdir();
	conf_put("f", "x");
	a = CHECK_OK(open("f", O_RDONLY));
	b = CHECK_OK(open("f", O_RDONLY));
	CHECK_OK(close(a));
	CHECK_EQ(dup(b), a);
	CHECK_EQ(dup(b), b + 1);
	return 0;
}
