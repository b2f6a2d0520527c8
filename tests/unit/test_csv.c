/*
 * Unit tests of the CSV reader: quoting, separators, line endings,
 * encodings, limits and line numbers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool_csv.h"
#include "test.h"

/*
 * Read all rows of in and render them: "L<line>:f1|f2|f3\n" per good
 * row, "L<line>!<error>\n" per bad row, then "skipped N".
 */
static char *
render(const char *in, size_t inlen, int delim, enum pool_csv_enc enc,
    size_t maxrow, size_t maxfields, int *gotdelim, int *gotenc)
{
	static char		 out[8192];
	struct pool_csv_opts	 o;
	struct pool_error	 err;
	struct pool_csv		*r;
	FILE			*f;
	size_t			 n = 0, i;
	int			 rc;

	memset(&o, 0, sizeof(o));
	o.delim = delim;
	o.enc = enc;
	o.maxrow = maxrow;
	o.maxfields = maxfields;
	out[0] = '\0';
	f = inlen ? fmemopen((void *)(uintptr_t)in, inlen, "r") :
	    fopen("/dev/null", "r");
	if (f == NULL)
		return strcpy(out, "fmemopen failed");
	pool_error_clear(&err);
	if ((r = pool_csv_new(f, "t.csv", &o, &err)) == NULL) {
		snprintf(out, sizeof(out), "new!%s", err.text);
		fclose(f);
		return out;
	}
	if (gotdelim)
		*gotdelim = pool_csv_delim(r);
	if (gotenc)
		*gotenc = pool_csv_encoding(r);
	while ((rc = pool_csv_next(r, &err)) != 0) {
		if (rc < 0) {
			n += snprintf(out + n, sizeof(out) - n, "L%lu!%s\n",
			    err.line, err.text);
			if (err.code == POOL_ESYS)
				break;
			continue;
		}
		n += snprintf(out + n, sizeof(out) - n, "L%lu:",
		    pool_csv_line(r));
		for (i = 0; i < pool_csv_nfields(r); i++)
			n += snprintf(out + n, sizeof(out) - n, "%s%s",
			    i ? "|" : "", pool_csv_field(r, i, NULL));
		n += snprintf(out + n, sizeof(out) - n, "\n");
	}
	snprintf(out + n, sizeof(out) - n, "skipped %lu",
	    pool_csv_skipped(r));
	pool_csv_free(r);
	fclose(f);
	return out;
}

static const struct {
	const char	*name;
	const char	*in;
	int		 delim;		/* given; 0 = detect */
	int		 wantdelim;
	const char	*want;
} cases[] = {
	{ "plain semicolons", "a;b;c\n1;2;3\n", 0, ';',
	    "L1:a|b|c\nL2:1|2|3\nskipped 0" },
	{ "commas detected", "a,b,c\n1,2,3\n", 0, ',',
	    "L1:a|b|c\nL2:1|2|3\nskipped 0" },
	{ "tabs detected", "a\tb\n1\t2\n", 0, '\t',
	    "L1:a|b\nL2:1|2\nskipped 0" },
	{ "semicolons beat one comma", "naam;uren\n\"Jansen, A\";7,5\n", 0,
	    ';', "L1:naam|uren\nL2:Jansen, A|7,5\nskipped 0" },
	{ "separator inside quotes in the header", "\"a;b\",c,d\n1,2,3\n",
	    0, ',', "L1:a;b|c|d\nL2:1|2|3\nskipped 0" },
	{ "given separator", "a;b,c\n", ',', ',',
	    "L1:a;b|c\nskipped 0" },
	{ "one column", "id\nw1\n", 0, ',', "L1:id\nL2:w1\nskipped 0" },
	{ "crlf", "a;b\r\n1;2\r\n", 0, ';',
	    "L1:a|b\nL2:1|2\nskipped 0" },
	{ "no final newline", "a;b\n1;2", 0, ';',
	    "L1:a|b\nL2:1|2\nskipped 0" },
	{ "empty fields", "a;;c\n;;x\n", 0, ';',
	    "L1:a||c\nL2:||x\nskipped 0" },
	{ "trailing separator", "a;b;\n", 0, ';', "L1:a|b|\nskipped 0" },
	{ "quoted separator, quote and newline",
	    "a;b\n\"x;y\";\"say \"\"hi\"\"\"\n\"two\nlines\";z\nq;r\n", 0,
	    ';',
	    "L1:a|b\nL2:x;y|say \"hi\"\nL3:two\nlines|z\nL5:q|r\nskipped 0" },
	{ "quoted crlf inside", "a;b\n\"x\r\ny\";1\r\n", 0, ';',
	    "L1:a|b\nL2:x\r\ny|1\nskipped 0" },
	{ "quoted empty", "\"\";x\n", 0, ';', "L1:|x\nskipped 0" },
	{ "quote inside unquoted field is data", "a;5\"x\n", 0, ';',
	    "L1:a|5\"x\nskipped 0" },
	{ "blank lines and separator-only rows skipped",
	    "a;b\n\n;\r\n1;2\n\n", 0, ';',
	    "L1:a|b\nL4:1|2\nskipped 3" },
	{ "character after closing quote",
	    "a;b\n\"x\"y;2\n3;4\n", 0, ';',
	    "L1:a|b\nL2!character after the closing quote of a field\n"
	    "L3:3|4\nskipped 0" },
	{ "unterminated quote costs its line only",
	    "a;b\n1;\"open\n2;3\n4;5\n", 0, ';',
	    "L1:a|b\nL2!quoted field not closed on its line (it runs into "
	    "the end of input): the line is rejected alone\nL3:2|3\n"
	    "L4:4|5\nskipped 0" },
	{ "unterminated quote on the last line", "a;b\n1;\"open", 0, ';',
	    "L1:a|b\nL2!quoted field not closed at end of input\n"
	    "skipped 0" },
	{ "stray quote closed by a later one costs its line only",
	    "a;b\n1;\"x\n2;3\n4;\"y\"\n5;6\n", 0, ';',
	    "L1:a|b\nL2!quoted field not closed on its line (it runs into "
	    "a character after a quote): the line is rejected alone\n"
	    "L3:2|3\nL4:4|y\nL5:5|6\nskipped 0" },
	{ "quoted field then crlf", "\"a\";\"b\"\r\n\"1\";\"2\"\r\n", 0, ';',
	    "L1:a|b\nL2:1|2\nskipped 0" },
	{ "lone cr in an LF file is data", "a;b\nx;y\rz\n", 0, ';',
	    "L1:a|b\nL2:x|y\rz\nskipped 0" },
	{ "cr-only line ends (Excel for Mac)", "a;b\r1;2\r\r3;\"x\ry\"\r",
	    0, ';', "L1:a|b\nL2:1|2\nL4:3|x\ry\nskipped 1" },
	{ "cr-only line ends without a final one", "a;b\r1;2", 0, ';',
	    "L1:a|b\nL2:1|2\nskipped 0" },
	{ "cr-only with a stray quote", "a;b\r1;\"x\r2;3\r", 0, ';',
	    "L1:a|b\nL2!quoted field not closed on its line (it runs into "
	    "the end of input): the line is rejected alone\nL3:2|3\n"
	    "skipped 0" },
	{ "empty input", "", 0, ',', "skipped 0" },
	{ "bom stripped", "\xef\xbb\xbfid;naam\nw1;Anna\n", 0, ';',
	    "L1:id|naam\nL2:w1|Anna\nskipped 0" },
	{ "utf-8 kept", "naam\nJos\xc3\xa9\n", 0, ',',
	    "L1:naam\nL2:Jos\xc3\xa9\nskipped 0" },
};

static void
test_cases(void)
{
	size_t	i;
	int	d;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		d = 0;
		CHECK_STR(render(cases[i].in, strlen(cases[i].in),
		    cases[i].delim, POOL_CSV_AUTO, 0, 0, &d, NULL),
		    cases[i].want, "%s", cases[i].name);
		CHECK_INT(d, cases[i].wantdelim, "%s: separator",
		    cases[i].name);
	}
}

static void
test_encodings(void)
{
	int	e;

	/* "Ren\xe9e;caf\xe9 \x80 5" in Windows-1252. */
	CHECK_STR(render("naam;x\nRen\xe9" "e;caf\xe9 \x80 5\n", 22, 0,
	    POOL_CSV_AUTO, 0, 0, NULL, &e),
	    "L1:naam|x\nL2:Ren\xc3\xa9" "e|caf\xc3\xa9 \xe2\x82\xac 5\n"
	    "skipped 0", "windows-1252 detected and converted");
	CHECK_INT(e, POOL_CSV_CP1252, "windows-1252 detected");
	CHECK_STR(render("a\n\"\x93quoted\x94\"\n", 13, 0, POOL_CSV_CP1252,
	    0, 0, NULL, &e), "L1:a\nL2:\xe2\x80\x9cquoted\xe2\x80\x9d\n"
	    "skipped 0", "windows-1252 quotes inside a quoted field");
	render("a\nb\n", 4, 0, POOL_CSV_AUTO, 0, 0, NULL, &e);
	CHECK_INT(e, POOL_CSV_UTF8, "ascii is utf-8");
	CHECK_STR(render("a\nb\xe9\n", 5, 0, POOL_CSV_UTF8, 0, 0, NULL, &e),
	    "L1:a\nL2!invalid UTF-8 (is the file in windows-1252?)\n"
	    "skipped 0", "invalid utf-8 when utf-8 is given");
	CHECK_STR(render("\xff\xfe" "a\0", 4, 0, POOL_CSV_AUTO, 0, 0, NULL,
	    NULL), "new!UTF-16 input is not supported: save it as UTF-8",
	    "utf-16 refused");
	CHECK_INT(pool_csv_enc_parse("Windows-1252"), POOL_CSV_CP1252,
	    "encoding name");
	CHECK_INT(pool_csv_enc_parse("utf-8"), POOL_CSV_UTF8,
	    "encoding name utf-8");
	CHECK_INT(pool_csv_enc_parse("ebcdic"), -1, "unknown encoding");
}

static void
test_limits(void)
{
	CHECK_STR(render("a;b\n0123456789;x\n1;2\n", 21, 0, POOL_CSV_AUTO, 8,
	    0, NULL, NULL),
	    "L1:a|b\nL2!row longer than 8 bytes\nL3:1|2\nskipped 0",
	    "row too long");
	CHECK_STR(render("a;b;c;d\n1;2\n", 12, 0, POOL_CSV_AUTO, 0, 3, NULL,
	    NULL), "L1!row has more than 3 fields\nL2:1|2\nskipped 0",
	    "too many fields");
	/* A quote that does not close within the limit costs one line. */
	CHECK_STR(render("a\n\"0123\nb\nc\nd\ne\n", 16, 0, POOL_CSV_AUTO, 8,
	    0, NULL, NULL),
	    "L1:a\nL2!quoted field not closed on its line (it runs into a "
	    "row longer than 8 bytes): the line is rejected alone\nL3:b\n"
	    "L4:c\nL5:d\nL6:e\nskipped 0", "quote not closed within the limit");
	CHECK_STR(render("a;b\n\"x\ny\";1;2;3\nc;d\n", 20, 0, POOL_CSV_AUTO,
	    0, 2, NULL, NULL), "L1:a|b\nL2!quoted field not closed on its "
	    "line (it runs into more than 2 fields): the line is rejected "
	    "alone\nL3!row has more than 2 fields\nL4:c|d\nskipped 0",
	    "too many fields across lines");
	/* An unterminated quote past the limit resyncs at the next line. */
	CHECK_STR(render("a\n\"0123456789\nb\nc\n", 18, 0, POOL_CSV_AUTO, 8,
	    0, NULL, NULL),
	    "L1:a\nL2!row longer than 8 bytes\nL3:b\nL4:c\nskipped 0",
	    "long quoted field resyncs");
}

/* A NUL byte is data, but the row says it holds one. */
static void
test_nul(void)
{
	static const char in[] = "a;b\nx\0y;z\nq;r\n";
	struct pool_error	 err;
	struct pool_csv		*r;
	FILE			*f = fmemopen((void *)(uintptr_t)in,
				    sizeof(in) - 1, "r");
	size_t			 len;

	r = pool_csv_new(f, "n.csv", NULL, &err);
	CHECK_INT(pool_csv_next(r, &err), 1, "header");
	CHECK_INT(pool_csv_nul(r), 0, "no NUL in the header");
	CHECK_INT(pool_csv_next(r, &err), 1, "a row with a NUL byte");
	CHECK_INT(pool_csv_nul(r), 1, "the row says so");
	pool_csv_field(r, 0, &len);
	CHECK_INT(len, 3, "the field keeps its length");
	CHECK_INT(pool_csv_next(r, &err), 1, "next row");
	CHECK_INT(pool_csv_nul(r), 0, "cleared for the next row");
	pool_csv_free(r);
	fclose(f);
}

/* The caller cuts a row that spans lines to its first line. */
static void
test_resync(void)
{
	static const char in[] = "a;b\n\"x\ny\";1;2\nc;d\n";
	struct pool_error	 err;
	struct pool_csv		*r;
	FILE			*f = fmemopen((void *)(uintptr_t)in,
				    sizeof(in) - 1, "r");
	size_t			 len;

	r = pool_csv_new(f, "r.csv", NULL, &err);
	CHECK_INT(pool_csv_next(r, &err), 1, "header");
	CHECK_INT(pool_csv_resync(r), 0, "a row of one line is not cut");
	CHECK_INT(pool_csv_nfields(r), 2, "and keeps its fields");
	CHECK_INT(pool_csv_next(r, &err), 1, "a row over two lines");
	CHECK_INT(pool_csv_nfields(r), 3, "with three fields");
	CHECK_INT(pool_csv_resync(r), 1, "cut to its first line");
	CHECK_STR(pool_csv_raw(r, &len), "\"x", "its raw text");
	CHECK_INT(pool_csv_nfields(r), 0, "no fields left");
	CHECK_INT(pool_csv_line(r), 2, "its line");
	CHECK_INT(pool_csv_next(r, &err), 1, "the second line read again");
	CHECK_INT(pool_csv_line(r), 3, "as line 3");
	CHECK_STR(pool_csv_field(r, 0, NULL), "y\"", "a quote inside a field "
	    "is data");
	CHECK_INT(pool_csv_next(r, &err), 1, "the row after it");
	CHECK_STR(pool_csv_field(r, 0, NULL), "c", "read whole");
	CHECK_INT(pool_csv_line(r), 4, "at line 4");
	CHECK_INT(pool_csv_next(r, &err), 0, "then the end");
	pool_csv_free(r);
	fclose(f);
}

/* A row across the 64 KiB buffer boundary, and many rows. */
static void
test_big(void)
{
	size_t	 n = 200000, i, len = 0;
	char	*buf = malloc(n * 24 + 1), *p;
	struct pool_error err;
	struct pool_csv *r;
	FILE	*f;
	unsigned long rows = 0, bad = 0;
	int	 rc, ok = 1;

	for (i = 0; i < n; i++)
		len += sprintf(buf + len, "%zu;\"x\r\ny\";z\r\n", i);
	f = fmemopen(buf, len, "r");
	r = pool_csv_new(f, "big", NULL, &err);
	while ((rc = pool_csv_next(r, &err)) != 0) {
		if (rc < 0) {
			bad++;
			continue;
		}
		p = (char *)pool_csv_field(r, 1, NULL);
		if (pool_csv_nfields(r) != 3 || strcmp(p, "x\r\ny") != 0 ||
		    strtoul(pool_csv_field(r, 0, NULL), NULL, 10) != rows ||
		    pool_csv_line(r) != 2 * rows + 1)
			ok = 0;
		rows++;
	}
	CHECK_INT(rows, n, "all rows read across buffer boundaries");
	CHECK_INT(bad, 0, "no bad rows");
	CHECK(ok, "fields and line numbers right in every row");
	pool_csv_free(r);
	fclose(f);
	free(buf);
}

int
main(void)
{
	test_cases();
	test_encodings();
	test_limits();
	test_nul();
	test_resync();
	test_big();
	return test_done();
}
