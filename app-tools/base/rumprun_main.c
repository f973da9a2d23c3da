/*
 * rumprun_main.c -- start-up glue of an image (librumprun_base): the hw
 * platform calls rumprun_main() once it runs threads; we boot the rump
 * kernel, make the process the program runs as, and hand over to musl's
 * __libc_start_main, which calls app_start() with libc ready.  app_start
 * applies the boot configuration (bootconf.c) and calls the program's
 * main.  When main returns, libc's exit() ends the process, and with it
 * the guest, with main's status.
 *
 * Neither the kernel nor the platform knows about this file: it is
 * linked between them by rumprun-bake.
 */
#include <elf.h>
#include <stdint.h>
#include <string.h>

#include <rump/rump.h>
#include <rumpuser.h>

#include "base.h"

int __libc_start_main(int (*)(int, char **, char **), int, char **,
    void (*)(void), void (*)(void), void (*)(void));

static const char *boot_cmdline;

/* Before libc runs, the console is all we have. */
static void
early_say(const char *s)
{
	while (*s)
		rumpuser_putchar(*s++);
}

/* The JSON part of the command line: what follows " -- " (or "--"). */
const char *
rumprun_boot_json(void)
{
	const char *c = boot_cmdline, *p;

	if (c == NULL)
		return "";
	if (strncmp(c, "-- ", 3) == 0)
		return c + 3;
	p = strstr(c, " -- ");
	return p != NULL ? p + 4 : "";
}

static int
app_start(int argc, char **argv, char **envp)
{
	int r;

	(void)argc;
	(void)argv;
	(void)envp;
	r = rumprun_unpack_rootfs();
	if (r != 0)
		return r;
	return rumprun_run_config(rumprun_boot_json());
}

/* The image's ELF header; the linker script places it in memory. */
extern const Elf64_Ehdr __ehdr_start;

int
rumprun_main(const char *cmdline)
{
	/*
	 * argv, an empty environment and the auxiliary vector musl reads:
	 * the program headers (musl finds the TLS segment there), the page
	 * size and 16 random bytes for the stack protector.
	 */
	static char argv0[] = "rumprun";
	static unsigned char at_random[16];
	static uintptr_t vec[] = {
		0, 0,         /* argv: argv0, NULL */
		0,            /* envp: NULL */
		AT_PHDR, 0,
		AT_PHENT, sizeof(Elf64_Phdr),
		AT_PHNUM, 0,
		AT_PAGESZ, 4096,
		AT_RANDOM, 0,
		AT_NULL, 0
	};
	uint64_t got;
	int error;

	vec[0] = (uintptr_t)argv0;
	vec[4] = (uintptr_t)&__ehdr_start + __ehdr_start.e_phoff;
	vec[8] = __ehdr_start.e_phnum;
	vec[12] = (uintptr_t)at_random;

	boot_cmdline = cmdline;
	error = rump_init();
	if (error != 0) {
		early_say("rumprun: the rump kernel did not boot\n");
		return RUMPRUN_EXIT_CONFIG;
	}
	error = rump_lwproc_newproc();
	if (error != 0) {
		early_say("rumprun: cannot create the program's process\n");
		return RUMPRUN_EXIT_CONFIG;
	}
	/* The program's exit ends the guest, with file systems synced. */
	rump_lwproc_haltonexit();
	if (rumprun_setup_stdio() != 0) {
		early_say("rumprun: no console device for stdin/stdout/stderr\n");
		return RUMPRUN_EXIT_CONFIG;
	}
	rumpuser_getrandom(at_random, sizeof(at_random), 0, &got);
	return __libc_start_main(app_start, 1, (char **)vec, NULL, NULL, NULL);
}
