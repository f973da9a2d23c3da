/*
 * main.c -- the generic end of booting: once the architecture has set up
 * the CPU, memory, clocks and interrupts, find devices, start the main
 * thread running rumprun_main(cmdline), and become the idle loop.
 */
#include "hw/lib.h"
#include "hw/main.h"
#include "hw/param.h"
#include "hw/pci.h"
#include "hw/sched.h"

/* Provided by what is linked into the image (start-up glue or test). */
extern int rumprun_main(const char *cmdline);

static void *main_thread(void *arg)
{
	(void)arg;
	rumpuser_exit(rumprun_main(rumphw_param_cmdline()));
}

void rumphw_main(void)
{
	struct rumphw_thread *t;

	rumphw_pci_probe();
	if (rumphw_thread_create("main", main_thread, NULL, RUMPHW_STACK_MAIN,
		false, &t) != 0)
		rumphw_panic("no memory for the main thread");
	rumphw_sched_idle();
}
