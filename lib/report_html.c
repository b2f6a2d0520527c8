/*
 * The report as one self-contained HTML page: inline CSS with a print
 * style, charts as inline SVG drawn from the tables (fill rate per
 * organisation, hours per day, open shifts by day and role), no
 * JavaScript, and every value from the input escaped.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool_report.h"

static const char css[] =
"body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}\n"
"h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.5em}\n"
"table{border-collapse:collapse;margin:.5em 0}\n"
"th,td{border:1px solid #ccc;padding:.2em .6em;text-align:left}\n"
"th{background:#eee}td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
"td.s{color:#888}p.note{color:#555;font-size:.9em}\n"
".charts{display:flex;flex-wrap:wrap;gap:2em}\n"
"figure{margin:0}figcaption{font-weight:bold;margin-bottom:.3em}\n"
"svg text{font:11px sans-serif;fill:#222}\n"
"@media print{body{margin:0;font-size:10pt}"
"section,figure{break-inside:avoid}th{background:#eee!important;"
"-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

int
pool_report_html_escape(FILE *f, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		case '\'':
			fputs("&#39;", f);
			break;
		default:
			/* Control characters other than tab/newline are not
			 * allowed in HTML text. */
			if ((unsigned char)*s < 0x20 && *s != '\t' &&
			    *s != '\n')
				putc(' ', f);
			else
				putc(*s, f);
		}
	}
	return ferror(f) ? -1 : 0;
}

static const struct pool_table *
find_table(const struct pool_report *rep, const char *name)
{
	size_t	 i;

	for (i = 0; i < rep->ntables; i++)
		if (strcmp(rep->tables[i]->name, name) == 0)
			return rep->tables[i];
	return NULL;
}

static const char *
cell_text(const struct pool_table *t, size_t r, long c)
{
	const struct pool_cell *cell = pool_table_cell(t, r, (size_t)c);

	return cell->state == POOL_CELL_VALUE && cell->s != NULL ? cell->s : "";
}

static int
cell_num(const struct pool_table *t, size_t r, long c, double *v)
{
	const struct pool_cell *cell = pool_table_cell(t, r, (size_t)c);

	if (cell->state != POOL_CELL_VALUE)
		return 0;
	*v = cell->v;
	return 1;
}

/* Fill rate per organisation: horizontal bars, 0..100%. */
static void
chart_fill(FILE *f, const struct pool_table *t)
{
	long	 co = pool_table_colidx(t, "org");
	long	 cr = pool_table_colidx(t, "fill_rate");
	size_t	 r, h;
	double	 v;

	if (co < 0 || cr < 0 || t->nrows == 0)
		return;
	h = 20 * t->nrows + 10;
	fprintf(f, "<figure><figcaption>Fill rate per organisation"
	    "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "width=\"420\" height=\"%zu\" viewBox=\"0 0 420 %zu\" role=\"img\">"
	    "<title>Fill rate per organisation</title>\n", h, h);
	for (r = 0; r < t->nrows; r++) {
		size_t y = 20 * r + 5;

		fprintf(f, "<text x=\"0\" y=\"%zu\">", y + 12);
		pool_report_html_escape(f, cell_text(t, r, co));
		fputs("</text>", f);
		fprintf(f, "<rect x=\"120\" y=\"%zu\" width=\"250\" "
		    "height=\"14\" fill=\"#eee\"/>", y + 1);
		if (cell_num(t, r, cr, &v)) {
			if (v < 0)
				v = 0;
			if (v > 100)
				v = 100;
			fprintf(f, "<rect x=\"120\" y=\"%zu\" width=\"%.1f\" "
			    "height=\"14\" fill=\"#3a7\"/>", y + 1, 2.5 * v);
			fprintf(f, "<text x=\"375\" y=\"%zu\">%.1f%%</text>",
			    y + 12, v);
		} else
			fprintf(f, "<text x=\"375\" y=\"%zu\">-</text>",
			    y + 12);
		putc('\n', f);
	}
	fputs("</svg></figure>\n", f);
}

/* Distinct values of column c of t, in first-seen order (the tables are
 * sorted, so this is sorted too).  Returns their number, or 0 with *out
 * NULL when out of memory. */
static size_t
distinct(const struct pool_table *t, long c, const char ***out)
{
	const char **v;
	size_t	 n = 0, r, i;

	if ((v = calloc(t->nrows + 1, sizeof(*v))) == NULL) {
		*out = NULL;
		return 0;
	}
	for (r = 0; r < t->nrows; r++) {
		const char *s = cell_text(t, r, c);

		for (i = 0; i < n; i++)
			if (strcmp(v[i], s) == 0)
				break;
		if (i == n)
			v[n++] = s;
	}
	*out = v;
	return n;
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static size_t
find(const char **v, size_t n, const char *s)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return i;
	return n;
}

/* Hours per day: asked (light) and filled (dark) as vertical bars.
 * Returns 0, or -1 when out of memory. */
static int
chart_hours(FILE *f, const struct pool_table *t)
{
	long	 cd = pool_table_colidx(t, "date");
	long	 ch = pool_table_colidx(t, "hours");
	long	 cf = pool_table_colidx(t, "filled_hours");
	const char **days;
	double	*asked, *filled, max = 0, v;
	size_t	 n, r, i, w;
	int	 rc = -1;

	if (cd < 0 || ch < 0 || cf < 0 || t->nrows == 0)
		return 0;
	if ((n = distinct(t, cd, &days)) == 0)
		return days == NULL ? -1 : 0;
	asked = calloc(n, sizeof(*asked));
	filled = calloc(n, sizeof(*filled));
	if (asked == NULL || filled == NULL)
		goto out;
	for (r = 0; r < t->nrows; r++) {
		i = find(days, n, cell_text(t, r, cd));
		if (cell_num(t, r, ch, &v))
			asked[i] += v;
		if (cell_num(t, r, cf, &v))
			filled[i] += v;
	}
	for (i = 0; i < n; i++)
		if (asked[i] > max)
			max = asked[i];
	if (max <= 0)
		max = 1;
	w = 40 * n + 50;
	fprintf(f, "<figure><figcaption>Hours per day (asked, filled)"
	    "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "width=\"%zu\" height=\"200\" viewBox=\"0 0 %zu 200\" role=\"img\">"
	    "<title>Hours per day</title>\n", w, w);
	fprintf(f, "<text x=\"0\" y=\"12\">%.0f h</text>"
	    "<line x1=\"40\" y1=\"160\" x2=\"%zu\" y2=\"160\" "
	    "stroke=\"#888\"/>\n", max, w);
	for (i = 0; i < n; i++) {
		double ha = 140.0 * asked[i] / max;
		double hf = 140.0 * filled[i] / max;
		size_t x = 45 + 40 * i;

		fprintf(f, "<rect x=\"%zu\" y=\"%.1f\" width=\"30\" "
		    "height=\"%.1f\" fill=\"#cde\"><title>", x, 160 - ha, ha);
		pool_report_html_escape(f, days[i]);
		fprintf(f, ": %.1f h asked, %.1f h filled</title></rect>",
		    asked[i], filled[i]);
		fprintf(f, "<rect x=\"%zu\" y=\"%.1f\" width=\"30\" "
		    "height=\"%.1f\" fill=\"#37a\"/>", x, 160 - hf, hf);
		/* "2026-11-23" is shown as "11-23". */
		fprintf(f, "<text x=\"%zu\" y=\"175\">", x);
		pool_report_html_escape(f, strlen(days[i]) == 10 ? days[i] + 5 :
		    days[i]);
		fputs("</text>\n", f);
	}
	fputs("</svg></figure>\n", f);
	rc = 0;
out:
	free(asked);
	free(filled);
	free(days);
	return rc;
}

/* Open shifts by day and role: a heat map.  Returns 0, or -1 when out
 * of memory. */
static int
chart_heat(FILE *f, const struct pool_table *t)
{
	long	 cd = pool_table_colidx(t, "date");
	long	 cr = pool_table_colidx(t, "role");
	long	 co = pool_table_colidx(t, "open");
	const char **days = NULL, **roles = NULL;
	double	*m = NULL, max = 0, v;
	size_t	 nd, nr, r, i, j, w, h;
	int	 rc = -1;

	if (cd < 0 || cr < 0 || co < 0 || t->nrows == 0)
		return 0;
	nd = distinct(t, cd, &days);
	nr = distinct(t, cr, &roles);
	if (days == NULL || roles == NULL)
		goto out;
	if (nd == 0 || nr == 0) {
		rc = 0;
		goto out;
	}
	if ((m = calloc(nd * nr, sizeof(*m))) == NULL)
		goto out;
	if (nr > 1)
		qsort(roles, nr, sizeof(*roles), str_cmp);
	for (r = 0; r < t->nrows; r++) {
		i = find(days, nd, cell_text(t, r, cd));
		j = find(roles, nr, cell_text(t, r, cr));
		if (cell_num(t, r, co, &v)) {
			m[i * nr + j] += v;
			if (m[i * nr + j] > max)
				max = m[i * nr + j];
		}
	}
	w = 130 + 40 * nd;
	h = 30 + 22 * nr;
	fprintf(f, "<figure><figcaption>Open shifts by day and role"
	    "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "width=\"%zu\" height=\"%zu\" viewBox=\"0 0 %zu %zu\" role=\"img\">"
	    "<title>Open shifts by day and role</title>\n", w, h, w, h);
	for (i = 0; i < nd; i++) {
		fprintf(f, "<text x=\"%zu\" y=\"12\">", 130 + 40 * i);
		pool_report_html_escape(f, strlen(days[i]) == 10 ? days[i] + 5 :
		    days[i]);
		fputs("</text>", f);
	}
	putc('\n', f);
	for (j = 0; j < nr; j++) {
		fprintf(f, "<text x=\"0\" y=\"%zu\">", 34 + 22 * j);
		pool_report_html_escape(f, roles[j]);
		fputs("</text>", f);
		for (i = 0; i < nd; i++) {
			double a = max > 0 ? m[i * nr + j] / max : 0;

			fprintf(f, "<rect x=\"%zu\" y=\"%zu\" width=\"38\" "
			    "height=\"20\" fill=\"rgb(%d,%d,%d)\"/>"
			    "<text x=\"%zu\" y=\"%zu\">%.0f</text>",
			    130 + 40 * i, 20 + 22 * j,
			    255, (int)lround(255 - 155 * a),
			    (int)lround(255 - 205 * a),
			    140 + 40 * i, 34 + 22 * j, m[i * nr + j]);
		}
		putc('\n', f);
	}
	fputs("</svg></figure>\n", f);
	rc = 0;
out:
	free(m);
	free(days);
	free(roles);
	return rc;
}

/*
 * The outlook per role: demand with its 80% band against the expected
 * supply, one small chart per role, weeks along.  Returns 0, or -1 when
 * out of memory.
 */
static int
chart_outlook(FILE *f, const struct pool_table *t)
{
	long	 cr = pool_table_colidx(t, "role");
	long	 cw = pool_table_colidx(t, "week");
	long	 cd = pool_table_colidx(t, "demand");
	long	 cl = pool_table_colidx(t, "demand_low");
	long	 ch = pool_table_colidx(t, "demand_high");
	long	 cs = pool_table_colidx(t, "supply");
	const char **roles;
	size_t	 n, i, r, a, b, k;

	if (cr < 0 || cw < 0 || cd < 0 || cl < 0 || ch < 0 || cs < 0 ||
	    t->nrows == 0)
		return 0;
	if ((n = distinct(t, cr, &roles)) == 0)
		return roles == NULL ? -1 : 0;
	fputs("<div class=\"charts\">\n", f);
	for (i = 0; i < n; i++) {
		double	 max = 0, v, x, step;
		int	 any = 0;

		/* The role's rows a..b (the table is sorted by role). */
		for (a = 0; a < t->nrows &&
		    strcmp(cell_text(t, a, cr), roles[i]) != 0; a++)
			;
		for (b = a; b < t->nrows &&
		    strcmp(cell_text(t, b, cr), roles[i]) == 0; b++)
			;
		for (r = a; r < b; r++) {
			if (cell_num(t, r, ch, &v) && v > max)
				max = v;
			if (cell_num(t, r, cd, &v) && v > max)
				max = v;
			if (cell_num(t, r, cs, &v) && v > max)
				max = v;
			if (cell_num(t, r, cd, &v))
				any = 1;
		}
		if (!any)
			continue;
		if (max <= 0)
			max = 1;
		step = b - a > 1 ? 340.0 / (double)(b - a - 1) : 0;
#define OX(r)	(60 + step * (double)((r) - a) + (b - a > 1 ? 0 : 170))
#define OY(v)	(150 - 130 * (v) / max)
		fputs("<figure><figcaption>", f);
		pool_report_html_escape(f, roles[i]);
		fputs(": demand (80% band) against supply</figcaption>\n"
		    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"420\" "
		    "height=\"180\" viewBox=\"0 0 420 180\" role=\"img\">"
		    "<title>", f);
		pool_report_html_escape(f, roles[i]);
		fprintf(f, ": demand and supply per week</title>\n"
		    "<text x=\"0\" y=\"24\">%.0f h</text>"
		    "<text x=\"0\" y=\"150\">0 h</text>"
		    "<line x1=\"55\" y1=\"150\" x2=\"410\" y2=\"150\" "
		    "stroke=\"#888\"/>\n", max);
		/* The band: low values forward, high values back. */
		fputs("<polygon fill=\"#cde\" points=\"", f);
		for (r = a; r < b; r++)
			if (cell_num(t, r, cl, &v))
				fprintf(f, "%.1f,%.1f ", OX(r), OY(v));
		for (r = b; r-- > a;)
			if (cell_num(t, r, ch, &v))
				fprintf(f, "%.1f,%.1f ", OX(r), OY(v));
		fputs("\"/>\n<polyline fill=\"none\" stroke=\"#37a\" "
		    "stroke-width=\"2\" points=\"", f);
		for (r = a; r < b; r++)
			if (cell_num(t, r, cd, &v))
				fprintf(f, "%.1f,%.1f ", OX(r), OY(v));
		fputs("\"/>\n<polyline fill=\"none\" stroke=\"#c52\" "
		    "stroke-width=\"2\" stroke-dasharray=\"5,3\" points=\"", f);
		for (r = a; r < b; r++)
			if (cell_num(t, r, cs, &v))
				fprintf(f, "%.1f,%.1f ", OX(r), OY(v));
		fputs("\"/>\n", f);
		/* Week labels: the first, the last and every fourth. */
		for (r = a, k = 0; r < b; r++, k++) {
			const char *w = cell_text(t, r, cw);

			if (k % 4 != 0 && r != b - 1)
				continue;
			x = OX(r) - 14;
			fprintf(f, "<text x=\"%.1f\" y=\"166\">", x);
			pool_report_html_escape(f, strlen(w) == 8 ? w + 5 : w);
			fputs("</text>", f);
		}
		fputs("\n<text x=\"60\" y=\"178\" fill=\"#37a\">demand</text>"
		    "<text x=\"130\" y=\"178\">(band: 80%)</text>"
		    "<text x=\"230\" y=\"178\">supply (dashed)</text>\n"
		    "</svg></figure>\n", f);
#undef OX
#undef OY
	}
	fputs("</div>\n", f);
	free(roles);
	return 0;
}

static void
html_table(FILE *f, const struct pool_table *t)
{
	char	 buf[64];
	size_t	 r, c;

	fputs("<section id=\"", f);
	pool_report_html_escape(f, t->name);
	fputs("\">\n<h2>", f);
	pool_report_html_escape(f, t->title);
	fputs("</h2>\n", f);
	if (t->nrows == 0)
		fputs("<p>(none)</p>\n", f);
	else {
		fputs("<table>\n<thead><tr>", f);
		for (c = 0; c < t->ncols; c++) {
			fputs("<th>", f);
			pool_report_html_escape(f, t->cols[c].label);
			fputs("</th>", f);
		}
		fputs("</tr></thead>\n<tbody>\n", f);
		for (r = 0; r < t->nrows; r++) {
			fputs("<tr>", f);
			for (c = 0; c < t->ncols; c++) {
				const struct pool_cell *cell =
				    pool_table_cell(t, r, c);

				if (cell->state == POOL_CELL_SUPPRESSED)
					fputs("<td class=\"n s\">", f);
				else if (t->cols[c].type != POOL_CELL_TEXT)
					fputs("<td class=\"n\">", f);
				else
					fputs("<td>", f);
				pool_report_html_escape(f, pool_cell_format(t, r, c,
				    buf, sizeof(buf)));
				fputs("</td>", f);
			}
			fputs("</tr>\n", f);
		}
		fputs("</tbody>\n</table>\n", f);
	}
	if (t->note != NULL) {
		fputs("<p class=\"note\">", f);
		pool_report_html_escape(f, t->note);
		fputs("</p>\n", f);
	}
	fputs("</section>\n", f);
}

int
pool_report_write_html(FILE *f, const struct pool_report *rep,
    struct pool_error *err)
{
	const struct pool_table *orgs, *days;
	const char *pool = rep->pool != NULL ? rep->pool : "Pool";
	size_t	 i;

	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width\">\n"
	    "<title>", f);
	pool_report_html_escape(f, pool);
	fputs(": capacity report", f);
	if (rep->period != NULL) {
		fputs(", ", f);
		pool_report_html_escape(f, rep->period);
	}
	fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>",
	    css);
	pool_report_html_escape(f, pool);
	fputs(": capacity report</h1>\n", f);
	if (rep->period != NULL) {
		fputs("<p>Period: ", f);
		pool_report_html_escape(f, rep->period);
		fputs("</p>\n", f);
	}
	orgs = find_table(rep, "orgs");
	days = find_table(rep, "days");
	if ((orgs != NULL && orgs->nrows > 0) ||
	    (days != NULL && days->nrows > 0)) {
		fputs("<div class=\"charts\">\n", f);
		if (orgs != NULL)
			chart_fill(f, orgs);
		if (days != NULL && (chart_hours(f, days) != 0 ||
		    chart_heat(f, days) != 0))
			return pool_error_set(err, POOL_ENOMEM, NULL,
			    "out of memory");
		fputs("</div>\n", f);
	}
	for (i = 0; i < rep->ntables; i++) {
		if (strcmp(rep->tables[i]->name, "outlook") == 0 &&
		    chart_outlook(f, rep->tables[i]) == -1)
			return pool_error_set(err, POOL_ENOMEM, NULL,
			    "out of memory");
		html_table(f, rep->tables[i]);
	}
	fputs("</body>\n</html>\n", f);
	if (fflush(f) == EOF || ferror(f)) {
		int e = errno;

		pool_error_set(err, POOL_ESYS, NULL, "write error: %s",
		    strerror(e));
		if (err != NULL)
			err->sys_errno = e;
		return -1;
	}
	return 0;
}
