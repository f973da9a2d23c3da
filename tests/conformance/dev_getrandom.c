/* dev_getrandom -- getrandom fills the buffer; unknown flags fail with EINVAL. */
#include "conf.h"

int
main(void)
{
	unsigned char a[32], b[32];

	CHECK_EQ(getrandom(a, sizeof(a), 0), sizeof(a));
	CHECK_EQ(getrandom(b, sizeof(b), GRND_NONBLOCK), sizeof(b));
	CHECK(memcmp(a, b, sizeof(a)) != 0);
	CHECK_ERR(getrandom(a, sizeof(a), 0x40), EINVAL);
	return 0;
}
