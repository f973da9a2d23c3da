/*
 * abi/memfd.h -- memfd_create(2) flags and name limit (Linux's
 * linux/memfd.h and mm/memfd.c).
 */
#ifndef ABI_MEMFD_H
#define ABI_MEMFD_H

#define MFD_CLOEXEC             0x0001U
#define MFD_ALLOW_SEALING       0x0002U
#define MFD_HUGETLB             0x0004U

/* The name, without the NUL, after "memfd:" must fit NAME_MAX. */
#define MFD_NAME_MAX_LEN        (255 - 6)

#endif /* ABI_MEMFD_H */
