/* misc_mmap_file_read -- a private read-only mapping shows the file's bytes. */
#include "conf.h"

int
main(void)
{
	char *p;
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "mapped contents");
	fd = CHECK_OK(open("f", O_RDONLY));
	p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
	if (p == MAP_FAILED)
		conf_failf(__FILE__, __LINE__, "mmap: %s", strerror(errno));
	CHECK(memcmp(p, "mapped contents", 15) == 0);
	CHECK_EQ(p[15], 0);
	CHECK_OK(munmap(p, 4096));
	return 0;
}
