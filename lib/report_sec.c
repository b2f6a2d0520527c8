/*
 * The sections of pool-report: the tables made of the aggregated data
 * (summary, orgs, roles, units, days, types, unfilled, workers,
 * fairness, settlement, outlook, contacts, records) and the calendar
 * events, in pool_report_finish.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "pool_int.h"
#include "pool_record.h"
#include "pool_report.h"
#include "pool_rules.h"
#include "pool_strtab.h"
#include "pool_time.h"

/* ---- helpers for the sections ---- */

static const char *
org_name(const struct pool_reportctx *c, const char *id)
{
	const struct pool_org_conf *oc;
	size_t	 i;

	if (c->o.conf != NULL && (oc = pool_config_org(c->o.conf, id)) != NULL &&
	    oc->name != NULL)
		return oc->name;
	for (i = c->data.orgs.n; i-- > 0;)
		if (strcmp(c->data.orgs.v[i].id, id) == 0)
			return c->data.orgs.v[i].name;
	return NULL;
}

static double
org_rate(const struct pool_reportctx *c, const char *id)
{
	const struct pool_org_conf *oc;
	size_t	 i;

	if (c->o.conf != NULL && (oc = pool_config_org(c->o.conf, id)) != NULL &&
	    oc->rate >= 0)
		return oc->rate;
	for (i = c->data.orgs.n; i-- > 0;)
		if (strcmp(c->data.orgs.v[i].id, id) == 0 &&
		    c->data.orgs.v[i].rate >= 0)
			return c->data.orgs.v[i].rate;
	return -1;
}

static double
org_weight(const struct pool_reportctx *c, const char *id)
{
	const struct pool_org_conf *oc;
	size_t	 i;

	if (c->o.conf != NULL && (oc = pool_config_org(c->o.conf, id)) != NULL &&
	    oc->weight >= 0)
		return oc->weight;
	for (i = c->data.orgs.n; i-- > 0;)
		if (strcmp(c->data.orgs.v[i].id, id) == 0 &&
		    c->data.orgs.v[i].weight >= 0)
			return c->data.orgs.v[i].weight;
	return -1;
}

static int
strcmp0(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

/* Per shift of the period: filled or not. */
struct fill {
	int64_t		*day;		/* per shift: local day of its start */
	uint8_t		*live;		/* per shift: in the period, and the
					   record its id indexes */
	uint8_t		*filled;	/* per shift index */
	long		*asg;		/* per assignment: shift index or -1 */
	long		*wk;		/* per assignment: worker index or -1 */
};

/* Local day of a shift. */
static int64_t
sday(const struct pool_reportctx *c, const struct pool_shift *s)
{
	return pool_tz_local_day(c->o.tz, s->start);
}

/* A group of shifts for the orgs/roles/units/days tables. */
struct grp {
	const char	*k1, *k2;
	int64_t		 k3;
	long		 shifts, filled, workers;
	double		 hours, fhours;
};

static int
grp_cmp(const void *a, const void *b)
{
	const struct grp *x = a, *y = b;
	int	 r;

	if ((r = strcmp0(x->k1, y->k1)) != 0)
		return r;
	if (x->k3 != y->k3)
		return x->k3 < y->k3 ? -1 : 1;
	return strcmp0(x->k2, y->k2);
}

static int
u64_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

enum gkind { G_ORG, G_ROLE, G_UNIT, G_DAY, G_PRIO, G_TYPE };

static void
gkey(int64_t day, const struct pool_shift *s, enum gkind k, const char **k1,
    const char **k2, int64_t *k3)
{
	*k1 = *k2 = NULL;
	*k3 = 0;
	switch (k) {
	case G_ORG:
		*k1 = s->org;
		break;
	case G_ROLE:
		*k1 = s->role;
		break;
	case G_UNIT:
		*k1 = s->org;
		*k2 = s->unit;
		break;
	case G_DAY:
		*k3 = day;
		*k2 = s->role;
		break;
	case G_PRIO:
		*k3 = s->priority;
		break;
	case G_TYPE:
		*k1 = s->shift_type;
		break;
	}
}

/* Group the shifts of the period; *out sorted. */
static int
group(struct pool_reportctx *c, const struct fill *fl, enum gkind k,
    struct grp **out, size_t *nout)
{
	struct pool_data *d = &c->data;
	struct pool_keymap	 m = { NULL, 0, 0 };
	struct grp	*g = NULL;
	long		*gi = NULL, idx;
	uint64_t	*pairs = NULL;
	size_t		 ng = 0, i, np = 0;
	const char	*k1, *k2;
	int64_t		 k3;
	int		 added, rc = -1;

	if ((g = calloc(d->shifts.n + 1, sizeof(*g))) == NULL ||
	    (gi = calloc(d->shifts.n + 1, sizeof(*gi))) == NULL ||
	    (pairs = calloc(d->assignments.n + 1, sizeof(*pairs))) == NULL)
		goto out;
	for (i = 0; i < d->shifts.n; i++) {
		const struct pool_shift *s = &d->shifts.v[i];

		gi[i] = -1;
		if (!fl->live[i])
			continue;
		gkey(fl->day[i], s, k, &k1, &k2, &k3);
		if ((idx = pool_keymap_get(&m, k1, k2, k3, (long)ng, &added)) < 0)
			goto out;
		if (added) {
			g[ng].k1 = k1;
			g[ng].k2 = k2;
			g[ng].k3 = k3;
			ng++;
		}
		gi[i] = idx;
		g[idx].shifts++;
		g[idx].hours += shift_hours(s);
		if (fl->filled[i]) {
			g[idx].filled++;
			g[idx].fhours += shift_hours(s);
		}
	}
	/* Distinct workers per group: sort (group, worker) pairs. */
	for (i = 0; i < d->assignments.n; i++)
		if (fl->asg[i] >= 0 && gi[fl->asg[i]] >= 0 && fl->wk[i] >= 0)
			pairs[np++] = (uint64_t)gi[fl->asg[i]] << 32 |
			    (uint64_t)fl->wk[i];
	if (np > 1)
		qsort(pairs, np, sizeof(*pairs), u64_cmp);
	for (i = 0; i < np; i++)
		if (i == 0 || pairs[i] != pairs[i - 1])
			g[pairs[i] >> 32].workers++;
	if (ng > 1)
		qsort(g, ng, sizeof(*g), grp_cmp);
	*out = g;
	*nout = ng;
	g = NULL;
	rc = 0;
out:
	free(g);
	free(gi);
	free(pairs);
	pool_keymap_release(&m);
	return rc;
}

#define TRY(x)	do { if ((x) == -1) goto fail; } while (0)

static int
suppress(const struct pool_reportctx *c, long workers)
{
	return pool_report_suppress(&c->o, workers);
}

/* The counting columns shared by orgs, roles, units and days. */
static int
count_cols(struct pool_table *t, struct pool_error *err)
{
	TRY(pool_table_col(t, "shifts", "shifts", POOL_CELL_INT, err));
	TRY(pool_table_col(t, "filled", "filled", POOL_CELL_INT, err));
	TRY(pool_table_col(t, "open", "open", POOL_CELL_INT, err));
	TRY(pool_table_col(t, "fill_rate", "fill rate", POOL_CELL_PERCENT,
	    err));
	TRY(pool_table_col(t, "hours", "hours", POOL_CELL_HOURS, err));
	TRY(pool_table_col(t, "filled_hours", "filled hours", POOL_CELL_HOURS,
	    err));
	TRY(pool_table_col(t, "workers", "workers", POOL_CELL_INT, err));
	return 0;
fail:
	return -1;
}

static int
count_cells(const struct pool_reportctx *c, struct pool_table *t,
    const struct grp *g, int supp, struct pool_error *err)
{
	int	 s = supp && suppress(c, g->workers);

	TRY(pool_table_num(t, (double)g->shifts, err));
	if (s) {
		TRY(pool_table_suppressed(t, err));
		TRY(pool_table_suppressed(t, err));
		TRY(pool_table_suppressed(t, err));
	} else {
		TRY(pool_table_num(t, (double)g->filled, err));
		TRY(pool_table_num(t, (double)(g->shifts - g->filled), err));
		if (g->shifts > 0)
			TRY(pool_table_num(t, 100.0 * (double)g->filled /
			    (double)g->shifts, err));
		else
			TRY(pool_table_empty(t, err));
	}
	TRY(pool_table_num(t, g->hours, err));
	if (s) {
		TRY(pool_table_suppressed(t, err));
		TRY(pool_table_suppressed(t, err));
	} else {
		TRY(pool_table_num(t, g->fhours, err));
		TRY(pool_table_num(t, (double)g->workers, err));
	}
	return 0;
fail:
	return -1;
}

static int
add_note_supp(const struct pool_reportctx *c, struct pool_table *t,
    long nsupp, struct pool_error *err)
{
	char	 buf[160];

	t->min_cell = c->o.min_cell;
	if (nsupp == 0)
		return 0;
	snprintf(buf, sizeof(buf), "%ld %s of fewer than %d workers: "
	    "worker counts suppressed (--min-cell)", nsupp,
	    nsupp == 1 ? "group" : "groups", c->o.min_cell);
	return pool_table_set_note(t, buf, err);
}

static int
sec_summary(struct pool_reportctx *c, const struct fill *fl,
    struct pool_report *rep, struct pool_error *err)
{
	struct pool_table *t;
	struct grp	*g = NULL, all;
	size_t		 n = 0, i;
	char		 buf[32];

	if (group(c, fl, G_PRIO, &g, &n) == -1)
		return nomem(err);
	if ((t = pool_table_new("summary", "summary", "Summary",
	    "report.summary", err)) == NULL)
		goto fail0;
	TRY(pool_table_col(t, "priority", "priority", POOL_CELL_TEXT, err));
	TRY(count_cols(t, err));
	memset(&all, 0, sizeof(all));
	for (i = 0; i < n; i++) {
		all.shifts += g[i].shifts;
		all.filled += g[i].filled;
		all.hours += g[i].hours;
		all.fhours += g[i].fhours;
	}
	/* Distinct workers of the whole period. */
	{
		uint64_t *w = calloc(c->data.assignments.n + 1, sizeof(*w));
		size_t	  nw = 0;

		if (w == NULL) {
			nomem(err);
			goto fail;
		}
		for (i = 0; i < c->data.assignments.n; i++)
			if (fl->asg[i] >= 0 && fl->wk[i] >= 0)
				w[nw++] = (uint64_t)fl->wk[i];
		if (nw > 1)
			qsort(w, nw, sizeof(*w), u64_cmp);
		for (i = 0; i < nw; i++)
			if (i == 0 || w[i] != w[i - 1])
				all.workers++;
		free(w);
	}
	TRY(pool_table_row(t, err));
	TRY(pool_table_text(t, "all", err));
	TRY(count_cells(c, t, &all, 0, err));
	for (i = 0; i < n; i++) {
		TRY(pool_table_row(t, err));
		snprintf(buf, sizeof(buf), "%lld", (long long)g[i].k3);
		TRY(pool_table_text(t, buf, err));
		TRY(count_cells(c, t, &g[i], 0, err));
	}
	free(g);
	return pool_report_add(rep, t, err);
fail:
	pool_table_free(t);
fail0:
	free(g);
	return -1;
}

/* orgs, roles, units, days */
static int
sec_groups(struct pool_reportctx *c, const struct fill *fl, enum gkind k,
    struct pool_report *rep, struct pool_error *err)
{
	static const char *const names[] = { "orgs", "roles", "units", "days" };
	static const char *const titles[] = { "Organisations", "Roles",
	    "Units", "Shifts by day and role" };
	struct pool_table *t;
	struct grp	*g = NULL;
	size_t		 n = 0, i;
	long		 nsupp = 0;
	char		 type[32], buf[16];

	if (group(c, fl, k, &g, &n) == -1)
		return nomem(err);
	snprintf(type, sizeof(type), "report.%s", names[k]);
	if ((t = pool_table_new(names[k], names[k], titles[k], type,
	    err)) == NULL)
		goto fail0;
	switch (k) {
	case G_ORG:
		TRY(pool_table_col(t, "org", "org", POOL_CELL_TEXT, err));
		TRY(pool_table_col(t, "name", "name", POOL_CELL_TEXT, err));
		break;
	case G_ROLE:
		TRY(pool_table_col(t, "role", "role", POOL_CELL_TEXT, err));
		break;
	case G_UNIT:
		TRY(pool_table_col(t, "org", "org", POOL_CELL_TEXT, err));
		TRY(pool_table_col(t, "unit", "unit", POOL_CELL_TEXT, err));
		break;
	default:
		TRY(pool_table_col(t, "date", "date", POOL_CELL_TEXT, err));
		TRY(pool_table_col(t, "role", "role", POOL_CELL_TEXT, err));
		break;
	}
	TRY(count_cols(t, err));
	for (i = 0; i < n; i++) {
		TRY(pool_table_row(t, err));
		switch (k) {
		case G_ORG:
			TRY(pool_table_text(t, g[i].k1, err));
			TRY(pool_table_text(t, org_name(c, g[i].k1), err));
			break;
		case G_ROLE:
			TRY(pool_table_text(t, g[i].k1, err));
			break;
		case G_UNIT:
			TRY(pool_table_text(t, g[i].k1, err));
			TRY(pool_table_text(t, g[i].k2 != NULL ? g[i].k2 :
			    "(none)", err));
			break;
		default:
			TRY(pool_table_text(t, pool_time_format_date(g[i].k3,
			    buf), err));
			TRY(pool_table_text(t, g[i].k2, err));
			break;
		}
		if (suppress(c, g[i].workers))
			nsupp++;
		TRY(count_cells(c, t, &g[i], 1, err));
	}
	TRY(add_note_supp(c, t, nsupp, err));
	free(g);
	return pool_report_add(rep, t, err);
fail:
	pool_table_free(t);
fail0:
	free(g);
	return -1;
}

/*
 * Per shift type (the shift field shift_type): the agreed times from
 * pool.yaml and the counts of the other groups.  Left out when no shift
 * of the period has a type.
 */
static int
sec_types(struct pool_reportctx *c, const struct fill *fl,
    struct pool_report *rep, struct pool_error *err)
{
	const struct pool_config *conf = c->o.conf;
	struct pool_table *t;
	struct grp	*g = NULL;
	size_t		 n = 0, i, j;
	long		 nsupp = 0;
	char		 buf[16];

	if (group(c, fl, G_TYPE, &g, &n) == -1)
		return nomem(err);
	for (i = 0; i < n && g[i].k1 == NULL; i++)
		;
	if (i == n) {
		free(g);
		return 0;
	}
	if ((t = pool_table_new("types", "types", "Shift types",
	    "report.types", err)) == NULL)
		goto fail0;
	TRY(pool_table_col(t, "shift_type", "shift type", POOL_CELL_TEXT,
	    err));
	TRY(pool_table_col(t, "times", "times", POOL_CELL_TEXT, err));
	TRY(count_cols(t, err));
	for (i = 0; i < n; i++) {
		TRY(pool_table_row(t, err));
		TRY(pool_table_text(t, g[i].k1 != NULL ? g[i].k1 : "(none)",
		    err));
		for (j = 0; g[i].k1 != NULL && conf != NULL &&
		    j < conf->nshift_types; j++)
			if (strcmp(conf->shift_types[j].id, g[i].k1) == 0)
				break;
		if (g[i].k1 != NULL && conf != NULL &&
		    j < conf->nshift_types) {
			snprintf(buf, sizeof(buf), "%02d:%02d-%02d:%02d",
			    conf->shift_types[j].start / 60 % 100,
			    conf->shift_types[j].start % 60,
			    conf->shift_types[j].end / 60 % 100,
			    conf->shift_types[j].end % 60);
			TRY(pool_table_text(t, buf, err));
		} else
			TRY(pool_table_empty(t, err));
		if (suppress(c, g[i].workers))
			nsupp++;
		TRY(count_cells(c, t, &g[i], 1, err));
	}
	TRY(add_note_supp(c, t, nsupp, err));
	free(g);
	return pool_report_add(rep, t, err);
fail:
	pool_table_free(t);
fail0:
	free(g);
	return -1;
}

/* The reasons of an unfilled record as "rule n, rule n", most first. */
struct reason {
	const char	*rule;
	json_int_t	 n;
};

static int
reason_cmp(const void *a, const void *b)
{
	const struct reason *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->rule, y->rule);
}

static void
reasons_text(json_t *obj, char *buf, size_t len)
{
	struct reason	 r[64];
	json_t		*rs, *v;
	const char	*k;
	size_t		 n = 0, i, o = 0;

	buf[0] = '\0';
	rs = json_object_get(obj, "reasons");
	if (!json_is_object(rs))
		return;
	json_object_foreach(rs, k, v) {
		if (n == 64)
			break;
		r[n].rule = k;
		r[n].n = json_is_integer(v) ? json_integer_value(v) : 0;
		n++;
	}
	if (n > 1)
		qsort(r, n, sizeof(*r), reason_cmp);
	for (i = 0; i < n && o < len; i++)
		o += (size_t)snprintf(buf + o, len - o, "%s%s %lld",
		    i ? ", " : "", r[i].rule, (long long)r[i].n);
	if (o >= len && len > 4)
		memcpy(buf + len - 4, "...", 4);
}

static void
near_text(json_t *obj, char *buf, size_t len)
{
	json_t	*nr, *v, *w, *rl;
	size_t	 i, o = 0;

	buf[0] = '\0';
	nr = json_object_get(obj, "near");
	if (!json_is_array(nr))
		return;
	json_array_foreach(nr, i, v) {
		if (o >= len)
			break;
		w = json_object_get(v, "worker");
		rl = json_object_get(v, "rule");
		if (!json_is_string(w))
			continue;
		o += (size_t)snprintf(buf + o, len - o, "%s%s%s%s%s",
		    o ? ", " : "", json_string_value(w),
		    json_is_string(rl) ? " (" : "",
		    json_is_string(rl) ? json_string_value(rl) : "",
		    json_is_string(rl) ? ")" : "");
	}
	if (o >= len && len > 4)
		memcpy(buf + len - 4, "...", 4);
}

/* Open shifts (indices in arg, a struct pool_data), most urgent first. */
static int
open_cmp(const void *a, const void *b, void *arg)
{
	const struct pool_shift *sv = ((const struct pool_data *)arg)->shifts.v;
	const struct pool_shift *x = &sv[*(const long *)a];
	const struct pool_shift *y = &sv[*(const long *)b];

	if (x->priority != y->priority)
		return x->priority < y->priority ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return strcmp(x->id, y->id);
}

static int
sec_unfilled(struct pool_reportctx *c, const struct fill *fl,
    struct pool_report *rep, struct pool_error *err)
{
	struct pool_data *d = &c->data;
	struct pool_table *t;
	struct pool_ptrmap um = { NULL, NULL, 0, 0 };
	long		*open = NULL, u;
	size_t		 n = 0, i;
	char		 when[26], buf[512];

	if ((t = pool_table_new("unfilled", "unfilled",
	    "Unfilled shifts, most urgent first", "report.unfilled",
	    err)) == NULL)
		return -1;
	if ((open = calloc(d->shifts.n + 1, sizeof(*open))) == NULL) {
		nomem(err);
		goto fail;
	}
	/* The last unfilled record of each shift. */
	for (i = 0; i < d->unfilled.n; i++)
		if (d->unfilled.v[i].shift != NULL &&
		    pool_ptrmap_put(&um, d->unfilled.v[i].shift, (long)i) == -1) {
			nomem(err);
			goto fail;
		}
	for (i = 0; i < d->shifts.n; i++)
		if (fl->live[i] && !fl->filled[i])
			open[n++] = (long)i;
	pool_sort(open, n, sizeof(*open), open_cmp, d);
	TRY(pool_table_col(t, "shift", "shift", POOL_CELL_TEXT, err));
	TRY(pool_table_col(t, "priority", "priority", POOL_CELL_INT, err));
	TRY(pool_table_col(t, "start", "start", POOL_CELL_TEXT, err));
	TRY(pool_table_col(t, "hours", "hours", POOL_CELL_HOURS, err));
	TRY(pool_table_col(t, "org", "org", POOL_CELL_TEXT, err));
	TRY(pool_table_col(t, "unit", "unit", POOL_CELL_TEXT, err));
	TRY(pool_table_col(t, "role", "role", POOL_CELL_TEXT, err));
	TRY(pool_table_col(t, "reasons", "reasons (workers excluded per rule)",
	    POOL_CELL_TEXT, err));
	TRY(pool_table_col(t, "near", "near misses", POOL_CELL_TEXT, err));
	for (i = 0; i < n; i++) {
		const struct pool_shift *s = &d->shifts.v[open[i]];

		TRY(pool_table_row(t, err));
		TRY(pool_table_text(t, s->id, err));
		TRY(pool_table_num(t, s->priority, err));
		TRY(pool_table_text(t, pool_time_format(c->o.tz, s->start,
		    when), err));
		TRY(pool_table_num(t, shift_hours(s), err));
		TRY(pool_table_text(t, s->org, err));
		TRY(pool_table_text(t, s->unit, err));
		TRY(pool_table_text(t, s->role, err));
		u = pool_ptrmap_get(&um, s->id);
		if (u >= 0) {
			reasons_text(d->unfilled.v[u].obj, buf, sizeof(buf));
			TRY(pool_table_text(t, buf[0] ? buf : NULL, err));
			near_text(d->unfilled.v[u].obj, buf, sizeof(buf));
			TRY(pool_table_text(t, buf[0] ? buf : NULL, err));
		}
	}
	free(open);
	pool_ptrmap_release(&um);
	return pool_report_add(rep, t, err);
fail:
	free(open);
	pool_ptrmap_release(&um);
	pool_table_free(t);
	return -1;
}

/* Per worker, per ISO week: hours (for the week limit). */
struct wweek {
	long		 w;
	int64_t		 monday;	/* first day of the rules' week */
	double		 hours;
	long		 shifts, nights;
	int		 live;		/* the shift lies in the period */
};

static int
wweek_cmp(const void *a, const void *b)
{
	const struct wweek *x = a, *y = b;

	if (x->w != y->w)
		return x->w < y->w ? -1 : 1;
	return (x->monday > y->monday) - (x->monday < y->monday);
}

/* The rules of shift s: its organisation's, the pool's, or the defaults. */
static const struct pool_rules *
report_rules(const struct pool_reportctx *c, const struct pool_shift *s)
{
	return c->o.conf != NULL ? pool_rules_of(c->o.conf, s != NULL ?
	    s->org : NULL) : &c->defrules;
}

/* The period in days, for contract hours; from the data if unbounded. */
static void
period_days(const struct pool_reportctx *c, int64_t *from, int64_t *to)
{
	*from = c->o.from != INT64_MIN ? c->o.from : c->firstday;
	*to = c->o.to != INT64_MAX ? c->o.to : c->lastday;
	if (*from > *to)
		*from = *to = 0;
}

/* Workers that --check finds over a weekly limit in the period. */
struct overweek {
	const struct pool_reportctx	*c;
	unsigned char			*over;	/* per worker index */
};

static void
on_overweek(void *arg, const struct pool_violation *v)
{
	struct overweek		*o = arg;
	const struct pool_shift	*s = &o->c->data.shifts.v[v->shift];
	int64_t			 day = pool_tz_local_day(o->c->o.tz, s->start);

	if (day < o->c->o.from || day > o->c->o.to)
		return;
	if (strcmp(v->rule, POOL_RULE_WEEK_MAX) == 0 ||
	    strcmp(v->rule, POOL_RULE_WORKER_WEEK) == 0)
		o->over[v->worker] = 1;
}

static int
sec_workers(struct pool_reportctx *c, const struct fill *fl,
    struct pool_report *rep, struct pool_error *err)
{
	struct overweek	 ov = { c, NULL };
	struct pool_rulectx *rc = NULL;
	struct pool_data *d = &c->data;
	struct pool_table *t;
	struct wweek	*ww = NULL;
	long		*ws = NULL, *first = NULL;
	size_t		 nww = 0, nws = 0, i, j;
	int64_t		 pf, pt;
	double		 weeks, weekmax;
	const struct pool_rules *rules = report_rules(c, NULL);

	weekmax = rules->week_max > 0 ? rules->week_max / 60.0 : 60.0;
	period_days(c, &pf, &pt);
	weeks = (double)(pt - pf + 1) / 7.0;
	if ((t = pool_table_new("workers", "workers",
	    c->o.detail ? "Workers" : "Workers (ids only; --detail for names)",
	    "report.workers", err)) == NULL)
		return -1;
	ww = calloc(d->assignments.n + 1, sizeof(*ww));
	ws = calloc(d->workers.n + 1, sizeof(*ws));
	first = calloc(d->workers.n + 1, sizeof(*first));
	ov.over = calloc(d->workers.n + 1, 1);
	if (ww == NULL || ws == NULL || first == NULL || ov.over == NULL) {
		nomem(err);
		goto fail;
	}
	/*
	 * Over a weekly limit is what --check says: the rules module's
	 * audit of every assignment read (the kept days around the period
	 * complete its weeks), week-max or worker-max-hours on a shift
	 * in the period.
	 */
	if (c->o.conf != NULL) {
		if ((rc = pool_rules_new(c->o.conf, d, c->o.tz, 0, err)) ==
		    NULL || pool_rules_audit_all(rc, on_overweek, &ov, err) == -1)
			goto fail;
		pool_rules_free(rc);
		rc = NULL;
	}
	/* Hours per week of the rules: every assignment read; the other
	 * columns: those of the period. */
	for (i = 0; i < d->assignments.n; i++) {
		const struct pool_assignment *a = &d->assignments.v[i];
		const struct pool_shift *s;
		long	 si, wi;
		int64_t	 day;

		if ((si = pool_data_shift(d, a->shift)) < 0 ||
		    (wi = pool_data_worker(d, a->worker)) < 0)
			continue;
		s = &d->shifts.v[si];
		day = fl->day[si];
		ww[nww].w = wi;
		ww[nww].monday = pool_rules_week_first(rules,
		    pool_rules_week(rules, day));
		ww[nww].hours = shift_hours(s);
		ww[nww].live = fl->asg[i] >= 0 && fl->wk[i] >= 0;
		ww[nww].shifts = 1;
		ww[nww].nights = pool_rules_is_night(report_rules(c, s), c->o.tz,
		    s);
		nww++;
	}
	if (nww > 1)
		qsort(ww, nww, sizeof(*ww), wweek_cmp);
	/* first[w]: where worker w's weeks start in ww (-1: none). */
	for (i = 0; i < d->workers.n; i++)
		first[i] = -1;
	for (i = nww; i-- > 0;)
		first[ww[i].w] = (long)i;
	/* Workers shown: those with shifts, and those active in the
	 * period with contract hours. */
	for (i = 0; i < d->workers.n; i++) {
		const struct pool_worker *w = &d->workers.v[i];

		if (pool_data_worker(d, w->id) != (long)i)
			continue;
		if (w->contract_hours >= 0 && w->valid_from <= pt &&
		    w->valid_until >= pf) {
			ws[nws++] = (long)i;
			continue;
		}
		for (j = first[i] >= 0 ? (size_t)first[i] : nww;
		    j < nww && ww[j].w == (long)i && !ww[j].live; j++)
			;
		if (j < nww && ww[j].w == (long)i)
			ws[nws++] = (long)i;
	}
	pool_sort(ws, nws, sizeof(*ws), pool_data_worker_cmp, d);
	TRY(pool_table_col(t, "worker", "worker", POOL_CELL_TEXT, err));
	if (c->o.detail) {
		TRY(pool_table_col(t, "name", "name", POOL_CELL_TEXT, err));
		TRY(pool_table_col(t, "org", "org", POOL_CELL_TEXT, err));
	}
	TRY(pool_table_col(t, "shifts", "shifts", POOL_CELL_INT, err));
	TRY(pool_table_col(t, "hours", "hours", POOL_CELL_HOURS, err));
	TRY(pool_table_col(t, "contract_hours", "contract", POOL_CELL_HOURS,
	    err));
	TRY(pool_table_col(t, "difference", "difference", POOL_CELL_HOURS,
	    err));
	TRY(pool_table_col(t, "max_week_hours", "max week", POOL_CELL_HOURS,
	    err));
	TRY(pool_table_col(t, "week_limit", "week limit", POOL_CELL_HOURS,
	    err));
	TRY(pool_table_col(t, "nights", "nights", POOL_CELL_INT, err));
	TRY(pool_table_col(t, "status", "status", POOL_CELL_TEXT, err));
	for (i = 0; i < nws; i++) {
		const struct pool_worker *w = &d->workers.v[ws[i]];
		double	 hours = 0, wk = 0, maxwk = 0, limit, contract;
		long	 shifts = 0, nights = 0;
		int64_t	 cur = INT64_MIN;
		const char *status = "ok";

		for (j = first[ws[i]] >= 0 ? (size_t)first[ws[i]] : nww;
		    j < nww && ww[j].w == ws[i]; j++) {
			if (ww[j].monday != cur) {
				cur = ww[j].monday;
				wk = 0;
			}
			wk += ww[j].hours;
			/* weeks of the rules that touch the period */
			if (wk > maxwk && ww[j].monday + 6 >= pf &&
			    ww[j].monday <= pt)
				maxwk = wk;
			if (!ww[j].live)
				continue;
			hours += ww[j].hours;
			shifts++;
			nights += ww[j].nights;
		}
		limit = weekmax;
		if (w->max_hours_week >= 0 && w->max_hours_week < limit)
			limit = w->max_hours_week;
		contract = w->contract_hours >= 0 ? w->contract_hours * weeks :
		    -1;
		if (ov.over[ws[i]])
			status = "over week limit";
		else if (contract >= 0 && hours > contract + 1e-9)
			status = "over contract";
		TRY(pool_table_row(t, err));
		TRY(pool_table_text(t, w->id, err));
		if (c->o.detail) {
			TRY(pool_table_text(t, w->name, err));
			TRY(pool_table_text(t, w->org != NULL ? w->org : "(pool)",
			    err));
		}
		TRY(pool_table_num(t, (double)shifts, err));
		TRY(pool_table_num(t, hours, err));
		if (contract >= 0) {
			TRY(pool_table_num(t, contract, err));
			TRY(pool_table_num(t, hours - contract, err));
		} else {
			TRY(pool_table_empty(t, err));
			TRY(pool_table_empty(t, err));
		}
		TRY(pool_table_num(t, maxwk, err));
		TRY(pool_table_num(t, limit, err));
		TRY(pool_table_num(t, (double)nights, err));
		TRY(pool_table_text(t, status, err));
	}
	free(ww);
	free(ws);
	free(first);
	free(ov.over);
	return pool_report_add(rep, t, err);
fail:
	if (rc != NULL)
		pool_rules_free(rc);
	free(ww);
	free(ws);
	free(first);
	free(ov.over);
	pool_table_free(t);
	return -1;
}

/* First and last local day of an allocation period ("2026-W48" or a
 * date); -1 if it is neither. */
static int
alloc_days(const char *period, int64_t *a, int64_t *b)
{
	if (strlen(period) == 8 && period[5] == 'W') {
		if (pool_time_parse_iso_week(period, a, NULL) == -1)
			return -1;
		*b = *a + 6;
		return 0;
	}
	if (pool_time_parse_date(period, a, NULL) == -1)
		return -1;
	*b = *a;
	return 0;
}

static int
alloc_cmp(const void *x, const void *y)
{
	const struct pool_allocation *a = x, *b = y;
	int	 r;

	if ((r = strcmp(a->org, b->org)) != 0)
		return r;
	if ((r = strcmp0(a->role, b->role)) != 0)
		return r;
	return strcmp(a->period, b->period);
}

static int
sec_fairness(struct pool_reportctx *c, const struct fill *fl,
    struct pool_report *rep, struct pool_error *err)
{
	struct pool_data *d = &c->data;
	struct pool_table *t;
	struct pool_allocation *al = NULL;
	struct pool_keymap	 m = { NULL, 0, 0 };
	double		*recv = NULL;
	size_t		 n = 0, i, j, nrecv = 0;
	long		 idx;
	int		 added, hours_unit = c->o.conf != NULL &&
	    c->o.conf->allocation.unit_hours;
	double		 cum = 0;

	if ((t = pool_table_new("fairness", "fairness",
	    hours_unit ? "Fairness: entitled and received hours per organisation"
	    : "Fairness: entitled and received shifts per organisation",
	    "allocation", err)) == NULL)
		return -1;
	if ((al = calloc(d->allocations.n + 1, sizeof(*al))) == NULL) {
		nomem(err);
		goto fail;
	}
	/* The last record per org, role and period, of the periods that
	 * lie in the report's period. */
	for (i = 0; i < d->allocations.n; i++) {
		const struct pool_allocation *a = &d->allocations.v[i];
		int64_t	 p0, p1;

		if (alloc_days(a->period, &p0, &p1) == -1 ||
		    p1 < c->o.from || p0 > c->o.to)
			continue;
		idx = pool_keymap_get(&m, a->org, a->role, (int64_t)(uintptr_t)a->period,
		    (long)n, &added);
		if (idx < 0) {
			nomem(err);
			goto fail;
		}
		al[idx] = *a;
		if (added)
			n++;
	}
	if (n > 1)
		qsort(al, n, sizeof(*al), alloc_cmp);
	TRY(pool_table_col(t, "org", "org", POOL_CELL_TEXT, err));
	TRY(pool_table_col(t, "period", "period", POOL_CELL_TEXT, err));
	TRY(pool_table_col(t, "role", "role", POOL_CELL_TEXT, err));
	TRY(pool_table_col(t, "weight", "weight", POOL_CELL_HOURS, err));
	TRY(pool_table_col(t, "entitled", "entitled", POOL_CELL_HOURS, err));
	TRY(pool_table_col(t, "units", "received", POOL_CELL_HOURS, err));
	TRY(pool_table_col(t, "difference", "difference", POOL_CELL_HOURS,
	    err));
	TRY(pool_table_col(t, "cumulative", "cumulative", POOL_CELL_HOURS,
	    err));
	/* What each org received per day, per role and in all roles. */
	pool_keymap_release(&m);
	memset(&m, 0, sizeof(m));
	if ((recv = calloc(2 * d->shifts.n + 1, sizeof(*recv))) == NULL) {
		nomem(err);
		goto fail;
	}
	for (j = 0; j < d->shifts.n; j++) {
		const struct pool_shift *s = &d->shifts.v[j];
		const char *r2[2] = { s->role, NULL };
		int	 q;

		if (!fl->filled[j] || !fl->live[j])
			continue;
		for (q = 0; q < 2; q++) {
			idx = pool_keymap_get(&m, s->org, r2[q], fl->day[j], (long)nrecv,
			    &added);
			if (idx < 0) {
				nomem(err);
				goto fail;
			}
			if (added)
				recv[nrecv++] = 0;
			recv[idx] += hours_unit ? shift_hours(s) : 1;
		}
	}
	for (i = 0; i < n; i++) {
		const struct pool_allocation *a = &al[i];
		double	 got = 0, w, all = 0, in = 0, u, ent;
		int64_t	 p0, p1, q0, q1, day;

		if (i == 0 || a->org != al[i - 1].org ||
		    a->role != al[i - 1].role)
			cum = 0;
		(void)alloc_days(a->period, &p0, &p1);
		/* Entitlement and receipt over the same days: the days of
		 * the allocation period that lie in the report's period;
		 * the entitlement in the share of the period's shifts of
		 * the org (and role) that those days hold. */
		q0 = p0 > c->o.from ? p0 : c->o.from;
		q1 = p1 < c->o.to ? p1 : c->o.to;
		for (day = p0; day <= p1; day++) {
			/* strings of the kept data: interned in one table */
			if ((idx = pool_keymap_find(&c->daymap, a->org, a->role,
			    day)) < 0)
				continue;
			u = hours_unit ? c->dayu[idx].hours :
			    c->dayu[idx].shifts;
			all += u;
			if (day >= q0 && day <= q1)
				in += u;
		}
		ent = a->entitled;
		if (q0 > p0 || q1 < p1)
			ent *= all > 0 ? in / all :
			    (double)(q1 - q0 + 1) / (double)(p1 - p0 + 1);
		for (day = q0; day <= q1; day++)
			if ((idx = pool_keymap_find(&m, a->org, a->role, day)) >= 0)
				got += recv[idx];
		cum += got - ent;
		w = a->weight >= 0 ? a->weight : org_weight(c, a->org);
		TRY(pool_table_row(t, err));
		TRY(pool_table_text(t, a->org, err));
		TRY(pool_table_text(t, a->period, err));
		TRY(pool_table_text(t, a->role, err));
		if (w >= 0)
			TRY(pool_table_num(t, w, err));
		else
			TRY(pool_table_empty(t, err));
		TRY(pool_table_num(t, ent, err));
		TRY(pool_table_num(t, got, err));
		TRY(pool_table_num(t, got - ent, err));
		TRY(pool_table_num(t, cum, err));
	}
	free(al);
	free(recv);
	pool_keymap_release(&m);
	return pool_report_add(rep, t, err);
fail:
	free(al);
	free(recv);
	pool_keymap_release(&m);
	pool_table_free(t);
	return -1;
}

/* Settlement: hours and cost per (home org, org worked). */
struct pair {
	const char	*from, *to;	/* NULL from: the pool */
	long		 shifts, workers;
	double		 hours, cost, unpriced;
};

static int
pair_cmp(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;
	int	 r;

	if ((r = strcmp0(x->from, y->from)) != 0)
		return r;
	return strcmp0(x->to, y->to);
}

#define POOL_LABEL	"(pool)"

/* Hours without a rate, per worker and org worked at. */
struct unpriced {
	const struct pool_worker *w;
	const char	*to;
	long		 shifts;
	double		 hours;
};

static int
unpriced_cmp(const void *a, const void *b)
{
	const struct unpriced *x = a, *y = b;
	int	 r;

	if ((r = strcmp(x->w->id, y->w->id)) != 0)
		return r;
	return strcmp0(x->to, y->to);
}

/* The rows of the hours no rate prices: never left out in silence. */
static int
unpriced_table(struct unpriced *u, size_t n, struct pool_report *rep,
    struct pool_error *err)
{
	struct pool_table *t;
	size_t	 i;

	if (n == 0)
		return 0;
	if (n > 1)
		qsort(u, n, sizeof(*u), unpriced_cmp);
	if ((t = pool_table_new("settlement", "settlement-unpriced",
	    "Settlement: hours without a rate, not in the cost",
	    "report.settlement_unpriced", err)) == NULL)
		return -1;
	TRY(pool_table_col(t, "worker", "worker", POOL_CELL_TEXT, err));
	TRY(pool_table_col(t, "from", "worker of", POOL_CELL_TEXT, err));
	TRY(pool_table_col(t, "to", "worked at", POOL_CELL_TEXT, err));
	TRY(pool_table_col(t, "shifts", "shifts", POOL_CELL_INT, err));
	TRY(pool_table_col(t, "hours", "hours", POOL_CELL_HOURS, err));
	for (i = 0; i < n; i++) {
		TRY(pool_table_row(t, err));
		TRY(pool_table_text(t, u[i].w->id, err));
		TRY(pool_table_text(t, u[i].w->org ? u[i].w->org :
		    POOL_LABEL, err));
		TRY(pool_table_text(t, u[i].to, err));
		TRY(pool_table_num(t, (double)u[i].shifts, err));
		TRY(pool_table_num(t, u[i].hours, err));
	}
	TRY(pool_table_set_note(t, "a rate of the worker, of the home org "
	    "(record or pool.yaml) or, for the pool's own workers, "
	    "settlement: pool_rate in pool.yaml prices them", err));
	return pool_report_add(rep, t, err);
fail:
	pool_table_free(t);
	return -1;
}

static int
sec_settlement(struct pool_reportctx *c, const struct fill *fl,
    struct pool_report *rep, struct pool_error *err)
{
	struct pool_data *d = &c->data;
	struct pool_table *t = NULL, *net = NULL;
	struct pair	*p = NULL;
	struct pool_keymap	 m = { NULL, 0, 0 };
	uint64_t	*pw = NULL;
	unsigned char	*billed = NULL;
	struct pool_keymap	 wm = { NULL, 0, 0 };
	struct pool_keymap	 um = { NULL, 0, 0 };
	struct unpriced	*up = NULL;
	size_t		 n = 0, i, j, npw = 0, again = 0, nup = 0;
	long		 idx;
	int		 added;
	double		 unpriced = 0;
	char		 buf[256];

	p = calloc(d->assignments.n + 1, sizeof(*p));
	pw = calloc(d->assignments.n + 1, sizeof(*pw));
	billed = calloc(d->shifts.n + 1, 1);
	up = calloc(d->assignments.n + 1, sizeof(*up));
	if (p == NULL || pw == NULL || billed == NULL || up == NULL) {
		nomem(err);
		goto fail;
	}
	/* Hours actually worked, by shift and worker: the last record. */
	for (i = d->worked.n; i-- > 0;) {
		const struct pool_worked *wr = &d->worked.v[i];

		if (pool_keymap_get(&wm, wr->shift, wr->worker, 0, (long)i,
		    &added) < 0) {
			nomem(err);
			goto fail;
		}
	}
	for (i = 0; i < d->assignments.n; i++) {
		const struct pool_shift *s;
		const struct pool_worker *w;
		double	 rate, h;
		long	 wi;

		if (fl->asg[i] < 0 || fl->wk[i] < 0)
			continue;
		/* A shift is worked once: a second assignment of it (to
		 * the same or another worker) is not billed again. */
		if (billed[fl->asg[i]]) {
			again++;
			continue;
		}
		billed[fl->asg[i]] = 1;
		s = &d->shifts.v[fl->asg[i]];
		w = &d->workers.v[fl->wk[i]];
		if (w->org == s->org)
			continue;
		idx = pool_keymap_get(&m, w->org, s->org, 0, (long)n, &added);
		if (idx < 0) {
			nomem(err);
			goto fail;
		}
		if (added) {
			p[n].from = w->org;
			p[n].to = s->org;
			n++;
		}
		/* At cost: the hours worked where a worked record says
		 * them, else the planned hours. */
		wi = pool_keymap_find(&wm, d->assignments.v[i].shift,
		    d->assignments.v[i].worker, 0);
		h = wi >= 0 ? (double)(d->worked.v[wi].end -
		    d->worked.v[wi].start) / 3600.0 -
		    d->worked.v[wi].break_minutes / 60.0 : shift_hours(s);
		/* At cost: the worker's own rate, else the home org's;
		 * pool-employed workers the pool's rate. */
		rate = w->rate >= 0 ? w->rate :
		    w->org != NULL ? org_rate(c, w->org) :
		    c->o.conf != NULL ? c->o.conf->pool_rate : -1;
		p[idx].shifts++;
		p[idx].hours += h;
		if (rate >= 0)
			p[idx].cost += rate * h;
		else {
			long	 u;

			p[idx].unpriced += h;
			unpriced += h;
			u = pool_keymap_get(&um, w, s->org, 0, (long)nup, &added);
			if (u < 0) {
				nomem(err);
				goto fail;
			}
			if (added) {
				up[nup].w = w;
				up[nup].to = s->org;
				nup++;
			}
			up[u].shifts++;
			up[u].hours += h;
		}
		pw[npw++] = (uint64_t)idx << 32 | (uint64_t)fl->wk[i];
	}
	if (npw > 1)
		qsort(pw, npw, sizeof(*pw), u64_cmp);
	for (i = 0; i < npw; i++)
		if (i == 0 || pw[i] != pw[i - 1])
			p[pw[i] >> 32].workers++;
	if (n > 1)
		qsort(p, n, sizeof(*p), pair_cmp);
	if ((t = pool_table_new("settlement", "settlement",
	    "Settlement: hours worked for another organisation, at cost",
	    "report.settlement", err)) == NULL)
		goto fail;
	TRY(pool_table_col(t, "from", "worker of", POOL_CELL_TEXT, err));
	TRY(pool_table_col(t, "to", "worked at", POOL_CELL_TEXT, err));
	TRY(pool_table_col(t, "workers", "workers", POOL_CELL_INT, err));
	TRY(pool_table_col(t, "shifts", "shifts", POOL_CELL_INT, err));
	TRY(pool_table_col(t, "hours", "hours", POOL_CELL_HOURS, err));
	TRY(pool_table_col(t, "cost", "cost", POOL_CELL_MONEY, err));
	for (i = 0; i < n; i++) {
		TRY(pool_table_row(t, err));
		TRY(pool_table_text(t, p[i].from ? p[i].from : POOL_LABEL,
		    err));
		TRY(pool_table_text(t, p[i].to, err));
		TRY(pool_table_num(t, (double)p[i].workers, err));
		TRY(pool_table_num(t, (double)p[i].shifts, err));
		TRY(pool_table_num(t, p[i].hours, err));
		if (p[i].unpriced < p[i].hours)
			TRY(pool_table_num(t, p[i].cost, err));
		else
			TRY(pool_table_empty(t, err));
	}
	buf[0] = '\0';
	if (unpriced > 0)
		snprintf(buf, sizeof(buf), "%.1f hours without a rate "
		    "(worker, org record or pool.yaml) are not in the cost",
		    unpriced);
	if (again > 0)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
		    "%s%zu assignment%s of a shift booked before not billed "
		    "again (see --check)", buf[0] ? "; " : "", again,
		    again == 1 ? "" : "s");
	if (buf[0] != '\0')
		TRY(pool_table_set_note(t, buf, err));
	/* Net per pair of organisations: who owes whom. */
	if ((net = pool_table_new("settlement", "settlement-net",
	    "Settlement: net amount owed per pair", "report.settlement_net",
	    err)) == NULL)
		goto fail;
	TRY(pool_table_col(net, "debtor", "owes",
	    POOL_CELL_TEXT, err));
	TRY(pool_table_col(net, "creditor", "to", POOL_CELL_TEXT, err));
	TRY(pool_table_col(net, "amount", "net amount", POOL_CELL_MONEY, err));
	TRY(pool_table_col(net, "gross", "for its workers", POOL_CELL_MONEY,
	    err));
	TRY(pool_table_col(net, "offset", "less for theirs", POOL_CELL_MONEY,
	    err));
	for (i = 0; i < n; i++) {
		double	 back = 0;
		const char *a = p[i].from, *b = p[i].to;

		/* The receiving org b owes the lender a; the reverse pair
		 * (b's workers at a) is set off against it, once. */
		for (j = 0; j < n; j++)
			if (p[j].from == b && p[j].to == a)
				break;
		if (j < n) {
			if (strcmp0(a, b) > 0)
				continue;	/* done from the other side */
			back = p[j].cost;
		}
		if (p[i].cost - back == 0)
			continue;
		TRY(pool_table_row(net, err));
		if (p[i].cost >= back) {
			TRY(pool_table_text(net, b, err));
			TRY(pool_table_text(net, a ? a : POOL_LABEL, err));
			TRY(pool_table_num(net, p[i].cost - back, err));
			TRY(pool_table_num(net, p[i].cost, err));
			TRY(pool_table_num(net, back, err));
		} else {
			TRY(pool_table_text(net, a ? a : POOL_LABEL, err));
			TRY(pool_table_text(net, b, err));
			TRY(pool_table_num(net, back - p[i].cost, err));
			TRY(pool_table_num(net, back, err));
			TRY(pool_table_num(net, p[i].cost, err));
		}
	}
	c->unpriced = unpriced;
	free(p);
	free(pw);
	free(billed);
	pool_keymap_release(&wm);
	pool_keymap_release(&m);
	pool_keymap_release(&um);
	if (pool_report_add(rep, t, err) == -1) {
		pool_table_free(net);
		free(up);
		return -1;
	}
	t = NULL;
	if (unpriced_table(up, nup, rep, err) == -1) {
		pool_table_free(net);
		free(up);
		return -1;
	}
	free(up);
	return pool_report_add(rep, net, err);
fail:
	free(p);
	free(pw);
	free(billed);
	pool_keymap_release(&wm);
	pool_keymap_release(&m);
	pool_keymap_release(&um);
	free(up);
	pool_table_free(t);
	pool_table_free(net);
	return -1;
}

/* The outlook is built in report_outlook.c; the note on suppressed
 * cells is the one every section writes. */
static int
sec_outlook(struct pool_reportctx *c, struct pool_report *rep,
    struct pool_error *err)
{
	struct pool_outlook_in	 in;
	struct pool_table	*t;
	long			 nsupp = 0;

	period_days(c, &in.from, &in.to);
	/* The hash map holds indexes into hist: the outlook sorts hist. */
	pool_keymap_release(&c->histmap);
	in.o = &c->o;
	in.d = &c->data;
	in.hist = c->hist;
	in.nhist = c->nhist;
	if (pool_outlook_build(&in, rep, &t, &nsupp, err) == -1)
		return -1;
	return add_note_supp(c, t, nsupp, err);
}

/* Contacts: one due rule per org and level (pool.yaml, else the org
 * record's "contacts" array). */
struct due {
	const char	*org, *level, *with;
	int		 every;
};

static int
level_rank(const char *l)
{
	if (strcmp(l, "operational") == 0)
		return 0;
	if (strcmp(l, "tactical") == 0)
		return 1;
	if (strcmp(l, "strategic") == 0)
		return 2;
	return 3;
}

static int
due_cmp(const void *a, const void *b)
{
	const struct due *x = a, *y = b;
	int	 r;

	if ((r = strcmp(x->org, y->org)) != 0)
		return r;
	if ((r = level_rank(x->level) - level_rank(y->level)) != 0)
		return r;
	if ((r = strcmp(x->level, y->level)) != 0)
		return r;
	return strcmp0(x->with, y->with);
}

static int
sec_contacts(struct pool_reportctx *c, struct pool_report *rep,
    struct pool_error *err)
{
	struct pool_data *d = &c->data;
	const struct pool_config *conf = c->o.conf;
	struct pool_table *t;
	struct due	*du = NULL;
	size_t		 n = 0, cap = 0, i, j;
	int64_t		 pf, ref;
	char		 b1[11], b2[11];

	/* As of the period's last day; without one, the last day of the
	 * shifts or contacts read. */
	period_days(c, &pf, &ref);
	if (c->o.to != INT64_MAX)
		ref = c->o.to;
	else if (c->lastday == INT64_MIN)
		ref = INT64_MIN;
	for (i = 0; i < d->contacts.n; i++)
		if (c->o.to == INT64_MAX && d->contacts.v[i].date > ref)
			ref = d->contacts.v[i].date;
	if (conf != NULL)
		for (i = 0; i < conf->norgs; i++)
			cap += conf->orgs[i].ncontacts;
	for (i = 0; i < d->orgs.n; i++)
		if (json_is_array(d->orgs.v[i].contacts))
			cap += json_array_size(d->orgs.v[i].contacts);
	if ((du = calloc(cap + 1, sizeof(*du))) == NULL)
		return nomem(err);
	if (conf != NULL)
		for (i = 0; i < conf->norgs; i++)
			for (j = 0; j < conf->orgs[i].ncontacts; j++) {
				const struct pool_contact_rule *r =
				    &conf->orgs[i].contacts[j];

				if (r->level == NULL || r->every_days <= 0)
					continue;
				du[n].org = conf->orgs[i].id;
				du[n].level = r->level;
				du[n].with = r->name;
				du[n].every = r->every_days;
				n++;
			}
	for (i = 0; i < d->orgs.n; i++) {
		const struct pool_org *o = &d->orgs.v[i];
		json_t	*v;
		size_t	 k;

		if (!json_is_array(o->contacts) || (conf != NULL &&
		    pool_config_org(conf, o->id) != NULL &&
		    pool_config_org(conf, o->id)->ncontacts > 0))
			continue;
		json_array_foreach(o->contacts, k, v) {
			json_t	*l = json_object_get(v, "level");
			json_t	*e = json_object_get(v, "every_days");
			json_t	*nm = json_object_get(v, "name");

			if (!json_is_string(l) || !json_is_integer(e) ||
			    json_integer_value(e) <= 0 ||
			    json_integer_value(e) > 100000)
				continue;
			du[n].org = o->id;
			du[n].level = json_string_value(l);
			du[n].with = json_is_string(nm) ?
			    json_string_value(nm) : NULL;
			du[n].every = (int)json_integer_value(e);
			n++;
		}
	}
	if (n > 1)
		qsort(du, n, sizeof(*du), due_cmp);
	if ((t = pool_table_new("contacts", "contacts",
	    "Contact rhythm per organisation and level", "report.contacts",
	    err)) == NULL) {
		free(du);
		return -1;
	}
	TRY(pool_table_col(t, "org", "org", POOL_CELL_TEXT, err));
	TRY(pool_table_col(t, "level", "level", POOL_CELL_TEXT, err));
	TRY(pool_table_col(t, "with", "with", POOL_CELL_TEXT, err));
	TRY(pool_table_col(t, "every_days", "every days", POOL_CELL_INT, err));
	TRY(pool_table_col(t, "last", "last contact", POOL_CELL_TEXT, err));
	TRY(pool_table_col(t, "due", "due", POOL_CELL_TEXT, err));
	TRY(pool_table_col(t, "overdue_days", "days overdue", POOL_CELL_INT,
	    err));
	TRY(pool_table_col(t, "status", "status", POOL_CELL_TEXT, err));
	for (i = 0; i < n; i++) {
		int64_t	 last = INT64_MIN, due;

		for (j = 0; j < d->contacts.n; j++) {
			const struct pool_contact *ct = &d->contacts.v[j];

			/* A configured person is met only in person: a
			 * contact naming another of the same level does not
			 * count for them (one naming nobody does). */
			if (strcmp(ct->org, du[i].org) == 0 &&
			    strcmp(ct->level, du[i].level) == 0 &&
			    (du[i].with == NULL || ct->with == NULL ||
			    strcmp(ct->with, du[i].with) == 0) &&
			    ct->date <= ref && ct->date > last)
				last = ct->date;
		}
		TRY(pool_table_row(t, err));
		TRY(pool_table_text(t, du[i].org, err));
		TRY(pool_table_text(t, du[i].level, err));
		TRY(pool_table_text(t, du[i].with, err));
		TRY(pool_table_num(t, du[i].every, err));
		if (last == INT64_MIN) {
			TRY(pool_table_empty(t, err));
			TRY(pool_table_empty(t, err));
			TRY(pool_table_empty(t, err));
			TRY(pool_table_text(t, "never", err));
			continue;
		}
		due = last + du[i].every;
		TRY(pool_table_text(t, pool_time_format_date(last, b1), err));
		/* A due date after the year 9999 is left empty. */
		if (due > pool_time_days_from_civil(9999, 12, 31))
			TRY(pool_table_empty(t, err));
		else
			TRY(pool_table_text(t, pool_time_format_date(due, b2),
			    err));
		TRY(pool_table_num(t, due < ref ? (double)(ref - due) : 0,
		    err));
		TRY(pool_table_text(t, due < ref ? "overdue" : "ok", err));
	}
	if (ref != INT64_MIN && n > 0) {
		char	 note[64];

		snprintf(note, sizeof(note), "as of %s",
		    pool_time_format_date(ref, b1));
		TRY(pool_table_set_note(t, note, err));
	}
	free(du);
	return pool_report_add(rep, t, err);
fail:
	free(du);
	pool_table_free(t);
	return -1;
}

static int
sec_records(struct pool_reportctx *c, struct pool_report *rep,
    struct pool_error *err)
{
	struct pool_table *t;
	int	 i;

	if ((t = pool_table_new("records", "records", "Records read per type",
	    "report.records", err)) == NULL)
		return -1;
	TRY(pool_table_col(t, "record", "type", POOL_CELL_TEXT, err));
	TRY(pool_table_col(t, "count", "count", POOL_CELL_INT, err));
	for (i = 1; i < POOL_R_NTYPES; i++) {
		if (c->count[i] == 0)
			continue;
		TRY(pool_table_row(t, err));
		TRY(pool_table_text(t, pool_rtype_name((enum pool_rtype)i),
		    err));
		TRY(pool_table_num(t, (double)c->count[i], err));
	}
	if (c->count[POOL_R_UNKNOWN] > 0) {
		TRY(pool_table_row(t, err));
		TRY(pool_table_text(t, "(other)", err));
		TRY(pool_table_num(t, (double)c->count[POOL_R_UNKNOWN], err));
	}
	return pool_report_add(rep, t, err);
fail:
	pool_table_free(t);
	return -1;
}

static int
ev_cmp(const void *a, const void *b)
{
	const struct pool_event *x = a, *y = b;
	int	 r;

	if ((r = strcmp(x->worker, y->worker)) != 0)
		return r;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return strcmp(x->shift, y->shift);
}

static int
make_events(struct pool_reportctx *c, const struct fill *fl,
    struct pool_error *err)
{
	struct pool_data *d = &c->data;
	size_t	 i;

	free(c->ev);
	c->nev = 0;
	if ((c->ev = calloc(d->assignments.n + 1, sizeof(*c->ev))) == NULL)
		return nomem(err);
	for (i = 0; i < d->assignments.n; i++) {
		const struct pool_assignment *a = &d->assignments.v[i];
		const struct pool_shift *s;
		struct pool_event *e;

		if (fl->asg[i] < 0)
			continue;
		s = &d->shifts.v[fl->asg[i]];
		e = &c->ev[c->nev++];
		e->worker = a->worker;
		e->shift = s->id;
		e->org = s->org;
		e->role = s->role;
		e->unit = s->unit;
		e->note = s->note;
		e->start = s->start;
		e->end = s->end;
		e->confirmed = a->status == POOL_CONFIRMED;
	}
	if (c->nev > 1)
		qsort(c->ev, c->nev, sizeof(*c->ev), ev_cmp);
	return 0;
}

const struct pool_event *
pool_report_events(struct pool_reportctx *c, size_t *n)
{
	*n = c->nev;
	return c->ev;
}

double
pool_report_unpriced(const struct pool_reportctx *c)
{
	return c->unpriced;
}

int
pool_report_finish(struct pool_reportctx *c, struct pool_report *rep,
    struct pool_error *err)
{
	struct pool_data *d = &c->data;
	struct fill	 fl = { NULL, NULL, NULL, NULL, NULL };
	unsigned	 s = c->o.sections;
	size_t		 i;
	int		 rc = -1;
	char		 b1[11], b2[11], buf[64];

	if (pool_data_index(d, err) == -1)
		return -1;
	c->indexed = 1;
	fl.day = calloc(d->shifts.n + 1, sizeof(int64_t));
	fl.live = calloc(d->shifts.n + 1, 1);
	fl.filled = calloc(d->shifts.n + 1, 1);
	fl.asg = calloc(d->assignments.n + 1, sizeof(long));
	fl.wk = calloc(d->assignments.n + 1, sizeof(long));
	if (fl.day == NULL || fl.live == NULL || fl.filled == NULL ||
	    fl.asg == NULL || fl.wk == NULL) {
		nomem(err);
		goto out;
	}
	for (i = 0; i < d->shifts.n; i++) {
		fl.day[i] = sday(c, &d->shifts.v[i]);
		fl.live[i] = fl.day[i] >= c->o.from && fl.day[i] <= c->o.to &&
		    pool_data_shift(d, d->shifts.v[i].id) == (long)i;
	}
	/* Each assignment of a shift of the period (the last record of a
	 * shift id wins, as in the index); a shift is filled once. */
	for (i = 0; i < d->assignments.n; i++) {
		const struct pool_assignment *a = &d->assignments.v[i];
		long	 si = pool_data_shift(d, a->shift), j;

		fl.asg[i] = -1;
		fl.wk[i] = pool_data_worker(d, a->worker);
		if (si < 0 || !fl.live[si])
			continue;
		/* The same worker on the same shift twice counts once. */
		for (j = (long)i - 1; j >= 0 && j >= (long)i - 8; j--)
			if (fl.asg[j] == si &&
			    d->assignments.v[j].worker == a->worker)
				break;
		if (j >= 0 && j >= (long)i - 8)
			continue;
		fl.asg[i] = si;
		fl.filled[si] = 1;
	}
	if (c->o.period != NULL && (rep->period = strdup(c->o.period)) == NULL)
		goto oom;
	if (rep->period == NULL && (c->o.from != INT64_MIN ||
	    c->o.to != INT64_MAX)) {
		snprintf(buf, sizeof(buf), "%s to %s",
		    c->o.from != INT64_MIN ? pool_time_format_date(c->o.from,
		    b1) : "start", c->o.to != INT64_MAX ?
		    pool_time_format_date(c->o.to, b2) : "end");
		if ((rep->period = strdup(buf)) == NULL)
			goto oom;
	}
	if (c->o.conf != NULL && c->o.conf->pool != NULL &&
	    (rep->pool = strdup(c->o.conf->pool)) == NULL)
		goto oom;
	if ((s & 1u << POOL_SEC_SUMMARY) && sec_summary(c, &fl, rep, err) == -1)
		goto out;
	if ((s & 1u << POOL_SEC_ORGS) &&
	    sec_groups(c, &fl, G_ORG, rep, err) == -1)
		goto out;
	if ((s & 1u << POOL_SEC_ROLES) &&
	    sec_groups(c, &fl, G_ROLE, rep, err) == -1)
		goto out;
	if ((s & 1u << POOL_SEC_UNITS) &&
	    sec_groups(c, &fl, G_UNIT, rep, err) == -1)
		goto out;
	if ((s & 1u << POOL_SEC_TYPES) && sec_types(c, &fl, rep, err) == -1)
		goto out;
	if ((s & 1u << POOL_SEC_DAYS) &&
	    sec_groups(c, &fl, G_DAY, rep, err) == -1)
		goto out;
	if ((s & 1u << POOL_SEC_UNFILLED) &&
	    sec_unfilled(c, &fl, rep, err) == -1)
		goto out;
	if ((s & 1u << POOL_SEC_WORKERS) &&
	    sec_workers(c, &fl, rep, err) == -1)
		goto out;
	if ((s & 1u << POOL_SEC_FAIRNESS) &&
	    sec_fairness(c, &fl, rep, err) == -1)
		goto out;
	if ((s & 1u << POOL_SEC_SETTLEMENT) &&
	    sec_settlement(c, &fl, rep, err) == -1)
		goto out;
	if ((s & 1u << POOL_SEC_OUTLOOK) && sec_outlook(c, rep, err) == -1)
		goto out;
	if ((s & 1u << POOL_SEC_CONTACTS) && sec_contacts(c, rep, err) == -1)
		goto out;
	if ((s & 1u << POOL_SEC_RECORDS) && sec_records(c, rep, err) == -1)
		goto out;
	if (c->o.events && make_events(c, &fl, err) == -1)
		goto out;
	rc = 0;
	goto out;
oom:
	nomem(err);
out:
	free(fl.day);
	free(fl.live);
	free(fl.filled);
	free(fl.asg);
	free(fl.wk);
	return rc;
}
