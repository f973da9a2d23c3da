/* test_tcp_loss.c -- TCP over a lossy loopback: the test-only knobs
 * RUMP_TCP_DROP, RUMP_TCP_DUP and RUMP_TCP_REORDER (per mille, read at
 * boot) drop, duplicate and reorder 5% of the segments TCP sends each;
 * a 20 MiB transfer must still arrive byte for byte and both ends
 * close cleanly (retransmission, fast recovery, reassembly, SACK), also
 * with data flowing both ways at once (data segments then carry SACK
 * blocks, which must fit within the MSS beside the data). */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_syscalls.h>

#include "test_tcp_lib.h"

static int
setup(void **state)
{
	(void)state;
	setenv("RUMP_TCP_DROP", "50", 0);
	setenv("RUMP_TCP_DUP", "50", 0);
	setenv("RUMP_TCP_REORDER", "50", 0);
	return rump_init();
}

static void
test_lossy_20m(void **state)
{
	(void)state;
	tt_bulk(7101, 20u << 20, 0);
}

static void
test_lossy_both_ways(void **state)
{
	struct tt_bulk_arg out[2], in[2];
	pthread_t t[4];
	int l, fd[2];

	(void)state;
	l = tt_listener(7103, 5);
	fd[0] = tt_connect(7103);
	fd[1] = tt_accept(l);
	for (int i = 0; i < 2; i++) {
		out[i] = (struct tt_bulk_arg){ .fd = fd[i], .total = 6u << 20,
		    .chunk = 65536, .shut = 1 };
		in[i] = (struct tt_bulk_arg){ .fd = fd[1 - i] };
		assert_int_equal(pthread_create(&t[2 * i], NULL,
		    tt_bulk_sender, &out[i]), 0);
		assert_int_equal(pthread_create(&t[2 * i + 1], NULL,
		    tt_bulk_reader, &in[i]), 0);
	}
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(out[i].error, 0);
		assert_int_equal(in[i].error, 0);
		assert_int_equal(in[i].bad, 0);
		assert_int_equal(in[i].got, out[i].total);
		assert_true(in[i].sum == out[i].sum);
		assert_int_equal(rump_sys_close(fd[i]), 0);
	}
	assert_int_equal(rump_sys_close(l), 0);
}

static void
test_lossy_small_exchanges(void **state)
{
	char buf[32];
	int l, c, s;

	(void)state;
	/* Many short request/response rounds: lost SYNs, FINs and
	 * single segments all need the retransmission timer. */
	for (int i = 0; i < 20; i++) {
		l = tt_listener(7102, 5);
		c = tt_connect(7102);
		s = tt_accept(l);
		assert_int_equal(rump_sys_write(c, "request", 7), 7);
		assert_int_equal(rump_sys_recvfrom(s, buf, 7, MSG_WAITALL,
		    NULL, NULL), 7);
		assert_int_equal(rump_sys_write(s, "response", 8), 8);
		assert_int_equal(rump_sys_recvfrom(c, buf, 8, MSG_WAITALL,
		    NULL, NULL), 8);
		assert_int_equal(rump_sys_close(c), 0);
		assert_int_equal(rump_sys_read(s, buf, sizeof(buf)), 0);
		assert_int_equal(rump_sys_close(s), 0);
		assert_int_equal(rump_sys_close(l), 0);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lossy_20m),
		cmocka_unit_test(test_lossy_both_ways),
		cmocka_unit_test(test_lossy_small_exchanges),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
