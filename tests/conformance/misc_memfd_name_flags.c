/* misc_memfd_name_flags -- memfd_create: a 249-byte name is the longest (EINVAL past it), unknown flags are EINVAL, a bad name EFAULT. */
#include "conf.h"

int
main(void)
{
	char name[251];
	int fd;

	memset(name, 'n', sizeof(name));
	name[249] = '\0';
	fd = CHECK_OK(memfd_create(name, 0));
	CHECK_EQ(fcntl(fd, F_GETFD), 0);
	CHECK_EQ(fcntl(fd, F_GETFL) & O_ACCMODE, O_RDWR);
	name[249] = 'n';
	name[250] = '\0';
	CHECK_ERR(memfd_create(name, 0), EINVAL);
	CHECK_ERR(memfd_create("x", 0x100), EINVAL);
	CHECK_ERR(memfd_create(NULL, 0), EFAULT);
	return 0;
}
