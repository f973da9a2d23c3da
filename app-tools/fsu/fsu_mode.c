/*
 * fsu_mode.c -- chmod's MODE: octal (0755) or symbolic
 * ([ugoa]*[-+=][rwxXstugo]*, clauses joined by commas), as chmod(1)
 * reads it; without [ugoa] the umask's bits are left alone.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fsu.h"

/* Which bits each "who" letter names. */
static mode_t
who_bits(char c)
{
	switch (c) {
	case 'u': return S_ISUID | S_IRWXU;
	case 'g': return S_ISGID | S_IRWXG;
	case 'o': return S_ISVTX | S_IRWXO;
	case 'a': return 07777;
	}
	return 0;
}

/* The rwx bits of class c ('u', 'g', 'o') of mode, as a 0..7 value. */
static mode_t
class_rwx(mode_t mode, char c)
{
	return c == 'u' ? (mode >> 6) & 7 : c == 'g' ? (mode >> 3) & 7 : mode & 7;
}

long
fsu_parse_mode(const char *spec, mode_t old, bool isdir)
{
	mode_t mode = old & 07777, um;
	const char *p = spec;
	char *end;

	if (*spec >= '0' && *spec <= '7') {
		long v = strtol(spec, &end, 8);

		if (*end != '\0' || v > 07777)
			return -1;
		return v;
	}
	um = umask(0);
	umask(um);
	for (;;) {
		mode_t who = 0;
		bool none;

		for (; *p != '\0' && strchr("ugoa", *p) != NULL; p++)
			who |= who_bits(*p);
		none = who == 0;
		if (none)
			who = 07777;
		if (*p == '\0' || strchr("+-=", *p) == NULL)
			return -1;
		while (*p != '\0' && strchr("+-=", *p) != NULL) {
			char op = *p++;
			mode_t perm = 0, bits;

			for (; *p != '\0' && strchr("rwxXstugo", *p) != NULL; p++) {
				switch (*p) {
				case 'r': perm |= 0444; break;
				case 'w': perm |= 0222; break;
				case 'x': perm |= 0111; break;
				case 'X':
					if (isdir || (old & 0111))
						perm |= 0111;
					break;
				case 's': perm |= S_ISUID | S_ISGID; break;
				case 't': perm |= S_ISVTX; break;
				default: /* u, g, o: copy that class's bits */
					perm |= class_rwx(old, *p) * 0111;
					break;
				}
			}
			bits = perm & who;
			if (none)
				bits &= ~um;
			if (op == '+')
				mode |= bits;
			else if (op == '-')
				mode &= ~bits;
			else
				mode = (mode & ~(none ? 07777 & ~um : who)) | bits;
		}
		if (*p == '\0')
			return mode;
		if (*p++ != ',')
			return -1;
	}
}
