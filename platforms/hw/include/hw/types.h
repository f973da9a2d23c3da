/*
 * hw/types.h -- basic freestanding types of the hw platform: the
 * fixed-width integers of rumpuser.h plus the few the platform adds.
 */
#ifndef HW_TYPES_H
#define HW_TYPES_H

#include "rumpuser.h"

typedef __INT16_TYPE__ int16_t;
typedef __UINT16_TYPE__ uint16_t;
typedef __SIZE_TYPE__ size_t;
typedef _Bool bool;
#define true 1
#define false 0
#define NULL ((void *)0)
#define UINT64_MAX __UINT64_MAX__
#define INT64_MAX __INT64_MAX__

typedef __builtin_va_list va_list;
#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_arg(ap, t) __builtin_va_arg(ap, t)
#define va_end(ap) __builtin_va_end(ap)

#define offsetof(t, m) __builtin_offsetof(t, m)
#define container_of(p, t, m) ((t *)(void *)((char *)(p) - offsetof(t, m)))
#define nitems(a) (sizeof(a) / sizeof((a)[0]))

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define ROUNDUP(x, a) (((x) + (a) - 1) & ~((uint64_t)(a) - 1))
#define ROUNDDOWN(x, a) ((x) & ~((uint64_t)(a) - 1))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

/* Linux errno values (the kernel's ABI) the platform returns. */
#define HW_ENOENT 2
#define HW_EIO 5
#define HW_ENXIO 6
#define HW_E2BIG 7
#define HW_EBADF 9
#define HW_ENOMEM 12
#define HW_EBUSY 16
#define HW_ENOSPC 28
#define HW_EDEADLK 35
#define HW_ENODEV 19
#define HW_EINVAL 22
#define HW_ENOSYS 38
#define HW_ETIMEDOUT 110

#endif /* HW_TYPES_H */
