/*
 * runner_hw.c -- runs the kernel self-tests inside a booted image: the
 * hw platform calls rumprun_main(), which boots the kernel and prints one
 * TAP line per test of the rump_ktests link set on the console.  The
 * boot command line's text after "--" filters tests by name.  The image
 * exits 0 when nothing failed, 1 otherwise.
 *
 * Freestanding and outside the kernel's namespace: it reaches the kernel
 * only through rump_* and the console through rumpuser_putchar.
 */
#include <kern/types.h>
#include <rumpuser.h>
#include <rump/rump.h>

int rump_ktest_count(void);
const char *rump_ktest_name(int i);
int rump_ktest_run(int i, char *msg, unsigned long msglen);
int rumprun_main(const char *cmdline);

static void
say(const char *s)
{
	while (*s)
		rumpuser_putchar(*s++);
}

static void
say_int(int v)
{
	char buf[12];
	int n = 0;

	if (v < 0) {
		rumpuser_putchar('-');
		v = -v;
	}
	do {
		buf[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	while (n > 0)
		rumpuser_putchar(buf[--n]);
}

static bool
contains(const char *s, const char *sub)
{
	for (; *s; s++) {
		const char *a = s, *b = sub;
		while (*a && *b && *a == *b)
			a++, b++;
		if (*b == '\0')
			return true;
	}
	return *sub == '\0';
}

int
rumprun_main(const char *cmdline)
{
	const char *filter = "";
	int n, ran = 0, failed = 0, skipped = 0, error;

	for (const char *p = cmdline; *p; p++) {
		if (p[0] == '-' && p[1] == '-' && (p[2] == ' ' || p[2] == '\0') &&
		    (p == cmdline || p[-1] == ' ')) {
			filter = p[2] ? p + 3 : p + 2;
			break;
		}
	}
	error = rump_init();
	if (error != 0) {
		say("not ok 1 - rump_init failed: error ");
		say_int(error);
		say("\n1..1\n");
		return 1;
	}
	n = rump_ktest_count();
	for (int i = 0; i < n; i++) {
		char msg[256];
		int r;

		if (!contains(rump_ktest_name(i), filter))
			continue;
		msg[0] = '\0';
		r = rump_ktest_run(i, msg, sizeof(msg));
		ran++;
		say(r == 1 ? "not ok " : "ok ");
		say_int(ran);
		say(" - ");
		say(rump_ktest_name(i));
		if (r == 2) {
			say(" # SKIP ");
			say(msg);
			skipped++;
		} else if (r == 1) {
			say(" # ");
			say(msg);
			failed++;
		}
		say("\n");
	}
	say("1..");
	say_int(ran);
	say("\n# kernel self-tests on hw: ");
	say_int(ran - failed - skipped);
	say(" passed, ");
	say_int(failed);
	say(" failed, ");
	say_int(skipped);
	say(" skipped\n");
	return failed ? 1 : 0;
}
