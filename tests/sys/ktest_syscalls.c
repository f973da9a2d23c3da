/*
 * ktest_syscalls.c -- the system call handlers called directly, with
 * kernel buffers (the caller shares the address space), so the same
 * checks run hosted and inside a booted image: pipes, eventfd, epoll,
 * poll, futex timeouts, descriptors and identity.
 */
#include "../ktest/ktest.h"
#include "../../components/sys/sys_int.h"
#include <abi/epoll.h>
#include <abi/eventfd.h>
#include <abi/futex.h>
#include <abi/utsname.h>

KTEST(sys_pipe_epoll_eventfd)
{
	int fds[2], ep, efd;
	char buf[8];
	struct epoll_event ev = { EPOLLIN, 7 }, out[2];
	uint64_t one = 1;
	struct pollfd p;

	if (!KT_EQ(kt, sys_pipe2(fds, O_NONBLOCK), 0))
		return;
	KT_EQ(kt, sys_read(fds[0], buf, 1), -EAGAIN);
	KT_EQ(kt, sys_write(fds[1], "hi", 2), 2);
	ep = (int)sys_epoll_create1(0);
	KT_CHECK(kt, ep >= 0);
	KT_EQ(kt, sys_epoll_ctl(ep, EPOLL_CTL_ADD, fds[0], &ev), 0);
	efd = (int)sys_eventfd2(0, EFD_NONBLOCK);
	ev.data = 9;
	KT_EQ(kt, sys_epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev), 0);
	KT_EQ(kt, sys_epoll_wait(ep, out, 2, 0), 1);
	KT_EQ(kt, out[0].data, 7);
	KT_EQ(kt, sys_write(efd, &one, 8), 8);
	KT_EQ(kt, sys_epoll_wait(ep, out, 2, 1000), 2);
	KT_EQ(kt, sys_read(fds[0], buf, sizeof(buf)), 2);
	KT_EQ(kt, memcmp(buf, "hi", 2), 0);
	p.fd = fds[0];
	p.events = POLLIN;
	KT_EQ(kt, sys_poll(&p, 1, 10), 0);  /* times out: empty again */
	KT_EQ(kt, sys_close(fds[1]), 0);
	KT_EQ(kt, sys_poll(&p, 1, -1), 1);
	KT_EQ(kt, p.revents, POLLHUP);
	KT_EQ(kt, sys_close(fds[0]), 0);
	KT_EQ(kt, sys_close(efd), 0);
	KT_EQ(kt, sys_close(ep), 0);
	KT_EQ(kt, sys_close(ep), -EBADF);
}

KTEST(sys_futex_timeout)
{
	uint32_t word = 5;
	struct timespec ts = { 0, 20 * 1000 * 1000 };
	int64_t t0 = nanouptime_ns();

	KT_EQ(kt, sys_futex(&word, FUTEX_WAIT_PRIVATE, 4, &ts, NULL, 0),
	    -EAGAIN);
	KT_EQ(kt, sys_futex(&word, FUTEX_WAIT_PRIVATE, 5, &ts, NULL, 0),
	    -ETIMEDOUT);
	KT_CHECK(kt, nanouptime_ns() - t0 >= 20 * 1000 * 1000);
	KT_EQ(kt, sys_futex(&word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0), 0);
	KT_EQ(kt, sys_futex(NULL, FUTEX_WAKE, 1, NULL, NULL, 0), -EFAULT);
}

KTEST(sys_identity_and_uname)
{
	struct new_utsname u;

	KT_EQ(kt, sys_getpid(), curproc->p_pid);
	KT_EQ(kt, sys_gettid(), curlwp()->l_tid);
	KT_EQ(kt, sys_uname(&u), 0);
	KT_EQ(kt, strcmp(u.sysname, "Linux"), 0);
	KT_EQ(kt, sys_umask(077), 022);
	KT_EQ(kt, sys_umask(022), 077);
	KT_EQ(kt, sys_dup2(0, 5), -EBADF);  /* a fresh process: no fds */
}
