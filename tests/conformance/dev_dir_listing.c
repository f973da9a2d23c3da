/* dev_dir_listing -- /dev is a directory holding null, zero, full, random and urandom. */
#include "conf.h"

int
main(void)
{
	static const char *names[] = {"null", "zero", "full", "random", "urandom"};
	char path[32];
	struct stat st;
	size_t i;

	CHECK_OK(stat("/dev", &st));
	CHECK(S_ISDIR(st.st_mode));
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), "/dev/%s", names[i]);
		CHECK_OK(stat(path, &st));
		CHECK(S_ISCHR(st.st_mode));
	}
	return 0;
}
