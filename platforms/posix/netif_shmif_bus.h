/*
 * netif_shmif_bus.h -- the shared-memory Ethernet bus: the layout of
 * the bus file that several processes map as one segment, and the
 * calls on it (netif_shmif_bus.c).  docs/networking.md describes the
 * format for readers who write their own peer.
 *
 * The file is a 4096-byte header and a ring of records.  Positions are
 * 64-bit byte counts that only grow; a position's place in the ring is
 * pos % sb_ringsize, and pos / sb_ringsize is the ring's generation.
 * Writers (senders) serialise on sb_lock; readers take no lock: each
 * keeps its own position and checks after copying a record that the
 * writers' tail has not passed it (if it has, the record may be torn
 * and the reader was lapped: it skips to the tail and counts drops).
 * All fields are in the host's byte order: a bus is shared by the
 * processes of one machine.
 */
#ifndef NETIF_SHMIF_BUS_H
#define NETIF_SHMIF_BUS_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>

#include "rumpcomp_netif.h"

#define SHMIF_MAGIC 0x6d687372u   /* "rshm" read as a little-endian word */
#define SHMIF_VERSION 2   /* 2: records carry checksum offload */
#define SHMIF_HDRSIZE 4096
#define SHMIF_RING_DEFAULT (1u << 20)
#define SHMIF_RING_MIN (64u << 10)
#define SHMIF_RING_MAX (1u << 30)

/* sb_lock: 0 free, else the holder's pid, with this bit when waited for. */
#define SHMIF_LOCK_WAITERS 0x80000000u

struct shmif_bus {
	uint32_t sb_magic;       /* SHMIF_MAGIC, written last at creation */
	uint32_t sb_version;     /* SHMIF_VERSION */
	uint32_t sb_hdrsize;     /* bytes before the ring: SHMIF_HDRSIZE */
	uint32_t sb_ringsize;    /* bytes of the ring, a multiple of 4096 */
	uint32_t sb_lock;        /* futex: the writers' lock */
	uint32_t sb_wakeseq;     /* futex: bumped after every frame */
	uint32_t sb_sleepers;    /* readers waiting on sb_wakeseq */
	uint32_t sb_pad;
	uint64_t sb_head;        /* where the next record goes */
	uint64_t sb_tail;        /* the oldest record not overwritten */
	uint64_t sb_nextseq;     /* frame number of the next frame */
	uint64_t sb_tailseq;     /* frame number of the first frame at sb_tail */
};

/*
 * A record: this header and the frame, padded to SHMIF_RECALIGN.  A
 * record never wraps: when the room to the ring's end is too short the
 * writer fills it with a SHMIF_WRAP record and starts at offset 0.
 */
#define SHMIF_RECALIGN 32
#define SHMIF_WRAP 0xffffffffu
struct shmif_rec {
	uint32_t sr_reclen;      /* bytes of the record, header included */
	uint32_t sr_framelen;    /* frame bytes, or SHMIF_WRAP */
	uint64_t sr_sender;      /* the sending attachment's id */
	uint64_t sr_seq;         /* frame number */
	uint32_t sr_flags;       /* SHMIF_REC_* */
	uint16_t sr_csum_start;  /* with SHMIF_REC_CSUM_PARTIAL: where the */
	uint16_t sr_csum_offset; /* checksummed bytes and the field are */
};
/*
 * The frame's transport checksum is partial (the field holds the pseudo
 * header's sum, as virtio's NEEDS_CSUM): the sender left it to the
 * receiver, which may deliver it unverified -- the frame never left this
 * host's memory -- or finish it.
 */
#define SHMIF_REC_CSUM_PARTIAL 0x1

/* One process's mapping of a bus and its reading position. */
struct shmif_port {
	struct shmif_bus *sp_bus;
	uint8_t *sp_ring;
	size_t sp_maplen;
	uint64_t sp_id;          /* frames with this sender are our own */
	uint32_t sp_pid;         /* our pid, the writers' lock word */
	uint64_t sp_pos;         /* next record to read */
	uint64_t sp_seq;         /* frame number expected there */
	uint64_t sp_drops;       /* frames lost by being lapped */
	uint64_t sp_corrupt;     /* times a bad record made us resync */
};

/*
 * rumpcomp_netif__bus_attach: map the bus file path, creating it with a
 * ring of ringsize bytes if it does not exist or is empty, and start
 * reading at its head.  Returns 0 or an errno (EINVAL: the file is not
 * a bus of this version).  The canonical path goes to key.
 */
int rumpcomp_netif__bus_attach(const char *path, uint32_t ringsize,
    uint64_t id, struct shmif_port *sp, char *key, size_t keylen);
void rumpcomp_netif__bus_detach(struct shmif_port *sp);

/*
 * rumpcomp_netif__bus_write: put one frame (len bytes) on the bus; pkt
 * (not NULL) says whether its checksum is partial, and where.
 */
void rumpcomp_netif__bus_write(struct shmif_port *sp, const void *iov,
    uint64_t iovcnt, uint64_t len, const struct rumpcomp_netif_pkt *pkt);

/*
 * rumpcomp_netif__bus_read: the next frame of another attachment into
 * buf; 0 with *lenp and *pkt (NEEDS_CSUM with the offsets when its
 * checksum is partial, else flags 0), or EAGAIN when there is none.
 * Frames longer than buflen are skipped and counted in *oversizep.
 */
int rumpcomp_netif__bus_read(struct shmif_port *sp, void *buf,
    uint64_t buflen, uint64_t *lenp, struct rumpcomp_netif_pkt *pkt,
    uint64_t *oversizep);

/*
 * rumpcomp_netif__bus_wait: sleep until a frame may be there, at most
 * timeout_ms, unless *stop is set; rumpcomp_netif__bus_wakeall after
 * setting *stop ends the sleep.
 */
void rumpcomp_netif__bus_wait(struct shmif_port *sp, int timeout_ms,
    const int *stop);
/* rumpcomp_netif__bus_wakeall: wake every reader of the bus. */
void rumpcomp_netif__bus_wakeall(struct shmif_port *sp);

#endif /* NETIF_SHMIF_BUS_H */
