/*
 * bio.c -- asynchronous block I/O: requests are queued to a small pool
 * of worker threads, started as the load needs them, which do the host
 * I/O and call the completion outside the kernel.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "rumpuser_int.h"

/* Enough to keep a host disk's queue busy; more only adds switching. */
#define BIO_MAXWORKERS 8

struct bio_req {
	struct bio_req *next;
	int fd;
	int op;
	void *data;
	uint64_t dlen;
	int64_t off;
	rumpuser_biodone_fn biodone;
	void *donearg;
};

static pthread_mutex_t bio_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t bio_work = PTHREAD_COND_INITIALIZER;
/* FIFO of requests; the counts below are under bio_lock too. */
static struct bio_req *bio_head;
static struct bio_req **bio_tailp = &bio_head;
static unsigned int bio_nqueued;  /* requests in the FIFO */
static unsigned int bio_nidle;    /* workers waiting for one */
static unsigned int bio_nworkers; /* workers started */

/* The whole transfer, or up to end of file; error is a host errno. */
static int
bio_transfer(const struct bio_req *req, uint64_t *donep)
{
	char *data = req->data;
	uint64_t done = 0;
	ssize_t n;
	int op = req->op & ~RUMPUSER_BIO_SYNC;

	if ((op != RUMPUSER_BIO_READ && op != RUMPUSER_BIO_WRITE) ||
	    ((req->op & RUMPUSER_BIO_SYNC) && op != RUMPUSER_BIO_WRITE) ||
	    req->off < 0 || (data == NULL && req->dlen > 0))
		return EINVAL;
	while (done < req->dlen) {
		if (op == RUMPUSER_BIO_READ)
			n = pread(req->fd, data + done, req->dlen - done,
			    req->off + (int64_t)done);
		else
			n = pwrite(req->fd, data + done, req->dlen - done,
			    req->off + (int64_t)done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			*donep = done;
			return errno;
		}
		if (n == 0)
			break;
		done += (uint64_t)n;
	}
	*donep = done;
	if (req->op & RUMPUSER_BIO_SYNC) {
		while (fdatasync(req->fd) != 0) {
			if (errno != EINTR)
				return errno;
		}
	}
	return 0;
}

static void *
bio_worker(void *arg)
{
	struct bio_req *req;
	uint64_t done;
	int error;

	(void)arg;
	for (;;) {
		pthread_mutex_lock(&bio_lock);
		while (bio_head == NULL) {
			bio_nidle++;
			pthread_cond_wait(&bio_work, &bio_lock);
			bio_nidle--;
		}
		req = bio_head;
		if ((bio_head = req->next) == NULL)
			bio_tailp = &bio_head;
		bio_nqueued--;
		pthread_mutex_unlock(&bio_lock);

		done = 0;
		error = bio_transfer(req, &done);
		req->biodone(req->donearg, done, rumpuser__errtrans(error));
		free(req);
	}
	return NULL;
}

/*
 * A request that cannot be queued still completes through biodone, and
 * biodone expects no virtual CPU.  error is a kernel errno.
 */
static void
bio_fail(rumpuser_biodone_fn biodone, void *donearg, int error)
{
	rumpuser__unschedule();
	biodone(donearg, 0, error);
	rumpuser__schedule();
}

void
rumpuser_bio(int fd, int op, void *data, uint64_t dlen, int64_t off,
    rumpuser_biodone_fn biodone, void *donearg)
{
	struct bio_req *req;
	int spawn, noworker, error;

	if (biodone == NULL)
		RUMPUSER__FATAL("rumpuser_bio without biodone", 0);
	if ((req = malloc(sizeof(*req))) == NULL) {
		bio_fail(biodone, donearg, rumpuser__errtrans(ENOMEM));
		return;
	}
	*req = (struct bio_req){ .fd = fd, .op = op, .data = data,
	    .dlen = dlen, .off = off, .biodone = biodone,
	    .donearg = donearg };

	/* One more worker when this request would find none idle. */
	pthread_mutex_lock(&bio_lock);
	spawn = bio_nqueued + 1 > bio_nidle && bio_nworkers < BIO_MAXWORKERS;
	if (spawn)
		bio_nworkers++;
	pthread_mutex_unlock(&bio_lock);
	if (spawn) {
		error = rumpuser_thread_create(bio_worker, NULL, "rumpuser_bio",
		    0, -1, -1, 0, NULL);
		if (error != 0) {
			pthread_mutex_lock(&bio_lock);
			noworker = --bio_nworkers == 0;
			pthread_mutex_unlock(&bio_lock);
			if (noworker) {
				/* No worker at all would ever run it. */
				free(req);
				bio_fail(biodone, donearg, error);
				return;
			}
		}
	}

	pthread_mutex_lock(&bio_lock);
	*bio_tailp = req;
	bio_tailp = &req->next;
	bio_nqueued++;
	pthread_cond_signal(&bio_work);
	pthread_mutex_unlock(&bio_lock);
}
