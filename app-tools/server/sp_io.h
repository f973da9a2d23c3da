/*
 * sp_io.h -- reading and writing whole frames of the remote system call
 * protocol on a socket (sp_io.c); shared by rump_server and
 * librumpclient.
 */
#ifndef SP_IO_H
#define SP_IO_H

#include <stddef.h>
#include "sp_proto.h"

/*
 * sp_send: write one frame: header of type with len = hlen + dlen, then
 * head (hlen bytes) and data (dlen bytes, may be NULL when 0).  Returns
 * 0 or a negative errno (-EPIPE, -ECONNRESET ...); retries EINTR.
 */
int sp_send(int fd, int type, const void *head, size_t hlen,
    const void *data, size_t dlen);
/*
 * sp_recvhdr: read a frame header; -EPROTO if it is malformed (zero
 * field set, or len > maxlen), -ECONNRESET at end of stream.
 */
int sp_recvhdr(int fd, struct sp_hdr *h, size_t maxlen);
/* sp_recvall: read exactly len bytes; 0 or negative errno. */
int sp_recvall(int fd, void *buf, size_t len);
/* sp_skip: read and drop len bytes. */
int sp_skip(int fd, size_t len);

#endif /* SP_IO_H */
