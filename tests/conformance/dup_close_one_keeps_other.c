/* dup_close_one_keeps_other -- closing one of two duplicates leaves the open file usable through the other. */
#include "conf.h"

int
main(void)
{
	char c;
	int a, b;

	conf_enter_tmpdir();
	conf_put("f", "ab");
	a = CHECK_OK(open("f", O_RDONLY));
	b = CHECK_OK(dup(a));
	CHECK_EQ(read(a, &c, 1), 1);
	CHECK_OK(close(a));
	CHECK_EQ(read(b, &c, 1), 1);
	CHECK_EQ(c, 'b');
	return 0;
}
