/* dup2_closes_target -- dup2 onto an open descriptor closes it first. */
#include "conf.h"

int
main(void)
{
	char c;
	int a, b;

	conf_enter_tmpdir();
	conf_put("a", "A");
	conf_put("b", "B");
	a = CHECK_OK(open("a", O_RDONLY));
	b = CHECK_OK(open("b", O_RDONLY));
	CHECK_EQ(dup2(a, b), b);
	CHECK_EQ(read(b, &c, 1), 1);
	CHECK_EQ(c, 'A');
	CHECK_EQ(dup2(a, 20), 20);
	CHECK_OK(close(20));
	return 0;
}
