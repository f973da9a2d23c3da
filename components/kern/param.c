/*
 * param.c -- bootstrap parameters, as rumpkernel(7) defines them.  A bad
 * value is reported with the parameter's name and fails rump_init.
 */
#include "kern_int.h"
#include <rumpuser.h>

int boot_verbose;
char hostname[65] = "rump";
static int param_ncpu = 2;

/*
 * Defaults an image carries for parameters its host does not set: a
 * string "KEY=VALUE KEY=VALUE" that rumprun-bake links in from the
 * image's configuration.  Weak: hosted programs have none.
 */
extern const char rump_boot_defaults[] __attribute__((__weak__));

static int
default_param(const char *name, char *buf, size_t len)
{
	size_t nlen = strlen(name);
	const char *p = rump_boot_defaults;

	if (p == NULL)
		return -ENOENT;
	while (*p != '\0') {
		const char *end = strchr(p, ' ');
		size_t wlen = end != NULL ? (size_t)(end - p) : strlen(p);
		if (wlen > nlen && strncmp(p, name, nlen) == 0 && p[nlen] == '=') {
			size_t vlen = wlen - nlen - 1;
			if (vlen + 1 > len)
				return -E2BIG;
			memcpy(buf, p + nlen + 1, vlen);
			buf[vlen] = '\0';
			return 0;
		}
		p += wlen;
		while (*p == ' ')
			p++;
	}
	return -ENOENT;
}

int
kern_getparam(const char *name, char *buf, size_t len)
{
	int error = rumpuser_getparam(name, buf, len);

	if (error == 0)
		return 0;
	if (error == ENOENT) {
		error = default_param(name, buf, len);
		if (error != -E2BIG)
			return error;
		error = E2BIG;
	}
	printf("rump_init: %s: cannot read the parameter (error %d)\n",
	    name, error);
	return -EINVAL;
}

static int
parse_ncpu(void)
{
	char buf[32];
	uint64_t v;
	int error;

	error = kern_getparam("RUMP_NCPU", buf, sizeof(buf));
	if (error == -ENOENT)
		return 0;
	if (error != 0)
		return error;
	if (strcmp(buf, "host") == 0) {
		error = kern_getparam("_RUMPUSER_NCPU", buf, sizeof(buf));
		if (error != 0 || parse_u64(buf, NULL, &v, NULL) != 0 || v == 0) {
			printf("rump_init: RUMP_NCPU=host: the host does not "
			       "tell its number of CPUs\n");
			return -EINVAL;
		}
		/* More host cores than we support: use what we support. */
		param_ncpu = v > MAXCPUS ? MAXCPUS : (int)v;
		return 0;
	}
	if (parse_u64(buf, NULL, &v, NULL) != 0 || v < 1 || v > MAXCPUS) {
		printf("rump_init: RUMP_NCPU=%s: expected a number from 1 to "
		       "%d or \"host\"\n", buf, MAXCPUS);
		return -EINVAL;
	}
	param_ncpu = (int)v;
	return 0;
}

static int
parse_verbose(void)
{
	char buf[32];
	uint64_t v;
	int error;

	error = kern_getparam("RUMP_VERBOSE", buf, sizeof(buf));
	if (error == -ENOENT)
		return 0;
	if (error != 0)
		return error;
	if (parse_u64(buf, NULL, &v, NULL) != 0) {
		printf("rump_init: RUMP_VERBOSE=%s: expected a number\n", buf);
		return -EINVAL;
	}
	boot_verbose = v != 0;
	return 0;
}

/* "64m" -> 67108864; suffixes k, m, g (either case) are powers of 1024. */
static int
parse_size(const char *s, uint64_t *val)
{
	const char *end;
	uint64_t v, mult = 1;

	if (parse_u64(s, "kKmMgG", &v, &end) != 0)
		return -EINVAL;
	switch (*end) {
	case '\0':
		break;
	case 'k': case 'K':
		mult = 1ULL << 10;
		break;
	case 'm': case 'M':
		mult = 1ULL << 20;
		break;
	case 'g': case 'G':
		mult = 1ULL << 30;
		break;
	}
	if (*end != '\0' && end[1] != '\0')
		return -EINVAL;
	if (v > UINT64_MAX / mult)
		return -ERANGE;
	*val = v * mult;
	return 0;
}

static int
parse_memlimit(void)
{
	char buf[32];
	uint64_t v;
	int error;

	error = kern_getparam("RUMP_MEMLIMIT", buf, sizeof(buf));
	if (error == -ENOENT) {
		/* A platform that owns its machine gives all of it. */
		if (kern_getparam("_RUMPUSER_MEMLIMIT", buf, sizeof(buf)) == 0 &&
		    parse_size(buf, &v) == 0 && v > 0)
			memlimit_bytes = v;
		return 0;
	}
	if (error != 0)
		return error;
	if (parse_size(buf, &v) != 0 || v == 0) {
		printf("rump_init: RUMP_MEMLIMIT=%s: expected a size in bytes "
		       "with an optional k, m or g suffix\n", buf);
		return -EINVAL;
	}
	memlimit_bytes = v;
	return 0;
}

static int
parse_hostname(void)
{
	char buf[sizeof(hostname)];
	int error;

	error = kern_getparam("RUMP_HOSTNAME", buf, sizeof(buf));
	if (error == -ENOENT)
		return 0;
	if (error != 0) {
		printf("rump_init: RUMP_HOSTNAME: at most %zu characters\n",
		    sizeof(hostname) - 1);
		return -EINVAL;
	}
	strlcpy(hostname, buf, sizeof(hostname));
	return 0;
}

/* param_parse: read every parameter; -EINVAL if any was bad. */
int
param_parse(void)
{
	int error = 0;

	/* Parse all of them so one run reports every bad one. */
	if (parse_verbose() != 0)
		error = -EINVAL;
	if (parse_ncpu() != 0)
		error = -EINVAL;
	if (parse_memlimit() != 0)
		error = -EINVAL;
	if (parse_hostname() != 0)
		error = -EINVAL;
	ncpu = param_ncpu;
	return error;
}
