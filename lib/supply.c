/*
 * The supply bound of pool-distribute's pool mode.
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
#include "pool_dist_int.h"
#include "pool_distribute.h"
#include "pool_int.h"
#include "pool_record.h"
#include "pool_strtab.h"
#include "pool_time.h"


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
uint64_t
pool_supply_units(const struct pool_dist *d, const struct pool_shift *s)
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


void
pool_supply_scratch_free(struct scratch *x)
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
int
pool_supply_period(struct pool_dist *d, size_t *sh, size_t n, struct group *g,
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
		sl[ns].val = pool_supply_units(d, s);
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
int
pool_supply_facts(struct pool_dist *d, struct wfacts **out)
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

void
pool_supply_facts_free(struct wfacts *wf, size_t n)
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
int64_t
pool_supply_legal_week(const struct pool_config *conf)
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
