# components/kern -- the kernel core (librump.a).
COMPONENTS += rump
rump_DIR := components/kern
rump_SRCS := init.c param.c sched.c lwp.c lwproc.c proc.c kthread.c \
	lock.c kmem.c memlimit.c callout.c time.c printf.c vsnprintf.c \
	string.c parse.c halt.c
rump_DESC := rump kernel core with the hosted (POSIX) platform
rump_PCKIND := core
rump_KCONFIG := RUMP_KERN
