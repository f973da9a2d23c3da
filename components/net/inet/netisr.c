/*
 * netisr.c -- the network input thread: interfaces queue received IP
 * packets here and one kernel thread runs ip_input on them, so input
 * processing never runs inside a sender's or a driver's call.
 */
#include "inet_int.h"

#define NETISR_MAXQ 1024  /* packets queued beyond this are dropped */

static kmutex_t netisr_lock;
static kcondvar_t netisr_cv;
static struct pkt *netisr_head, **netisr_tail = &netisr_head;
static int netisr_len;
uint64_t netisr_drops;

void
netisr_enqueue(struct pkt *p)
{
	mutex_enter(&netisr_lock);
	if (netisr_len >= NETISR_MAXQ) {
		netisr_drops++;
		mutex_exit(&netisr_lock);
		pkt_free(p);
		return;
	}
	p->pk_nextpkt = NULL;
	*netisr_tail = p;
	netisr_tail = &p->pk_nextpkt;
	netisr_len++;
	cv_signal(&netisr_cv);
	mutex_exit(&netisr_lock);
}

static void
netisr_thread(void *arg)
{
	(void)arg;
	for (;;) {
		struct pkt *p;

		mutex_enter(&netisr_lock);
		while (netisr_head == NULL)
			cv_wait(&netisr_cv, &netisr_lock);
		p = netisr_head;
		netisr_head = p->pk_nextpkt;
		if (netisr_head == NULL)
			netisr_tail = &netisr_head;
		netisr_len--;
		mutex_exit(&netisr_lock);
		p->pk_nextpkt = NULL;
		ip_input(p);
	}
}

int
netisr_init(void)
{
	mutex_init(&netisr_lock, MUTEX_DEFAULT);
	cv_init(&netisr_cv);
	return kthread_create(netisr_thread, NULL, "netisr", false, NULL);
}
