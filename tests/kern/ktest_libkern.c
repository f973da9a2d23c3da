/*
 * ktest_libkern.c -- kernel self-tests of the string functions, number
 * parsing and the formatter.
 */
#include "../ktest/ktest.h"

KTEST(libkern_memmove_overlap)
{
	char buf[32] = "0123456789abcdefghij";

	memmove(buf + 2, buf, 18);
	KT_EQ(kt, memcmp(buf, "010123456789abcdefgh", 20), 0);
	memmove(buf, buf + 2, 18);
	KT_EQ(kt, memcmp(buf, "0123456789abcdefgh", 18), 0);
}

KTEST(libkern_strings)
{
	char buf[8];

	KT_EQ(kt, strlen(""), 0);
	KT_EQ(kt, strlen("rump"), 4);
	KT_EQ(kt, strnlen("rump", 2), 2);
	KT_CHECK(kt, strcmp("a", "b") < 0);
	KT_CHECK(kt, strncmp("abc", "abd", 2) == 0);
	KT_EQ(kt, strlcpy(buf, "kernelspace", sizeof(buf)), 11);
	KT_EQ(kt, strcmp(buf, "kernels"), 0);
	KT_CHECK(kt, strchr("a/b", '/') != NULL);
	KT_CHECK(kt, strrchr("a/b/c", '/')[1] == 'c');
	KT_EQ(kt, strlcat(buf, "xyz", sizeof(buf)), 10);
}

KTEST(libkern_parse_u64)
{
	uint64_t v;
	const char *end;

	KT_EQ(kt, parse_u64("42", NULL, &v, NULL), 0);
	KT_EQ(kt, v, 42);
	KT_EQ(kt, parse_u64("0x1F", NULL, &v, NULL), 0);
	KT_EQ(kt, v, 31);
	KT_EQ(kt, parse_u64("", NULL, &v, NULL), -EINVAL);
	KT_EQ(kt, parse_u64("12q", NULL, &v, NULL), -EINVAL);
	KT_EQ(kt, parse_u64("-1", NULL, &v, NULL), -EINVAL);
	KT_EQ(kt, parse_u64("18446744073709551616", NULL, &v, NULL), -ERANGE);
	KT_EQ(kt, parse_u64("64m", "m", &v, &end), 0);
	KT_CHECK(kt, v == 64 && *end == 'm');
}

KTEST(libkern_snprintf)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%d|%5d|%-5d|%05d|%x|%#X|%lu", -42, 7, 7,
	    -7, 255, 255, 1UL << 40);
	KT_EQ(kt, strcmp(buf, "-42|    7|7    |-0007|ff|0XFF|1099511627776"), 0);
	snprintf(buf, sizeof(buf), "%s|%.2s|%8s|%c|%%", "abc", "xyz", "r", 'q');
	KT_EQ(kt, strcmp(buf, "abc|xy|       r|q|%"), 0);
	KT_EQ(kt, snprintf(buf, 4, "%s", "truncated"), 9);
	KT_EQ(kt, strcmp(buf, "tru"), 0);
	volatile int wide = 257; /* a variable: %hhd must cut it to a char */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat" /* clang: %hhd given an int, on purpose */
	snprintf(buf, sizeof(buf), "%lld %zu %hhd", -1LL, (size_t)3, wide);
#pragma GCC diagnostic pop
	KT_EQ(kt, strcmp(buf, "-1 3 1"), 0);
}
