/* rename_onto_ancestor_enotempty -- renaming a directory onto its own ancestor fails with ENOTEMPTY. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("a", 0755));
	CHECK_OK(mkdir("a/b", 0755));
	CHECK_ERR(rename("a/b", "a"), ENOTEMPTY);
	CHECK_OK(stat("a/b", &st));
	return 0;
}
