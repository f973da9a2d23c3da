/* misc_mmap_shared_coherent -- two shared mappings of a file and its read/write all see the same bytes at once. */
#include "conf.h"

int
main(void)
{
	char buf[4];
	char *a, *b;
	int fd;

	conf_enter_tmpdir();
	fd = CHECK_OK(open("f", O_RDWR | O_CREAT, 0644));
	CHECK_OK(ftruncate(fd, 8192));
	a = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	b = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 4096);
	if (a == MAP_FAILED || b == MAP_FAILED)
		conf_failf(__FILE__, __LINE__, "mmap: %s", strerror(errno));
	memcpy(a + 4096, "AAAA", 4);
	CHECK(memcmp(b, "AAAA", 4) == 0);
	memcpy(b + 2, "BB", 2);
	CHECK(memcmp(a + 4096, "AABB", 4) == 0);
	CHECK_EQ(pread(fd, buf, 4, 4096), 4);
	CHECK(memcmp(buf, "AABB", 4) == 0);
	CHECK_EQ(pwrite(fd, "CC", 2, 4096), 2);
	CHECK(memcmp(a + 4096, "CCBB", 4) == 0);
	CHECK(memcmp(b, "CCBB", 4) == 0);
	/* One mapping gone, the other still shows the file. */
	CHECK_OK(munmap(a, 8192));
	CHECK_EQ(pwrite(fd, "DD", 2, 4098), 2);
	CHECK(memcmp(b, "CCDD", 4) == 0);
	CHECK_OK(munmap(b, 4096));
	return 0;
}
