/*
 * dev_int.h -- interfaces between the files of the device component
 * (components/dev) only.
 */
#ifndef DEV_INT_H
#define DEV_INT_H

#include <kern/kern.h>
#include <sys/file.h>
#include <abi/fcntl.h>
#include <abi/ioctl.h>
#include <vfs/vnode.h>
#include <vfs/vfs.h>

/* Linux's device numbers, so programs that check st_rdev are happy. */
#define MEM_MAJOR 1
#define MEM_NULL 3
#define MEM_ZERO 5
#define MEM_FULL 7
#define MEM_RANDOM 8
#define MEM_URANDOM 9
#define TTYAUX_MAJOR 5
#define TTY_TTY 0
#define TTY_CONSOLE 1

/* dev_mem.c */
extern const struct cdevsw mem_cdevsw;
/* dev_console.c */
extern const struct cdevsw console_cdevsw;

#endif /* DEV_INT_H */
