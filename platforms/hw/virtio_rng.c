/*
 * virtio_rng.c -- the entropy device (virtio 1.1, 5.4): one queue of
 * device-writable buffers.  Requests go through a bounce buffer of ours,
 * so a caller that stopped waiting (nowait) never has its memory written
 * later.  Completion is polled: spinning briefly, then sleeping in
 * growing steps (the device answers in microseconds under QEMU).
 */
#include "hw/arch.h"
#include "hw/lib.h"
#include "hw/sched.h"
#include "hw/virtio.h"

#define RNG_CHUNK 256
#define SPIN_NS 200000ULL  /* nowait gives up after this */
#define SLEEP_MAX_NS 1000000ULL

static struct rumphw_virtio_dev *rngdev;
static struct rumphw_virtq rngq;
static unsigned char bounce[RNG_CHUNK];
static bool pending;           /* a request is with the device */
static bool busy;              /* a reader is using the device */
static struct rumphw_tq waiters;

int rumphw_virtio_rng_attach(struct rumphw_virtio_dev *vd)
{
	int error;

	if (rngdev)
		return 0; /* one is enough */
	if ((error = rumphw_virtio_negotiate(vd, 0, NULL)) != 0 ||
	    (error = rumphw_virtio_vq_setup(vd, 0, 8, &rngq)) != 0)
		return error;
	rumphw_virtio_driver_ok(vd);
	rumphw_tq_init(&waiters);
	rngdev = vd;
	return 0;
}

bool rumphw_virtio_rng_present(void)
{
	return rngdev != NULL;
}

/* Wait for the pending request; returns its length, or -1 (nowait). */
static int64_t wait_done(bool nowait)
{
	uint64_t start = rumphw_md_nsec(), step = 20000;
	uint32_t len;

	for (;;) {
		if (rumphw_virtq_get(&rngq, &len) != NULL) {
			pending = false;
			return len;
		}
		uint64_t now = rumphw_md_nsec();
		if (now - start < SPIN_NS)
			continue;
		if (nowait)
			return -1;
		rumphw_sched_block(NULL, now + step);
		step = MIN(step * 2, SLEEP_MAX_NS);
	}
}

uint64_t rumphw_virtio_rng_read(void *buf, uint64_t len, bool nowait)
{
	unsigned char *p = buf;
	uint64_t got = 0;
	int empty = 0;

	while (busy) {
		if (nowait)
			return 0;
		rumphw_sched_block(&waiters, 0);
	}
	busy = true;
	while (got < len) {
		if (!pending) {
			struct rumphw_vbuf b = { bounce, RNG_CHUNK, true };
			if (rumphw_virtq_add(&rngq, &b, 1, bounce) != 0)
				break;
			pending = true;
			rumphw_virtio_notify(rngdev, &rngq);
		}
		int64_t n = wait_done(nowait);
		if (n < 0)
			break;
		if (n == 0 && ++empty == 100) {
			rumphw_printf("rumphw: virtio-rng returns no data\n");
			break;
		}
		n = MIN((uint64_t)n, MIN(len - got, (uint64_t)RNG_CHUNK));
		rumphw_memcpy(p + got, bounce, (size_t)n);
		got += (uint64_t)n;
	}
	busy = false;
	rumphw_tq_wakeone(&waiters);
	return got;
}
