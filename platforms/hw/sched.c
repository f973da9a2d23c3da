/*
 * sched.c -- the cooperative scheduler: run queue, wait queues, the
 * timer list for timed sleeps, thread creation and exit, and the idle
 * loop.  A thread leaves the CPU only inside rumphw_sched_block/yield/
 * thread_exit; interrupts never switch threads.  After every switch the
 * new thread finishes what the old one could not do on its own stack
 * (freeing it after exit).
 */
#include "hw/console.h"
#include "hw/hyp.h"
#include "hw/lib.h"
#include "hw/mem.h"
#include "hw/sched.h"

struct rumphw_cpu rumphw_cpu0;
static struct rumphw_thread *allthreads;

void rumphw_tq_init(struct rumphw_tq *q)
{
	q->head = q->tail = NULL;
}

static void tq_append(struct rumphw_tq *q, struct rumphw_thread *t)
{
	t->q = q;
	t->q_next = NULL;
	t->q_prev = q->tail;
	if (q->tail)
		q->tail->q_next = t;
	else
		q->head = t;
	q->tail = t;
}

static void tq_remove(struct rumphw_thread *t)
{
	struct rumphw_tq *q = t->q;

	if (t->q_prev)
		t->q_prev->q_next = t->q_next;
	else
		q->head = t->q_next;
	if (t->q_next)
		t->q_next->q_prev = t->q_prev;
	else
		q->tail = t->q_prev;
	t->q = NULL;
	t->q_next = t->q_prev = NULL;
}

static void timer_insert(struct rumphw_thread *t, uint64_t deadline)
{
	struct rumphw_cpu *cpu = t->cpu;
	struct rumphw_thread **pp = &cpu->timers, *prev = NULL;

	while (*pp && (*pp)->deadline <= deadline) {
		prev = *pp;
		pp = &(*pp)->t_next;
	}
	t->deadline = deadline;
	t->t_prev = prev;
	t->t_next = *pp;
	if (*pp)
		(*pp)->t_prev = t;
	*pp = t;
	t->on_timers = true;
}

static void timer_remove(struct rumphw_thread *t)
{
	if (t->t_prev)
		t->t_prev->t_next = t->t_next;
	else
		t->cpu->timers = t->t_next;
	if (t->t_next)
		t->t_next->t_prev = t->t_prev;
	t->t_next = t->t_prev = NULL;
	t->on_timers = false;
}

static void make_runnable(struct rumphw_thread *t)
{
	t->state = THR_RUNNABLE;
	tq_append(&t->cpu->runq, t);
}

static void run_timers(struct rumphw_cpu *cpu)
{
	uint64_t now;

	if (cpu->timers == NULL)
		return;
	now = rumphw_md_nsec();
	while (cpu->timers && cpu->timers->deadline <= now) {
		struct rumphw_thread *t = cpu->timers;
		timer_remove(t);
		if (t->q)
			tq_remove(t);
		t->timedout = true;
		make_runnable(t);
	}
}

static void thread_free(struct rumphw_thread *t)
{
	struct rumphw_thread **pp;

	for (pp = &allthreads; *pp != t; pp = &(*pp)->all_next)
		;
	*pp = t->all_next;
	rumphw_md_page_remap((uintptr_t)t->stackbase);
	rumphw_page_free(t->stackbase, t->stackpages);
	rumphw_free(t, sizeof(*t));
}

/* After a switch: finish the thread we came from if it exited. */
static void finish_switch(struct rumphw_cpu *cpu)
{
	struct rumphw_thread *prev = cpu->prev;

	cpu->prev = NULL;
	if (prev == NULL || prev->state != THR_ZOMBIE)
		return;
	if (prev->joinable) {
		prev->done = true;
		rumphw_tq_wakeall(&prev->joiners);
	} else {
		thread_free(prev);
	}
}

/* Switch to the next runnable thread (or idle); the caller has put the
 * current one where it belongs (wait queue, run queue, or zombie). */
static void sched_switch(void)
{
	struct rumphw_cpu *cpu = rumphw_curcpu();
	struct rumphw_thread *prev = cpu->curthread, *next;

	run_timers(cpu);
	next = cpu->runq.head;
	if (next)
		tq_remove(next);
	else
		next = &cpu->idle;
	if (next == prev) {
		prev->state = THR_RUNNING;
		return;
	}
	next->state = THR_RUNNING;
	cpu->curthread = next;
	cpu->prev = prev;
	if (next->tls != prev->tls)
		rumphw_md_settls(next->tls);
	rumphw_md_switch(&prev->ctx, &next->ctx);
	finish_switch(rumphw_curcpu());
}

bool rumphw_sched_block(struct rumphw_tq *q, uint64_t deadline)
{
	struct rumphw_thread *t = rumphw_curthread();

	if (t == &t->cpu->idle)
		rumphw_panic("the idle thread cannot block");
	t->state = THR_BLOCKED;
	t->timedout = false;
	if (q)
		tq_append(q, t);
	if (deadline)
		timer_insert(t, deadline);
	sched_switch();
	return !t->timedout;
}

void rumphw_sched_wake(struct rumphw_thread *t)
{
	if (t->state != THR_BLOCKED)
		return;
	if (t->q)
		tq_remove(t);
	if (t->on_timers)
		timer_remove(t);
	make_runnable(t);
}

int rumphw_tq_wakeone(struct rumphw_tq *q)
{
	if (q->head == NULL)
		return 0;
	rumphw_sched_wake(q->head);
	return 1;
}

int rumphw_tq_wakeall(struct rumphw_tq *q)
{
	int n = 0;

	while (q->head) {
		rumphw_sched_wake(q->head);
		n++;
	}
	return n;
}

void rumphw_sched_yield(void)
{
	struct rumphw_thread *t = rumphw_curthread();

	if (t == &t->cpu->idle)
		return;
	make_runnable(t);
	sched_switch();
}

void rumphw_sched_init(void)
{
	struct rumphw_cpu *cpu = rumphw_curcpu();

	rumphw_tq_init(&cpu->runq);
	rumphw_strlcpy(cpu->idle.name, "idle", sizeof(cpu->idle.name));
	cpu->idle.cpu = cpu;
	cpu->idle.state = THR_RUNNING;
	cpu->curthread = &cpu->idle;
}

int rumphw_thread_create(const char *name, void *(*fn)(void *), void *arg,
    size_t stacksize, bool joinable, struct rumphw_thread **tp)
{
	struct rumphw_thread *t;

	if (stacksize == 0)
		stacksize = RUMPHW_STACK_DEFAULT;
	stacksize = ROUNDUP(MAX(stacksize, RUMPHW_STACK_MIN), PAGE_SIZE);
	if ((t = rumphw_alloc(sizeof(*t))) == NULL)
		return HW_ENOMEM;
	t->stackpages = (stacksize >> PAGE_SHIFT) + 1;
	if ((t->stackbase = rumphw_page_alloc(t->stackpages, 1)) == NULL)
		goto out_free_thread;
	if (rumphw_md_page_unmap((uintptr_t)t->stackbase) != 0)
		goto out_free_stack;
	rumphw_strlcpy(t->name, name ? name : "thread", sizeof(t->name));
	t->fn = fn;
	t->arg = arg;
	t->joinable = joinable;
	rumphw_tq_init(&t->joiners);
	t->cpu = rumphw_curcpu();
	rumphw_md_ctx_init(&t->ctx, t->stackbase + (t->stackpages << PAGE_SHIFT),
	    t);
	t->all_next = allthreads;
	allthreads = t;
	make_runnable(t);
	*tp = t;
	return 0;

out_free_stack:
	rumphw_page_free(t->stackbase, t->stackpages);
out_free_thread:
	rumphw_free(t, sizeof(*t));
	return HW_ENOMEM;
}

void rumphw_thread_start(void *arg)
{
	struct rumphw_thread *t = arg;

	finish_switch(rumphw_curcpu());
	t->fn(t->arg);
	rumphw_thread_exit();
}

void rumphw_thread_exit(void)
{
	struct rumphw_thread *t = rumphw_curthread();

	/* A thread that still has an lwp bound lets the kernel free it. */
	if (t->lwp && rumphw_hyp && rumphw_hyp->hyp_lwpexit) {
		void *lwp = t->lwp;
		t->lwp = NULL;
		rumphw_hyp->hyp_lwpexit(lwp);
	}
	t->state = THR_ZOMBIE;
	sched_switch();
	rumphw_panic("zombie thread \"%s\" ran again", t->name);
}

void rumphw_thread_join(struct rumphw_thread *t)
{
	while (!t->done)
		rumphw_sched_block(&t->joiners, 0);
	thread_free(t);
}

/* How often the idle loop polls console input without an interrupt. */
#define CONSOLE_POLL_NS 10000000ULL

void rumphw_sched_idle(void)
{
	struct rumphw_cpu *cpu = rumphw_curcpu();

	for (;;) {
		uint64_t deadline;
		bool readers;

		run_timers(cpu);
		readers = rumphw_console_poll();
		if (cpu->runq.head) {
			sched_switch();
			continue;
		}
		deadline = cpu->timers ? cpu->timers->deadline : 0;
		if (readers && !rumphw_md_console_has_intr()) {
			uint64_t poll = rumphw_md_nsec() + CONSOLE_POLL_NS;
			if (deadline == 0 || poll < deadline)
				deadline = poll;
		}
		/*
		 * Nothing runnable, no timer, no console reader: nothing can
		 * ever wake a thread.  (A device driver that wakes threads
		 * from its interrupt must be counted here when one exists;
		 * virtio-rng polls with timers.)
		 */
		if (deadline == 0 && !readers && allthreads) {
			rumphw_printf("\nrumphw: deadlock: every thread waits "
				      "and nothing can wake one\n");
			rumphw_sched_dump();
			rumphw_md_exit(RUMPUSER_PANIC);
		}
		rumphw_md_timer_set(deadline);
		rumphw_md_idle();
	}
}

void rumphw_sched_dump(void)
{
	static const char *const states[] = { "running", "runnable", "blocked",
		"zombie" };
	int n = 0;

	rumphw_printf("threads:\n");
	for (struct rumphw_thread *t = allthreads; t && n < 64;
	     t = t->all_next, n++)
		rumphw_printf("  %-23s %-8s%s stack %p-%p\n", t->name,
		    states[t->state], t->on_timers ? " (timed)" : "",
		    (void *)(t->stackbase + PAGE_SIZE),
		    (void *)(t->stackbase + (t->stackpages << PAGE_SHIFT)));
}
