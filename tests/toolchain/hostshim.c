/* hostshim.c -- test-only stand-in for the rump kernel and the image glue,
 * so unbaked binaries can be linked and run as Linux processes: the kernel
 * entry points become real Linux system calls, and _start hands the
 * process's argv to musl's __libc_start_main as the glue will.  Exercises
 * the musl overlay (syscall shim, thread area, clone, unmapself) without
 * a rump kernel.  Built with the host gcc, linked with `ld -static`. */

int __libc_start_main(int (*)(int, char **, char **), int, char **,
    void (*)(void), void (*)(void), void (*)(void));
int main(int, char **, char **);
long rump_syscall(long, long, long, long, long, long, long);
int rump_clone_thread(int (*)(void *), void *, void *, int, void *, int *,
    int *);
void hostshim_start(long *);

long rump_syscall(long nr, long a1, long a2, long a3, long a4, long a5,
    long a6)
{
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	register long r9 __asm__("r9") = a6;
	long ret;

	__asm__ __volatile__("syscall"
	    : "=a"(ret)
	    : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
	    : "rcx", "r11", "memory");
	return ret;
}

/* Linux clone(flags, newsp, ptid, ctid, tls); the child pops FN and ARG
 * that the parent left on its new stack, calls FN(ARG) and exits with its
 * result. */
int rump_clone_thread(int (*fn)(void *), void *arg, void *stack, int flags,
    void *tls, int *ptid, int *ctid)
{
	void **sp = stack;
	register long r10 __asm__("r10") = (long)ctid;
	register long r8 __asm__("r8") = (long)tls;
	long ret;

	*--sp = arg;
	*--sp = (void *)fn;
	__asm__ __volatile__("syscall\n\t"
			     "test %%rax, %%rax\n\t"
			     "jnz 1f\n\t"
			     "xor %%ebp, %%ebp\n\t"
			     "pop %%rax\n\t"
			     "pop %%rdi\n\t"
			     "call *%%rax\n\t"
			     "mov %%eax, %%edi\n\t"
			     "mov $60, %%eax\n\t"
			     "syscall\n\t"
			     "hlt\n"
			     "1:"
	    : "=a"(ret)
	    : "a"(56L), "D"((long)flags), "S"(sp), "d"(ptid), "r"(r10),
	    "r"(r8)
	    : "rcx", "r11", "memory");
	return (int)ret;
}

/* The process entry: the kernel left argc, argv, envp, auxv at %rsp. */
__asm__(".text\n"
	".global _start\n"
	"_start:\n"
	"	xor %ebp, %ebp\n"
	"	mov %rsp, %rdi\n"
	"	and $-16, %rsp\n"
	"	call hostshim_start\n"
	"	hlt\n");

void hostshim_start(long *sp)
{
	__libc_start_main(main, (int)sp[0], (char **)(sp + 1), 0, 0, 0);
}
