/* seek_data_hole -- SEEK_DATA/SEEK_HOLE: data at 0, the implicit hole at EOF, ENXIO beyond. */
#include "conf.h"

int
main(void)
{
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "0123456789");
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_EQ(lseek(fd, 0, SEEK_DATA), 0);
	CHECK_EQ(lseek(fd, 0, SEEK_HOLE), 10);
	CHECK_ERR(lseek(fd, 10, SEEK_DATA), ENXIO);
	CHECK_ERR(lseek(fd, 11, SEEK_HOLE), ENXIO);
	return 0;
}
