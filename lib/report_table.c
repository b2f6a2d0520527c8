/*
 * The table model of the report: typed columns, rows of cells, and the
 * report that holds the tables of its sections.
 */
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool_int.h"
#include "pool_report.h"

struct pool_table *
pool_table_new(const char *section, const char *name, const char *title,
    const char *rtype, struct pool_error *err)
{
	struct pool_table *t;

	if ((t = calloc(1, sizeof(*t))) == NULL)
		goto nomem;
	t->section = xstrdup(section);
	t->name = xstrdup(name);
	t->title = xstrdup(title);
	t->rtype = xstrdup(rtype);
	if (t->section == NULL || t->name == NULL || t->title == NULL ||
	    t->rtype == NULL) {
		pool_table_free(t);
		goto nomem;
	}
	return t;
nomem:
	pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
	return NULL;
}

void
pool_table_free(struct pool_table *t)
{
	size_t	 i;

	if (t == NULL)
		return;
	for (i = 0; i < t->ncols; i++) {
		free(t->cols[i].key);
		free(t->cols[i].label);
	}
	free(t->cols);
	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i].s);
	free(t->cells);
	free(t->section);
	free(t->name);
	free(t->title);
	free(t->rtype);
	free(t->note);
	free(t);
}

int
pool_table_col(struct pool_table *t, const char *key, const char *label,
    enum pool_cell_type type, struct pool_error *err)
{
	struct pool_column *c;

	if (t->nrows > 0)
		return pool_error_set(err, POOL_ELIMIT, NULL,
		    "table '%s': column '%s' added after the first row",
		    t->name, key);
	c = realloc(t->cols, (t->ncols + 1) * sizeof(*c));
	if (c == NULL)
		return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
	t->cols = c;
	c = &t->cols[t->ncols];
	c->key = xstrdup(key);
	c->label = xstrdup(label);
	c->type = (uint8_t)type;
	if (c->key == NULL || c->label == NULL) {
		free(c->key);
		free(c->label);
		return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
	}
	t->ncols++;
	return 0;
}

int
pool_table_row(struct pool_table *t, struct pool_error *err)
{
	struct pool_cell *c;
	size_t		 ncap;

	if (t->ncols == 0)
		return pool_error_set(err, POOL_ELIMIT, NULL,
		    "table '%s' has no columns", t->name);
	/* Cells not given in the last row stay empty. */
	while (t->nrows > 0 && t->fill < t->ncols)
		t->cells[(t->nrows - 1) * t->ncols + t->fill++].state =
		    POOL_CELL_EMPTY;
	if (t->nrows == t->cap) {
		ncap = t->cap ? t->cap * 2 : 16;
		c = realloc(t->cells, ncap * t->ncols * sizeof(*c));
		if (c == NULL)
			return pool_error_set(err, POOL_ENOMEM, NULL,
			    "out of memory");
		t->cells = c;
		t->cap = ncap;
	}
	memset(&t->cells[t->nrows * t->ncols], 0, t->ncols * sizeof(*c));
	for (ncap = 0; ncap < t->ncols; ncap++)
		t->cells[t->nrows * t->ncols + ncap].state = POOL_CELL_EMPTY;
	t->nrows++;
	t->fill = 0;
	return 0;
}

static struct pool_cell *
next_cell(struct pool_table *t, struct pool_error *err)
{
	if (t->nrows == 0 || t->fill >= t->ncols) {
		pool_error_set(err, POOL_ELIMIT, NULL,
		    "table '%s': more cells than columns", t->name);
		return NULL;
	}
	return &t->cells[(t->nrows - 1) * t->ncols + t->fill++];
}

int
pool_table_text(struct pool_table *t, const char *s, struct pool_error *err)
{
	struct pool_cell *c;

	if ((c = next_cell(t, err)) == NULL)
		return -1;
	if (s == NULL) {
		c->state = POOL_CELL_EMPTY;
		return 0;
	}
	if ((c->s = xstrdup(s)) == NULL)
		return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
	c->state = POOL_CELL_VALUE;
	return 0;
}

int
pool_table_num(struct pool_table *t, double v, struct pool_error *err)
{
	struct pool_cell *c;

	if ((c = next_cell(t, err)) == NULL)
		return -1;
	c->v = v;
	c->state = POOL_CELL_VALUE;
	return 0;
}

int
pool_table_empty(struct pool_table *t, struct pool_error *err)
{
	struct pool_cell *c;

	if ((c = next_cell(t, err)) == NULL)
		return -1;
	c->state = POOL_CELL_EMPTY;
	return 0;
}

int
pool_table_suppressed(struct pool_table *t, struct pool_error *err)
{
	struct pool_cell *c;

	if ((c = next_cell(t, err)) == NULL)
		return -1;
	c->state = POOL_CELL_SUPPRESSED;
	return 0;
}

int
pool_table_set_note(struct pool_table *t, const char *note,
    struct pool_error *err)
{
	char	*n = NULL;

	if (note != NULL && (n = xstrdup(note)) == NULL)
		return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
	free(t->note);
	t->note = n;
	return 0;
}

const struct pool_cell *
pool_table_cell(const struct pool_table *t, size_t r, size_t c)
{
	assert(r < t->nrows && c < t->ncols);
	return &t->cells[r * t->ncols + c];
}

long
pool_table_colidx(const struct pool_table *t, const char *key)
{
	size_t	 i;

	for (i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i].key, key) == 0)
			return (long)i;
	return -1;
}

/* Round half away from zero at d decimals, avoiding "-0.0". */
static void
fmt_fixed(char *buf, size_t len, double v, int d)
{
	snprintf(buf, len, "%.*f", d, v);
	if (buf[0] == '-') {
		const char *p;

		for (p = buf + 1; *p == '0' || *p == '.'; p++)
			;
		if (*p == '\0')
			memmove(buf, buf + 1, strlen(buf));
	}
}

/*
 * The text of a cell that is not a value: "" when there is no room,
 * empty, or "<K" when suppressed; NULL for a cell with a value.
 */
static const char *
cell_special(const struct pool_table *t, const struct pool_cell *cell,
    char *buf, size_t len)
{
	if (len == 0)
		return "";
	buf[0] = '\0';
	if (cell->state == POOL_CELL_EMPTY)
		return buf;
	if (cell->state == POOL_CELL_SUPPRESSED) {
		snprintf(buf, len, "<%d", t->min_cell);
		return buf;
	}
	return NULL;
}

const char *
pool_cell_format(const struct pool_table *t, size_t r, size_t c, char *buf,
    size_t len)
{
	const struct pool_cell *cell = pool_table_cell(t, r, c);
	const char		*sp;

	if ((sp = cell_special(t, cell, buf, len)) != NULL)
		return sp;
	switch (t->cols[c].type) {
	case POOL_CELL_TEXT:
		return cell->s != NULL ? cell->s : "";
	case POOL_CELL_INT:
		snprintf(buf, len, "%.0f", cell->v);
		break;
	case POOL_CELL_HOURS:
		fmt_fixed(buf, len, cell->v, 1);
		break;
	case POOL_CELL_PERCENT:
		fmt_fixed(buf, len, cell->v, 1);
		strncat(buf, "%", len - strlen(buf) - 1);
		break;
	case POOL_CELL_MONEY:
		fmt_fixed(buf, len, cell->v, 2);
		break;
	}
	return buf;
}

void
pool_report_init(struct pool_report *rep)
{
	memset(rep, 0, sizeof(*rep));
}

void
pool_report_release(struct pool_report *rep)
{
	size_t	 i;

	for (i = 0; i < rep->ntables; i++)
		pool_table_free(rep->tables[i]);
	free(rep->tables);
	free(rep->pool);
	free(rep->period);
	free(rep->member);
	memset(rep, 0, sizeof(*rep));
}

int
pool_report_add(struct pool_report *rep, struct pool_table *t,
    struct pool_error *err)
{
	struct pool_table **v;
	size_t		 ncap;

	if (rep->ntables == rep->cap) {
		ncap = rep->cap ? rep->cap * 2 : 8;
		if ((v = realloc(rep->tables, ncap * sizeof(*v))) == NULL) {
			pool_table_free(t);
			return pool_error_set(err, POOL_ENOMEM, NULL,
			    "out of memory");
		}
		rep->tables = v;
		rep->cap = ncap;
	}
	t->names = rep->conf;
	/* Close the last row so that every cell has a state. */
	if (t->nrows > 0)
		while (t->fill < t->ncols)
			t->cells[(t->nrows - 1) * t->ncols + t->fill++].state =
			    POOL_CELL_EMPTY;
	rep->tables[rep->ntables++] = t;
	return 0;
}

int
pool_report_format_parse(const char *s)
{
	static const char *const names[] = {
		"text", "md", "csv", "json", "html", "ics"
	};
	size_t	 i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(s, names[i]) == 0)
			return (int)i;
	return -1;
}

/* A name Windows keeps for a device, in any case, with any extension. */
static int
reserved_name(const char *s, size_t n)
{
	static const char *const dev[] = { "con", "prn", "aux", "nul" };
	size_t	i;

	for (i = 0; i < n && s[i] != '.'; i++)
		;
	n = i;
	for (i = 0; i < 4; i++)
		if (n == 3 && strncmp(s, dev[i], 3) == 0)
			return 1;
	return n == 4 && (strncmp(s, "com", 3) == 0 ||
	    strncmp(s, "lpt", 3) == 0) && s[3] >= '1' && s[3] <= '9';
}

char *
pool_report_filename(const char *id, const char *ext, unsigned long *seq,
    char buf[POOL_FILENAME_MAX + 1])
{
	static const char	 hex[] = "0123456789abcdef";
	const unsigned char	*p;
	size_t			 n = 0, extlen = strlen(ext), cut = 0, max;
	char			 tok[4];
	size_t			 tlen;

	if (extlen > 64)
		extlen = 64;
	/* Room for the two bytes a device name grows by. */
	max = POOL_FILENAME_MAX - extlen - 2;
	for (p = (const unsigned char *)id; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    ((*p == '-' || *p == '.') && p != (const unsigned char *)id
		    && !(*p == '.' && p[1] == '\0'))) {
			tok[0] = (char)*p;
			tlen = 1;
		} else if (*p >= 'A' && *p <= 'Z') {
			tok[0] = '_';
			tok[1] = (char)(*p - 'A' + 'a');
			tlen = 2;
		} else {
			tok[0] = '%';
			tok[1] = hex[*p >> 4];
			tok[2] = hex[*p & 15];
			tlen = 3;
		}
		/* Room for "~" and 20 digits, where the name is cut. */
		if (n + tlen > max - 21 && cut == 0)
			cut = n;
		if (n + tlen > max) {
			n = cut;
			n += (size_t)snprintf(buf + n, 22, "~%lu", ++*seq);
			break;
		}
		memcpy(buf + n, tok, tlen);
		n += tlen;
	}
	if (n == 0) {
		memcpy(buf, "%00", 3);
		n = 3;
	}
	if (reserved_name(buf, n)) {
		/* "con" becomes "%63on" (never longer than 6 bytes). */
		memmove(buf + 3, buf + 1, n - 1);
		buf[1] = hex[(unsigned char)buf[0] >> 4];
		buf[2] = hex[(unsigned char)buf[0] & 15];
		buf[0] = '%';
		n += 2;
	}
	memcpy(buf + n, ext, extlen);
	buf[n + extlen] = '\0';
	return buf;
}

/* The words of a list cell, each item translated: "rest-daily 2, role 1"
 * (reasons: "rule n") or "w4 (validity), w7" (near: "worker (rule)"). */
static const char *
fmt_list(enum pool_lang l, const char *s, int near, char *buf, size_t len)
{
	const char	*p = s, *e, *sp, *rule;
	char		 item[128];
	size_t		 o = 0, n;

	buf[0] = '\0';
	while (*p != '\0' && o + 1 < len) {
		if ((e = strstr(p, ", ")) == NULL)
			e = p + strlen(p);
		n = (size_t)(e - p);
		if (n >= sizeof(item))
			n = sizeof(item) - 1;
		memcpy(item, p, n);
		item[n] = '\0';
		if (near && n > 2 && item[n - 1] == ')' &&
		    (sp = strstr(item, " (")) != NULL) {
			item[n - 1] = '\0';
			item[sp - item] = '\0';
			rule = pool_i18n_get(l, "rule", sp + 2);
			o += (size_t)snprintf(buf + o, len - o, "%s%s (%s)",
			    o ? ", " : "", item, rule);
		} else if (!near && (sp = strrchr(item, ' ')) != NULL) {
			item[sp - item] = '\0';
			rule = pool_i18n_get(l, "rule", item);
			o += (size_t)snprintf(buf + o, len - o, "%s%s %s",
			    o ? ", " : "", rule, sp + 1);
		} else
			o += (size_t)snprintf(buf + o, len - o, "%s%s",
			    o ? ", " : "", item);
		if (o >= len)
			o = len - 1;
		p = *e != '\0' ? e + 2 : e;
	}
	return buf;
}

const char *
pool_report_name(const struct pool_config *conf, const char *key,
    const char *id, const char *org)
{
	static const char *const orgkeys[] = { "org", "from", "to", "debtor",
	    "creditor" };
	const struct pool_org_conf *o;
	const struct pool_role_conf *rl;
	const struct pool_unit_conf *u;
	size_t	 i;

	if (conf == NULL || id == NULL)
		return id;
	for (i = 0; i < sizeof(orgkeys) / sizeof(orgkeys[0]); i++)
		if (strcmp(key, orgkeys[i]) == 0)
			return (o = pool_config_org(conf, id)) != NULL &&
			    o->name != NULL ? o->name : id;
	if (strcmp(key, "role") == 0)
		return (rl = pool_config_role(conf, id)) != NULL &&
		    rl->name != NULL ? rl->name : id;
	if (strcmp(key, "unit") == 0)
		return (u = pool_config_unit(conf, org, id)) != NULL &&
		    u->name != NULL ? u->name : id;
	return id;
}

/* The org of row r (its "org" column), for the name of its unit. */
static const char *
row_org(const struct pool_table *t, size_t r)
{
	long	 c = pool_table_colidx(t, "org");
	const struct pool_cell *cell;

	if (c < 0)
		return NULL;
	cell = pool_table_cell(t, r, (size_t)c);
	return cell->state == POOL_CELL_VALUE ? cell->s : NULL;
}

static const char *
fmt_text_lang(const struct pool_table *t, size_t r, size_t c, const char *s,
    enum pool_lang l, int who, char *buf, size_t len)
{
	static const char *const ctxts[] = { "status", "priority", "level",
	    "record", "rule" };
	const char	*key = t->cols[c].key;
	enum pool_when	 w = POOL_WHEN_LONG;
	size_t		 i;

	if (who == POOL_CELL_PEOPLE && strcmp(key, "date") == 0)
		w = POOL_WHEN_DAY;
	else if (who == POOL_CELL_PEOPLE && strcmp(key, "start") == 0)
		w = POOL_WHEN_SHORT;
	if (pool_i18n_when(l, s, w, buf, len) != NULL)
		return buf;
	/* Names for ids, for people; the orgs section has both. */
	if (who == POOL_CELL_PEOPLE && t->names != NULL &&
	    strcmp(t->name, "orgs") != 0 &&
	    (s = pool_report_name(t->names, key, s, row_org(t, r))) !=
	    pool_table_cell(t, r, c)->s)
		return s;
	for (i = 0; i < sizeof(ctxts) / sizeof(ctxts[0]); i++)
		if (strcmp(key, ctxts[i]) == 0)
			return pool_i18n_get(l, ctxts[i], s);
	if (strcmp(key, "detail") == 0)
		return pool_i18n_text(l, "detail", s, buf, len);
	if (strcmp(key, "line") == 0 || strcmp(key, "model") == 0)
		return pool_i18n_text(l, "outlook", s, buf, len);
	if (strcmp(key, "reasons") == 0 || strcmp(key, "near") == 0)
		return fmt_list(l, s, key[0] == 'n', buf, len);
	return pool_i18n_get(l, "value", s);
}

const char *
pool_cell_format_lang(const struct pool_table *t, size_t r, size_t c,
    enum pool_lang l, int who, char *buf, size_t len)
{
	const struct pool_cell *cell = pool_table_cell(t, r, c);
	const char		*sp;
	int	 d, people = who == POOL_CELL_PEOPLE;
	char	 num[64];

	if (l != POOL_LANG_NL && people)
		return pool_cell_format(t, r, c, buf, len);
	if ((sp = cell_special(t, cell, buf, len)) != NULL)
		return sp;
	switch (t->cols[c].type) {
	case POOL_CELL_TEXT:
		if (cell->s == NULL)
			return "";
		return l == POOL_LANG_NL ? fmt_text_lang(t, r, c, cell->s, l,
		    who, buf, len) : cell->s;
	case POOL_CELL_INT:
		d = 0;
		break;
	case POOL_CELL_HOURS:
		d = people ? 1 : 2;
		break;
	case POOL_CELL_PERCENT:
		d = 1;
		break;
	default:
		d = 2;
		break;
	}
	/* A sheet gets no thousands point: Excel reads "1816,88". */
	pool_i18n_num(l, cell->v, d, people, num, sizeof(num));
	if (people && t->cols[c].type == POOL_CELL_PERCENT)
		snprintf(buf, len, "%s%%", num);
	else if (people && t->cols[c].type == POOL_CELL_MONEY)
		snprintf(buf, len, "€ %s", num);
	else
		snprintf(buf, len, "%s", num);
	return buf;
}

int
pool_report_audience_parse(const char *s)
{
	static const char *const names[] = { "internal", "member", "public" };
	size_t	 i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(s, names[i]) == 0)
			return (int)i;
	return -1;
}

/* The text of column key in row r, or NULL. */
static const char *
row_text(const struct pool_table *t, size_t r, const char *key)
{
	long	 c = pool_table_colidx(t, key);
	const struct pool_cell *cell;

	if (c < 0)
		return NULL;
	cell = pool_table_cell(t, r, (size_t)c);
	return cell->state == POOL_CELL_VALUE ? cell->s : NULL;
}

static int
row_is(const struct pool_table *t, size_t r, const char *key,
    const char *org)
{
	const char *s = row_text(t, r, key);

	return s != NULL && strcmp(s, org) == 0;
}

/* Keep the rows r with keep[r] set, in their order. */
static void
keep_rows(struct pool_table *t, const unsigned char *keep)
{
	size_t	 r, c, n = 0;

	for (r = 0; r < t->nrows; r++) {
		if (!keep[r]) {
			for (c = 0; c < t->ncols; c++)
				free(t->cells[r * t->ncols + c].s);
			continue;
		}
		if (n != r)
			memmove(&t->cells[n * t->ncols],
			    &t->cells[r * t->ncols],
			    t->ncols * sizeof(*t->cells));
		n++;
	}
	t->nrows = n;
	t->fill = t->ncols;
}

static void
drop_table(struct pool_report *rep, size_t i)
{
	pool_table_free(rep->tables[i]);
	memmove(&rep->tables[i], &rep->tables[i + 1],
	    (rep->ntables - i - 1) * sizeof(*rep->tables));
	rep->ntables--;
}

static const struct pool_table *
table_named(const struct pool_report *rep, const char *name)
{
	size_t	 i;

	for (i = 0; i < rep->ntables; i++)
		if (strcmp(rep->tables[i]->name, name) == 0)
			return rep->tables[i];
	return NULL;
}

/* The orgs section of a member: its row, then the pool's totals (the
 * "all" row of the summary) as "(pool)". */
static int
member_orgs(struct pool_table *t, const struct pool_table *sum,
    const char *org, struct pool_error *err)
{
	unsigned char *k;
	size_t	 r, c;
	long	 sc;

	for (r = 0; r < t->nrows && !row_is(t, r, "org", org); r++)
		;
	if (r > 0 && r < t->nrows) {
		/* Move the member's row first. */
		for (c = 0; c < t->ncols; c++) {
			struct pool_cell tmp = t->cells[c];

			t->cells[c] = t->cells[r * t->ncols + c];
			t->cells[r * t->ncols + c] = tmp;
		}
	}
	if ((k = calloc(t->nrows + 1, 1)) == NULL)
		return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
	k[0] = r < t->nrows;
	keep_rows(t, k);
	free(k);
	if (sum == NULL || sum->nrows == 0)
		return 0;
	if (pool_table_row(t, err) == -1)
		return -1;
	for (c = 0; c < t->ncols; c++) {
		const char *key = t->cols[c].key;

		if (strcmp(key, "org") == 0) {
			if (pool_table_text(t, "(pool)", err) == -1)
				return -1;
		} else if (strcmp(key, "name") == 0) {
			if (pool_table_text(t, "all members", err) == -1)
				return -1;
		} else if ((sc = pool_table_colidx(sum, key)) >= 0 &&
		    pool_table_cell(sum, 0, (size_t)sc)->state ==
		    POOL_CELL_VALUE) {
			if (pool_table_num(t, pool_table_cell(sum, 0,
			    (size_t)sc)->v, err) == -1)
				return -1;
		} else if (pool_table_empty(t, err) == -1)
			return -1;
	}
	return 0;
}

/* A count row is suppressed when its "filled" cell is. */
static int
row_suppressed(const struct pool_table *t, size_t r)
{
	long	 c = pool_table_colidx(t, "filled");

	return c >= 0 && pool_table_cell(t, r, (size_t)c)->state ==
	    POOL_CELL_SUPPRESSED;
}

static double
row_num(const struct pool_table *t, size_t r, const char *key)
{
	long	 c = pool_table_colidx(t, key);
	const struct pool_cell *cell;

	if (c < 0)
		return 0;
	cell = pool_table_cell(t, r, (size_t)c);
	return cell->state == POOL_CELL_VALUE ? cell->v : 0;
}

/*
 * Secondary suppression: in each group of rows (rows with the same text
 * in column group, or all rows when group is NULL) with exactly one
 * suppressed row, suppress the row of fewest workers (then shifts) as
 * well, so that the group's total in another table does not give the
 * suppressed row away.  Returns the number of rows suppressed.
 */
static long
suppress_second(struct pool_table *t, const char *group)
{
	static const char *const cols[] = { "filled", "open", "fill_rate",
	    "filled_hours", "workers" };
	size_t	 r, q, best, nsup, k;
	long	 c, n = 0;
	const char *g, *h;

	if (pool_table_colidx(t, "filled") < 0)
		return 0;
	for (r = 0; r < t->nrows; r++) {
		g = group != NULL ? row_text(t, r, group) : NULL;
		/* Only at the first row of each group. */
		for (q = 0; q < r; q++) {
			h = group != NULL ? row_text(t, q, group) : NULL;
			if (group == NULL || (g != NULL && h != NULL &&
			    strcmp(g, h) == 0))
				break;
		}
		if (q < r)
			continue;
		nsup = 0;
		best = t->nrows;
		for (q = r; q < t->nrows; q++) {
			h = group != NULL ? row_text(t, q, group) : NULL;
			if (group != NULL && (g == NULL || h == NULL ||
			    strcmp(g, h) != 0))
				continue;
			if (row_suppressed(t, q))
				nsup++;
			else if (best == t->nrows ||
			    row_num(t, q, "workers") < row_num(t, best,
			    "workers") || (row_num(t, q, "workers") ==
			    row_num(t, best, "workers") &&
			    row_num(t, q, "shifts") < row_num(t, best,
			    "shifts")))
				best = q;
		}
		if (nsup != 1 || best == t->nrows)
			continue;
		for (k = 0; k < sizeof(cols) / sizeof(cols[0]); k++)
			if ((c = pool_table_colidx(t, cols[k])) >= 0)
				t->cells[best * t->ncols + (size_t)c].state =
				    POOL_CELL_SUPPRESSED;
		n++;
	}
	return n;
}

/* Say the rows of the second suppression under the table. */
static int
note_more(struct pool_table *t, long more, struct pool_error *err)
{
	char	 buf[512];

	if (t->note != NULL)
		snprintf(buf, sizeof(buf), "%s; %ld more suppressed so that "
		    "none follows from a total", t->note, more);
	else
		snprintf(buf, sizeof(buf), "%ld more suppressed so that none "
		    "follows from a total", more);
	return pool_table_set_note(t, buf, err);
}

int
pool_report_audience(struct pool_report *rep, enum pool_audience a,
    const char *org, struct pool_error *err)
{
	static const char *const byorg[][3] = {
		{ "units", "org", NULL }, { "unfilled", "org", NULL },
		{ "workers", "org", NULL }, { "fairness", "org", NULL },
		{ "contacts", "org", NULL }, { "settlement", "from", "to" },
		{ "settlement-net", "debtor", "creditor" },
		{ "settlement-unpriced", "from", "to" }
	};
	struct pool_table *t;
	unsigned char	*keep;
	size_t		 i, j, r;

	rep->audience = a;
	free(rep->member);
	rep->member = NULL;
	if (a == POOL_AUD_MEMBER) {
		if (org == NULL)
			return pool_error_set(err, POOL_ECONFIG, NULL,
			    "a member report needs an organisation");
		if ((rep->member = strdup(org)) == NULL)
			return pool_error_set(err, POOL_ENOMEM, NULL,
			    "out of memory");
	}
	for (i = 0; i < rep->ntables; ) {
		t = rep->tables[i];
		/* Per shift, person or pair: for inside the pool.  The
		 * open shifts one by one, the shifts received and the
		 * hours worked per pair would give away the suppressed
		 * counts. */
		if (a == POOL_AUD_PUBLIC && (strcmp(t->section, "workers") == 0 ||
		    strcmp(t->section, "unfilled") == 0 ||
		    strcmp(t->section, "fairness") == 0 ||
		    strcmp(t->section, "settlement") == 0 ||
		    strcmp(t->section, "contacts") == 0)) {
			drop_table(rep, i);
			continue;
		}
		if (a == POOL_AUD_PUBLIC) {
			long	 more = 0;

			if (strcmp(t->name, "orgs") == 0 ||
			    strcmp(t->name, "roles") == 0)
				more = suppress_second(t, NULL);
			else if (strcmp(t->name, "units") == 0)
				more = suppress_second(t, "org");
			else if (strcmp(t->name, "days") == 0)
				more = suppress_second(t, "role");
			if (more > 0 && note_more(t, more, err) == -1)
				return -1;
		}
		if (a != POOL_AUD_MEMBER) {
			i++;
			continue;
		}
		if (strcmp(t->name, "orgs") == 0) {
			if (member_orgs(t, table_named(rep, "summary"), org,
			    err) == -1)
				return -1;
			i++;
			continue;
		}
		for (j = 0; j < sizeof(byorg) / sizeof(byorg[0]); j++)
			if (strcmp(t->name, byorg[j][0]) == 0)
				break;
		if (j == sizeof(byorg) / sizeof(byorg[0])) {
			i++;
			continue;
		}
		/* The workers section names orgs only with --detail. */
		if (pool_table_colidx(t, byorg[j][1]) < 0) {
			drop_table(rep, i);
			continue;
		}
		if ((keep = calloc(t->nrows + 1, 1)) == NULL)
			return pool_error_set(err, POOL_ENOMEM, NULL,
			    "out of memory");
		for (r = 0; r < t->nrows; r++)
			keep[r] = row_is(t, r, byorg[j][1], org) ||
			    (byorg[j][2] != NULL && row_is(t, r, byorg[j][2],
			    org));
		keep_rows(t, keep);
		free(keep);
		i++;
	}
	return 0;
}
