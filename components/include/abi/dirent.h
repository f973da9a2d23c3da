/*
 * abi/dirent.h -- directory entries as getdents64(2) returns them, and
 * the d_type values.
 */
#ifndef ABI_DIRENT_H
#define ABI_DIRENT_H

#include <kern/types.h>

/*
 * One record of getdents64(2).  Records are packed one after another in
 * the caller's buffer; d_reclen is the whole record's length, rounded up
 * to 8 bytes, and d_name is NUL-terminated within it.  d_off is an opaque
 * cookie a later lseek(2) on the directory may be given.
 */
struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	uint16_t d_reclen;
	uint8_t d_type;         /* DT_* */
	char d_name[];
};

/*
 * The old getdents(2) record: d_type is the last byte of the record,
 * after d_name's NUL.
 */
struct linux_dirent {
	unsigned long d_ino;
	unsigned long d_off;
	uint16_t d_reclen;
	char d_name[];
};

/* d_type: the file type bits of the mode, shifted down by 12. */
#define DT_UNKNOWN      0
#define DT_FIFO         1
#define DT_CHR          2
#define DT_DIR          4
#define DT_BLK          6
#define DT_REG          8
#define DT_LNK          10
#define DT_SOCK         12
#define DT_WHT          14

#define IFTODT(mode)    (((mode) & 0170000) >> 12)
#define DTTOIF(type)    ((type) << 12)

#endif /* ABI_DIRENT_H */
