/* misc_mmap_anon -- an anonymous private mapping is zero-filled and writable. */
#include "conf.h"

int
main(void)
{
	unsigned char *p;
	size_t i;

	p = mmap(NULL, 65536, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		conf_failf(__FILE__, __LINE__, "mmap: %s", strerror(errno));
	for (i = 0; i < 65536; i++)
		if (p[i] != 0)
			conf_failf(__FILE__, __LINE__, "byte %zu is %d", i, p[i]);
	memset(p, 0x5a, 65536);
	CHECK_EQ(p[65535], 0x5a);
	CHECK_OK(munmap(p, 65536));
	return 0;
}
