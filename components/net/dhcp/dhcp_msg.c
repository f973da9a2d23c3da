/*
 * dhcp_msg.c -- DHCP messages (RFC 2131 section 2, options of RFC
 * 2132): the requests this client sends and the replies it reads.
 */
#include "dhcp_int.h"

/* RFC 2132 option codes. */
#define OPT_PAD 0
#define OPT_MASK 1
#define OPT_ROUTER 3
#define OPT_DNS 6
#define OPT_HOSTNAME 12
#define OPT_DOMAIN 15
#define OPT_REQADDR 50
#define OPT_LEASE 51
#define OPT_OVERLOAD 52
#define OPT_TYPE 53
#define OPT_SERVER 54
#define OPT_PARAMS 55
#define OPT_MAXSIZE 57
#define OPT_T1 58
#define OPT_T2 59
#define OPT_CLIENTID 61
#define OPT_END 255

static const uint8_t cookie[4] = { 99, 130, 83, 99 };

/* What we ask servers for (option 55). */
static const uint8_t wanted[] = {
	OPT_MASK, OPT_ROUTER, OPT_DNS, OPT_DOMAIN, OPT_LEASE, OPT_T1, OPT_T2,
};

/* How each option we read is stored in struct dhcp_lease. */
enum opt_kind { OK_ADDR, OK_ADDRS, OK_U32, OK_U8, OK_STRING };
static const struct {
	uint8_t code;
	enum opt_kind kind;
	size_t off;
} readers[] = {
	{ OPT_MASK, OK_ADDR, offsetof(struct dhcp_lease, dl_mask) },
	{ OPT_ROUTER, OK_ADDR, offsetof(struct dhcp_lease, dl_router) },
	{ OPT_DNS, OK_ADDRS, offsetof(struct dhcp_lease, dl_dns) },
	{ OPT_DOMAIN, OK_STRING, offsetof(struct dhcp_lease, dl_domain) },
	{ OPT_LEASE, OK_U32, offsetof(struct dhcp_lease, dl_lease) },
	{ OPT_TYPE, OK_U8, offsetof(struct dhcp_lease, dl_type) },
	{ OPT_SERVER, OK_ADDR, offsetof(struct dhcp_lease, dl_server) },
	{ OPT_T1, OK_U32, offsetof(struct dhcp_lease, dl_t1) },
	{ OPT_T2, OK_U32, offsetof(struct dhcp_lease, dl_t2) },
};

static uint8_t *
opt_put(uint8_t *o, uint8_t code, const void *val, size_t len)
{
	*o++ = code;
	*o++ = (uint8_t)len;
	memcpy(o, val, len);
	return o + len;
}

size_t
dhcp_build(const struct dhcp_req *r, uint8_t *buf)
{
	struct dhcp_hdr h;
	uint8_t *o = buf + sizeof(h), id[7], type = (uint8_t)r->dr_type;
	uint16_t maxsize = htons(DHCP_MSG_MAX);
	size_t len;

	memset(&h, 0, sizeof(h));
	h.dh_op = DHCP_BOOTREQUEST;
	h.dh_htype = 1;
	h.dh_hlen = 6;
	h.dh_xid = r->dr_xid;
	h.dh_secs = htons(r->dr_secs);
	h.dh_flags = r->dr_broadcast ? htons(DHCP_FLAG_BROADCAST) : 0;
	h.dh_ciaddr = r->dr_ciaddr;
	memcpy(h.dh_chaddr, r->dr_hwaddr, 6);
	memcpy(h.dh_cookie, cookie, 4);
	memcpy(buf, &h, sizeof(h));
	o = opt_put(o, OPT_TYPE, &type, 1);
	/* Client identifier: hardware type and address (RFC 2132 9.14). */
	id[0] = 1;
	memcpy(id + 1, r->dr_hwaddr, 6);
	o = opt_put(o, OPT_CLIENTID, id, sizeof(id));
	if (r->dr_reqaddr != 0)
		o = opt_put(o, OPT_REQADDR, &r->dr_reqaddr, 4);
	if (r->dr_server != 0)
		o = opt_put(o, OPT_SERVER, &r->dr_server, 4);
	o = opt_put(o, OPT_MAXSIZE, &maxsize, 2);
	o = opt_put(o, OPT_PARAMS, wanted, sizeof(wanted));
	if (r->dr_hostname != NULL && r->dr_hostname[0] != '\0')
		o = opt_put(o, OPT_HOSTNAME, r->dr_hostname,
		    MIN(strlen(r->dr_hostname), 63));
	*o++ = OPT_END;
	len = (size_t)(o - buf);
	/*
	 * Padded to the 312-byte options field of RFC 2131 section 2
	 * (548 bytes, a 576-byte datagram): servers that read the message
	 * as that fixed structure ignore shorter ones -- libslirp's, which
	 * QEMU's user networking uses, does since 4.6 -- and BOOTP relays
	 * want 300 at least (RFC 1542).
	 */
	if (len < DHCP_MSG_MIN) {
		memset(o, 0, DHCP_MSG_MIN - len);
		len = DHCP_MSG_MIN;
	}
	return len;
}

static int
opt_read(struct dhcp_lease *l, uint8_t code, const uint8_t *v, size_t len)
{
	uint8_t *field;
	uint32_t u;

	for (size_t i = 0; i < sizeof(readers) / sizeof(readers[0]); i++) {
		if (readers[i].code != code)
			continue;
		field = (uint8_t *)l + readers[i].off;
		switch (readers[i].kind) {
		case OK_ADDR:
			/* Router lists: the first is the default router. */
			if (len < 4 || (code != OPT_ROUTER && len != 4))
				return -EINVAL;
			memcpy(field, v, 4);
			return 0;
		case OK_ADDRS:
			if (len < 4 || len % 4 != 0)
				return -EINVAL;
			l->dl_ndns = (int)MIN(len / 4, DHCP_MAXDNS);
			memcpy(field, v, (size_t)l->dl_ndns * 4);
			return 0;
		case OK_U32:
			if (len != 4)
				return -EINVAL;
			memcpy(&u, v, 4);
			u = ntohl(u);
			memcpy(field, &u, 4);
			return 0;
		case OK_U8:
			if (len != 1)
				return -EINVAL;
			*(int *)(void *)field = v[0];
			return 0;
		case OK_STRING:
			/* Servers may count a NUL at the end (RFC 2132 2). */
			len = strnlen((const char *)v, len);
			if (len >= DHCP_DOMAIN_MAX)
				return -EINVAL;
			memcpy(field, v, len);
			field[len] = '\0';
			return 0;
		}
	}
	return 0;  /* an option we do not use */
}

int
dhcp_parse(const uint8_t *buf, size_t len, struct dhcp_lease *l)
{
	struct dhcp_hdr h;
	size_t i;

	memset(l, 0, sizeof(*l));
	if (len < sizeof(h))
		return -EINVAL;
	memcpy(&h, buf, sizeof(h));
	if (h.dh_op != DHCP_BOOTREPLY || h.dh_htype != 1 || h.dh_hlen != 6 ||
	    memcmp(h.dh_cookie, cookie, 4) != 0)
		return -EINVAL;
	l->dl_xid = h.dh_xid;
	l->dl_yiaddr = h.dh_yiaddr;
	memcpy(l->dl_chaddr, h.dh_chaddr, 6);
	/* Options; sname and file stay unread even when option 52 says
	 * they hold more: nothing this client needs goes there. */
	for (i = sizeof(h); i < len;) {
		uint8_t code = buf[i], olen;

		if (code == OPT_END)
			break;
		if (code == OPT_PAD) {
			i++;
			continue;
		}
		if (i + 2 > len || i + 2 + (olen = buf[i + 1]) > len)
			return -EINVAL;
		if (opt_read(l, code, buf + i + 2, olen) != 0)
			return -EINVAL;
		i += 2 + (size_t)olen;
	}
	if (l->dl_type != DHCPOFFER && l->dl_type != DHCPACK &&
	    l->dl_type != DHCPNAK)
		return -EINVAL;
	return 0;
}
