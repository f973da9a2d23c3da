/* rw_shared_offset_after_dup -- two opens have separate offsets; a dup shares one. */
#include "conf.h"

int
main(void)
{
	char c;
	int a, b, d;

	conf_enter_tmpdir();
	conf_put("f", "abcdef");
	a = CHECK_OK(open("f", O_RDONLY));
	b = CHECK_OK(open("f", O_RDONLY));
	d = CHECK_OK(dup(a));
	CHECK_EQ(read(a, &c, 1), 1);
	CHECK_EQ(c, 'a');
	CHECK_EQ(read(d, &c, 1), 1);
	CHECK_EQ(c, 'b');
	CHECK_EQ(read(b, &c, 1), 1);
	CHECK_EQ(c, 'a');
	CHECK_EQ(lseek(a, 0, SEEK_CUR), 2);
	return 0;
}
