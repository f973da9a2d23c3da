/* symlink_chain_limit -- a chain of 40 symlinks resolves; 41 fail with ELOOP. */
#include "conf.h"

int
main(void)
{
	char from[16], to[16];
	struct stat st;
	int i;

	conf_enter_tmpdir();
	conf_put("l0", "x");
	for (i = 1; i <= 41; i++) {
		snprintf(from, sizeof(from), "l%d", i - 1);
		snprintf(to, sizeof(to), "l%d", i);
		CHECK_OK(symlink(from, to));
	}
	CHECK_OK(stat("l40", &st));
	CHECK(S_ISREG(st.st_mode));
	CHECK_ERR(stat("l41", &st), ELOOP);
	return 0;
}
