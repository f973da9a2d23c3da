/*
 * json.c -- the boot configuration's JSON parser (RFC 8259, minus
 * fractions and exponents, which the configuration never needs).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

struct parser {
	const char *p, *end, *start;
	char *err;
	size_t errlen;
	int failed;
};

static void
fail(struct parser *ps, const char *what)
{
	if (!ps->failed)
		snprintf(ps->err, ps->errlen, "%s at offset %zu", what,
		    (size_t)(ps->p - ps->start));
	ps->failed = 1;
}

static void
skip_blanks(struct parser *ps)
{
	while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' ||
	    *ps->p == '\n' || *ps->p == '\r'))
		ps->p++;
}

static struct json *
new_value(struct parser *ps, enum json_type type)
{
	struct json *j = calloc(1, sizeof(*j));

	if (j == NULL)
		fail(ps, "out of memory");
	else
		j->type = type;
	return j;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Append code point cp as UTF-8; out has room for 4 bytes. */
static size_t
put_utf8(char *out, unsigned cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

static int
read_hex4(struct parser *ps, unsigned *cp)
{
	*cp = 0;
	if (ps->end - ps->p < 4) {
		fail(ps, "short \\u escape");
		return -1;
	}
	for (int i = 0; i < 4; i++) {
		int h = hexval(*ps->p++);
		if (h < 0) {
			fail(ps, "bad hex digit in \\u escape");
			return -1;
		}
		*cp = *cp << 4 | (unsigned)h;
	}
	return 0;
}

/* parse_string: at the opening quote; a malloc'd, unescaped copy. */
static char *
parse_string(struct parser *ps)
{
	/* Unescaped text is never longer than the escaped text. */
	const char *q = ++ps->p;
	char *out, *o;

	while (q < ps->end && *q != '"') {
		if (*q == '\\' && q + 1 < ps->end)
			q++;
		q++;
	}
	if (q >= ps->end) {
		fail(ps, "unterminated string");
		return NULL;
	}
	o = out = malloc((size_t)(q - ps->p) + 1);
	if (out == NULL) {
		fail(ps, "out of memory");
		return NULL;
	}
	while (*ps->p != '"') {
		unsigned char c = (unsigned char)*ps->p++;
		unsigned cp;

		if (c < 0x20) {
			ps->p--;
			fail(ps, "control character in string");
			goto out_free;
		}
		if (c != '\\') {
			*o++ = (char)c;
			continue;
		}
		switch (*ps->p++) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '/': *o++ = '/'; break;
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u':
			if (read_hex4(ps, &cp) != 0)
				goto out_free;
			if (cp >= 0xd800 && cp < 0xdc00) {
				unsigned lo;
				if (ps->end - ps->p < 6 || ps->p[0] != '\\' ||
				    ps->p[1] != 'u') {
					fail(ps, "lone surrogate in \\u escape");
					goto out_free;
				}
				ps->p += 2;
				if (read_hex4(ps, &lo) != 0)
					goto out_free;
				if (lo < 0xdc00 || lo > 0xdfff) {
					fail(ps, "bad surrogate pair");
					goto out_free;
				}
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
			} else if (cp >= 0xdc00 && cp <= 0xdfff) {
				fail(ps, "lone surrogate in \\u escape");
				goto out_free;
			}
			if (cp == 0) {
				fail(ps, "NUL in string");
				goto out_free;
			}
			/* \uXXXX takes 6 bytes, its UTF-8 at most 4. */
			o += put_utf8(o, cp);
			break;
		default:
			ps->p--;
			fail(ps, "bad escape in string");
			goto out_free;
		}
	}
	ps->p++;
	*o = '\0';
	return out;

out_free:
	free(out);
	return NULL;
}

static struct json *parse_value(struct parser *ps, int depth);

static int
add_elem(struct parser *ps, struct json *j, char *key, struct json *v)
{
	struct json **e;

	if (j->n >= JSON_MAX_ELEMS) {
		fail(ps, "too many elements");
		return -1;
	}
	e = realloc(j->elems, (j->n + 1) * sizeof(*e));
	if (e == NULL) {
		fail(ps, "out of memory");
		return -1;
	}
	j->elems = e;
	if (j->type == JSON_OBJECT) {
		char **k = realloc(j->keys, (j->n + 1) * sizeof(*k));
		if (k == NULL) {
			fail(ps, "out of memory");
			return -1;
		}
		j->keys = k;
		j->keys[j->n] = key;
	}
	j->elems[j->n++] = v;
	return 0;
}

static struct json *
parse_container(struct parser *ps, int depth, enum json_type type)
{
	char close = type == JSON_ARRAY ? ']' : '}';
	struct json *j = new_value(ps, type);

	if (j == NULL)
		return NULL;
	ps->p++;
	skip_blanks(ps);
	if (ps->p < ps->end && *ps->p == close) {
		ps->p++;
		return j;
	}
	for (;;) {
		char *key = NULL;
		struct json *v;

		skip_blanks(ps);
		if (type == JSON_OBJECT) {
			if (ps->p >= ps->end || *ps->p != '"') {
				fail(ps, "expected a string key");
				goto out_free;
			}
			key = parse_string(ps);
			if (key == NULL)
				goto out_free;
			if (json_get(j, key) != NULL) {
				free(key);
				fail(ps, "duplicate key");
				goto out_free;
			}
			skip_blanks(ps);
			if (ps->p >= ps->end || *ps->p != ':') {
				free(key);
				fail(ps, "expected ':'");
				goto out_free;
			}
			ps->p++;
		}
		v = parse_value(ps, depth + 1);
		if (v == NULL || add_elem(ps, j, key, v) != 0) {
			free(key);
			json_free(v);
			goto out_free;
		}
		skip_blanks(ps);
		if (ps->p < ps->end && *ps->p == ',') {
			ps->p++;
			continue;
		}
		if (ps->p < ps->end && *ps->p == close) {
			ps->p++;
			return j;
		}
		fail(ps, type == JSON_ARRAY ? "expected ',' or ']'"
					    : "expected ',' or '}'");
		goto out_free;
	}

out_free:
	json_free(j);
	return NULL;
}

static struct json *
parse_int(struct parser *ps)
{
	int neg = 0;
	uint64_t v = 0, lim;
	struct json *j;
	const char *digits;

	if (*ps->p == '-') {
		neg = 1;
		ps->p++;
	}
	digits = ps->p;
	lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9') {
		unsigned d = (unsigned)(*ps->p - '0');
		if (v > (lim - d) / 10) {
			fail(ps, "number out of range");
			return NULL;
		}
		v = v * 10 + d;
		ps->p++;
	}
	if (ps->p == digits) {
		fail(ps, "expected a value");
		return NULL;
	}
	if (*digits == '0' && ps->p - digits > 1) {
		fail(ps, "leading zero in number");
		return NULL;
	}
	if (ps->p < ps->end && (*ps->p == '.' || *ps->p == 'e' || *ps->p == 'E')) {
		fail(ps, "numbers must be integers");
		return NULL;
	}
	j = new_value(ps, JSON_INT);
	if (j != NULL)
		j->i = neg ? (int64_t)(0 - v) : (int64_t)v;
	return j;
}

static int
match_word(struct parser *ps, const char *w)
{
	size_t n = strlen(w);

	if ((size_t)(ps->end - ps->p) >= n && memcmp(ps->p, w, n) == 0) {
		ps->p += n;
		return 1;
	}
	return 0;
}

static struct json *
parse_value(struct parser *ps, int depth)
{
	struct json *j;

	if (depth > JSON_MAX_DEPTH) {
		fail(ps, "nested too deeply");
		return NULL;
	}
	skip_blanks(ps);
	if (ps->p >= ps->end) {
		fail(ps, "unexpected end of input");
		return NULL;
	}
	switch (*ps->p) {
	case '{':
		return parse_container(ps, depth, JSON_OBJECT);
	case '[':
		return parse_container(ps, depth, JSON_ARRAY);
	case '"': {
		char *s = parse_string(ps);
		if (s == NULL)
			return NULL;
		j = new_value(ps, JSON_STRING);
		if (j == NULL)
			free(s);
		else
			j->s = s;
		return j;
	}
	default:
		break;
	}
	if (match_word(ps, "true") || match_word(ps, "false")) {
		j = new_value(ps, JSON_BOOL);
		if (j != NULL)
			j->i = ps->p[-1] == 'e' && ps->p[-2] == 'u';
		return j;
	}
	if (match_word(ps, "null"))
		return new_value(ps, JSON_NULL);
	return parse_int(ps);
}

struct json *
json_parse(const char *text, size_t len, char *err, size_t errlen)
{
	struct parser ps = { text, text + len, text, err, errlen, 0 };
	struct json *j;

	if (len > JSON_MAX_INPUT) {
		snprintf(err, errlen, "input longer than %d bytes",
		    JSON_MAX_INPUT);
		return NULL;
	}
	if (memchr(text, '\0', len) != NULL) {
		snprintf(err, errlen, "NUL byte in input");
		return NULL;
	}
	j = parse_value(&ps, 0);
	if (j == NULL)
		return NULL;
	skip_blanks(&ps);
	if (ps.p != ps.end) {
		fail(&ps, "trailing characters after the value");
		json_free(j);
		return NULL;
	}
	return j;
}

void
json_free(struct json *j)
{
	if (j == NULL)
		return;
	for (size_t i = 0; i < j->n; i++) {
		json_free(j->elems[i]);
		if (j->keys != NULL)
			free(j->keys[i]);
	}
	free(j->elems);
	free(j->keys);
	free(j->s);
	free(j);
}

const struct json *
json_get(const struct json *j, const char *key)
{
	if (j == NULL || j->type != JSON_OBJECT)
		return NULL;
	for (size_t i = 0; i < j->n; i++)
		if (strcmp(j->keys[i], key) == 0)
			return j->elems[i];
	return NULL;
}
