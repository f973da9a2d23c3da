/*
 * abi/prctl.h -- prctl(2) options and arch_prctl(2) codes of x86_64.
 */
#ifndef ABI_PRCTL_H
#define ABI_PRCTL_H

#include <kern/types.h>

#define PR_SET_PDEATHSIG        1
#define PR_GET_PDEATHSIG        2
#define PR_GET_DUMPABLE         3
#define PR_SET_DUMPABLE         4
#define PR_GET_KEEPCAPS         7
#define PR_SET_KEEPCAPS         8
#define PR_GET_TIMING           13
#define PR_SET_TIMING           14
#define PR_SET_NAME             15      /* arg2: up to 16 bytes with NUL */
#define PR_GET_NAME             16      /* arg2: a 16-byte buffer */
#define PR_GET_ENDIAN           19
#define PR_SET_ENDIAN           20
#define PR_GET_SECCOMP          21
#define PR_SET_SECCOMP          22
#define PR_CAPBSET_READ         23
#define PR_CAPBSET_DROP         24
#define PR_GET_TSC              25
#define PR_SET_TSC              26
#define PR_GET_SECUREBITS       27
#define PR_SET_SECUREBITS       28
#define PR_SET_TIMERSLACK       29
#define PR_GET_TIMERSLACK       30
#define PR_TASK_PERF_EVENTS_DISABLE 31
#define PR_TASK_PERF_EVENTS_ENABLE 32
#define PR_MCE_KILL             33
#define PR_MCE_KILL_GET         34
#define PR_SET_MM               35
#define PR_SET_CHILD_SUBREAPER  36
#define PR_GET_CHILD_SUBREAPER  37
#define PR_SET_NO_NEW_PRIVS     38
#define PR_GET_NO_NEW_PRIVS     39
#define PR_GET_TID_ADDRESS      40
#define PR_SET_THP_DISABLE      41
#define PR_GET_THP_DISABLE      42
#define PR_SET_FP_MODE          45
#define PR_GET_FP_MODE          46
#define PR_CAP_AMBIENT          47
#define PR_GET_SPECULATION_CTRL 52
#define PR_SET_SPECULATION_CTRL 53
#define PR_SET_IO_FLUSHER       57
#define PR_GET_IO_FLUSHER       58
#define PR_SET_PTRACER          0x59616d61
#define PR_SET_VMA              0x53564d41

/* Length of a task name for PR_SET_NAME / PR_GET_NAME, with the NUL. */
#define TASK_COMM_LEN           16

/* arch_prctl(2) codes. */
#define ARCH_SET_GS             0x1001
#define ARCH_SET_FS             0x1002
#define ARCH_GET_FS             0x1003
#define ARCH_GET_GS             0x1004
#define ARCH_GET_CPUID          0x1011
#define ARCH_SET_CPUID          0x1012

#endif /* ABI_PRCTL_H */
