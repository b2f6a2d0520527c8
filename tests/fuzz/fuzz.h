/*
 * Shared helpers of the libFuzzer targets: an input as a FILE, and the
 * checks every error must pass (pool.h: text not empty, starts
 * lower-case, no newline, no full stop at the end).  A failed check
 * aborts, which libFuzzer reports as a crash with the input saved.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define FUZZ_ASSERT(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: check failed: %s\n",		\
		    __FILE__, __LINE__, #cond);				\
		abort();						\
	}								\
} while (0)

/* The input as a read-only stream (an empty input reads /dev/null). */
static inline FILE *
fuzz_open(const uint8_t *data, size_t size)
{
	FILE	*f;

	if (size == 0)
		f = fopen("/dev/null", "r");
	else
		f = fmemopen((void *)(uintptr_t)data, size, "r");
	FUZZ_ASSERT(f != NULL);
	return f;
}

/* The input as a NUL-terminated string (stops at an embedded NUL). */
static inline char *
fuzz_string(const uint8_t *data, size_t size)
{
	char	*s;

	FUZZ_ASSERT((s = malloc(size + 1)) != NULL);
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* An error reported by the library must be well formed. */
static inline void
fuzz_check_error(const struct pool_error *e)
{
	char	buf[1024];
	size_t	n;

	FUZZ_ASSERT(e->code != POOL_EOK);
	FUZZ_ASSERT(memchr(e->text, '\0', sizeof(e->text)) != NULL);
	FUZZ_ASSERT(memchr(e->field, '\0', sizeof(e->field)) != NULL);
	FUZZ_ASSERT(memchr(e->context, '\0', sizeof(e->context)) != NULL);
	FUZZ_ASSERT(memchr(e->source, '\0', sizeof(e->source)) != NULL);
	n = strlen(e->text);
	FUZZ_ASSERT(n > 0);
	/* Lower-case first word; an acronym ("UTF-16") is fine. */
	FUZZ_ASSERT(!(e->text[0] >= 'A' && e->text[0] <= 'Z' &&
	    e->text[1] >= 'a' && e->text[1] <= 'z'));
	FUZZ_ASSERT(strchr(e->text, '\n') == NULL);
	/* No full stop at the end, unless the text was cut to fit. */
	FUZZ_ASSERT(e->text[n - 1] != '.' || n == sizeof(e->text) - 1);
	pool_error_format(e, buf, sizeof(buf));
	FUZZ_ASSERT(memchr(buf, '\0', sizeof(buf)) != NULL);
}

#endif /* FUZZ_H */
