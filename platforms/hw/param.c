/*
 * param.c -- the boot command line, "KEY=VALUE KEY=VALUE ... -- REST".
 * Words before "--" that contain '=' are parameters; a value may be put
 * in double quotes to hold spaces.  rumpuser_getparam looks names up
 * here, except the _RUMPUSER_ ones, which the platform answers.
 */
#include "hw/lib.h"
#include "hw/mem.h"
#include "hw/param.h"

static const char *cmdline = "";

void rumphw_param_init(const char *s)
{
	cmdline = s ? s : "";
}

const char *rumphw_param_cmdline(void)
{
	return cmdline;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int rumphw_param_get(const char *key, char *buf, size_t buflen)
{
	size_t klen = rumphw_strlen(key);
	const char *p = cmdline;

	for (;;) {
		const char *w, *v, *vend;

		while (is_space(*p))
			p++;
		if (*p == '\0')
			return HW_ENOENT;
		w = p;
		if (p[0] == '-' && p[1] == '-' && (p[2] == '\0' || is_space(p[2])))
			return HW_ENOENT; /* the rest belongs to the program */
		while (*p && *p != '=' && !is_space(*p))
			p++;
		if (*p != '=') {
			while (*p && !is_space(*p))
				p++;
			continue; /* not a parameter */
		}
		bool match = (size_t)(p - w) == klen &&
		    rumphw_strncmp(w, key, klen) == 0;
		p++;
		if (*p == '"') {
			v = ++p;
			while (*p && *p != '"')
				p++;
			vend = p;
			if (*p)
				p++;
		} else {
			v = p;
			while (*p && !is_space(*p))
				p++;
			vend = p;
		}
		if (!match)
			continue;
		if ((size_t)(vend - v) + 1 > buflen)
			return HW_E2BIG;
		rumphw_memcpy(buf, v, (size_t)(vend - v));
		buf[vend - v] = '\0';
		return 0;
	}
}

bool rumphw_param_flag(const char *key)
{
	char v[8];

	return rumphw_param_get(key, v, sizeof(v)) == 0 && v[0] != '\0' &&
	    rumphw_strcmp(v, "0") != 0;
}

static int copy_out(const char *v, void *buf, uint64_t buflen)
{
	if (rumphw_strlen(v) + 1 > buflen)
		return HW_E2BIG;
	rumphw_strlcpy(buf, v, buflen);
	return 0;
}

int rumpuser_getparam(const char *name, void *buf, uint64_t buflen)
{
	char num[24];

	if (name == NULL || buf == NULL || buflen == 0)
		return HW_EINVAL;
	if (rumphw_strcmp(name, "_RUMPUSER_NCPU") == 0)
		return copy_out("1", buf, buflen);
	if (rumphw_strcmp(name, "_RUMPUSER_HOSTNAME") == 0)
		return copy_out("rumprun-hw", buf, buflen);
	/* The kernel's default memory limit on a machine of its own: all RAM. */
	if (rumphw_strcmp(name, "_RUMPUSER_MEMSIZE") == 0 ||
	    rumphw_strcmp(name, "_RUMPUSER_MEMLIMIT") == 0) {
		rumphw_snprintf(num, sizeof(num), "%lu",
		    rumphw_page_total() << PAGE_SHIFT);
		return copy_out(num, buf, buflen);
	}
	return rumphw_param_get(name, buf, buflen);
}
