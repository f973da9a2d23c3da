/*
 * futex.c -- fast user-space locking: threads sleep on a 32-bit word's
 * address until woken.  Every caller shares one address space, so the
 * address alone is the key, private (FUTEX_PRIVATE_FLAG) or not.
 * Priority inheritance (the *_PI operations) is not implemented.
 * Waiters hang in a hash of queues under one lock: requeueing moves a
 * sleeper between queues, and with a single lock the sleeper's mutex
 * never changes under it.  Each waiter sleeps on its own condvar.
 */
#include "sys_int.h"
#include <abi/futex.h>

#define FUTEX_HASHSIZE 256

struct futex_waiter {
	uint32_t *fw_addr;
	uint32_t fw_bitset;
	bool fw_woken;
	kcondvar_t fw_cv;
	struct futex_waiter *fw_next, **fw_prevp;
};

static kmutex_t futex_lock;
static struct futex_waiter *futex_hash[FUTEX_HASHSIZE];

void
futex_init(void)
{
	mutex_init(&futex_lock, MUTEX_DEFAULT);
}

static struct futex_waiter **
futex_bucket(const uint32_t *addr)
{
	uintptr_t a = (uintptr_t)addr >> 2;

	return &futex_hash[(a ^ (a >> 8) ^ (a >> 16)) % FUTEX_HASHSIZE];
}

static void
fw_link(struct futex_waiter *w, uint32_t *addr)
{
	struct futex_waiter **b = futex_bucket(addr);

	w->fw_addr = addr;
	w->fw_next = *b;
	if (*b != NULL)
		(*b)->fw_prevp = &w->fw_next;
	w->fw_prevp = b;
	*b = w;
}

static void
fw_unlink(struct futex_waiter *w)
{
	*w->fw_prevp = w->fw_next;
	if (w->fw_next != NULL)
		w->fw_next->fw_prevp = w->fw_prevp;
}

/* Read the futex word; -EFAULT / -EINVAL for bad addresses. */
static int
futex_load(uint32_t *uaddr, uint32_t *valp)
{
	if (((uintptr_t)uaddr & 3) != 0)
		return -EINVAL;
	if (!uaddr_ok(uaddr, sizeof(*uaddr)))
		return -EFAULT;
	*valp = __atomic_load_n(uaddr, __ATOMIC_SEQ_CST);
	return 0;
}

/* Wait on uaddr while it holds val, until deadline (monotonic, <0: none). */
static int
futex_wait(uint32_t *uaddr, uint32_t val, uint32_t bitset, int64_t deadline)
{
	struct futex_waiter w;
	uint32_t cur;
	int error;

	if (bitset == 0)
		return -EINVAL;
	mutex_enter(&futex_lock);
	error = futex_load(uaddr, &cur);
	if (error != 0 || cur != val) {
		mutex_exit(&futex_lock);
		return error != 0 ? error : -EAGAIN;
	}
	w.fw_bitset = bitset;
	w.fw_woken = false;
	cv_init(&w.fw_cv);
	fw_link(&w, uaddr);
	while (!w.fw_woken) {
		int64_t left = -1;

		if (deadline >= 0) {
			left = deadline - nanouptime_ns();
			if (left <= 0) {
				error = -ETIMEDOUT;
				break;
			}
		}
		error = cv_timedwait_sig(&w.fw_cv, &futex_lock, left);
		if (error == -EINTR)
			break;
		error = 0;
	}
	if (w.fw_woken)
		error = 0;  /* a wake-up that raced with the end counts */
	else
		fw_unlink(&w);
	/* As Linux: an untimed wait resumes after SA_RESTART handlers. */
	if (error == -EINTR && deadline < 0)
		error = -ERESTARTSYS;
	mutex_exit(&futex_lock);
	cv_destroy(&w.fw_cv);
	return error;
}

/* Wake up to n waiters on uaddr matching bitset (futex_lock held). */
static int
futex_wake_locked(uint32_t *uaddr, int n, uint32_t bitset)
{
	struct futex_waiter *w, *next;
	int woken = 0;

	for (w = *futex_bucket(uaddr); w != NULL && woken < n; w = next) {
		next = w->fw_next;
		if (w->fw_addr != uaddr || !(w->fw_bitset & bitset))
			continue;
		fw_unlink(w);
		w->fw_woken = true;
		cv_signal(&w->fw_cv);
		woken++;
	}
	return woken;
}

static int
futex_wake_addr2(uint32_t *uaddr, int n, uint32_t bitset)
{
	int r;

	mutex_enter(&futex_lock);
	r = futex_wake_locked(uaddr, n, bitset);
	mutex_exit(&futex_lock);
	return r;
}

int
futex_wake_addr(void *uaddr, int n)
{
	return futex_wake_addr2(uaddr, n, FUTEX_BITSET_MATCH_ANY);
}

static int
futex_wake(uint32_t *uaddr, int n, uint32_t bitset)
{
	uint32_t dummy;
	int error;

	if (bitset == 0)
		return -EINVAL;
	if (n <= 0)
		return 0;
	error = futex_load(uaddr, &dummy);
	if (error != 0)
		return error;
	return futex_wake_addr2(uaddr, n, bitset);
}

/* Wake nwake waiters on uaddr, move up to nmove others to uaddr2. */
static int
futex_requeue(uint32_t *uaddr, uint32_t *uaddr2, int nwake, int nmove,
    bool cmp, uint32_t val3)
{
	struct futex_waiter *w, *next;
	uint32_t cur;
	int error, done, moved = 0;

	if (nwake < 0 || nmove < 0)
		return -EINVAL;
	if (((uintptr_t)uaddr2 & 3) != 0)
		return -EINVAL;
	if (!uaddr_ok(uaddr2, sizeof(*uaddr2)))
		return -EFAULT;
	mutex_enter(&futex_lock);
	error = futex_load(uaddr, &cur);
	if (error == 0 && cmp && cur != val3)
		error = -EAGAIN;
	if (error != 0) {
		mutex_exit(&futex_lock);
		return error;
	}
	done = futex_wake_locked(uaddr, nwake, FUTEX_BITSET_MATCH_ANY);
	for (w = *futex_bucket(uaddr); w != NULL && moved < nmove; w = next) {
		next = w->fw_next;
		if (w->fw_addr != uaddr)
			continue;
		fw_unlink(w);
		fw_link(w, uaddr2);
		moved++;
	}
	mutex_exit(&futex_lock);
	return done + moved;
}

/* Sign-extend the low 12 bits of x (FUTEX_WAKE_OP's arguments). */
static int32_t
sext12(uint32_t x)
{
	return (int32_t)(x << 20) >> 20;
}

/*
 * FUTEX_WAKE_OP: atomically apply the operation encoded in val3 to
 * *uaddr2, wake up to nwake on uaddr, and if the old *uaddr2 passes the
 * encoded comparison also up to nwake2 on uaddr2.
 */
static int
futex_wake_op(uint32_t *uaddr, uint32_t *uaddr2, int nwake, int nwake2,
    uint32_t val3)
{
	unsigned int op = (val3 >> 28) & 0xf, cmp = (val3 >> 24) & 0xf;
	int32_t oparg = sext12(val3 >> 12), cmparg = sext12(val3);
	uint32_t old, new, dummy;
	bool hit;
	int error, woken;

	if (op & FUTEX_OP_OPARG_SHIFT) {
		if (oparg < 0 || oparg > 31)
			return -EINVAL;
		oparg = (int32_t)(1U << oparg);
		op &= ~FUTEX_OP_OPARG_SHIFT;
	}
	if (op > FUTEX_OP_XOR || cmp > FUTEX_OP_CMP_GE)
		return -ENOSYS;
	error = futex_load(uaddr, &dummy);
	if (error == 0)
		error = futex_load(uaddr2, &old);
	if (error != 0)
		return error;
	mutex_enter(&futex_lock);
	old = __atomic_load_n(uaddr2, __ATOMIC_SEQ_CST);
	do {
		switch (op) {
		case FUTEX_OP_SET:  new = (uint32_t)oparg; break;
		case FUTEX_OP_ADD:  new = old + (uint32_t)oparg; break;
		case FUTEX_OP_OR:   new = old | (uint32_t)oparg; break;
		case FUTEX_OP_ANDN: new = old & ~(uint32_t)oparg; break;
		default:            new = old ^ (uint32_t)oparg; break;
		}
	} while (!__atomic_compare_exchange_n(uaddr2, &old, new, 0,
	    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST));
	switch (cmp) {
	case FUTEX_OP_CMP_EQ: hit = (int32_t)old == cmparg; break;
	case FUTEX_OP_CMP_NE: hit = (int32_t)old != cmparg; break;
	case FUTEX_OP_CMP_LT: hit = (int32_t)old < cmparg; break;
	case FUTEX_OP_CMP_LE: hit = (int32_t)old <= cmparg; break;
	case FUTEX_OP_CMP_GT: hit = (int32_t)old > cmparg; break;
	default:              hit = (int32_t)old >= cmparg; break;
	}
	woken = futex_wake_locked(uaddr, nwake, FUTEX_BITSET_MATCH_ANY);
	if (hit)
		woken += futex_wake_locked(uaddr2, nwake2,
		    FUTEX_BITSET_MATCH_ANY);
	mutex_exit(&futex_lock);
	return woken;
}

long
sys_futex(uint32_t *uaddr, int op, uint32_t val,
    const struct timespec *timeout, uint32_t *uaddr2, uint32_t val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	int64_t deadline = -1, ns, now;
	int error;

	if ((op & FUTEX_CLOCK_REALTIME) && cmd != FUTEX_WAIT &&
	    cmd != FUTEX_WAIT_BITSET)
		return -ENOSYS;
	switch (cmd) {
	case FUTEX_WAIT:
	case FUTEX_WAIT_BITSET:
		if (timeout != NULL) {
			error = ts_import(timeout, &ns);
			if (error != 0)
				return error;
			if (cmd == FUTEX_WAIT) {
				deadline = deadline_from(ns);  /* relative */
			} else {
				clock_read((op & FUTEX_CLOCK_REALTIME)
				    ? CLOCK_REALTIME : CLOCK_MONOTONIC, &now);
				deadline = deadline_from(ns > now ? ns - now : 0);
			}
		}
		return futex_wait(uaddr, val, cmd == FUTEX_WAIT
		    ? FUTEX_BITSET_MATCH_ANY : val3, deadline);
	case FUTEX_WAKE:
		return futex_wake(uaddr, (int)MIN(val, (uint32_t)INT_MAX),
		    FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAKE_BITSET:
		return futex_wake(uaddr, (int)MIN(val, (uint32_t)INT_MAX),
		    val3);
	case FUTEX_REQUEUE:
	case FUTEX_CMP_REQUEUE:
		/* The fourth argument is a count here, not a pointer. */
		return futex_requeue(uaddr, uaddr2, (int)val,
		    (int)(uintptr_t)timeout, cmd == FUTEX_CMP_REQUEUE, val3);
	case FUTEX_WAKE_OP:
		return futex_wake_op(uaddr, uaddr2, (int)MIN(val, INT_MAX),
		    (int)MIN((uintptr_t)timeout, INT_MAX), val3);
	default:
		/* The priority-inheritance operations are not implemented. */
		return -ENOSYS;
	}
}

/*
 * A robust futex word held by the exiting tid: mark its owner dead and
 * wake a waiter, as Linux's exit does for robust mutexes.
 */
static void
robust_release(uint32_t *uaddr, pid_t tid)
{
	uint32_t old, new;

	if (((uintptr_t)uaddr & 3) != 0 || !uaddr_ok(uaddr, sizeof(*uaddr)))
		return;
	old = __atomic_load_n(uaddr, __ATOMIC_SEQ_CST);
	do {
		if ((old & FUTEX_TID_MASK) != (uint32_t)tid)
			return;
		new = (old & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
	} while (!__atomic_compare_exchange_n(uaddr, &old, new, 0,
	    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST));
	if (old & FUTEX_WAITERS)
		(void)futex_wake_addr(uaddr, 1);
}

/* Copy in one user pointer; false if it cannot be read. */
static bool
robust_load(const void *uaddr, void *valp)
{
	return copyin(uaddr, valp, sizeof(void *)) == 0;
}

void
futex_robust_exit(struct lwp *l)
{
	struct robust_list_head head;
	struct robust_list *entry, *pending;
	int n = 0;

	if (l->l_robust_list == NULL)
		return;
	if (copyin(l->l_robust_list, &head, sizeof(head)) != 0)
		return;
	pending = head.list_op_pending;
	entry = head.list.next;
	/* The list is circular through the head; bounded against loops. */
	while (entry != NULL && entry != l->l_robust_list &&
	    n++ < ROBUST_LIST_LIMIT) {
		struct robust_list *next;

		/* entry is a user address, maybe misaligned or impossible:
		 * no member access through it (next is at offset 0) and
		 * the offset is added as an integer. */
		if (!robust_load(entry, &next))
			break;
		if (entry != pending)
			robust_release((uint32_t *)((uintptr_t)entry +
			    (uintptr_t)head.futex_offset), l->l_tid);
		entry = next;
	}
	if (pending != NULL)
		robust_release((uint32_t *)((uintptr_t)pending +
		    (uintptr_t)head.futex_offset), l->l_tid);
	l->l_robust_list = NULL;
}
