/*
 * dev_init.c -- the device component: registers the drivers and makes
 * /dev with the usual nodes when the kernel boots (on the root file
 * system, after it is mounted).
 */
#include "dev_int.h"

static const struct devnode {
	const char *path;
	mode_t mode;
	unsigned int major, minor;
} devnodes[] = {
	{ "/dev/null", S_IFCHR | 0666, MEM_MAJOR, MEM_NULL },
	{ "/dev/zero", S_IFCHR | 0666, MEM_MAJOR, MEM_ZERO },
	{ "/dev/full", S_IFCHR | 0666, MEM_MAJOR, MEM_FULL },
	{ "/dev/random", S_IFCHR | 0666, MEM_MAJOR, MEM_RANDOM },
	{ "/dev/urandom", S_IFCHR | 0666, MEM_MAJOR, MEM_URANDOM },
	{ "/dev/tty", S_IFCHR | 0666, TTYAUX_MAJOR, TTY_TTY },
	{ "/dev/console", S_IFCHR | 0620, TTYAUX_MAJOR, TTY_CONSOLE },
};

static int
dev_init(void)
{
	mode_t omask = curproc->p_umask;
	int error;

	error = cdevsw_register(MEM_MAJOR, &mem_cdevsw);
	if (error == 0)
		error = cdevsw_register(TTYAUX_MAJOR, &console_cdevsw);
	if (error != 0)
		return error;
	/* The modes above are meant exactly. */
	curproc->p_umask = 0;
	error = vfs_mkdirat(AT_FDCWD, "/dev", 0755);
	if (error == -EEXIST)
		error = 0;
	for (size_t i = 0; i < ARRAY_SIZE(devnodes) && error == 0; i++) {
		const struct devnode *d = &devnodes[i];
		error = vfs_mknodat(AT_FDCWD, d->path, d->mode,
		    dev_make(d->major, d->minor));
		if (error == -EEXIST)
			error = 0;
	}
	curproc->p_umask = omask;
	if (error != 0)
		printf("rumpdev: cannot populate /dev: error %d\n", -error);
	return error;
}

RUMP_COMPONENT(rumpdev, RUMP_LEVEL_DEV, dev_init);
