/*
 * NDJSON reader: lines from a FILE through one growing buffer, no
 * allocation per line.  "\r\n" is accepted, and a UTF-8 byte order mark
 * before the first line skipped; a blank line, invalid UTF-8
 * or a line longer than the limit is an error naming the line, and
 * reading goes on with the next line.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pool_ndjson.h"

#define CHUNK	(64 * 1024)

struct pool_ndjson {
	FILE		*f;
	char		*source;
	size_t		 maxline;
	char		*buf;
	size_t		 cap;
	size_t		 start;		/* first unread byte */
	size_t		 end;		/* end of data */
	size_t		 scan;		/* no newline in [start, scan) */
	unsigned long	 lineno;
	int		 eof;
	int		 error;		/* read error seen */
};

struct pool_ndjson *
pool_ndjson_new(FILE *f, const char *source, size_t maxline,
    struct pool_error *err)
{
	struct pool_ndjson	*r;

	if ((r = calloc(1, sizeof(*r))) == NULL ||
	    (r->source = strdup(source)) == NULL) {
		free(r);
		pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
		return NULL;
	}
	r->f = f;
	r->maxline = maxline ? maxline : POOL_NDJSON_MAXLINE;
	r->cap = CHUNK;
	if ((r->buf = malloc(r->cap)) == NULL) {
		pool_ndjson_free(r);
		pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
		return NULL;
	}
	return r;
}

void
pool_ndjson_free(struct pool_ndjson *r)
{
	if (r == NULL)
		return;
	free(r->buf);
	free(r->source);
	free(r);
}

unsigned long
pool_ndjson_lineno(const struct pool_ndjson *r)
{
	return r->lineno;
}

const char *
pool_ndjson_source(const struct pool_ndjson *r)
{
	return r->source;
}

/* Read more input; returns 1 if something was read, 0 at EOF, -1 on error. */
static int
fill(struct pool_ndjson *r)
{
	size_t	 n, want;
	char	*nb;

	if (r->eof)
		return 0;
	if (r->start > 0 && (r->start == r->end || r->end + CHUNK > r->cap)) {
		memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->end -= r->start;
		r->scan -= r->start;
		r->start = 0;
	}
	if (r->cap - r->end < CHUNK / 2) {
		want = r->cap * 2;
		if ((nb = realloc(r->buf, want)) == NULL)
			return -1;
		r->buf = nb;
		r->cap = want;
	}
	/* Leave room for the terminating NUL. */
	n = fread(r->buf + r->end, 1, r->cap - r->end - 1, r->f);
	r->end += n;
	if (n == 0) {
		if (ferror(r->f)) {
			r->error = 1;
			return -1;
		}
		r->eof = 1;
		return 0;
	}
	return 1;
}

int
pool_utf8_valid(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	const unsigned char	*e = p + len;
	unsigned int		 c;
	int			 n;

	while (p < e) {
		/* ASCII, eight bytes at a time. */
		while (e - p >= 8) {
			uint64_t	w;

			memcpy(&w, p, 8);
			if (w & UINT64_C(0x8080808080808080))
				break;
			p += 8;
		}
		if (p == e)
			break;
		c = *p;
		if (c < 0x80) {
			p++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			n = 1;
		else if (c >= 0xe0 && c <= 0xef)
			n = 2;
		else if (c >= 0xf0 && c <= 0xf4)
			n = 3;
		else
			return 0;
		if (e - p <= n)
			return 0;
		/* Overlongs, surrogates and code points above U+10FFFF. */
		if ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] > 0x9f) ||
		    (c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] > 0x8f))
			return 0;
		for (int i = 1; i <= n; i++)
			if ((p[i] & 0xc0) != 0x80)
				return 0;
		p += n + 1;
	}
	return 1;
}

int
pool_ndjson_next(struct pool_ndjson *r, const char **line, size_t *len,
    struct pool_error *err)
{
	char	*nl;
	size_t	 n;
	int	 rc, toolong = 0;

	if (r->error)
		return 0;
	for (;;) {
		nl = memchr(r->buf + r->scan, '\n', r->end - r->scan);
		if (nl != NULL)
			break;
		r->scan = r->end;
		if (r->end - r->start > r->maxline) {
			/* Too long: drop what we have, keep looking for '\n'. */
			toolong = 1;
			r->start = r->scan = r->end;
		}
		rc = fill(r);
		if (rc < 0) {
			r->lineno++;
			pool_error_set(err, r->error ? POOL_ESYS : POOL_ENOMEM,
			    NULL, r->error ? "read error" : "out of memory");
			pool_error_locate(err, r->source, r->lineno);
			r->error = 1;
			return -1;
		}
		if (rc == 0) {
			if (r->start == r->end && !toolong)
				return 0;
			nl = NULL;
			break;
		}
	}
	r->lineno++;
	n = (nl != NULL ? (size_t)(nl - r->buf) : r->end) - r->start;
	*line = r->buf + r->start;
	r->start += n + (nl != NULL);
	r->scan = r->start;
	if (toolong || n > r->maxline) {
		pool_error_set(err, POOL_ELIMIT, NULL,
		    "line too long (more than %zu bytes)", r->maxline);
		pool_error_locate(err, r->source, r->lineno);
		return -1;
	}
	/* A UTF-8 byte order mark before the first line is no data. */
	if (r->lineno == 1 && n >= 3 && memcmp(*line, "\xef\xbb\xbf", 3) == 0) {
		*line += 3;
		n -= 3;
	}
	if (n > 0 && (*line)[n - 1] == '\r')
		n--;
	((char *)*line)[n] = '\0';
	*len = n;
	if (n == 0) {
		pool_error_set(err, POOL_EPARSE, NULL, "blank line");
		pool_error_locate(err, r->source, r->lineno);
		return -1;
	}
	if (!pool_utf8_valid(*line, n)) {
		pool_error_set(err, POOL_EPARSE, NULL, "invalid UTF-8");
		pool_error_locate(err, r->source, r->lineno);
		return -1;
	}
	return 1;
}
