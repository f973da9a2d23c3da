/*
 * bootnet.c -- the "net" key of the boot configuration (docs/config.md):
 * create each interface on its back end, then give it an address by
 * DHCP or statically, with a default route and name servers.  Every
 * problem names the entry and key; the boot then stops.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rump/rump_net.h>

#include "base.h"
#include "json.h"

/*
 * Weak: an image without an interface driver (rumpnet_virtif) or DHCP
 * client (rumpnet_dhcp) still links, and says so when asked for one.
 */
#pragma weak rump_net_if_create
#pragma weak rump_net_if_setaddr
#pragma weak rump_net_route_add
#pragma weak rump_net_if_dhcp
#pragma weak rump_net_dns_set

#define RESOLV_CONF "/etc/resolv.conf"
#define MAX_DNS 3 /* what musl's resolver reads */
#define DHCP_TIMEOUT_MS 30000 /* then the boot stops: no address */

static const char *const net_keys[] = {
	"if", "cloner", "backend", "type", "method", "addr", "mask", "gw", "dns",
};

static int
net_error(size_t idx, const char *key, const char *fmt, ...)
    __attribute__((__format__(__printf__, 3, 4)));

static int
net_error(size_t idx, const char *key, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "rumprun: boot configuration: net[%zu]%s%s: ", idx,
	    key ? "." : "", key ? key : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return RUMPRUN_EXIT_CONFIG;
}

/* The string value of key, or NULL if absent; -1 in *bad if not a string. */
static const char *
str_of(const struct json *e, const char *key, int *bad)
{
	const struct json *v = json_get(e, key);

	if (v == NULL)
		return NULL;
	if (v->type != JSON_STRING) {
		*bad = 1;
		return NULL;
	}
	return v->s;
}

/* Parse a prefix length: 1..32 as a number or a string, or a dotted
 * contiguous netmask.  -1 if it is none of them. */
static int
prefix_of(const struct json *m)
{
	struct in_addr a;
	char *end;
	long n;

	if (m->type == JSON_INT)
		return m->i >= 1 && m->i <= 32 ? (int)m->i : -1;
	if (m->type != JSON_STRING)
		return -1;
	if (strchr(m->s, '.') != NULL) {
		if (inet_pton(AF_INET, m->s, &a) != 1)
			return -1;
		uint32_t h = ntohl(a.s_addr);
		int len = 0;
		while (len < 32 && (h & (0x80000000u >> len)))
			len++;
		/* contiguous: nothing after the ones */
		if (len == 0 || (len < 32 && (h << len) != 0))
			return -1;
		return len;
	}
	n = strtol(m->s, &end, 10);
	return *end == '\0' && end != m->s && n >= 1 && n <= 32 ? (int)n : -1;
}

static int
addr_of(const char *s, uint32_t *a)
{
	struct in_addr in;

	if (s == NULL || inet_pton(AF_INET, s, &in) != 1)
		return -1;
	*a = in.s_addr;
	return 0;
}

/* Collect name servers of entry e into dns[]; -1 after a message. */
static int
collect_dns(size_t idx, const struct json *e, char dns[][INET_ADDRSTRLEN],
    int *ndns)
{
	const struct json *d = json_get(e, "dns");
	uint32_t a;

	if (d == NULL)
		return 0;
	if (d->type != JSON_STRING && d->type != JSON_ARRAY)
		return net_error(idx, "dns", "must be an address or an array of them");
	for (size_t i = 0; i < (d->type == JSON_ARRAY ? d->n : 1); i++) {
		const struct json *s = d->type == JSON_ARRAY ? d->elems[i] : d;
		if (s->type != JSON_STRING || addr_of(s->s, &a) != 0)
			return net_error(idx, "dns", "'%s' is not an IPv4 address",
			    s->type == JSON_STRING ? s->s : "(not a string)");
		if (*ndns < MAX_DNS)
			snprintf(dns[(*ndns)++], INET_ADDRSTRLEN, "%s", s->s);
	}
	return 0;
}

/* Name servers to /etc/resolv.conf: by the kernel's call when the
 * image has it (rumpnet_dhcp), else written here. */
static int
write_resolv(char dns[][INET_ADDRSTRLEN], int ndns)
{
	const char *servers[MAX_DNS];
	FILE *f;
	int error;

	if (rump_net_dns_set != NULL) {
		for (int i = 0; i < ndns; i++)
			servers[i] = dns[i];
		if ((error = rump_net_dns_set(servers, ndns, NULL)) == 0)
			return 0;
		fprintf(stderr, "rumprun: boot configuration: net: dns: %s\n",
		    strerror(error));
		return RUMPRUN_EXIT_CONFIG;
	}
	f = fopen(RESOLV_CONF, "w");

	if (f == NULL) {
		fprintf(stderr, "rumprun: boot configuration: net: cannot "
				"write " RESOLV_CONF ": %s\n", strerror(errno));
		return RUMPRUN_EXIT_CONFIG;
	}
	fprintf(f, "# written at boot from the \"dns\" of the boot configuration\n");
	for (int i = 0; i < ndns; i++)
		fprintf(f, "nameserver %s\n", dns[i]);
	if (fclose(f) != 0) {
		fprintf(stderr, "rumprun: boot configuration: net: " RESOLV_CONF
				": %s\n", strerror(errno));
		return RUMPRUN_EXIT_CONFIG;
	}
	return 0;
}

static int
apply_static(size_t idx, const struct json *e, const char *ifname)
{
	const struct json *m = json_get(e, "mask");
	const char *addr, *gw;
	uint32_t a, g;
	int bad = 0, plen, error;

	addr = str_of(e, "addr", &bad);
	if (addr == NULL || addr_of(addr, &a) != 0 || a == 0)
		return net_error(idx, "addr", "static needs an IPv4 address, "
		    "not %s", bad ? "a non-string" : addr ? addr : "nothing");
	if (m == NULL || (plen = prefix_of(m)) < 0)
		return net_error(idx, "mask", "a prefix length 1..32 or a "
		    "netmask is needed");
	gw = str_of(e, "gw", &bad);
	if (bad || (gw != NULL && addr_of(gw, &g) != 0))
		return net_error(idx, "gw", "'%s' is not an IPv4 address",
		    gw ? gw : "(not a string)");
	if ((error = rump_net_if_setaddr(ifname, a, plen)) != 0)
		return net_error(idx, "addr", "%s/%d on %s: %s", addr, plen,
		    ifname, strerror(error));
	if (gw != NULL && (error = rump_net_route_add(0, 0, g)) != 0)
		return net_error(idx, "gw", "default route via %s: %s", gw,
		    strerror(error));
	return 0;
}

static int
apply_entry(size_t idx, const struct json *e, char dns[][INET_ADDRSTRLEN],
    int *ndns)
{
	const struct json *cl;
	const char *ifname, *backend, *type, *method;
	int bad = 0, error;
	bool cloner = true;

	if (e->type != JSON_OBJECT)
		return net_error(idx, NULL, "must be an object");
	for (size_t i = 0; i < e->n; i++) {
		size_t k;
		for (k = 0; k < sizeof(net_keys) / sizeof(net_keys[0]); k++)
			if (strcmp(e->keys[i], net_keys[k]) == 0)
				break;
		if (k == sizeof(net_keys) / sizeof(net_keys[0]))
			return net_error(idx, NULL, "unknown key '%s'", e->keys[i]);
	}
	ifname = str_of(e, "if", &bad);
	if (ifname == NULL || ifname[0] == '\0' || strlen(ifname) > 15)
		return net_error(idx, "if", "an interface name of 1..15 "
		    "characters is needed");
	if ((cl = json_get(e, "cloner")) != NULL) {
		if (cl->type != JSON_BOOL)
			return net_error(idx, "cloner", "must be true or false");
		cloner = cl->i != 0;
	}
	backend = str_of(e, "backend", &bad);
	if (bad)
		return net_error(idx, "backend", "must be a string");
	type = str_of(e, "type", &bad);
	method = str_of(e, "method", &bad);
	if (bad)
		return net_error(idx, NULL, "type and method must be strings");
	if (type != NULL && strcmp(type, "inet") != 0)
		return net_error(idx, "type", "'%s' is not supported (only "
		    "\"inet\")", type);
	if (method != NULL && type == NULL)
		return net_error(idx, "type", "\"inet\" is needed with a method");
	if (method != NULL && strcmp(method, "static") != 0 &&
	    strcmp(method, "dhcp") != 0)
		return net_error(idx, "method", "'%s': expected \"dhcp\" or "
		    "\"static\"", method);
	if ((method == NULL || strcmp(method, "static") != 0) &&
	    (json_get(e, "addr") || json_get(e, "mask") || json_get(e, "gw")))
		return net_error(idx, NULL, "addr, mask and gw go with "
		    "\"method\": \"static\"");
	if (collect_dns(idx, e, dns, ndns) != 0)
		return RUMPRUN_EXIT_CONFIG;
	if (rump_net_if_setaddr == NULL)
		return net_error(idx, NULL, "this image has no IPv4 stack "
		    "(rumpnet_inet)");

	if (cloner) {
		if (rump_net_if_create == NULL)
			return net_error(idx, "if", "this image has no network "
			    "interface driver (rumpnet_virtif)");
		error = rump_net_if_create(ifname, backend ? backend : ifname);
		if (error == ENOTSUP)
			return net_error(idx, "if", "this image has no network "
			    "interface driver (rumpnet_virtif)");
		if (error != 0)
			return net_error(idx, "if", "cannot create %s on %s: %s",
			    ifname, backend ? backend : ifname,
			    error == ENXIO ? "no such device (is there a NIC, "
					     "e.g. rumprun -I?)" :
					     strerror(error));
	}
	if (method == NULL)
		return 0;
	if (strcmp(method, "static") == 0)
		return apply_static(idx, e, ifname);
	if (rump_net_if_dhcp == NULL)
		return net_error(idx, "method", "this image has no DHCP client "
		    "(rumpnet_dhcp); use \"static\"");
	if ((error = rump_net_if_dhcp(ifname, DHCP_TIMEOUT_MS)) != 0)
		return net_error(idx, "method", "DHCP on %s: %s", ifname,
		    error == ETIMEDOUT ? "no lease within 30 s" : strerror(error));
	return 0;
}

int
rumprun_config_net(const struct json *net)
{
	char dns[MAX_DNS][INET_ADDRSTRLEN];
	int ndns = 0, r;

	if (net->type != JSON_ARRAY) {
		fprintf(stderr, "rumprun: boot configuration: net: must be an "
				"array of objects\n");
		return RUMPRUN_EXIT_CONFIG;
	}
	for (size_t i = 0; i < net->n; i++)
		if ((r = apply_entry(i, net->elems[i], dns, &ndns)) != 0)
			return r;
	return ndns > 0 ? write_resolv(dns, ndns) : 0;
}
