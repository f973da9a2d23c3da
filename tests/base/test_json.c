/*
 * test_json.c -- the boot configuration's JSON parser
 * (app-tools/base/json.c): what it accepts, and how it refuses the rest.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../app-tools/base/json.h"

static struct json *
parse(const char *s, char *err)
{
	return json_parse(s, strlen(s), err, 128);
}

static void
test_config_document(void **state)
{
	char err[128];
	struct json *j = parse("{\"argv\":[\"hello\",\"a b\"],\"env\":[\"HOME=/\"],"
	    "\"cwd\":\"/\",\"blk\":[{\"source\":\"virtio\",\"index\":0,"
	    "\"mountpoint\":\"/data\"}],\"n\":-12,\"t\":true,\"f\":false,\"z\":null}",
	    err);

	(void)state;
	assert_non_null(j);
	assert_int_equal(j->type, JSON_OBJECT);
	const struct json *argv = json_get(j, "argv");
	assert_non_null(argv);
	assert_int_equal(argv->n, 2);
	assert_string_equal(argv->elems[1]->s, "a b");
	const struct json *blk = json_get(j, "blk");
	assert_int_equal(json_get(blk->elems[0], "index")->i, 0);
	assert_string_equal(json_get(blk->elems[0], "mountpoint")->s, "/data");
	assert_int_equal(json_get(j, "n")->i, -12);
	assert_int_equal(json_get(j, "t")->i, 1);
	assert_int_equal(json_get(j, "f")->i, 0);
	assert_int_equal(json_get(j, "z")->type, JSON_NULL);
	assert_null(json_get(j, "missing"));
	json_free(j);
}

static void
test_escapes(void **state)
{
	char err[128];
	struct json *j = parse("[\"q\\\"b\\\\s\\/n\\nt\\t\", \"\\u00e9\\u20ac\\ud83d\\ude00\"]",
	    err);

	(void)state;
	assert_non_null(j);
	assert_string_equal(j->elems[0]->s, "q\"b\\s/n\nt\t");
	assert_string_equal(j->elems[1]->s, "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
	json_free(j);
}

static void
test_limits(void **state)
{
	char err[128];
	struct json *j;

	(void)state;
	j = parse("9223372036854775807", err);
	assert_non_null(j);
	assert_int_equal(j->i, INT64_MAX);
	json_free(j);
	j = parse("-9223372036854775808", err);
	assert_non_null(j);
	assert_true(j->i == INT64_MIN);
	json_free(j);
	assert_null(parse("9223372036854775808", err));
	assert_non_null(strstr(err, "out of range"));
	/* Nesting past the limit is refused, not recursed into. */
	char deep[200];
	memset(deep, '[', 100);
	deep[100] = '\0';
	assert_null(parse(deep, err));
	assert_non_null(strstr(err, "nested too deeply"));
}

static void
test_refusals(void **state)
{
	static const struct {
		const char *in, *why;
	} bad[] = {
		{ "", "unexpected end" },
		{ "{", "expected a string key" },
		{ "{\"a\" 1}", "expected ':'" },
		{ "{\"a\":1,}", "expected a string key" },
		{ "{\"a\":1 \"b\":2}", "expected ','" },
		{ "[1,2", "expected ','" },
		{ "\"open", "unterminated string" },
		{ "\"tab\there\"", "control character" },
		{ "\"\\x\"", "bad escape" },
		{ "\"\\u12\"", "short \\u escape" },
		{ "\"\\u12xy\"", "bad hex digit" },
		{ "\"\\ud800\"", "lone surrogate" },
		{ "\"\\u0000\"", "NUL in string" },
		{ "1.5", "integers" },
		{ "1e3", "integers" },
		{ "012", "leading zero" },
		{ "tru", "expected a value" },
		{ "{\"a\":1,\"a\":2}", "duplicate key" },
		{ "[1] 2", "trailing characters" },
		{ "-", "expected a value" },
	};
	char err[128];

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct json *j = parse(bad[i].in, err);
		if (j != NULL || strstr(err, bad[i].why) == NULL)
			fail_msg("input '%s': expected '%s', got '%s'", bad[i].in,
			    bad[i].why, j ? "(accepted)" : err);
	}
	/* An embedded NUL is refused too. */
	assert_null(json_parse("[1]\0", 4, err, sizeof(err)));
	assert_non_null(strstr(err, "NUL byte"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_config_document),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_refusals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
