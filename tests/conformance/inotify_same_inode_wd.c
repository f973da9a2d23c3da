/* inotify_same_inode_wd -- watching one inode twice (also through a hard link) gives the same wd; IN_MASK_CREATE then fails with EEXIST. */
#include "conf.h"

int
main(void)
{
	int fd, wd, other;

	conf_enter_tmpdir();
	conf_put("a", "x");
	CHECK_OK(link("a", "b"));
	conf_put("c", "x");
	fd = CHECK_OK(inotify_init1(IN_NONBLOCK));
	wd = CHECK_OK(inotify_add_watch(fd, "a", IN_MODIFY));
	CHECK(wd >= 1);
	CHECK_EQ(inotify_add_watch(fd, "a", IN_ATTRIB), wd);
	CHECK_EQ(inotify_add_watch(fd, "b", IN_ATTRIB | IN_MASK_ADD), wd);
	CHECK_ERR(inotify_add_watch(fd, "b", IN_ATTRIB | IN_MASK_CREATE), EEXIST);
	other = CHECK_OK(inotify_add_watch(fd, "c", IN_MODIFY));
	CHECK(other != wd);
	return 0;
}
