/* shmif_pair.h -- two hosted rump kernels (two processes of one test,
 * test_*_shmif.c) on one shared-memory bus: the bus in a fresh
 * directory for the test group, booting a side with its address on the
 * bus, and waiting for a side to pass.  Define SHMIF_PAIR_NAME (the
 * test's name: the directory's prefix) before including this. */
#ifndef SHMIF_PAIR_H
#define SHMIF_PAIR_H

static char sp_dir[64], sp_bus[128];

/* sp_setup: cmocka group setup: the directory and the bus's spec. */
static __attribute__((unused)) int
sp_setup(void **state)
{
	(void)state;
	snprintf(sp_dir, sizeof(sp_dir), "/tmp/%s.XXXXXX", SHMIF_PAIR_NAME);
	if (mkdtemp(sp_dir) == NULL)
		return -1;
	snprintf(sp_bus, sizeof(sp_bus), "shmif:%s/bus", sp_dir);
	return 0;
}

/* sp_teardown: cmocka group teardown: the bus and its directory go. */
static __attribute__((unused)) int
sp_teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", sp_dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* sp_boot: in a child: boot this process's kernel with interface shm0
 * on the bus at addr/24; on failure say why as who and _exit(1). */
static __attribute__((unused)) void
sp_boot(const char *who, const char *addr)
{
	const char *what;
	struct in_addr in;
	int e;

	if ((e = rump_init()) != 0)
		what = "rump_init";
	else if ((e = rump_net_if_create("shm0", sp_bus)) != 0)
		what = "rump_net_if_create";
	else {
		inet_pton(AF_INET, addr, &in);
		if ((e = rump_net_if_setaddr("shm0", in.s_addr, 24)) == 0)
			return;
		what = "rump_net_if_setaddr";
	}
	fprintf(stderr, "%s: %s: %s\n", who, what, strerror(e));
	_exit(1);
}

/* sp_wait_ok: wait for the child pid, which must have exited with 0. */
static __attribute__((unused)) void
sp_wait_ok(pid_t pid)
{
	int st;

	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

#endif /* SHMIF_PAIR_H */
