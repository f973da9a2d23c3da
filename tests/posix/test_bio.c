/* test_bio.c -- asynchronous block I/O: completion, data, errors. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "fakehyp.h"

#define BLK 16384
#define NBLK 256

static char path[64];
static int fd = -1;

/* One request's completion record. */
struct req {
	int ndone;     /* biodone calls: must end at exactly 1 */
	uint64_t dlen;
	int error;
	int withcpu;   /* biodone ran holding a CPU: must not */
	char *buf;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t alldone = PTHREAD_COND_INITIALIZER;
static int ncompleted;

static void
biodone(void *arg, uint64_t dlen, int error)
{
	struct req *r = arg;

	r->dlen = dlen;
	r->error = error;
	r->withcpu = fakehyp_has_cpu();
	__atomic_add_fetch(&r->ndone, 1, __ATOMIC_SEQ_CST);
	pthread_mutex_lock(&lock);
	ncompleted++;
	pthread_cond_broadcast(&alldone);
	pthread_mutex_unlock(&lock);
}

/* Wait until n completions were counted since the last reset. */
static void
await(int n)
{
	pthread_mutex_lock(&lock);
	while (ncompleted < n)
		pthread_cond_wait(&alldone, &lock);
	pthread_mutex_unlock(&lock);
}

static void
reset(void)
{
	pthread_mutex_lock(&lock);
	ncompleted = 0;
	pthread_mutex_unlock(&lock);
}

static char
pattern(size_t off)
{
	return (char)(off * 31 + off / 4093);
}

static int
setup(void **state)
{
	char *data;
	size_t i;

	(void)state;
	strcpy(path, "/tmp/rumpuser-bio.XXXXXX");
	if ((fd = mkstemp(path)) < 0)
		return -1;
	close(fd);
	if (rumpuser_open(path, RUMPUSER_OPEN_RDWR | RUMPUSER_OPEN_BIO,
	    &fd) != 0)
		return -1;
	if ((data = malloc(BLK * NBLK)) == NULL)
		return -1;
	for (i = 0; i < BLK * NBLK; i++)
		data[i] = pattern(i);
	if (pwrite(fd, data, BLK * NBLK, 0) != BLK * NBLK)
		return -1;
	free(data);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	rumpuser_close(fd);
	return unlink(path);
}

static void
check_req(struct req *r, uint64_t dlen, int error)
{
	assert_int_equal(r->ndone, 1);
	assert_int_equal(r->dlen, dlen);
	assert_int_equal(r->error, error);
	assert_int_equal(r->withcpu, 0);
}

/* Many reads in flight at once, in shuffled order. */
static void
test_concurrent_reads(void **state)
{
	static struct req reqs[NBLK];
	int order[NBLK], i, j, t;
	struct fakehyp_counts c;
	size_t k;

	(void)state;
	for (i = 0; i < NBLK; i++)
		order[i] = i;
	for (i = NBLK - 1; i > 0; i--) {
		j = rand() % (i + 1);
		t = order[i];
		order[i] = order[j];
		order[j] = t;
	}
	reset();
	fakehyp_enter();
	fakehyp_reset();
	for (i = 0; i < NBLK; i++) {
		struct req *r = &reqs[order[i]];

		memset(r, 0, sizeof(*r));
		r->buf = malloc(BLK);
		assert_non_null(r->buf);
		rumpuser_bio(fd, RUMPUSER_BIO_READ, r->buf, BLK,
		    (int64_t)order[i] * BLK, biodone, r);
	}
	/* Starting I/O never touches the CPU. */
	c = fakehyp_get();
	fakehyp_leave();
	assert_int_equal(c.nsched + c.nunsched, 0);

	await(NBLK);
	usleep(10000); /* a second, wrong, completion would show up now */
	for (i = 0; i < NBLK; i++) {
		check_req(&reqs[i], BLK, 0);
		for (k = 0; k < BLK; k++) {
			if (reqs[i].buf[k] != pattern((size_t)i * BLK + k))
				fail_msg("block %d byte %zu wrong", i, k);
		}
		free(reqs[i].buf);
	}
}

/* Concurrent writes to distinct blocks land where they were sent. */
static void
test_concurrent_writes(void **state)
{
	static struct req reqs[NBLK];
	char *check;
	int i;

	(void)state;
	reset();
	for (i = 0; i < NBLK; i++) {
		memset(&reqs[i], 0, sizeof(reqs[i]));
		reqs[i].buf = malloc(BLK);
		assert_non_null(reqs[i].buf);
		memset(reqs[i].buf, i, BLK);
		rumpuser_bio(fd, RUMPUSER_BIO_WRITE |
		    (i % 8 == 0 ? RUMPUSER_BIO_SYNC : 0), reqs[i].buf, BLK,
		    (int64_t)i * BLK, biodone, &reqs[i]);
	}
	await(NBLK);
	check = malloc(BLK);
	assert_non_null(check);
	for (i = 0; i < NBLK; i++) {
		check_req(&reqs[i], BLK, 0);
		assert_int_equal(pread(fd, check, BLK, (off_t)i * BLK), BLK);
		assert_memory_equal(check, reqs[i].buf, BLK);
		free(reqs[i].buf);
	}
	free(check);
}

static void
test_short_and_errors(void **state)
{
	struct req r[6];
	char buf[BLK];

	(void)state;
	memset(r, 0, sizeof(r));
	reset();
	/* Across end of file: what is there, no error. */
	rumpuser_bio(fd, RUMPUSER_BIO_READ, buf, BLK,
	    (int64_t)NBLK * BLK - 100, biodone, &r[0]);
	rumpuser_bio(fd, RUMPUSER_BIO_READ, buf, BLK,
	    (int64_t)NBLK * BLK * 2, biodone, &r[1]);
	rumpuser_bio(-1, RUMPUSER_BIO_READ, buf, BLK, 0, biodone, &r[2]);
	rumpuser_bio(fd, RUMPUSER_BIO_READ | RUMPUSER_BIO_WRITE, buf, BLK, 0,
	    biodone, &r[3]);
	rumpuser_bio(fd, RUMPUSER_BIO_READ, buf, BLK, -1, biodone, &r[4]);
	rumpuser_bio(fd, RUMPUSER_BIO_READ | RUMPUSER_BIO_SYNC, buf, BLK, 0,
	    biodone, &r[5]);
	await(6);
	usleep(10000);
	check_req(&r[0], 100, 0);
	check_req(&r[1], 0, 0);
	check_req(&r[2], 0, EBADF);
	check_req(&r[3], 0, EINVAL);
	check_req(&r[4], 0, EINVAL);
	check_req(&r[5], 0, EINVAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_concurrent_reads),
		cmocka_unit_test(test_concurrent_writes),
		cmocka_unit_test(test_short_and_errors),
	};

	fakehyp_init(0);
	return cmocka_run_group_tests_name("posix_bio", tests, setup,
	    teardown);
}
