/*
 * abi/eventfd.h -- eventfd2(2) flags.
 */
#ifndef ABI_EVENTFD_H
#define ABI_EVENTFD_H

#include <kern/types.h>

#define EFD_SEMAPHORE   00000001        /* read returns 1, decrements */
#define EFD_NONBLOCK    00004000        /* = O_NONBLOCK */
#define EFD_CLOEXEC     02000000        /* = O_CLOEXEC */

/* The counter never reaches this; a write that would blocks or fails. */
#define EVENTFD_MAX     0xfffffffffffffffeULL

#endif /* ABI_EVENTFD_H */
