/*
 * bootconf.c -- applying the boot configuration (docs/config.md) with
 * libc ready, then calling main.  Every problem is reported naming the
 * key, and the boot stops with RUMPRUN_EXIT_CONFIG: an image never runs
 * with half its configuration.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base.h"
#include "json.h"

int main(int, char **, char **);
extern char **environ;

static int
config_error(const char *what, const char *detail)
{
	fprintf(stderr, "rumprun: boot configuration: %s%s%s\n", what,
	    detail ? ": " : "", detail ? detail : "");
	return RUMPRUN_EXIT_CONFIG;
}

/* strings_of: the strings of array j as a NULL-terminated vector. */
static char **
strings_of(const struct json *j, const char *key, int *np)
{
	char **v;

	if (j->type != JSON_ARRAY)
		return NULL;
	v = calloc(j->n + 1, sizeof(*v));
	if (v == NULL)
		return NULL;
	for (size_t i = 0; i < j->n; i++) {
		if (j->elems[i]->type != JSON_STRING) {
			config_error(key, "every element must be a string");
			free(v);
			return NULL;
		}
		v[i] = j->elems[i]->s;
	}
	*np = (int)j->n;
	return v;
}

/* mkdir -p */
static int
make_dirs(const char *path)
{
	char buf[4096];
	size_t n = strlen(path);

	if (n == 0 || n >= sizeof(buf))
		return ENAMETOOLONG;
	memcpy(buf, path, n + 1);
	for (char *p = buf + 1;; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;
			*p = '\0';
			if (mkdir(buf, 0755) != 0 && errno != EEXIST)
				return errno;
			if (c == '\0')
				break;
			*p = c;
		}
	}
	return 0;
}

static int
apply_blk(const struct json *blk)
{
	if (blk->type != JSON_ARRAY)
		return config_error("blk", "must be an array");
	for (size_t i = 0; i < blk->n; i++) {
		const struct json *b = blk->elems[i];
		const struct json *src = json_get(b, "source");
		const struct json *idx = json_get(b, "index");
		const struct json *mnt = json_get(b, "mountpoint");
		const struct json *fs = json_get(b, "fstype");
		char dev[32];
		int error;

		if (src == NULL || src->type != JSON_STRING ||
		    strcmp(src->s, "virtio") != 0)
			return config_error("blk", "source must be \"virtio\"");
		if (idx == NULL || idx->type != JSON_INT || idx->i < 0 ||
		    idx->i > 63)
			return config_error("blk", "index must be 0..63");
		if (mnt == NULL || mnt->type != JSON_STRING || mnt->s[0] != '/')
			return config_error("blk",
			    "mountpoint must be an absolute path");
		snprintf(dev, sizeof(dev), "/dev/vblk%d", (int)idx->i);
		error = make_dirs(mnt->s);
		if (error != 0)
			return config_error(mnt->s, strerror(error));
		if (mount(dev, mnt->s, fs && fs->type == JSON_STRING ? fs->s
		    : "auto", 0, NULL) != 0) {
			fprintf(stderr, "rumprun: cannot mount disk %d (%s) at "
			    "%s: %s\n", (int)idx->i, dev, mnt->s,
			    strerror(errno));
			return RUMPRUN_EXIT_CONFIG;
		}
	}
	return 0;
}

static const char *const known_keys[] = {
	"argv", "env", "cwd", "hostname", "blk", "net",
};

int
rumprun_run_config(const char *text)
{
	char err[128];
	struct json *cfg;
	const struct json *v;
	char **argv, **env;
	int argc = 0, nenv = 0, r;

	cfg = json_parse(text, strlen(text), err, sizeof(err));
	if (cfg == NULL)
		return config_error("not valid JSON", err);
	if (cfg->type != JSON_OBJECT)
		return config_error("must be a JSON object", NULL);
	for (size_t i = 0; i < cfg->n; i++) {
		size_t k;
		for (k = 0; k < sizeof(known_keys) / sizeof(known_keys[0]); k++)
			if (strcmp(cfg->keys[i], known_keys[k]) == 0)
				break;
		if (k == sizeof(known_keys) / sizeof(known_keys[0]))
			return config_error("unknown key", cfg->keys[i]);
	}

	v = json_get(cfg, "argv");
	if (v == NULL || (argv = strings_of(v, "argv", &argc)) == NULL ||
	    argc < 1)
		return config_error("argv", "an array of at least one string");
	v = json_get(cfg, "env");
	if (v != NULL) {
		env = strings_of(v, "env", &nenv);
		if (env == NULL)
			return config_error("env", "an array of strings");
		for (int i = 0; i < nenv; i++) {
			if (strchr(env[i], '=') == NULL || env[i][0] == '=')
				return config_error("env: not VAR=VALUE", env[i]);
			if (putenv(env[i]) != 0)
				return config_error("env", strerror(errno));
		}
	}
	v = json_get(cfg, "hostname");
	if (v != NULL) {
		if (v->type != JSON_STRING)
			return config_error("hostname", "must be a string");
		if (sethostname(v->s, strlen(v->s)) != 0)
			return config_error("hostname", strerror(errno));
	}
	v = json_get(cfg, "blk");
	if (v != NULL && (r = apply_blk(v)) != 0)
		return r;
	v = json_get(cfg, "net");
	if (v != NULL && (r = rumprun_config_net(v)) != 0)
		return r;
	v = json_get(cfg, "cwd");
	if (v != NULL) {
		if (v->type != JSON_STRING)
			return config_error("cwd", "must be a string");
		if (chdir(v->s) != 0)
			return config_error(v->s, strerror(errno));
	}
	/* The tree stays: argv and environ point into it. */
	return main(argc, argv, environ);
}
