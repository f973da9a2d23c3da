/*
 * tcp_sbuf.c -- the byte rings behind a TCP connection's send buffer
 * (unacknowledged and unsent data) and receive buffer (in-order data
 * the reader has not taken).  A ring starts empty and doubles as data
 * arrives, so idle connections cost no buffer memory.
 */
#include "tcp_var.h"

#define SBUF_MINCAP 4096

void
sbuf_free(struct tcp_sbuf *sb)
{
	if (sb->sb_buf != NULL)
		kmem_free(sb->sb_buf, sb->sb_cap);
	memset(sb, 0, sizeof(*sb));
}

size_t
sbuf_space(const struct tcp_sbuf *sb, size_t cap)
{
	return sb->sb_len >= cap ? 0 : cap - sb->sb_len;
}

/* Make room for need bytes in all; -ENOBUFS without memory. */
static int
sbuf_reserve(struct tcp_sbuf *sb, size_t need)
{
	size_t cap = sb->sb_cap ? sb->sb_cap : SBUF_MINCAP;
	uint8_t *nb;

	if (need <= sb->sb_cap)
		return 0;
	while (cap < need)
		cap *= 2;
	nb = kmem_alloc(cap, KM_NOSLEEP);
	if (nb == NULL)
		return -ENOBUFS;
	if (sb->sb_len > 0)
		sbuf_copy(sb, 0, sb->sb_len, nb);
	if (sb->sb_buf != NULL)
		kmem_free(sb->sb_buf, sb->sb_cap);
	sb->sb_buf = nb;
	sb->sb_cap = cap;
	sb->sb_head = 0;
	return 0;
}

/* The contiguous piece at logical offset off: its address and length. */
static uint8_t *
sbuf_at(const struct tcp_sbuf *sb, size_t off, size_t *contig)
{
	size_t i = (sb->sb_head + off) & (sb->sb_cap - 1);

	*contig = sb->sb_cap - i;
	return sb->sb_buf + i;
}

int
sbuf_append_uio(struct tcp_sbuf *sb, struct uio *uio, size_t n)
{
	int error = sbuf_reserve(sb, sb->sb_len + n);

	if (error != 0)
		return error;
	while (n > 0) {
		size_t c;
		uint8_t *d = sbuf_at(sb, sb->sb_len, &c);

		c = MIN(c, n);
		error = uiomove(d, c, uio);
		if (error != 0)
			return error;
		sb->sb_len += c;
		n -= c;
	}
	return 0;
}

int
sbuf_append_pkt(struct tcp_sbuf *sb, const struct pkt *p, size_t off,
    size_t n)
{
	int error = sbuf_reserve(sb, sb->sb_len + n);

	if (error != 0)
		return error;
	/* Skip to the segment holding off. */
	while (p != NULL && off >= p->pk_len) {
		off -= p->pk_len;
		p = p->pk_next;
	}
	while (n > 0 && p != NULL) {
		size_t c;
		uint8_t *d = sbuf_at(sb, sb->sb_len, &c);

		c = MIN(MIN(c, n), p->pk_len - off);
		memcpy(d, p->pk_data + off, c);
		sb->sb_len += c;
		n -= c;
		off += c;
		if (off == p->pk_len) {
			p = p->pk_next;
			off = 0;
		}
	}
	return n == 0 ? 0 : -EINVAL;
}

void
sbuf_copy(const struct tcp_sbuf *sb, size_t off, size_t n, void *buf)
{
	uint8_t *out = buf;

	while (n > 0) {
		size_t c;
		const uint8_t *s = sbuf_at(sb, off, &c);

		c = MIN(c, n);
		memcpy(out, s, c);
		out += c;
		off += c;
		n -= c;
	}
}

int
sbuf_to_uio(const struct tcp_sbuf *sb, size_t off, size_t n, struct uio *uio)
{
	while (n > 0) {
		size_t c;
		uint8_t *s = sbuf_at(sb, off, &c);
		int error;

		c = MIN(c, n);
		error = uiomove(s, c, uio);
		if (error != 0)
			return error;
		off += c;
		n -= c;
	}
	return 0;
}

void
sbuf_drop(struct tcp_sbuf *sb, size_t n)
{
	if (n >= sb->sb_len) {
		sb->sb_len = 0;
		sb->sb_head = 0;
		return;
	}
	sb->sb_head = (sb->sb_head + n) & (sb->sb_cap - 1);
	sb->sb_len -= n;
}
