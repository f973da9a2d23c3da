/* open_namemax_enametoolong -- a 256-byte name fails with ENAMETOOLONG, 255 bytes work. */
#include "conf.h"

int
main(void)
{
	char name[257];
	int fd;

	conf_enter_tmpdir();
	memset(name, 'a', 256);
	name[256] = '\0';
	CHECK_ERR(open(name, O_WRONLY | O_CREAT, 0644), ENAMETOOLONG);
	CHECK_ERR(open(name, O_RDONLY), ENAMETOOLONG);
	name[255] = '\0';
	fd = CHECK_OK(open(name, O_WRONLY | O_CREAT, 0644));
	CHECK_OK(close(fd));
	return 0;
}
