/*
 * abi/utsname.h -- uname(2)'s result on x86_64: six NUL-terminated
 * strings of at most 64 characters each.
 */
#ifndef ABI_UTSNAME_H
#define ABI_UTSNAME_H

#include <kern/types.h>

#define UTSNAME_LEN     65      /* 64 characters and the NUL */

struct new_utsname {
	char sysname[UTSNAME_LEN];
	char nodename[UTSNAME_LEN];
	char release[UTSNAME_LEN];
	char version[UTSNAME_LEN];
	char machine[UTSNAME_LEN];
	char domainname[UTSNAME_LEN];
};

#endif /* ABI_UTSNAME_H */
