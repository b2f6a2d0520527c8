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
"th,td{border:1px solid #ccc;padding:.2em .4em;text-align:left}\n"
"th{background:#eee}td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
"td.s{color:#888}p.note{color:#555;font-size:.9em}\n"
".charts{display:flex;flex-wrap:wrap;gap:2em}\n"
"figure{margin:0}figcaption{font-weight:bold;margin-bottom:.3em}\n"
"svg text{font:11px sans-serif;fill:#222}svg{max-width:100%;height:auto}\n"
"p.headline{font-size:1.15em;font-weight:bold}\n"
"p.legend{margin:.2em 0;font-size:.9em}p.legend>span{margin-right:1em}\n"
"span.sw{display:inline-block;width:.9em;height:.9em;margin-right:.3em;"
"vertical-align:-.1em;border:1px solid #999}\n"
"td{overflow-wrap:break-word}div.wide{overflow-x:auto;max-width:100%}\n"
"@media (min-width:794px){table{max-width:100%}th{overflow-wrap:anywhere}}\n"
"details summary{cursor:pointer;color:#37a}\n"
"@media (max-width:900px){body{margin:.8em}}\n"
"@page{size:A4;margin:15mm 12mm}\n"
"@media print{body{margin:0;font-size:9pt}table{font-size:8pt;width:100%}"
"th,td{padding:.1em .3em}div.wide{overflow:visible}"
"section,figure{break-inside:avoid}h2{break-after:avoid}"
"th,span.sw,svg rect{-webkit-print-color-adjust:exact;"
"print-color-adjust:exact}th{background:#eee!important}"
".charts{gap:1em}}\n";

/* Tables with more rows than this are folded under <details>. */
#define FOLD_ROWS	10

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

/* The language of the page, and its words. */
static enum pool_lang lang;

static const char *
tr(const char *ctxt, const char *s)
{
	return pool_i18n_get(lang, ctxt, s);
}

/* A day "2026-11-23" on a chart: "11-23", Dutch "ma 23 nov". */
static const char *
chart_day(const char *s, char *buf, size_t len)
{
	if (pool_i18n_when(lang, s, POOL_WHEN_SHORT, buf, len) != NULL)
		return buf;
	return strlen(s) == 10 ? s + 5 : s;
}

/* The label of a day under a bar: "11-23"; Dutch in two lines, "ma"
 * over "23 nov", to fit the bar. */
static void
day_label(FILE *f, const char *s, size_t x, size_t y)
{
	char	 buf[32], *sp;

	fprintf(f, "<text x=\"%zu\" y=\"%zu\">", x, y);
	chart_day(s, buf, sizeof(buf));
	if (lang == POOL_LANG_NL && (sp = strchr(buf, ' ')) != NULL) {
		*sp = '\0';
		pool_report_html_escape(f, buf);
		fprintf(f, "<tspan x=\"%zu\" dy=\"12\">", x);
		pool_report_html_escape(f, sp + 1);
		fputs("</tspan>", f);
	} else
		pool_report_html_escape(f, chart_day(s, buf, sizeof(buf)));
	fputs("</text>", f);
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

/* A legend under a chart: pairs of colour and words. */
static void
legend(FILE *f, const char *c1, const char *w1, const char *c2,
    const char *w2)
{
	fprintf(f, "<p class=\"legend\"><span><span class=\"sw\" "
	    "style=\"background:%s\"></span>", c1);
	pool_report_html_escape(f, w1);
	fprintf(f, "</span><span><span class=\"sw\" style=\"background:%s\">"
	    "</span>", c2);
	pool_report_html_escape(f, w2);
	fputs("</span></p>\n", f);
}

/* The label of an organisation on a chart: its id; in Dutch its name. */
static const char *
org_label(const struct pool_table *t, size_t r, long co, long cn)
{
	return tr("value", t->names != NULL && cn >= 0 &&
	    *cell_text(t, r, cn) != '\0' ? cell_text(t, r, cn) :
	    cell_text(t, r, co));
}

/* Fill rate per organisation: horizontal bars, 0..100%. */
static void
chart_fill(FILE *f, const struct pool_table *t)
{
	long	 co = pool_table_colidx(t, "org");
	long	 cn = pool_table_colidx(t, "name");
	long	 cr = pool_table_colidx(t, "fill_rate");
	size_t	 r, h, lw = 120, len;
	double	 v;
	const char *cap = tr("chart", "Fill rate per organisation");
	char	 num[32];

	if (co < 0 || cr < 0 || t->nrows == 0)
		return;
	/* Room for the longest label (about 6.5 px a character). */
	for (r = 0; r < t->nrows; r++)
		if ((len = strlen(org_label(t, r, co, cn))) * 13 / 2 + 10 > lw)
			lw = len * 13 / 2 + 10;
	h = 20 * t->nrows + 10;
	fputs("<figure><figcaption>", f);
	pool_report_html_escape(f, cap);
	fprintf(f, "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "width=\"%zu\" height=\"%zu\" viewBox=\"0 0 %zu %zu\" role=\"img\">"
	    "<title>", lw + 300, h, lw + 300, h);
	pool_report_html_escape(f, cap);
	fputs("</title>\n", f);
	for (r = 0; r < t->nrows; r++) {
		size_t y = 20 * r + 5;

		fprintf(f, "<text x=\"0\" y=\"%zu\">", y + 12);
		/* Dutch reports name the organisation. */
		pool_report_html_escape(f, org_label(t, r, co, cn));
		fputs("</text>", f);
		fprintf(f, "<rect x=\"%zu\" y=\"%zu\" width=\"250\" "
		    "height=\"14\" fill=\"#eee\"/>", lw, y + 1);
		if (cell_num(t, r, cr, &v)) {
			if (v < 0)
				v = 0;
			if (v > 100)
				v = 100;
			fprintf(f, "<rect x=\"%zu\" y=\"%zu\" width=\"%.1f\" "
			    "height=\"14\" fill=\"#3a7\"/>", lw, y + 1,
			    2.5 * v);
			fprintf(f, "<text x=\"%zu\" y=\"%zu\">%s%%</text>",
			    lw + 255, y + 12, pool_i18n_num(lang, v, 1, 0, num,
			    sizeof(num)));
		} else
			fprintf(f, "<text x=\"%zu\" y=\"%zu\">-</text>",
			    lw + 255, y + 12);
		putc('\n', f);
	}
	fputs("</svg>\n", f);
	legend(f, "#3a7", tr("chart", "filled"), "#eee",
	    tr("chart", "not filled"));
	fputs("</figure>\n", f);
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
	const char *hu = tr("chart", "h");
	char	 day[32], n1[32], n2[32];

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
	fputs("<figure><figcaption>", f);
	pool_report_html_escape(f, tr("chart", "Hours per day"));
	fprintf(f, " (%s, %s)</figcaption>\n"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "width=\"%zu\" height=\"200\" viewBox=\"0 0 %zu 200\" role=\"img\">"
	    "<title>", tr("chart", "asked"), tr("chart", "filled"), w, w);
	pool_report_html_escape(f, tr("chart", "Hours per day"));
	fprintf(f, "</title>\n<text x=\"0\" y=\"12\">%s %s</text>"
	    "<line x1=\"40\" y1=\"160\" x2=\"%zu\" y2=\"160\" "
	    "stroke=\"#888\"/>\n", pool_i18n_num(lang, max, 0, 1, n1,
	    sizeof(n1)), hu, w);
	for (i = 0; i < n; i++) {
		double ha = 140.0 * asked[i] / max;
		double hf = 140.0 * filled[i] / max;
		size_t x = 45 + 40 * i;

		fprintf(f, "<rect x=\"%zu\" y=\"%.1f\" width=\"30\" "
		    "height=\"%.1f\" fill=\"#cde\"><title>", x, 160 - ha, ha);
		pool_report_html_escape(f, lang == POOL_LANG_NL ?
		    chart_day(days[i], day, sizeof(day)) : days[i]);
		fprintf(f, ": %s %s %s, %s %s %s</title></rect>",
		    pool_i18n_num(lang, asked[i], 1, 1, n1, sizeof(n1)), hu,
		    tr("chart", "asked"), pool_i18n_num(lang, filled[i], 1, 1,
		    n2, sizeof(n2)), hu, tr("chart", "filled"));
		fprintf(f, "<rect x=\"%zu\" y=\"%.1f\" width=\"30\" "
		    "height=\"%.1f\" fill=\"#37a\"/>", x, 160 - hf, hf);
		/* "2026-11-23" is shown as "11-23". */
		day_label(f, days[i], x, 175);
		putc('\n', f);
	}
	fputs("</svg>\n", f);
	legend(f, "#cde", tr("chart", "asked"), "#37a", tr("chart", "filled"));
	fputs("</figure>\n", f);
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
	const char *cap = tr("chart", "Open shifts by day and role");
	size_t	 top, lw;

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
	/* Room for the longest role label (about 6.5 px a character). */
	for (lw = 130, j = 0; j < nr; j++) {
		size_t len = strlen(pool_report_name(t->names, "role", roles[j],
		    NULL));

		if (len * 13 / 2 + 10 > lw)
			lw = len * 13 / 2 + 10;
	}
	w = lw + 40 * nd;
	h = 30 + 22 * nr;
	/* Dutch day labels take two lines. */
	top = lang == POOL_LANG_NL ? 12 : 0;
	h += top;
	fputs("<figure><figcaption>", f);
	pool_report_html_escape(f, cap);
	fprintf(f, "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "width=\"%zu\" height=\"%zu\" viewBox=\"0 0 %zu %zu\" role=\"img\">"
	    "<title>", w, h, w, h);
	pool_report_html_escape(f, cap);
	fputs("</title>\n", f);
	for (i = 0; i < nd; i++)
		day_label(f, days[i], lw + 40 * i, 12);
	putc('\n', f);
	for (j = 0; j < nr; j++) {
		fprintf(f, "<text x=\"0\" y=\"%zu\">", 34 + 22 * j + top);
		pool_report_html_escape(f, pool_report_name(t->names, "role",
		    roles[j], NULL));
		fputs("</text>", f);
		for (i = 0; i < nd; i++) {
			double a = max > 0 ? m[i * nr + j] / max : 0;

			fprintf(f, "<rect x=\"%zu\" y=\"%zu\" width=\"38\" "
			    "height=\"20\" fill=\"rgb(%d,%d,%d)\"/>"
			    "<text x=\"%zu\" y=\"%zu\">%.0f</text>",
			    lw + 40 * i, 20 + 22 * j + top,
			    255, (int)lround(255 - 155 * a),
			    (int)lround(255 - 205 * a),
			    lw + 10 + 40 * i, 34 + 22 * j + top, m[i * nr + j]);
		}
		putc('\n', f);
	}
	fputs("</svg>\n", f);
	fprintf(f, "<p class=\"legend\"><span><span class=\"sw\" "
	    "style=\"background:#fff\"></span>0</span><span><span class=\"sw\" "
	    "style=\"background:rgb(255,100,50)\"></span>%.0f ", max);
	pool_report_html_escape(f, tr("chart", "open shifts"));
	fputs("</span></p>\n</figure>\n", f);
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
		fputs(tr("chart", ": demand (80% band) against supply"), f);
		fputs("</figcaption>\n"
		    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"420\" "
		    "height=\"180\" viewBox=\"0 0 420 180\" role=\"img\">"
		    "<title>", f);
		pool_report_html_escape(f, roles[i]);
		fputs(tr("chart", ": demand and supply per week"), f);
		fprintf(f, "</title>\n"
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
		fprintf(f, "\n<text x=\"60\" y=\"178\" fill=\"#37a\">%s</text>"
		    "<text x=\"130\" y=\"178\">%s</text>"
		    "<text x=\"230\" y=\"178\">%s</text>\n"
		    "</svg></figure>\n", tr("chart", "demand"),
		    tr("chart", "(band: 80%)"), tr("chart", "supply (dashed)"));
#undef OX
#undef OY
	}
	fputs("</div>\n", f);
	free(roles);
	return 0;
}

/*
 * The headline from the summary: "239 of 344 shifts filled (69.5%); 105
 * open, 5 of them with priority 1" (the most urgent priority that has
 * open shifts).
 */
static void
headline(FILE *f, const struct pool_table *t)
{
	long	 cp, cs, cf, co, cr;
	double	 shifts, filled, open, rate, v;
	size_t	 r;
	char	 n1[32], n2[32], n3[32], n4[32];
	const char *prio = NULL;
	double	 popen = 0;

	if (t == NULL || t->nrows == 0 ||
	    (cp = pool_table_colidx(t, "priority")) < 0 ||
	    (cs = pool_table_colidx(t, "shifts")) < 0 ||
	    (cf = pool_table_colidx(t, "filled")) < 0 ||
	    (co = pool_table_colidx(t, "open")) < 0 ||
	    (cr = pool_table_colidx(t, "fill_rate")) < 0 ||
	    !cell_num(t, 0, cs, &shifts) || !cell_num(t, 0, cf, &filled) ||
	    !cell_num(t, 0, co, &open))
		return;
	if (!cell_num(t, 0, cr, &rate))
		rate = 0;
	/* Rows after the first ("all") are the priorities, most urgent
	 * first. */
	for (r = 1; r < t->nrows; r++)
		if (cell_num(t, r, co, &v) && v > 0) {
			prio = cell_text(t, r, cp);
			popen = v;
			break;
		}
	fputs("<p class=\"headline\">", f);
	fprintf(f, tr("html", "%s of %s shifts filled (%s); %s open"),
	    pool_i18n_num(lang, filled, 0, 1, n1, sizeof(n1)),
	    pool_i18n_num(lang, shifts, 0, 1, n2, sizeof(n2)),
	    strcat(pool_i18n_num(lang, rate, 1, 1, n3, sizeof(n3) - 1), "%"),
	    pool_i18n_num(lang, open, 0, 1, n4, sizeof(n4)));
	/* prio is a number the report wrote ("%lld"): nothing to escape. */
	if (prio != NULL && *prio != '\0') {
		fprintf(f, tr("html", ", %s of them with priority %s"),
		    pool_i18n_num(lang, popen, 0, 1, n1, sizeof(n1)), prio);
	}
	fputs("</p>\n", f);
}

/*
 * The headline of a member's report: its own shifts (its row of the
 * orgs section, the first) and its open shifts of the most urgent
 * priority (the unfilled section, most urgent first).
 */
static void
member_headline(FILE *f, const struct pool_table *orgs,
    const struct pool_table *unf)
{
	long	 cs, cf, co, cr, cp;
	double	 shifts, filled, open, rate, p0, v;
	size_t	 r, n = 0;
	char	 n1[32], n2[32], n3[32], n4[32], pb[32];

	if (orgs == NULL || orgs->nrows < 2 ||
	    (cs = pool_table_colidx(orgs, "shifts")) < 0 ||
	    (cf = pool_table_colidx(orgs, "filled")) < 0 ||
	    (co = pool_table_colidx(orgs, "open")) < 0 ||
	    (cr = pool_table_colidx(orgs, "fill_rate")) < 0 ||
	    !cell_num(orgs, 0, cs, &shifts) || !cell_num(orgs, 0, cf,
	    &filled) || !cell_num(orgs, 0, co, &open))
		return;
	if (!cell_num(orgs, 0, cr, &rate))
		rate = 0;
	fputs("<p class=\"headline\">", f);
	fprintf(f, tr("html", "%s of %s shifts filled (%s); %s open"),
	    pool_i18n_num(lang, filled, 0, 1, n1, sizeof(n1)),
	    pool_i18n_num(lang, shifts, 0, 1, n2, sizeof(n2)),
	    strcat(pool_i18n_num(lang, rate, 1, 1, n3, sizeof(n3) - 1), "%"),
	    pool_i18n_num(lang, open, 0, 1, n4, sizeof(n4)));
	if (unf != NULL && unf->nrows > 0 &&
	    (cp = pool_table_colidx(unf, "priority")) >= 0 &&
	    cell_num(unf, 0, cp, &p0)) {
		for (r = 0; r < unf->nrows; r++)
			if (cell_num(unf, r, cp, &v) && v == p0)
				n++;
		snprintf(pb, sizeof(pb), "%.0f", p0);
		fprintf(f, tr("html", ", %s of them with priority %s"),
		    pool_i18n_num(lang, (double)n, 0, 1, n1, sizeof(n1)), pb);
	}
	fputs("</p>\n", f);
}

static void
html_table(FILE *f, const struct pool_table *t)
{
	char	 buf[1024], tb[512];
	size_t	 r, c;

	fputs("<section id=\"", f);
	pool_report_html_escape(f, t->name);
	fputs("\">\n<h2>", f);
	pool_report_html_escape(f, pool_i18n_text(lang, NULL, t->title, tb,
	    sizeof(tb)));
	fputs("</h2>\n", f);
	if (t->nrows == 0)
		fprintf(f, "<p>%s</p>\n", tr(NULL, "(none)"));
	else {
		if (t->nrows > FOLD_ROWS) {
			fputs("<details><summary>", f);
			pool_report_html_escape(f, tr("html", "show the table"));
			fprintf(f, " (%zu ", t->nrows);
			pool_report_html_escape(f, tr("html", "rows"));
			fputs(")</summary>\n", f);
		}
		fputs("<div class=\"wide\"><table>\n<thead><tr>", f);
		for (c = 0; c < t->ncols; c++) {
			fputs("<th>", f);
			pool_report_html_escape(f, tr("column",
			    t->cols[c].label));
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
				pool_report_html_escape(f,
				    pool_cell_format_lang(t, r, c, lang,
				    POOL_CELL_PEOPLE, buf, sizeof(buf)));
				fputs("</td>", f);
			}
			fputs("</tr>\n", f);
		}
		fputs("</tbody>\n</table></div>\n", f);
		if (t->nrows > FOLD_ROWS)
			fputs("</details>\n", f);
	}
	if (t->note != NULL) {
		fputs("<p class=\"note\">", f);
		pool_report_html_escape(f, pool_i18n_text(lang, NULL, t->note,
		    tb, sizeof(tb)));
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
	char	 pb[128], hb[256];

	lang = rep->lang == POOL_LANG_NL ? POOL_LANG_NL : POOL_LANG_EN;
	pool_report_period(rep, pb, sizeof(pb));
	fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width\">\n"
	    "<title>", pool_lang_name(lang));
	pool_report_html_escape(f, pool);
	fputs(": ", f);
	pool_report_html_escape(f, pool_report_heading(rep, hb, sizeof(hb)));
	if (rep->period != NULL) {
		fputs(", ", f);
		pool_report_html_escape(f, pb);
	}
	fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>",
	    css);
	pool_report_html_escape(f, pool);
	fputs(": ", f);
	pool_report_html_escape(f, hb);
	fputs("</h1>\n", f);
	if (rep->period != NULL) {
		fprintf(f, "<p>%s: ", tr(NULL, "Period"));
		pool_report_html_escape(f, pb);
		fputs("</p>\n", f);
	}
	if (rep->audience == POOL_AUD_MEMBER)
		member_headline(f, find_table(rep, "orgs"),
		    find_table(rep, "unfilled"));
	else
		headline(f, find_table(rep, "summary"));
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
