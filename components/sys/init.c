/*
 * init.c -- the system call layer as a component: registers its process
 * hooks and gives the processes that existed before it (proc0, the
 * default process) their descriptor tables and signal state.
 */
#include "sys_int.h"

static int
sys_setup_proc(struct proc *p, void *arg)
{
	int error = 0;

	(void)arg;
	if (p->p_fd == NULL)
		error = fdtab_create(p);
	if (error == 0 && p->p_sigacts == NULL)
		error = sig_procinit(NULL, p);
	if (error == 0)
		error = vm_procinit(p);
	return error;
}

static int
sys_init(void)
{
	syscall_init();
	sel_init();
	futex_init();
	misc_init();
	epoll_init();
	fd_init();
	sig_init();
	wait_init();
	vm_init();
	return proc_foreach(sys_setup_proc, NULL);
}

RUMP_COMPONENT(rumpsys, RUMP_LEVEL_SYS, sys_init);
