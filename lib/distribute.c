/*
 * pool-distribute's engine: keeps the input lines, reads the records it
 * needs, computes allocations (units mode or pool mode) and writes the
 * records and the explanation.  See pool_distribute.h and
 * pool-distribute(1).  The supply of pool mode is supply.c's.
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
#include "pool_dist_int.h"
#include "pool_distribute.h"
#include "pool_int.h"
#include "pool_record.h"
#include "pool_strtab.h"
#include "pool_time.h"

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
	d->legal_week = pool_supply_legal_week(d->conf);
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
		    pool_supply_units(d, sh) == 0)
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
	if (pool_supply_facts(d, &wf) != 0)
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
				    pool_supply_units(d, sh);
				g->demand += pool_supply_units(d, sh);
			}
		}
		if (pool_supply_period(d, idx, pj - pi, &d->groups[g0], ng - g0,
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
	pool_supply_facts_free(wf, data->workers.n);
	pool_supply_scratch_free(&x);
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
