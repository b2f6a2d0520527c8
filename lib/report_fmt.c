/*
 * The formats of the report tables: aligned text for a terminal,
 * Markdown, CSV (RFC 4180, formula injection neutralised) and NDJSON
 * rows.  HTML is in report_html.c, calendars in report_ics.c.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "pool_report.h"

#define BOLD	"\033[1m"
#define DIM	"\033[2m"
#define RED	"\033[31m"
#define RESET	"\033[0m"

/* UTF-8 byte order mark: Excel reads a CSV as UTF-8 only with it. */
#define BOM	"\xEF\xBB\xBF"
/* pool_report_write: the BOM is written once, before the first table. */
#define NO_BOM	0x100

static int
werr(struct pool_error *err)
{
	int	 e = errno;

	pool_error_set(err, POOL_ESYS, NULL, "write error: %s", strerror(e));
	if (err != NULL)
		err->sys_errno = e;
	return -1;
}

/* Display width of a UTF-8 string: code points, not bytes. */
static size_t
dwidth(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

static int
isnum(const struct pool_table *t, size_t c)
{
	return t->cols[c].type != POOL_CELL_TEXT;
}

/* Write s with control characters replaced, so that input text cannot
 * drive the terminal. */
static void
put_safe(FILE *f, const char *s)
{
	for (; *s != '\0'; s++) {
		unsigned char ch = (unsigned char)*s;

		putc(ch < 0x20 || ch == 0x7f ? '?' : ch, f);
	}
}

static void
pad(FILE *f, size_t n)
{
	while (n-- > 0)
		putc(' ', f);
}

/* The language of flags. */
static enum pool_lang
flang(int flags)
{
	return (flags & POOL_REPORT_NL) ? POOL_LANG_NL : POOL_LANG_EN;
}

/* A column name, a title or a note in the language of flags. */
static const char *
label(int flags, const struct pool_table *t, size_t c)
{
	return pool_i18n_get(flang(flags), "column", t->cols[c].label);
}

static const char *
ttext(int flags, const char *s, char *buf, size_t len)
{
	return pool_i18n_text(flang(flags), NULL, s, buf, len);
}

#define CELL(t, r, c, buf)	pool_cell_format_lang((t), (r), (c), \
	    flang(flags), POOL_CELL_PEOPLE, (buf), sizeof(buf))

static int
write_text(FILE *f, const struct pool_table *t, int flags)
{
	char	 buf[1024], tb[512];
	size_t	*w, r, c, len, held;
	int	 color = (flags & POOL_REPORT_COLOR) != 0;

	if ((w = calloc(t->ncols ? t->ncols : 1, sizeof(*w))) == NULL)
		return -1;
	for (c = 0; c < t->ncols; c++) {
		w[c] = dwidth(label(flags, t, c));
		for (r = 0; r < t->nrows; r++) {
			len = dwidth(CELL(t, r, c, buf));
			if (len > w[c])
				w[c] = len;
		}
	}
	fprintf(f, "%s", color ? BOLD : "");
	put_safe(f, ttext(flags, t->title, tb, sizeof(tb)));
	fprintf(f, "%s\n", color ? RESET : "");
	if (t->nrows == 0) {
		fprintf(f, "  %s\n", pool_i18n_get(flang(flags), NULL,
		    "(none)"));
		goto note;
	}
	fputs(color ? "  " BOLD : "  ", f);
	held = 0;
	for (c = 0; c < t->ncols; c++) {
		len = dwidth(label(flags, t, c));
		held += isnum(t, c) ? w[c] - len : 0;
		pad(f, held);
		fputs(label(flags, t, c), f);
		held = (isnum(t, c) ? 0 : w[c] - len) + 2;
	}
	fputs(color ? RESET "\n" : "\n", f);
	for (r = 0; r < t->nrows; r++) {
		/* Padding is held back until something follows it, so that
		 * lines do not end in blanks. */
		fputs("  ", f);
		held = 0;
		for (c = 0; c < t->ncols; c++) {
			const char *s = CELL(t, r, c, buf);
			int	 sup = pool_table_cell(t, r, c)->state ==
			    POOL_CELL_SUPPRESSED;

			len = dwidth(s);
			held += isnum(t, c) ? w[c] - len : 0;
			if (*s != '\0') {
				pad(f, held);
				held = 0;
				if (color && sup)
					fputs(DIM, f);
				put_safe(f, s);
				if (color && sup)
					fputs(RESET, f);
			} else if (isnum(t, c))
				held += len;
			held += (isnum(t, c) ? 0 : w[c] - len) + 2;
		}
		putc('\n', f);
	}
note:
	if (t->note != NULL) {
		fputs("  ", f);
		put_safe(f, ttext(flags, t->note, tb, sizeof(tb)));
		putc('\n', f);
	}
	free(w);
	return 0;
}

/* Markdown: escape what would start emphasis, links, HTML or a cell. */
static void
put_md(FILE *f, const char *s)
{
	for (; *s != '\0'; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch < 0x20 || ch == 0x7f)
			putc(' ', f);
		else {
			if (strchr("\\`*_[]<>|#!~", ch) != NULL)
				putc('\\', f);
			putc(ch, f);
		}
	}
}

static int
write_md(FILE *f, const struct pool_table *t, int flags)
{
	char	 buf[1024], tb[512];
	size_t	 r, c;

	fputs("## ", f);
	put_md(f, ttext(flags, t->title, tb, sizeof(tb)));
	fputs("\n\n", f);
	if (t->nrows == 0) {
		fprintf(f, "%s\n", pool_i18n_get(flang(flags), NULL,
		    "(none)"));
		goto note;
	}
	fputs("|", f);
	for (c = 0; c < t->ncols; c++) {
		putc(' ', f);
		put_md(f, label(flags, t, c));
		fputs(" |", f);
	}
	fputs("\n|", f);
	for (c = 0; c < t->ncols; c++)
		fputs(isnum(t, c) ? " ---: |" : " --- |", f);
	putc('\n', f);
	for (r = 0; r < t->nrows; r++) {
		fputs("|", f);
		for (c = 0; c < t->ncols; c++) {
			putc(' ', f);
			put_md(f, CELL(t, r, c, buf));
			fputs(" |", f);
		}
		putc('\n', f);
	}
note:
	if (t->note != NULL) {
		putc('\n', f);
		put_md(f, ttext(flags, t->note, tb, sizeof(tb)));
		putc('\n', f);
	}
	return 0;
}

/*
 * The length of the blank at p that a spreadsheet skips before it
 * looks for a formula: ASCII white space, and in UTF-8 the no-break,
 * Unicode and zero-width spaces, joiners and the byte order mark; 0 if
 * none.
 */
static size_t
blank_len(const unsigned char *p)
{
	if (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		return 1;
	if (p[0] == 0xC2 && p[1] == 0xA0)			/* U+00A0 */
		return 2;
	if (p[0] == 0xE2 && p[1] == 0x80 && ((p[2] >= 0x80 &&
	    p[2] <= 0x8F) || p[2] == 0xAF))			/* U+2000-200F, 202F */
		return 3;
	if (p[0] == 0xE2 && p[1] == 0x81 && (p[2] == 0x9F ||
	    p[2] == 0xA0))					/* U+205F, 2060 */
		return 3;
	if ((p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) ||	/* U+3000 */
	    (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) ||	/* U+FEFF */
	    (p[0] == 0xE1 && p[1] == 0xA0 && p[2] == 0x8E))	/* U+180E */
		return 3;
	return 0;
}

/*
 * 1 if a spreadsheet could read s as a formula: after any blanks it
 * starts with = + - @, or their full-width forms (U+FF1D, FF0B, FF0D,
 * FF20).
 */
static int
formula_lead(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n;

	while ((n = blank_len(p)) > 0)
		p += n;
	if (*p == '=' || *p == '+' || *p == '-' || *p == '@')
		return 1;
	return p[0] == 0xEF && ((p[1] == 0xBC && (p[2] == 0x9D ||
	    p[2] == 0x8B || p[2] == 0x8D)) || (p[1] == 0xBC && p[2] == 0xA0));
}

static int
csv_field(FILE *f, const char *s, char delim)
{
	const char *p;
	int	 quote = 0, lead;

	lead = s[0] == '\t' || s[0] == '\r' || formula_lead(s);
	for (p = s; *p != '\0'; p++)
		if (*p == delim || *p == '"' || *p == '\r' || *p == '\n') {
			quote = 1;
			break;
		}
	if (quote)
		putc('"', f);
	if (lead)
		putc('\'', f);
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			putc('"', f);
		putc(*p, f);
	}
	if (quote)
		putc('"', f);
	return ferror(f) ? -1 : 0;
}

int
pool_report_csv_field(FILE *f, const char *s)
{
	return csv_field(f, s, ',');
}

/* Numbers in CSV and JSON: plain, for machines (no "%", no rounding to
 * one decimal for hours). */
static void
fmt_machine(const struct pool_table *t, size_t c, double v, char *buf,
    size_t len)
{
	switch (t->cols[c].type) {
	case POOL_CELL_INT:
		snprintf(buf, len, "%.0f", v);
		break;
	case POOL_CELL_PERCENT:
		snprintf(buf, len, "%.1f", v);
		break;
	default:
		snprintf(buf, len, "%.2f", v);
		break;
	}
	if (strcmp(buf, "-0") == 0 || strcmp(buf, "-0.0") == 0 ||
	    strcmp(buf, "-0.00") == 0)
		memmove(buf, buf + 1, strlen(buf));
}

/*
 * CSV: English as RFC 4180 with the column keys as header; Dutch as a
 * Dutch spreadsheet opens it: ';' between fields, decimal commas, the
 * Dutch column names and words (the BOM is written per file by the
 * caller).
 */
static int
write_csv(FILE *f, const struct pool_table *t, int flags)
{
	char	 buf[1024];
	size_t	 r, c;
	int	 nl = (flags & POOL_REPORT_NL) != 0;
	char	 delim = nl ? ';' : ',';

	for (c = 0; c < t->ncols; c++) {
		if (c > 0)
			putc(delim, f);
		csv_field(f, nl ? label(flags, t, c) : t->cols[c].key, delim);
	}
	fputs("\r\n", f);
	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			const struct pool_cell *cell = pool_table_cell(t, r, c);

			if (c > 0)
				putc(delim, f);
			if (nl && cell->state == POOL_CELL_VALUE) {
				const char *v = pool_cell_format_lang(t, r, c,
				    POOL_LANG_NL, POOL_CELL_SHEET, buf,
				    sizeof(buf));

				/* Numbers are ours ("-8,50"): no quote, no
				 * formula guard; Excel reads them as numbers. */
				if (isnum(t, c))
					fputs(v, f);
				else
					csv_field(f, v, delim);
			} else if (cell->state == POOL_CELL_SUPPRESSED) {
				fprintf(f, "<%d", t->min_cell);
			} else if (cell->state == POOL_CELL_EMPTY) {
				/* nothing */
			} else if (!isnum(t, c)) {
				pool_report_csv_field(f, cell->s);
			} else {
				fmt_machine(t, c, cell->v, buf, sizeof(buf));
				fputs(buf, f);
			}
		}
		fputs("\r\n", f);
	}
	return 0;
}

static json_t *
num_json(const struct pool_table *t, size_t c, double v)
{
	double	 m;

	switch (t->cols[c].type) {
	case POOL_CELL_INT:
		return json_integer((json_int_t)llround(v));
	case POOL_CELL_PERCENT:
		m = 10.0;
		break;
	default:
		m = 100.0;
		break;
	}
	v = round(v * m) / m;
	if (v == 0.0)
		v = 0.0;	/* no -0 */
	return json_real(v);
}

static int
write_json(FILE *f, const struct pool_table *t)
{
	json_t	*o;
	size_t	 r, c;
	int	 rc = 0, sup;

	for (r = 0; r < t->nrows && rc == 0; r++) {
		if ((o = json_object()) == NULL)
			return -1;
		json_object_set_new(o, "type", json_string(t->rtype));
		sup = 0;
		for (c = 0; c < t->ncols; c++) {
			const struct pool_cell *cell = pool_table_cell(t, r, c);

			if (cell->state == POOL_CELL_SUPPRESSED)
				sup = 1;
			if (cell->state != POOL_CELL_VALUE)
				continue;
			if (isnum(t, c))
				json_object_set_new(o, t->cols[c].key,
				    num_json(t, c, cell->v));
			else
				json_object_set_new(o, t->cols[c].key,
				    json_string(cell->s));
		}
		if (sup)
			json_object_set_new(o, "suppressed", json_true());
		if (json_dumpf(o, f, JSON_COMPACT | JSON_PRESERVE_ORDER |
		    JSON_REAL_PRECISION(15)) == -1)
			rc = -1;
		else
			putc('\n', f);
		json_decref(o);
	}
	return rc;
}

int
pool_report_write_table(FILE *f, const struct pool_table *t,
    enum pool_format fmt, int flags, struct pool_error *err)
{
	int	 rc;

	switch (fmt) {
	case POOL_FMT_TEXT:
		rc = write_text(f, t, flags);
		break;
	case POOL_FMT_MD:
		rc = write_md(f, t, flags);
		break;
	case POOL_FMT_CSV:
		if ((flags & (POOL_REPORT_NL | NO_BOM)) == POOL_REPORT_NL)
			fputs(BOM, f);
		rc = write_csv(f, t, flags);
		break;
	case POOL_FMT_JSON:
		rc = write_json(f, t);
		break;
	default:
		return pool_error_set(err, POOL_ECONFIG, NULL,
		    "format cannot write a single table");
	}
	if (rc == -1 || ferror(f))
		return werr(err);
	return 0;
}

char *
pool_report_heading(const struct pool_report *rep, char *buf, size_t len)
{
	enum pool_lang	 l = rep->lang == POOL_LANG_NL ? POOL_LANG_NL :
			    POOL_LANG_EN;

	if (rep->audience == POOL_AUD_MEMBER && rep->member != NULL)
		snprintf(buf, len, "%s %s", pool_i18n_get(l, NULL,
		    "member report"), pool_report_name(rep->conf, "org",
		    rep->member, NULL));
	else
		snprintf(buf, len, "%s", pool_i18n_get(l, NULL,
		    rep->audience == POOL_AUD_PUBLIC ? "public report" :
		    "capacity report"));
	return buf;
}

char *
pool_report_period(const struct pool_report *rep, char *buf, size_t len)
{
	enum pool_lang	 l = rep->lang == POOL_LANG_NL ? POOL_LANG_NL :
			    POOL_LANG_EN;
	const char	*p = rep->period != NULL ? rep->period : "";
	char		 tmp[128];

	/* "2026-W52" is "week 52 (2026)", "a to b" is "a t/m b". */
	if (l == POOL_LANG_NL && strlen(p) == 8 &&
	    pool_i18n_when(l, p, POOL_WHEN_LONG, tmp, sizeof(tmp)) != NULL &&
	    strncmp(tmp, "week ", 5) == 0)
		snprintf(buf, len, "%s (%.4s)", tmp, p);
	else
		snprintf(buf, len, "%s", pool_i18n_text(l, "period", p, tmp,
		    sizeof(tmp)));
	return buf;
}

int
pool_report_write(FILE *f, const struct pool_report *rep,
    enum pool_format fmt, int flags, struct pool_error *err)
{
	size_t	 i;
	int	 color = (flags & POOL_REPORT_COLOR) != 0;
	char	 pb[128];

	if (rep->lang == POOL_LANG_NL)
		flags |= POOL_REPORT_NL;
	if (fmt == POOL_FMT_HTML)
		return pool_report_write_html(f, rep, err);
	if (fmt == POOL_FMT_TEXT || fmt == POOL_FMT_MD) {
		fputs(fmt == POOL_FMT_MD ? "# " : (color ? BOLD : ""), f);
		if (fmt == POOL_FMT_MD)
			put_md(f, rep->pool != NULL ? rep->pool : "Pool");
		else
			put_safe(f, rep->pool != NULL ? rep->pool : "Pool");
		pool_report_heading(rep, pb, sizeof(pb));
		fputs(": ", f);
		if (fmt == POOL_FMT_MD)
			put_md(f, pb);
		else
			put_safe(f, pb);
		if (rep->period != NULL) {
			fputs(", ", f);
			pool_report_period(rep, pb, sizeof(pb));
			if (fmt == POOL_FMT_MD)
				put_md(f, pb);
			else
				put_safe(f, pb);
		}
		fputs(fmt == POOL_FMT_TEXT && color ? RESET "\n" : "\n", f);
	}
	if (fmt == POOL_FMT_CSV && (flags & POOL_REPORT_NL))
		fputs(BOM, f);
	for (i = 0; i < rep->ntables; i++) {
		if ((fmt == POOL_FMT_TEXT || fmt == POOL_FMT_MD) ||
		    (fmt == POOL_FMT_CSV && i > 0))
			fputs(fmt == POOL_FMT_CSV ? "\r\n" : "\n", f);
		if (pool_report_write_table(f, rep->tables[i], fmt,
		    flags | NO_BOM, err) == -1)
			return -1;
	}
	if (fflush(f) == EOF || ferror(f))
		return werr(err);
	return 0;
}
