/*
 * kern_int.h -- interfaces between the files of the kernel core only.
 */
#ifndef KERN_INT_H
#define KERN_INT_H

#include <kern/kern.h>

/* param.c */
int param_parse(void);

/* sched.c */
void sched_init(int n);
void sched_lwp(struct lwp *l);
void unsched_lwp(struct lwp *l);
void hyp_schedule(void);
void hyp_unschedule(void);

/* lwp.c */
void lwp_implicit_enter(void);
void hyp_lwpexit(void *lwp);
void lwp_init(void);
struct lwp *lwp_alloc(struct proc *p, int flags);
void lwp_free(struct lwp *l);
pid_t tid_alloc(void);

/* proc.c */
void proc_init(struct lwp *l0);
int proc_create_default(void);
void proc_lwp_gone(struct proc *p);
void proc_lwp0_release(void);

/* kmem.c */
int kmem_init(void);

/* memlimit.c */
void memlimit_init(void);
bool mem_host_exhausted(size_t want);
void pagedaemon_start(void);

/* callout.c */
int callout_start(void);

/* time.c */
void time_init(void);

#endif /* KERN_INT_H */
