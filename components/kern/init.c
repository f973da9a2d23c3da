/*
 * init.c -- rump_init(): bootstrap the kernel core, then every linked
 * component in level order.
 */
#include "kern_int.h"
#include <rumpuser.h>
#include <rump/rump.h>

#define RUMP_VERSION_NUM 10 /* 0.10 */

static const struct rumpuser_hyperup hyperup = {
	.hyp_unschedule = hyp_unschedule,
	.hyp_schedule = hyp_schedule,
	.hyp_lwpexit = hyp_lwpexit,
};

/* The link set; weak so a kernel without components still links. */
extern const struct rump_component __start_rump_components[]
    __attribute__((__weak__));
extern const struct rump_component __stop_rump_components[]
    __attribute__((__weak__));

static int init_state; /* 0: not yet, 1: done, -errno: failed */

int
rump_getversion(void)
{
	return RUMP_VERSION_NUM;
}

static int
component_cmp(const struct rump_component *a, const struct rump_component *b)
{
	if (a->rc_level != b->rc_level)
		return a->rc_level < b->rc_level ? -1 : 1;
	return strcmp(a->rc_name, b->rc_name);
}

/* Run the components' init functions in order; -errno of the first failure. */
static int
components_init(void)
{
	const struct rump_component *start = __start_rump_components;
	size_t n = (size_t)(__stop_rump_components - start);
	const struct rump_component **order;
	int error = 0;

	if (start == NULL || n == 0)
		return 0;
	order = kmem_alloc(n * sizeof(*order), KM_SLEEP);
	if (order == NULL)
		return -ENOMEM;
	/* Insertion sort: a few dozen entries, and the order is stable. */
	for (size_t i = 0; i < n; i++) {
		size_t j = i;
		while (j > 0 && component_cmp(order[j - 1], &start[i]) > 0) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = &start[i];
	}
	for (size_t i = 0; i < n; i++) {
		aprint_verbose("rump: init %s (level %d)\n", order[i]->rc_name,
		    order[i]->rc_level);
		error = order[i]->rc_init();
		if (error != 0) {
			printf("rump_init: component %s failed: error %d\n",
			    order[i]->rc_name, -error);
			break;
		}
	}
	kmem_free(order, n * sizeof(*order));
	return error;
}

int
rump_init(void)
{
	int error;

	if (init_state == 1)
		return 0;
	if (init_state < 0)
		return -init_state;

	error = rumpuser_init(RUMPUSER_VERSION, &hyperup);
	if (error != 0) {
		printf("rump_init: the host's hypercall interface does not "
		       "accept version %d (error %d)\n", RUMPUSER_VERSION, error);
		return error;
	}
	/* Nothing has been started yet: a bad parameter leaves no trace. */
	if (param_parse() != 0)
		return EINVAL;

	time_init();
	sched_init(ncpu);
	proc_init(NULL);
	rump_schedule();
	kmem_init();
	memlimit_init();
	aprint_verbose("rump: kernel %d.%d booting: %d virtual CPU%s, "
	    "memory limit %s\n", RUMP_VERSION_NUM / 100, RUMP_VERSION_NUM % 100,
	    ncpu, ncpu == 1 ? "" : "s",
	    memlimit_bytes == UINT64_MAX ? "none" : "set");
	if (memlimit_bytes != UINT64_MAX)
		aprint_verbose("rump: memory limit %lu bytes\n",
		    (unsigned long)memlimit_bytes);

	/* The default process first, so that it gets pid 1. */
	error = proc_create_default();
	if (error == 0)
		error = callout_start();
	if (error == 0) {
		pagedaemon_start();
		error = components_init();
	}
	proc_lwp0_release();
	if (error != 0) {
		init_state = error;
		return -error;
	}
	aprint_verbose("rump: kernel ready\n");
	init_state = 1;
	return 0;
}
