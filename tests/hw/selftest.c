/*
 * selftest.c -- the hw platform's self-test image: a rumprun_main that
 * drives every part of rumpuser.h the way a kernel would and reports in
 * TAP style.  Boot command line (tests/hw/hw.bats):
 *   SELFTEST_KEY=hello SELFTEST_QUOTED="two words" [SELFTEST_EXIT=n]
 *   [SELFTEST_READ=1] -- rest AFTER=1
 * Prints "selftest: all N checks passed" and returns SELFTEST_EXIT
 * (default 0), or returns 1 after a failed check.  SELFTEST_QUICK=1 runs
 * only a thread switch with floating-point state: the accelerator probe.
 */
#include "tsupport.h"

#define MS 1000000LL
#define E2BIG 7
#define ENOENT 2
#define EINVAL 22
#define ENOMEM 12
#define EBUSY 16
#define EBADF 9
#define ENXIO 6
#define ETIMEDOUT 110

/* Usable RAM (_RUMPUSER_MEMSIZE): memory-hungry checks scale with it,
 * so the image also runs in small guests (-m 4). */
static long long memsize;

void rumpuser_hw_settls(void *tp);
void *rumpuser_hw_gettls(void);
int rumprun_main(const char *cmdline);

/* ------------------------------------------------------------------ */
/* Upcalls: count them, and record lwpexit. */

static int nsched, nunsched;
static void *lwpexit_seen;

static void up_schedule(void)
{
	nsched++;
}

static void up_unschedule(void)
{
	nunsched++;
}

static void up_lwpexit(void *lwp)
{
	lwpexit_seen = lwp;
}

static const struct rumpuser_hyperup hyp = { up_unschedule, up_schedule,
	up_lwpexit };

/* Threads, joinable, with a small stack. */
static void *spawn(void *(*fn)(void *), void *arg, const char *name)
{
	void *cookie = NULL;
	int e = rumpuser_thread_create(fn, arg, name, 1, -1, -1, 16384, &cookie);

	if (e) {
		t_printf("thread_create %s: error %d\n", name, e);
		return NULL;
	}
	return cookie;
}

/* ------------------------------------------------------------------ */

static void test_init(void)
{
	CHECK(rumpuser_init(RUMPUSER_VERSION + 100, &hyp) == EINVAL,
	    "init: wrong version is EINVAL");
	CHECK(rumpuser_init(RUMPUSER_VERSION, &hyp) == 0, "init: version ok");
}

static void test_console(void)
{
	static const char msg[] = "console_write to OUT and ERR\n";

	CHECK(rumpuser_console_write(RUMPUSER_CONSOLE_OUT, msg, sizeof(msg) - 1)
		== 0,
	    "console: write OUT");
	CHECK(rumpuser_console_write(RUMPUSER_CONSOLE_ERR, msg, sizeof(msg) - 1)
		== 0,
	    "console: write ERR");
	CHECK(rumpuser_console_write(7, msg, 1) == EBADF,
	    "console: bad stream is EBADF");
	rumpuser_putchar('#');
	rumpuser_putchar('\n');
}

static void test_param(const char *cmdline)
{
	char buf[64];
	long long mem;

	CHECK(rumpuser_getparam("SELFTEST_KEY", buf, sizeof(buf)) == 0 &&
		t_strcmp(buf, "hello") == 0,
	    "getparam: SELFTEST_KEY=hello");
	CHECK(rumpuser_getparam("SELFTEST_QUOTED", buf, sizeof(buf)) == 0 &&
		t_strcmp(buf, "two words") == 0,
	    "getparam: quoted value");
	CHECK(rumpuser_getparam("SELFTEST_KEY", buf, 5) == E2BIG,
	    "getparam: small buffer is E2BIG");
	CHECK(rumpuser_getparam("SELFTEST_MISSING", buf, sizeof(buf)) == ENOENT,
	    "getparam: missing is ENOENT");
	CHECK(rumpuser_getparam("AFTER", buf, sizeof(buf)) == ENOENT,
	    "getparam: words after -- are not parameters");
	CHECK(rumpuser_getparam("_RUMPUSER_NCPU", buf, sizeof(buf)) == 0 &&
		t_strcmp(buf, "1") == 0,
	    "getparam: _RUMPUSER_NCPU is 1");
	CHECK(rumpuser_getparam("_RUMPUSER_MEMSIZE", buf, sizeof(buf)) == 0 &&
		(mem = t_atou(buf)) > (1LL << 20) && mem < (1LL << 40) &&
		(memsize = mem) != 0,
	    "getparam: _RUMPUSER_MEMSIZE is a plausible byte count");
	t_printf("memsize %s\n", buf);
	CHECK(rumpuser_getparam("_RUMPUSER_HOSTNAME", buf, sizeof(buf)) == 0 &&
		buf[0] != '\0',
	    "getparam: _RUMPUSER_HOSTNAME");
	CHECK(t_strstr(cmdline, "SELFTEST_KEY=hello") &&
		t_strstr(cmdline, "-- rest AFTER=1"),
	    "rumprun_main gets the whole command line");
}

/* ------------------------------------------------------------------ */

struct blk {
	unsigned char *p;
	uint64_t len;
};

static bool fill_ok(const struct blk *b, unsigned char seed)
{
	for (uint64_t i = 0; i < b->len; i++)
		if (b->p[i] != (unsigned char)(seed + i * 7))
			return false;
	return true;
}

static void fill(const struct blk *b, unsigned char seed)
{
	for (uint64_t i = 0; i < b->len; i++)
		b->p[i] = (unsigned char)(seed + i * 7);
}

static void test_malloc(void)
{
	static const uint64_t sizes[] = { 1, 7, 16, 100, 2048, 2049, 4095,
		4096, 4097, 65536, 100000, 256 << 10 };
	static const int aligns[] = { 0, 8, 16, 64, 512, 4096, 65536 };
	static struct blk b[sizeof(sizes) / sizeof(sizes[0]) *
	    (sizeof(aligns) / sizeof(aligns[0]))];
	unsigned n = 0;
	bool aligned = true, intact = true, freed = true;
	void *p;

	for (unsigned i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		for (unsigned j = 0; j < sizeof(aligns) / sizeof(aligns[0]);
		     j++, n++) {
			uint64_t a = aligns[j] ? (uint64_t)aligns[j] : 8;
			b[n].p = NULL;
			if (sizes[i] * 32 > (uint64_t)memsize)
				continue; /* keep within small guests */
			if (rumpuser_malloc(sizes[i], aligns[j], &p) != 0) {
				t_printf("malloc %llu/%d failed\n",
				    (unsigned long long)sizes[i], aligns[j]);
				intact = false;
				continue;
			}
			b[n].p = p;
			b[n].len = sizes[i];
			if ((uintptr_t)p % a)
				aligned = false;
			fill(&b[n], (unsigned char)n);
		}
	for (unsigned i = 0; i < n; i++)
		if (b[i].p && !fill_ok(&b[i], (unsigned char)i))
			intact = false;
	for (unsigned i = 0; i < n; i++)
		if (b[i].p)
			rumpuser_free(b[i].p, b[i].len);
	CHECK(aligned, "malloc: every size/alignment pair is aligned");
	CHECK(intact, "malloc: blocks do not overlap");

	/* Freed memory comes back: a quarter of RAM, forty times. */
	uint64_t big = ((uint64_t)memsize / 4) & ~4095ULL;
	for (int i = 0; i < 40 && freed; i++) {
		if (rumpuser_malloc(big, 4096, &p) != 0)
			freed = false;
		else
			rumpuser_free(p, big);
	}
	CHECK(freed, "malloc: 40 x alloc/free of a quarter of RAM (no leak)");

	/* With more than 4 GiB, RAM above 4 GiB is mapped and handed out. */
	if (memsize > (4LL << 30)) {
		static void *chunk[64];
		int nc = 0;
		bool high = false;
		while (nc < 64 && !high &&
		    rumpuser_malloc(128 << 20, 4096, &chunk[nc]) == 0) {
			high = (uintptr_t)chunk[nc] >= (4ULL << 30);
			if (high) {
				volatile uint64_t *q = chunk[nc];
				q[0] = 0x1234;
				q[(128 << 20) / 8 - 1] = 0x5678;
				high = q[0] == 0x1234 && q[(128 << 20) / 8 - 1] == 0x5678;
			}
			nc++;
		}
		while (nc--)
			rumpuser_free(chunk[nc], 128 << 20);
		CHECK(high, "malloc: RAM above 4 GiB is usable");
	}

	static void *small[3000];
	bool smallok = true;
	for (int i = 0; i < 3000; i++)
		if (rumpuser_malloc(48, 0, &small[i]) != 0)
			smallok = false;
	for (int i = 0; i < 3000; i += 2)
		rumpuser_free(small[i], 48);
	for (int i = 1; i < 3000; i += 2)
		rumpuser_free(small[i], 48);
	CHECK(smallok, "malloc: 3000 small objects");
	CHECK(rumpuser_malloc(64, 3, &p) == EINVAL,
	    "malloc: alignment 3 is EINVAL");
	CHECK(rumpuser_malloc(1ULL << 45, 0, &p) == ENOMEM,
	    "malloc: 32 TiB is ENOMEM");
}

/* ------------------------------------------------------------------ */

static void test_clock(void)
{
	int64_t s, ns, w0, w1, m0, m1;

	m0 = t_now();
	for (volatile int i = 0; i < 100000; i++)
		;
	m1 = t_now();
	CHECK(m1 > m0, "clock: monotonic time advances");
	CHECK(rumpuser_clock_gettime(RUMPUSER_CLOCK_RELWALL, &s, &ns) == 0 &&
		s > 1577836800LL && s < 4102444800LL && ns >= 0 &&
		ns < 1000000000LL,
	    "clock: wall time is between 2020 and 2100");
	w0 = s * 1000000000LL + ns;
	m0 = t_now();
	CHECK(rumpuser_clock_sleep(RUMPUSER_CLOCK_RELWALL, 0, 50 * MS) == 0,
	    "clock: relative sleep returns 0");
	m1 = t_now();
	rumpuser_clock_gettime(RUMPUSER_CLOCK_RELWALL, &s, &ns);
	w1 = s * 1000000000LL + ns;
	t_printf("slept 50 ms: %lld us (wall %lld us)\n",
	    (long long)(m1 - m0) / 1000, (long long)(w1 - w0) / 1000);
	CHECK(m1 - m0 >= 50 * MS && m1 - m0 < 1000 * MS,
	    "clock: 50 ms sleep takes 50 ms (under 1 s)");
	/* Generous: the host may stop a vCPU between two readings. */
	CHECK(w1 - w0 >= 50 * MS && (w1 - w0) - (m1 - m0) < 100 * MS,
	    "clock: wall time advances with monotonic time");
	m0 = t_now();
	rumpuser_clock_sleep(RUMPUSER_CLOCK_ABSMONO, (m0 + 30 * MS) / 1000000000LL,
	    (m0 + 30 * MS) % 1000000000LL);
	m1 = t_now();
	CHECK(m1 >= m0 + 30 * MS && m1 - m0 < 1000 * MS,
	    "clock: absolute sleep wakes at its time");
	CHECK(rumpuser_clock_sleep(RUMPUSER_CLOCK_RELWALL, 0, 1000000000LL) ==
		EINVAL,
	    "clock: nsec out of range is EINVAL");
	CHECK(rumpuser_clock_gettime(5, &s, &ns) == EINVAL,
	    "clock: unknown clock is EINVAL");
}

/* ------------------------------------------------------------------ */

static int counter;

static void *count_twice(void *arg)
{
	(void)arg;
	counter++;
	t_sleep(1 * MS);
	counter++;
	return NULL;
}

static struct rumpuser_mtx *done_mtx;
static struct rumpuser_cv *done_cv;
static int ndone;

static void *detached(void *arg)
{
	(void)arg;
	t_sleep(2 * MS);
	rumpuser_mutex_enter(done_mtx);
	ndone++;
	rumpuser_cv_signal(done_cv);
	rumpuser_mutex_exit(done_mtx);
	rumpuser_thread_exit();
}

static void test_threads(void)
{
	static void *th[100];
	bool created = true;
	/* 100 threads of 20 KiB (stack and guard) in 8 MiB; fewer if less. */
	int n = memsize / (64 << 10) < 100 ? (int)(memsize / (64 << 10)) : 100;

	counter = 0;
	for (int i = 0; i < n; i++)
		if ((th[i] = spawn(count_twice, NULL, "count")) == NULL)
			created = false;
	for (int i = 0; i < n; i++)
		if (th[i])
			rumpuser_thread_join(th[i]);
	t_printf("threads: %d at once\n", n);
	CHECK(created, "threads: many joinable threads created");
	CHECK(counter == 2 * n, "threads: all ran and were joined");

	rumpuser_mutex_init(&done_mtx, 0);
	rumpuser_cv_init(&done_cv);
	ndone = 0;
	/* Default stacks (64 KiB): 20 of them, fewer in tiny guests. */
	int ndet = memsize / (128 << 10) < 20 ? (int)(memsize / (128 << 10)) : 20;
	for (int i = 0; i < ndet; i++)
		CHECK(rumpuser_thread_create(detached, NULL, "detached", 0, -1, -1,
			  0, NULL) == 0,
		    "threads: detached thread created");
	rumpuser_mutex_enter(done_mtx);
	while (ndone < ndet)
		rumpuser_cv_wait(done_cv, done_mtx);
	rumpuser_mutex_exit(done_mtx);
	CHECK(ndone == ndet, "threads: detached threads exited by thread_exit");

	/* Stacks and structures are freed: 400 more threads in small RAM. */
	bool again = true;
	for (int i = 0; i < 400 && again; i++) {
		void *c = spawn(count_twice, NULL, "again");
		if (c == NULL)
			again = false;
		else
			rumpuser_thread_join(c);
	}
	CHECK(again, "threads: 400 create/join cycles (no leak)");
	CHECK(rumpuser_thread_join(NULL) == EINVAL, "threads: join NULL is EINVAL");
	rumpuser_cv_destroy(done_cv);
	rumpuser_mutex_destroy(done_mtx);
}

/* ------------------------------------------------------------------ */

struct tlsblock {
	struct tlsblock *self; /* %fs:0, as in the x86_64 TLS ABI */
	long id;
};

static int tls_good;

static void *tls_thread(void *arg)
{
	struct tlsblock blk = { &blk, (long)(uintptr_t)arg };
	bool ok = true;

	rumpuser_hw_settls(&blk);
	for (int i = 0; i < 5; i++) {
		struct tlsblock *self;
		long id;
		t_sleep(1 * MS); /* let the others run and set theirs */
		__asm__ volatile("movq %%fs:0, %0" : "=r"(self));
		__asm__ volatile("movq %%fs:8, %0" : "=r"(id));
		if (self != &blk || id != blk.id || rumpuser_hw_gettls() != &blk)
			ok = false;
	}
	if (ok)
		tls_good++;
	return NULL;
}

static void test_tls(void)
{
	void *th[8];
	void *mine = rumpuser_hw_gettls();

	tls_good = 0;
	for (long i = 0; i < 8; i++)
		th[i] = spawn(tls_thread, (void *)(uintptr_t)(i + 1), "tls");
	for (int i = 0; i < 8; i++)
		if (th[i])
			rumpuser_thread_join(th[i]);
	CHECK(tls_good == 8, "tls: every thread sees its own %fs base");
	CHECK(rumpuser_hw_gettls() == mine, "tls: main thread's base unchanged");
}

/* ------------------------------------------------------------------ */
/* Floating-point control state is per thread (callee-saved by ABI). */

static int fp_good;

static unsigned get_mxcsr(void)
{
	unsigned v;
	__asm__ volatile("stmxcsr %0" : "=m"(v));
	return v;
}

static void set_mxcsr(unsigned v)
{
	__asm__ volatile("ldmxcsr %0" : : "m"(v));
}

static unsigned short get_fcw(void)
{
	unsigned short v;
	__asm__ volatile("fnstcw %0" : "=m"(v));
	return v;
}

static void set_fcw(unsigned short v)
{
	__asm__ volatile("fldcw %0" : : "m"(v));
}

static void *fp_thread(void *arg)
{
	unsigned mode = (unsigned)(uintptr_t)arg; /* rounding control 0..3 */
	unsigned mx = 0x1f80 | mode << 13;
	unsigned short cw = (unsigned short)(0x037f | mode << 10);
	volatile float one = 1.0f, three = 3.0f;
	float q0;
	bool ok = true;

	set_mxcsr(mx);
	set_fcw(cw);
	q0 = one / three;
	for (int i = 0; i < 5; i++) {
		t_sleep(1 * MS);
		/* Control bits only: 1/3 sets the sticky precision flag. */
		if ((get_mxcsr() & ~0x3fu) != mx || get_fcw() != cw ||
		    one / three != q0) {
			t_printf("fp thread %u: mxcsr %x (want %x) fcw %x (want %x)\n",
			    mode, get_mxcsr(), mx, get_fcw(), cw);
			ok = false;
		}
	}
	if (ok)
		fp_good++;
	return NULL;
}

static void test_fpu(void)
{
	void *th[4];
	unsigned mx0 = get_mxcsr();

	fp_good = 0;
	for (int i = 0; i < 4; i++)
		th[i] = spawn(fp_thread, (void *)(uintptr_t)i, "fp");
	for (int i = 0; i < 4; i++)
		if (th[i])
			rumpuser_thread_join(th[i]);
	CHECK(fp_good == 4, "fpu: MXCSR and x87 control word are per thread");
	CHECK((get_mxcsr() & ~0x3fu) == (mx0 & ~0x3fu),
	    "fpu: main thread's MXCSR unchanged");
}

static void test_avx(void)
{
	unsigned a, b, c, d;

	__asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(1), "c"(0));
	if (!(c & (1u << 28)) || !(c & (1u << 27))) {
		t_printf("avx: CPU has no AVX/OSXSAVE, skipped\n");
		return;
	}
	unsigned lo, hi;
	__asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
	CHECK((lo & 6) == 6, "avx: XCR0 enables SSE and AVX state");
	float in[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, out[8];
	__asm__ volatile("vmovups %1, %%ymm1\n\t"
			 "vaddps %%ymm1, %%ymm1, %%ymm1\n\t"
			 "vmovups %%ymm1, %0\n\t"
			 "vzeroupper"
			 : "=m"(out)
			 : "m"(in)
			 : "xmm1");
	CHECK(out[0] == 2 && out[7] == 16, "avx: 256-bit instructions work");
}

/* ------------------------------------------------------------------ */

static struct rumpuser_mtx *mtx;
static int shared;

static void *mutex_thread(void *arg)
{
	(void)arg;
	for (int i = 0; i < 20; i++) {
		rumpuser_mutex_enter(mtx);
		int v = shared;
		t_sleep(100000); /* others run while we hold it */
		shared = v + 1;
		rumpuser_mutex_exit(mtx);
	}
	return NULL;
}

static void test_mutex(void)
{
	void *th[10], *owner = (void *)1;
	static int fake_lwp;
	int s0 = nsched, u0 = nunsched;

	rumpuser_mutex_init(&mtx, RUMPUSER_MTX_KMUTEX);
	CHECK(rumpuser_mutex_tryenter(mtx) == 0, "mutex: tryenter a free mutex");
	CHECK(rumpuser_mutex_tryenter(mtx) == EBUSY, "mutex: tryenter a held one is EBUSY");
	rumpuser_mutex_exit(mtx);

	rumpuser_curlwpop(RUMPUSER_LWP_SET, &fake_lwp);
	rumpuser_mutex_enter(mtx);
	rumpuser_mutex_owner(mtx, &owner);
	CHECK(owner == &fake_lwp, "mutex: KMUTEX owner is the entering lwp");
	rumpuser_mutex_exit(mtx);
	rumpuser_mutex_owner(mtx, &owner);
	CHECK(owner == NULL, "mutex: no owner once released");
	rumpuser_curlwpop(RUMPUSER_LWP_CLEAR, &fake_lwp);

	shared = 0;
	for (int i = 0; i < 10; i++)
		th[i] = spawn(mutex_thread, NULL, "mutex");
	for (int i = 0; i < 10; i++)
		if (th[i])
			rumpuser_thread_join(th[i]);
	CHECK(shared == 200, "mutex: 10 threads x 20 sleeping increments");
	CHECK(nsched > s0 && nsched - s0 == nunsched - u0,
	    "mutex: blocking calls pair hyp_unschedule with hyp_schedule");
	rumpuser_mutex_destroy(mtx);
}

/* ------------------------------------------------------------------ */

static struct rumpuser_rw *rw;
static int rw_order[4], rw_n;

static void *rw_writer(void *arg)
{
	(void)arg;
	rumpuser_rw_enter(RUMPUSER_RW_WRITER, rw);
	rw_order[rw_n++] = 1;
	t_sleep(5 * MS);
	rw_order[rw_n++] = 2;
	rumpuser_rw_exit(rw);
	return NULL;
}

static void *rw_reader(void *arg)
{
	(void)arg;
	t_sleep(1 * MS); /* the writer is in */
	rumpuser_rw_enter(RUMPUSER_RW_READER, rw);
	rw_order[rw_n++] = 3;
	rumpuser_rw_exit(rw);
	return NULL;
}

static void test_rw(void)
{
	int held;

	rumpuser_rw_init(&rw);
	CHECK(rumpuser_rw_tryenter(RUMPUSER_RW_READER, rw) == 0 &&
		rumpuser_rw_tryenter(RUMPUSER_RW_READER, rw) == 0,
	    "rw: two readers at once");
	rumpuser_rw_held(RUMPUSER_RW_READER, rw, &held);
	CHECK(held, "rw: held as reader");
	CHECK(rumpuser_rw_tryenter(RUMPUSER_RW_WRITER, rw) == EBUSY,
	    "rw: writer excluded by readers");
	CHECK(rumpuser_rw_tryupgrade(rw) == EBUSY, "rw: no upgrade with two readers");
	rumpuser_rw_exit(rw);
	CHECK(rumpuser_rw_tryupgrade(rw) == 0, "rw: upgrade of the only reader");
	rumpuser_rw_held(RUMPUSER_RW_WRITER, rw, &held);
	CHECK(held, "rw: held as writer after upgrade");
	CHECK(rumpuser_rw_tryenter(RUMPUSER_RW_READER, rw) == EBUSY,
	    "rw: reader excluded by writer");
	rumpuser_rw_downgrade(rw);
	rumpuser_rw_held(RUMPUSER_RW_WRITER, rw, &held);
	CHECK(!held, "rw: not a writer after downgrade");
	rumpuser_rw_held(RUMPUSER_RW_READER, rw, &held);
	CHECK(held, "rw: a reader after downgrade");
	rumpuser_rw_exit(rw);

	rw_n = 0;
	void *w = spawn(rw_writer, NULL, "rw-w");
	void *r = spawn(rw_reader, NULL, "rw-r");
	rumpuser_thread_join(w);
	rumpuser_thread_join(r);
	CHECK(rw_n == 3 && rw_order[0] == 1 && rw_order[1] == 2 &&
		rw_order[2] == 3,
	    "rw: a reader waits for the writer");
	rumpuser_rw_destroy(rw);
}

/* ------------------------------------------------------------------ */

static struct rumpuser_mtx *cmtx;
static struct rumpuser_cv *cv_full, *cv_empty;
static int slot, slot_full;
static long consumed;

static void *producer(void *arg)
{
	(void)arg;
	for (int i = 1; i <= 100; i++) {
		rumpuser_mutex_enter(cmtx);
		while (slot_full)
			rumpuser_cv_wait(cv_empty, cmtx);
		slot = i;
		slot_full = 1;
		rumpuser_cv_signal(cv_full);
		rumpuser_mutex_exit(cmtx);
	}
	return NULL;
}

static void *consumer(void *arg)
{
	(void)arg;
	for (int i = 1; i <= 100; i++) {
		rumpuser_mutex_enter(cmtx);
		while (!slot_full)
			rumpuser_cv_wait(cv_full, cmtx);
		consumed += slot;
		slot_full = 0;
		rumpuser_cv_signal(cv_empty);
		rumpuser_mutex_exit(cmtx);
	}
	return NULL;
}

static void *signaller(void *arg)
{
	(void)arg;
	t_sleep(5 * MS);
	rumpuser_mutex_enter(cmtx);
	rumpuser_cv_broadcast(cv_full);
	rumpuser_mutex_exit(cmtx);
	return NULL;
}

static void test_cv(void)
{
	int64_t t0, t1;
	int rv, waiters;

	rumpuser_mutex_init(&cmtx, 0);
	rumpuser_cv_init(&cv_full);
	rumpuser_cv_init(&cv_empty);
	consumed = 0;
	void *c = spawn(consumer, NULL, "consumer");
	void *p = spawn(producer, NULL, "producer");
	rumpuser_thread_join(p);
	rumpuser_thread_join(c);
	CHECK(consumed == 5050, "cv: 100 items through a one-slot buffer");

	rumpuser_mutex_enter(cmtx);
	t0 = t_now();
	rv = rumpuser_cv_timedwait(cv_full, cmtx, 0, 20 * MS);
	t1 = t_now();
	rumpuser_mutex_exit(cmtx);
	CHECK(rv == ETIMEDOUT && t1 - t0 >= 20 * MS && t1 - t0 < 1000 * MS,
	    "cv: timedwait times out after 20 ms");

	void *s = spawn(signaller, NULL, "signaller");
	rumpuser_mutex_enter(cmtx);
	t0 = t_now();
	rv = rumpuser_cv_timedwait(cv_full, cmtx, 10, 0);
	t1 = t_now();
	rumpuser_mutex_exit(cmtx);
	rumpuser_thread_join(s);
	CHECK(rv == 0 && t1 - t0 < 5000 * MS, "cv: timedwait woken by a signal");

	rumpuser_mutex_enter(cmtx);
	rumpuser_cv_has_waiters(cv_full, &waiters);
	rumpuser_mutex_exit(cmtx);
	CHECK(waiters == 0, "cv: no waiters left");
	rumpuser_cv_destroy(cv_full);
	rumpuser_cv_destroy(cv_empty);
	rumpuser_mutex_destroy(cmtx);
}

/* ------------------------------------------------------------------ */

static void test_random(void)
{
	unsigned char a[64], b[64];
	uint64_t got = 0;
	bool nonzero = false;

	memset(a, 0, sizeof(a));
	CHECK(rumpuser_getrandom(a, sizeof(a), 0, &got) == 0 && got == sizeof(a),
	    "random: 64 blocking bytes");
	for (unsigned i = 0; i < sizeof(a); i++)
		nonzero |= a[i] != 0;
	CHECK(nonzero, "random: not all zero");
	rumpuser_getrandom(b, sizeof(b), RUMPUSER_RANDOM_HARD, &got);
	CHECK(memcmp(a, b, sizeof(a)) != 0, "random: two reads differ");
	CHECK(rumpuser_getrandom(b, sizeof(b), RUMPUSER_RANDOM_NOWAIT, &got) == 0 &&
		got <= sizeof(b),
	    "random: NOWAIT returns at most what was asked");
	CHECK(rumpuser_getrandom(b, sizeof(b), 0x100, &got) == EINVAL,
	    "random: unknown flag is EINVAL");
}

/* ------------------------------------------------------------------ */

static int lwp_a, lwp_b;
static bool lwp_thread_ok;

static void *lwp_thread(void *arg)
{
	(void)arg;
	lwp_thread_ok = rumpuser_curlwp() == NULL;
	rumpuser_curlwpop(RUMPUSER_LWP_CREATE, &lwp_b);
	rumpuser_curlwpop(RUMPUSER_LWP_SET, &lwp_b);
	lwp_thread_ok &= rumpuser_curlwp() == &lwp_b;
	t_sleep(1 * MS);
	lwp_thread_ok &= rumpuser_curlwp() == &lwp_b;
	return NULL; /* exits with lwp_b bound */
}

static void test_curlwp(void)
{
	rumpuser_curlwpop(RUMPUSER_LWP_CREATE, &lwp_a);
	rumpuser_curlwpop(RUMPUSER_LWP_SET, &lwp_a);
	void *t = spawn(lwp_thread, NULL, "lwp");
	rumpuser_thread_join(t);
	CHECK(rumpuser_curlwp() == &lwp_a, "curlwp: per thread");
	CHECK(lwp_thread_ok, "curlwp: set in another thread, kept across sleeps");
	CHECK(lwpexit_seen == &lwp_b,
	    "curlwp: hyp_lwpexit gets the lwp of an exiting thread");
	rumpuser_curlwpop(RUMPUSER_LWP_CLEAR, &lwp_a);
	rumpuser_curlwpop(RUMPUSER_LWP_DESTROY, &lwp_a);
	CHECK(rumpuser_curlwp() == NULL, "curlwp: cleared");
}

/* ------------------------------------------------------------------ */

static int bio_error = -1;

static void biodone(void *arg, uint64_t dlen, int error)
{
	(void)arg, (void)dlen;
	bio_error = error;
}

static void test_files(void)
{
	int fd = -1, type;
	uint64_t size, rv;
	char buf[16];
	struct rumpuser_iovec iov = { buf, sizeof(buf) };

	CHECK(rumpuser_open("/dev/sda", RUMPUSER_OPEN_RDONLY, &fd) == ENXIO &&
		fd == -1,
	    "files: open is ENXIO");
	CHECK(rumpuser_getfileinfo("/x", &size, &type) == ENXIO,
	    "files: getfileinfo is ENXIO");
	CHECK(rumpuser_close(3) == EBADF, "files: close is EBADF");
	CHECK(rumpuser_iovread(3, &iov, 1, 0, &rv) == EBADF, "files: iovread is EBADF");
	CHECK(rumpuser_iovwrite(3, &iov, 1, 0, &rv) == EBADF,
	    "files: iovwrite is EBADF");
	CHECK(rumpuser_syncfd(3, RUMPUSER_SYNCFD_WRITE, 0, 0) == EBADF,
	    "files: syncfd is EBADF");
	rumpuser_bio(3, RUMPUSER_BIO_READ, buf, sizeof(buf), 0, biodone, NULL);
	CHECK(bio_error == EBADF, "files: bio completes with EBADF");
}

/* ------------------------------------------------------------------ */

static void test_read(void)
{
	char line[80], c;
	unsigned n = 0;
	uint64_t got;

	t_printf("selftest: type a line\n");
	while (n < sizeof(line) - 1) {
		if (rumpuser_console_read(&c, 1, &got) != 0 || got == 0)
			break;
		if (c == '\n' || c == '\r')
			break;
		line[n++] = c;
	}
	line[n] = '\0';
	t_printf("selftest: read [%s]\n", line);
	CHECK(n > 0, "console: read a line");
	if (rumpuser_console_read(line, sizeof(line), &got) == 0 && got == 0)
		t_printf("selftest: end of input\n");
}

int rumprun_main(const char *cmdline)
{
	char buf[16];
	long long status = 0;

	t_printf("selftest: start\n");
	if (rumpuser_getparam("SELFTEST_QUICK", buf, sizeof(buf)) == 0) {
		test_fpu();
		t_printf("selftest: quick: %d of %d failed\n", t_failed(),
		    t_count());
		return t_failed() ? 1 : 0;
	}
	test_init();
	test_console();
	test_param(cmdline);
	test_malloc();
	test_clock();
	test_threads();
	test_tls();
	test_fpu();
	test_avx();
	test_mutex();
	test_rw();
	test_cv();
	test_random();
	test_curlwp();
	test_files();
	if (rumpuser_getparam("SELFTEST_READ", buf, sizeof(buf)) == 0)
		test_read();
	if (t_failed()) {
		t_printf("selftest: %d of %d checks FAILED\n", t_failed(), t_count());
		return 1;
	}
	if (rumpuser_getparam("SELFTEST_EXIT", buf, sizeof(buf)) == 0)
		status = t_atou(buf);
	t_printf("selftest: all %d checks passed\n", t_count());
	return (int)status;
}
