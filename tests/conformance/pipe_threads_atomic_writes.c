/* pipe_threads_atomic_writes -- blocking writes of <= PIPE_BUF bytes from several threads never interleave. */
#include "conf.h"

#define NT 4
#define REC 512
#define NREC 200

static int p[2];

static void *
writer(void *arg)
{
	char rec[REC];
	int i;

	memset(rec, 'a' + (int)(long)arg, sizeof(rec));
	for (i = 0; i < NREC; i++)
		if (write(p[1], rec, REC) != REC)
			return (void *)1;
	return NULL;
}

int
main(void)
{
	static char rec[REC];
	pthread_t t[NT];
	int counts[NT] = {0};
	long i;
	int j, k;

	CHECK_OK(pipe(p));
	for (i = 0; i < NT; i++)
		CHECK_EQ(pthread_create(&t[i], NULL, writer, (void *)i), 0);
	for (j = 0; j < NT * NREC; j++) {
		ssize_t got = 0, n;

		while (got < REC && (n = read(p[0], rec + got, REC - got)) > 0)
			got += n;
		CHECK_EQ(got, REC);
		for (k = 1; k < REC; k++)
			if (rec[k] != rec[0])
				conf_failf(__FILE__, __LINE__, "record %d mixes '%c' and '%c'",
				    j, rec[0], rec[k]);
		CHECK(rec[0] >= 'a' && rec[0] < 'a' + NT);
		counts[rec[0] - 'a']++;
	}
	for (i = 0; i < NT; i++) {
		CHECK_EQ(pthread_join(t[i], NULL), 0);
		CHECK_EQ(counts[i], NREC);
	}
	return 0;
}
