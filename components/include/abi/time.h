/*
 * abi/time.h -- Linux x86_64 time structures and clock ids.  On x86_64
 * time_t is 64 bits, so the "old" and "new" kernel time structures are
 * one and the same.
 */
#ifndef ABI_TIME_H
#define ABI_TIME_H

#include <kern/types.h>

struct timespec {
	time_t tv_sec;
	long tv_nsec;           /* 0 .. 999999999 */
};

struct timeval {
	time_t tv_sec;
	suseconds_t tv_usec;    /* 0 .. 999999 */
};

/* gettimeofday(2)'s obsolete second argument. */
struct timezone {
	int32_t tz_minuteswest;
	int32_t tz_dsttime;
};

struct itimerspec {
	struct timespec it_interval;
	struct timespec it_value;
};

struct itimerval {
	struct timeval it_interval;
	struct timeval it_value;
};

/* times(2). */
struct tms {
	long tms_utime;
	long tms_stime;
	long tms_cutime;
	long tms_cstime;
};

/* utime(2). */
struct utimbuf {
	time_t actime;
	time_t modtime;
};

/* setitimer(2) / getitimer(2) timers. */
#define ITIMER_REAL             0
#define ITIMER_VIRTUAL          1
#define ITIMER_PROF             2

/* Clock ids of clock_gettime(2) and friends. */
#define CLOCK_REALTIME                  0
#define CLOCK_MONOTONIC                 1
#define CLOCK_PROCESS_CPUTIME_ID        2
#define CLOCK_THREAD_CPUTIME_ID         3
#define CLOCK_MONOTONIC_RAW             4
#define CLOCK_REALTIME_COARSE           5
#define CLOCK_MONOTONIC_COARSE          6
#define CLOCK_BOOTTIME                  7
#define CLOCK_REALTIME_ALARM            8
#define CLOCK_BOOTTIME_ALARM            9
#define CLOCK_TAI                       11

/* clock_nanosleep(2), timer_settime(2): the time is absolute. */
#define TIMER_ABSTIME                   0x01

#define NSEC_PER_SEC    1000000000L
#define USEC_PER_SEC    1000000L

#endif /* ABI_TIME_H */
