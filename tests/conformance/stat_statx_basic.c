/* stat_statx_basic -- statx reports type, size, link count and inode like fstat. */
#include "conf.h"

int
main(void)
{
	struct statx sx;
	struct stat st;

	conf_enter_tmpdir();
	conf_put("f", "hello");
	CHECK_OK(stat("f", &st));
	CHECK_OK(statx(AT_FDCWD, "f", 0, STATX_BASIC_STATS, &sx));
	CHECK((sx.stx_mask & (STATX_TYPE | STATX_SIZE | STATX_INO)) ==
	    (STATX_TYPE | STATX_SIZE | STATX_INO));
	CHECK(S_ISREG(sx.stx_mode));
	CHECK_EQ(sx.stx_size, 5);
	CHECK_EQ(sx.stx_nlink, 1);
	CHECK_EQ(sx.stx_ino, st.st_ino);
	CHECK_ERR(statx(AT_FDCWD, "missing", 0, STATX_BASIC_STATS, &sx), ENOENT);
	return 0;
}
