/*
 * Unit tests of the report: the table model, the formats (text, md, csv,
 * json, html), file names, calendar lines and the aggregation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool_report.h"
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
		{ "anna.de-vries_2", ".ics", "anna.de-vries_2.ics" },
		{ "../../etc/passwd", ".ics", "_._.._etc_passwd-" },
		{ "a/b", ".ics", "a_b-" },
		{ "a_b", ".ics", "a_b.ics" },
		{ "", ".csv", "-" },
		{ ".hidden", ".ics", "_hidden-" },
		{ "orgs", ".csv", "orgs.csv" },
	};
	char	 buf[128], buf2[128];
	size_t	 i;
	char	 longid[300];

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		pool_report_filename(cases[i].id, cases[i].ext, buf);
		CHECK(strncmp(buf, cases[i].out, strlen(cases[i].out)) == 0,
		    "file name of '%s' starts '%s' (got '%s')", cases[i].id,
		    cases[i].out, buf);
		CHECK(strchr(buf, '/') == NULL && buf[0] != '.',
		    "file name of '%s' has no slash or leading dot",
		    cases[i].id);
		CHECK(strlen(buf) > strlen(cases[i].ext) &&
		    strcmp(buf + strlen(buf) - strlen(cases[i].ext),
		    cases[i].ext) == 0, "file name of '%s' ends in '%s'",
		    cases[i].id, cases[i].ext);
	}
	pool_report_filename("a/b", ".ics", buf);
	pool_report_filename("a_b", ".ics", buf2);
	CHECK(strcmp(buf, buf2) != 0, "a/b and a_b give different names");
	pool_report_filename("a/b", ".ics", buf2);
	CHECK_STR(buf, buf2, "file names are stable");
	memset(longid, 'x', sizeof(longid) - 1);
	longid[sizeof(longid) - 1] = '\0';
	pool_report_filename(longid, ".ics", buf);
	CHECK(strlen(buf) < 128 && strlen(buf) > 100,
	    "a long id is cut with a hash (%zu bytes)", strlen(buf));
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

int
main(void)
{
	test_csv_field();
	test_filename();
	test_table();
	test_formats();
	test_html();
	test_ics_line();
	return test_done();
}
