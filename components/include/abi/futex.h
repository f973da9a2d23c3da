/*
 * abi/futex.h -- futex(2) operations and flags, and the robust futex
 * list of set_robust_list(2).
 */
#ifndef ABI_FUTEX_H
#define ABI_FUTEX_H

#include <kern/types.h>

#define FUTEX_WAIT              0
#define FUTEX_WAKE              1
#define FUTEX_FD                2       /* removed from Linux */
#define FUTEX_REQUEUE           3
#define FUTEX_CMP_REQUEUE       4
#define FUTEX_WAKE_OP           5
#define FUTEX_LOCK_PI           6
#define FUTEX_UNLOCK_PI         7
#define FUTEX_TRYLOCK_PI        8
#define FUTEX_WAIT_BITSET       9
#define FUTEX_WAKE_BITSET       10
#define FUTEX_WAIT_REQUEUE_PI   11
#define FUTEX_CMP_REQUEUE_PI    12
#define FUTEX_LOCK_PI2          13

/* Or'ed into the operation. */
#define FUTEX_PRIVATE_FLAG      128     /* not shared between processes */
#define FUTEX_CLOCK_REALTIME    256     /* absolute timeouts on CLOCK_REALTIME */
#define FUTEX_CMD_MASK          (~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))

#define FUTEX_WAIT_PRIVATE      (FUTEX_WAIT | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_PRIVATE      (FUTEX_WAKE | FUTEX_PRIVATE_FLAG)
#define FUTEX_REQUEUE_PRIVATE   (FUTEX_REQUEUE | FUTEX_PRIVATE_FLAG)
#define FUTEX_CMP_REQUEUE_PRIVATE (FUTEX_CMP_REQUEUE | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_OP_PRIVATE   (FUTEX_WAKE_OP | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAIT_BITSET_PRIVATE (FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_BITSET_PRIVATE (FUTEX_WAKE_BITSET | FUTEX_PRIVATE_FLAG)

/* FUTEX_WAIT_BITSET / FUTEX_WAKE_BITSET: match every waiter. */
#define FUTEX_BITSET_MATCH_ANY  0xffffffff

/* FUTEX_WAKE_OP: the operation encoded in val3. */
#define FUTEX_OP_SET            0
#define FUTEX_OP_ADD            1
#define FUTEX_OP_OR             2
#define FUTEX_OP_ANDN           3
#define FUTEX_OP_XOR            4
#define FUTEX_OP_OPARG_SHIFT    8       /* or'ed into op: oparg is 1 << oparg */
#define FUTEX_OP_CMP_EQ         0
#define FUTEX_OP_CMP_NE         1
#define FUTEX_OP_CMP_LT         2
#define FUTEX_OP_CMP_LE         3
#define FUTEX_OP_CMP_GT         4
#define FUTEX_OP_CMP_GE         5

/* Bits of a PI / robust futex word: the owner's tid in the rest. */
#define FUTEX_WAITERS           0x80000000
#define FUTEX_OWNER_DIED        0x40000000
#define FUTEX_TID_MASK          0x3fffffff

/* Robust futex list (set_robust_list(2)), walked when a thread exits. */
struct robust_list {
	struct robust_list *next;
};

struct robust_list_head {
	struct robust_list list;
	long futex_offset;              /* from a list entry to its futex word */
	struct robust_list *list_op_pending;
};

/* Longest robust list walked; protects against loops. */
#define ROBUST_LIST_LIMIT       2048

#endif /* ABI_FUTEX_H */
