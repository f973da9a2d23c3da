/*
 * conf.h -- checks and helpers shared by the system call conformance
 * cases (tests/conformance/<area>_<behaviour>.c).
 *
 * A case is a plain POSIX/Linux C program: main() returns 0 when the
 * behaviour holds; a failed check prints one line
 *     FAIL <file>:<line>: <what>
 * to stderr and exits with status 1; conf_skip() prints "SKIP <reason>"
 * and exits with status 77.  The same source runs natively (the
 * reference) and, built with -include rumpshim.h, against a hosted rump
 * kernel, so the helpers below use only calls that rumpshim.h renames.
 */
#ifndef CONF_H
#define CONF_H

#include "conf_libc.h"

/*
 * CONF_NATIVE: 1 in the native (reference) build, 0 against the rump
 * kernel.  Only for skipping a case when the host lacks something (a
 * mount option, a capability, an old kernel): the rump kernel must not
 * be excused that way.
 */
#ifdef CONF_RUMP
enum { CONF_NATIVE = 0 };
#else
enum { CONF_NATIVE = 1 };
#endif

/* conf_fail: report a failed check at file:line and exit(1). */
static inline __attribute__((noreturn)) void
conf_fail(const char *file, int line, const char *what)
{
	const char *base = strrchr(file, '/');

	fprintf(stderr, "FAIL %s:%d: %s\n", base ? base + 1 : file, line, what);
	exit(1);
}

/* conf_failf: conf_fail with a printf-style message. */
static inline __attribute__((noreturn, format(printf, 3, 4))) void
conf_failf(const char *file, int line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	conf_fail(file, line, msg);
}

/* conf_skip: the case cannot run here (reason says why); exit(77). */
static inline __attribute__((noreturn)) void
conf_skip(const char *reason)
{
	printf("SKIP %s\n", reason);
	fflush(stdout);
	exit(77);
}

/* CHECK: cond must hold. */
#define CHECK(cond) \
	((cond) ? (void)0 : conf_fail(__FILE__, __LINE__, "CHECK(" #cond ")"))

/* CHECK_EQ: a == b, compared as long long; both values are printed. */
#define CHECK_EQ(a, b) \
	do { \
		long long conf_a_ = (long long)(a), conf_b_ = (long long)(b); \
		if (conf_a_ != conf_b_) \
			conf_failf(__FILE__, __LINE__, "%s == %s: %lld != %lld", \
			    #a, #b, conf_a_, conf_b_); \
	} while (0)

/* CHECK_ERR: call must return -1 with errno err. */
#define CHECK_ERR(call, err) \
	do { \
		errno = 0; \
		long conf_r_ = (long)(call); \
		int conf_e_ = errno; \
		if (conf_r_ != -1 || conf_e_ != (err)) \
			conf_failf(__FILE__, __LINE__, \
			    "%s: expected -1 errno %s, got %ld errno %d (%s)", \
			    #call, #err, conf_r_, conf_e_, strerror(conf_e_)); \
	} while (0)

/* CHECK_OK: call must not return -1; the value is the call's result. */
#define CHECK_OK(call) \
	({ \
		errno = 0; \
		long conf_r_ = (long)(call); \
		if (conf_r_ == -1) \
			conf_failf(__FILE__, __LINE__, "%s: errno %d (%s)", \
			    #call, errno, strerror(errno)); \
		conf_r_; \
	})

/*
 * conf_enter_tmpdir: create a fresh directory and make it the cwd.
 * Natively the parent is $CONF_TMPDIR when set (run.sh points it at a
 * scratch directory it removes), else /tmp; in the rump kernel always
 * /tmp, created if missing.  Only mkdir/chdir: no mkdtemp.
 */
static inline void
conf_enter_tmpdir(void)
{
	const char *base = "/tmp";
	char path[PATH_MAX];
	int n;

#ifndef CONF_RUMP
	const char *env = getenv("CONF_TMPDIR");
	if (env != NULL && env[0] != '\0')
		base = env;
#endif
	if (mkdir(base, 0777) == -1 && errno != EEXIST)
		conf_failf(__FILE__, __LINE__, "mkdir %s: %s", base, strerror(errno));
	for (n = 0;; n++) {
		snprintf(path, sizeof(path), "%s/conf.%ld.%d", base, (long)getpid(), n);
		if (mkdir(path, 0777) == 0)
			break;
		if (errno != EEXIST)
			conf_failf(__FILE__, __LINE__, "mkdir %s: %s", path, strerror(errno));
	}
	if (chdir(path) == -1)
		conf_failf(__FILE__, __LINE__, "chdir %s: %s", path, strerror(errno));
}

/* conf_need_root: skip the case unless it runs as root (euid 0). */
static inline void
conf_need_root(void)
{
	if (geteuid() != 0)
		conf_skip("needs root to set up and drop privileges");
}

/* conf_drop_root: become uid/gid 65534 with no supplementary groups. */
static inline void
conf_drop_root(void)
{
	if (setgroups(0, NULL) == -1 || setgid(65534) == -1 || setuid(65534) == -1)
		conf_failf(__FILE__, __LINE__, "dropping privileges: %s", strerror(errno));
	if (geteuid() != 65534 || getegid() != 65534)
		conf_fail(__FILE__, __LINE__, "still privileged after setuid/setgid");
}

/* conf_put: create (or truncate) name with mode 0644 and the given text. */
static inline void
conf_put(const char *name, const char *text)
{
	size_t len = strlen(text);
	int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd == -1)
		conf_failf(__FILE__, __LINE__, "create %s: %s", name, strerror(errno));
	if (write(fd, text, len) != (ssize_t)len)
		conf_failf(__FILE__, __LINE__, "write %s: %s", name, strerror(errno));
	if (close(fd) == -1)
		conf_failf(__FILE__, __LINE__, "close %s: %s", name, strerror(errno));
}

/* conf_get: read up to size-1 bytes of name into buf, NUL-terminated. */
static inline void
conf_get(const char *name, char *buf, size_t size)
{
	int fd = open(name, O_RDONLY);
	ssize_t n;

	if (fd == -1)
		conf_failf(__FILE__, __LINE__, "open %s: %s", name, strerror(errno));
	n = read(fd, buf, size - 1);
	if (n < 0)
		conf_failf(__FILE__, __LINE__, "read %s: %s", name, strerror(errno));
	buf[n] = '\0';
	close(fd);
}

/* conf_now_ns: CLOCK_MONOTONIC in nanoseconds. */
static inline long long
conf_now_ns(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) == -1)
		conf_failf(__FILE__, __LINE__, "clock_gettime: %s", strerror(errno));
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/*
 * conf_loopback: find the loopback interface by its IFF_LOOPBACK flag
 * (Linux calls it "lo", the rump kernel "lo0") through SIOCGIFNAME and
 * SIOCGIFFLAGS on socket s; its name is left in ifr->ifr_name.  Returns
 * its index, or 0 when there is none.
 */
static inline int
conf_loopback(int s, struct ifreq *ifr)
{
	for (int i = 1; i < 256; i++) {
		memset(ifr, 0, sizeof(*ifr));
		ifr->ifr_ifindex = i;
		if (ioctl(s, SIOCGIFNAME, ifr) != 0 ||
		    ioctl(s, SIOCGIFFLAGS, ifr) != 0)
			continue;
		if (ifr->ifr_flags & IFF_LOOPBACK)
			return i;
	}
	return 0;
}

#endif /* CONF_H */
