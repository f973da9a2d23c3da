/* inotify_errors -- inotify_init1 rejects unknown flags; add_watch and rm_watch report EINVAL, ENOENT, ENOTDIR and EBADF as Linux. */
#include "conf.h"

int
main(void)
{
	int fd, pfd[2];

	conf_enter_tmpdir();
	CHECK_ERR(inotify_init1(0x1234), EINVAL);
	fd = CHECK_OK(inotify_init1(IN_CLOEXEC));
	CHECK_EQ(fcntl(fd, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
	conf_put("file", "x");
	CHECK_ERR(inotify_add_watch(fd, "file", 0), EINVAL);
	CHECK_ERR(inotify_add_watch(fd, "missing", IN_MODIFY), ENOENT);
	CHECK_ERR(inotify_add_watch(fd, "file", IN_MODIFY | IN_ONLYDIR), ENOTDIR);
	CHECK_ERR(inotify_add_watch(fd, "file", IN_MODIFY | IN_MASK_ADD | IN_MASK_CREATE), EINVAL);
	CHECK_ERR(inotify_add_watch(-1, "file", IN_MODIFY), EBADF);
	CHECK_OK(pipe(pfd));
	CHECK_ERR(inotify_add_watch(pfd[0], "file", IN_MODIFY), EINVAL);
	CHECK_ERR(inotify_rm_watch(pfd[0], 1), EINVAL);
	CHECK_ERR(inotify_rm_watch(fd, 12345), EINVAL);
	CHECK_ERR(inotify_rm_watch(-1, 1), EBADF);
	return 0;
}
