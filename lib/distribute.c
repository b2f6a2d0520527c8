/*
 * pool-distribute's engine: keeps the input lines, reads the records it
 * needs, computes allocations (units mode or pool mode) and writes the
 * records and the explanation.  See pool_distribute.h and
 * pool-distribute(1).
 *
 * Supply (pool mode) is a maximum flow per period over all its roles:
 * source -> slots (the open shifts alike for every worker, with their
 * count) -> per supply unit (one worker, or a class of workers alike
 * and without facts of their own) the overlap components of its
 * eligible slots per ATW week -> the unit's week node, capped by the
 * weekly maximum (personal and legal, less confirmed hours) -> sink.
 * A worker is linked to a slot only if the worker holds the role or a
 * role that covers it, has every required skill, is valid on the day,
 * is available for the whole shift (when the worker has availability
 * records), is not absent during it, has no confirmed assignment that
 * overlaps it, fits the shift's tags when dedicated, and is allowed
 * nights (night_exempt, nights never/only).  Within a component
 * (shifts chained by the shortened daily rest, rules.rest_daily_short)
 * one worker takes at most its largest set of pairwise apart shifts.
 * The roles join the flow in turn, those covering most roles first;
 * each role's supply is the flow it adds.  Other working-time limits
 * (the full daily rest, rest after nights, averages) and travel are not
 * modelled, so the bound of a role can be too high, never too low.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "pool.h"
#include "pool_apportion.h"
#include "pool_config.h"
#include "pool_distribute.h"
#include "pool_int.h"
#include "pool_record.h"
#include "pool_strtab.h"
#include "pool_time.h"

/* One kept input line. */
struct line {
	size_t		 off, len;
	const char	*alloc_period;	/* interned; NULL if not allocation */
};

/* An org record's weight and where it was read. */
struct orgrec {
	const char	*id;		/* interned */
	double		 weight;	/* POOL_NONE if absent */
	const char	*source;	/* interned */
	unsigned long	 line;
};

/* One organisation in one apportionment. */
struct row {
	const char	*org;
	uint64_t	 weight;
	int		 has_weight;
	uint64_t	 demand;	/* shifts or minutes */
	uint64_t	 carry;		/* repaid first */
	uint64_t	 entitled;
	int		 tie;
	char		 quota[100];	/* exact, in the output unit */
	double		 quota_approx;
};

/* One apportionment: a (period, role) group, or the --units division. */
struct group {
	const char	*period;	/* interned */
	const char	*role;		/* interned; NULL in units mode */
	int		 scarce;
	uint64_t	 supply, demand;
	struct row	*rows;
	size_t		 nrows;
};

/*
 * A supply unit: one worker with facts of their own (availability,
 * absence, confirmed shifts), or a class of count workers alike in all
 * that the supply looks at and with no such facts.
 */
struct wfacts;
struct sunit {
	long		 w;		/* a worker of the unit */
	uint64_t	 count;
	struct wfacts	*f;		/* NULL for a class */
};

struct pool_dist {
	const struct pool_config	*conf;
	struct pool_distribute_opts	 opts;
	enum pool_alloc_method		 method;
	int				 hours;		/* unit hour */
	struct pool_tz			*tz;
	struct pool_data		 data;
	char				*buf;
	size_t				 buflen, bufcap;
	struct line			*lines;
	size_t				 nlines, linecap;
	struct orgrec			*orgrecs;
	size_t				 norgrecs, orgreccap;
	struct group			*groups;
	size_t				 ngroups;
	size_t				 bad_orgs;	/* org records refused */
	struct pool_ptrmap		 rec_any;	/* org id -> last org record */
	struct pool_ptrmap		 rec_w;		/* ... with a weight */
	int				 ran;		/* run succeeded */
	struct sunit			*units;		/* supply units */
	size_t				 nunits;
	int64_t				 legal_week;	/* minutes; -1 = none */
	void				(*progress)(void *, const char *,
					    size_t, size_t);
	void				*progress_arg;
};

static int	period_kind(const char *);

void
pool_distribute_opts_init(struct pool_distribute_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->method = -1;
	o->weights = POOL_WEIGHTS_BOTH;
}

struct pool_dist *
pool_dist_new(const struct pool_config *conf,
    const struct pool_distribute_opts *opts, struct pool_error *err)
{
	struct pool_dist	*d;

	if ((d = calloc(1, sizeof(*d))) == NULL) {
		pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
		return NULL;
	}
	d->conf = conf;
	d->opts = *opts;
	d->method = opts->method >= 0 ? (enum pool_alloc_method)opts->method :
	    conf->allocation.method;
	d->hours = conf->allocation.unit_hours;
	if (pool_data_init(&d->data, err) != 0) {
		free(d);
		return NULL;
	}
	if (!opts->units_mode && opts->period != NULL &&
	    period_kind(opts->period) != (conf->allocation.period_day ? 2 : 1)) {
		pool_error_set(err, POOL_ECONFIG, NULL, "--period: '%.40s' is "
		    "not a %s, as allocation.period is", opts->period,
		    conf->allocation.period_day ? "date (2026-11-23)" :
		    "week (2026-W48)");
		pool_dist_free(d);
		return NULL;
	}
	if (!opts->units_mode) {
		d->tz = pool_tz_load(conf->timezone, NULL, err);
		if (d->tz == NULL) {
			pool_dist_free(d);
			return NULL;
		}
	}
	return d;
}

static void
groups_free(struct pool_dist *d)
{
	size_t	i;

	for (i = 0; i < d->ngroups; i++)
		free(d->groups[i].rows);
	free(d->groups);
	d->groups = NULL;
	d->ngroups = 0;
}

void
pool_dist_free(struct pool_dist *d)
{
	if (d == NULL)
		return;
	groups_free(d);
	pool_ptrmap_release(&d->rec_any);
	pool_ptrmap_release(&d->rec_w);
	pool_data_release(&d->data);
	if (d->tz != NULL)
		pool_tz_free(d->tz);
	free(d->buf);
	free(d->lines);
	free(d->orgrecs);
	free(d);
}

int
pool_dist_add(struct pool_dist *d, const char *text, size_t len,
    const char *source, unsigned long lineno, struct pool_error *err)
{
	struct pool_record	 r;
	struct line		*l;
	const char		*src;

	GROW(d->lines, d->nlines, d->linecap);
	while (d->buflen + len + 1 > d->bufcap) {
		size_t nc = d->bufcap ? d->bufcap * 2 : 65536;
		char *p = realloc(d->buf, nc);

		if (p == NULL)
			goto nomem;
		d->buf = p;
		d->bufcap = nc;
	}
	l = &d->lines[d->nlines++];
	l->off = d->buflen;
	l->len = len;
	l->alloc_period = NULL;
	memcpy(d->buf + d->buflen, text, len);
	d->buflen += len;
	d->buf[d->buflen++] = '\n';

	if (pool_record_parse(&d->data, text, len, &r, err) != 0) {
		pool_error_locate(err, source, lineno);
		/* A valid org record with a bad field; a line that is not
		 * a record at all is just broken, whatever it contains. */
		if (r.type == POOL_R_ORG)
			d->bad_orgs++;
		return -1;
	}
	if (r.type == POOL_R_ALLOCATION)
		l->alloc_period = r.u.allocation.period;
	if (r.type == POOL_R_ORG) {
		if ((src = pool_data_intern(&d->data, source,
		    strlen(source))) == NULL) {
			pool_record_release(&r);
			goto nomem;
		}
		GROW(d->orgrecs, d->norgrecs, d->orgreccap);
		d->orgrecs[d->norgrecs].id = r.u.org.id;
		d->orgrecs[d->norgrecs].weight = r.u.org.weight;
		d->orgrecs[d->norgrecs].source = src;
		d->orgrecs[d->norgrecs].line = lineno;
		d->norgrecs++;
	}
	if (pool_data_add(&d->data, &r, err) != 0)
		return -1;
	return 0;
nomem:
	return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
}

/*
 * The weight of an org: 0 found, 1 missing (err filled), -1 bad (err
 * filled).  The last org record with a weight wins over pool.yaml.
 */
static int
weight_of(struct pool_dist *d, const char *org, uint64_t *w,
    struct pool_error *err)
{
	const struct pool_org_conf	*oc = NULL;
	const struct orgrec		*rec = NULL, *any = NULL;
	struct pool_error		 tmp;
	const char			*id;
	long				 i;

	if (err == NULL)
		err = &tmp;

	if (d->opts.weights != POOL_WEIGHTS_CONFIG &&
	    (id = pool_strtab_lookup(d->data.strtab, org)) != NULL) {
		if ((i = pool_ptrmap_get(&d->rec_any, id)) >= 0)
			any = &d->orgrecs[i];
		if ((i = pool_ptrmap_get(&d->rec_w, id)) >= 0)
			rec = &d->orgrecs[i];
	}
	if (d->opts.weights != POOL_WEIGHTS_RECORDS)
		oc = pool_config_org(d->conf, org);
	if (rec != NULL) {
		if (pool_weight_from_double(rec->weight, w, err) == 0)
			return 0;
		pool_error_locate(err, rec->source, rec->line);
		snprintf(err->context, sizeof(err->context), "org '%.60s'", org);
		return -1;
	}
	if (oc != NULL && oc->weight >= 0) {
		if (pool_weight_from_double(oc->weight, w, err) == 0)
			return 0;
		err->code = POOL_ECONFIG;
		pool_error_locate(err, d->conf->source, 0);
		snprintf(err->context, sizeof(err->context),
		    "organisation '%.60s'", org);
		return -1;
	}
	if (oc != NULL) {
		pool_error_set(err, POOL_ECONFIG, "weight", "missing");
		pool_error_locate(err, d->conf->source, 0);
		snprintf(err->context, sizeof(err->context),
		    "organisation '%.60s'", org);
	} else if (any != NULL) {
		pool_error_set(err, POOL_EFIELD, "weight", "missing");
		pool_error_locate(err, any->source, any->line);
		snprintf(err->context, sizeof(err->context), "org '%.60s'", org);
	} else {
		pool_error_set(err, POOL_EFIELD, "weight",
		    "missing: give it in %s or in an org record",
		    d->opts.weights == POOL_WEIGHTS_RECORDS ? "an org record"
		    : "pool.yaml");
		snprintf(err->context, sizeof(err->context), "org '%.60s'", org);
		if (d->opts.weights == POOL_WEIGHTS_RECORDS)
			snprintf(err->text, sizeof(err->text),
			    "missing: no org record gives it");
	}
	return 1;
}

/* Quotas in the output unit: minutes become hours. */
static void
row_quota(struct pool_dist *d, struct row *r, const char *q, double approx)
{
	unsigned __int128	num = 0, den = 1, g, a, b;
	const char		*p;
	char			 sa[48], sb[48];
	size_t			 i;

	if (!d->hours) {
		snprintf(r->quota, sizeof(r->quota), "%s", q);
		r->quota_approx = approx;
		return;
	}
	for (p = q; *p >= '0' && *p <= '9'; p++)
		num = num * 10 + (unsigned)(*p - '0');
	if (*p == '/')
		for (den = 0, p++; *p >= '0' && *p <= '9'; p++)
			den = den * 10 + (unsigned)(*p - '0');
	den *= 60;
	for (a = num, b = den; b != 0; ) {
		g = a % b;
		a = b;
		b = g;
	}
	if (a > 1) {
		num /= a;
		den /= a;
	}
	i = sizeof(sa) - 1;
	sa[i] = '\0';
	do {
		sa[--i] = (char)('0' + (int)(num % 10));
		num /= 10;
	} while (num != 0);
	memmove(sa, sa + i, sizeof(sa) - i);
	i = sizeof(sb) - 1;
	sb[i] = '\0';
	do {
		sb[--i] = (char)('0' + (int)(den % 10));
		den /= 10;
	} while (den != 0);
	memmove(sb, sb + i, sizeof(sb) - i);
	if (strcmp(sb, "1") == 0 || strcmp(sa, "0") == 0)
		snprintf(r->quota, sizeof(r->quota), "%s", sa);
	else
		snprintf(r->quota, sizeof(r->quota), "%s/%s", sa, sb);
	r->quota_approx = approx / 60;
}

static int
row_cmp(const void *a, const void *b)
{
	return strcmp(((const struct row *)a)->org,
	    ((const struct row *)b)->org);
}

/*
 * Divide units among the rows by the key, each bounded by its demand
 * minus its carry (0 = unbounded in units mode: bounded = 0).  Fills
 * entitled (carry + share), quota and tie.
 */
static int
apportion_rows(struct pool_dist *d, struct row *rows, size_t n,
    uint64_t units, int bounded, struct pool_error *err)
{
	struct pool_apportion_item	*it;
	size_t				 i;

	if ((it = calloc(n ? n : 1, sizeof(*it))) == NULL)
		return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
	for (i = 0; i < n; i++) {
		it[i].id = rows[i].org;
		it[i].weight = rows[i].weight;
		it[i].upper = bounded ? rows[i].demand - rows[i].carry :
		    POOL_APPORTION_NOLIMIT;
	}
	if (pool_apportion(d->method, it, n, units, err) != 0) {
		free(it);
		return -1;
	}
	for (i = 0; i < n; i++) {
		rows[i].entitled = rows[i].carry + it[i].units;
		rows[i].tie = it[i].tie;
		row_quota(d, &rows[i], it[i].quota, it[i].quota_approx);
	}
	free(it);
	return 0;
}

/* --units: one group over every organisation known. */
static int
run_units(struct pool_dist *d, struct pool_error *err)
{
	struct group		*g;
	struct row		*rows = NULL;
	struct pool_ptrmap	 seen;
	size_t			 n = 0, cap = 0, i;
	const char		*id, *period;
	int			 rc;

	memset(&seen, 0, sizeof(seen));
	if (d->opts.weights != POOL_WEIGHTS_RECORDS)
		for (i = 0; i < d->conf->norgs; i++) {
			GROW(rows, n, cap);
			memset(&rows[n], 0, sizeof(rows[n]));
			rows[n++].org = pool_data_intern(&d->data,
			    d->conf->orgs[i].id, strlen(d->conf->orgs[i].id));
		}
	for (i = 0; i < n; i++)
		if (rows[i].org == NULL ||
		    pool_ptrmap_put(&seen, rows[i].org, (long)i) != 0)
			goto nomem;
	if (d->opts.weights != POOL_WEIGHTS_CONFIG)
		for (i = 0; i < d->norgrecs; i++) {
			id = d->orgrecs[i].id;
			if (pool_ptrmap_get(&seen, id) >= 0)
				continue;
			GROW(rows, n, cap);
			memset(&rows[n], 0, sizeof(rows[n]));
			rows[n++].org = id;
			if (pool_ptrmap_put(&seen, id, (long)n - 1) != 0)
				goto nomem;
		}
	pool_ptrmap_release(&seen);
	for (i = 0; i < n; i++) {
		if (rows[i].org == NULL)
			goto nomem;
		if (weight_of(d, rows[i].org, &rows[i].weight, err) != 0) {
			free(rows);
			return -1;
		}
		rows[i].has_weight = 1;
	}
	if (n == 0 && d->opts.units > 0) {
		free(rows);
		return pool_error_set(err, POOL_ECONFIG, NULL,
		    "no organisations: give them in pool.yaml or as org "
		    "records");
	}
	if (n > 1)
		qsort(rows, n, sizeof(*rows), row_cmp);
	rc = apportion_rows(d, rows, n, d->opts.units, 0, err);
	if (rc != 0) {
		free(rows);
		return -1;
	}
	period = d->opts.period ? d->opts.period : "all";
	if ((d->groups = calloc(1, sizeof(*d->groups))) == NULL)
		goto nomem;
	g = &d->groups[0];
	d->ngroups = 1;
	g->period = pool_data_intern(&d->data, period, strlen(period));
	g->role = NULL;
	g->scarce = 1;
	g->supply = d->opts.units;
	g->rows = rows;
	g->nrows = n;
	if (g->period == NULL)
		return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
	return 0;
nomem:
	pool_ptrmap_release(&seen);
	free(rows);
	return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
}

/* ---- pool mode ---- */

struct ivl {
	int64_t	s, e;
};

struct ivlist {
	struct ivl	*v;
	size_t		 n, cap;
};

static int
ivl_push(struct ivlist *l, int64_t s, int64_t e)
{
	if (l->n == l->cap) {
		size_t nc = l->cap ? l->cap * 2 : 4;
		struct ivl *p = realloc(l->v, nc * sizeof(*p));

		if (p == NULL)
			return -1;
		l->v = p;
		l->cap = nc;
	}
	l->v[l->n].s = s;
	l->v[l->n].e = e;
	l->n++;
	return 0;
}

static int
ivl_cmp(const void *a, const void *b)
{
	const struct ivl *x = a, *y = b;

	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	return x->e < y->e ? -1 : x->e > y->e;
}

/* Sort and merge touching or overlapping intervals. */
static void
ivl_merge(struct ivlist *l)
{
	size_t	i, k = 0;

	if (l->n == 0)
		return;
	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), ivl_cmp);
	for (i = 1; i < l->n; i++) {
		if (l->v[i].s <= l->v[k].e) {
			if (l->v[i].e > l->v[k].e)
				l->v[k].e = l->v[i].e;
		} else
			l->v[++k] = l->v[i];
	}
	l->n = k + 1;
}

static int
ivl_overlaps(const struct ivlist *l, int64_t s, int64_t e)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		if (l->v[i].s < e && s < l->v[i].e)
			return 1;
	return 0;
}

/* Confirmed paid minutes of a worker in one ATW week. */
struct wmin {
	int64_t	week, min;
};

/* Per-worker facts for eligibility. */
struct wfacts {
	struct ivlist	 avail, absent, busy;
	struct wmin	*bw;
	size_t		 nbw;
	int		 has_avail;
};

/* Dinic's maximum flow on a small graph. */
struct fedge {
	int	to, next;
	int64_t	cap;
};

struct flow {
	int		 n;
	int		*head, *level, *it, *queue;
	struct fedge	*e;
	size_t		 ne, cap;
};

static int
flow_init(struct flow *f, int n)
{
	memset(f, 0, sizeof(*f));
	f->n = n;
	f->head = malloc((size_t)n * sizeof(int));
	f->level = malloc((size_t)n * sizeof(int));
	f->it = malloc((size_t)n * sizeof(int));
	f->queue = malloc((size_t)n * sizeof(int));
	if (f->head == NULL || f->level == NULL || f->it == NULL ||
	    f->queue == NULL)
		return -1;
	memset(f->head, 0xff, (size_t)n * sizeof(int));
	return 0;
}

static void
flow_release(struct flow *f)
{
	free(f->head);
	free(f->level);
	free(f->it);
	free(f->queue);
	free(f->e);
}

static int
flow_edge1(struct flow *f, int a, int b, int64_t cap)
{
	if (f->ne == f->cap) {
		size_t nc = f->cap ? f->cap * 2 : 256;
		struct fedge *p = realloc(f->e, nc * sizeof(*p));

		if (p == NULL)
			return -1;
		f->e = p;
		f->cap = nc;
	}
	f->e[f->ne].to = b;
	f->e[f->ne].cap = cap;
	f->e[f->ne].next = f->head[a];
	f->head[a] = (int)f->ne++;
	return 0;
}

static int
flow_edge(struct flow *f, int a, int b, int64_t cap)
{
	if (flow_edge1(f, a, b, cap) != 0 || flow_edge1(f, b, a, 0) != 0)
		return -1;
	return 0;
}

static int
flow_bfs(struct flow *f, int s, int t)
{
	int	qh = 0, qt = 0, u, k;

	memset(f->level, 0xff, (size_t)f->n * sizeof(int));
	f->level[s] = 0;
	f->queue[qt++] = s;
	while (qh < qt) {
		u = f->queue[qh++];
		for (k = f->head[u]; k >= 0; k = f->e[k].next)
			if (f->e[k].cap > 0 && f->level[f->e[k].to] < 0) {
				f->level[f->e[k].to] = f->level[u] + 1;
				f->queue[qt++] = f->e[k].to;
			}
	}
	return f->level[t] >= 0;
}

static int64_t
flow_dfs(struct flow *f, int u, int t, int64_t pushed)
{
	int64_t	got;

	if (u == t)
		return pushed;
	for (; f->it[u] >= 0; f->it[u] = f->e[f->it[u]].next) {
		struct fedge *e = &f->e[f->it[u]];

		if (e->cap <= 0 || f->level[e->to] != f->level[u] + 1)
			continue;
		got = flow_dfs(f, e->to, t, pushed < e->cap ? pushed : e->cap);
		if (got > 0) {
			e->cap -= got;
			f->e[f->it[u] ^ 1].cap += got;
			return got;
		}
	}
	return 0;
}

static int64_t
flow_max(struct flow *f, int s, int t)
{
	int64_t	total = 0, got;

	while (flow_bfs(f, s, t)) {
		memcpy(f->it, f->head, (size_t)f->n * sizeof(int));
		while ((got = flow_dfs(f, s, t, INT64_MAX)) > 0)
			total += got;
	}
	return total;
}

/* Units of a shift: 1, or its paid minutes. */
static uint64_t
shift_units(const struct pool_dist *d, const struct pool_shift *s)
{
	int64_t	m;

	if (!d->hours)
		return 1;
	m = (s->end - s->start) / 60 - s->break_minutes;
	return m > 0 ? (uint64_t)m : 0;
}

/* Paid minutes of a shift: what counts towards the weekly limits. */
static int64_t
shift_work(const struct pool_shift *s)
{
	int64_t	m = (s->end - s->start) / 60 - s->break_minutes;

	return m > 0 ? m : 0;
}

struct wshift {
	int64_t		s, e;
	uint64_t	val;
};

static int
wshift_cmp(const void *a, const void *b)
{
	const struct wshift *x = a, *y = b;

	if (x->e != y->e)
		return x->e < y->e ? -1 : 1;
	return x->s < y->s ? -1 : x->s > y->s;
}

/* Most units of pairwise non-overlapping shifts (weighted intervals). */
static uint64_t
max_disjoint(struct wshift *v, size_t n, uint64_t *dp)
{
	size_t	i, lo, hi;

	if (n == 0)
		return 0;
	if (n > 1)
		qsort(v, n, sizeof(*v), wshift_cmp);
	for (i = 0; i < n; i++) {
		uint64_t take = v[i].val, skip = i ? dp[i - 1] : 0;

		/* the last shift ending at or before v[i].s */
		lo = 0;
		hi = i;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;

			if (v[mid].e <= v[i].s)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo > 0)
			take += dp[lo - 1];
		dp[i] = take > skip ? take : skip;
	}
	return dp[n - 1];
}

/*
 * May the worker of facts f take shift s (night: a night shift, day:
 * its local start day)?  The worker's own hard rules (pool_rules_fit),
 * then its absences and the shifts it holds.
 */
static int
eligible(const struct pool_worker *w, const struct wfacts *f,
    const struct pool_shift *s, int night, int64_t day)
{
	if (pool_rules_fit(w, s, day, night) != NULL)
		return 0;
	if (f != NULL && (ivl_overlaps(&f->absent, s->start, s->end) ||
	    ivl_overlaps(&f->busy, s->start, s->end)))
		return 0;
	return 1;
}

/*
 * A slot: the open shifts of a group that are alike for every worker
 * (same start, end, paid minutes, skills and tags), counted together.
 */
struct slot {
	long		 rep;		/* one of them: index in data.shifts */
	size_t		 rep_k;		/* its position in the sorted list */
	int64_t		 s, e;
	int64_t		 day, week;	/* local day; ATW week of the start */
	int64_t		 work;		/* paid minutes of one */
	uint64_t	 count;
	uint64_t	 val;		/* units of one */
	int		 night;
	size_t		 role;		/* index of its group in the period */
};

/* One slot open to a supply unit, extended by the rest after it. */
struct pair {
	size_t		 slot;
	size_t		 comp;
	int64_t		 s, e;
	int64_t		 week;
	int64_t		 work;
	uint64_t	 val;		/* units of one shift */
	uint64_t	 count;		/* workers of the unit */
};

/*
 * The most paid minutes a worker of unit u may work in ATW week wk
 * (the personal weekly maximum and the legal week maximum, less the
 * confirmed hours already held that week), or -1 if nothing caps it.
 */
static int64_t
week_cap(const struct pool_dist *d, const struct sunit *u, int64_t wk)
{
	const struct pool_worker	*w = &d->data.workers.v[u->w];
	int64_t				 cap = d->legal_week, busy = 0;
	size_t				 i;

	if (w->max_hours_week >= 0 && (cap < 0 ||
	    (int64_t)(w->max_hours_week * 60) < cap))
		cap = (int64_t)(w->max_hours_week * 60);
	if (cap < 0)
		return -1;
	if (u->f != NULL)
		for (i = 0; i < u->f->nbw; i++)
			if (u->f->bw[i].week == wk)
				busy += u->f->bw[i].min;
	return cap > busy ? cap - busy : 0;
}

static int
work_cmp(const void *a, const void *b)
{
	int64_t	x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* Scratch space of supply_of, grown as needed and kept between groups. */
struct scratch {
	struct pair	*pairs;
	size_t		 np, pcap;
	uint64_t	*comp_cap;
	size_t		*comp_seg;
	size_t		 ncomp, ccap;
	uint64_t	*seg_cap;
	size_t		 nseg, scap;
	struct wshift	*ws;
	uint64_t	*dp;
	int64_t		*wk;
	size_t		 wcap;
};

static void
scratch_free(struct scratch *x)
{
	free(x->pairs);
	free(x->comp_cap);
	free(x->comp_seg);
	free(x->seg_cap);
	free(x->ws);
	free(x->dp);
	free(x->wk);
}

/* Room for n entries in the per-unit arrays. */
static int
scratch_room(struct scratch *x, size_t n)
{
	struct wshift	*ws;
	uint64_t	*dp;
	int64_t		*wk;

	if (n <= x->wcap)
		return 0;
	if ((ws = realloc(x->ws, n * sizeof(*ws))) == NULL)
		return -1;
	x->ws = ws;
	if ((dp = realloc(x->dp, n * sizeof(*dp))) == NULL)
		return -1;
	x->dp = dp;
	if ((wk = realloc(x->wk, n * sizeof(*wk))) == NULL)
		return -1;
	x->wk = wk;
	x->wcap = n;
	return 0;
}

/*
 * The slots open to unit u: pairs appended to x.  Slots come by start;
 * a unit with availability walks its merged availability.
 */
static int
unit_pairs(struct pool_dist *d, const struct sunit *u, const struct slot *sl,
    size_t ns, int64_t rest, const unsigned char *cov, struct scratch *x)
{
	const struct pool_worker	*wk = &d->data.workers.v[u->w];
	size_t				 k, a = 0, lo, hi;

	for (k = 0; k < ns; k++) {
		if (u->f != NULL && u->f->has_avail) {
			const struct ivlist *av = &u->f->avail;

			/* the first interval that ends after the slot starts */
			while (a < av->n && av->v[a].e <= sl[k].s)
				a++;
			if (a == av->n)
				break;
			if (av->v[a].s > sl[k].s) {
				/* jump to the first slot in this interval */
				lo = k;
				hi = ns;
				while (lo < hi) {
					size_t mid = (lo + hi) / 2;

					if (sl[mid].s < av->v[a].s)
						lo = mid + 1;
					else
						hi = mid;
				}
				if (lo > k) {
					k = lo - 1;
					continue;
				}
			}
			if (sl[k].s < av->v[a].s || sl[k].e > av->v[a].e)
				continue;
		}
		if (!cov[sl[k].role] || !eligible(wk, u->f,
		    &d->data.shifts.v[sl[k].rep], sl[k].night, sl[k].day))
			continue;
		if (x->np == x->pcap) {
			size_t nc = x->pcap ? x->pcap * 2 : 256;
			struct pair *p = realloc(x->pairs, nc * sizeof(*p));

			if (p == NULL)
				return -1;
			x->pairs = p;
			x->pcap = nc;
		}
		x->pairs[x->np].slot = k;
		x->pairs[x->np].s = sl[k].s;
		x->pairs[x->np].e = sl[k].e + rest;
		x->pairs[x->np].week = sl[k].week;
		x->pairs[x->np].work = sl[k].work;
		x->pairs[x->np].val = d->hours ? sl[k].val : 1;
		x->pairs[x->np].count = u->count;
		x->pairs[x->np].comp = (size_t)-1;
		x->np++;
	}
	return 0;
}

static int
push_comp(struct scratch *x, uint64_t cap, size_t seg)
{
	if (x->ncomp == x->ccap) {
		size_t nc = x->ccap ? x->ccap * 2 : 256;
		uint64_t *c = realloc(x->comp_cap, nc * sizeof(*c));
		size_t *s;

		if (c == NULL)
			return -1;
		x->comp_cap = c;
		if ((s = realloc(x->comp_seg, nc * sizeof(*s))) == NULL)
			return -1;
		x->comp_seg = s;
		x->ccap = nc;
	}
	x->comp_cap[x->ncomp] = cap;
	x->comp_seg[x->ncomp++] = seg;
	return 0;
}

static int
push_seg(struct scratch *x, uint64_t cap)
{
	if (x->nseg == x->scap) {
		size_t nc = x->scap ? x->scap * 2 : 256;
		uint64_t *c = realloc(x->seg_cap, nc * sizeof(*c));

		if (c == NULL)
			return -1;
		x->seg_cap = c;
		x->scap = nc;
	}
	x->seg_cap[x->nseg++] = cap;
	return 0;
}

#define CAP_NONE	((uint64_t)1 << 62)

/*
 * Components and week nodes of unit u over its pairs x->pairs[first ..
 * np): per ATW week, the pairs fall into overlap components (chains of
 * shifts overlapping with the rest after them); one worker takes at
 * most the largest set of pairwise disjoint shifts of a component, and
 * at most what the week's cap leaves (in shifts: the most of the
 * week's shortest shifts that fit in it).  A class of count workers
 * has count times that.
 */
static int
unit_nodes(struct pool_dist *d, const struct sunit *u, struct scratch *x,
    size_t first)
{
	size_t		 i, j, k, w0, w1, nw;
	int64_t		 end, cap, sum;
	uint64_t	 wcap, c;

	if (scratch_room(x, x->np - first) != 0)
		return -1;
	for (w0 = first; w0 < x->np; w0 = w1) {
		for (w1 = w0; w1 < x->np && x->pairs[w1].week ==
		    x->pairs[w0].week; w1++)
			;
		cap = week_cap(d, u, x->pairs[w0].week);
		if (cap < 0)
			wcap = CAP_NONE;
		else if (d->hours)
			wcap = (uint64_t)cap * u->count;
		else {
			nw = w1 - w0;
			for (k = 0; k < nw; k++)
				x->wk[k] = x->pairs[w0 + k].work;
			qsort(x->wk, nw, sizeof(*x->wk), work_cmp);
			for (c = 0, sum = 0, k = 0; k < nw &&
			    sum + x->wk[k] <= cap; k++, c++)
				sum += x->wk[k];
			wcap = c * u->count;
		}
		if (wcap == 0)
			continue;	/* the pairs of this week lead nowhere */
		if (push_seg(x, wcap) != 0)
			return -1;
		for (i = w0; i < w1; i = j) {
			end = x->pairs[i].e;
			for (j = i; j < w1 && (j == i || x->pairs[j].s < end); j++)
				if (x->pairs[j].e > end)
					end = x->pairs[j].e;
			for (k = i; k < j; k++) {
				x->ws[k - i].s = x->pairs[k].s;
				x->ws[k - i].e = x->pairs[k].e;
				x->ws[k - i].val = x->pairs[k].val;
				x->pairs[k].comp = x->ncomp;
			}
			if (push_comp(x, max_disjoint(x->ws, j - i, x->dp) *
			    u->count, x->nseg - 1) != 0)
				return -1;
		}
	}
	return 0;
}

/*
 * A first flow found greedily, so that the augmenting phases have
 * little left to do, from the source edges src.  Nodes: 0 source, 1
 * sink, slots 2 .. 2+ns, then
 * components, then weeks; compe[c] is the edge of component c to its
 * week, sege[g] the edge of week g to the sink.
 */
static int64_t
flow_greedy(struct flow *f, const int *src, size_t nsrc, size_t ns,
    const int *compe, const int *sege, size_t nc)
{
	int64_t	total = 0, push;
	int	k, e, c, g, base = 2 + (int)ns;
	size_t	i;

	for (i = 0; i < nsrc; i++) {
		k = src[i];
		for (e = f->head[f->e[k].to]; e >= 0 && f->e[k].cap > 0;
		    e = f->e[e].next) {
			if ((e & 1) || f->e[e].cap <= 0 || f->e[e].to < base)
				continue;	/* a reverse edge */
			c = compe[f->e[e].to - base];
			g = sege[f->e[c].to - base - (int)nc];
			push = f->e[k].cap;
			if (f->e[e].cap < push)
				push = f->e[e].cap;
			if (f->e[c].cap < push)
				push = f->e[c].cap;
			if (f->e[g].cap < push)
				push = f->e[g].cap;
			if (push <= 0)
				continue;
			f->e[k].cap -= push;
			f->e[k ^ 1].cap += push;
			f->e[e].cap -= push;
			f->e[e ^ 1].cap += push;
			f->e[c].cap -= push;
			f->e[c ^ 1].cap += push;
			f->e[g].cap -= push;
			f->e[g ^ 1].cap += push;
			total += push;
		}
	}
	return total;
}

/* Shift indexes by start, end, then what makes a slot. */
static int
list_cmp(const struct pool_strlist *a, const struct pool_strlist *b)
{
	uint32_t	i;

	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (i = 0; i < a->n; i++)
		if (a->v[i] != b->v[i])
			return strcmp(a->v[i], b->v[i]);
	return 0;
}

/* Shifts (indices in arg, a struct pool_data) by what makes slots. */
static int
slot_cmp(const void *a, const void *b, void *arg)
{
	const struct pool_data	*slot_data = arg;
	const struct pool_shift	*s = &slot_data->shifts.v[*(const size_t *)a];
	const struct pool_shift	*t = &slot_data->shifts.v[*(const size_t *)b];
	int			 c;

	if (s->start != t->start)
		return s->start < t->start ? -1 : 1;
	if (s->end != t->end)
		return s->end < t->end ? -1 : 1;
	if (s->role != t->role)
		return strcmp(s->role, t->role);
	if (s->break_minutes != t->break_minutes)
		return s->break_minutes < t->break_minutes ? -1 : 1;
	if ((c = list_cmp(&s->skills, &t->skills)) != 0)
		return c;
	return list_cmp(&s->tags, &t->tags);
}

/* Groups of a period by the number of roles theirs covers, most first. */
static size_t
role_rank(const struct pool_config *rank_conf, const char *role)
{
	size_t	i, n = 0;

	for (i = 0; i < rank_conf->nroles; i++)
		n += strcmp(rank_conf->roles[i].id, role) != 0 &&
		    pool_config_role_covers(rank_conf, role,
		    rank_conf->roles[i].id);
	return n;
}

struct rank {
	const struct pool_config	*conf;
	const struct group		*groups;
};

/* Groups (indices in the struct rank of arg), the most covering first. */
static int
rank_cmp(const void *a, const void *b, void *arg)
{
	const struct rank	*k = arg;
	const struct group	*x = &k->groups[*(const size_t *)a];
	const struct group	*y = &k->groups[*(const size_t *)b];
	size_t			 rx = role_rank(k->conf, x->role);
	size_t			 ry = role_rank(k->conf, y->role);

	if (rx != ry)
		return rx > ry ? -1 : 1;
	return strcmp(x->role, y->role);
}

/*
 * The supply of every role of one period: the open shifts sh[0..n) of
 * the period's groups g[0..ng) (one per role).  One flow network for
 * the whole period: from the slots through, per supply unit, its
 * components and weeks to the sink (see the comment at the top).  The
 * roles come in turn, those that cover the most other roles first:
 * each role's supply is what the flow gains when its slots are joined,
 * so a worker's hours are counted once across the roles.
 */
static int
supply_period(struct pool_dist *d, size_t *sh, size_t n, struct group *g,
    size_t ng, struct scratch *x)
{
	struct pool_data	*data = &d->data;
	struct slot		*sl = NULL;
	struct flow		 f;
	size_t			 ns = 0, k, u, i, first, *order = NULL, nsrc;
	int64_t			 rest, total = 0, before;
	int			*compe = NULL, *sege = NULL, *src = NULL, rc = -1;
	unsigned char		*cov = NULL;
	uint32_t		 r;
	struct rank		 rank;

	memset(&f, 0, sizeof(f));
	x->np = x->ncomp = x->nseg = 0;
	/* The shortest rest anybody may have between two shifts. */
	rest = d->conf->rules.rest_daily_short > 0 ?
	    d->conf->rules.rest_daily_short : d->conf->rules.rest_daily;
	rest = rest > 0 ? (int64_t)rest * 60 : 0;
	pool_sort(sh, n, sizeof(*sh), slot_cmp, data);
	if ((sl = calloc(n ? n : 1, sizeof(*sl))) == NULL ||
	    (cov = malloc(ng ? ng : 1)) == NULL ||
	    (order = malloc((ng ? ng : 1) * sizeof(*order))) == NULL ||
	    (src = malloc((n ? n : 1) * sizeof(*src))) == NULL)
		goto out;
	for (k = 0; k < n; k++) {
		const struct pool_shift *s = &data->shifts.v[sh[k]];

		if (ns > 0 && slot_cmp(&sh[k], &sh[sl[ns - 1].rep_k],
		    data) == 0) {
			sl[ns - 1].count++;
			continue;
		}
		sl[ns].rep_k = k;
		sl[ns].rep = (long)sh[k];
		sl[ns].s = s->start;
		sl[ns].e = s->end;
		sl[ns].day = pool_tz_local_day(d->tz, s->start);
		sl[ns].week = pool_rules_week(&d->conf->rules, sl[ns].day);
		sl[ns].work = shift_work(s);
		sl[ns].val = shift_units(d, s);
		sl[ns].night = pool_rules_is_night(pool_rules_of(d->conf,
		    s->org), d->tz, s);
		sl[ns].count = 1;
		for (i = 0; i < ng && g[i].role != s->role; i++)
			;
		sl[ns].role = i < ng ? i : 0;
		ns++;
	}
	for (u = 0; u < d->nunits; u++) {
		const struct pool_worker *wk = &data->workers.v[d->units[u].w];
		int any = 0;

		for (i = 0; i < ng; i++) {
			for (cov[i] = 0, r = 0; r < wk->roles.n && !cov[i]; r++)
				cov[i] = wk->roles.v[r] == g[i].role ||
				    pool_config_role_covers(d->conf,
				    wk->roles.v[r], g[i].role);
			any |= cov[i];
		}
		if (!any)
			continue;
		first = x->np;
		if (unit_pairs(d, &d->units[u], sl, ns, rest, cov, x) != 0 ||
		    unit_nodes(d, &d->units[u], x, first) != 0)
			goto out;
		/* pairs whose week leads nowhere are dropped */
		for (i = k = first; i < x->np; i++)
			if (x->pairs[i].comp != (size_t)-1)
				x->pairs[k++] = x->pairs[i];
		x->np = k;
	}
	if (flow_init(&f, (int)(2 + ns + x->ncomp + x->nseg)) != 0)
		goto out;
	for (i = 0; i < x->np; i++)
		if (flow_edge(&f, 2 + (int)x->pairs[i].slot,
		    2 + (int)(ns + x->pairs[i].comp),
		    (int64_t)(x->pairs[i].val * x->pairs[i].count)) != 0)
			goto out;
	compe = malloc((x->ncomp ? x->ncomp : 1) * sizeof(*compe));
	sege = malloc((x->nseg ? x->nseg : 1) * sizeof(*sege));
	if (compe == NULL || sege == NULL)
		goto out;
	for (i = 0; i < x->ncomp; i++) {
		compe[i] = (int)f.ne;
		if (flow_edge(&f, 2 + (int)(ns + i),
		    2 + (int)(ns + x->ncomp + x->comp_seg[i]),
		    (int64_t)x->comp_cap[i]) != 0)
			goto out;
	}
	for (i = 0; i < x->nseg; i++) {
		sege[i] = (int)f.ne;
		if (flow_edge(&f, 2 + (int)(ns + x->ncomp + i), 1,
		    (int64_t)x->seg_cap[i]) != 0)
			goto out;
	}
	for (i = 0; i < ng; i++)
		order[i] = i;
	rank.conf = d->conf;
	rank.groups = g;
	pool_sort(order, ng, sizeof(*order), rank_cmp, &rank);
	/*
	 * Flow on a source edge never shrinks (an augmenting path never
	 * returns to the source), and the roles joined earlier are at
	 * their maximum already: what the flow gains is the new role's.
	 */
	for (i = 0; i < ng; i++) {
		for (nsrc = 0, k = 0; k < ns; k++) {
			if (sl[k].role != order[i])
				continue;
			src[nsrc++] = (int)f.ne;
			if (flow_edge(&f, 0, 2 + (int)k,
			    (int64_t)(sl[k].count * sl[k].val)) != 0)
				goto out;
		}
		before = total;
		total += flow_greedy(&f, src, nsrc, ns, compe, sege, x->ncomp);
		total += flow_max(&f, 0, 1);
		g[order[i]].supply = (uint64_t)(total - before);
	}
	rc = 0;
out:
	flow_release(&f);
	free(sl);
	free(cov);
	free(order);
	free(src);
	free(compe);
	free(sege);
	return rc;
}

/* Period kind: 1 week "YYYY-Www", 2 day "YYYY-MM-DD", 0 other. */
static int
period_kind(const char *p)
{
	size_t	n = strlen(p);

	if (n == 8 && p[4] == '-' && p[5] == 'W')
		return 1;
	if (n == 10 && p[4] == '-' && p[7] == '-')
		return 2;
	return 0;
}

static int
is_recomputed(const struct pool_dist *d, const char *period)
{
	size_t	i;

	for (i = 0; i < d->ngroups; i++)
		if (d->groups[i].period == period)
			return 1;
	return 0;
}

/*
 * Outstanding deficit of org in role before period (groups[0..upto)
 * are the earlier groups of this run).  Over the input allocation
 * records of earlier periods of the same kind (week or day) and role
 * that are not recomputed now, per period: the last record gives
 * entitled and units (what was received), the last record that has a
 * carry gives the carry (so a pool-report row without carry, read after
 * the pool-distribute record of the same period, still counts it).  The
 * outstanding deficit is the sum of max(0, entitled - units) - carry,
 * minus the carry this run already gave in earlier periods, and at
 * least 0.
 */
static uint64_t
outstanding(struct pool_dist *d, const char *org, const char *role,
    const char *period, size_t upto)
{
	const struct pool_allocation	*v = d->data.allocations.v;
	size_t				 n = d->data.allocations.n, i, j, k;
	double				 sum = 0, def, c;
	int				 kind = period_kind(period), later;

	for (i = 0; i < n; i++) {
		if (v[i].org != org || v[i].role != role ||
		    period_kind(v[i].period) != kind ||
		    strcmp(v[i].period, period) >= 0 ||
		    is_recomputed(d, v[i].period))
			continue;
		later = 0;
		c = v[i].carry == POOL_NONE ? -1 : v[i].carry;
		for (j = i + 1; j < n; j++)
			if (v[j].org == org && v[j].role == role &&
			    v[j].period == v[i].period)
				later = 1;
		if (later)
			continue;	/* a later record supersedes this one */
		for (j = i; c < 0 && j-- > 0; )
			if (v[j].org == org && v[j].role == role &&
			    v[j].period == v[i].period && v[j].carry != POOL_NONE)
				c = v[j].carry;
		def = v[i].entitled - v[i].units;
		sum += (def > 0 ? def : 0) - (c > 0 ? c : 0);
	}
	if (d->hours)
		sum *= 60;
	for (i = 0; i < upto; i++) {
		if (d->groups[i].role != role)
			continue;
		for (k = 0; k < d->groups[i].nrows; k++)
			if (d->groups[i].rows[k].org == org)
				sum -= (double)d->groups[i].rows[k].carry;
	}
	return sum > 0.5 ? (uint64_t)llround(sum) : 0;
}

/* Apportion a scarce group: repay deficits, then the key. */
static int
scarce_group(struct pool_dist *d, struct group *g, size_t gi,
    struct pool_error *err)
{
	struct pool_apportion_item	*it = NULL;
	uint64_t			 owed = 0, left;
	size_t				 i;
	char				 ctx[96];

	for (i = 0; i < g->nrows; i++) {
		struct row *r = &g->rows[i];

		if (weight_of(d, r->org, &r->weight, err) != 0)
			return -1;
		r->has_weight = 1;
		r->carry = 0;
		if (d->conf->allocation.carry_over) {
			r->carry = outstanding(d, r->org, g->role, g->period, gi);
			if (r->carry > r->demand)
				r->carry = r->demand;
			owed += r->carry;
		}
	}
	if (owed > g->supply) {
		/* Ration the repayment in proportion to what is owed. */
		if ((it = calloc(g->nrows, sizeof(*it))) == NULL)
			return pool_error_set(err, POOL_ENOMEM, NULL,
			    "out of memory");
		for (i = 0; i < g->nrows; i++) {
			it[i].id = g->rows[i].org;
			it[i].weight = g->rows[i].carry * POOL_WEIGHT_SCALE;
			it[i].upper = g->rows[i].carry;
		}
		if (pool_apportion(d->method, it, g->nrows, g->supply,
		    err) != 0) {
			free(it);
			return -1;
		}
		for (i = 0; i < g->nrows; i++)
			g->rows[i].carry = it[i].units;
		free(it);
		owed = g->supply;
	}
	left = g->supply - owed;
	if (apportion_rows(d, g->rows, g->nrows, left, 1, err) != 0) {
		snprintf(ctx, sizeof(ctx), "%s role '%.40s'", g->period,
		    g->role ? g->role : "");
		if (err != NULL && err->context[0] == '\0')
			snprintf(err->context, sizeof(err->context), "%s", ctx);
		return -1;
	}
	return 0;
}

struct skey {
	const char	*period;
	size_t		 shift;
};

/* Keys by period, role, org and shift id (arg: the struct pool_data). */
static int
skey_cmp(const void *a, const void *b, void *arg)
{
	const struct skey	*x = a, *y = b;
	const struct pool_data	*sort_data = arg;
	const struct pool_shift	*s = &sort_data->shifts.v[x->shift];
	const struct pool_shift	*t = &sort_data->shifts.v[y->shift];
	int			 c;

	if ((c = strcmp(x->period, y->period)) != 0)
		return c;
	if ((c = strcmp(s->role, t->role)) != 0)
		return c;
	if ((c = strcmp(s->org, t->org)) != 0)
		return c;
	return strcmp(s->id, t->id);
}

/* Workers by what makes them alike for the supply; 0 if alike. */
static int
class_diff(const struct pool_worker *x, const struct pool_worker *y)
{
	int	c;

	if ((c = list_cmp(&x->roles, &y->roles)) != 0 ||
	    (c = list_cmp(&x->skills, &y->skills)) != 0 ||
	    (c = list_cmp(&x->dedicated, &y->dedicated)) != 0)
		return c;
	if (x->valid_from != y->valid_from)
		return x->valid_from < y->valid_from ? -1 : 1;
	if (x->valid_until != y->valid_until)
		return x->valid_until < y->valid_until ? -1 : 1;
	if (x->nights != y->nights)
		return x->nights < y->nights ? -1 : 1;
	if (x->night_exempt != y->night_exempt)
		return x->night_exempt < y->night_exempt ? -1 : 1;
	if (x->max_hours_week != y->max_hours_week)
		return x->max_hours_week < y->max_hours_week ? -1 : 1;
	return 0;
}

/* Workers (indices in arg, a struct pool_data) by class, then index. */
static int
class_cmp(const void *a, const void *b, void *arg)
{
	const struct pool_data *class_data = arg;
	long	i = *(const long *)a, j = *(const long *)b;
	int	c;

	if ((c = class_diff(&class_data->workers.v[i],
	    &class_data->workers.v[j])) != 0)
		return c;
	return i < j ? -1 : i > j;
}

/*
 * The facts of every worker (availability, absences, confirmed shifts
 * and their minutes per ATW week) and the supply units: a worker with
 * facts of their own is a unit; the others are counted by class.
 */
static int
facts_build(struct pool_dist *d, struct wfacts **out)
{
	struct pool_data	*data = &d->data;
	struct wfacts		*wf;
	long			*plain = NULL;
	size_t			 i, j, np = 0, k;
	long			 w, s;

	if ((wf = calloc(data->workers.n ? data->workers.n : 1,
	    sizeof(*wf))) == NULL)
		return -1;
	*out = wf;
	for (i = 0; i < data->availability.n; i++) {
		if ((w = pool_data_worker(data,
		    data->availability.v[i].worker)) < 0)
			continue;
		wf[w].has_avail = 1;
		if (ivl_push(&wf[w].avail, data->availability.v[i].start,
		    data->availability.v[i].end) != 0)
			return -1;
	}
	for (i = 0; i < data->absences.n; i++) {
		if ((w = pool_data_worker(data, data->absences.v[i].worker)) < 0)
			continue;
		if (ivl_push(&wf[w].absent, data->absences.v[i].start,
		    data->absences.v[i].end) != 0)
			return -1;
	}
	for (i = 0; i < data->assignments.n; i++) {
		const struct pool_assignment *a = &data->assignments.v[i];
		const struct pool_shift *sh;
		int64_t wk;

		if (a->status != POOL_CONFIRMED ||
		    (w = pool_data_worker(data, a->worker)) < 0 ||
		    (s = pool_data_shift(data, a->shift)) < 0)
			continue;
		sh = &data->shifts.v[s];
		if (ivl_push(&wf[w].busy, sh->start, sh->end) != 0)
			return -1;
		wk = pool_rules_week(&d->conf->rules,
		    pool_tz_local_day(d->tz, sh->start));
		for (k = 0; k < wf[w].nbw && wf[w].bw[k].week != wk; k++)
			;
		if (k == wf[w].nbw) {
			struct wmin *p = realloc(wf[w].bw, (k + 1) * sizeof(*p));

			if (p == NULL)
				return -1;
			wf[w].bw = p;
			wf[w].bw[k].week = wk;
			wf[w].bw[k].min = 0;
			wf[w].nbw++;
		}
		wf[w].bw[k].min += shift_work(sh);
	}
	for (i = 0; i < data->workers.n; i++)
		ivl_merge(&wf[i].avail);

	if ((d->units = calloc(data->workers.n ? data->workers.n : 1,
	    sizeof(*d->units))) == NULL ||
	    (plain = malloc((data->workers.n ? data->workers.n : 1) *
	    sizeof(*plain))) == NULL) {
		free(plain);
		return -1;
	}
	for (i = 0; i < data->workers.n; i++) {
		if (pool_data_worker(data, data->workers.v[i].id) != (long)i)
			continue;	/* a later record with this id wins */
		if (wf[i].has_avail || wf[i].absent.n > 0 || wf[i].busy.n > 0) {
			d->units[d->nunits].w = (long)i;
			d->units[d->nunits].count = 1;
			d->units[d->nunits++].f = &wf[i];
		} else
			plain[np++] = (long)i;
	}
	pool_sort(plain, np, sizeof(*plain), class_cmp, data);
	for (i = 0; i < np; i = j) {
		for (j = i + 1; j < np && class_diff(&data->workers.v[plain[i]],
		    &data->workers.v[plain[j]]) == 0; j++)
			;
		d->units[d->nunits].w = plain[i];
		d->units[d->nunits].count = j - i;
		d->units[d->nunits++].f = NULL;
	}
	free(plain);
	return 0;
}

static void
facts_free(struct wfacts *wf, size_t n)
{
	size_t	i;

	if (wf == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(wf[i].avail.v);
		free(wf[i].absent.v);
		free(wf[i].busy.v);
		free(wf[i].bw);
	}
	free(wf);
}

/*
 * The legal week maximum in minutes: the largest of the pool's and the
 * organisations' (a shift counts under its org's rules), or -1 if one
 * of them has none.
 */
static int64_t
legal_week(const struct pool_config *conf)
{
	int64_t	m = conf->rules.week_max;
	size_t	i;

	if (m <= 0)
		return -1;
	for (i = 0; i < conf->norgs; i++) {
		if (conf->orgs[i].rules.week_max <= 0)
			return -1;
		if (conf->orgs[i].rules.week_max > m)
			m = conf->orgs[i].rules.week_max;
	}
	return m;
}

static int
run_pool(struct pool_dist *d, struct pool_error *err)
{
	struct pool_data	*data = &d->data;
	struct skey		*keys = NULL;
	unsigned char		*covered = NULL;
	struct wfacts		*wf = NULL;
	struct scratch		 x;
	size_t			 nk = 0, i, j, k, ng = 0, gcap = 0, pi, pj, gi;
	size_t			*idx = NULL;
	char			 pbuf[16];
	int			 rc = -1;
	long			 s;

	memset(&x, 0, sizeof(x));
	if (pool_data_index(data, err) != 0)
		return -1;
	d->legal_week = legal_week(d->conf);
	covered = calloc(data->shifts.n ? data->shifts.n : 1, 1);
	keys = calloc(data->shifts.n ? data->shifts.n : 1, sizeof(*keys));
	if (covered == NULL || keys == NULL)
		goto nomem;
	for (i = 0; i < data->assignments.n; i++)
		if (data->assignments.v[i].status == POOL_CONFIRMED &&
		    (s = pool_data_shift(data, data->assignments.v[i].shift)) >= 0)
			covered[s] = 1;
	for (i = 0; i < data->shifts.n; i++) {
		const struct pool_shift *sh = &data->shifts.v[i];
		int64_t day = pool_tz_local_day(d->tz, sh->start);
		const char *p;

		if (covered[i] || pool_data_shift(data, sh->id) != (long)i ||
		    shift_units(d, sh) == 0)
			continue;
		if (d->conf->allocation.period_day)
			pool_time_format_date(day, pbuf);
		else
			pool_time_format_iso_week(day, pbuf);
		if (d->opts.period != NULL && strcmp(pbuf, d->opts.period) != 0)
			continue;
		if ((p = pool_data_intern(data, pbuf, strlen(pbuf))) == NULL)
			goto nomem;
		keys[nk].period = p;
		keys[nk].shift = i;
		nk++;
	}
	pool_sort(keys, nk, sizeof(*keys), skey_cmp, data);
	if (facts_build(d, &wf) != 0)
		goto nomem;
	if ((idx = malloc((nk ? nk : 1) * sizeof(*idx))) == NULL)
		goto nomem;
	for (pi = 0; pi < nk; pi = pj) {
		const char *period = keys[pi].period;
		size_t g0 = ng;

		for (pj = pi; pj < nk && keys[pj].period == period; pj++)
			idx[pj - pi] = keys[pj].shift;
		for (i = pi; i < pj; i = j) {
			const char *role = data->shifts.v[keys[i].shift].role;
			struct group *g;

			for (j = i; j < pj &&
			    data->shifts.v[keys[j].shift].role == role; j++)
				;
			GROW(d->groups, ng, gcap);
			g = &d->groups[ng++];
			d->ngroups = ng;
			memset(g, 0, sizeof(*g));
			g->period = period;
			g->role = role;
			/* rows: one per org, in id order (keys are sorted
			 * by org) */
			if ((g->rows = calloc(j - i, sizeof(*g->rows))) == NULL)
				goto nomem;
			for (k = i; k < j; k++) {
				const struct pool_shift *sh =
				    &data->shifts.v[keys[k].shift];

				if (g->nrows == 0 ||
				    g->rows[g->nrows - 1].org != sh->org)
					g->rows[g->nrows++].org = sh->org;
				g->rows[g->nrows - 1].demand +=
				    shift_units(d, sh);
				g->demand += shift_units(d, sh);
			}
		}
		if (supply_period(d, idx, pj - pi, &d->groups[g0], ng - g0,
		    &x) != 0)
			goto nomem;
		for (gi = g0; gi < ng; gi++) {
			struct group *g = &d->groups[gi];

			if (g->supply >= g->demand) {
				for (k = 0; k < g->nrows; k++) {
					struct row *r = &g->rows[k];
					char q[32];

					r->entitled = r->demand;
					r->has_weight = weight_of(d, r->org,
					    &r->weight, NULL) == 0;
					snprintf(q, sizeof(q), "%" PRIu64,
					    r->demand);
					row_quota(d, r, q, (double)r->demand);
				}
				continue;
			}
			g->scarce = 1;
			if (scarce_group(d, g, gi, err) != 0)
				goto out;
		}
		if (d->progress != NULL)
			d->progress(d->progress_arg, period, pj, nk);
	}
	rc = 0;
	goto out;
nomem:
	rc = pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
out:
	facts_free(wf, data->workers.n);
	scratch_free(&x);
	free(idx);
	free(d->units);
	d->units = NULL;
	d->nunits = 0;
	free(keys);
	free(covered);
	return rc;
}

int
pool_dist_run(struct pool_dist *d, struct pool_error *err)
{
	size_t	i;
	int	rc;

	groups_free(d);
	d->ran = 0;
	pool_error_clear(err);
	if (d->bad_orgs > 0)
		return pool_error_set(err, POOL_EFIELD, NULL,
		    "%zu org record%s refused: nothing divided", d->bad_orgs,
		    d->bad_orgs == 1 ? "" : "s");
	pool_ptrmap_release(&d->rec_any);
	pool_ptrmap_release(&d->rec_w);
	for (i = 0; i < d->norgrecs; i++)
		if (pool_ptrmap_put(&d->rec_any, d->orgrecs[i].id,
		    (long)i) != 0 || (d->orgrecs[i].weight != POOL_NONE &&
		    pool_ptrmap_put(&d->rec_w, d->orgrecs[i].id, (long)i) != 0))
			return pool_error_set(err, POOL_ENOMEM, NULL,
			    "out of memory");
	rc = d->opts.units_mode ? run_units(d, err) : run_pool(d, err);
	if (rc != 0) {
		groups_free(d);
		return -1;
	}
	d->ran = 1;
	return 0;
}

/* ---- output ---- */

static int
put_str(FILE *f, const char *s)
{
	json_t	*j = json_string(s);
	char	*t;
	int	 rc;

	if (j == NULL) {
		errno = ENOMEM;
		return -1;
	}
	t = json_dumps(j, JSON_ENCODE_ANY);
	json_decref(j);
	if (t == NULL) {
		errno = ENOMEM;
		return -1;
	}
	rc = fputs(t, f) == EOF ? -1 : 0;
	free(t);
	return rc;
}

/* Units in the output unit: a count, or minutes as hours. */
static char *
fmt_units(const struct pool_dist *d, uint64_t u, char *buf, size_t len)
{
	size_t	n;

	if (!d->hours || u % 60 == 0) {
		snprintf(buf, len, "%" PRIu64, d->hours ? u / 60 : u);
		return buf;
	}
	snprintf(buf, len, "%.4f", (double)u / 60.0);
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == '0')
		buf[--n] = '\0';
	return buf;
}

static int
write_row(struct pool_dist *d, FILE *f, const struct group *g,
    const struct row *r)
{
	char	a[48], b[48];

	if (fputs("{\"type\":\"allocation\",\"org\":", f) == EOF ||
	    put_str(f, r->org) != 0 ||
	    fputs(",\"period\":", f) == EOF || put_str(f, g->period) != 0)
		return -1;
	if (g->role != NULL && (fputs(",\"role\":", f) == EOF ||
	    put_str(f, g->role) != 0))
		return -1;
	fmt_units(d, r->entitled, a, sizeof(a));
	if (fprintf(f, ",\"units\":%s,\"entitled\":%s", a, a) < 0)
		return -1;
	if (!d->opts.units_mode && fprintf(f, ",\"demand\":%s",
	    fmt_units(d, r->demand, b, sizeof(b))) < 0)
		return -1;
	if (r->has_weight && fprintf(f, ",\"weight\":%s",
	    pool_weight_format(r->weight, b, sizeof(b))) < 0)
		return -1;
	if (fprintf(f, ",\"quota\":\"%s\",\"method\":\"%s\"", r->quota,
	    pool_config_method_name(d->method)) < 0)
		return -1;
	if (d->opts.units_mode) {
		if (fprintf(f, ",\"total\":%" PRIu64, g->supply) < 0)
			return -1;
	} else {
		if (fprintf(f, ",\"unit\":\"%s\",\"supply\":%s,\"scarce\":%s",
		    d->hours ? "hour" : "shift",
		    fmt_units(d, g->supply, b, sizeof(b)),
		    g->scarce ? "true" : "false") < 0)
			return -1;
		if (fprintf(f, ",\"carry\":%s", fmt_units(d, r->carry, b,
		    sizeof(b))) < 0)
			return -1;
	}
	if (fprintf(f, ",\"tie\":%s}\n", r->tie ? "true" : "false") < 0)
		return -1;
	return ferror(f) ? -1 : 0;
}

int
pool_dist_write(struct pool_dist *d, FILE *f)
{
	size_t	i, k;

	for (i = 0; i < d->nlines; i++) {
		const struct line *l = &d->lines[i];

		if (d->ran && l->alloc_period != NULL &&
		    is_recomputed(d, l->alloc_period))
			continue;
		if (fwrite(d->buf + l->off, 1, l->len + 1, f) != l->len + 1)
			return -1;
	}
	if (!d->ran)
		return 0;
	for (i = 0; i < d->ngroups; i++)
		for (k = 0; k < d->groups[i].nrows; k++)
			if (write_row(d, f, &d->groups[i],
			    &d->groups[i].rows[k]) != 0)
				return -1;
	return ferror(f) ? -1 : 0;
}

void
pool_dist_set_progress(struct pool_dist *d,
    void (*fn)(void *, const char *, size_t, size_t), void *arg)
{
	d->progress = fn;
	d->progress_arg = arg;
}

void
pool_dist_counts(const struct pool_dist *d, size_t *groups, size_t *scarce)
{
	size_t	i;

	*groups = d->ngroups;
	*scarce = 0;
	for (i = 0; i < d->ngroups; i++)
		*scarce += d->groups[i].scarce != 0;
}

/* The cells of one explain table, then printed with column widths. */
#define NCOL	7

static int
explain_group(struct pool_dist *d, FILE *f, const struct group *g)
{
	static const char *const head[NCOL] = { "org", "weight", "demand",
	    "carry", "quota", "entitled", "" };
	char		(*cell)[NCOL][48];
	size_t		 w[NCOL], i, c, n = g->nrows + 1;
	int		 ties = 0;
	char		 a[48], b[48];

	if ((cell = calloc(n, sizeof(*cell))) == NULL)
		return -1;
	for (c = 0; c < NCOL; c++)
		snprintf(cell[0][c], sizeof(cell[0][c]), "%s", head[c]);
	for (i = 0; i < g->nrows; i++) {
		const struct row *r = &g->rows[i];

		snprintf(cell[i + 1][0], 48, "%.47s", r->org);
		if (r->has_weight)
			pool_weight_format(r->weight, cell[i + 1][1], 48);
		else
			snprintf(cell[i + 1][1], 48, "-");
		fmt_units(d, r->demand, cell[i + 1][2], 48);
		fmt_units(d, r->carry, cell[i + 1][3], 48);
		snprintf(cell[i + 1][4], 48, "%.4f", r->quota_approx);
		fmt_units(d, r->entitled, cell[i + 1][5], 48);
		snprintf(cell[i + 1][6], 48, "%s", r->tie ? "tie" : "");
		ties |= r->tie;
	}
	if (d->opts.units_mode) {
		fprintf(f, "%s: %s units by %s\n", g->period,
		    fmt_units(d, g->supply, a, sizeof(a)),
		    pool_config_method_name(d->method));
	} else {
		fprintf(f, "%s %s: supply %s %s demand %s (%s), %s\n",
		    g->period, g->role, fmt_units(d, g->supply, a, sizeof(a)),
		    g->scarce ? "<" : ">=", fmt_units(d, g->demand, b,
		    sizeof(b)), d->hours ? "hours" : "shifts",
		    g->scarce ? pool_config_method_name(d->method) :
		    "every org gets its demand");
	}
	for (c = 0; c < NCOL; c++) {
		w[c] = 0;
		for (i = 0; i < n; i++)
			if (strlen(cell[i][c]) > w[c])
				w[c] = strlen(cell[i][c]);
	}
	for (i = 0; i < n; i++) {
		fputs("  ", f);
		for (c = 0; c < NCOL; c++) {
			if (d->opts.units_mode && (c == 2 || c == 3))
				continue;
			if (c == NCOL - 1) {
				if (cell[i][c][0] != '\0')
					fprintf(f, "  %s", cell[i][c]);
				continue;
			}
			if (c == 0)
				fprintf(f, "%-*s", (int)w[c], cell[i][c]);
			else
				fprintf(f, "  %*s", (int)w[c], cell[i][c]);
		}
		fputc('\n', f);
	}
	if (ties)
		fputs("  tie: equal priority at the margin, broken by the "
		    "larger weight, then the smaller id\n", f);
	free(cell);
	return ferror(f) ? -1 : 0;
}

int
pool_dist_explain(struct pool_dist *d, FILE *f, int all)
{
	size_t	i;
	char	a[48], b[48];

	for (i = 0; i < d->ngroups; i++) {
		const struct group *g = &d->groups[i];

		if (g->scarce) {
			if (explain_group(d, f, g) != 0)
				return -1;
		} else if (all)
			fprintf(f, "%s %s: supply %s >= demand %s (%s): every "
			    "org gets its demand\n", g->period, g->role,
			    fmt_units(d, g->supply, a, sizeof(a)),
			    fmt_units(d, g->demand, b, sizeof(b)),
			    d->hours ? "hours" : "shifts");
	}
	return ferror(f) ? -1 : 0;
}
