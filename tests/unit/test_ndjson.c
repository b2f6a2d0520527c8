/*
 * Unit tests of the NDJSON line reader (lib/ndjson.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool_ndjson.h"
#include "test.h"

/* Read all of input; write "L<n>:<line>" or "E<n>:<error>" per line. */
static void
readall(const char *input, size_t inlen, size_t maxline, char *got,
    size_t gotlen)
{
	struct pool_error	 err;
	struct pool_ndjson	*r;
	const char		*line;
	size_t			 len, n = 0;
	FILE			*f;
	int			 rc;

	got[0] = '\0';
	f = fmemopen((void *)(uintptr_t)input, inlen, "r");
	if (f == NULL || (r = pool_ndjson_new(f, "in.ndjson", maxline,
	    &err)) == NULL) {
		snprintf(got, gotlen, "setup failed");
		return;
	}
	while ((rc = pool_ndjson_next(r, &line, &len, &err)) != 0) {
		char	 buf[300];

		if (rc == 1)
			snprintf(buf, sizeof(buf), "L%lu:%.*s|",
			    pool_ndjson_lineno(r), (int)len, line);
		else
			snprintf(buf, sizeof(buf), "E%s|",
			    pool_error_format(&err, (char[256]){ 0 }, 256));
		n += (size_t)snprintf(got + n, gotlen - n, "%s", buf);
		if (n >= gotlen)
			break;
	}
	pool_ndjson_free(r);
	fclose(f);
}

int
main(void)
{
	static const struct {
		const char	*in;
		size_t		 maxline;
		const char	*want;
	} cases[] = {
		{ "", 0, "" },
		{ "{}\n", 0, "L1:{}|" },
		{ "{}", 0, "L1:{}|" },
		{ "{\"a\":1}\r\n{\"b\":2}\r\n", 0, "L1:{\"a\":1}|L2:{\"b\":2}|" },
		{ "{}\n\n{}\n", 0, "L1:{}|Ein.ndjson:2: blank line|L3:{}|" },
		{ "{}\n\r\n", 0, "L1:{}|Ein.ndjson:2: blank line|" },
		{ "\"\xc3\xa9\"\n\"\xe9\"\n", 0,
		    "L1:\"\xc3\xa9\"|Ein.ndjson:2: invalid UTF-8|" },
		{ "12345\n123456\n1\n", 5,
		    "L1:12345|Ein.ndjson:2: line too long (more than 5 bytes)|L3:1|" },
		{ "1234567890", 5,
		    "Ein.ndjson:1: line too long (more than 5 bytes)|" },
		{ "\xef\xbb\xbf{\"a\":1}\r\n{}\n", 0,
		    "L1:{\"a\":1}|L2:{}|" },
		{ "{}\n\xef\xbb\xbf{}\n", 0,
		    "L1:{}|L2:\xef\xbb\xbf{}|" },
		{ "\xef\xbb\xbf\n{}\n", 0, "Ein.ndjson:1: blank line|L2:{}|" },
	};
	static const struct {
		const char	*s;
		int		 valid;
	} utf8[] = {
		{ "plain", 1 }, { "caf\xc3\xa9", 1 }, { "\xe2\x82\xac", 1 },
		{ "\xf0\x9f\x98\x80", 1 }, { "\xc0\xaf", 0 }, { "\xe0\x80\xaf", 0 },
		{ "\xed\xa0\x80", 0 }, { "\xf4\x90\x80\x80", 0 }, { "\xc3", 0 },
		{ "\x80", 0 }, { "\xff", 0 },
	};
	char	got[1024];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		readall(cases[i].in, strlen(cases[i].in), cases[i].maxline, got,
		    sizeof(got));
		CHECK_STR(got, cases[i].want, "ndjson case %zu", i);
	}
	for (size_t i = 0; i < sizeof(utf8) / sizeof(utf8[0]); i++)
		CHECK_INT(pool_utf8_valid(utf8[i].s, strlen(utf8[i].s)),
		    utf8[i].valid, "utf8 case %zu", i);

	/* A long line across many buffer refills comes back whole. */
	{
		size_t	 n = 1000000;
		char	*big = malloc(n + 8);
		struct pool_error err;
		struct pool_ndjson *r;
		const char *line;
		size_t	 len;
		FILE	*f;

		memset(big, 'x', n);
		memcpy(big + n, "\nab\n", 4);
		f = fmemopen(big, n + 4, "r");
		r = pool_ndjson_new(f, "big", 0, &err);
		CHECK(pool_ndjson_next(r, &line, &len, &err) == 1 && len == n &&
		    line[0] == 'x' && line[n - 1] == 'x', "1 MB line read whole");
		CHECK(pool_ndjson_next(r, &line, &len, &err) == 1 && len == 2 &&
		    strcmp(line, "ab") == 0, "line after a big one");
		CHECK(pool_ndjson_next(r, &line, &len, &err) == 0, "then EOF");
		pool_ndjson_free(r);
		fclose(f);
		free(big);
	}
	return test_done();
}
