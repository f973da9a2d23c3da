/* rw_read_dir_eisdir -- read on a directory descriptor fails with EISDIR. */
#include "conf.h"

int
main(void)
{
	char buf[64];
	int fd;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	fd = CHECK_OK(open("d", O_RDONLY | O_DIRECTORY));
	CHECK_ERR(read(fd, buf, sizeof(buf)), EISDIR);
	return 0;
}
