/*
 * fsu_cp.c -- fsu_cp (within the image), fsu_get (image to host) and
 * fsu_put (host to image): cp's options -r (-R, -a) and -p, its
 * messages and exit status; the copying is fsu_copy.c's.
 */
#include <stdio.h>
#include <unistd.h>

#include "fsu.h"

static int
copy_main(int argc, char **argv, const struct fsu_side *from,
    const struct fsu_side *to)
{
	int bad, ch, flags = 0, status;

	while ((ch = fsu_getopt(argc, argv, "rRpa")) != -1) {
		switch (ch) {
		case 'r':
		case 'R':
			flags |= FSU_COPY_RECURSIVE;
			break;
		case 'p':
			flags |= FSU_COPY_PRESERVE;
			break;
		case 'a':
			flags |= FSU_COPY_RECURSIVE | FSU_COPY_PRESERVE;
			break;
		default:
			return fsu_tool->usage_status;
		}
	}
	argc -= optind;
	argv += optind;
	if ((bad = fsu_operands(argc, argv, 2, -1, "file operand",
	    "destination file operand")) != 0)
		return bad;
	if (fsu_mount(argv[0]) != 0)
		return 1;
	status = fsu_copy_args(from, argv + 1, argc - 2, to, argv[argc - 1],
	    flags);
	return fsu_unmount(status);
}

int
fsu_cp_main(int argc, char **argv)
{
	return copy_main(argc, argv, &fsu_image, &fsu_image);
}

int
fsu_get_main(int argc, char **argv)
{
	return copy_main(argc, argv, &fsu_image, &fsu_host);
}

int
fsu_put_main(int argc, char **argv)
{
	return copy_main(argc, argv, &fsu_host, &fsu_image);
}
