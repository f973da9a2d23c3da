/*
 * json.h -- a small, strict JSON parser for the boot configuration
 * (docs/config.md).  Bounded: input length, nesting depth and element
 * counts are limited, numbers must be integers that fit in int64_t.
 * Values are allocated with malloc; json_free releases a tree.
 */
#ifndef RUMPRUN_JSON_H
#define RUMPRUN_JSON_H

#include <stddef.h>
#include <stdint.h>

#define JSON_MAX_INPUT 65536
#define JSON_MAX_DEPTH 16
#define JSON_MAX_ELEMS 1024 /* per array or object */

enum json_type { JSON_NULL, JSON_BOOL, JSON_INT, JSON_STRING, JSON_ARRAY,
	JSON_OBJECT };

struct json {
	enum json_type type;
	int64_t i;            /* JSON_BOOL (0/1), JSON_INT */
	char *s;              /* JSON_STRING: NUL-terminated, UTF-8 */
	size_t n;             /* JSON_ARRAY/OBJECT: number of elements */
	struct json **elems;  /* JSON_ARRAY/OBJECT: the values */
	char **keys;          /* JSON_OBJECT: the keys */
};

/*
 * json_parse: parse the len bytes at text as one JSON value (surrounding
 * blanks allowed).  Returns the tree, or NULL with a message naming the
 * problem and its byte offset in err (errlen bytes).
 */
struct json *json_parse(const char *text, size_t len, char *err,
    size_t errlen);
void json_free(struct json *j);
/* json_get: member key of object j, or NULL (also if j is no object). */
const struct json *json_get(const struct json *j, const char *key);

#endif /* RUMPRUN_JSON_H */
