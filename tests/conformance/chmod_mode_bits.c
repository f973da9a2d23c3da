/* chmod_mode_bits -- chmod sets all twelve permission bits and keeps the type. */
#include "conf.h"

int
main(void)
{
	static const mode_t modes[] = {0, 0777, 0644, 01777, 02755, 04711, 07000, 0123};
	struct stat st;
	size_t i;

	conf_enter_tmpdir();
	conf_put("f", "x");
	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		CHECK_OK(chmod("f", modes[i]));
		CHECK_OK(stat("f", &st));
		CHECK_EQ(st.st_mode & 07777, modes[i]);
		CHECK(S_ISREG(st.st_mode));
	}
	return 0;
}
