/*
 * fsu.c -- the fs-utils program: one binary, installed as fsu and as
 * fsu_ls, fsu_cat, ... (links); it runs the tool named by argv[0], or by
 * its first argument when called as "fsu TOOL ...".  Usage: docs/storage.md.
 */
#include <stdio.h>
#include <string.h>

#include "fsu.h"

/* Usage exit statuses follow coreutils: ls says 2, the others 1. */
static const struct fsu_tool tools[] = {
	{ "fsu_cat", fsu_cat_main, false, 1, "IMAGE PATH..." },
	{ "fsu_chmod", fsu_chmod_main, true, 1, "[-R] IMAGE MODE PATH..." },
	{ "fsu_chown", fsu_chown_main, true, 1,
	    "[-R] IMAGE UID[:GID] PATH..." },
	{ "fsu_cp", fsu_cp_main, true, 1, "[-r] [-p] IMAGE SRC... DEST" },
	{ "fsu_du", fsu_du_main, false, 1, "[-s] [-h] [-a] IMAGE [PATH...]" },
	{ "fsu_find", fsu_find_main, false, 1,
	    "IMAGE [PATH...] [-name PATTERN] [-type f|d|l] [-maxdepth N]" },
	{ "fsu_get", fsu_get_main, false, 1,
	    "[-r] [-p] IMAGE IMGPATH... HOSTDEST" },
	{ "fsu_ln", fsu_ln_main, true, 1, "[-s] IMAGE TARGET [LINKNAME]" },
	{ "fsu_ls", fsu_ls_main, false, 2, "[-l] [-a] [-R] [-d] IMAGE [PATH...]" },
	{ "fsu_mkdir", fsu_mkdir_main, true, 1, "[-p] [-m MODE] IMAGE DIR..." },
	{ "fsu_mv", fsu_mv_main, true, 1, "IMAGE SRC... DEST" },
	{ "fsu_put", fsu_put_main, true, 1,
	    "[-r] [-p] IMAGE HOSTPATH... IMGDEST" },
	{ "fsu_rm", fsu_rm_main, true, 1, "[-r] [-f] IMAGE PATH..." },
	{ "fsu_rmdir", fsu_rmdir_main, true, 1, "IMAGE DIR..." },
	{ "fsu_stat", fsu_stat_main, false, 1, "[-c FORMAT] IMAGE PATH..." },
	{ "fsu_touch", fsu_touch_main, true, 1, "[-c] IMAGE PATH..." },
	{ "fsu_write", fsu_write_main, true, 1, "[-a] IMAGE PATH" },
};
#define NTOOLS (sizeof(tools) / sizeof(tools[0]))

static const struct fsu_tool *
find_tool(const char *name)
{
	char full[64];

	if (strncmp(name, "fsu_", 4) != 0) {
		snprintf(full, sizeof(full), "fsu_%s", name);
		name = full;
	}
	for (size_t i = 0; i < NTOOLS; i++)
		if (strcmp(tools[i].name, name) == 0)
			return &tools[i];
	return NULL;
}

static int
list_tools(FILE *f)
{
	fprintf(f, "usage: fsu TOOL [options] IMAGE ARGS...  (or run fsu_TOOL)\n"
	    "tools:\n");
	for (size_t i = 0; i < NTOOLS; i++)
		fprintf(f, "  %s %s\n", tools[i].name, tools[i].usage);
	return f == stdout ? 0 : 1;
}

int
main(int argc, char **argv)
{
	const char *name = fsu_basename(argv[0]);

	if (strcmp(name, "fsu") == 0) {
		if (argc < 2)
			return list_tools(stderr);
		if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)
			return list_tools(stdout);
		argv++, argc--;
		name = argv[0];
	}
	fsu_tool = find_tool(name);
	if (fsu_tool == NULL) {
		fprintf(stderr, "fsu: unknown tool '%s'\n", name);
		list_tools(stderr);
		return 1;
	}
	fsu_prog = fsu_tool->name;
	return fsu_tool->main(argc, argv);
}
