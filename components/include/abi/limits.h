/*
 * abi/limits.h -- limits of the Linux ABI that programs rely on.
 */
#ifndef ABI_LIMITS_H
#define ABI_LIMITS_H

#define PATH_MAX        4096    /* bytes in a path, with the NUL */
#define NAME_MAX        255     /* bytes in a file name, without the NUL */
#define PIPE_BUF        4096    /* pipe writes up to this are atomic */
#define SYMLOOP_MAX     40      /* symlinks followed in one lookup: ELOOP */
#define LINK_MAX        127
#define MAX_CANON       255
#define MAX_INPUT       255
#define NGROUPS_MAX     65536
#define ARG_MAX         131072
#define NR_OPEN         1024
#define HOST_NAME_MAX   64
#define XATTR_NAME_MAX  255
#define XATTR_SIZE_MAX  65536
#define XATTR_LIST_MAX  65536
#define RTSIG_MAX       32

#endif /* ABI_LIMITS_H */
