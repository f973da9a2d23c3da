/*
 * abi/select.h -- select(2) / pselect6(2) descriptor sets: a bitmap of
 * FD_SETSIZE bits in longs, bit (fd % 64) of word (fd / 64).
 */
#ifndef ABI_SELECT_H
#define ABI_SELECT_H

#include <kern/types.h>

#define FD_SETSIZE      1024
#define NFDBITS         (8 * (int)sizeof(unsigned long))

typedef struct {
	unsigned long fds_bits[FD_SETSIZE / (8 * sizeof(unsigned long))];
} fd_set;

/*
 * pselect6(2)'s sixth argument points at this pair: the signal mask to
 * apply while waiting and its size (8 on x86_64).
 */
struct pselect6_sigmask {
	const void *ss;
	size_t ss_len;
};

#endif /* ABI_SELECT_H */
