/*
 * abi/wait.h -- wait4(2) / waitid(2) options, waitid's id types, and the
 * layout of the status word.
 */
#ifndef ABI_WAIT_H
#define ABI_WAIT_H

#define WNOHANG         0x00000001
#define WUNTRACED       0x00000002
#define WSTOPPED        WUNTRACED
#define WEXITED         0x00000004
#define WCONTINUED      0x00000008
#define WNOWAIT         0x01000000
#define __WNOTHREAD     0x20000000
#define __WALL          0x40000000
#define __WCLONE        0x80000000

/* waitid(2) idtype. */
#define P_ALL           0
#define P_PID           1
#define P_PGID          2
#define P_PIDFD         3

/*
 * The status word: exit code in bits 8..15 (low 7 bits 0), or the
 * terminating signal in bits 0..6 with bit 7 for a core dump, or 0x7f
 * with the stopping signal in bits 8..15, or 0xffff for continued.
 */
#define W_EXITCODE(code, sig)   (((code) << 8) | (sig))
#define W_STOPCODE(sig)         (((sig) << 8) | 0x7f)
#define W_CONTINUED             0xffff
#define WCOREFLAG               0x80

#endif /* ABI_WAIT_H */
