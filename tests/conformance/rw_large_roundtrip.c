/* rw_large_roundtrip -- a 1 MiB write is stored and read back whole, across pages. */
#include "conf.h"

#define SIZE (1024 * 1024)

int
main(void)
{
	static unsigned char out[SIZE], in[SIZE];
	ssize_t n, got = 0;
	size_t i;
	int fd;

	conf_enter_tmpdir();
	for (i = 0; i < SIZE; i++)
		out[i] = (unsigned char)(i * 7 + i / 4096);
	fd = CHECK_OK(open("f", O_RDWR | O_CREAT, 0644));
	CHECK_EQ(write(fd, out, SIZE), SIZE);
	CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	while (got < SIZE && (n = read(fd, in + got, SIZE - got)) > 0)
		got += n;
	CHECK_EQ(got, SIZE);
	CHECK(memcmp(in, out, SIZE) == 0);
	return 0;
}
