/*
 * Unit tests of the report: the table model, the formats (text, md, csv,
 * json, html), file names, calendar lines and the aggregation.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool_config.h"
#include "pool_report.h"
#include "pool_time.h"
#include "test.h"

/* Capture what fn writes to a FILE. */
struct capture {
	char	*buf;
	size_t	 len;
	FILE	*f;
};

static FILE *
cap_open(struct capture *c)
{
	c->buf = NULL;
	c->len = 0;
	c->f = open_memstream(&c->buf, &c->len);
	return c->f;
}

static char *
cap_close(struct capture *c)
{
	fclose(c->f);
	return c->buf;
}

static void
test_csv_field(void)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "plain", "plain" },
		{ "", "" },
		{ "a,b", "\"a,b\"" },
		{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
		{ "two\nlines", "\"two\nlines\"" },
		{ "=1+2", "'=1+2" },
		{ "+31 6", "'+31 6" },
		{ "-5", "'-5" },
		{ "@SUM(A1)", "'@SUM(A1)" },
		{ "\tx", "'\tx" },
		{ "\rx", "\"'\rx\"" },
		{ "=1+2\";=1+2", "\"'=1+2\"\";=1+2\"" },
		{ "a=b", "a=b" },
		{ " =1+1", "' =1+1" },
		{ "   @x", "'   @x" },
		{ "\xc2\xa0=1+1", "'\xc2\xa0=1+1" },
		{ "\xe2\x80\x8b=1+1", "'\xe2\x80\x8b=1+1" },
		{ "\xef\xbb\xbf+1", "'\xef\xbb\xbf+1" },
		{ "\xe3\x80\x80-1", "'\xe3\x80\x80-1" },
		{ "\n=1+1", "\"'\n=1+1\"" },
		{ "\r\n=1+1", "\"'\r\n=1+1\"" },
		{ "\xef\xbc\x9d" "1+1", "'\xef\xbc\x9d" "1+1" },
		{ " plain", " plain" },
		{ "\xc2\xa0x", "\xc2\xa0x" },
		{ "caf\xc3\xa9", "caf\xc3\xa9" },
	};
	struct capture c;
	size_t	 i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		cap_open(&c);
		pool_report_csv_field(c.f, cases[i].in);
		CHECK_STR(cap_close(&c), cases[i].out, "csv field %zu", i);
		free(c.buf);
	}
}

static void
test_filename(void)
{
	static const struct {
		const char *id, *ext, *out;
	} cases[] = {
		{ "w17", ".ics", "w17.ics" },
		{ "W17", ".ics", "_w17.ics" },
		{ "anna.de-vries_2", ".ics", "anna.de-vries%5f2.ics" },
		{ "../../etc/passwd", ".ics", "%2e.%2f..%2fetc%2fpasswd.ics" },
		{ "a/b", ".ics", "a%2fb.ics" },
		{ "a_b", ".ics", "a%5fb.ics" },
		{ "a_b-3a8e75c1", ".ics", "a%5fb-3a8e75c1.ics" },
		{ "", ".csv", "%00.csv" },
		{ ".hidden", ".ics", "%2ehidden.ics" },
		{ "x.", ".ics", "x%2e.ics" },
		{ "-rf", ".ics", "%2drf.ics" },
		{ "--help", ".ics", "%2d-help.ics" },
		{ "a-b.c", ".ics", "a-b.c.ics" },
		{ "orgs", ".csv", "orgs.csv" },
		{ "con", ".ics", "%63on.ics" },
		{ "CON", ".ics", "_c_o_n.ics" },
		{ "nul.txt", ".ics", "%6eul.txt.ics" },
		{ "com1", ".ics", "%63om1.ics" },
		{ "com10", ".ics", "com10.ics" },
		{ "lpt9", ".ics", "%6cpt9.ics" },
		{ "\xe2\x82\xac", ".ics", "%e2%82%ac.ics" },
	};
	char		 buf[POOL_FILENAME_MAX + 1], buf2[POOL_FILENAME_MAX + 1];
	char		 longid[1012];
	unsigned long	 seq = 0;
	size_t		 i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		pool_report_filename(cases[i].id, cases[i].ext, &seq, buf);
		CHECK_STR(buf, cases[i].out, "file name of '%s'", cases[i].id);
	}
	CHECK(seq == 0, "no name was cut");
	memset(longid, 'x', sizeof(longid) - 1);
	longid[sizeof(longid) - 1] = '\0';
	pool_report_filename(longid, ".ics", &seq, buf);
	longid[sizeof(longid) - 2] = 'y';
	pool_report_filename(longid, ".ics", &seq, buf2);
	CHECK(strlen(buf) <= POOL_FILENAME_MAX && strlen(buf) > 200,
	    "a long id is cut (%zu bytes)", strlen(buf));
	CHECK(strcmp(buf, buf2) != 0 && strchr(buf, '~') != NULL,
	    "two long ids differing at the end get different names "
	    "(%s %s)", buf + strlen(buf) - 10, buf2 + strlen(buf2) - 10);
	CHECK(seq == 2, "each cut name has its own number");
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Property: over every id of up to 3 characters from an alphabet of
 * letters in both cases, the escape characters and bytes that need
 * escaping, the file names are all different, lower case, without '/'
 * and not led by '.' or '-': injective, also where case is ignored.
 */
static void
test_filename_injective(void)
{
	static const char abc[] = "aAzZ0_%.-/~ \x80\xff";
	const size_t	 k = sizeof(abc) - 1;
	char		 id[4], buf[POOL_FILENAME_MAX + 1], **names;
	unsigned long	 seq = 0;
	size_t		 n = 0, i, a, b, c, len, dup = 0, bad = 0;

	names = calloc(1 + k + k * k + k * k * k, sizeof(*names));
	CHECK(names != NULL, "memory for the names");
	if (names == NULL)
		return;
	for (len = 0; len <= 3; len++)
		for (a = 0; a < (len > 0 ? k : 1); a++)
			for (b = 0; b < (len > 1 ? k : 1); b++)
				for (c = 0; c < (len > 2 ? k : 1); c++) {
					id[0] = abc[a];
					id[1] = abc[b];
					id[2] = abc[c];
					id[len] = '\0';
					pool_report_filename(id, ".ics", &seq,
					    buf);
					for (i = 0; buf[i] != '\0'; i++)
						if ((buf[i] >= 'A' &&
						    buf[i] <= 'Z') ||
						    buf[i] == '/')
							bad++;
					if (buf[0] == '.' || buf[0] == '-')
						bad++;
					names[n++] = strdup(buf);
				}
	qsort(names, n, sizeof(*names), cmp_str);
	for (i = 1; i < n; i++)
		if (strcmp(names[i - 1], names[i]) == 0)
			dup++;
	CHECK(dup == 0, "%zu ids give %zu names (%zu shared)", n, n - dup,
	    dup);
	CHECK(bad == 0, "no upper case, '/' or leading '.' or '-' (%zu)",
	    bad);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static struct pool_table *
sample_table(void)
{
	struct pool_table *t;
	struct pool_error err;

	t = pool_table_new("orgs", "orgs", "Organisations", "report.orgs",
	    &err);
	if (t == NULL)
		return NULL;
	pool_table_col(t, "org", "org", POOL_CELL_TEXT, &err);
	pool_table_col(t, "shifts", "shifts", POOL_CELL_INT, &err);
	pool_table_col(t, "hours", "hours", POOL_CELL_HOURS, &err);
	pool_table_col(t, "fill_rate", "fill rate", POOL_CELL_PERCENT, &err);
	pool_table_col(t, "cost", "cost", POOL_CELL_MONEY, &err);
	pool_table_row(t, &err);
	pool_table_text(t, "org-a", &err);
	pool_table_num(t, 12, &err);
	pool_table_num(t, 96.25, &err);
	pool_table_num(t, 200.0 / 3, &err);
	pool_table_num(t, 1234.5, &err);
	pool_table_row(t, &err);
	pool_table_text(t, "=cmd|'/c calc'!A0", &err);
	pool_table_num(t, 3, &err);
	pool_table_suppressed(t, &err);
	pool_table_empty(t, &err);
	pool_table_num(t, -0.001, &err);
	t->min_cell = 5;
	return t;
}

static void
test_table(void)
{
	struct pool_table *t;
	struct pool_error err;
	char	 buf[64];

	t = sample_table();
	CHECK(t != NULL, "table made");
	if (t == NULL)
		return;
	CHECK_INT(t->nrows, 2, "two rows");
	CHECK_STR(pool_cell_format(t, 0, 2, buf, sizeof(buf)), "96.2",
	    "hours one decimal");
	CHECK_STR(pool_cell_format(t, 0, 3, buf, sizeof(buf)), "66.7%",
	    "percent");
	CHECK_STR(pool_cell_format(t, 0, 4, buf, sizeof(buf)), "1234.50",
	    "money");
	CHECK_STR(pool_cell_format(t, 1, 2, buf, sizeof(buf)), "<5",
	    "suppressed");
	CHECK_STR(pool_cell_format(t, 1, 3, buf, sizeof(buf)), "",
	    "empty");
	CHECK_STR(pool_cell_format(t, 1, 4, buf, sizeof(buf)), "0.00",
	    "no negative zero");
	CHECK_INT(pool_table_colidx(t, "fill_rate"), 3, "column index");
	CHECK_INT(pool_table_colidx(t, "nope"), -1, "unknown column");
	pool_error_clear(&err);
	CHECK_INT(pool_table_num(t, 1, &err), -1, "sixth cell refused");
	CHECK_STR(err.text, "table 'orgs': more cells than columns",
	    "error text of an extra cell");
	CHECK_INT(pool_table_col(t, "late", "late", POOL_CELL_INT, &err), -1,
	    "column after rows refused");
	CHECK_STR(err.text,
	    "table 'orgs': column 'late' added after the first row",
	    "error text of a late column");
	pool_table_free(t);
	pool_table_free(NULL);
}

static void
test_formats(void)
{
	static const struct {
		enum pool_format fmt;
		const char *want;
	} cases[] = {
		{ POOL_FMT_TEXT,
		    "Organisations\n"
		    "  org                shifts  hours  fill rate     cost\n"
		    "  org-a                  12   96.2      66.7%  1234.50\n"
		    "  =cmd|'/c calc'!A0       3     <5                0.00\n" },
		{ POOL_FMT_MD,
		    "## Organisations\n\n"
		    "| org | shifts | hours | fill rate | cost |\n"
		    "| --- | ---: | ---: | ---: | ---: |\n"
		    "| org-a | 12 | 96.2 | 66.7% | 1234.50 |\n"
		    "| =cmd\\|'/c calc'\\!A0 | 3 | \\<5 |  | 0.00 |\n" },
		{ POOL_FMT_CSV,
		    "org,shifts,hours,fill_rate,cost\r\n"
		    "org-a,12,96.25,66.7,1234.50\r\n"
		    "'=cmd|'/c calc'!A0,3,<5,,0.00\r\n" },
		{ POOL_FMT_JSON,
		    "{\"type\":\"report.orgs\",\"org\":\"org-a\",\"shifts\":12,"
		    "\"hours\":96.25,\"fill_rate\":66.7,\"cost\":1234.5}\n"
		    "{\"type\":\"report.orgs\",\"org\":\"=cmd|'/c calc'!A0\","
		    "\"shifts\":3,\"cost\":0.0,\"suppressed\":true}\n" },
	};
	struct pool_table *t = sample_table();
	struct pool_error err;
	struct capture c;
	size_t	 i;

	if (t == NULL)
		return;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		cap_open(&c);
		CHECK_INT(pool_report_write_table(c.f, t, cases[i].fmt, 0,
		    &err), 0, "format %d writes", cases[i].fmt);
		CHECK_STR(cap_close(&c), cases[i].want, "format %d output",
		    cases[i].fmt);
		free(c.buf);
	}
	cap_open(&c);
	pool_report_write_table(c.f, t, POOL_FMT_TEXT, POOL_REPORT_COLOR,
	    &err);
	cap_close(&c);
	CHECK(strstr(c.buf, "\033[1mOrganisations\033[0m") != NULL,
	    "colour: bold title");
	free(c.buf);
	CHECK_INT(pool_report_write_table(stdout, t, POOL_FMT_HTML, 0, &err),
	    -1, "html is not a table format");
	pool_table_free(t);
}

static void
test_html(void)
{
	struct pool_report rep;
	struct pool_error err;
	struct capture c;
	struct pool_table *t = sample_table();

	pool_report_init(&rep);
	rep.pool = strdup("<script>alert(1)</script>");
	rep.period = strdup("2026-W48");
	CHECK_INT(pool_report_add(&rep, t, &err), 0, "table added");
	cap_open(&c);
	CHECK_INT(pool_report_write(c.f, &rep, POOL_FMT_HTML, 0, &err), 0,
	    "html written");
	cap_close(&c);
	CHECK(strstr(c.buf, "<script") == NULL, "no script element");
	CHECK(strstr(c.buf, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL,
	    "pool name escaped");
	CHECK(strstr(c.buf, "=cmd|&#39;/c calc&#39;!A0") != NULL,
	    "cell escaped");
	CHECK(strstr(c.buf, "<svg") != NULL, "fill-rate chart drawn");
	CHECK(strstr(c.buf, "@media print") != NULL, "print style");
	CHECK(strncmp(c.buf, "<!DOCTYPE html>\n", 16) == 0, "doctype first");
	free(c.buf);
	pool_report_release(&rep);
}

/*
 * calloc that fails while fail_calloc is set; the charts of the HTML
 * page are its only users while the page is written to a memory stream.
 */
static int	fail_calloc;
static void	*(*volatile plain_malloc)(size_t) = malloc;

void	*calloc(size_t, size_t);

void *
calloc(size_t n, size_t size)
{
	void	*p;

	if (fail_calloc || (size != 0 && n > SIZE_MAX / size)) {
		errno = ENOMEM;
		return NULL;
	}
	/* Through a volatile pointer: the compiler would turn malloc and
	 * memset into a call of calloc. */
	if ((p = plain_malloc(n * size)) != NULL)
		memset(p, 0, n * size);
	return p;
}

/* A chart that cannot be drawn fails the page, never left out quietly. */
static void
test_html_nomem(void)
{
	struct pool_report rep;
	struct pool_error err;
	struct capture c;
	struct pool_table *t;
	int	 rc;

	/* valgrind replaces calloc, so the failing one here is never called. */
	if (getenv("POOL_VALGRIND") != NULL) {
		printf("# skip: a chart without memory (under valgrind)\n");
		return;
	}
	pool_report_init(&rep);
	pool_error_clear(&err);
	t = pool_table_new("days", "days", "Days", "report.days", &err);
	CHECK(t != NULL, "days table made");
	if (t == NULL)
		return;
	pool_table_col(t, "date", "date", POOL_CELL_TEXT, &err);
	pool_table_col(t, "role", "role", POOL_CELL_TEXT, &err);
	pool_table_col(t, "hours", "hours", POOL_CELL_HOURS, &err);
	pool_table_col(t, "filled_hours", "filled", POOL_CELL_HOURS, &err);
	pool_table_col(t, "open", "open", POOL_CELL_INT, &err);
	pool_table_row(t, &err);
	pool_table_text(t, "2026-11-23", &err);
	pool_table_text(t, "vig", &err);
	pool_table_num(t, 8, &err);
	pool_table_num(t, 4, &err);
	pool_table_num(t, 1, &err);
	CHECK_INT(pool_report_add(&rep, t, &err), 0, "table added");

	cap_open(&c);
	rc = pool_report_write(c.f, &rep, POOL_FMT_HTML, 0, &err);
	cap_close(&c);
	CHECK_INT(rc, 0, "html with charts written");
	CHECK(strstr(c.buf, "Hours per day") != NULL, "hours chart drawn");
	CHECK(strstr(c.buf, "Open shifts by day") != NULL, "heat map drawn");
	free(c.buf);

	pool_error_clear(&err);
	cap_open(&c);
	fail_calloc = 1;
	rc = pool_report_write(c.f, &rep, POOL_FMT_HTML, 0, &err);
	fail_calloc = 0;
	cap_close(&c);
	CHECK_INT(rc, -1, "a chart without memory fails the page");
	CHECK_STR(err.text, "out of memory", "error text");
	free(c.buf);
	pool_report_release(&rep);
}

static void
test_ics_line(void)
{
	struct capture c;
	char	 val[200], buf[64];
	char	*out, *p, *q;
	size_t	 i;
	int	 ok = 1;

	/* 'é' is two octets: a fold must not split it. */
	for (i = 0; i + 2 < 150; i += 2)
		memcpy(val + i, "\xc3\xa9", 2);
	val[i] = '\0';
	cap_open(&c);
	pool_ics_line(c.f, "SUMMARY", val);
	out = cap_close(&c);
	for (p = out; (q = strstr(p, "\r\n")) != NULL; p = q + 2) {
		if (q - p > 75)
			ok = 0;
		if (q[2] != '\0' && q[2] != ' ')
			ok = 0;
		if (q[2] == ' ' && ((unsigned char)q[3] & 0xC0) == 0x80)
			ok = 0;
	}
	CHECK(ok, "folded at <= 75 octets on UTF-8 boundaries");
	CHECK(strncmp(out, "SUMMARY:\xc3\xa9", 10) == 0, "name and value");
	free(out);

	cap_open(&c);
	pool_ics_line(c.f, "UID", "short");
	CHECK_STR(cap_close(&c), "UID:short\r\n", "short line, CRLF");
	free(c.buf);

	CHECK_STR(pool_ics_text("a;b,c\\d\ne", buf, sizeof(buf)),
	    "a\\;b\\,c\\\\d\\ne", "TEXT escaping");
	CHECK_STR(pool_ics_text("\xc3\xa9\xc3\xa9", buf, 4), "\xc3\xa9",
	    "truncated on a UTF-8 boundary");
}

static const char *const recs[] = {
	"{\"type\":\"org\",\"id\":\"a\",\"name\":\"Zorg A\",\"rate\":40,"
	    "\"contacts\":[{\"level\":\"operational\",\"every_days\":7}]}",
	"{\"type\":\"org\",\"id\":\"b\",\"rate\":50}",
	"{\"type\":\"worker\",\"id\":\"w1\",\"org\":\"a\",\"roles\":[\"vig\"],"
	    "\"contract_hours\":24,\"max_hours_week\":32}",
	"{\"type\":\"worker\",\"id\":\"w2\",\"org\":\"b\",\"roles\":[\"vig\"]}",
	"{\"type\":\"worker\",\"id\":\"w3\",\"roles\":[\"help\"],\"rate\":30}",
	/* a night across the autumn DST change: 9 h */
	"{\"type\":\"shift\",\"id\":\"s3\",\"org\":\"b\",\"role\":\"help\","
	    "\"start\":\"2026-10-24T23:00:00+02:00\","
	    "\"end\":\"2026-10-25T07:00:00+01:00\",\"priority\":1}",
	"{\"type\":\"shift\",\"id\":\"s1\",\"org\":\"a\",\"role\":\"vig\","
	    "\"start\":\"2026-10-19T07:00:00+02:00\","
	    "\"end\":\"2026-10-19T15:00:00+02:00\",\"break_minutes\":30}",
	"{\"type\":\"shift\",\"id\":\"s2\",\"org\":\"b\",\"role\":\"vig\","
	    "\"unit\":\"oost\",\"start\":\"2026-10-20T07:00:00+02:00\","
	    "\"end\":\"2026-10-20T15:00:00+02:00\"}",
	"{\"type\":\"shift\",\"id\":\"s4\",\"org\":\"a\",\"role\":\"help\","
	    "\"start\":\"2026-10-21T15:00:00+02:00\","
	    "\"end\":\"2026-10-21T23:00:00+02:00\",\"priority\":2}",
	/* outside the period: only its hours per week are kept */
	"{\"type\":\"shift\",\"id\":\"s0\",\"org\":\"a\",\"role\":\"vig\","
	    "\"start\":\"2026-10-12T07:00:00+02:00\","
	    "\"end\":\"2026-10-12T15:00:00+02:00\"}",
	"{\"type\":\"assignment\",\"shift\":\"s1\",\"worker\":\"w2\"}",
	"{\"type\":\"assignment\",\"shift\":\"s2\",\"worker\":\"w1\"}",
	"{\"type\":\"assignment\",\"shift\":\"s3\",\"worker\":\"w3\","
	    "\"status\":\"proposed\"}",
	"{\"type\":\"assignment\",\"shift\":\"s0\",\"worker\":\"w1\"}",
	"{\"type\":\"unfilled\",\"shift\":\"s4\",\"reasons\":{\"role\":2,"
	    "\"availability\":3,\"overlap\":2}}",
	"{\"type\":\"allocation\",\"org\":\"b\",\"period\":\"2026-W43\","
	    "\"units\":1,\"entitled\":1}",
	"{\"type\":\"contact\",\"org\":\"a\",\"date\":\"2026-10-14\","
	    "\"level\":\"operational\"}",
	"{\"type\":\"signup\",\"worker\":\"w1\",\"shift\":\"s4\"}",
	"{\"type\":\"x-other\"}",
};

static const struct pool_table *
table(const struct pool_report *rep, const char *name)
{
	size_t	 i;

	for (i = 0; i < rep->ntables; i++)
		if (strcmp(rep->tables[i]->name, name) == 0)
			return rep->tables[i];
	return NULL;
}

/* The cell of column key in the first row whose column k0 is v0. */
static const char *
cell(const struct pool_report *rep, const char *name, const char *k0,
    const char *v0, const char *key)
{
	static char	 buf[64];
	const struct pool_table *t = table(rep, name);
	long		 c0, c;
	size_t		 r;

	if (t == NULL || (c0 = pool_table_colidx(t, k0)) < 0 ||
	    (c = pool_table_colidx(t, key)) < 0)
		return "(no such table or column)";
	for (r = 0; r < t->nrows; r++)
		if (strcmp(pool_cell_format(t, r, (size_t)c0, buf, sizeof(buf)),
		    v0) == 0)
			return pool_cell_format(t, r, (size_t)c, buf,
			    sizeof(buf));
	return "(no such row)";
}

static void
test_aggregate(void)
{
	static const struct {
		const char *table, *k0, *v0, *key, *want;
	} cases[] = {
		{ "summary", "priority", "all", "shifts", "4" },
		{ "summary", "priority", "all", "filled", "3" },
		{ "summary", "priority", "all", "hours", "32.5" },
		{ "summary", "priority", "1", "filled_hours", "9.0" },
		{ "orgs", "org", "a", "name", "Zorg A" },
		{ "orgs", "org", "a", "fill_rate", "50.0%" },
		{ "orgs", "org", "b", "hours", "17.0" },
		{ "roles", "role", "help", "open", "1" },
		{ "units", "unit", "oost", "workers", "1" },
		{ "units", "unit", "(none)", "shifts", "2" },
		{ "days", "date", "2026-10-24", "hours", "9.0" },
		{ "unfilled", "shift", "s4", "reasons",
		    "availability 3, overlap 2, role 2" },
		{ "unfilled", "shift", "s4", "start",
		    "2026-10-21T15:00:00+02:00" },
		{ "workers", "worker", "w1", "hours", "8.0" },
		{ "workers", "worker", "w1", "contract_hours", "24.0" },
		{ "workers", "worker", "w1", "week_limit", "32.0" },
		{ "workers", "worker", "w3", "nights", "1" },
		{ "fairness", "org", "b", "units", "2.0" },
		{ "fairness", "org", "b", "difference", "1.0" },
		{ "settlement", "from", "a", "cost", "320.00" },
		{ "settlement", "from", "(pool)", "cost", "270.00" },
		{ "settlement-net", "debtor", "a", "amount", "55.00" },
		{ "settlement-net", "debtor", "b", "creditor", "(pool)" },
		{ "outlook", "role", "vig", "demand", "11.8" },
		{ "outlook", "role", "help", "demand", "17.0" },
		{ "contacts", "org", "a", "overdue_days", "4" },
		{ "records", "record", "shift", "count", "5" },
		{ "records", "record", "assignment", "count", "4" },
		{ "records", "record", "(other)", "count", "1" },
	};
	struct pool_report_opts o;
	struct pool_reportctx *ctx;
	struct pool_report rep;
	struct pool_error err;
	struct pool_config *conf;
	struct pool_tz	*tz;
	size_t		 i, n;
	int		 bad = 0;
	const char	*noorg = "{\"type\":\"shift\",\"id\":\"x\"}";

	conf = pool_config_new_default(&err);
	tz = pool_tz_load("Fixture/EU", "tz/fat", &err);
	CHECK(conf != NULL && tz != NULL, "config and zone loaded");
	if (conf == NULL || tz == NULL)
		return;
	pool_report_opts_init(&o);
	o.conf = conf;
	o.tz = tz;
	o.events = 1;
	CHECK_INT(pool_time_parse_iso_week("2026-W43", &o.from, &err), 0,
	    "week parsed");
	o.to = o.from + 6;
	ctx = pool_report_new(&o, &err);
	CHECK(ctx != NULL, "context made");
	if (ctx == NULL)
		return;
	pool_error_clear(&err);
	for (i = 0; i < sizeof(recs) / sizeof(recs[0]); i++)
		if (pool_report_feed(ctx, recs[i], strlen(recs[i]), &err) != 0)
			bad++;
	CHECK_INT(bad, 0, "every record accepted (%s)", err.text);
	CHECK_INT(pool_report_feed(ctx, noorg, strlen(noorg), &err), -1,
	    "a shift without org is refused");
	CHECK_STR(err.field, "org", "the field is named");
	CHECK_INT(pool_report_feed(ctx, "[1]", 3, &err), -1,
	    "not an object");
	CHECK_STR(err.text, "not a JSON object", "error text of a non-object");
	CHECK_INT(pool_report_feed(ctx, "{", 1, &err), -1, "bad JSON");
	CHECK(strncmp(err.text, "invalid JSON: ", 14) == 0,
	    "error text of bad JSON: '%s'", err.text);
	pool_report_init(&rep);
	CHECK_INT(pool_report_finish(ctx, &rep, &err), 0, "report made");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK_STR(cell(&rep, cases[i].table, cases[i].k0, cases[i].v0,
		    cases[i].key), cases[i].want, "%s %s=%s: %s", cases[i].table,
		    cases[i].k0, cases[i].v0, cases[i].key);
	CHECK_STR(rep.period, "2026-10-19 to 2026-10-25", "period label");
	pool_report_events(ctx, &n);
	CHECK_INT(n, 3, "three events in the period");
	pool_report_release(&rep);
	pool_report_free(ctx);

	/* --min-cell 2: groups of one worker are suppressed. */
	o.min_cell = 2;
	o.sections = 1u << POOL_SEC_ORGS;
	ctx = pool_report_new(&o, &err);
	for (i = 0; ctx != NULL && i < sizeof(recs) / sizeof(recs[0]); i++)
		(void)pool_report_feed(ctx, recs[i], strlen(recs[i]), &err);
	pool_report_init(&rep);
	CHECK_INT(ctx != NULL ? pool_report_finish(ctx, &rep, &err) : -1, 0,
	    "suppressed report made");
	CHECK_INT(rep.ntables, 1, "only the orgs section");
	CHECK_STR(cell(&rep, "orgs", "org", "a", "filled"), "<2",
	    "filled of one worker suppressed");
	CHECK_STR(cell(&rep, "orgs", "org", "a", "shifts"), "2",
	    "shifts asked stay");
	CHECK_STR(rep.ntables ? rep.tables[0]->note : NULL,
	    "1 group of fewer than 2 workers: worker counts suppressed "
	    "(--min-cell)", "suppression note");
	pool_report_release(&rep);
	pool_report_free(ctx);
	pool_tz_free(tz);
	pool_config_free(conf);
}

static void
test_sections(void)
{
	struct pool_error err;
	unsigned	 m;

	CHECK_INT(pool_report_sections("summary,orgs", &m, &err), 0,
	    "two sections");
	CHECK_INT(m, (1u << POOL_SEC_SUMMARY) | (1u << POOL_SEC_ORGS),
	    "their bits");
	CHECK_INT(pool_report_sections("all", &m, &err), 0, "all");
	CHECK_INT(m, POOL_REPORT_ALL, "all bits");
	CHECK_INT(pool_report_sections("summary,nope", &m, &err), -1,
	    "unknown section");
	CHECK_STR(err.text, "unknown section 'nope'", "its error text");
	CHECK_INT(pool_report_sections("summary,,orgs", &m, &err), -1,
	    "empty name");
	CHECK_STR(err.text, "unknown section ''", "its error text");
	CHECK_INT(pool_report_format_parse("html"), POOL_FMT_HTML, "html");
	CHECK_INT(pool_report_format_parse("pdf"), -1, "pdf unknown");
}

static void
test_ics(void)
{
	static const char *const want[] = {
		"BEGIN:VTIMEZONE\r\nTZID:Fixture/EU\r\n",
		"BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
		    "DTSTART:20260329T020000\r\nEND:DAYLIGHT\r\n",
		"BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
		    "DTSTART:20261025T030000\r\nEND:STANDARD\r\n",
		"DTSTART;TZID=Fixture/EU:20261024T230000\r\n",
		"DTEND;TZID=Fixture/EU:20261025T070000\r\n",
		/* the second 02:30 of the overlap cannot be said in local
		 * time: UTC */
		"DTSTART:20261025T013000Z\r\n",
		"UID:s\\,1/w\\;1@flexpool\r\n",
		"SUMMARY:help at b\r\n",
		"STATUS:TENTATIVE\r\n",
		"DTSTAMP:20261025T050000Z\r\n",
	};
	struct pool_event ev[2];
	struct pool_ics	 ics;
	struct pool_error err;
	struct capture	 c;
	struct pool_tz	*tz;
	size_t		 i;

	if ((tz = pool_tz_load("Fixture/EU", "tz/fat", &err)) == NULL) {
		CHECK(0, "zone loaded: %s", err.text);
		return;
	}
	memset(ev, 0, sizeof(ev));
	ev[0].worker = "w;1";
	ev[0].shift = "s,1";
	ev[0].org = "b";
	ev[0].role = "help";
	ev[0].start = 1792875600;	/* 2026-10-24T23:00:00+02:00 */
	ev[0].end = 1792908000;		/* 2026-10-25T07:00:00+01:00 */
	ev[1] = ev[0];
	ev[1].start = 1792891800;	/* 2026-10-25T02:30:00+01:00 */
	ev[1].end = 1792899000;
	ev[1].confirmed = 1;
	cap_open(&c);
	ics.f = c.f;
	ics.tz = tz;
	ics.lang = POOL_LANG_EN;
	ics.names = NULL;
	ics.dtstamp = ev[0].end - 3600;
	ics.with_worker = 0;
	CHECK_INT(pool_ics_calendar(&ics, "w;1", ev, 2, &err), 0,
	    "calendar written");
	cap_close(&c);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		CHECK(strstr(c.buf, want[i]) != NULL, "calendar holds line "
		    "group %zu", i);
	CHECK(strstr(c.buf, "\n") != NULL && strstr(c.buf, "\r\n\r\n") ==
	    NULL, "no empty lines");
	free(c.buf);
	pool_tz_free(tz);
}

int
main(void)
{
	test_csv_field();
	test_filename();
	test_filename_injective();
	test_table();
	test_formats();
	test_html();
	test_html_nomem();
	test_ics_line();
	test_aggregate();
	test_sections();
	test_ics();
	return test_done();
}
