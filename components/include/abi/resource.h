/*
 * abi/resource.h -- resource limits (getrlimit(2), setrlimit(2),
 * prlimit64(2)), resource usage (getrusage(2), wait4(2)) and
 * priorities (getpriority(2)).
 */
#ifndef ABI_RESOURCE_H
#define ABI_RESOURCE_H

#include <kern/types.h>
#include <abi/time.h>

#define RLIMIT_CPU              0       /* seconds */
#define RLIMIT_FSIZE            1       /* bytes */
#define RLIMIT_DATA             2
#define RLIMIT_STACK            3
#define RLIMIT_CORE             4
#define RLIMIT_RSS              5
#define RLIMIT_NPROC            6
#define RLIMIT_NOFILE           7       /* one more than the highest fd */
#define RLIMIT_MEMLOCK          8
#define RLIMIT_AS               9
#define RLIMIT_LOCKS            10
#define RLIMIT_SIGPENDING       11
#define RLIMIT_MSGQUEUE         12
#define RLIMIT_NICE             13
#define RLIMIT_RTPRIO           14
#define RLIMIT_RTTIME           15
#define RLIM_NLIMITS            16

#define RLIM_INFINITY           (~0UL)
#define RLIM64_INFINITY         (~0ULL)

struct rlimit {
	unsigned long rlim_cur;
	unsigned long rlim_max;
};

struct rlimit64 {
	uint64_t rlim_cur;
	uint64_t rlim_max;
};

/* getrusage(2) who. */
#define RUSAGE_SELF             0
#define RUSAGE_CHILDREN         (-1)
#define RUSAGE_THREAD           1

struct rusage {
	struct timeval ru_utime;
	struct timeval ru_stime;
	long ru_maxrss;         /* kilobytes */
	long ru_ixrss;
	long ru_idrss;
	long ru_isrss;
	long ru_minflt;
	long ru_majflt;
	long ru_nswap;
	long ru_inblock;
	long ru_oublock;
	long ru_msgsnd;
	long ru_msgrcv;
	long ru_nsignals;
	long ru_nvcsw;
	long ru_nivcsw;
};

/* getpriority(2) / setpriority(2). */
#define PRIO_MIN                (-20)
#define PRIO_MAX                20
#define PRIO_PROCESS            0
#define PRIO_PGRP               1
#define PRIO_USER               2

#endif /* ABI_RESOURCE_H */
