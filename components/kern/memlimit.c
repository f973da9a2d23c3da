/*
 * memlimit.c -- RUMP_MEMLIMIT accounting and the page daemon.
 *
 * mem_used counts every byte the kernel holds from the host.  Crossing
 * the high-water mark (7/8 of the limit) wakes the page daemon, which
 * asks the shrinkers for memory until usage is below the low-water mark
 * (3/4).  An allocation that would cross the limit itself runs the
 * shrinkers synchronously and fails with -ENOMEM if that did not help.
 */
#include "kern_int.h"
#include <rumpuser.h>

uint64_t memlimit_bytes = UINT64_MAX;
static uint64_t mem_used;
static uint64_t hiwat = UINT64_MAX, lowat = UINT64_MAX;

static kmutex_t shrink_lock;         /* shrinker list; held while shrinking */
static kmutex_t pd_lock;             /* page daemon wake-up */
static kcondvar_t pagedaemon_cv;
static bool pagedaemon_wanted;
static bool pagedaemon_running;

void
memlimit_init(void)
{
	if (memlimit_bytes != UINT64_MAX) {
		hiwat = memlimit_bytes - memlimit_bytes / 8;
		lowat = memlimit_bytes - memlimit_bytes / 4;
	}
	mutex_init(&shrink_lock, MUTEX_DEFAULT);
	mutex_init(&pd_lock, MUTEX_DEFAULT);
	cv_init(&pagedaemon_cv);
}

void
mem_stats(uint64_t *usedp, uint64_t *limitp)
{
	*usedp = __atomic_load_n(&mem_used, __ATOMIC_RELAXED);
	*limitp = memlimit_bytes;
}

static struct shrinker *shrinker_list;

void
shrinker_register(struct shrinker *s)
{
	mutex_enter(&shrink_lock);
	s->next = shrinker_list;
	shrinker_list = s;
	mutex_exit(&shrink_lock);
}

void
shrinker_unregister(struct shrinker *s)
{
	struct shrinker **sp;

	mutex_enter(&shrink_lock);
	for (sp = &shrinker_list; *sp != NULL; sp = &(*sp)->next) {
		if (*sp == s) {
			*sp = s->next;
			break;
		}
	}
	mutex_exit(&shrink_lock);
}

/*
 * Ask the shrinkers for want bytes, until that much came back.  One
 * thread shrinks at a time and the others wait for it, since what it
 * frees may be what they need -- except a shrinker that allocates and
 * lands here again, which goes on without.
 */
static struct lwp *shrinking_lwp;

static size_t
run_shrinkers(size_t want)
{
	size_t got = 0;

	if (__atomic_load_n(&shrinking_lwp, __ATOMIC_RELAXED) == curlwp())
		return 0;
	mutex_enter(&shrink_lock);
	__atomic_store_n(&shrinking_lwp, curlwp(), __ATOMIC_RELAXED);
	for (struct shrinker *s = shrinker_list; s != NULL && got < want;
	     s = s->next)
		got += s->shrink(want - got);
	__atomic_store_n(&shrinking_lwp, NULL, __ATOMIC_RELAXED);
	mutex_exit(&shrink_lock);
	return got;
}

static void
pagedaemon_kick(void)
{
	if (!pagedaemon_running || curlwp() == NULL || curlwp()->l_cpu == NULL)
		return;
	mutex_enter(&pd_lock);
	if (!pagedaemon_wanted) {
		pagedaemon_wanted = true;
		cv_signal(&pagedaemon_cv);
	}
	mutex_exit(&pd_lock);
}

int
mem_reserve(size_t n)
{
	uint64_t v = __atomic_add_fetch(&mem_used, n, __ATOMIC_RELAXED);

	if (__predict_true(v <= hiwat))
		return 0;
	if (v <= memlimit_bytes) {
		pagedaemon_kick();
		return 0;
	}
	__atomic_sub_fetch(&mem_used, n, __ATOMIC_RELAXED);

	/* Over the limit: shrink now, then try once more. */
	if (curlwp() != NULL && curlwp()->l_cpu != NULL)
		run_shrinkers(v - lowat);
	v = __atomic_add_fetch(&mem_used, n, __ATOMIC_RELAXED);
	if (v <= memlimit_bytes)
		return 0;
	__atomic_sub_fetch(&mem_used, n, __ATOMIC_RELAXED);
	return -ENOMEM;
}

/*
 * The host had no memory although the limit allowed it: ask the caches
 * for want bytes, as rumpkernel(7) says, so the caller can try again.
 * True if anything came back.
 */
bool
mem_host_exhausted(size_t want)
{
	if (curlwp() == NULL || curlwp()->l_cpu == NULL)
		return false;
	return run_shrinkers(want) > 0;
}

void
mem_unreserve(size_t n)
{
	__atomic_sub_fetch(&mem_used, n, __ATOMIC_RELAXED);
}

static void
pagedaemon(void *arg)
{
	(void)arg;
	mutex_enter(&pd_lock);
	for (;;) {
		while (!pagedaemon_wanted)
			cv_wait(&pagedaemon_cv, &pd_lock);
		pagedaemon_wanted = false;
		mutex_exit(&pd_lock);
		uint64_t used = __atomic_load_n(&mem_used, __ATOMIC_RELAXED);
		if (used > lowat)
			run_shrinkers(used - lowat);
		mutex_enter(&pd_lock);
	}
}

void
pagedaemon_start(void)
{
	/* Without a limit there is nothing to watch. */
	if (memlimit_bytes == UINT64_MAX)
		return;
	if (kthread_create(pagedaemon, NULL, "pagedaemon", false, NULL) == 0)
		pagedaemon_running = true;
}
