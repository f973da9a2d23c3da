/* misc_memfd_no_sealing -- without MFD_ALLOW_SEALING a memfd reports F_SEAL_SEAL and takes no seals; other files have none. */
#include "conf.h"

int
main(void)
{
	int fd, p[2];

	fd = CHECK_OK(memfd_create("plain", 0));
	CHECK_EQ(fcntl(fd, F_GET_SEALS), F_SEAL_SEAL);
	CHECK_ERR(fcntl(fd, F_ADD_SEALS, F_SEAL_GROW), EPERM);
	CHECK_EQ(write(fd, "still writable", 14), 14);
	/* A pipe has no seals at all. */
	CHECK_OK(pipe(p));
	CHECK_ERR(fcntl(p[0], F_GET_SEALS), EINVAL);
	return 0;
}
