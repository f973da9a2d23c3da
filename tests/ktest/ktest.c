/*
 * ktest.c -- the kernel side of the self-test runner: finds the tests in
 * the rump_ktests link set and runs one at a time in a fresh process.
 * The rump_ktest_* functions are what host runners call.
 */
#include "ktest.h"
#include <rump/rump.h>

extern const struct ktest __start_rump_ktests[] __attribute__((__weak__));
extern const struct ktest __stop_rump_ktests[] __attribute__((__weak__));

/* Exported to runners; prototypes here since only runners use them. */
int rump_ktest_count(void);
const char *rump_ktest_name(int i);
int rump_ktest_run(int i, char *msg, unsigned long msglen);

bool
ktest_check(struct ktest_ctx *kt, bool ok, const char *file, int line,
    const char *text)
{
	if (!ok && kt->failed++ == 0)
		snprintf(kt->msg, sizeof(kt->msg), "%s:%d: check failed: %s",
		    file, line, text);
	return ok;
}

bool
ktest_check_eq(struct ktest_ctx *kt, long a, long b, const char *file,
    int line, const char *ta, const char *tb)
{
	if (a != b && kt->failed++ == 0)
		snprintf(kt->msg, sizeof(kt->msg),
		    "%s:%d: %s == %s failed: %ld != %ld", file, line, ta, tb,
		    a, b);
	return a == b;
}

void
ktest_skip(struct ktest_ctx *kt, const char *why)
{
	kt->skipped = 1;
	strlcpy(kt->msg, why, sizeof(kt->msg));
}

int
rump_ktest_count(void)
{
	if (__start_rump_ktests == NULL)
		return 0;
	return (int)(__stop_rump_ktests - __start_rump_ktests);
}

const char *
rump_ktest_name(int i)
{
	return __start_rump_ktests[i].kt_name;
}

/*
 * rump_ktest_run: run test i in a new process of its own; 0 passed,
 * 1 failed, 2 skipped, with the reason in msg.
 */
int
rump_ktest_run(int i, char *msg, unsigned long msglen)
{
	struct ktest_ctx *kt;
	struct lwp *prev = rump_lwproc_curlwp();
	int error, r;

	error = rump_lwproc_newproc();
	if (error != 0) {
		snprintf(msg, msglen, "cannot create a process: error %d",
		    error);
		return 1;
	}
	rump_schedule();
	kt = kmem_zalloc(sizeof(*kt), KM_SLEEP);
	if (kt == NULL) {
		rump_unschedule();
		snprintf(msg, msglen, "no memory for the test context");
		return 1;
	}
	__start_rump_ktests[i].kt_fn(kt);
	r = kt->failed ? 1 : kt->skipped ? 2 : 0;
	strlcpy(msg, kt->msg, msglen);
	kmem_free(kt, sizeof(*kt));
	rump_unschedule();
	rump_lwproc_releaselwp();
	if (prev != NULL)
		rump_lwproc_switch(prev);
	return r;
}
