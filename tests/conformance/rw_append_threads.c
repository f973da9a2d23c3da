/* rw_append_threads -- O_APPEND writes from several threads and descriptors never overwrite each other. */
#include "conf.h"

#define NT 4
#define REC 16
#define NREC 500

static void *
appender(void *arg)
{
	char rec[REC];
	int fd, i;

	memset(rec, 'A' + (int)(long)arg, sizeof(rec));
	fd = open("f", O_WRONLY | O_APPEND);
	if (fd == -1)
		return (void *)1;
	for (i = 0; i < NREC; i++)
		if (write(fd, rec, REC) != REC)
			return (void *)1;
	close(fd);
	return NULL;
}

int
main(void)
{
	static char data[NT * NREC * REC + 1];
	int counts[NT] = {0};
	pthread_t t[NT];
	void *ret;
	long i;
	int fd, k;

	conf_enter_tmpdir();
	conf_put("f", "");
	for (i = 0; i < NT; i++)
		CHECK_EQ(pthread_create(&t[i], NULL, appender, (void *)i), 0);
	for (i = 0; i < NT; i++) {
		CHECK_EQ(pthread_join(t[i], &ret), 0);
		CHECK(ret == NULL);
	}
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_EQ(pread(fd, data, sizeof(data), 0), sizeof(data) - 1);
	for (i = 0; i < NT * NREC; i++) {
		char c = data[i * REC];

		for (k = 1; k < REC; k++)
			if (data[i * REC + k] != c)
				conf_failf(__FILE__, __LINE__, "record %ld is torn", i);
		CHECK(c >= 'A' && c < 'A' + NT);
		counts[c - 'A']++;
	}
	for (i = 0; i < NT; i++)
		CHECK_EQ(counts[i], NREC);
	return 0;
}
