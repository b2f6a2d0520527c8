/*
 * Matching: previous proposals first, then per priority a greedy fill
 * (scarcest shifts first, cheapest feasible worker), deep ejection
 * chains as a start and improving moves until none is left;
 * explanations and shortlists for the open shifts.
 * See pool_match.h and pool-match(1).
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "pool.h"
#include "pool_config.h"
#include "pool_match.h"
#include "pool_record.h"
#include "pool_rules.h"
#include "pool_strtab.h"
#include "pool_time.h"

#define EJECT_NEAR	(8 * 86400)	/* deep chains: neighbours a worker
					   may give up ... */
#define EJECT_MAX	8		/* ... at most this many per worker */
#define EJECT_DEPTH	3		/* longest deep chain */
#define EJECT_START	1500000L	/* rule checks of the deep chains, a
					   start for the improving moves */
#define NEAR_MAX	3		/* near misses per unfilled shift */
#define RECENT		4		/* units remembered per worker */
#define NEAR_ALL	1000		/* role lists up to this long: every
					   worker in reach is a candidate ... */
#define NEAR_KEEP	100		/* ... longer: the nearest rings of
					   cells that give this many */

/* One step of the journal of a move: s given to w, or taken from w. */
struct jop {
	long	s, w;
	int	add;
};

/* Up to three workers who could take a shift, see movable(). */
struct dcache {
	uint32_t	gen;
	int		n;
	int32_t		w[3];
	int32_t		skip[2];
};

struct nb;

struct alloc {
	double	entitled;
	double	used;
};

struct pool_match {
	const struct pool_config	*conf;
	const struct pool_data		*data;
	const struct pool_tz		*tz;
	struct pool_rulectx		*rc;
	long				 nw, ns;

	long		*wrank;		/* worker index -> rank by id; -1 if
					   not canonical */
	long		*srank;		/* shift index -> rank by id; -1 */
	long		*sorder;	/* canonical shifts by id */
	long		 nsorder;
	long		*pinned;	/* shift -> confirmed worker or -1 */
	long		*prev;		/* shift -> earlier proposed worker */
	long		*asg;		/* shift -> proposed worker or -1 */
	long		*oidx;		/* shift -> open index or -1 */
	uint8_t		*mark;		/* shift on the current deep chain */
	long		 budget;	/* end deep chains at this many checks */
	struct jop	*jr;		/* journal of the move under way */
	long		 jn, jcap;
	int		 jon;		/* journal on */
	int		 jfail;		/* a step could not be written */
	struct dcache	*dc;		/* per shift, see movable() */
	uint32_t	 gen;		/* moves committed */
	uint32_t	*failgen;	/* per shift: improve() found no move
					   in this state (gen + 1) */
	uint32_t	*pmgen;		/* per shift: place() failed in this
					   state (gen + 1), ... */
	long		*pmoff, *pmn;	/* ... and its pairs (w2, t2) */
	long		*pm;		/* the pairs, of the current gen */
	long		 pmlen, pmcap;
	uint32_t	 pmpool;	/* gen of the pairs */
	struct nb	*nb;		/* scratch for near_held */
	size_t		 nbcap;
	long		*open;		/* open shifts */
	long		 nopen;
	uint32_t	*cstart;	/* candidates of open shift i */
	int32_t		*cand;
	float		*cstat;		/* their static soft cost */
	long		*sgstart;	/* signups of shift s: workers */
	long		*sgw;
	double		*load;		/* minutes held per worker in the
					   horizon */
	const struct pool_shift **recent; /* per worker the last RECENT
					   shifts given, for continuity */
	double		 weeks;		/* horizon in weeks */
	int64_t		 h0, h1;	/* horizon */
	struct alloc	*allocs;
	long		 nalloc;
	long		*salloc;	/* shift -> allocation or -1 */
	long		*wroles;	/* role lists: all role-eligible
					   workers per open shift's role */
	long		*rlstart;
	long		*srole;		/* open shift -> role list */
	long		 nroles;
	long		 ncanon;	/* canonical workers */

	/* scratch for candidate ordering */
	struct ord	*ord;
	size_t		 nord;

	struct pool_match_level	 lv[POOL_MATCH_NPRIO + 1];
	struct pool_match_totals tot;
	struct timespec		 t0;
	double			 limit;
};

struct ord {
	double	cost;
	long	rank;
	long	w;
};

static void	remember(struct pool_match *, long, long);

static int
prio(const struct pool_match *m, long s)
{
	int	p = m->data->shifts.v[s].priority;

	if (p < 1)
		return 1;
	if (p > POOL_MATCH_NPRIO)
		return POOL_MATCH_NPRIO;
	return p;
}

/* Shifts by priority, then id, for give_up. */
static const struct pool_match *by_prio_m;

static int
by_prio_cmp(const void *a, const void *b)
{
	const struct pool_match	*m = by_prio_m;
	long			 x = *(const long *)a, y = *(const long *)b;

	if (prio(m, x) != prio(m, y))
		return prio(m, x) - prio(m, y);
	return (m->srank[x] > m->srank[y]) - (m->srank[x] < m->srank[y]);
}

static double
elapsed(const struct pool_match *m)
{
	struct timespec	t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - m->t0.tv_sec) +
	    (t.tv_nsec - m->t0.tv_nsec) / 1e9;
}

static const struct pool_data *sort_data;

static int
worker_cmp(const void *a, const void *b)
{
	return strcmp(sort_data->workers.v[*(const long *)a].id,
	    sort_data->workers.v[*(const long *)b].id);
}

static int
shift_cmp(const void *a, const void *b)
{
	return strcmp(sort_data->shifts.v[*(const long *)a].id,
	    sort_data->shifts.v[*(const long *)b].id);
}

void
pool_match_free(struct pool_match *m)
{
	if (m == NULL)
		return;
	pool_rules_free(m->rc);
	free(m->wrank);
	free(m->srank);
	free(m->sorder);
	free(m->pinned);
	free(m->prev);
	free(m->asg);
	free(m->oidx);
	free(m->mark);
	free(m->jr);
	free(m->dc);
	free(m->nb);
	free(m->pmgen);
	free(m->failgen);
	free(m->pmoff);
	free(m->pmn);
	free(m->pm);
	free(m->open);
	free(m->cstart);
	free(m->cand);
	free(m->cstat);
	free(m->sgstart);
	free(m->sgw);
	free(m->load);
	free(m->recent);
	free(m->allocs);
	free(m->salloc);
	free(m->wroles);
	free(m->rlstart);
	free(m->srole);
	free(m->ord);
	free(m);
}

static int
in_horizon(const struct pool_match *m, long s)
{
	const struct pool_shift *sh = &m->data->shifts.v[s];

	return sh->start < m->h1 && sh->end > m->h0;
}

/* The period key of a shift for the allocation records. */
static void
period_of(const struct pool_match *m, long s, char *buf, size_t len)
{
	int64_t	day = pool_tz_local_day(m->tz, m->data->shifts.v[s].start);
	int	y, wk;
	char	d[11];

	if (m->conf->allocation.period_day) {
		snprintf(buf, len, "%s", pool_time_format_date(day, d));
	} else {
		pool_time_iso_week(day, &y, &wk);
		snprintf(buf, len, "%04d-W%02d", y, wk);
	}
}

static int
setup_allocations(struct pool_match *m)
{
	const struct pool_data	*d = m->data;
	struct pool_strtab	*st;
	struct pool_ptrmap	 map;
	char			 key[512], per[32];
	const char		*k;
	size_t			 i;
	long			 o, a;

	memset(&map, 0, sizeof(map));
	if ((m->salloc = malloc((m->ns + 1) * sizeof(long))) == NULL)
		return -1;
	for (o = 0; o < m->ns; o++)
		m->salloc[o] = -1;
	if (d->allocations.n == 0)
		return 0;
	if ((st = pool_strtab_new()) == NULL)
		return -1;
	if ((m->allocs = calloc(d->allocations.n, sizeof(*m->allocs))) ==
	    NULL)
		goto fail;
	for (i = 0; i < d->allocations.n; i++) {
		const struct pool_allocation *al = &d->allocations.v[i];
		snprintf(key, sizeof(key), "%s\037%s\037%s", al->org,
		    al->period, al->role ? al->role : "");
		if ((k = pool_strtab_intern(st, key, strlen(key))) == NULL)
			goto fail;
		if ((a = pool_ptrmap_get(&map, k)) < 0) {
			a = m->nalloc++;
			if (pool_ptrmap_put(&map, k, a) == -1)
				goto fail;
		}
		/* a later record for the same key wins */
		m->allocs[a].entitled = al->entitled;
	}
	for (o = 0; o < m->nopen; o++) {
		long s = m->open[o];
		const struct pool_shift *sh = &d->shifts.v[s];
		period_of(m, s, per, sizeof(per));
		snprintf(key, sizeof(key), "%s\037%s\037%s", sh->org, per,
		    sh->role);
		k = pool_strtab_lookup(st, key);
		if (k == NULL || (a = pool_ptrmap_get(&map, k)) < 0) {
			snprintf(key, sizeof(key), "%s\037%s\037", sh->org, per);
			k = pool_strtab_lookup(st, key);
			a = k ? pool_ptrmap_get(&map, k) : -1;
		}
		m->salloc[s] = a;
	}
	pool_ptrmap_release(&map);
	pool_strtab_free(st);
	return 0;
fail:
	pool_ptrmap_release(&map);
	pool_strtab_free(st);
	return -1;
}

static double
units(const struct pool_match *m, long s)
{
	if (m->conf->allocation.unit_hours)
		return pool_rules_work(m->rc, s) / 60.0;
	return 1;
}

/* 1 if giving shift s to anyone takes its org past its entitlement. */
static int
over_quota(const struct pool_match *m, long s)
{
	long	a = m->salloc[s];

	if (a < 0)
		return 0;
	return m->allocs[a].used + units(m, s) > m->allocs[a].entitled + 1e-9;
}

/* Write a step into the journal, when it is on. */
static int
journal(struct pool_match *m, long s, long w, int add)
{
	if (!m->jon)
		return 0;
	if (m->jn == m->jcap) {
		long nc = m->jcap ? m->jcap * 2 : 64;
		struct jop *nv = realloc(m->jr, (size_t)nc * sizeof(*nv));
		if (nv == NULL)
			return -1;
		m->jr = nv;
		m->jcap = nc;
	}
	m->jr[m->jn].s = s;
	m->jr[m->jn].w = w;
	m->jr[m->jn++].add = add;
	return 0;
}

static int
do_assign(struct pool_match *m, long s, long w)
{
	if (journal(m, s, w, 1) == -1)
		return -1;
	if (pool_rules_assign(m->rc, w, s) == -1) {
		m->jn -= m->jon;
		return -1;
	}
	m->asg[s] = w;
	if (!m->jon)
		m->gen++;
	m->load[w] += pool_rules_work(m->rc, s);
	remember(m, w, s);
	if (m->salloc[s] >= 0)
		m->allocs[m->salloc[s]].used += units(m, s);
	return 0;
}

static void
do_unassign(struct pool_match *m, long s)
{
	long	w = m->asg[s];

	if (w < 0)
		return;
	if (journal(m, s, w, 0) == -1)
		m->jfail = 1;
	pool_rules_unassign(m->rc, w, s);
	m->asg[s] = -1;
	if (!m->jon)
		m->gen++;
	m->load[w] -= pool_rules_work(m->rc, s);
	if (m->salloc[s] >= 0)
		m->allocs[m->salloc[s]].used -= units(m, s);
}

static int
signed_up(const struct pool_match *m, long w, long s)
{
	long	i;

	for (i = m->sgstart[s]; i < m->sgstart[s + 1]; i++)
		if (m->sgw[i] == w)
			return 1;
	return 0;
}

/*
 * 1 if worker w works at the org and unit of s in one of the last
 * RECENT shifts given to (or confirmed for) the worker.
 */
static int
same_unit(const struct pool_match *m, long w, long s)
{
	const struct pool_shift	*sh = &m->data->shifts.v[s], *x;
	int			 i;

	if (sh->unit == NULL)
		return 0;
	for (i = 0; i < RECENT; i++) {
		x = m->recent[w * RECENT + i];
		if (x != NULL && x != sh && x->unit == sh->unit &&
		    x->org == sh->org)
			return 1;
	}
	return 0;
}

static void
remember(struct pool_match *m, long w, long s)
{
	const struct pool_shift	**r = &m->recent[w * RECENT];
	const struct pool_shift	 *sh = &m->data->shifts.v[s];
	int			  i;

	for (i = 0; i < RECENT; i++)
		if (r[i] == sh)
			return;
	memmove(r + 1, r, (RECENT - 1) * sizeof(*r));
	r[0] = sh;
}

/* 1 if worker w takes shift s through a role that covers it. */
static double
overqualified(const struct pool_match *m, long w, long s)
{
	const struct pool_worker	*wk = &m->data->workers.v[w];
	const struct pool_shift		*sh = &m->data->shifts.v[s];
	const struct pool_role_conf	*rc;
	uint32_t			 i;

	for (i = 0; i < wk->roles.n; i++)
		if (wk->roles.v[i] == sh->role)
			return 0;
	if (m->conf->nroles == 0)
		return 0;
	for (i = 0; i < wk->roles.n; i++)
		if (pool_config_role_covers(m->conf, wk->roles.v[i],
		    sh->role)) {
			rc = pool_config_role(m->conf, wk->roles.v[i]);
			if (rc != NULL && rc->overqualified_penalty > 0)
				return rc->overqualified_penalty;
			return m->conf->matching.overqualified;
		}
	return 0;
}

/*
 * The soft cost of giving s to w now (lower is better).  Travel per km,
 * night preference, signup, continuity (another shift at the same
 * unit), contract hours (per hour moved away from or towards the
 * contract over the horizon), fairness (per average weekly hour the
 * worker already has), over-qualification and change of an earlier
 * proposal.
 */
static double
cost_static(const struct pool_match *m, long w, long s)
{
	const struct pool_matching	*mt = &m->conf->matching;
	const struct pool_worker	*wk = &m->data->workers.v[w];
	double				 c = 0, km;
	int				 night;

	if (mt->travel != 0 && (km = pool_rules_km_approx(m->rc, w, s)) >= 0)
		c += mt->travel * km;
	night = pool_rules_night(m->rc, s);
	if (night && wk->nights == POOL_NIGHTS_PREFER)
		c -= mt->preference;
	else if (night && wk->nights == POOL_NIGHTS_AVOID)
		c += mt->preference;
	if (mt->signup != 0 && signed_up(m, w, s))
		c -= mt->signup;
	c += overqualified(m, w, s);
	if (m->prev[s] >= 0 && m->prev[s] != w)
		c += mt->change;
	return c;
}

/* The part of the cost that changes as shifts are given out. */
static double
cost_dynamic(const struct pool_match *m, long w, long s)
{
	const struct pool_matching	*mt = &m->conf->matching;
	const struct pool_worker	*wk = &m->data->workers.v[w];
	double				 c = 0, target, before, after;

	if (mt->continuity != 0 && same_unit(m, w, s))
		c -= mt->continuity;
	if (mt->contract != 0 && wk->contract_hours >= 0) {
		target = wk->contract_hours * 60 * m->weeks;
		before = m->load[w];
		after = before + pool_rules_work(m->rc, s);
		c += mt->contract * (fabs(after - target) -
		    fabs(before - target)) / 60;
	}
	if (mt->fairness != 0)
		c += mt->fairness * m->load[w] / 60 / m->weeks;
	return c;
}

/*
 * The soft cost of giving s to w now (lower is better).  Travel per km,
 * night preference, signup, continuity (another shift at the same
 * unit), contract hours (per hour moved away from or towards the
 * contract over the horizon), fairness (per average weekly hour the
 * worker already has), over-qualification and change of an earlier
 * proposal.
 */
static double
cost(const struct pool_match *m, long w, long s)
{
	return (float)cost_static(m, w, s) + cost_dynamic(m, w, s);
}

static int
ord_cmp(const void *a, const void *b)
{
	const struct ord *x = a, *y = b;

	if (x->cost != y->cost)
		return x->cost < y->cost ? -1 : 1;
	return (x->rank > y->rank) - (x->rank < y->rank);
}

/* The candidates of open shift s by cost, into m->ord; returns count. */
static long
order_cands(struct pool_match *m, long s, long skip)
{
	long		 o = m->oidx[s], n = 0;
	uint32_t	 i;

	for (i = m->cstart[o]; i < m->cstart[o + 1]; i++) {
		long w = m->cand[i];
		if (w == skip)
			continue;
		m->ord[n].w = w;
		m->ord[n].rank = m->wrank[w];
		m->ord[n].cost = m->cstat[i] + cost_dynamic(m, w, s);
		n++;
	}
	if ((size_t)n > 1)
		qsort(m->ord, (size_t)n, sizeof(*m->ord), ord_cmp);
	return n;
}

/*
 * Give s to its cheapest feasible worker (not skip).  1 if done.  The
 * candidates are taken cheapest first by selection, since the first
 * few usually pass.
 */
static int
try_fill(struct pool_match *m, long s, long skip, int *err)
{
	long		 o = m->oidx[s], n = 0, i, best, w;
	uint32_t	 k;
	struct ord	 t;

	for (k = m->cstart[o]; k < m->cstart[o + 1]; k++) {
		if ((w = m->cand[k]) == skip)
			continue;
		m->ord[n].w = w;
		m->ord[n].rank = m->wrank[w];
		m->ord[n].cost = m->cstat[k] + cost_dynamic(m, w, s);
		n++;
	}
	while (n > 0) {
		for (best = 0, i = 1; i < n; i++)
			if (ord_cmp(&m->ord[i], &m->ord[best]) < 0)
				best = i;
		w = m->ord[best].w;
		m->tot.checks++;
		if (pool_rules_check(m->rc, w, s, NULL, 0) == NULL) {
			if (do_assign(m, s, w) == -1)
				*err = 1;
			return 1;
		}
		t = m->ord[best];
		m->ord[best] = m->ord[n - 1];
		m->ord[n - 1] = t;
		n--;
	}
	return 0;
}

/*
 * The improving moves.  Every move of the search goes through a
 * journal of assignments made and taken back, so that a move that
 * turns out not to hold is undone exactly.
 */
static void
undo_to(struct pool_match *m, long mark, int *err)
{
	struct jop	*j;
	int		 on = m->jon;

	m->jon = 0;
	while (m->jn > mark) {
		j = &m->jr[--m->jn];
		if (j->add)
			do_unassign(m, j->s);
		else if (do_assign(m, j->s, j->w) == -1)
			*err = 1;
	}
	m->jon = on;
}

static int
checks(struct pool_match *m, long w, long s)
{
	m->tot.checks++;
	return pool_rules_check(m->rc, w, s, NULL, 0) == NULL;
}

/*
 * How far from shift s (seconds between starts) the shifts lie that
 * can make rule fail for s: a shift further away cannot be what stops
 * a worker, so giving it up cannot help.  Rules of the shift alone
 * reach 0; a rule not known here reaches every shift.
 */
static int64_t
rule_reach(const char *rule)
{
	static const struct {
		const char	*rule;
		int		 days;
	} reach[] = {
		{ POOL_RULE_OVERLAP, 2 }, { POOL_RULE_SHIFT_MAX, 3 },
		/* a rest may be shortened once per 7 x 24 h */
		{ POOL_RULE_REST_DAILY, 9 }, { POOL_RULE_REST_AFTER_NIGHT, 9 },
		{ POOL_RULE_REST_AFTER_SERIES, 12 },
		{ POOL_RULE_WEEK_MAX, 8 }, { POOL_RULE_WORKER_WEEK, 8 },
		{ POOL_RULE_WEEKLY_REST, 22 },
		{ POOL_RULE_CONSECUTIVE, 12 },
		{ POOL_RULE_CONSECUTIVE_NIGHTS, 12 },
		{ POOL_RULE_AVG_4W, 36 }, { POOL_RULE_AVG_16W, 120 },
		{ POOL_RULE_NIGHTS_16W, 120 },
	};
	size_t	i;

	if (rule == NULL)
		return 0;
	for (i = 0; i < sizeof(reach) / sizeof(reach[0]); i++)
		if (strcmp(reach[i].rule, rule) == 0)
			return (int64_t)reach[i].days * 86400;
	return INT64_MAX;
}

struct nb {
	long	s;
	long	rank;	/* of the shift's id, for ties */
	int64_t	d;
};

static int
nb_cmp(const void *a, const void *b)
{
	const struct nb *x = a, *y = b;

	if (x->d != y->d)
		return x->d < y->d ? -1 : 1;
	return (x->rank > y->rank) - (x->rank < y->rank);
}

/*
 * The proposed shifts of worker w that start within reach of s (and,
 * if minp > 0, have a priority above minp), nearest first, then by id,
 * into m->nb; returns the count.
 */
static long
near_held(struct pool_match *m, long w, long s, int64_t reach, int minp)
{
	const long	*v;
	long		 k, j, n = 0, t;
	int64_t		 st = m->data->shifts.v[s].start, d;

	k = pool_rules_held(m->rc, w, &v);
	if ((size_t)k > m->nbcap) {
		struct nb *nv = realloc(m->nb, (size_t)k * sizeof(*nv));
		if (nv == NULL)
			return -1;
		m->nb = nv;
		m->nbcap = (size_t)k;
	}
	for (j = 0; j < k; j++) {
		t = v[j];
		if (t == s || m->asg[t] != w)
			continue;	/* pinned */
		if (minp > 0 && prio(m, t) <= minp)
			continue;
		d = m->data->shifts.v[t].start - st;
		if (d < 0)
			d = -d;
		if (d > reach)
			continue;
		m->nb[n].s = t;
		m->nb[n].rank = m->srank[t];
		m->nb[n++].d = d;
	}
	if (n > 1)
		qsort(m->nb, (size_t)n, sizeof(*m->nb), nb_cmp);
	return n;
}

/*
 * 1 if every proposed shift of worker w still passes the rules against
 * the others (a shift taken away can break a rule of the next one:
 * the end of a night series moves).
 */
static int
worker_ok(struct pool_match *m, long w, int *err)
{
	const long	*v;
	long		*tmp, k, j, t;
	int		 ok = 1;

	k = pool_rules_held(m->rc, w, &v);
	if ((tmp = malloc(((size_t)k + 1) * sizeof(*tmp))) == NULL) {
		*err = 1;
		return 0;
	}
	memcpy(tmp, v, (size_t)k * sizeof(*tmp));
	for (j = 0; j < k && ok; j++) {
		t = tmp[j];
		if (m->asg[t] != w)
			continue;
		pool_rules_unassign(m->rc, w, t);
		ok = checks(m, w, t);
		if (pool_rules_assign(m->rc, w, t) == -1)
			*err = 1;
	}
	free(tmp);
	return ok && !*err;
}

/*
 * 1 if some worker other than the last of touched (the one who held
 * shift t) could take t now.  The workers who could take t in
 * the state the last committed move left are kept per shift; only the
 * workers the move under way has touched are checked again.
 */
static int
movable(struct pool_match *m, long t, const long *touched, int nt)
{
	struct dcache	*c = &m->dc[t];
	long		 o = m->oidx[t], w;
	uint32_t	 k;
	int		 i, j, in;

	if (c->gen != m->gen) {
		c->gen = m->gen;
		c->n = 0;
		c->skip[0] = c->skip[1] = -1;
		for (i = 0; i < nt; i++)
			c->skip[i] = (int32_t)touched[i];
		for (k = m->cstart[o]; k < m->cstart[o + 1] && c->n < 3;
		    k++) {
			w = m->cand[k];
			for (in = 0, i = 0; i < nt; i++)
				in |= touched[i] == w;
			if (!in && checks(m, w, t))
				c->w[c->n++] = (int32_t)w;
		}
	}
	for (j = 0; j < c->n; j++) {
		for (in = 0, i = 0; i < nt; i++)
			in |= touched[i] == c->w[j];
		if (!in)
			return 1;
	}
	/* skipped when the list was made, or touched now; not the one
	 * who held t (the last touched) */
	for (j = 0; j < 2; j++) {
		if ((w = c->skip[j]) < 0 || w == touched[nt - 1])
			continue;
		for (in = 0, i = 0; i < nt; i++)
			in |= touched[i] == w;
		if (!in && checks(m, w, t))
			return 1;
	}
	for (i = 0; i < nt - 1; i++)
		if (checks(m, touched[i], t))
			return 1;
	return 0;
}

/*
 * Worker w takes s by giving up proposed shifts of priority above p
 * (those within reach of the rule that stops w, widened while another
 * rule stops w); what still fits afterwards is given back, the rest
 * stays open for its own priority.  1 if done.
 */
static int
give_up(struct pool_match *m, long s, long w, int p, int *err)
{
	const char	*rule;
	long		 mark = m->jn, n, j, *back = NULL, nback = 0;
	int64_t		 reach = -1, r;

	m->tot.checks++;
	rule = pool_rules_check(m->rc, w, s, NULL, 0);
	while (rule != NULL) {
		if ((r = rule_reach(rule)) <= reach)
			break;
		reach = r;
		if ((n = near_held(m, w, s, reach, p)) < 0) {
			*err = 1;
			break;
		}
		if (n == 0)
			continue;
		for (j = 0; j < n; j++)
			do_unassign(m, m->nb[j].s);
		m->tot.checks++;
		rule = pool_rules_check(m->rc, w, s, NULL, 0);
	}
	if (rule != NULL || *err) {
		undo_to(m, mark, err);
		return 0;
	}
	if (do_assign(m, s, w) == -1) {
		*err = 1;
		return 0;
	}
	/* give back, most urgent first, then by id */
	if ((back = malloc((size_t)(m->jn - mark) * sizeof(*back))) == NULL) {
		*err = 1;
		return 0;
	}
	for (j = mark; j < m->jn; j++)
		if (!m->jr[j].add)
			back[nback++] = m->jr[j].s;
	by_prio_m = m;
	qsort(back, (size_t)nback, sizeof(*back), by_prio_cmp);
	for (j = 0; j < nback; j++)
		if (checks(m, w, back[j]) && do_assign(m, back[j], w) == -1)
			*err = 1;
	free(back);
	if (*err || !worker_ok(m, w, err)) {
		undo_to(m, mark, err);
		return 0;
	}
	return 1;
}

/* Note a pair (w2, t2) of a place() under way; -1 if out of memory. */
static int
pm_add(struct pool_match *m, long w2, long t2)
{
	if (m->pmlen + 2 > m->pmcap) {
		long nc = m->pmcap ? m->pmcap * 2 : 1024;
		long *nv = realloc(m->pm, (size_t)nc * sizeof(*nv));
		if (nv == NULL)
			return -1;
		m->pm = nv;
		m->pmcap = nc;
	}
	m->pm[m->pmlen++] = w2;
	m->pm[m->pmlen++] = t2;
	return 0;
}

/*
 * The last step of place(): worker w2 has given up t2 and taken t; t2
 * goes directly to another worker or, if less urgent than p, stays
 * open.  1 if done.
 */
static int
place_last(struct pool_match *m, long t2, long w, long w2, int p, int only_w,
    int *err)
{
	long	touched[2] = { w, w2 };

	if (only_w) {
		/* all but w were tried in this state before */
		if (checks(m, w, t2) && do_assign(m, t2, w) == 0 &&
		    worker_ok(m, w2, err))
			return 1;
	} else if (movable(m, t2, touched, 2) && try_fill(m, t2, w2, err) &&
	    worker_ok(m, w2, err))
		return 1;
	return prio(m, t2) > p && m->asg[t2] < 0 && worker_ok(m, w2, err);
}

/*
 * Shift t has just been given up by worker w for an open shift of
 * priority p: it goes directly to another worker, or another worker
 * gives up one of their proposed shifts for it, which goes directly to
 * a third worker or, if less urgent than p, stays open.  1 if done.
 * What is found does not depend on what w holds, but for w taking the
 * last shift: when place() fails for t, the pairs (w2, t2) it reached
 * are kept until the next committed move, and the next try for t
 * tries only those again.
 */
static int
place(struct pool_match *m, long t, long w, int p, int *err)
{
	struct ord	*cands;
	const char	*rule;
	long		 touched[1] = { w }, n, i, j, nn, w2, t2, mark;
	long		 off, cnt;
	struct nb	*nb2;
	int		 done = 0, memo = 1;

	if (m->pmpool != m->gen) {
		m->pmpool = m->gen;
		m->pmlen = 0;
	}
	if (m->pmgen[t] == m->gen + 1) {
		off = m->pmoff[t];
		cnt = m->pmn[t];
		for (j = 0; j < cnt && !done && !*err; j += 2) {
			w2 = m->pm[off + j];
			t2 = m->pm[off + j + 1];
			mark = m->jn;
			do_unassign(m, t2);
			if (do_assign(m, t, w2) == 0)
				done = place_last(m, t2, w, w2, p, 1, err);
			else
				*err = 1;
			if (!done)
				undo_to(m, mark, err);
		}
		return done;
	}
	if (movable(m, t, touched, 1))
		return try_fill(m, t, w, err);
	n = order_cands(m, t, w);
	if ((cands = malloc(((size_t)n + 1) * sizeof(*cands))) == NULL) {
		*err = 1;
		return 0;
	}
	memcpy(cands, m->ord, (size_t)n * sizeof(*cands));
	off = m->pmlen;
	for (i = 0; i < n && !done && !*err; i++) {
		w2 = cands[i].w;
		m->tot.checks++;
		if ((rule = pool_rules_check(m->rc, w2, t, NULL, 0)) == NULL) {
			done = do_assign(m, t, w2) == 0;
			break;
		}
		if ((nn = near_held(m, w2, t, rule_reach(rule), 0)) <= 0)
			continue;
		if ((nb2 = malloc((size_t)nn * sizeof(*nb2))) == NULL) {
			*err = 1;
			break;
		}
		memcpy(nb2, m->nb, (size_t)nn * sizeof(*nb2));
		for (j = 0; j < nn && !done && !*err; j++) {
			t2 = nb2[j].s;
			mark = m->jn;
			do_unassign(m, t2);
			if (checks(m, w2, t) && do_assign(m, t, w2) == 0) {
				if (pm_add(m, w2, t2) == -1)
					memo = 0;
				done = place_last(m, t2, w, w2, p, 0, err);
			}
			if (!done)
				undo_to(m, mark, err);
		}
		free(nb2);
	}
	free(cands);
	if (!done && !*err && memo) {
		m->pmgen[t] = m->gen + 1;
		m->pmoff[t] = off;
		m->pmn[t] = m->pmlen - off;
	}
	return done;
}

/*
 * Worker w gives up one proposed shift near s (within reach of the rule
 * that stops w) and takes s; the shift given up is placed (place).
 * 1 if done.
 */
static int
chain(struct pool_match *m, long s, long w, int p, int *err)
{
	const char	*rule;
	struct nb	*nb;
	long		 n, j, t, mark;
	int		 done = 0;

	m->tot.checks++;
	if ((rule = pool_rules_check(m->rc, w, s, NULL, 0)) == NULL)
		return do_assign(m, s, w) == 0;
	if ((n = near_held(m, w, s, rule_reach(rule), 0)) <= 0) {
		if (n < 0)
			*err = 1;
		return 0;
	}
	if ((nb = malloc((size_t)n * sizeof(*nb))) == NULL) {
		*err = 1;
		return 0;
	}
	memcpy(nb, m->nb, (size_t)n * sizeof(*nb));
	for (j = 0; j < n && !done && !*err; j++) {
		t = nb[j].s;
		mark = m->jn;
		do_unassign(m, t);
		if (checks(m, w, s) && do_assign(m, s, w) == 0 &&
		    place(m, t, w, p, err))
			done = worker_ok(m, w, err);
		if (!done)
			undo_to(m, mark, err);
	}
	free(nb);
	return done;
}

/*
 * An improving move for open shift s of priority p: a worker takes it
 * directly, or by giving up less urgent shifts, or by a chain that
 * moves up to two other assignments.  Workers are tried cheapest
 * first.  1 if a move was made.
 */
static int
improve(struct pool_match *m, long s, int p, int *err)
{
	struct ord	*cands;
	long		 n, i;
	int		 done = 0;

	m->jn = 0;
	m->jon = 1;
	if (try_fill(m, s, -1, err))
		done = 1;
	else if ((n = order_cands(m, s, -1)) > 0) {
		if ((cands = malloc((size_t)n * sizeof(*cands))) == NULL) {
			*err = 1;
			m->jon = 0;
			return 0;
		}
		memcpy(cands, m->ord, (size_t)n * sizeof(*cands));
		for (i = 0; i < n && !done && !*err; i++)
			done = give_up(m, s, cands[i].w, p, err);
		for (i = 0; i < n && !done && !*err; i++)
			done = chain(m, s, cands[i].w, p, err);
		free(cands);
	}
	m->jon = 0;
	m->jn = 0;
	if (m->jfail)
		*err = 1;
	if (done)
		m->gen++;
	return done && !*err;
}

/*
 * 1 if worker w may do without shift t (just taken away).  Only one
 * rule can break by taking a shift away: a night from the middle of a
 * series ends the series before it, and the next shift may then come
 * too early after it.  So the next shift is checked again.
 */
static int
removal_ok(struct pool_match *m, long w, long t)
{
	const long	*v;
	long		 n, i, next = -1;
	int64_t		 end = m->data->shifts.v[t].end;
	const char	*rule;

	if (!pool_rules_night(m->rc, t))
		return 1;
	n = pool_rules_held(m->rc, w, &v);
	for (i = 0; i < n; i++)
		if (m->data->shifts.v[v[i]].start >= end) {
			next = v[i];
			break;
		}
	if (next < 0)
		return 1;
	if (pool_rules_unassign(m->rc, w, next) == -1)
		return 1;
	m->tot.checks++;
	rule = pool_rules_check(m->rc, w, next, NULL, 0);
	if (pool_rules_assign(m->rc, w, next) == -1)
		return 0;
	return rule == NULL;
}

/*
 * Ejection chains: a worker who could take s gives up one of the
 * proposed shifts near s; that shift goes to another worker (directly,
 * or at depth > 1 by a chain of its own), or, if it is less urgent than
 * p, waits for its own priority.  Shifts on the chain are marked so
 * that no deeper step takes them away again.  1 if s got filled.
 */
static int
try_eject(struct pool_match *m, long s, int p, int depth, int *err)
{
	struct ord	*cands;
	struct nb	 nb[64];
	const long	*v;
	long		 n, i, j, k, w, nn, t;
	int64_t		 st = m->data->shifts.v[s].start, d;
	int		 ok;

	n = order_cands(m, s, -1);
	if (n == 0)
		return 0;
	if ((cands = malloc((size_t)n * sizeof(*cands))) == NULL) {
		*err = 1;
		return 0;
	}
	memcpy(cands, m->ord, (size_t)n * sizeof(*cands));
	m->mark[s] = 1;
	for (i = 0; i < n && !*err; i++) {
		w = cands[i].w;
		nn = 0;
		k = pool_rules_held(m->rc, w, &v);
		for (j = 0; j < k && nn < 64; j++) {
			t = v[j];
			d = m->data->shifts.v[t].start - st;
			if (d < 0)
				d = -d;
			if (d > EJECT_NEAR || m->asg[t] != w || m->mark[t])
				continue;	/* far, pinned or on the chain */
			nb[nn].s = t;
			nb[nn].rank = m->srank[t];
			nb[nn++].d = d;
		}
		if ((size_t)nn > 1)
			qsort(nb, (size_t)nn, sizeof(*nb), nb_cmp);
		if (nn > EJECT_MAX)
			nn = EJECT_MAX;
		for (j = 0; j < nn; j++) {
			if (m->tot.checks >= m->budget)
				goto out;
			t = nb[j].s;
			do_unassign(m, t);
			m->tot.checks++;
			if (pool_rules_check(m->rc, w, s, NULL, 0) == NULL &&
			    removal_ok(m, w, t)) {
				if (do_assign(m, s, w) == -1)
					goto fail;
				ok = depth > 1 ? try_fill(m, t, w, err) ||
				    try_eject(m, t, p, depth - 1, err) :
				    try_fill(m, t, w, err);
				if (ok || prio(m, t) > p) {
					m->mark[s] = 0;
					free(cands);
					return 1;
				}
				do_unassign(m, s);
			}
			if (do_assign(m, t, w) == -1)
				goto fail;
		}
	}
out:
	m->mark[s] = 0;
	free(cands);
	return 0;
fail:
	*err = 1;
	m->mark[s] = 0;
	free(cands);
	return 0;
}

/*
 * Soft quotas honoured.  In soft mode each organisation is filled up
 * to its entitlement before any above it, at every priority: a worker
 * who holds a shift of an allocation above its entitlement moves to an
 * open shift of the same priority of another allocation below its
 * entitlement when the rules allow, if that lowers the total shortfall
 * below entitlement.  The cover per priority stays as it was and the
 * shortfall only falls, so the passes end.
 */

/* How far allocation a is below its entitlement (0 if not). */
static double
shortfall(const struct pool_match *m, long a, double more)
{
	double	d = m->allocs[a].entitled - (m->allocs[a].used + more);

	return d > 0 ? d : 0;
}

/*
 * The fall in total shortfall if shift t (allocation a) is given up
 * and shift s (allocation b) taken instead; 0 or less if none.
 */
static double
quota_gain(const struct pool_match *m, long t, long s)
{
	long	a = m->salloc[t], b = m->salloc[s];

	if (a < 0 || b < 0 || a == b ||
	    m->allocs[a].used <= m->allocs[a].entitled + 1e-9)
		return 0;
	return shortfall(m, b, 0) - shortfall(m, b, units(m, s)) -
	    (shortfall(m, a, -units(m, t)) - shortfall(m, a, 0));
}

/* A quota move into open shift s; 1 if made. */
static int
quota_move(struct pool_match *m, long s, int *err)
{
	const long	*v;
	long		 o = m->oidx[s], w, n, j, t, *held;
	uint32_t	 k;
	int		 done = 0;

	for (k = m->cstart[o]; k < m->cstart[o + 1] && !done && !*err;
	    k++) {
		w = m->cand[k];
		n = pool_rules_held(m->rc, w, &v);
		if ((held = malloc(((size_t)n + 1) * sizeof(*held))) == NULL) {
			*err = 1;
			break;
		}
		if (n > 0)
			memcpy(held, v, (size_t)n * sizeof(*held));
		for (j = 0; j < n && !done && !*err; j++) {
			t = held[j];
			if (m->asg[t] != w || prio(m, t) != prio(m, s) ||
			    quota_gain(m, t, s) <= 1e-9)
				continue;
			m->jn = 0;
			m->jon = 1;
			do_unassign(m, t);
			if (checks(m, w, s) && do_assign(m, s, w) == 0 &&
			    worker_ok(m, w, err))
				done = 1;
			else
				undo_to(m, 0, err);
			m->jon = 0;
			m->jn = 0;
		}
		free(held);
	}
	if (m->jfail)
		*err = 1;
	if (done)
		m->gen++;
	return done && !*err;
}

/*
 * Passes of quota moves over the open shifts below their entitlement,
 * by id, until none.  Returns the number of moves, or -1 (memory).
 */
static long
quota_all(struct pool_match *m)
{
	long	i, s, moved, total = 0;
	int	e = 0;

	if (m->nalloc == 0 || m->conf->allocation.strict)
		return 0;
	do {
		moved = 0;
		for (i = 0; i < m->nsorder; i++) {
			s = m->sorder[i];
			if (m->oidx[s] < 0 || m->asg[s] >= 0 ||
			    m->salloc[s] < 0 || shortfall(m, m->salloc[s], 0) <
			    1e-9)
				continue;
			if (m->limit > 0 && elapsed(m) > m->limit) {
				m->tot.stopped = 1;
				return total;
			}
			if (quota_move(m, s, &e))
				moved++;
			if (e)
				return -1;
		}
		m->tot.moves += moved;
		total += moved;
	} while (moved > 0);
	return total;
}

/*
 * Signups first among equals.  After the cover (and the key), as many
 * shifts as possible go to a worker who signed up for them, before the
 * other soft goals.  A signup move never leaves a filled shift open:
 * a signer takes shift s from its holder (or takes it open), if need be
 * by giving up proposed shifts near s (one, or all within reach of the
 * rule that stops them), each of which goes directly to another
 * worker, signers first.  A move is made only if it raises the number
 * of shifts held by a signer, so the passes end.
 */

/* 1 if shift s is held by a worker who signed up for it. */
static int
honoured(const struct pool_match *m, long s)
{
	return m->asg[s] >= 0 && signed_up(m, m->asg[s], s);
}

/* Give t directly to a worker other than not: signers first. */
static int
place_signer_first(struct pool_match *m, long t, long not, int *err)
{
	long	i, w;

	for (i = m->sgstart[t]; i < m->sgstart[t + 1]; i++) {
		w = m->sgw[i];
		if (w == not || m->wrank[w] < 0 || !checks(m, w, t))
			continue;
		if (do_assign(m, t, w) == -1) {
			*err = 1;
			return 0;
		}
		return 1;
	}
	return try_fill(m, t, not, err);
}

/*
 * The change in the number of shifts held by a signer that the journal
 * of the move under way makes (each shift's state before is that of
 * its first step).
 */
static long
journal_gain(const struct pool_match *m)
{
	long	j, k, s, before, gain = 0;

	for (j = 0; j < m->jn; j++) {
		s = m->jr[j].s;
		for (k = 0; k < j && m->jr[k].s != s; k++)
			;
		if (k < j)
			continue;
		before = m->jr[j].add ? 0 : signed_up(m, m->jr[j].w, s);
		gain += honoured(m, s) - before;
	}
	return gain;
}

/* 1 if every worker who gave up a shift in the move still passes. */
static int
journal_ok(struct pool_match *m, int *err)
{
	long	j, k, w;

	for (j = 0; j < m->jn; j++) {
		if (m->jr[j].add)
			continue;
		w = m->jr[j].w;
		for (k = 0; k < j && (m->jr[k].add || m->jr[k].w != w); k++)
			;
		if (k == j && !worker_ok(m, w, err))
			return 0;
	}
	return !*err;
}

/*
 * Worker w, who signed up for s, takes it after giving up the shifts
 * gu[0..n) (taken away already), each of which goes to another worker
 * directly (signers first) or by moving one more assignment.  If s was
 * open, one of them that no one can take may stay open instead when it
 * has the priority, the allocation and the units of s: the cover per
 * priority and the organisation's share stay as they were.  1 if the move holds and
 * raises the signups; the caller undoes it otherwise.
 */
static int
signup_finish(struct pool_match *m, long s, long w, const long *gu, long n,
    int was_open, int *err)
{
	long	j, a;

	if (!checks(m, w, s) || do_assign(m, s, w) == -1)
		return 0;
	for (j = 0; j < n; j++) {
		if (place_signer_first(m, gu[j], w, err) ||
		    place(m, gu[j], w, POOL_MATCH_NPRIO + 1, err))
			continue;
		if (*err || !was_open || prio(m, gu[j]) != prio(m, s) ||
		    m->salloc[gu[j]] != m->salloc[s] ||
		    units(m, gu[j]) != units(m, s))
			return 0;
		was_open = 0;
	}
	if (*err)
		return 0;
	if ((a = m->salloc[s]) >= 0 && m->conf->allocation.strict &&
	    m->allocs[a].used > m->allocs[a].entitled + 1e-9)
		return 0;
	return journal_gain(m) > 0 && journal_ok(m, err);
}

/* A signup move for shift s and its signer w; 1 if made. */
static int
signup_move(struct pool_match *m, long s, long w, int *err)
{
	const char	*rule;
	long		 w0 = m->asg[s], n, j, *gu, mark;
	int		 done = 0;

	m->jn = 0;
	m->jon = 1;
	if (w0 >= 0)
		do_unassign(m, s);
	m->tot.checks++;
	rule = pool_rules_check(m->rc, w, s, NULL, 0);
	if (rule == NULL) {
		done = signup_finish(m, s, w, NULL, 0, w0 < 0, err);
		goto out;
	}
	if ((n = near_held(m, w, s, rule_reach(rule), 0)) <= 0) {
		if (n < 0)
			*err = 1;
		goto out;
	}
	if ((gu = malloc((size_t)n * sizeof(*gu))) == NULL) {
		*err = 1;
		goto out;
	}
	for (j = 0; j < n; j++)
		gu[j] = m->nb[j].s;
	/* one shift given up, nearest first; then all of them */
	for (j = 0; j < n && !done && !*err; j++) {
		mark = m->jn;
		do_unassign(m, gu[j]);
		if (!(done = signup_finish(m, s, w, gu + j, 1, w0 < 0,
		    err)))
			undo_to(m, mark, err);
	}
	if (!done && !*err && n > 1) {
		by_prio_m = m;
		qsort(gu, (size_t)n, sizeof(*gu), by_prio_cmp);
		for (j = 0; j < n; j++)
			do_unassign(m, gu[j]);
		done = signup_finish(m, s, w, gu, n, w0 < 0, err);
	}
	free(gu);
out:
	if (!done || *err)
		undo_to(m, 0, err);
	m->jon = 0;
	m->jn = 0;
	if (m->jfail)
		*err = 1;
	if (done)
		m->gen++;
	return done && !*err;
}

/*
 * Passes of signup moves over the signed-up shifts, by id, until none.
 * Returns the number of moves made, or -1 (memory).
 */
static long
signup_all(struct pool_match *m)
{
	long	i, k, s, w, moved, total = 0;
	int	e = 0;

	do {
		moved = 0;
		for (i = 0; i < m->nsorder; i++) {
			s = m->sorder[i];
			if (m->oidx[s] < 0 || honoured(m, s) ||
			    m->sgstart[s] == m->sgstart[s + 1])
				continue;
			if (m->asg[s] < 0 && m->conf->allocation.strict &&
			    over_quota(m, s))
				continue;
			if (m->limit > 0 && elapsed(m) > m->limit) {
				m->tot.stopped = 1;
				return total;
			}
			for (k = m->sgstart[s]; k < m->sgstart[s + 1]; k++) {
				w = m->sgw[k];
				if (m->wrank[w] < 0)
					continue;
				if (signup_move(m, s, w, &e)) {
					moved++;
					break;
				}
				if (e)
					return -1;
			}
		}
		m->tot.moves += moved;
		total += moved;
	} while (moved > 0);
	return total;
}

/*
 * Series: the shifts of one request (a shift's series field, such as a
 * leave cover) go to as few workers as the rules allow.  A series move
 * gives a shift of a series to a worker who holds as many shifts of it
 * or more (the most first, ties by worker id); if a rule
 * stops that worker, they give up proposed shifts near it that belong
 * to no series, each going directly to another worker, signers first.
 * No filled shift is left open and no fewer shifts go to a signer.
 * Each move raises the sum of the squares of the series' counts per
 * worker, so the passes end.
 */

/* How many of the shifts v[0..n) worker w holds. */
static long
series_count(const struct pool_match *m, const long *v, long n, long w)
{
	long	i, c = 0;

	for (i = 0; i < n; i++)
		c += m->asg[v[i]] == w;
	return c;
}

/* A series move of shift t to worker w; 1 if made. */
static int
series_move(struct pool_match *m, long t, long w, int *err)
{
	const char	*rule;
	long		 n, j, k, *gu;
	int		 done = 0;

	m->jn = 0;
	m->jon = 1;
	do_unassign(m, t);
	m->tot.checks++;
	rule = pool_rules_check(m->rc, w, t, NULL, 0);
	if (rule != NULL &&
	    (n = near_held(m, w, t, rule_reach(rule), 0)) > 0) {
		if ((gu = malloc((size_t)n * sizeof(*gu))) == NULL) {
			*err = 1;
			n = 0;
		}
		for (k = 0, j = 0; j < n; j++)
			if (m->data->shifts.v[m->nb[j].s].series == NULL &&
			    m->asg[m->nb[j].s] == w)
				gu[k++] = m->nb[j].s;
		for (j = 0; j < k; j++)
			do_unassign(m, gu[j]);
		if (checks(m, w, t) && do_assign(m, t, w) == 0) {
			for (done = 1, j = 0; j < k && done; j++)
				done = place_signer_first(m, gu[j], w, err);
		}
		free(gu);
	} else if (rule == NULL)
		done = do_assign(m, t, w) == 0;
	if (done)
		done = !*err && journal_gain(m) >= 0 && journal_ok(m, err);
	if (!done || *err)
		undo_to(m, 0, err);
	m->jon = 0;
	m->jn = 0;
	if (m->jfail)
		*err = 1;
	if (done)
		m->gen++;
	return done && !*err;
}

/* A shift's series order: series, then start, then id. */
static const struct pool_match *by_series_m;

static int
by_series_cmp(const void *a, const void *b)
{
	const struct pool_match	*m = by_series_m;
	const struct pool_shift	*x = &m->data->shifts.v[*(const long *)a];
	const struct pool_shift	*y = &m->data->shifts.v[*(const long *)b];
	int			 c = strcmp(x->series, y->series);

	if (c != 0)
		return c;
	if (x->org != y->org)
		return strcmp(x->org, y->org);
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (m->srank[*(const long *)a] > m->srank[*(const long *)b]) -
	    (m->srank[*(const long *)a] < m->srank[*(const long *)b]);
}

/*
 * Passes of series moves over the series (of one organisation each),
 * until none.  Returns the number of moves, or -1 (memory).
 */
static long
series_all(struct pool_match *m)
{
	long	*v, *tw = NULL, *tc = NULL, n = 0, i, j, k, a, q, nt, c, cx;
	long	 w, x, moved, total = 0;
	int	 e = 0;

	if ((v = malloc(((size_t)m->nopen + 1) * sizeof(*v))) == NULL)
		return -1;
	for (i = 0; i < m->nopen; i++)
		if (m->data->shifts.v[m->open[i]].series != NULL)
			v[n++] = m->open[i];
	if (n == 0 || (tw = malloc(((size_t)n + 1) * sizeof(*tw))) == NULL ||
	    (tc = malloc(((size_t)n + 1) * sizeof(*tc))) == NULL) {
		free(v);
		free(tw);
		return n == 0 ? 0 : -1;
	}
	by_series_m = m;
	qsort(v, (size_t)n, sizeof(*v), by_series_cmp);
	do {
		moved = 0;
		for (a = 0; a < n; a = k) {
			const struct pool_shift *sh = &m->data->shifts.v[v[a]];
			for (k = a + 1; k < n && strcmp(m->data->shifts.v[
			    v[k]].series, sh->series) == 0 &&
			    m->data->shifts.v[v[k]].org == sh->org; k++)
				;
			for (i = a; i < k; i++) {
				if ((x = m->asg[v[i]]) < 0)
					continue;
				cx = series_count(m, v + a, k - a, x);
				/* to a worker who holds as many or more, the
				 * most first, then by id */
				for (nt = 0, j = a; j < k; j++) {
					if ((w = m->asg[v[j]]) < 0 || w == x ||
					    (c = series_count(m, v + a, k - a,
					    w)) < cx)
						continue;
					for (q = 0; q < nt && tw[q] != w; q++)
						;
					if (q < nt)
						continue;
					for (q = nt++; q > 0 && (tc[q - 1] < c ||
					    (tc[q - 1] == c && m->wrank[tw[q -
					    1]] > m->wrank[w])); q--) {
						tw[q] = tw[q - 1];
						tc[q] = tc[q - 1];
					}
					tw[q] = w;
					tc[q] = c;
				}
				if (m->limit > 0 && elapsed(m) > m->limit) {
					m->tot.stopped = 1;
					goto out;
				}
				for (q = 0; q < nt; q++) {
					if (series_move(m, v[i], tw[q], &e)) {
						moved++;
						break;
					}
					if (e) {
						total = -1;
						goto out;
					}
				}
			}
		}
		m->tot.moves += moved;
		total += moved;
	} while (moved > 0);
out:
	free(v);
	free(tw);
	free(tc);
	return total;
}

struct lorder {
	long	s;
	long	ncand;
	long	rank;
	int64_t	start;
	int	p;
};

static int
lorder_cmp(const void *a, const void *b)
{
	const struct lorder *x = a, *y = b;

	if (x->p != y->p)
		return x->p - y->p;
	if (x->ncand != y->ncand)
		return x->ncand < y->ncand ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->rank > y->rank) - (x->rank < y->rank);
}

struct pool_match *
pool_match_new(const struct pool_config *conf, const struct pool_data *data,
    const struct pool_tz *tz, struct pool_error *err)
{
	struct pool_match	*m;

	if ((m = calloc(1, sizeof(*m))) == NULL) {
		pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
		return NULL;
	}
	m->conf = conf;
	m->data = data;
	m->tz = tz;
	m->nw = (long)data->workers.n;
	m->ns = (long)data->shifts.n;
	if ((m->rc = pool_rules_new(conf, data, tz, 1, err)) == NULL) {
		free(m);
		return NULL;
	}
	return m;
}

static int
setup(struct pool_match *m)
{
	const struct pool_data	*d = m->data;
	long			*tmp, i, n, s, w;
	size_t			 k;
	int64_t			 h0 = INT64_MAX, h1 = INT64_MIN;

	if ((m->wrank = malloc((m->nw + 1) * sizeof(long))) == NULL ||
	    (m->srank = malloc((m->ns + 1) * sizeof(long))) == NULL ||
	    (m->sorder = malloc((m->ns + 1) * sizeof(long))) == NULL ||
	    (m->pinned = malloc((m->ns + 1) * sizeof(long))) == NULL ||
	    (m->prev = malloc((m->ns + 1) * sizeof(long))) == NULL ||
	    (m->asg = malloc((m->ns + 1) * sizeof(long))) == NULL ||
	    (m->oidx = malloc((m->ns + 1) * sizeof(long))) == NULL ||
	    (m->dc = calloc(m->ns + 1, sizeof(*m->dc))) == NULL ||
	    (m->mark = calloc(m->ns + 1, 1)) == NULL ||
	    (m->pmgen = calloc(m->ns + 1, sizeof(*m->pmgen))) == NULL ||
	    (m->failgen = calloc(m->ns + 1, sizeof(*m->failgen))) == NULL ||
	    (m->pmoff = calloc(m->ns + 1, sizeof(*m->pmoff))) == NULL ||
	    (m->pmn = calloc(m->ns + 1, sizeof(*m->pmn))) == NULL ||
	    (m->open = malloc((m->ns + 1) * sizeof(long))) == NULL ||
	    (m->load = calloc(m->nw + 1, sizeof(double))) == NULL ||
	    (m->recent = calloc((m->nw + 1) * RECENT,
	    sizeof(*m->recent))) == NULL ||
	    (m->sgstart = calloc(m->ns + 2, sizeof(long))) == NULL ||
	    (m->sgw = malloc((d->signups.n + 1) * sizeof(long))) == NULL ||
	    (tmp = malloc((m->nw + 1) * sizeof(long))) == NULL)
		return -1;

	/* canonical workers and shifts, ranked by id */
	sort_data = d;
	for (n = 0, i = 0; i < m->nw; i++) {
		m->wrank[i] = -1;
		if (pool_data_worker(d, d->workers.v[i].id) == i)
			tmp[n++] = i;
	}
	if ((size_t)n > 1)
		qsort(tmp, (size_t)n, sizeof(long), worker_cmp);
	for (i = 0; i < n; i++)
		m->wrank[tmp[i]] = i;
	m->ncanon = n;
	free(tmp);
	for (n = 0, i = 0; i < m->ns; i++) {
		m->srank[i] = -1;
		m->pinned[i] = m->prev[i] = m->asg[i] = m->oidx[i] = -1;
		if (pool_data_shift(d, d->shifts.v[i].id) == i)
			m->sorder[n++] = i;
	}
	if ((size_t)n > 1)
		qsort(m->sorder, (size_t)n, sizeof(long), shift_cmp);
	m->nsorder = n;
	for (i = 0; i < n; i++)
		m->srank[m->sorder[i]] = i;

	for (k = 0; k < d->assignments.n; k++) {
		const struct pool_assignment *a = &d->assignments.v[k];
		if ((s = pool_data_shift(d, a->shift)) < 0 ||
		    (w = pool_data_worker(d, a->worker)) < 0)
			continue;
		if (a->status == POOL_CONFIRMED) {
			if (m->pinned[s] < 0 ||
			    m->wrank[w] < m->wrank[m->pinned[s]])
				m->pinned[s] = w;
		} else
			m->prev[s] = w;
	}
	for (i = 0; i < m->nsorder; i++) {
		s = m->sorder[i];
		m->lv[prio(m, s)].shifts++;
		if (m->pinned[s] >= 0) {
			m->lv[prio(m, s)].pinned++;
			continue;
		}
		m->oidx[s] = m->nopen;
		m->open[m->nopen++] = s;
		h0 = d->shifts.v[s].start < h0 ? d->shifts.v[s].start : h0;
		h1 = d->shifts.v[s].end > h1 ? d->shifts.v[s].end : h1;
	}
	m->h0 = h0;
	m->h1 = h1;
	m->weeks = h1 > h0 ? (double)(h1 - h0) / (7 * 86400.0) : 1;
	if (m->weeks < 1)
		m->weeks = 1;
	/* load: pinned work in the horizon */
	for (i = 0; i < m->nsorder; i++) {
		s = m->sorder[i];
		if (m->pinned[s] >= 0 && in_horizon(m, s))
			m->load[m->pinned[s]] += pool_rules_work(m->rc, s);
		if (m->pinned[s] >= 0)
			remember(m, m->pinned[s], s);
	}
	/* signups as lists per shift */
	for (k = 0; k < d->signups.n; k++)
		if ((s = pool_data_shift(d, d->signups.v[k].shift)) >= 0 &&
		    pool_data_worker(d, d->signups.v[k].worker) >= 0)
			m->sgstart[s + 1]++;
	for (s = 0; s < m->ns; s++)
		m->sgstart[s + 1] += m->sgstart[s];
	{
		long *fill = calloc(m->ns + 1, sizeof(long));
		if (fill == NULL)
			return -1;
		for (k = 0; k < d->signups.n; k++)
			if ((s = pool_data_shift(d,
			    d->signups.v[k].shift)) >= 0 &&
			    (w = pool_data_worker(d,
			    d->signups.v[k].worker)) >= 0)
				m->sgw[m->sgstart[s] + fill[s]++] = w;
		free(fill);
	}
	return setup_allocations(m);
}

/*
 * A grid over the locations of the workers of a role list with a
 * travel limit, so that a shift looks only at the cells within reach;
 * workers without a location or a limit are always looked at.
 */
struct grid {
	double	 lat0, lon0, dlat, dlon, rmax;
	long	 ny, nx;
	long	*start;		/* ny * nx + 1 offsets into w */
	long	*w;
	long	*any;		/* workers looked at for every shift */
	long	 nany;
};

static void
grids_free(struct grid *g, long n)
{
	long	i;

	if (g == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(g[i].start);
		free(g[i].w);
		free(g[i].any);
	}
	free(g);
}

static long
cell(const struct grid *g, double lat, double lon)
{
	long	y = (long)floor((lat - g->lat0) / g->dlat);
	long	x = (long)floor((lon - g->lon0) / g->dlon);

	return y * g->nx + x;
}

static int
grid_build(struct pool_match *m, struct grid *g, const long *list, long n)
{
	const struct pool_worker	*wk;
	double				 la1 = 1e9, la2 = -1e9, lo1 = 1e9;
	double				 lo2 = -1e9;
	long				 i, nb = 0, *fill, c;

	memset(g, 0, sizeof(*g));
	if ((g->any = malloc((n + 1) * sizeof(long))) == NULL ||
	    (g->w = malloc((n + 1) * sizeof(long))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		wk = &m->data->workers.v[list[i]];
		if (!wk->has_location || wk->max_travel_km < 0 ||
		    fabs(wk->lat) > 80) {
			g->any[g->nany++] = list[i];
			continue;
		}
		nb++;
		la1 = fmin(la1, wk->lat);
		la2 = fmax(la2, wk->lat);
		lo1 = fmin(lo1, wk->lon);
		lo2 = fmax(lo2, wk->lon);
		g->rmax = fmax(g->rmax, wk->max_travel_km);
	}
	g->dlat = 0.25;
	g->dlon = 0.4;
	if (nb > 0) {
		while ((la2 - la1) / g->dlat * ((lo2 - lo1) / g->dlon) > 1e6) {
			g->dlat *= 2;
			g->dlon *= 2;
		}
		g->lat0 = la1;
		g->lon0 = lo1;
		g->ny = (long)((la2 - la1) / g->dlat) + 1;
		g->nx = (long)((lo2 - lo1) / g->dlon) + 1;
	}
	if ((g->start = calloc(g->ny * g->nx + 2, sizeof(long))) == NULL ||
	    (fill = calloc(g->ny * g->nx + 1, sizeof(long))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		wk = &m->data->workers.v[list[i]];
		if (!wk->has_location || wk->max_travel_km < 0 ||
		    fabs(wk->lat) > 80)
			continue;
		g->start[cell(g, wk->lat, wk->lon) + 1]++;
	}
	for (c = 0; c < g->ny * g->nx; c++)
		g->start[c + 1] += g->start[c];
	for (i = 0; i < n; i++) {
		wk = &m->data->workers.v[list[i]];
		if (!wk->has_location || wk->max_travel_km < 0 ||
		    fabs(wk->lat) > 80)
			continue;
		c = cell(g, wk->lat, wk->lon);
		g->w[g->start[c] + fill[c]++] = list[i];
	}
	free(fill);
	return 0;
}

static int
add_cand(struct pool_match *m, long w, size_t *nc, size_t *cap)
{
	if (*nc == *cap) {
		int32_t *nv;
		*cap *= 2;
		if ((nv = realloc(m->cand, *cap * sizeof(int32_t))) == NULL)
			return -1;
		m->cand = nv;
	}
	m->cand[(*nc)++] = (int32_t)w;
	return 0;
}

/* The workers of a role list who pass the static rules for s. */
static int
grid_scan(struct pool_match *m, const struct grid *g, long s,
    const long *list, long n, size_t *nc, size_t *cap)
{
	const struct pool_shift	*sh = &m->data->shifts.v[s];
	double			 rl, ro, cl;
	long			 i, y, x, y0, y1, x0, x1, c, cy, cx, ring;
	long			 found, cnt, off, k;

	if (!sh->has_location || g->ny == 0) {
		for (i = 0; i < n; i++)
			if (pool_rules_check_static(m->rc, list[i], s, NULL,
			    0) == NULL && add_cand(m, list[i], nc, cap) == -1)
				return -1;
		return 0;
	}
	for (i = 0; i < g->nany; i++)
		if (pool_rules_check_static(m->rc, g->any[i], s, NULL, 0) ==
		    NULL && add_cand(m, g->any[i], nc, cap) == -1)
			return -1;
	/* cells within reach: 1 degree of latitude is at least 110.5 km */
	rl = g->rmax / 110.5 + 0.01;
	cl = cos(fmin(fabs(sh->lat) + rl, 89.0) * M_PI / 180);
	ro = g->rmax / (111.4 * cl) + 0.01;
	y0 = (long)floor((sh->lat - rl - g->lat0) / g->dlat);
	y1 = (long)floor((sh->lat + rl - g->lat0) / g->dlat);
	x0 = (long)floor((sh->lon - ro - g->lon0) / g->dlon);
	x1 = (long)floor((sh->lon + ro - g->lon0) / g->dlon);
	y0 = y0 < 0 ? 0 : y0;
	x0 = x0 < 0 ? 0 : x0;
	y1 = y1 >= g->ny ? g->ny - 1 : y1;
	x1 = x1 >= g->nx ? g->nx - 1 : x1;
	if (n <= NEAR_ALL) {
		for (y = y0; y <= y1; y++)
			for (x = x0; x <= x1; x++) {
				c = y * g->nx + x;
				for (i = g->start[c]; i < g->start[c + 1]; i++)
					if (pool_rules_check_static(m->rc,
					    g->w[i], s, NULL, 0) == NULL &&
					    add_cand(m, g->w[i], nc, cap) == -1)
						return -1;
			}
		return 0;
	}
	/*
	 * A long role list: rings of cells around the shift, nearest
	 * first, until NEAR_KEEP candidates are found.
	 */
	cy = (long)floor((sh->lat - g->lat0) / g->dlat);
	cx = (long)floor((sh->lon - g->lon0) / g->dlon);
	found = 0;
	for (ring = 0; found < NEAR_KEEP; ring++) {
		int any = 0;
		for (y = cy - ring; y <= cy + ring; y++)
			for (x = cx - ring; x <= cx + ring; x++) {
				if (labs(y - cy) != ring && labs(x - cx) != ring)
					continue;
				if (y < y0 || y > y1 || x < x0 || x > x1)
					continue;
				any = 1;
				c = y * g->nx + x;
				cnt = g->start[c + 1] - g->start[c];
				/* start where the shift's id says, so that no
				 * worker is always first */
				off = cnt ? (long)(((uint64_t)m->srank[s] *
				    2654435761u) % (uint64_t)cnt) : 0;
				for (k = 0; k < cnt && found < NEAR_KEEP; k++) {
					i = g->start[c] + (off + k) % cnt;
					if (pool_rules_check_static(m->rc,
					    g->w[i], s, NULL, 0) == NULL) {
						if (add_cand(m, g->w[i], nc,
						    cap) == -1)
							return -1;
						found++;
					}
				}
			}
		if (!any && (cy - ring < y0 && cy + ring > y1 &&
		    cx - ring < x0 && cx + ring > x1))
			break;
	}
	return 0;
}

/* Role lists and the candidates (static rules) of every open shift. */
static int
setup_candidates(struct pool_match *m)
{
	const struct pool_data	*d = m->data;
	struct pool_ptrmap	 map;
	const char		**roles = NULL;
	struct grid		*grids = NULL;
	long			*byrank = NULL, nr = 0, capr = 0, i, o, w, r;
	size_t			 cap, nc = 0, nl = 0, capl;
	uint32_t		 q;

	memset(&map, 0, sizeof(map));
	if ((m->srole = malloc((m->nopen + 1) * sizeof(long))) == NULL ||
	    (byrank = malloc((m->nw + 1) * sizeof(long))) == NULL)
		goto fail;
	for (i = 0; i < m->nw; i++)
		if (m->wrank[i] >= 0)
			byrank[m->wrank[i]] = i;
	for (o = 0; o < m->nopen; o++) {
		const char *role = d->shifts.v[m->open[o]].role;
		if ((r = pool_ptrmap_get(&map, role)) < 0) {
			if (nr == capr) {
				const char **nv;
				capr = capr ? capr * 2 : 16;
				nv = realloc(roles, capr * sizeof(*nv));
				if (nv == NULL)
					goto fail;
				roles = nv;
			}
			roles[nr] = role;
			r = nr++;
			if (pool_ptrmap_put(&map, role, r) == -1)
				goto fail;
		}
		m->srole[o] = r;
	}
	m->nroles = nr;
	if ((m->rlstart = calloc(nr + 1, sizeof(long))) == NULL)
		goto fail;
	capl = 1024;
	if ((m->wroles = malloc(capl * sizeof(long))) == NULL)
		goto fail;
	for (r = 0; r < nr; r++) {
		m->rlstart[r] = (long)nl;
		for (i = 0; i < m->ncanon; i++) {
			const struct pool_worker *wk;
			w = byrank[i];
			wk = &d->workers.v[w];
			for (q = 0; q < wk->roles.n; q++)
				if (wk->roles.v[q] == roles[r] ||
				    pool_config_role_covers(m->conf,
				    wk->roles.v[q], roles[r]))
					break;
			if (q == wk->roles.n)
				continue;
			if (nl == capl) {
				long *nv;
				capl *= 2;
				if ((nv = realloc(m->wroles,
				    capl * sizeof(long))) == NULL)
					goto fail;
				m->wroles = nv;
			}
			m->wroles[nl++] = w;
		}
	}
	m->rlstart[nr] = (long)nl;

	cap = 1024;
	if ((grids = calloc(nr + 1, sizeof(*grids))) == NULL)
		goto fail;
	if ((m->cstart = malloc((m->nopen + 1) * sizeof(uint32_t))) == NULL ||
	    (m->cand = malloc(cap * sizeof(int32_t))) == NULL)
		goto fail;
	for (r = 0; r < nr; r++)
		if (grid_build(m, &grids[r], m->wroles + m->rlstart[r],
		    m->rlstart[r + 1] - m->rlstart[r]) == -1)
			goto fail;
	for (o = 0; o < m->nopen; o++) {
		long s = m->open[o];
		r = m->srole[o];
		m->cstart[o] = (uint32_t)nc;
		if (grid_scan(m, &grids[r], s, m->wroles + m->rlstart[r],
		    m->rlstart[r + 1] - m->rlstart[r], &nc, &cap) == -1)
			goto fail;
		if (nc > UINT32_MAX - 1024)
			goto fail;
	}
	m->cstart[m->nopen] = (uint32_t)nc;
	if ((m->cstat = malloc((nc + 1) * sizeof(float))) == NULL)
		goto fail;
	for (o = 0; o < m->nopen; o++)
		for (q = m->cstart[o]; q < m->cstart[o + 1]; q++)
			m->cstat[q] = (float)cost_static(m, m->cand[q],
			    m->open[o]);
	m->nord = (size_t)(m->nw + 1);
	if ((m->ord = malloc(m->nord * sizeof(*m->ord))) == NULL)
		goto fail;
	grids_free(grids, nr);
	free(roles);
	free(byrank);
	pool_ptrmap_release(&map);
	return 0;
fail:
	grids_free(grids, nr);
	free(roles);
	free(byrank);
	pool_ptrmap_release(&map);
	return -1;
}

/*
 * Passes over the open shifts lo[a..b) (by priority, scarcest first)
 * with improving moves until a whole pass makes none, or the time
 * limit ends the search.  Every move makes the cover by priority
 * better, so the passes end.  Returns 0, or -1 with *e set (memory).
 */
static int
improve_all(struct pool_match *m, const struct lorder *lo, long a, long b,
    int *e)
{
	long	o, s, moved;

	do {
		moved = 0;
		for (o = a; o < b; o++) {
			s = lo[o].s;
			if (m->asg[s] >= 0 || lo[o].ncand == 0)
				continue;
			if (m->conf->allocation.strict && over_quota(m, s))
				continue;
			if (m->limit > 0 && elapsed(m) > m->limit) {
				m->tot.stopped = 1;
				return 0;
			}
			/* no move found in this very state before */
			if (m->failgen[s] == m->gen + 1)
				continue;
			if (improve(m, s, lo[o].p, e))
				moved++;
			else
				m->failgen[s] = m->gen + 1;
			if (*e)
				return -1;
		}
		m->tot.passes++;
		m->tot.moves += moved;
	} while (moved > 0);
	return 0;
}

int
pool_match_run(struct pool_match *m, const struct pool_match_opts *opts,
    struct pool_error *err)
{
	struct lorder	*lo = NULL;
	long		 i, s, o, n, moved, before;
	int		 p, e = 0, pass;

	clock_gettime(CLOCK_MONOTONIC, &m->t0);
	m->limit = opts ? opts->time_limit : 0;
	if (setup(m) == -1 || setup_candidates(m) == -1)
		goto nomem;
	if ((lo = malloc((m->nopen + 1) * sizeof(*lo))) == NULL)
		goto nomem;
	for (o = 0; o < m->nopen; o++) {
		s = m->open[o];
		lo[o].s = s;
		lo[o].p = prio(m, s);
		lo[o].ncand = (long)(m->cstart[o + 1] - m->cstart[o]);
		lo[o].start = m->data->shifts.v[s].start;
		lo[o].rank = m->srank[s];
		if (lo[o].ncand > 0)
			m->lv[lo[o].p].bound++;
	}
	for (p = 1; p <= POOL_MATCH_NPRIO; p++)
		m->lv[p].bound += m->lv[p].pinned;
	if ((size_t)m->nopen > 1)
		qsort(lo, (size_t)m->nopen, sizeof(*lo), lorder_cmp);

	/* earlier proposals that still hold, most urgent first */
	for (o = 0; o < m->nopen; o++) {
		long w;
		s = lo[o].s;
		if ((w = m->prev[s]) < 0 || m->wrank[w] < 0)
			continue;
		if (m->conf->allocation.strict && over_quota(m, s))
			continue;
		m->tot.checks++;
		if (pool_rules_check(m->rc, w, s, NULL, 0) == NULL &&
		    do_assign(m, s, w) == -1)
			goto nomem;
	}

	m->budget = m->tot.checks + EJECT_START;
	for (i = 0, p = 1; p <= POOL_MATCH_NPRIO; p++) {
		long a = i, b;
		while (i < m->nopen && lo[i].p == p)
			i++;
		b = i;
		/* each org up to its entitlement first, then the rest */
		for (pass = 0; pass < 2; pass++) {
			if (pass == 1 && (m->nalloc == 0 ||
			    m->conf->allocation.strict))
				break;
			for (o = a; o < b; o++) {
				s = lo[o].s;
				if (m->asg[s] >= 0 || lo[o].ncand == 0)
					continue;
				if (pass == 0 && over_quota(m, s))
					continue;
				try_fill(m, s, -1, &e);
				if (e)
					goto nomem;
			}
		}
		/*
		 * deep chains (up to three steps, near shifts only) within
		 * a fixed number of rule checks: a start, found fast,
		 * for the improving moves that follow, which end only when
		 * none is left
		 */
		for (o = a; o < b && m->tot.checks < m->budget; o++) {
			s = lo[o].s;
			if (m->asg[s] >= 0 || lo[o].ncand == 0)
				continue;
			if (m->conf->allocation.strict && over_quota(m, s))
				continue;
			if (m->limit > 0 && elapsed(m) > m->limit)
				break;
			try_eject(m, s, p, 1, &e);
			if (e)
				goto nomem;
		}
		for (o = a; o < b && m->tot.checks < m->budget; o++) {
			s = lo[o].s;
			if (m->asg[s] >= 0 || lo[o].ncand == 0)
				continue;
			if (m->conf->allocation.strict && over_quota(m, s))
				continue;
			if (m->limit > 0 && elapsed(m) > m->limit)
				break;
			try_eject(m, s, p, EJECT_DEPTH, &e);
			if (e)
				goto nomem;
		}
		/* improving moves for this priority until none is left */
		if (improve_all(m, lo, a, b, &e) == -1 || e)
			goto nomem;
	}
	/*
	 * A move of a later priority may have opened a move for an
	 * earlier one: passes over every priority until none is left.
	 * Before them, at equal cover, the key (soft quotas: quota moves),
	 * then the signups (signup moves), then the series (series
	 * moves); each keeps the cover per priority, but may open an
	 * improving move (a worker it frees takes an open shift), so the
	 * passes come after them, and all again until none moves.
	 */
	for (;;) {
		if ((moved = quota_all(m)) == -1 ||
		    (n = signup_all(m)) == -1)
			goto nomem;
		moved += n;
		if ((n = series_all(m)) == -1)
			goto nomem;
		before = m->tot.moves;
		if (improve_all(m, lo, 0, m->nopen, &e) == -1 || e)
			goto nomem;
		if ((moved + n == 0 && m->tot.moves == before) ||
		    m->tot.stopped)
			break;
	}

	/* figures */
	for (o = 0; o < m->nopen; o++) {
		s = m->open[o];
		p = prio(m, s);
		if (m->asg[s] >= 0) {
			long w = m->asg[s];
			double km;
			int night = pool_rules_night(m->rc, s);
			const struct pool_worker *wk = &m->data->workers.v[w];
			m->lv[p].filled++;
			m->lv[p].hours += pool_rules_work(m->rc, s) / 60.0;
			if ((km = pool_rules_distance(m->rc, w, s)) >= 0)
				m->tot.travel_km += km;
			if (signed_up(m, w, s))
				m->tot.signups++;
			if (overqualified(m, w, s) > 0)
				m->tot.overqualified++;
			if (night && wk->nights == POOL_NIGHTS_PREFER)
				m->tot.night_pref++;
			if (night && wk->nights == POOL_NIGHTS_AVOID)
				m->tot.night_avoid++;
		} else
			m->lv[p].open++;
		if (m->prev[s] >= 0) {
			if (m->asg[s] == m->prev[s])
				m->tot.kept++;
			else
				m->tot.changed++;
		}
	}
	free(lo);
	return 0;
nomem:
	free(lo);
	return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
}

/* Order of rules among near misses: the closest calls first. */
static const char *const near_order[] = {
	POOL_RULE_REST_DAILY, POOL_RULE_REST_AFTER_NIGHT,
	POOL_RULE_REST_AFTER_SERIES, POOL_RULE_NIGHT_LONG_REST,
	POOL_RULE_BREAK, POOL_RULE_WEEK_MAX,
	POOL_RULE_WORKER_WEEK, POOL_RULE_AVG_4W, POOL_RULE_AVG_16W,
	POOL_RULE_NIGHTS_16W, POOL_RULE_NIGHT_LONG_2W,
	POOL_RULE_NIGHT_LONG_52W, POOL_RULE_SUNDAYS_FREE,
	POOL_RULE_CONSECUTIVE,
#ifdef POOL_RULE_CONSECUTIVE_NIGHTS
	POOL_RULE_CONSECUTIVE_NIGHTS,
#endif
	POOL_RULE_WEEKLY_REST, POOL_RULE_SHIFT_MAX, POOL_RULE_OVERLAP,
	POOL_RULE_QUOTA, POOL_RULE_TRAVEL, POOL_RULE_AVAILABILITY,
	POOL_RULE_NIGHTS_PREF, POOL_RULE_SKILLS, POOL_RULE_DEDICATED,
	POOL_RULE_VALIDITY, POOL_RULE_NIGHT_SHIFT_MAX, POOL_RULE_NIGHT_EXEMPT,
	POOL_RULE_ABSENCE, POOL_RULE_ROLE
};
#define NRULES	(sizeof(near_order) / sizeof(near_order[0]))

static int
rule_index(const char *rule)
{
	size_t	i;

	for (i = 0; i < NRULES; i++)
		if (strcmp(near_order[i], rule) == 0)
			return (int)i;
	return (int)NRULES - 1;
}

struct nearm {
	int	ri;
	double	gap;	/* how far from passing, see closeness() */
	long	rank;
	long	w;
	char	detail[128];
};

/*
 * How far a near miss is from passing: the distance between the first
 * two numbers of its detail ("rest 8 h < 11 h": 3), 0 if it has fewer.
 */
static double
closeness(const char *detail)
{
	double		 v[2];
	int		 n = 0;
	const char	*p = detail;
	char		*end;

	while (*p != '\0' && n < 2) {
		if ((*p >= '0' && *p <= '9') || (*p == '-' && p[1] >= '0' &&
		    p[1] <= '9' && (p == detail || p[-1] == ' '))) {
			v[n++] = strtod(p, &end);
			p = end;
		} else
			p++;
	}
	return n == 2 ? fabs(v[0] - v[1]) : 0;
}

/* Near misses by rule, then closest first, then worker id. */
static int
near_better(const struct nearm *a, const struct nearm *b)
{
	if (a->ri != b->ri)
		return a->ri < b->ri;
	if (a->gap != b->gap)
		return a->gap < b->gap;
	return a->rank < b->rank;
}

static int
write_obj(FILE *f, json_t *o)
{
	int	rc;

	if (o == NULL)
		return -1;
	rc = pool_json_write(f, o);
	json_decref(o);
	return rc;
}

/* The score of a proposal: minus its soft cost, as if it were new. */
static double
score_of(struct pool_match *m, long w, long s)
{
	double	c;

	m->load[w] -= pool_rules_work(m->rc, s);
	c = cost(m, w, s);
	m->load[w] += pool_rules_work(m->rc, s);
	return round(-c * 100) / 100 + 0.0;
}

/*
 * Why signer w does not hold shift s: the rule that stops w with the
 * holder taken away (the numbers into detail); else "signup" (another
 * signer holds it), "quota", "holder" (taking it away would break a
 * rule for the holder) or "time-limit" (the search stopped).
 */
static const char *
signup_reason(struct pool_match *m, long s, long w, char *detail, size_t len)
{
	const char	*rule;
	long		 h = m->asg[s];

	if (h >= 0)
		pool_rules_unassign(m->rc, h, s);
	rule = pool_rules_check(m->rc, w, s, detail, len);
	if (h >= 0 && pool_rules_assign(m->rc, h, s) == -1)
		return NULL;
	if (rule != NULL)
		return rule;
	if (h >= 0 && signed_up(m, h, s)) {
		snprintf(detail, len, "another worker who signed up holds it");
		return "signup";
	}
	if (h < 0 && over_quota(m, s)) {
		snprintf(detail, len, "organisation at its entitlement");
		return POOL_RULE_QUOTA;
	}
	if (h >= 0) {
		snprintf(detail, len, "taking it away breaks a rule for the "
		    "worker who holds it");
		return "holder";
	}
	snprintf(detail, len, "the search stopped at its time limit");
	return "time-limit";
}

/* 1 if k is the first place of its worker among the signups of s. */
static int
first_signup(const struct pool_match *m, long s, long k)
{
	long	i;

	if (m->wrank[m->sgw[k]] < 0)
		return 0;
	for (i = m->sgstart[s]; i < k; i++)
		if (m->sgw[i] == m->sgw[k])
			return 0;
	return 1;
}

/* The signups of s in order of worker id, into v; returns the count. */
static long
signers_by_id(const struct pool_match *m, long s, long *v)
{
	long	k, n = 0, i;

	for (k = m->sgstart[s]; k < m->sgstart[s + 1]; k++) {
		if (!first_signup(m, s, k))
			continue;
		for (i = n++; i > 0 && m->wrank[v[i - 1]] >
		    m->wrank[m->sgw[k]]; i--)
			v[i] = v[i - 1];
		v[i] = m->sgw[k];
	}
	return n;
}

/*
 * For a filled shift, a candidate record per signer passed over (the
 * holder did not sign up, or another signer holds it), by worker id,
 * with the reason.
 */
static int
write_passed_over(struct pool_match *m, FILE *f, long s)
{
	long		 n, i, rank = 0, *v;
	const char	*rule;
	char		 detail[128];
	int		 rc = 0;

	n = m->sgstart[s + 1] - m->sgstart[s];
	if (n == 0 || m->asg[s] < 0)
		return 0;
	if ((v = malloc((size_t)n * sizeof(*v))) == NULL)
		return -1;
	n = signers_by_id(m, s, v);
	for (i = 0; i < n && rc == 0; i++) {
		if (v[i] == m->asg[s])
			continue;
		if ((rule = signup_reason(m, s, v[i], detail,
		    sizeof(detail))) == NULL) {
			rc = -1;
			break;
		}
		rc = write_obj(f, json_pack("{s:s,s:s,s:s,s:I,s:b,s:s,s:s}",
		    "type", "candidate", "shift", m->data->shifts.v[s].id,
		    "worker", m->data->workers.v[v[i]].id, "rank",
		    (json_int_t)++rank, "signed_up", 1, "passed_over", rule,
		    "detail", detail));
	}
	free(v);
	return rc;
}

/* The signers of open shift s and what stops each, as "signups". */
static int
write_unfilled_signups(struct pool_match *m, json_t *obj, long s)
{
	long		 n = m->sgstart[s + 1] - m->sgstart[s], i, *v;
	const char	*rule;
	char		 detail[128];
	json_t		*arr;

	if ((v = malloc((size_t)n * sizeof(*v))) == NULL ||
	    (arr = json_array()) == NULL) {
		free(v);
		return -1;
	}
	n = signers_by_id(m, s, v);
	for (i = 0; i < n; i++) {
		if ((rule = signup_reason(m, s, v[i], detail,
		    sizeof(detail))) == NULL ||
		    json_array_append_new(arr, json_pack("{s:s,s:s,s:s}",
		    "worker", m->data->workers.v[v[i]].id, "rule", rule,
		    "detail", detail)) == -1) {
			free(v);
			json_decref(arr);
			return -1;
		}
	}
	free(v);
	return json_object_set_new(obj, "signups", arr);
}

static int
write_unfilled(struct pool_match *m, FILE *f, long s)
{
	const struct pool_data	*d = m->data;
	long			 counts[NRULES], o = m->oidx[s], i, r, w;
	long			 nrole;
	struct nearm		 near[NEAR_MAX], cur;
	int			 nn = 0, k, used[NRULES];
	const char		*rule;
	json_t			*obj, *reasons, *arr;
	size_t			 q;

	memset(counts, 0, sizeof(counts));
	r = m->srole[o];
	nrole = m->rlstart[r + 1] - m->rlstart[r];
	counts[rule_index(POOL_RULE_ROLE)] = m->ncanon - nrole;
	for (i = m->rlstart[r]; i < m->rlstart[r + 1]; i++) {
		w = m->wroles[i];
		rule = pool_rules_check(m->rc, w, s, cur.detail,
		    sizeof(cur.detail));
		if (rule == NULL) {
			rule = POOL_RULE_QUOTA;
			snprintf(cur.detail, sizeof(cur.detail),
			    "organisation at its entitlement");
		}
		cur.ri = rule_index(rule);
		cur.gap = closeness(cur.detail);
		counts[cur.ri]++;
		cur.rank = m->wrank[w];
		cur.w = w;
		/* keep the NEAR_MAX closest, sorted */
		for (k = nn; k > 0 && near_better(&cur, &near[k - 1]); k--)
			if (k < NEAR_MAX)
				near[k] = near[k - 1];
		if (k < NEAR_MAX) {
			near[k] = cur;
			if (nn < NEAR_MAX)
				nn++;
		}
	}
	obj = json_object();
	reasons = json_object();
	arr = json_array();
	if (obj == NULL || reasons == NULL || arr == NULL)
		goto fail;
	/* reasons by count, most first, then rule id */
	memset(used, 0, sizeof(used));
	for (;;) {
		long best = -1;
		int bi = -1;
		for (q = 0; q < NRULES; q++)
			if (!used[q] && counts[q] > 0 && (counts[q] > best ||
			    (counts[q] == best &&
			    strcmp(near_order[q], near_order[bi]) < 0))) {
				best = counts[q];
				bi = (int)q;
			}
		if (bi < 0)
			break;
		used[bi] = 1;
		json_object_set_new(reasons, near_order[bi],
		    json_integer(best));
	}
	for (k = 0; k < nn; k++)
		json_array_append_new(arr, json_pack("{s:s,s:s,s:s}",
		    "worker", d->workers.v[near[k].w].id,
		    "rule", near_order[near[k].ri], "detail", near[k].detail));
	json_object_set_new(obj, "type", json_string("unfilled"));
	json_object_set_new(obj, "shift", json_string(d->shifts.v[s].id));
	json_object_set_new(obj, "priority", json_integer(prio(m, s)));
	json_object_set_new(obj, "reasons", reasons);
	json_object_set_new(obj, "near", arr);
	if (m->sgstart[s + 1] > m->sgstart[s] &&
	    write_unfilled_signups(m, obj, s) == -1) {
		json_decref(obj);
		return -1;
	}
	return write_obj(f, obj);
fail:
	json_decref(obj);
	json_decref(reasons);
	json_decref(arr);
	return -1;
}

/* The parts of the soft cost, for the reasons of a shortlist. */
enum { C_TRAVEL, C_NIGHT, C_SIGNUP, C_CONTINUITY, C_CONTRACT, C_FAIRNESS,
	C_OVERQ, C_CHANGE, NPARTS };

static void
cost_parts(const struct pool_match *m, long w, long s, double *c)
{
	const struct pool_matching	*mt = &m->conf->matching;
	const struct pool_worker	*wk = &m->data->workers.v[w];
	double				 km, target, before, after;
	int				 night = pool_rules_night(m->rc, s);

	memset(c, 0, NPARTS * sizeof(*c));
	if (mt->travel != 0 && (km = pool_rules_km_approx(m->rc, w, s)) >= 0)
		c[C_TRAVEL] = mt->travel * km;
	if (night && wk->nights == POOL_NIGHTS_PREFER)
		c[C_NIGHT] = -mt->preference;
	else if (night && wk->nights == POOL_NIGHTS_AVOID)
		c[C_NIGHT] = mt->preference;
	if (mt->signup != 0 && signed_up(m, w, s))
		c[C_SIGNUP] = -mt->signup;
	c[C_OVERQ] = overqualified(m, w, s);
	if (m->prev[s] >= 0 && m->prev[s] != w)
		c[C_CHANGE] = mt->change;
	if (mt->continuity != 0 && same_unit(m, w, s))
		c[C_CONTINUITY] = -mt->continuity;
	if (mt->contract != 0 && wk->contract_hours >= 0) {
		target = wk->contract_hours * 60 * m->weeks;
		before = m->load[w];
		after = before + pool_rules_work(m->rc, s);
		c[C_CONTRACT] = mt->contract * (fabs(after - target) -
		    fabs(before - target)) / 60;
	}
	if (mt->fairness != 0)
		c[C_FAIRNESS] = mt->fairness * m->load[w] / 60 / m->weeks;
}

/* Append to buf (of len, holding *n) a part, "; " between parts. */
static void
say(char *buf, size_t len, size_t *n, const char *fmt, ...)
{
	va_list	ap;
	int	k;

	if (*n >= len)
		return;
	if (*n > 0) {
		k = snprintf(buf + *n, len - *n, "; ");
		*n += k > 0 ? (size_t)k : 0;
		if (*n >= len)
			return;
	}
	va_start(ap, fmt);
	k = vsnprintf(buf + *n, len - *n, fmt, ap);
	va_end(ap);
	*n += k > 0 ? (size_t)k : 0;
}

/*
 * The working hours worker w holds in the working-time week of shift s
 * (the rules' week_start), s itself not counted.
 */
static double
week_hours(const struct pool_match *m, long w, long s)
{
	const long	*v;
	long		 n, i;
	int64_t		 d, wk0;
	double		 min = 0;
	int		 ws = m->conf->rules.week_start;

	if (ws < 1 || ws > 7)
		ws = 7;
	d = pool_tz_local_day(m->tz, m->data->shifts.v[s].start);
	wk0 = d - (pool_time_weekday(d) - ws + 7) % 7;
	n = pool_rules_held(m->rc, w, &v);
	for (i = 0; i < n; i++) {
		if (v[i] == s)
			continue;
		d = pool_tz_local_day(m->tz, m->data->shifts.v[v[i]].start);
		if (d - (pool_time_weekday(d) - ws + 7) % 7 == wk0)
			min += pool_rules_work(m->rc, v[i]);
	}
	return min / 60;
}

/* The weekly limit of w for s: the law's for s's org, or w's own. */
static double
week_limit(const struct pool_match *m, long w, long s)
{
	const struct pool_worker	*wk = &m->data->workers.v[w];
	double				 lim;

	lim = pool_config_rules(m->conf,
	    m->data->shifts.v[s].org)->week_max / 60.0;
	if (wk->max_hours_week >= 0 && wk->max_hours_week < lim)
		lim = wk->max_hours_week;
	return lim;
}

/*
 * Why a candidate is where it is: what speaks for them, then, against
 * the candidate ranked just above (prev >= 0), what put that one
 * first: a signup, else the part of the soft cost that differs most.
 */
static void
why(const struct pool_match *m, long w, long s, long prev, long rank,
    char *buf, size_t len)
{
	static const char *const part[NPARTS] = {
		"travel", "night preference", "signup", "continuity",
		"contract hours", "fairness", "over-qualification", "change"
	};
	const struct pool_worker *wk = &m->data->workers.v[w];
	double	km, c[NPARTS], cp[NPARTS], wh, dmax = 0;
	size_t	n = 0;
	int	night = pool_rules_night(m->rc, s), i, best = -1;

	buf[0] = '\0';
	if (signed_up(m, w, s))
		say(buf, len, &n, "signed up");
	if (same_unit(m, w, s))
		say(buf, len, &n, "knows the unit");
	if (night && wk->nights == POOL_NIGHTS_PREFER)
		say(buf, len, &n, "prefers nights");
	if (night && wk->nights == POOL_NIGHTS_AVOID)
		say(buf, len, &n, "avoids nights");
	if ((km = pool_rules_distance(m->rc, w, s)) >= 0)
		say(buf, len, &n, "%.1f km", km);
	if (m->prev[s] == w)
		say(buf, len, &n, "proposed before");
	if (overqualified(m, w, s) > 0)
		say(buf, len, &n, "covers a lower role");
	wh = week_hours(m, w, s);
	if (wk->contract_hours >= 0)
		say(buf, len, &n, "%.1f h this week, contract %g h, limit "
		    "%g h", wh, wk->contract_hours, week_limit(m, w, s));
	else
		say(buf, len, &n, "%.1f h this week, limit %g h", wh,
		    week_limit(m, w, s));
	if (prev < 0) {
		say(buf, len, &n, signed_up(m, w, s) ? "first: signed up" :
		    "first: best score");
		return;
	}
	if (signed_up(m, prev, s) && !signed_up(m, w, s)) {
		say(buf, len, &n, "below rank %ld: signed up", rank - 1);
		return;
	}
	cost_parts(m, w, s, c);
	cost_parts(m, prev, s, cp);
	for (i = 0; i < NPARTS; i++)
		if (c[i] - cp[i] > dmax + 1e-9) {
			dmax = c[i] - cp[i];
			best = i;
		}
	if (best < 0)
		say(buf, len, &n, "below rank %ld: same score, by id",
		    rank - 1);
	else if (best == C_TRAVEL)
		say(buf, len, &n, "below rank %ld: travel %.1f km against "
		    "%.1f km", rank - 1, km,
		    pool_rules_distance(m->rc, prev, s));
	else
		say(buf, len, &n, "below rank %ld on %s (%.1f points)",
		    rank - 1, part[best], dmax);
}

/* The name of org id: pool.yaml's, else its org record's; NULL. */
static const char *
org_name(const struct pool_match *m, const char *id)
{
	const struct pool_org_conf	*oc;
	size_t				 i;

	if ((oc = pool_config_org(m->conf, id)) != NULL && oc->name != NULL)
		return oc->name;
	for (i = m->data->orgs.n; i-- > 0;)
		if (strcmp(m->data->orgs.v[i].id, id) == 0)
			return m->data->orgs.v[i].name;
	return NULL;
}

/* Shortlist order: workers who signed up first, then by soft cost. */
static int
short_cmp(const void *a, const void *b)
{
	const struct ord *x = a, *y = b;

	if ((x->rank < 0) != (y->rank < 0))
		return x->rank < 0 ? -1 : 1;
	return ord_cmp(a, b);
}

/*
 * One candidate record: who (name and phone, for the call), where (the
 * shift's organisation and unit by name), distance, hours this week
 * against contract and limit, score and why.
 */
static int
write_candidate(struct pool_match *m, FILE *f, long s, long w, long rank,
    double score, long prev)
{
	const struct pool_worker	*wk = &m->data->workers.v[w];
	const struct pool_shift		*sh = &m->data->shifts.v[s];
	const struct pool_unit_conf	*u;
	const char			*on;
	json_t				*o;
	double				 km;
	char				 buf[512];

	why(m, w, s, prev, rank, buf, sizeof(buf));
	o = json_pack("{s:s,s:s,s:s,s:I,s:f}", "type", "candidate",
	    "shift", sh->id, "worker", wk->id, "rank", (json_int_t)rank,
	    "score", score);
	if (o == NULL)
		return -1;
	if (wk->name != NULL)
		json_object_set_new(o, "name", json_string(wk->name));
	if (wk->phone != NULL)
		json_object_set_new(o, "phone", json_string(wk->phone));
	json_object_set_new(o, "org", json_string(sh->org));
	if ((on = org_name(m, sh->org)) != NULL)
		json_object_set_new(o, "org_name", json_string(on));
	if (sh->unit != NULL) {
		json_object_set_new(o, "unit", json_string(sh->unit));
		u = pool_config_unit(m->conf, sh->org, sh->unit);
		if (u != NULL && u->name != NULL)
			json_object_set_new(o, "unit_name",
			    json_string(u->name));
	}
	if ((km = pool_rules_distance(m->rc, w, s)) >= 0)
		json_object_set_new(o, "km", json_real(round(km * 10) / 10));
	json_object_set_new(o, "week_hours",
	    json_real(round(week_hours(m, w, s) * 10) / 10));
	if (wk->contract_hours >= 0)
		json_object_set_new(o, "contract_hours",
		    json_real(wk->contract_hours));
	json_object_set_new(o, "limit_hours", json_real(week_limit(m, w, s)));
	json_object_set_new(o, "why", json_string(buf));
	return write_obj(f, o);
}

static int
write_shortlist(struct pool_match *m, FILE *f, long s, int k)
{
	long	n, i, rank = 0, held = m->asg[s], prev = -1;
	int	rc = 0;

	if (held >= 0)
		do_unassign(m, s);
	n = order_cands(m, s, -1);
	/* signers first: their rank key made negative (order kept) */
	for (i = 0; i < n; i++)
		if (signed_up(m, m->ord[i].w, s))
			m->ord[i].rank -= m->ncanon;
	if (n > 1)
		qsort(m->ord, (size_t)n, sizeof(*m->ord), short_cmp);
	for (i = 0; i < n && rank < k; i++) {
		long w = m->ord[i].w;
		if (pool_rules_check(m->rc, w, s, NULL, 0) != NULL)
			continue;
		rank++;
		if (write_candidate(m, f, s, w, rank,
		    round(-m->ord[i].cost * 100) / 100, prev) == -1) {
			rc = -1;
			break;
		}
		prev = w;
	}
	if (held >= 0 && do_assign(m, s, held) == -1)
		rc = -1;
	return rc;
}

/* Shifts by start, then id, for canonical_recent. */
static const struct pool_match *by_start_m;

static int
by_start_cmp(const void *a, const void *b)
{
	const struct pool_match	*m = by_start_m;
	long			 x = *(const long *)a, y = *(const long *)b;
	int64_t			 sx = m->data->shifts.v[x].start;
	int64_t			 sy = m->data->shifts.v[y].start;

	if (sx != sy)
		return sx < sy ? -1 : 1;
	return (m->srank[x] > m->srank[y]) - (m->srank[x] < m->srank[y]);
}

/*
 * The units remembered per worker depend on the order in which the
 * search gave shifts out.  Before the scores are written they are set
 * again from the result alone (each worker's latest shifts by start),
 * so that the same assignment always gets the same score, whatever the
 * order of the input.
 */
static int
canonical_recent(struct pool_match *m)
{
	long	*v, n = 0, i, s, w;

	if ((v = malloc(((size_t)m->ns + 1) * sizeof(*v))) == NULL)
		return -1;
	for (s = 0; s < m->ns; s++)
		if (m->srank[s] >= 0 && (m->asg[s] >= 0 || m->pinned[s] >= 0))
			v[n++] = s;
	by_start_m = m;
	if (n > 1)
		qsort(v, (size_t)n, sizeof(*v), by_start_cmp);
	memset(m->recent, 0, ((size_t)m->nw + 1) * RECENT *
	    sizeof(*m->recent));
	for (i = 0; i < n; i++) {
		s = v[i];
		w = m->asg[s] >= 0 ? m->asg[s] : m->pinned[s];
		remember(m, w, s);
	}
	free(v);
	return 0;
}

int
pool_match_write(struct pool_match *m, FILE *f,
    const struct pool_match_opts *opts)
{
	const struct pool_data	*d = m->data;
	long			 i, s, one = -1;

	if (canonical_recent(m) == -1) {
		errno = ENOMEM;
		return -1;
	}

	for (i = 0; i < m->nsorder; i++) {
		s = m->sorder[i];
		if (m->oidx[s] < 0 || m->asg[s] < 0)
			continue;
		if (write_obj(f, json_pack("{s:s,s:s,s:s,s:s,s:f}",
		    "type", "assignment", "shift", d->shifts.v[s].id,
		    "worker", d->workers.v[m->asg[s]].id,
		    "status", "proposed",
		    "score", score_of(m, m->asg[s], s))) == -1)
			return -1;
	}
	for (i = 0; i < m->nsorder; i++) {
		s = m->sorder[i];
		if (m->oidx[s] < 0 || m->asg[s] >= 0)
			continue;
		if (write_unfilled(m, f, s) == -1)
			return -1;
	}
	for (i = 0; i < m->nsorder; i++) {
		s = m->sorder[i];
		if (m->oidx[s] >= 0 && write_passed_over(m, f, s) == -1)
			return -1;
	}
	if (opts == NULL || opts->shortlist <= 0)
		return 0;
	if (opts->shift != NULL) {
		one = pool_data_shift(d, opts->shift);
		if (one < 0 || m->oidx[one] < 0)
			return 0;
		return write_shortlist(m, f, one, opts->shortlist);
	}
	for (i = 0; i < m->nsorder; i++) {
		s = m->sorder[i];
		if (m->oidx[s] < 0 || m->asg[s] >= 0)
			continue;
		if (write_shortlist(m, f, s, opts->shortlist) == -1)
			return -1;
	}
	return 0;
}

int
pool_match_replaces(const struct pool_record *r)
{
	switch (r->type) {
	case POOL_R_ASSIGNMENT:
		return r->u.assignment.status == POOL_PROPOSED;
	case POOL_R_UNFILLED:
	case POOL_R_CANDIDATE:
		return 1;
	default:
		return 0;
	}
}

const struct pool_match_level *
pool_match_levels(const struct pool_match *m)
{
	return m->lv;
}

const struct pool_match_totals *
pool_match_totals(const struct pool_match *m)
{
	return &m->tot;
}

int
pool_match_summary(const struct pool_match *m, FILE *f)
{
	const struct pool_match_level	*l;
	const struct pool_match_totals	*t = &m->tot;
	int				 p;
	long				 cover = 0, bound = 0;

	fprintf(f, "priority  shifts  pinned  filled    open   bound  gap  "
	    "hours\n");
	for (p = 1; p <= POOL_MATCH_NPRIO; p++) {
		l = &m->lv[p];
		if (l->shifts == 0)
			continue;
		cover += l->pinned + l->filled;
		bound += l->bound;
		fprintf(f, "%8d %7ld %7ld %7ld %7ld %7ld %4ld %6.1f\n", p,
		    l->shifts, l->pinned, l->filled, l->open, l->bound,
		    l->bound - l->pinned - l->filled, l->hours);
	}
	fprintf(f, "cover %ld of bound %ld; soft: travel %.1f km, "
	    "signups %ld, over-qualified %ld, nights preferred %ld, "
	    "avoided %ld; earlier proposals kept %ld, changed %ld\n",
	    cover, bound, t->travel_km, t->signups, t->overqualified,
	    t->night_pref, t->night_avoid, t->kept, t->changed);
	fprintf(f, "%ld rule checks, pairs %lu, %ld improving moves in %ld "
	    "passes, in %.2f s\n", t->checks,
	    m->cstart ? (unsigned long)m->cstart[m->nopen] : 0UL, t->moves,
	    t->passes, elapsed(m));
	if (cover == bound)
		fprintf(f, "optimal: cover %ld, bound %ld\n", cover, bound);
	else
		fprintf(f, "not proven optimal: cover %ld, bound %ld (%s)\n",
		    cover, bound, t->stopped ? "stopped by the time limit; "
		    "improving moves may be left" : "no improving move left");
	return ferror(f) ? -1 : 0;
}
