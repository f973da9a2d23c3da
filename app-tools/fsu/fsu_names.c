/*
 * fsu_names.c -- user and group names as the image knows them: its own
 * /etc/passwd and /etc/group (read once, on first use), never the host's.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

#include <rump/rump_syscalls.h>

#include "fsu.h"

struct idname {
	long id;
	char *name;
};

struct idfile {
	const char *path;
	bool loaded;
	struct idname *ents;
	size_t n;
};

static struct idfile passwd = { "/etc/passwd", false, NULL, 0 };
static struct idfile group = { "/etc/group", false, NULL, 0 };

/* Read the whole file (up to 1 MiB) of the image; NULL if there is none. */
static char *
slurp(const char *path)
{
	size_t cap = 1 << 20, len = 0;
	char *buf;
	ssize_t n;
	int fd = rump_sys_open(path, O_RDONLY, 0);

	if (fd < 0)
		return NULL;
	buf = fsu_xmalloc(cap + 1);
	while (len < cap && (n = rump_sys_read(fd, buf + len, cap - len)) > 0)
		len += (size_t)n;
	rump_sys_close(fd);
	buf[len] = '\0';
	return buf;
}

/* Lines "name:x:id:..." : the first and third fields. */
static void
load(struct idfile *f)
{
	char *text, *line, *save = NULL;

	f->loaded = true;
	if ((text = slurp(f->path)) == NULL)
		return;
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		char *c1 = strchr(line, ':'), *c2, *end;
		long id;

		if (c1 == NULL || (c2 = strchr(c1 + 1, ':')) == NULL)
			continue;
		id = strtol(c2 + 1, &end, 10);
		if (end == c2 + 1 || *end != ':' || id < 0)
			continue;
		*c1 = '\0';
		f->ents = realloc(f->ents, (f->n + 1) * sizeof(*f->ents));
		if (f->ents == NULL) {
			fsu_warnx("out of memory");
			exit(1);
		}
		f->ents[f->n++] = (struct idname){ id, fsu_xstrdup(line) };
	}
	free(text);
}

static const char *
name_of(struct idfile *f, long id)
{
	if (!f->loaded)
		load(f);
	for (size_t i = 0; i < f->n; i++)
		if (f->ents[i].id == id)
			return f->ents[i].name;
	return NULL;
}

static long
id_of(struct idfile *f, const char *name)
{
	if (!f->loaded)
		load(f);
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->ents[i].name, name) == 0)
			return f->ents[i].id;
	return -1;
}

const char *
fsu_user_name(uid_t uid)
{
	return name_of(&passwd, (long)uid);
}

const char *
fsu_group_name(gid_t gid)
{
	return name_of(&group, (long)gid);
}

long
fsu_user_id(const char *name)
{
	return id_of(&passwd, name);
}

long
fsu_group_id(const char *name)
{
	return id_of(&group, name);
}
