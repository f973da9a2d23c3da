/* sig_sigtimedwait_eintr -- rt_sigtimedwait fails with EINTR when a signal it does not wait for runs a handler (the raw call: musl's sigwaitinfo retries on EINTR). */
#include "conf.h"

static pid_t main_tid;
static volatile int done, handled;

static void
on_usr2(int sig)
{
	(void)sig;
	handled++;
}

/* Keep poking the main thread until it is out of its wait: the first
 * SIGUSR2 that finds it waiting interrupts it. */
static void *
poker(void *arg)
{
	struct timespec ms = { 0, 1000000 };

	(void)arg;
	while (!__atomic_load_n(&done, __ATOMIC_SEQ_CST)) {
		if (tgkill(getpid(), main_tid, SIGUSR2) != 0)
			return (void *)1;
		nanosleep(&ms, NULL);
	}
	return NULL;
}

int
main(void)
{
	struct sigaction sa;
	siginfo_t info;
	sigset_t set;
	pthread_t t;
	void *ret;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr2;
	sigemptyset(&sa.sa_mask);
	CHECK_OK(sigaction(SIGUSR2, &sa, NULL));
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
	main_tid = gettid();
	CHECK_EQ(pthread_create(&t, NULL, poker, NULL), 0);
	/* 8: the kernel's sigset size. */
	CHECK_ERR(syscall(SYS_rt_sigtimedwait, &set, &info, NULL, 8, 0, 0), EINTR);
	__atomic_store_n(&done, 1, __ATOMIC_SEQ_CST);
	CHECK_EQ(pthread_join(t, &ret), 0);
	CHECK(ret == NULL);
	CHECK(handled > 0);
	return 0;
}
