/*
 * pkt.c -- packet buffers: segment chains with headroom, and the
 * Internet checksum over them (RFC 1071).
 */
#include <kern/kern.h>
#include <net/pkt.h>

static struct pkt *
seg_alloc(size_t size)
{
	struct pkt *p;

	p = kmem_alloc(sizeof(*p) + size, KM_SLEEP);
	if (p == NULL)
		return NULL;
	memset(p, 0, sizeof(*p));
	p->pk_size = size;
	p->pk_data = p->pk_buf;
	return p;
}

static void
seg_free(struct pkt *p)
{
	kmem_free(p, sizeof(*p) + p->pk_size);
}

void
pkt_free(struct pkt *p)
{
	while (p != NULL) {
		struct pkt *next = p->pk_next;

		seg_free(p);
		p = next;
	}
}

void
pkt_freeq(struct pkt *p)
{
	while (p != NULL) {
		struct pkt *next = p->pk_nextpkt;

		pkt_free(p);
		p = next;
	}
}

struct pkt *
pkt_alloc(size_t len, size_t headroom)
{
	struct pkt *head, **tailp = &head;
	size_t left = len;
	bool first = true;

	if (headroom > PKT_SEGMAX)
		return NULL;
	head = NULL;
	do {
		size_t room = first ? headroom : 0;
		size_t n = MIN(left, PKT_SEGMAX - room);
		struct pkt *s = seg_alloc(room + n);

		if (s == NULL) {
			pkt_free(head);
			return NULL;
		}
		s->pk_data = s->pk_buf + room;
		s->pk_len = n;
		*tailp = s;
		tailp = &s->pk_next;
		left -= n;
		first = false;
	} while (left > 0);
	head->pk_pktlen = len;
	return head;
}

int
pkt_prepend(struct pkt **pp, size_t n)
{
	struct pkt *p = *pp, *s;

	if (n > PKT_SEGMAX) {
		pkt_free(p);
		*pp = NULL;
		return -EINVAL;
	}
	if ((size_t)(p->pk_data - p->pk_buf) >= n) {
		p->pk_data -= n;
		p->pk_len += n;
		p->pk_pktlen += n;
		return 0;
	}
	/* No room: a new first segment, with headroom for more headers. */
	s = seg_alloc(PKT_HEADROOM + n);
	if (s == NULL) {
		pkt_free(p);
		*pp = NULL;
		return -ENOBUFS;
	}
	s->pk_data = s->pk_buf + PKT_HEADROOM;
	s->pk_len = n;
	s->pk_next = p;
	s->pk_nextpkt = p->pk_nextpkt;
	s->pk_pktlen = p->pk_pktlen + n;
	s->pk_rcvif = p->pk_rcvif;
	s->pk_flags = p->pk_flags;
	p->pk_nextpkt = NULL;
	*pp = s;
	return 0;
}

void
pkt_adj(struct pkt *p, long n)
{
	size_t left;

	if (n >= 0) {
		left = MIN((size_t)n, p->pk_pktlen);
		p->pk_pktlen -= left;
		/* Empty segments stay in the chain: cheaper than unlinking
		 * the first one, which holds the header. */
		for (struct pkt *s = p; s != NULL && left > 0; s = s->pk_next) {
			size_t k = MIN(left, s->pk_len);

			s->pk_data += k;
			s->pk_len -= k;
			left -= k;
		}
		return;
	}
	/* From the back: keep the first pktlen - |n| bytes. */
	left = (size_t)-n >= p->pk_pktlen ? 0 : p->pk_pktlen - (size_t)-n;
	p->pk_pktlen = left;
	for (struct pkt *s = p; s != NULL; s = s->pk_next) {
		size_t k = MIN(left, s->pk_len);

		s->pk_len = k;
		left -= k;
	}
}

int
pkt_pullup(struct pkt **pp, size_t n)
{
	struct pkt *p = *pp, *s;
	size_t room;
	int error;

	if (p->pk_len >= n)
		return 0;
	if (n > p->pk_pktlen || n > PKT_SEGMAX) {
		error = -EINVAL;
		goto out_free;
	}
	room = (size_t)(p->pk_data - p->pk_buf);
	s = seg_alloc(MIN(room, (size_t)PKT_HEADROOM) + n);
	if (s == NULL) {
		error = -ENOBUFS;
		goto out_free;
	}
	s->pk_data = s->pk_buf + (s->pk_size - n);
	error = pkt_copydata(p, 0, n, s->pk_data);
	if (error != 0) {
		seg_free(s);
		goto out_free;
	}
	s->pk_len = n;
	s->pk_pktlen = p->pk_pktlen;
	s->pk_rcvif = p->pk_rcvif;
	s->pk_flags = p->pk_flags;
	s->pk_nextpkt = p->pk_nextpkt;
	p->pk_nextpkt = NULL;
	/* Drop the copied bytes from the old chain and hang it behind. */
	pkt_adj(p, (long)n);
	s->pk_next = p;
	*pp = s;
	return 0;

out_free:
	pkt_free(p);
	*pp = NULL;
	return error;
}

int
pkt_copydata(const struct pkt *p, size_t off, size_t len, void *buf)
{
	uint8_t *out = buf;

	if (off > p->pk_pktlen || len > p->pk_pktlen - off)
		return -EINVAL;
	for (const struct pkt *s = p; s != NULL && len > 0; s = s->pk_next) {
		size_t k;

		if (off >= s->pk_len) {
			off -= s->pk_len;
			continue;
		}
		k = MIN(len, s->pk_len - off);
		memcpy(out, s->pk_data + off, k);
		out += k;
		len -= k;
		off = 0;
	}
	return len == 0 ? 0 : -EINVAL;
}

int
pkt_copyback(struct pkt *p, size_t off, size_t len, const void *buf)
{
	const uint8_t *in = buf;

	if (off > p->pk_pktlen || len > p->pk_pktlen - off)
		return -EINVAL;
	for (struct pkt *s = p; s != NULL && len > 0; s = s->pk_next) {
		size_t k;

		if (off >= s->pk_len) {
			off -= s->pk_len;
			continue;
		}
		k = MIN(len, s->pk_len - off);
		memcpy(s->pk_data + off, in, k);
		in += k;
		len -= k;
		off = 0;
	}
	return len == 0 ? 0 : -EINVAL;
}

struct pkt *
pkt_from_buf(const void *buf, size_t len, size_t headroom)
{
	struct pkt *p = pkt_alloc(len, headroom);

	if (p != NULL && pkt_copyback(p, 0, len, buf) != 0) {
		pkt_free(p);
		return NULL;
	}
	return p;
}

struct pkt *
pkt_dup(const struct pkt *p, size_t headroom)
{
	struct pkt *d = pkt_alloc(p->pk_pktlen, headroom);
	size_t off = 0;

	if (d == NULL)
		return NULL;
	for (const struct pkt *s = p; s != NULL; s = s->pk_next) {
		if (s->pk_len > 0)
			(void)pkt_copyback(d, off, s->pk_len, s->pk_data);
		off += s->pk_len;
	}
	d->pk_rcvif = p->pk_rcvif;
	d->pk_flags = p->pk_flags;
	return d;
}

uint32_t
in_cksum_add(uint32_t sum, const void *buf, size_t len)
{
	const uint8_t *b = buf;

	/* Big-endian 16-bit words; the sum is independent of host order
	 * because it is formed from bytes. */
	while (len > 1) {
		sum += (uint32_t)b[0] << 8 | b[1];
		if (sum & 0x80000000u)
			sum = (sum & 0xffff) + (sum >> 16);
		b += 2;
		len -= 2;
	}
	if (len == 1)
		sum += (uint32_t)b[0] << 8;
	return sum;
}

uint16_t
in_cksum_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

uint16_t
pkt_cksum(const struct pkt *p, size_t off, size_t len, uint32_t sum)
{
	bool odd = false;  /* an odd byte count so far shifts the next byte */

	for (const struct pkt *s = p; s != NULL && len > 0; s = s->pk_next) {
		const uint8_t *b;
		size_t k;

		if (off >= s->pk_len) {
			off -= s->pk_len;
			continue;
		}
		b = s->pk_data + off;
		k = MIN(len, s->pk_len - off);
		off = 0;
		len -= k;
		if (odd && k > 0) {
			sum += b[0];  /* low byte of the word begun before */
			b++;
			k--;
			odd = false;
		}
		sum = in_cksum_add(sum, b, k & ~(size_t)1);
		if (k & 1) {
			sum += (uint32_t)b[k - 1] << 8;
			odd = true;
		}
		sum = (sum & 0xffff) + (sum >> 16);
	}
	/* The result in network byte order, as a host integer. */
	return in_cksum_fold(sum);
}
