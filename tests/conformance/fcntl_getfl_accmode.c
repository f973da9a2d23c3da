/* fcntl_getfl_accmode -- F_GETFL reports the access mode; F_SETFL cannot change it. */
#include "conf.h"

int
main(void)
{
	int r, w, rw;

	conf_enter_tmpdir();
	conf_put("f", "x");
	r = CHECK_OK(open("f", O_RDONLY));
	w = CHECK_OK(open("f", O_WRONLY));
	rw = CHECK_OK(open("f", O_RDWR));
	CHECK_EQ(fcntl(r, F_GETFL) & O_ACCMODE, O_RDONLY);
	CHECK_EQ(fcntl(w, F_GETFL) & O_ACCMODE, O_WRONLY);
	CHECK_EQ(fcntl(rw, F_GETFL) & O_ACCMODE, O_RDWR);
	CHECK_OK(fcntl(r, F_SETFL, O_RDWR));
	CHECK_EQ(fcntl(r, F_GETFL) & O_ACCMODE, O_RDONLY);
	CHECK_ERR(write(r, "y", 1), EBADF);
	return 0;
}
