/* rump_entry.h -- the rump kernel entry points musl calls instead of
 * trapping: rumprun's overlay declares them, the kernel (or the platform)
 * defines them, rumprun-bake links the two together. */
#ifndef RUMPRUN_MUSL_RUMP_ENTRY_H
#define RUMPRUN_MUSL_RUMP_ENTRY_H

/*
 * rump_syscall: perform Linux x86_64 system call NR with arguments A1..A6
 * (unused ones are passed as 0) in the calling thread's kernel context.
 * Returns the call's result, or -errno on failure, exactly like the
 * `syscall` instruction does in %rax.  MAY block.  Unknown NR: -ENOSYS.
 * For SYS_exit it does not return; the kernel MUST clear and wake the
 * thread's clear_child_tid word only once the thread no longer runs on its
 * own stack (musl's __unmapself relies on this, see __unmapself.c).
 */
long rump_syscall(long nr, long a1, long a2, long a3, long a4, long a5,
    long a6);

/*
 * rump_clone_thread: start a new thread that calls FN(ARG) on STACK (the
 * top of the stack, 16-byte aligned by the caller) with its thread pointer
 * (%fs base) set to TLS when FLAGS has CLONE_SETTLS; when FN returns, the
 * thread exits as if by SYS_exit with FN's return value.  FLAGS are
 * Linux clone(2) flags; PTID and CTID are honoured as for clone
 * (CLONE_PARENT_SETTID, CLONE_CHILD_CLEARTID).  TLS, PTID and CTID MUST
 * be ignored unless their flag is set: some callers pass garbage there.
 * Returns the new thread's id in the parent, or -errno: -ENOSYS for flag
 * combinations the kernel does not support (e.g. a new process: CLONE_VM
 * without CLONE_THREAD).  Never returns in the new thread.
 */
int rump_clone_thread(int (*fn)(void *), void *arg, void *stack, int flags,
    void *tls, int *ptid, int *ctid);

#endif
