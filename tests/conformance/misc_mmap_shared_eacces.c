/* misc_mmap_shared_eacces -- a writable shared mapping needs a file open read-write (EACCES; also for mprotect); O_APPEND does not matter. */
#include "conf.h"

int
main(void)
{
	char *p;
	int ro, ap;

	conf_enter_tmpdir();
	conf_put("f", "contents");
	ro = CHECK_OK(open("f", O_RDONLY));
	ap = CHECK_OK(open("f", O_RDWR | O_APPEND));
	CHECK(mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0) == MAP_FAILED);
	CHECK_EQ(errno, EACCES);
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, ap, 0);
	if (p == MAP_FAILED)
		conf_failf(__FILE__, __LINE__, "mmap: %s", strerror(errno));
	CHECK_OK(munmap(p, 4096));
	p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, ro, 0);
	if (p == MAP_FAILED)
		conf_failf(__FILE__, __LINE__, "mmap: %s", strerror(errno));
	CHECK(memcmp(p, "contents", 8) == 0);
	CHECK_ERR(mprotect(p, 4096, PROT_READ | PROT_WRITE), EACCES);
	CHECK_OK(munmap(p, 4096));
	return 0;
}
