/*
 * A tiny unit-test harness: each check prints a TAP line, and the test
 * program exits 1 if any failed.  Include once per test program.
 */
#ifndef TEST_H
#define TEST_H

#include <stdio.h>
#include <string.h>

static int test_n, test_failed;

#define CHECK(cond, ...) do {						\
	test_n++;							\
	if (cond) {							\
		printf("ok %d - ", test_n);				\
	} else {							\
		test_failed++;						\
		printf("not ok %d - %s:%d: ", test_n, __FILE__, __LINE__); \
	}								\
	printf(__VA_ARGS__);						\
	putchar('\n');							\
} while (0)

#define CHECK_STR(got, want, ...) do {					\
	const char *g_ = (got), *w_ = (want);				\
	int eq_ = (g_ == NULL && w_ == NULL) ||				\
	    (g_ != NULL && w_ != NULL && strcmp(g_, w_) == 0);		\
	CHECK(eq_, __VA_ARGS__);					\
	if (!eq_)							\
		printf("#   got:  '%s'\n#   want: '%s'\n",		\
		    g_ ? g_ : "(null)", w_ ? w_ : "(null)");		\
} while (0)

#define CHECK_INT(got, want, ...) do {					\
	long long g_ = (long long)(got), w_ = (long long)(want);	\
	CHECK(g_ == w_, __VA_ARGS__);					\
	if (g_ != w_)							\
		printf("#   got:  %lld\n#   want: %lld\n", g_, w_);	\
} while (0)

static inline int
test_done(void)
{
	printf("1..%d\n", test_n);
	return test_failed ? 1 : 0;
}

#endif /* TEST_H */
