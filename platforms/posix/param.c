/*
 * param.c -- rumpuser_getparam: host parameters are environment
 * variables, except the _RUMPUSER_* ones, which describe the host.
 */
#include <errno.h>
#include <inttypes.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "rumpuser_int.h"

/* Copy the string value out, or E2BIG leaving buf untouched. */
static int
param_copyout(void *buf, uint64_t buflen, const char *value)
{
	size_t len = strlen(value) + 1;

	if (len > buflen)
		return E2BIG;
	memcpy(buf, value, len);
	return 0;
}

static int
param_u64(void *buf, uint64_t buflen, uint64_t value)
{
	char str[24];

	snprintf(str, sizeof(str), "%" PRIu64, value);
	return param_copyout(buf, buflen, str);
}

/* The CPUs this process may run on, which taskset/cgroups may restrict. */
static uint64_t
param_ncpu(void)
{
	long online;
	int ncpus;

	/* The affinity mask must be at least as big as the kernel's. */
	for (ncpus = CPU_SETSIZE; ncpus <= (1 << 20); ncpus *= 2) {
		size_t size = CPU_ALLOC_SIZE(ncpus);
		cpu_set_t *set = CPU_ALLOC(ncpus);
		int count;

		if (set == NULL)
			break;
		if (sched_getaffinity(0, size, set) == 0) {
			count = CPU_COUNT_S(size, set);
			CPU_FREE(set);
			return count > 0 ? (uint64_t)count : 1;
		}
		CPU_FREE(set);
		if (errno != EINVAL)
			break;
	}
	online = sysconf(_SC_NPROCESSORS_ONLN);
	return online > 0 ? (uint64_t)online : 1;
}

/*
 * The smallest cgroup v2 memory.max on the way from our cgroup to the
 * root, or UINT64_MAX if there is none (cgroup v1, no limit, no /sys).
 */
static uint64_t
param_cgroup_limit(void)
{
	char line[512], path[640];
	uint64_t limit = UINT64_MAX;
	char *cg, *slash;
	FILE *f;

	if ((f = fopen("/proc/self/cgroup", "re")) == NULL)
		return limit;
	cg = NULL;
	while (fgets(line, sizeof(line), f) != NULL) {
		if (strncmp(line, "0::", 3) == 0) {
			cg = line + 3;
			cg[strcspn(cg, "\n")] = '\0';
			break;
		}
	}
	fclose(f);
	while (cg != NULL) {
		unsigned long long v;

		snprintf(path, sizeof(path), "/sys/fs/cgroup%s/memory.max",
		    strcmp(cg, "/") == 0 ? "" : cg);
		if ((f = fopen(path, "re")) != NULL) {
			if (fscanf(f, "%llu", &v) == 1 && v < limit)
				limit = v;
			fclose(f);
		}
		slash = strrchr(cg, '/');
		if (slash == NULL || slash == cg)
			break;
		*slash = '\0';
	}
	return limit;
}

/* Physical memory, lowered by the address-space rlimit and cgroups. */
static uint64_t
param_memsize(void)
{
	long pages = sysconf(_SC_PHYS_PAGES);
	long pagesize = sysconf(_SC_PAGESIZE);
	uint64_t mem, cglimit;
	struct rlimit rl;

	mem = (pages > 0 && pagesize > 0) ?
	    (uint64_t)pages * (uint64_t)pagesize : UINT64_MAX;
	if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
	    (uint64_t)rl.rlim_cur < mem)
		mem = rl.rlim_cur;
	cglimit = param_cgroup_limit();
	return cglimit < mem ? cglimit : mem;
}

int
rumpuser_getparam(const char *name, void *buf, uint64_t buflen)
{
	char host[256];
	const char *value;

	if (name == NULL || buf == NULL)
		return EINVAL;
	if (strcmp(name, "_RUMPUSER_NCPU") == 0)
		return param_u64(buf, buflen, param_ncpu());
	if (strcmp(name, "_RUMPUSER_MEMSIZE") == 0)
		return param_u64(buf, buflen, param_memsize());
	if (strcmp(name, "_RUMPUSER_HOSTNAME") == 0) {
		if (gethostname(host, sizeof(host)) != 0)
			return rumpuser__errtrans(errno);
		host[sizeof(host) - 1] = '\0';
		return param_copyout(buf, buflen, host);
	}
	/* The platform's namespace: never taken from the environment. */
	if (strncmp(name, "_RUMPUSER_", 10) == 0)
		return ENOENT;

	if ((value = getenv(name)) == NULL)
		return ENOENT;
	return param_copyout(buf, buflen, value);
}
