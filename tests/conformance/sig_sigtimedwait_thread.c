/* sig_sigtimedwait_thread -- a blocked signal that another thread sends (before or during the wait) is returned by sigwaitinfo, not acted on by its default action. */
#include "conf.h"

static pid_t main_tid;

static void *
sender(void *arg)
{
	(void)arg;
	if (tgkill(getpid(), main_tid, SIGUSR1) != 0)
		return (void *)1;
	return NULL;
}

int
main(void)
{
	siginfo_t info;
	sigset_t set;
	pthread_t t;
	void *ret;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
	main_tid = gettid();
	CHECK_EQ(pthread_create(&t, NULL, sender, NULL), 0);
	memset(&info, 0, sizeof(info));
	CHECK_EQ(sigwaitinfo(&set, &info), SIGUSR1);
	CHECK_EQ(info.si_signo, SIGUSR1);
	CHECK_EQ(info.si_pid, getpid());
	CHECK_EQ(pthread_join(t, &ret), 0);
	CHECK(ret == NULL);
	return 0;
}
