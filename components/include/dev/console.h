/*
 * dev/console.h -- the console device (components/dev/dev_console.c):
 * reads come from the host's console input, writes go to its output.
 */
#ifndef DEV_CONSOLE_H
#define DEV_CONSOLE_H

struct proc;

/*
 * console_open_stdio: give process p descriptors 0, 1 and 2 on the
 * console: 0 reads console input, 1 writes RUMPUSER_CONSOLE_OUT, 2
 * writes RUMPUSER_CONSOLE_ERR.  p must be the calling lwp's process
 * (descriptor tables are only changed from inside their process) and
 * descriptors 0..2 must be free.  Returns 0, -EINVAL (p is not
 * curproc), -EBUSY (a descriptor is taken) or -ENOMEM; on failure none
 * of the three is left installed.
 */
int console_open_stdio(struct proc *p);

#endif /* DEV_CONSOLE_H */
