/*
 * netif_shmif_bus.c -- the shared-memory Ethernet bus (format in
 * netif_shmif_bus.h): attaching to the bus file, the writers' futex
 * lock, and writing and reading records.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/futex.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "netif_int.h"
#include "netif_shmif_bus.h"

_Static_assert(sizeof(struct shmif_rec) == SHMIF_RECALIGN,
    "a record header is one alignment unit");
_Static_assert(sizeof(struct shmif_bus) <= SHMIF_HDRSIZE, "header fits");

/* A lock word unchanged this long, with its holder gone, is taken over. */
#define SHMIF_LOCK_STALE_NS 1000000000LL

/* Futexes in a shared file mapping: not FUTEX_PRIVATE_FLAG. */
static int
futex_wait(uint32_t *uaddr, uint32_t val, int timeout_ms)
{
	struct timespec ts = {
		.tv_sec = timeout_ms / 1000,
		.tv_nsec = (long)(timeout_ms % 1000) * 1000000,
	};

	if (syscall(SYS_futex, uaddr, FUTEX_WAIT, val, &ts, NULL, 0) != 0)
		return errno;
	return 0;
}

static void
futex_wake(uint32_t *uaddr, int n)
{
	(void)syscall(SYS_futex, uaddr, FUTEX_WAKE, n, NULL, NULL, 0);
}

/* ---------------------------------------------------------------------
 * The writers' lock: the holder's pid in sb_lock.  A process that dies
 * holding it would stop the bus, so a waiter that sees the same word
 * for a second and no such process takes it over (records are published
 * by the head store last, so a half-written record is never seen).
 */

static bool
pid_gone(uint32_t pid)
{
	return pid != 0 && kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

static void
bus_lock(struct shmif_bus *sb, uint32_t me)
{
	uint32_t v = 0, seen = 0;
	int64_t since = 0;

	if (__atomic_compare_exchange_n(&sb->sb_lock, &v, me, false,
	    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return;
	for (;;) {
		v = __atomic_load_n(&sb->sb_lock, __ATOMIC_RELAXED);
		if (v == 0) {
			/* Having waited, assume others wait too. */
			if (__atomic_compare_exchange_n(&sb->sb_lock, &v,
			    me | SHMIF_LOCK_WAITERS, false, __ATOMIC_ACQUIRE,
			    __ATOMIC_RELAXED))
				return;
			continue;
		}
		if (!(v & SHMIF_LOCK_WAITERS)) {
			if (!__atomic_compare_exchange_n(&sb->sb_lock, &v,
			    v | SHMIF_LOCK_WAITERS, false, __ATOMIC_RELAXED,
			    __ATOMIC_RELAXED))
				continue;
			v |= SHMIF_LOCK_WAITERS;
		}
		if (futex_wait(&sb->sb_lock, v, 100) != ETIMEDOUT)
			continue;
		if (v != seen) {
			seen = v;
			since = rumpcomp_netif__now_ns();
		} else if (rumpcomp_netif__now_ns() - since > SHMIF_LOCK_STALE_NS &&
		    pid_gone(v & ~SHMIF_LOCK_WAITERS)) {
			(void)__atomic_compare_exchange_n(&sb->sb_lock, &v, 0,
			    false, __ATOMIC_RELAXED, __ATOMIC_RELAXED);
		}
	}
}

static void
bus_unlock(struct shmif_bus *sb)
{
	if (__atomic_exchange_n(&sb->sb_lock, 0, __ATOMIC_RELEASE) &
	    SHMIF_LOCK_WAITERS)
		futex_wake(&sb->sb_lock, 1);
}

/* ---------------------------------------------------------------------
 * Attaching.
 */

/* bus_check: is the header one of ours, consistent with size? */
static bool
bus_check(const struct shmif_bus *sb, uint64_t size)
{
	return __atomic_load_n(&sb->sb_magic, __ATOMIC_ACQUIRE) == SHMIF_MAGIC &&
	    sb->sb_version == SHMIF_VERSION &&
	    sb->sb_hdrsize == SHMIF_HDRSIZE &&
	    sb->sb_ringsize >= SHMIF_RING_MIN &&
	    sb->sb_ringsize <= SHMIF_RING_MAX &&
	    sb->sb_ringsize % 4096 == 0 &&
	    size >= (uint64_t)SHMIF_HDRSIZE + sb->sb_ringsize;
}

int
rumpcomp_netif__bus_attach(const char *path, uint32_t ringsize, uint64_t id,
    struct shmif_port *sp, char *key, size_t keylen)
{
	struct shmif_bus *sb;
	struct stat st;
	char *canon;
	void *map;
	size_t maplen;
	int fd, error = 0;

	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
	if (fd < 0)
		return errno;
	/* One process at a time looks at (and maybe formats) the file. */
	while (flock(fd, LOCK_EX) != 0) {
		if (errno != EINTR) {
			error = errno;
			goto out_close;
		}
	}
	if (fstat(fd, &st) != 0) {
		error = errno;
		goto out_close;
	}
	if (!S_ISREG(st.st_mode)) {
		error = EINVAL;
		goto out_close;
	}
	if (st.st_size == 0) {
		maplen = (size_t)SHMIF_HDRSIZE + ringsize;
		if (ftruncate(fd, (off_t)maplen) != 0) {
			error = errno;
			goto out_close;
		}
	} else {
		struct shmif_bus hdr;

		if (pread(fd, &hdr, sizeof(hdr), 0) != (ssize_t)sizeof(hdr) ||
		    !bus_check(&hdr, (uint64_t)st.st_size)) {
			error = EINVAL;  /* not a bus (of this version) */
			goto out_close;
		}
		maplen = (size_t)SHMIF_HDRSIZE + hdr.sb_ringsize;
	}
	map = mmap(NULL, maplen, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		error = errno;
		goto out_close;
	}
	sb = map;
	if (st.st_size == 0) {
		/* Fresh pages are zero: head, tail and counters start at 0. */
		sb->sb_version = SHMIF_VERSION;
		sb->sb_hdrsize = SHMIF_HDRSIZE;
		sb->sb_ringsize = ringsize;
		__atomic_store_n(&sb->sb_magic, SHMIF_MAGIC, __ATOMIC_RELEASE);
	}
	canon = realpath(path, NULL);
	if (canon == NULL) {
		error = errno;
		munmap(map, maplen);
		goto out_close;
	}
	snprintf(key, keylen, "shmif:%s", canon);
	free(canon);

	sp->sp_bus = sb;
	sp->sp_ring = (uint8_t *)map + SHMIF_HDRSIZE;
	sp->sp_maplen = maplen;
	sp->sp_id = id;
	/* Once: getpid is a system call, and the lock takes it per frame. */
	sp->sp_pid = (uint32_t)getpid();
	/* Start at the head under the writers' lock: a consistent pair. */
	bus_lock(sb, sp->sp_pid);
	sp->sp_pos = sb->sb_head;
	sp->sp_seq = sb->sb_nextseq;
	bus_unlock(sb);
	sp->sp_drops = sp->sp_corrupt = 0;

out_close:
	/* Unlocked explicitly: the mapping keeps the open file (and with
	 * it a flock) alive after close. */
	(void)flock(fd, LOCK_UN);
	close(fd);
	return error;
}

void
rumpcomp_netif__bus_detach(struct shmif_port *sp)
{
	munmap(sp->sp_bus, sp->sp_maplen);
	sp->sp_bus = NULL;
}

/* ---------------------------------------------------------------------
 * Writing.
 */

/* rec_valid: could a record of reclen bytes start at ring offset off? */
static bool
rec_valid(uint32_t reclen, uint64_t off, uint32_t ringsize)
{
	return reclen >= SHMIF_RECALIGN && reclen % SHMIF_RECALIGN == 0 &&
	    reclen <= ringsize - off;
}

/*
 * bus_make_room: advance the tail until the ring holds end (a position
 * to be written up to), counting the frames that go.  Lock held.
 */
static void
bus_make_room(struct shmif_port *sp, uint64_t end)
{
	struct shmif_bus *sb = sp->sp_bus;
	uint32_t R = sb->sb_ringsize;
	uint64_t tail = sb->sb_tail, tailseq = sb->sb_tailseq;

	while (end - tail > R) {
		const struct shmif_rec *r =
		    (const struct shmif_rec *)(sp->sp_ring + tail % R);

		if (!rec_valid(r->sr_reclen, tail % R, R) ||
		    tail + r->sr_reclen > sb->sb_head) {
			/* Garbage on the bus: give up what it holds. */
			tail = sb->sb_head;
			tailseq = sb->sb_nextseq;
			break;
		}
		if (r->sr_framelen != SHMIF_WRAP)
			tailseq = r->sr_seq + 1;
		tail += r->sr_reclen;
	}
	sb->sb_tailseq = tailseq;
	__atomic_store_n(&sb->sb_tail, tail, __ATOMIC_RELEASE);
	/* Readers must see the tail move before the bytes it frees change. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

void
rumpcomp_netif__bus_write(struct shmif_port *sp, const void *iovp,
    uint64_t iovcnt, uint64_t len, const struct rumpcomp_netif_pkt *pkt)
{
	const struct iovec *iov = iovp;
	struct shmif_bus *sb = sp->sp_bus;
	uint32_t R = sb->sb_ringsize;
	uint32_t n = (uint32_t)((sizeof(struct shmif_rec) + len +
	    SHMIF_RECALIGN - 1) & ~(uint64_t)(SHMIF_RECALIGN - 1));
	struct shmif_rec rec;
	uint64_t h, off, pad;
	uint8_t *p;

	bus_lock(sb, sp->sp_pid);
	h = sb->sb_head;
	off = h % R;
	pad = R - off < n ? R - off : 0;
	bus_make_room(sp, h + pad + n);
	if (pad != 0) {
		memset(&rec, 0, sizeof(rec));
		rec.sr_reclen = (uint32_t)pad;
		rec.sr_framelen = SHMIF_WRAP;
		memcpy(sp->sp_ring + off, &rec, sizeof(rec));
		h += pad;
		off = 0;
	}
	p = sp->sp_ring + off + sizeof(rec);
	for (uint64_t i = 0; i < iovcnt; i++) {
		memcpy(p, iov[i].iov_base, iov[i].iov_len);
		p += iov[i].iov_len;
	}
	memset(&rec, 0, sizeof(rec));
	rec.sr_reclen = n;
	rec.sr_framelen = (uint32_t)len;
	rec.sr_sender = sp->sp_id;
	rec.sr_seq = sb->sb_nextseq++;
	if (pkt->np_flags & RUMPCOMP_NETIF_PKT_NEEDS_CSUM) {
		rec.sr_flags = SHMIF_REC_CSUM_PARTIAL;
		rec.sr_csum_start = pkt->np_csum_start;
		rec.sr_csum_offset = pkt->np_csum_offset;
	}
	memcpy(sp->sp_ring + off, &rec, sizeof(rec));
	/* Publishing: the record is complete before the head passes it. */
	__atomic_store_n(&sb->sb_head, h + n, __ATOMIC_RELEASE);
	bus_unlock(sb);

	__atomic_add_fetch(&sb->sb_wakeseq, 1, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&sb->sb_sleepers, __ATOMIC_SEQ_CST) != 0)
		futex_wake(&sb->sb_wakeseq, INT_MAX);
}

/* ---------------------------------------------------------------------
 * Reading, without the lock.
 */

/* lapped: has the tail passed pos (the record there may be torn)? */
static bool
lapped(const struct shmif_bus *sb, uint64_t pos)
{
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	return pos < __atomic_load_n(&sb->sb_tail, __ATOMIC_ACQUIRE);
}

/* skip_to_tail: a lapped reader continues at the oldest record. */
static void
skip_to_tail(struct shmif_port *sp)
{
	struct shmif_bus *sb = sp->sp_bus;
	uint64_t tailseq = __atomic_load_n(&sb->sb_tailseq, __ATOMIC_RELAXED);

	if (tailseq > sp->sp_seq)
		sp->sp_drops += tailseq - sp->sp_seq;
	sp->sp_seq = tailseq;
	sp->sp_pos = __atomic_load_n(&sb->sb_tail, __ATOMIC_ACQUIRE);
}

int
rumpcomp_netif__bus_read(struct shmif_port *sp, void *buf, uint64_t buflen,
    uint64_t *lenp, struct rumpcomp_netif_pkt *pkt, uint64_t *oversizep)
{
	struct shmif_bus *sb = sp->sp_bus;
	uint32_t R = sb->sb_ringsize;

	for (;;) {
		uint64_t head = __atomic_load_n(&sb->sb_head, __ATOMIC_ACQUIRE);
		uint64_t pos = sp->sp_pos, off = pos % R;
		struct shmif_rec rec;
		bool mine, fits;

		if (pos == head)
			return EAGAIN;
		if (pos > head || lapped(sb, pos)) {
			skip_to_tail(sp);
			continue;
		}
		memcpy(&rec, sp->sp_ring + off, sizeof(rec));
		if (!rec_valid(rec.sr_reclen, off, R) ||
		    pos + rec.sr_reclen > head ||
		    (rec.sr_framelen != SHMIF_WRAP &&
		     rec.sr_framelen > rec.sr_reclen - sizeof(rec))) {
			if (lapped(sb, pos)) {
				skip_to_tail(sp);
				continue;
			}
			/* Not torn, just wrong: resynchronise at the head. */
			sp->sp_corrupt++;
			sp->sp_pos = head;
			continue;
		}
		if (rec.sr_framelen == SHMIF_WRAP) {
			if (lapped(sb, pos)) {
				skip_to_tail(sp);
				continue;
			}
			sp->sp_pos = pos + rec.sr_reclen;
			continue;
		}
		mine = rec.sr_sender == sp->sp_id;
		fits = rec.sr_framelen <= buflen;
		if (!mine && fits)
			memcpy(buf, sp->sp_ring + off + sizeof(rec),
			    rec.sr_framelen);
		if (lapped(sb, pos)) {
			skip_to_tail(sp);
			continue;
		}
		sp->sp_pos = pos + rec.sr_reclen;
		sp->sp_seq = rec.sr_seq + 1;
		if (mine)
			continue;
		if (!fits) {
			(*oversizep)++;
			continue;
		}
		*lenp = rec.sr_framelen;
		memset(pkt, 0, sizeof(*pkt));
		/* Offsets outside the frame: left as it is, it fails the
		 * receiver's verification like any damaged frame. */
		if ((rec.sr_flags & SHMIF_REC_CSUM_PARTIAL) &&
		    (uint64_t)rec.sr_csum_start + rec.sr_csum_offset + 2 <=
		    rec.sr_framelen && !(rec.sr_csum_offset & 1)) {
			pkt->np_flags = RUMPCOMP_NETIF_PKT_NEEDS_CSUM;
			pkt->np_csum_start = rec.sr_csum_start;
			pkt->np_csum_offset = rec.sr_csum_offset;
		}
		return 0;
	}
}

void
rumpcomp_netif__bus_wait(struct shmif_port *sp, int timeout_ms,
    const int *stop)
{
	struct shmif_bus *sb = sp->sp_bus;
	uint32_t seq;

	seq = __atomic_load_n(&sb->sb_wakeseq, __ATOMIC_SEQ_CST);
	/* Writers wake only when someone sleeps: announce, then re-check. */
	__atomic_add_fetch(&sb->sb_sleepers, 1, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&sb->sb_head, __ATOMIC_SEQ_CST) == sp->sp_pos &&
	    !__atomic_load_n(stop, __ATOMIC_SEQ_CST))
		(void)futex_wait(&sb->sb_wakeseq, seq, timeout_ms);
	__atomic_sub_fetch(&sb->sb_sleepers, 1, __ATOMIC_SEQ_CST);
}

void
rumpcomp_netif__bus_wakeall(struct shmif_port *sp)
{
	struct shmif_bus *sb = sp->sp_bus;

	__atomic_add_fetch(&sb->sb_wakeseq, 1, __ATOMIC_SEQ_CST);
	futex_wake(&sb->sb_wakeseq, INT_MAX);
}
