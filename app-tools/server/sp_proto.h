/*
 * sp_proto.h -- the remote system call protocol between rump_server and
 * librumpclient (docs/sysproxy.md).  Every message is a frame: an
 * sp_hdr, then hdr.len payload bytes.  Integers are in host byte order:
 * both ends run on one machine (unix:// or tcp://127.0.0.1).
 */
#ifndef SP_PROTO_H
#define SP_PROTO_H

#include <stdint.h>

#define SP_MAGIC   0x31505352u /* "RSP1" */
#define SP_VERSION 1
/* Largest payload either side sends; bigger copies are split. */
#define SP_MAXDATA (256u * 1024)
#define SP_MAXFRAME (SP_MAXDATA + 64u)

enum sp_type {
	SP_HELLO = 1,      /* c->s  sp_hello */
	SP_HELLO_REPLY,    /* s->c  sp_hello_reply */
	SP_SYSCALL,        /* c->s  sp_syscall */
	SP_SYSRET,         /* s->c  sp_sysret: the call is over */
	SP_COPYIN,         /* s->c  sp_copyreq: send me len bytes at addr */
	SP_COPYINSTR,      /* s->c  sp_copyreq: send the string at addr */
	SP_COPYOUT,        /* s->c  sp_copyreq + len bytes: store at addr */
	SP_COPYDATA,       /* c->s  sp_copyreply (+ bytes for COPYIN/STR) */
};

struct sp_hdr {
	uint32_t len;  /* payload bytes after this header */
	uint16_t type; /* enum sp_type */
	uint16_t zero; /* must be 0 */
};

/* HELLO flags */
#define SP_HELLO_INHERIT 0x1 /* fork: rfork from process pid (cookie) */

struct sp_hello {
	uint32_t magic;    /* SP_MAGIC */
	uint32_t version;  /* SP_VERSION */
	uint32_t maxframe; /* largest frame the client accepts */
	uint32_t flags;
	int64_t pid;       /* with SP_HELLO_INHERIT: the parent's */
	uint64_t cookie;   /* with SP_HELLO_INHERIT: the parent's */
	char comm[16];     /* process name, for the server's log */
};

struct sp_hello_reply {
	uint32_t version;  /* the server's */
	uint32_t maxframe; /* largest frame the server accepts */
	int32_t error;     /* 0, or a Linux errno: connection refused */
	int32_t pid;       /* the kernel process serving this client */
	uint64_t cookie;   /* proves the right to inherit from pid */
};

struct sp_syscall {
	int64_t nr;        /* Linux x86_64 system call number */
	int64_t args[6];
};

struct sp_sysret {
	int64_t ret;       /* result or -errno */
};

struct sp_copyreq {
	uint64_t addr;     /* in the client's address space */
	uint64_t len;      /* <= SP_MAXDATA; COPYINSTR: max with the NUL */
};

struct sp_copyreply {
	int32_t error;     /* 0, or a Linux errno (EFAULT) */
	uint32_t len;      /* bytes that follow */
};

#endif /* SP_PROTO_H */
