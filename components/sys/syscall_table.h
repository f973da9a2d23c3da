/*
 * syscall_table.h -- the kernel's system call dispatch table, generated
 * from syscalls_x86_64.tbl by gensyscalls.sh, and the entry point that
 * uses it.
 *
 * gensyscalls.sh copies this header next to the generated
 * syscall_table.c and rump_sys_wrappers.c, so that the generated
 * directory alone is their include path.
 */
#ifndef SYS_SYSCALL_TABLE_H
#define SYS_SYSCALL_TABLE_H

/*
 * One system call number.  call is NULL when the call is not implemented
 * (status enosys in the table); otherwise it is a glue function that
 * unpacks args[0 .. nargs-1] into the typed handler sys_<name>() and
 * returns its result, or -ENOSYS when the component holding the handler
 * is not linked in.  name is NULL for numbers that are no system call on
 * x86_64 (335..423); otherwise it is the Linux name, for messages.
 */
struct syscall_ent {
	long (*call)(const long *args);
	const char *name;
	unsigned char nargs;
};

/* Indexed by system call number; syscall_table_size entries. */
extern const struct syscall_ent syscall_table[];
extern const unsigned int syscall_table_size;

/*
 * rump_syscall: run system call nr with arguments a1..a6 (unused ones
 * are ignored) in the calling lwp's process.  Returns the result, >= 0,
 * or a negative Linux errno; -ENOSYS for numbers out of range, without
 * a handler, or whose component is not linked (the name is logged the
 * first time).  May block as the system call does.  Defined by the
 * system call layer (components/sys), used by the rump_sys_*()
 * wrappers, musl's syscall shim and hosted programs.
 */
long rump_syscall(long nr, long a1, long a2, long a3, long a4, long a5,
    long a6);

#endif /* SYS_SYSCALL_TABLE_H */
