/*
 * NDJSON reader: one line at a time from a FILE, of any length up to a
 * limit, "\r\n" accepted, a UTF-8 byte order mark before the first
 * line skipped.  A blank line, invalid UTF-8 or an over-long
 * line is an error naming the line; reading goes on after it.
 */
#ifndef POOL_NDJSON_H
#define POOL_NDJSON_H

#include <stddef.h>
#include <stdio.h>

#include "pool.h"

#define POOL_NDJSON_MAXLINE	(16u * 1024 * 1024)

struct pool_ndjson;

/**
 * A new reader of f (borrowed; not closed by pool_ndjson_free).  source
 * names the input in errors ("<stdin>" for standard input) and is
 * copied.  maxline 0 means POOL_NDJSON_MAXLINE.
 */
struct pool_ndjson *pool_ndjson_new(FILE *f, const char *source,
	    size_t maxline, struct pool_error *);

void	pool_ndjson_free(struct pool_ndjson *);

/**
 * Read the next line.  Returns 1 with *line and *len set to the line without
 * its terminator (valid until the next call; NUL-terminated), 0 at end of
 * input, or -1 with err located at the line (blank, invalid UTF-8, too
 * long, or a read error: then err->code is POOL_ESYS and reading should
 * stop).  After a -1 that is not POOL_ESYS the next call reads on.
 */
int	pool_ndjson_next(struct pool_ndjson *, const char **line, size_t *len,
	    struct pool_error *err);

/** Number of the line last returned (1-based). */
unsigned long pool_ndjson_lineno(const struct pool_ndjson *);

/** Source name given to pool_ndjson_new. */
const char *pool_ndjson_source(const struct pool_ndjson *);

/** 1 if s[0..len) is valid UTF-8 (no overlongs, no surrogates), else 0. */
int	pool_utf8_valid(const char *s, size_t len);

#endif /* POOL_NDJSON_H */
