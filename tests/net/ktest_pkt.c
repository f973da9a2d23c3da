/* ktest_pkt.c -- kernel self-tests of packet buffers (net/pkt.h):
 * chains, headroom, trimming, pullup, copies and the checksum. */
#include "../ktest/ktest.h"
#include <net/pkt.h>

/* A packet of len bytes whose byte i is (uint8_t)(i * 3 + 1). */
static struct pkt *
pattern_pkt(size_t len, size_t headroom)
{
	struct pkt *p = pkt_alloc(len, headroom);

	for (size_t i = 0; p != NULL && i < len; i++) {
		uint8_t b = (uint8_t)(i * 3 + 1);

		pkt_copyback(p, i, 1, &b);
	}
	return p;
}

static bool
pattern_ok(const struct pkt *p, size_t from, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		uint8_t b;

		if (pkt_copydata(p, i, 1, &b) != 0 ||
		    b != (uint8_t)((from + i) * 3 + 1))
			return false;
	}
	return true;
}

KTEST(pkt_chain_alloc)
{
	struct pkt *p = pattern_pkt(5000, PKT_HEADROOM);
	size_t total = 0;
	int nseg = 0;

	if (!KT_CHECK(kt, p != NULL))
		return;
	for (struct pkt *s = p; s != NULL; s = s->pk_next) {
		total += s->pk_len;
		nseg++;
	}
	KT_EQ(kt, total, 5000);
	KT_EQ(kt, p->pk_pktlen, 5000);
	KT_CHECK(kt, nseg >= 3);
	KT_CHECK(kt, pattern_ok(p, 0, 5000));
	uint8_t b[4];
	KT_EQ(kt, pkt_copydata(p, 4998, 4, b), -EINVAL);
	KT_EQ(kt, pkt_copyback(p, 5000, 1, b), -EINVAL);
	pkt_free(p);
	pkt_free(NULL);
}

KTEST(pkt_prepend_adj)
{
	struct pkt *p = pattern_pkt(100, 16);
	uint8_t hdr[40];

	if (!KT_CHECK(kt, p != NULL))
		return;
	/* Fits the headroom: same segment. */
	KT_EQ(kt, pkt_prepend(&p, 14), 0);
	KT_EQ(kt, p->pk_pktlen, 114);
	KT_EQ(kt, p->pk_next, NULL);
	/* Does not fit: a new first segment. */
	KT_EQ(kt, pkt_prepend(&p, 40), 0);
	KT_EQ(kt, p->pk_pktlen, 154);
	KT_CHECK(kt, p->pk_next != NULL);
	memset(hdr, 0xab, sizeof(hdr));
	KT_EQ(kt, pkt_copyback(p, 0, sizeof(hdr), hdr), 0);
	/* Trim both headers off again: the payload is unchanged. */
	pkt_adj(p, 54);
	KT_EQ(kt, p->pk_pktlen, 100);
	KT_CHECK(kt, pattern_ok(p, 0, 100));
	pkt_adj(p, -10);
	KT_EQ(kt, p->pk_pktlen, 90);
	KT_CHECK(kt, pattern_ok(p, 0, 90));
	KT_EQ(kt, pkt_copydata(p, 0, 91, hdr), -EINVAL);
	pkt_adj(p, -1000);
	KT_EQ(kt, p->pk_pktlen, 0);
	pkt_free(p);
}

KTEST(pkt_pullup)
{
	struct pkt *p = pattern_pkt(3000, 0);

	if (!KT_CHECK(kt, p != NULL))
		return;
	/* Trim so the first segment is short, then pull up across it. */
	pkt_adj(p, (long)p->pk_len - 10);
	KT_EQ(kt, p->pk_len, 10);
	size_t base = 3000 - p->pk_pktlen;
	KT_EQ(kt, pkt_pullup(&p, 60), 0);
	if (!KT_CHECK(kt, p != NULL))
		return;
	KT_CHECK(kt, p->pk_len >= 60);
	KT_EQ(kt, p->pk_pktlen, 3000 - base);
	KT_CHECK(kt, pattern_ok(p, base, 3000 - base));
	for (size_t i = 0; i < 60; i++)
		if (!KT_EQ(kt, p->pk_data[i], (uint8_t)((base + i) * 3 + 1)))
			break;
	/* A packet shorter than the header asked for is freed. */
	KT_EQ(kt, pkt_pullup(&p, 4000), -EINVAL);
	KT_EQ(kt, p, NULL);
}

KTEST(pkt_cksum)
{
	/* RFC 1071's example words 0001 f203 f4f5 f6f7: sum ddf2, so the
	 * checksum is ~ddf2 = 220d. */
	static const uint8_t words[] = { 0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5,
	    0xf6, 0xf7 };
	struct pkt *p = pkt_from_buf(words, sizeof(words), 0);

	if (!KT_CHECK(kt, p != NULL))
		return;
	KT_EQ(kt, pkt_cksum(p, 0, sizeof(words), 0), 0x220d);
	KT_EQ(kt, in_cksum_fold(in_cksum_add(0, words, sizeof(words))), 0x220d);
	pkt_free(p);

	/* The same over a chain split at odd offsets: equal to the flat
	 * sum, and a packet carrying its checksum sums to 0. */
	uint8_t buf[301];
	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (uint8_t)(i * 37 + 11);
	buf[0] = buf[1] = 0;
	uint16_t flat = in_cksum_fold(in_cksum_add(0, buf, sizeof(buf)));
	p = pkt_from_buf(buf, sizeof(buf), 8);
	if (!KT_CHECK(kt, p != NULL))
		return;
	KT_EQ(kt, pkt_prepend(&p, 7), 0);   /* fits: same segment */
	KT_EQ(kt, pkt_prepend(&p, 99), 0);  /* odd-length new segment */
	pkt_adj(p, 106);
	KT_EQ(kt, pkt_cksum(p, 0, sizeof(buf), 0), flat);
	/* Split the data itself at an odd place with pullup. */
	pkt_adj(p, 0);
	KT_EQ(kt, pkt_pullup(&p, 3), 0);
	KT_EQ(kt, pkt_cksum(p, 0, sizeof(buf), 0), flat);
	uint8_t ck[2] = { (uint8_t)(flat >> 8), (uint8_t)flat };
	KT_EQ(kt, pkt_copyback(p, 0, 2, ck), 0);
	KT_EQ(kt, pkt_cksum(p, 0, sizeof(buf), 0), 0);
	struct pkt *d = pkt_dup(p, 0);
	KT_CHECK(kt, d != NULL && d->pk_pktlen == sizeof(buf));
	KT_CHECK(kt, d != NULL && pkt_cksum(d, 0, sizeof(buf), 0) == 0);
	pkt_free(d);
	pkt_free(p);
}
