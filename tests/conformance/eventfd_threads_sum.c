/* eventfd_threads_sum -- concurrent writes from several threads all add up. */
#include "conf.h"

#define NT 4
#define NW 1000

static int efd;

static void *
adder(void *arg)
{
	uint64_t one = 1;
	int i;

	(void)arg;
	for (i = 0; i < NW; i++)
		if (write(efd, &one, sizeof(one)) != 8)
			return (void *)1;
	return NULL;
}

int
main(void)
{
	pthread_t t[NT];
	uint64_t v;
	void *ret;
	int i;

	efd = CHECK_OK(eventfd(0, 0));
	for (i = 0; i < NT; i++)
		CHECK_EQ(pthread_create(&t[i], NULL, adder, NULL), 0);
	for (i = 0; i < NT; i++) {
		CHECK_EQ(pthread_join(t[i], &ret), 0);
		CHECK(ret == NULL);
	}
	CHECK_EQ(read(efd, &v, sizeof(v)), 8);
	CHECK_EQ(v, NT * NW);
	return 0;
}
