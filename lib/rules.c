/*
 * Hard rules: may a worker take a shift, given what the worker holds?
 *
 * Each worker has a timeline: the shifts held, sorted by start, plus
 * per ATW week the minutes worked and the night shifts started in it.
 * A check looks at the neighbours of the candidate shift (rest, series,
 * consecutive shifts) and at the week buckets around it (week maximum,
 * 4- and 16-week averages, nights per 16 weeks), so it costs
 * O(log n + shifts nearby), never O(all shifts).
 *
 * Conventions (see pool-match(1)):
 *  - Working time is the shift's length on absolute time minus its
 *    break_minutes (breaks are not working time).  A shift counts in
 *    the ATW week (and 4/16-week windows) in which it starts.
 *  - Night: more than night_min_work minutes of the shift (absolute
 *    time, breaks not deducted) fall in the local night window.  A
 *    night is "late" when it ends after night_late_end local time.
 *  - A series of nights: night shifts next to each other in the
 *    timeline that start on consecutive local days.  After a series of
 *    night_series or more, the next shift that does not continue the
 *    series waits rest_after_series.
 *  - Consecutive shifts: shifts next to each other in the timeline that
 *    start on the same or the next local day.
 *  - A shift in the sense of the law ("dienst") is the work between
 *    two daily rests: blocks less than the shortest legal daily rest
 *    (rest_daily_short) apart are one shift; their working times add
 *    up for shift_max and their breaks (and gaps of break_part or
 *    more) for the break rule.
 *  - Daily rest: in the 24 h from the start of each shift, the longest
 *    rest (cut at their end) is rest_daily, or rest_daily_short once
 *    per rest_short_window.  A rest after a late night is judged by
 *    rest_after_night (shortened once per window as well) instead.
 *    Shortened rests are measured between their starts.
 *  - A long night (night, work over night_shift_max, at most
 *    night_long_max) may occur night_long_2w_max times in any 14 * 24 h
 *    and night_long_52w_max times in any 52 ATW weeks, and is followed
 *    by night_long_rest.
 *  - Free Sundays: a shift with time on a local Sunday works it; any 52
 *    consecutive Sundays hold sundays_free free ones.
 *  - Rolling windows of 4, 16 and 52 weeks are anchored on ATW weeks
 *    (the pool's week_start): every window of consecutive ATW weeks that
 *    holds the shift is checked.
 *  - Weekly rest: from every start of work after a rest of
 *    weekly_rest_block (and from the first shift), the next 7 * 24 h
 *    hold a rest of weekly_rest, or the next 14 * 24 h rests of at least
 *    weekly_rest_block adding up to weekly_rest_14d; a rest counts up to
 *    the end of the period it begins in.
 *  - The limits are those of the shift's organisation when it
 *    overrides the rules, else the pool's.  A limit involving several
 *    shifts is the strictest of their rule sets (join()): the shifts
 *    around a rest, in a shift or in a 24 h or weekly-rest period; for
 *    the week, series and Sunday limits, the worker's shifts within a
 *    year.  So no verdict depends on which shift is checked last.
 */
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool.h"
#include "pool_config.h"
#include "pool_int.h"
#include "pool_record.h"
#include "pool_rules.h"
#include "pool_time.h"

#define MIN(a, b)	((a) < (b) ? (a) : (b))
#define MAX(a, b)	((a) > (b) ? (a) : (b))

struct ival {
	int64_t	start, end;
};

struct wk {
	int32_t		min;		/* minutes worked */
	uint16_t	nights;		/* night shifts started */
	uint16_t	late;		/* late night shifts started */
	uint16_t	lng;		/* long night shifts started */
	uint16_t	sun;		/* shifts on the Sunday of Sunday-week
					   number (the same index) */
};

struct wtl {
	long		*held;		/* shift indices by start */
	uint32_t	 n, cap;
	struct ival	*avail;		/* merged windows */
	uint32_t	 navail;
	uint8_t		 has_avail;
	struct ival	*abs;		/* merged absences */
	uint32_t	 nabs;
	const struct pool_rules *r1;	/* rule set of a held shift */
	uint8_t		 rmix;		/* 1 if held shifts have other sets */
	int64_t		 wbase;		/* week index of weeks[0] */
	struct wk	*weeks;
	uint32_t	 nweeks;
};

struct sinfo {
	int64_t			 start, end;
	int32_t			 work;	/* minutes */
	int32_t			 sday;	/* local day of the start */
	int32_t			 week;	/* ATW week of the start */
	int32_t			 sun;	/* Sunday worked (days from 1970-01-04
					   / 7), or NOSUN */
	int32_t			 pause;	/* break minutes that count as a
					   pause; -1 if not recorded */
	uint8_t			 night, late, lng, has_xyz;
	float			 xyz[3];	/* location on the unit sphere */
	const struct pool_rules	*r;
};

struct wloc {
	double	xyz[3];
	double	chord_max;	/* chord of max_travel_km; < 0: no limit */
	int	has;
};

/* A direct-mapped memo of pool_config_role_covers. */
#define COVERS_MEMO	1024
struct covers_memo {
	const char	*have, *want;
	int		 yes;
};

struct pool_rulectx {
	struct covers_memo		 memo[COVERS_MEMO];
	const struct pool_config	*conf;
	const struct pool_data		*data;
	const struct pool_tz		*tz;
	struct sinfo			*si;
	struct wtl			*wt;
	struct wloc			*wl;
	long				 nw, ns;
};

/* The timeline of worker w with candidate s put in at position ip. */
struct view {
	const struct pool_rulectx	*c;
	const struct wtl		*t;
	long				 s;
	uint32_t			 ip, n;
};

static long
vat(const struct view *v, uint32_t k)
{
	if (k < v->ip)
		return v->t->held[k];
	if (k == v->ip)
		return v->s;
	return v->t->held[k - 1];
}

#define VS(v, k)	(&(v)->c->si[vat((v), (k))])

static int64_t
floordiv(int64_t a, int64_t b)
{
	int64_t	q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

static int64_t
floormod(int64_t a, int64_t b)
{
	return a - floordiv(a, b) * b;
}

/* Hours of a number of minutes, as short as exact: "11", "9.5", "9.25". */
static const char *
hours(char *buf, size_t len, long min)
{
	if (min % 60 == 0)
		snprintf(buf, len, "%ld", min / 60);
	else if ((min * 10) % 60 == 0)
		snprintf(buf, len, "%.1f", min / 60.0);
	else
		snprintf(buf, len, "%.2f", min / 60.0);
	return buf;
}

/*
 * Where the checks say what they find.  Without `all', the first broken
 * rule stops the check and its numbers go to detail (if not NULL).
 * With `all', every broken rule is kept in v, each rule once (with the
 * numbers of its first breach), and the check goes on.
 */
struct out {
	char			*detail;
	size_t			 len;
	int			 all;
	struct pool_violation	*v;
	size_t			 nv, cap;
};

/* Stop at this broken rule? */
#define STOP(o)	(!(o)->all)

static const char *
fail(struct out *o, const char *rule, const char *fmt, ...)
    POOL_PRINTFLIKE(3, 4);

static const char *
fail(struct out *o, const char *rule, const char *fmt, ...)
{
	va_list	ap;
	size_t	i;

	if (!o->all) {
		if (o->detail != NULL && o->len > 0) {
			va_start(ap, fmt);
			vsnprintf(o->detail, o->len, fmt, ap);
			va_end(ap);
		}
		return rule;
	}
	for (i = 0; i < o->nv; i++)
		if (strcmp(o->v[i].rule, rule) == 0)
			return rule;
	if (o->nv < o->cap) {
		o->v[o->nv].rule = rule;
		va_start(ap, fmt);
		vsnprintf(o->v[o->nv].detail, sizeof(o->v[o->nv].detail),
		    fmt, ap);
		va_end(ap);
		o->nv++;
	}
	return rule;
}

static int
ival_cmp(const void *a, const void *b)
{
	const struct ival *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return 0;
}

/* Sort and merge intervals that overlap or touch; returns the count. */
static uint32_t
merge(struct ival *v, uint32_t n)
{
	uint32_t	i, m;

	if (n == 0)
		return 0;
	if (n > 1)
		qsort(v, n, sizeof(*v), ival_cmp);
	for (m = 0, i = 1; i < n; i++) {
		if (v[i].start <= v[m].end) {
			if (v[i].end > v[m].end)
				v[m].end = v[i].end;
		} else
			v[++m] = v[i];
	}
	return m + 1;
}

/* The merged interval holding t (start <= t < end), or -1. */
static long
ival_find(const struct ival *v, uint32_t n, int64_t t)
{
	uint32_t	lo = 0, hi = n;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (v[mid].start <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && v[lo - 1].end > t)
		return (long)lo - 1;
	return -1;
}

/* 1 if some interval overlaps [a, b). */
static int
ival_overlaps(const struct ival *v, uint32_t n, int64_t a, int64_t b)
{
	uint32_t	lo = 0, hi = n;

	/* first interval with end > a */
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (v[mid].end <= a)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo].start < b;
}

static const struct pool_rules *
shift_rules(const struct pool_config *conf, const char *org)
{
	const struct pool_org_conf *oc;

	if (org != NULL && (oc = pool_config_org(conf, org)) != NULL &&
	    oc->has_rules)
		return &oc->rules;
	return &conf->rules;
}

#define EARTH_KM	6371.0

/* A point of the unit sphere from latitude and longitude in degrees. */
static void
to_xyz(double lat, double lon, double xyz[3])
{
	double	rad = M_PI / 180.0;

	xyz[0] = cos(lat * rad) * cos(lon * rad);
	xyz[1] = cos(lat * rad) * sin(lon * rad);
	xyz[2] = sin(lat * rad);
}

static int
minute_of_day(const struct pool_tz *tz, int64_t t)
{
	struct pool_civil c;

	pool_tz_to_civil(tz, t, &c);
	return c.hour * 60 + c.min;
}

static struct wk *
week_get(const struct wtl *t, int64_t week)
{
	static struct wk zero;

	if (t->nweeks == 0 || week < t->wbase ||
	    week >= t->wbase + (int64_t)t->nweeks) {
		memset(&zero, 0, sizeof(zero));
		return &zero;
	}
	return &t->weeks[week - t->wbase];
}

#define NOSUN	INT32_MIN

static int
week_add(struct wtl *t, int64_t week, int32_t min, int nights, int late,
    int lng, int sun)
{
	struct wk	*w;

	if (t->nweeks == 0) {
		if ((t->weeks = calloc(4, sizeof(*t->weeks))) == NULL)
			return -1;
		t->wbase = week;
		t->nweeks = 4;
	} else if (week < t->wbase) {
		uint32_t add = (uint32_t)(t->wbase - week) + 4;
		if ((w = calloc(t->nweeks + add, sizeof(*w))) == NULL)
			return -1;
		memcpy(w + add, t->weeks, t->nweeks * sizeof(*w));
		free(t->weeks);
		t->weeks = w;
		t->wbase -= add;
		t->nweeks += add;
	} else if (week >= t->wbase + (int64_t)t->nweeks) {
		uint32_t nn = (uint32_t)(week - t->wbase) + 1;
		nn = MAX(nn, t->nweeks * 2);
		if ((w = realloc(t->weeks, nn * sizeof(*w))) == NULL)
			return -1;
		memset(w + t->nweeks, 0, (nn - t->nweeks) * sizeof(*w));
		t->weeks = w;
		t->nweeks = nn;
	}
	w = &t->weeks[week - t->wbase];
	w->min += min;
	w->nights = (uint16_t)(w->nights + nights);
	w->late = (uint16_t)(w->late + late);
	w->lng = (uint16_t)(w->lng + lng);
	w->sun = (uint16_t)(w->sun + sun);
	return 0;
}

static int
held_before(const struct pool_rulectx *c, long a, long b)
{
	const struct sinfo *x = &c->si[a], *y = &c->si[b];

	if (x->start != y->start)
		return x->start < y->start;
	if (x->end != y->end)
		return x->end < y->end;
	return a < b;
}

/* Position at which s goes into the worker's timeline. */
static uint32_t
held_pos(const struct pool_rulectx *c, const struct wtl *t, long s)
{
	uint32_t	lo = 0, hi = t->n;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (held_before(c, t->held[mid], s))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* First position whose shift starts at or after t. */
static uint32_t
held_from(const struct pool_rulectx *c, const struct wtl *t, int64_t at)
{
	uint32_t	lo = 0, hi = t->n;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (c->si[t->held[mid]].start < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct pool_rulectx *
pool_rules_new(const struct pool_config *conf, const struct pool_data *data,
    const struct pool_tz *tz, int confirmed_only, struct pool_error *err)
{
	struct pool_rulectx	*c;
	uint32_t		*na = NULL, *nb = NULL;
	long			 i;
	size_t			 k;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		goto nomem;
	c->conf = conf;
	c->data = data;
	c->tz = tz;
	c->nw = (long)data->workers.n;
	c->ns = (long)data->shifts.n;
	if ((c->si = calloc((size_t)c->ns + 1, sizeof(*c->si))) == NULL ||
	    (c->wt = calloc((size_t)c->nw + 1, sizeof(*c->wt))) == NULL)
		goto nomem;
	for (i = 0; i < c->ns; i++) {
		const struct pool_shift	*sh = &data->shifts.v[i];
		struct sinfo		*si = &c->si[i];
		const struct pool_rules	*r = shift_rules(conf, sh->org);
		int64_t			 d;

		si->r = r;
		si->start = sh->start;
		si->end = sh->end;
		si->work = (int32_t)((sh->end - sh->start) / 60) -
		    sh->break_minutes;
		if (si->work < 0)
			si->work = 0;
		si->sday = (int32_t)pool_tz_local_day(tz, sh->start);
		si->week = (int32_t)pool_rules_week(&conf->rules, si->sday);
		si->night = (uint8_t)pool_rules_is_night(r, tz, sh);
		si->late = si->night &&
		    minute_of_day(tz, sh->end) > r->night_late_end;
		si->lng = si->night && r->night_shift_max > 0 &&
		    si->work > r->night_shift_max;
		si->sun = NOSUN;
		for (d = si->sday; d <= pool_tz_local_day(tz, sh->end - 1);
		    d++)
			if (floormod(d + 4, 7) == 0) {
				si->sun = (int32_t)floordiv(d - 3, 7);
				break;
			}
		si->pause = !sh->has_break ? -1 :
		    sh->break_minutes >= r->break_part ? sh->break_minutes : 0;
		if (sh->has_location) {
			double xyz[3];
			to_xyz(sh->lat, sh->lon, xyz);
			si->xyz[0] = (float)xyz[0];
			si->xyz[1] = (float)xyz[1];
			si->xyz[2] = (float)xyz[2];
			si->has_xyz = 1;
		}
	}
	if ((c->wl = calloc((size_t)c->nw + 1, sizeof(*c->wl))) == NULL)
		goto nomem;
	for (i = 0; i < c->nw; i++) {
		const struct pool_worker *wk = &data->workers.v[i];
		c->wl[i].chord_max = -1;
		if (!wk->has_location)
			continue;
		c->wl[i].has = 1;
		to_xyz(wk->lat, wk->lon, c->wl[i].xyz);
		if (wk->max_travel_km >= 0)
			c->wl[i].chord_max = wk->max_travel_km >= M_PI * EARTH_KM ?
			    2.0 : 2 * sin(wk->max_travel_km / (2 * EARTH_KM));
	}

	/* availability and absence, merged per worker */
	if ((na = calloc((size_t)c->nw + 1, sizeof(*na))) == NULL ||
	    (nb = calloc((size_t)c->nw + 1, sizeof(*nb))) == NULL)
		goto nomem;
	for (k = 0; k < data->availability.n; k++)
		if ((i = pool_data_worker(data,
		    data->availability.v[k].worker)) >= 0)
			na[i]++;
	for (k = 0; k < data->absences.n; k++)
		if ((i = pool_data_worker(data,
		    data->absences.v[k].worker)) >= 0)
			nb[i]++;
	for (i = 0; i < c->nw; i++) {
		if (na[i] > 0 && (c->wt[i].avail =
		    calloc(na[i], sizeof(struct ival))) == NULL)
			goto nomem;
		if (nb[i] > 0 && (c->wt[i].abs =
		    calloc(nb[i], sizeof(struct ival))) == NULL)
			goto nomem;
		c->wt[i].has_avail = na[i] > 0;
	}
	for (k = 0; k < data->availability.n; k++) {
		const struct pool_interval *iv = &data->availability.v[k];
		if ((i = pool_data_worker(data, iv->worker)) >= 0) {
			struct wtl *t = &c->wt[i];
			t->avail[t->navail].start = iv->start;
			t->avail[t->navail++].end = iv->end;
		}
	}
	for (k = 0; k < data->absences.n; k++) {
		const struct pool_interval *iv = &data->absences.v[k];
		if ((i = pool_data_worker(data, iv->worker)) >= 0) {
			struct wtl *t = &c->wt[i];
			t->abs[t->nabs].start = iv->start;
			t->abs[t->nabs++].end = iv->end;
		}
	}
	for (i = 0; i < c->nw; i++) {
		c->wt[i].navail = merge(c->wt[i].avail, c->wt[i].navail);
		c->wt[i].nabs = merge(c->wt[i].abs, c->wt[i].nabs);
	}
	free(na);
	free(nb);
	na = nb = NULL;

	for (k = 0; k < data->assignments.n; k++) {
		const struct pool_assignment *a = &data->assignments.v[k];
		long w, s;
		uint32_t p;

		if (confirmed_only && a->status != POOL_CONFIRMED)
			continue;
		if ((w = pool_data_worker(data, a->worker)) < 0 ||
		    (s = pool_data_shift(data, a->shift)) < 0)
			continue;
		p = held_pos(c, &c->wt[w], s);
		if (p < c->wt[w].n && c->wt[w].held[p] == s)
			continue;	/* the same assignment twice */
		if (pool_rules_assign(c, w, s) == -1)
			goto nomem;
	}
	return c;
nomem:
	free(na);
	free(nb);
	pool_rules_free(c);
	pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
	return NULL;
}

void
pool_rules_free(struct pool_rulectx *c)
{
	long	i;

	if (c == NULL)
		return;
	if (c->wt != NULL)
		for (i = 0; i < c->nw; i++) {
			free(c->wt[i].held);
			free(c->wt[i].avail);
			free(c->wt[i].abs);
			free(c->wt[i].weeks);
		}
	free(c->wt);
	free(c->wl);
	free(c->si);
	free(c);
}

int
pool_rules_assign(struct pool_rulectx *c, long w, long s)
{
	struct wtl		*t = &c->wt[w];
	const struct sinfo	*si = &c->si[s];
	uint32_t		 p;

	if (t->n == t->cap) {
		uint32_t nc = t->cap ? t->cap * 2 : 8;
		long *v = realloc(t->held, nc * sizeof(*v));
		if (v == NULL)
			return -1;
		t->held = v;
		t->cap = nc;
	}
	if (week_add(t, si->week, si->work, si->night, si->late, si->lng,
	    0) == -1)
		return -1;
	if (si->sun != NOSUN && week_add(t, si->sun, 0, 0, 0, 0, 1) == -1) {
		week_add(t, si->week, -si->work, -(int)si->night,
		    -(int)si->late, -(int)si->lng, 0);
		return -1;
	}
	p = held_pos(c, t, s);
	memmove(t->held + p + 1, t->held + p, (t->n - p) * sizeof(*t->held));
	t->held[p] = s;
	if (t->n == 0) {
		t->r1 = si->r;
		t->rmix = 0;
	} else if (si->r != t->r1)
		t->rmix = 1;
	t->n++;
	return 0;
}

int
pool_rules_unassign(struct pool_rulectx *c, long w, long s)
{
	struct wtl		*t = &c->wt[w];
	const struct sinfo	*si = &c->si[s];
	uint32_t		 p;

	p = held_pos(c, t, s);
	if (p >= t->n || t->held[p] != s)
		return -1;
	memmove(t->held + p, t->held + p + 1,
	    (t->n - p - 1) * sizeof(*t->held));
	t->n--;
	if (t->rmix) {
		t->rmix = 0;
		t->r1 = t->n > 0 ? c->si[t->held[0]].r : NULL;
		for (p = 1; p < t->n; p++)
			if (c->si[t->held[p]].r != t->r1)
				t->rmix = 1;
	}
	week_add(t, si->week, -si->work, -(int)si->night, -(int)si->late,
	    -(int)si->lng, 0);
	if (si->sun != NOSUN)
		week_add(t, si->sun, 0, 0, 0, 0, -1);
	return 0;
}

/* Squared chord between worker w and shift s on the unit sphere. */
static double
chord2(const struct pool_rulectx *c, long w, long s)
{
	const double	*a = c->wl[w].xyz;
	const float	*b = c->si[s].xyz;
	double		 dx = a[0] - b[0], dy = a[1] - b[1], dz = a[2] - b[2];

	return dx * dx + dy * dy + dz * dz;
}

/* pool_config_role_covers through the memo (ids are interned). */
static int
covers(struct pool_rulectx *c, const char *have, const char *want)
{
	uintptr_t		 h;
	struct covers_memo	*m;

	h = ((uintptr_t)have >> 3) * 31 + ((uintptr_t)want >> 3);
	m = &c->memo[h % COVERS_MEMO];
	if (m->have != have || m->want != want) {
		m->have = have;
		m->want = want;
		m->yes = pool_config_role_covers(c->conf, have, want);
	}
	return m->yes;
}

double
pool_rules_km_approx(const struct pool_rulectx *c, long w, long s)
{
	if (!c->wl[w].has || !c->si[s].has_xyz)
		return -1;
	return EARTH_KM * sqrt(chord2(c, w, s));
}

double
pool_rules_distance(const struct pool_rulectx *c, long w, long s)
{
	double	ch;

	if (!c->wl[w].has || !c->si[s].has_xyz)
		return -1;
	ch = sqrt(chord2(c, w, s));
	return 2 * EARTH_KM * asin(ch / 2 > 1 ? 1 : ch / 2);
}

/* A broken rule: stop, or note it and go on to the next. */
#define BROKEN(call)	do {						\
		rule = (call);						\
		if (STOP(o))						\
			return rule;					\
	} while (0)

/*
 * The rules of worker wk for shift sh that need neither the other
 * shifts nor the place: skills, validity, dedicated, night-exempt and
 * nights; sday is the shift's local start day, night whether it is a
 * night shift (pool_rules_is_night).
 */
static const char *
check_worker(const struct pool_worker *wk, const struct pool_shift *sh,
    int64_t sday, int night, struct out *o)
{
	const char	*rule = NULL;
	uint32_t	 i;

	for (i = 0; i < sh->skills.n; i++)
		if (!pool_strlist_has(&wk->skills, sh->skills.v[i])) {
			BROKEN(fail(o, POOL_RULE_SKILLS,
			    "skill '%s' missing", sh->skills.v[i]));
			break;
		}
	if (sday < wk->valid_from || sday > wk->valid_until) {
		char day[11];
		BROKEN(fail(o, POOL_RULE_VALIDITY,
		    "shift day %s outside the worker's validity",
		    pool_time_format_date(sday, day)));
	}
	if (wk->dedicated.n > 0) {
		for (i = 0; i < sh->tags.n; i++)
			if (pool_strlist_has(&wk->dedicated, sh->tags.v[i]))
				break;
		if (i == sh->tags.n)
			BROKEN(fail(o, POOL_RULE_DEDICATED,
			    "dedicated to '%s', shift not tagged so",
			    wk->dedicated.v[0]));
	}
	if (wk->night_exempt && night)
		BROKEN(fail(o, POOL_RULE_NIGHT_EXEMPT,
		    "night shift, worker exempt from nights"));
	if (wk->nights == POOL_NIGHTS_NEVER && night)
		BROKEN(fail(o, POOL_RULE_NIGHTS_PREF,
		    "night shift, worker takes no nights"));
	if (wk->nights == POOL_NIGHTS_ONLY && !night)
		BROKEN(fail(o, POOL_RULE_NIGHTS_PREF,
		    "day shift, worker takes only nights"));
	return rule;
}

/* The rules of pool_rules_check_static, into o. */
static const char *
check_static(struct pool_rulectx *c, long w, long s, struct out *o)
{
	const struct pool_worker	*wk = &c->data->workers.v[w];
	const struct pool_shift		*sh = &c->data->shifts.v[s];
	const struct sinfo		*si = &c->si[s];
	const struct wtl		*t = &c->wt[w];
	const struct pool_rules		*r = si->r;
	const char			*rule = NULL, *rule2;
	char				 b1[32], b2[32];
	uint32_t			 i;
	long				 k;
	double				 d;

	for (i = 0; i < wk->roles.n; i++)
		if (wk->roles.v[i] == sh->role ||
		    covers(c, wk->roles.v[i], sh->role))
			break;
	if (i == wk->roles.n)
		BROKEN(fail(o, POOL_RULE_ROLE,
		    "role '%s' not held or covered", sh->role));
	if ((rule2 = check_worker(wk, sh, si->sday, si->night, o)) != NULL)
		BROKEN(rule2);
	if (c->wl[w].chord_max >= 0 && si->has_xyz && chord2(c, w, s) >
	    c->wl[w].chord_max * c->wl[w].chord_max) {
		if (STOP(o) && o->detail == NULL)
			return POOL_RULE_TRAVEL;
		d = pool_rules_distance(c, w, s);
		if (d > wk->max_travel_km)
			BROKEN(fail(o, POOL_RULE_TRAVEL,
			    "distance %.1f km > %g km", d, wk->max_travel_km));
	}
	if (t->has_avail) {
		k = ival_find(t->avail, t->navail, si->start);
		if (k < 0 || t->avail[k].end < si->end)
			BROKEN(fail(o, POOL_RULE_AVAILABILITY,
			    "not available for the whole shift"));
	}
	if (ival_overlaps(t->abs, t->nabs, si->start, si->end))
		BROKEN(fail(o, POOL_RULE_ABSENCE,
		    "absent during the shift"));
	if (si->night && r->night_shift_max > 0 &&
	    si->work > MAX(r->night_shift_max, r->night_long_max))
		BROKEN(fail(o, POOL_RULE_NIGHT_SHIFT_MAX,
		    "night shift %s h > %s h",
		    hours(b1, sizeof(b1), si->work), hours(b2, sizeof(b2),
		    MAX(r->night_shift_max, r->night_long_max))));
	if (r->shift_max > 0 && si->work > r->shift_max)
		BROKEN(fail(o, POOL_RULE_SHIFT_MAX,
		    "shift %s h > %s h", hours(b1, sizeof(b1), si->work),
		    hours(b2, sizeof(b2), r->shift_max)));
	return rule;
}

const char *
pool_rules_check_static(struct pool_rulectx *c, long w, long s,
    char *detail, size_t len)
{
	struct out	o = { detail, len, 0, NULL, 0, 0 };

	return check_static(c, w, s, &o);
}

/* 1 if the shifts at k and k+1 are nights on consecutive days. */
static int
night_link(const struct view *v, uint32_t k)
{
	const struct sinfo *a = VS(v, k), *b = VS(v, k + 1);

	return a->night && b->night && b->sday - a->sday <= 1;
}

/* Length of the night series ending at position k (0 if not a night). */
static int
series_back(const struct view *v, uint32_t k, int cap)
{
	int	n;

	if (!VS(v, k)->night)
		return 0;
	for (n = 1; k > 0 && n < cap && night_link(v, k - 1); k--)
		n++;
	return n;
}

enum { REST_DAILY, REST_NIGHT, REST_SERIES };

/*
 * What the rest after position k must be: *need minutes, or *shortm
 * when shortened (need if it cannot be).  Returns the kind.
 */
static int
rest_need(const struct view *v, uint32_t k, const struct pool_rules *r,
    int *need, int *shortm, int *series)
{
	const struct sinfo	*a = VS(v, k);

	*series = 0;
	if (r->rest_after_series > 0 && r->night_series > 0 && a->night &&
	    (k + 1 >= v->n || !night_link(v, k))) {
		*series = series_back(v, k, r->night_series);
		if (*series >= r->night_series) {
			*need = *shortm = MAX(r->rest_after_series,
			    r->rest_daily);
			return REST_SERIES;
		}
	}
	if (a->late && r->rest_after_night > 0) {
		*need = MAX(r->rest_after_night, r->rest_daily);
		*shortm = r->rest_after_night_short > 0 ?
		    MIN(r->rest_after_night_short, *need) : *need;
		return REST_NIGHT;
	}
	*need = r->rest_daily;
	*shortm = r->rest_daily_short > 0 ?
	    MIN(r->rest_daily_short, *need) : *need;
	return REST_DAILY;
}

static long
gap_min(const struct view *v, uint32_t k)
{
	return (long)((VS(v, k + 1)->start - VS(v, k)->end) / 60);
}

/*
 * Several rule sets.  A limit that involves shifts of organisations with
 * different rule sets is the strictest of their limits, whatever the
 * order of the shifts: join() makes the strictest of two sets.
 */
enum { J_MIN, J_MAX, J_MIN0, J_MAX0 };

static const struct {
	size_t	off;
	int	kind;	/* J_MIN: the least, 0 is off; J_MAX: the most;
			   J_MIN0: the least, 0 included; J_MAX0: the most,
			   but 0 (no shortening) wins */
} jfields[] = {
#define JF(f, k)	{ offsetof(struct pool_rules, f), k }
	JF(shift_max, J_MIN), JF(rest_daily, J_MAX),
	JF(rest_daily_short, J_MAX0), JF(rest_short_window, J_MAX),
	JF(night_shift_max, J_MIN), JF(rest_after_night, J_MAX),
	JF(rest_after_night_short, J_MAX0), JF(rest_after_series, J_MAX),
	JF(night_series, J_MIN), JF(week_max, J_MIN),
	JF(avg_16w_max, J_MIN), JF(avg_16w_night_max, J_MIN),
	JF(avg_16w_night_count, J_MIN), JF(avg_4w_max, J_MIN),
	JF(nights_16w_max, J_MIN), JF(consecutive_max, J_MIN),
	JF(weekly_rest, J_MAX), JF(weekly_rest_14d, J_MAX0),
	JF(weekly_rest_block, J_MAX), JF(night_consecutive_max, J_MIN),
	JF(night_long_max, J_MIN0), JF(night_long_2w_max, J_MIN),
	JF(night_long_52w_max, J_MIN), JF(night_long_rest, J_MAX),
	JF(break_after, J_MIN0), JF(break_min, J_MAX),
	JF(break_long_after, J_MIN0), JF(break_long_min, J_MAX),
	JF(break_part, J_MAX), JF(sundays_free, J_MAX)
#undef JF
};

static void
join(struct pool_rules *a, const struct pool_rules *b)
{
	size_t	 i;
	int	*p, x, y;

	for (i = 0; i < sizeof(jfields) / sizeof(jfields[0]); i++) {
		p = (int *)(void *)((char *)a + jfields[i].off);
		x = *p;
		y = *(const int *)(const void *)((const char *)b +
		    jfields[i].off);
		switch (jfields[i].kind) {
		case J_MIN:
			*p = x == 0 ? y : y == 0 ? x : MIN(x, y);
			break;
		case J_MAX:
			*p = MAX(x, y);
			break;
		case J_MIN0:
			*p = MIN(x, y);
			break;
		case J_MAX0:
			*p = x == 0 || y == 0 ? 0 : MAX(x, y);
			break;
		}
	}
}

/* The strictest of the rule sets added so far (p NULL: none yet). */
struct racc {
	const struct pool_rules	*p;
	struct pool_rules	 buf;
};

static void
racc_add(struct racc *a, const struct pool_rules *r)
{
	if (a->p == NULL) {
		a->p = r;
		return;
	}
	if (r == a->p)
		return;
	if (a->p != &a->buf) {
		a->buf = *a->p;
		a->p = &a->buf;
	}
	join(&a->buf, r);
}

/* The rules of the rest after position k: of both shifts around it. */
static const struct pool_rules *
gap_rules(const struct view *v, uint32_t k, struct racc *a)
{
	a->p = NULL;
	racc_add(a, VS(v, k)->r);
	racc_add(a, VS(v, k + 1)->r);
	return a->p;
}

/* 1 if the rest after k is shortened (of kind *kind). */
static int
rest_shortened(const struct view *v, uint32_t k, int *kind)
{
	struct racc	a;
	int		need, shortm, series;
	long		g = gap_min(v, k);

	*kind = rest_need(v, k, gap_rules(v, k, &a), &need, &shortm, &series);
	return g < need && g >= shortm;
}

static const char *rest_rule[] = {
	POOL_RULE_REST_DAILY, POOL_RULE_REST_AFTER_NIGHT,
	POOL_RULE_REST_AFTER_SERIES
};

/*
 * Check the rest after position k of the view: after a night (14 h,
 * once shortened), after a long night (12 h) and after a series (46 h).
 * The daily rest is check_daily's.
 */
static const char *
check_rest(const struct view *v, uint32_t k, struct out *o)
{
	struct racc		 a;
	const struct pool_rules	*r = gap_rules(v, k, &a);
	int			 need, shortm, series, kind, kind2;
	long			 g = gap_min(v, k);
	int64_t			 t0, win;
	char			 b1[32], b2[32], b3[32];
	uint32_t		 j;
	const char		*rule = NULL;

	kind = rest_need(v, k, r, &need, &shortm, &series);
	if (kind == REST_SERIES && g < need)	/* the whole series */
		BROKEN(fail(o, rest_rule[kind],
		    "rest %s h < %s h after %d nights",
		    hours(b1, sizeof(b1), g), hours(b2, sizeof(b2), need),
		    series_back(v, k, INT_MAX)));
	if (VS(v, k)->lng && r->night_long_rest > 0 &&
	    g < r->night_long_rest)
		BROKEN(fail(o, POOL_RULE_NIGHT_LONG_REST,
		    "rest %s h < %s h after a night of %s h",
		    hours(b1, sizeof(b1), g),
		    hours(b2, sizeof(b2), r->night_long_rest),
		    hours(b3, sizeof(b3), VS(v, k)->work)));
	if (kind != REST_NIGHT || g >= need)
		return rule;
	if (g < shortm)
		return fail(o, rest_rule[kind], "rest %s h < %s h",
		    hours(b1, sizeof(b1), g), hours(b2, sizeof(b2), need));
	/* shortened: no other shortened rest of its kind nearby */
	t0 = VS(v, k)->end;
	win = (int64_t)r->rest_short_window * 60;
	for (j = k; j > 0; j--) {
		if (VS(v, j - 1)->end <= t0 - win)
			break;
		if (rest_shortened(v, j - 1, &kind2) && kind2 == kind)
			goto used;
	}
	for (j = k + 1; j + 1 < v->n; j++) {
		if (VS(v, j)->end >= t0 + win)
			break;
		if (rest_shortened(v, j, &kind2) && kind2 == kind)
			goto used;
	}
	return NULL;
used:
	return fail(o, rest_rule[kind],
	    "rest %s h < %s h, shortened rest already taken within %s h",
	    hours(b1, sizeof(b1), g), hours(b2, sizeof(b2), need),
	    hours(b3, sizeof(b3), r->rest_short_window));
}

/* First position of the view whose shift starts at or after at. */
static uint32_t
view_from(const struct view *v, int64_t at)
{
	uint32_t	h = held_from(v->c, v->t, at);

	if (h < v->ip)
		return h;
	if (VS(v, v->ip)->start >= at)
		return v->ip;
	return h + 1;
}

/*
 * Shifts in the sense of the law (art. 1:7, "dienst"): the work between
 * two daily rests.  A rest ends a shift when it is at least the shortest
 * legal daily rest (the shortened one, 8 h); whether that shortening
 * was allowed is check_daily's.
 */
static int
splits(const struct view *v, uint32_t k)
{
	struct racc		 a;
	const struct pool_rules	*r = gap_rules(v, k, &a);
	int			 split = r->rest_daily;

	if (r->rest_daily_short > 0 && r->rest_daily_short < split)
		split = r->rest_daily_short;
	return gap_min(v, k) >= split;
}

#define SHIFT_BLOCKS	64	/* blocks looked at in one shift */

static uint32_t
shift_first(const struct view *v, uint32_t k)
{
	uint32_t	i;

	for (i = 0; k > 0 && i < SHIFT_BLOCKS && !splits(v, k - 1); i++)
		k--;
	return k;
}

static uint32_t
shift_last(const struct view *v, uint32_t k)
{
	uint32_t	i;

	for (i = 0; k + 1 < v->n && i < SHIFT_BLOCKS && !splits(v, k); i++)
		k++;
	return k;
}

/* The shift holding position ip: its length and its breaks (art. 5:4). */
static const char *
check_shift(const struct view *v, struct out *o)
{
	struct racc		 a;
	const struct pool_rules	*r;
	uint32_t		 lo, hi, k;
	long			 work = 0, pause = 0, g, need = 0;
	int			 known = 0;
	char			 b1[32], b2[32];
	const char		*rule = NULL;

	lo = shift_first(v, v->ip);
	hi = shift_last(v, v->ip);
	a.p = NULL;
	for (k = lo; k <= hi; k++)
		racc_add(&a, VS(v, k)->r);
	r = a.p;
	for (k = lo; k <= hi; k++) {
		work += VS(v, k)->work;
		if (VS(v, k)->pause >= 0) {
			known = 1;
			pause += VS(v, k)->pause;
		}
		if (k < hi && (g = gap_min(v, k)) >= r->break_part)
			pause += g;
	}
	if (r->shift_max > 0 && hi > lo && work > r->shift_max)
		BROKEN(fail(o, POOL_RULE_SHIFT_MAX,
		    "shifts %s h without daily rest between > %s h",
		    hours(b1, sizeof(b1), work),
		    hours(b2, sizeof(b2), r->shift_max)));
	if (r->break_long_min > 0 && work > r->break_long_after)
		need = r->break_long_min;
	else if (r->break_min > 0 && work > r->break_after)
		need = r->break_min;
	if (need > 0 && pause < need && known)
		return fail(o, POOL_RULE_BREAK,
		    "work %s h, breaks %ld min < %ld min",
		    hours(b1, sizeof(b1), work), pause, need);
	return rule;
}

/* The daily rest of the shift starting at position k0. */
struct dwin {
	long		rest;	/* the longest rest, minutes */
	int64_t		at;	/* its start */
	int		need, shortm, win;
	int		night;	/* the rest follows a late night: it is
				   rest-after-night's to shorten */
};

/*
 * Art. 5:3: in every 24 h an unbroken rest of 11 h, once in 7 * 24 h
 * 8 h.  The 24 h are counted from the start of each shift; the longest
 * rest in them (cut at their end) is the shift's daily rest.
 */
static void
daily_window(const struct view *v, uint32_t k0, struct dwin *d)
{
	struct racc		 a;
	const struct pool_rules	*r;
	uint32_t		 k;
	int64_t			 t1 = VS(v, k0)->start + 86400;
	int64_t			 cur = VS(v, k0)->end;
	long			 rest;
	int			 late = VS(v, k0)->late;

	a.p = NULL;
	racc_add(&a, VS(v, k0)->r);
	d->rest = -1;
	d->at = cur;
	d->night = 0;
	for (k = k0 + 1; k < v->n; k++) {
		const struct sinfo *x = VS(v, k);
		if (x->start >= t1)
			break;
		racc_add(&a, x->r);
		if (x->start > cur) {
			rest = (long)((x->start - cur) / 60);
			if (rest > d->rest) {
				d->rest = rest;
				d->at = cur;
				d->night = late;
			}
		}
		cur = MAX(cur, x->end);
		late = x->late;
	}
	if (cur < t1) {
		rest = (long)((t1 - cur) / 60);
		if (rest > d->rest) {
			d->rest = rest;
			d->at = cur;
			d->night = late;
		}
	}
	if (d->rest < 0)
		d->rest = 0;
	r = a.p;
	d->need = r->rest_daily;
	d->shortm = r->rest_daily_short > 0 ?
	    MIN(r->rest_daily_short, d->need) : d->need;
	d->win = r->rest_short_window;
	d->night = d->night && r->rest_after_night > 0;
}

static const char *
check_daily(const struct view *v, struct out *o)
{
	const struct sinfo	*si = VS(v, v->ip);
	struct dwin		 d, e;
	uint32_t		 k, j;
	int64_t			 win;
	char			 b1[32], b2[32], b3[32];

	for (k = view_from(v, si->start - 86400 + 1);
	    k < v->n && VS(v, k)->start <= si->end; k++) {
		if (k > 0 && !splits(v, k - 1))
			continue;
		daily_window(v, k, &d);
		if (d.need <= 0 || d.rest >= d.need)
			continue;
		if (d.rest < d.shortm)
			return fail(o, POOL_RULE_REST_DAILY,
			    "rest %s h < %s h", hours(b1, sizeof(b1), d.rest),
			    hours(b2, sizeof(b2), d.need));
		if (d.night)
			continue;
		/* shortened: no other shortened daily rest nearby */
		win = (int64_t)d.win * 60;
		for (j = view_from(v, d.at - win - 86400 + 1);
		    j < v->n && VS(v, j)->start < d.at + win; j++) {
			if (j > 0 && !splits(v, j - 1))
				continue;
			daily_window(v, j, &e);
			if (e.night || e.rest >= e.need || e.rest < e.shortm ||
			    e.at == d.at)
				continue;
			if (llabs(e.at - d.at) < (int64_t)MAX(d.win, e.win) * 60)
				return fail(o, POOL_RULE_REST_DAILY,
				    "rest %s h < %s h, shortened rest already "
				    "taken within %s h",
				    hours(b1, sizeof(b1), d.rest),
				    hours(b2, sizeof(b2), d.need),
				    hours(b3, sizeof(b3), MAX(d.win, e.win)));
		}
	}
	return NULL;
}

/*
 * Art. 5:5: weekly rest, 36 h unbroken in 7 * 24 h, or 72 h in 14 * 24 h
 * in rests of at least 32 h.  The periods start when work starts after
 * such a rest (or at the worker's first shift); a rest that starts in a
 * period counts up to the period's end, and the rest before the period
 * is the one that started it.  So a rest is never cut at a week
 * boundary, and a worker passes when the next weekly rest begins within
 * 7 * 24 h - 36 h of the end of the last.
 */
static const char *
check_weekly_from(const struct view *v, uint32_t k, struct out *o)
{
	struct racc		 a;
	const struct pool_rules	*r;
	int64_t			 t0 = VS(v, k)->start, e7, e14, cur, next;
	long			 longest = 0, sum = 0, l;
	uint32_t		 j;
	char			 b1[32], b2[32], b3[32], b4[32], day[11];
	struct pool_civil	 civ;

	e7 = t0 + 7 * 86400;
	e14 = t0 + 14 * 86400;
	a.p = NULL;
	racc_add(&a, VS(v, k)->r);
	cur = VS(v, k)->end;
	for (j = k + 1; cur < e14; j++) {
		next = j < v->n ? VS(v, j)->start : INT64_MAX;
		if (next > cur) {
			if (cur < e7) {
				l = (long)((MIN(next, e7) - cur) / 60);
				longest = MAX(longest, l);
			}
			l = (long)((MIN(next, e14) - cur) / 60);
			if (l >= a.p->weekly_rest_block)
				sum += l;
		}
		if (j >= v->n || next >= e14)
			break;
		racc_add(&a, VS(v, j)->r);
		cur = MAX(cur, VS(v, j)->end);
	}
	r = a.p;
	if (r->weekly_rest <= 0 || longest >= r->weekly_rest ||
	    (r->weekly_rest_14d > 0 && sum >= r->weekly_rest_14d))
		return NULL;
	pool_tz_to_civil(v->c->tz, t0, &civ);
	snprintf(day, sizeof(day), "%04d-%02d-%02d", civ.year, civ.month,
	    civ.day);
	if (r->weekly_rest_14d > 0)
		return fail(o, POOL_RULE_WEEKLY_REST,
		    "longest rest %s h < %s h in 7 days from %s %02d:%02d, "
		    "rests %s h < %s h in 14 days",
		    hours(b1, sizeof(b1), longest),
		    hours(b2, sizeof(b2), r->weekly_rest), day, civ.hour,
		    civ.min, hours(b3, sizeof(b3), sum),
		    hours(b4, sizeof(b4), r->weekly_rest_14d));
	return fail(o, POOL_RULE_WEEKLY_REST,
	    "longest rest %s h < %s h in 7 days from %s %02d:%02d",
	    hours(b1, sizeof(b1), longest),
	    hours(b2, sizeof(b2), r->weekly_rest), day, civ.hour, civ.min);
}

static const char *
check_weekly_rest(const struct view *v, struct out *o)
{
	const struct sinfo	*si = VS(v, v->ip);
	const struct pool_rules	*r;
	struct racc		 a;
	const char		*rule;
	uint32_t		 k;
	int			 anchor;

	for (k = view_from(v, si->start - 14 * 86400 + 1); k <= v->ip;
	    k++) {
		if (k > 0) {
			r = gap_rules(v, k - 1, &a);
			if (r->weekly_rest <= 0)
				continue;
			anchor = r->weekly_rest;
			if (r->weekly_rest_14d > 0)
				anchor = MIN(anchor, r->weekly_rest_block);
			if (gap_min(v, k - 1) < anchor)
				continue;
		}
		if ((rule = check_weekly_from(v, k, o)) != NULL)
			return rule;
	}
	return NULL;
}

/* Art. 5:8 lid 2: long nights, at most so many in 14 * 24 h. */
static const char *
check_long_nights(const struct view *v, struct out *o)
{
	const struct sinfo	*si = VS(v, v->ip);
	struct racc		 a;
	int64_t			 st[64], win = 14 * 86400;
	uint32_t		 k, n = 0, i, j;
	char			 b1[32];

	if (!si->lng)
		return NULL;
	a.p = NULL;
	for (k = view_from(v, si->start - win + 1);
	    k < v->n && VS(v, k)->start < si->start + win && n < 64; k++)
		if (VS(v, k)->lng) {
			st[n++] = VS(v, k)->start;
			racc_add(&a, VS(v, k)->r);
		}
	if (a.p->night_long_2w_max <= 0)
		return NULL;
	for (i = 0; i < n && st[i] <= si->start; i++) {
		for (j = i; j < n && st[j] < st[i] + win; j++)
			;
		if (st[j - 1] >= si->start &&
		    (long)(j - i) > a.p->night_long_2w_max)
			return fail(o, POOL_RULE_NIGHT_LONG_2W,
			    "%u nights over %s h in 14 days > %d", j - i,
			    hours(b1, sizeof(b1), a.p->night_shift_max),
			    a.p->night_long_2w_max);
	}
	return NULL;
}

/* Art. 5:6: free Sundays, at least so many in 52 weeks. */
static const char *
check_sundays(const struct wtl *t, const struct sinfo *si,
    const struct pool_rules *r, struct out *o)
{
	int	worked[103], sum, i, allowed;

	if (r->sundays_free <= 0 || si->sun == NOSUN ||
	    week_get(t, si->sun)->sun > 0)
		return NULL;
	allowed = 52 - r->sundays_free;
	for (i = 0; i < 103; i++)
		worked[i] = i == 51 ? 1 :
		    week_get(t, (int64_t)si->sun - 51 + i)->sun > 0;
	for (sum = 0, i = 0; i < 52; i++)
		sum += worked[i];
	for (i = 0; ; i++) {
		if (sum > allowed)
			return fail(o, POOL_RULE_SUNDAYS_FREE,
			    "%d Sundays worked in 52 weeks, %d free < %d",
			    sum, 52 - sum, r->sundays_free);
		if (i + 52 >= 103)
			break;
		sum += worked[i + 52] - worked[i];
	}
	return NULL;
}

static const char *
check_weeks(const struct pool_rulectx *c, long w, const struct sinfo *si,
    const struct pool_rules *r, struct out *o)
{
	const struct pool_worker	*wk = &c->data->workers.v[w];
	const struct wtl		*t = &c->wt[w];
	const struct wk			*b = week_get(t, si->week);
	char				 b1[32], b2[32];
	long				 m, lim, lng;
	int64_t				 s0, j;
	const char			*rule = NULL;

	m = b->min + si->work;
	if (r->week_max > 0 && m > r->week_max)
		BROKEN(fail(o, POOL_RULE_WEEK_MAX,
		    "week %s h > %s h", hours(b1, sizeof(b1), m),
		    hours(b2, sizeof(b2), r->week_max)));
	if (wk->max_hours_week >= 0 && m > wk->max_hours_week * 60)
		BROKEN(fail(o, POOL_RULE_WORKER_WEEK,
		    "week %s h > worker maximum %g h",
		    hours(b1, sizeof(b1), m), wk->max_hours_week));
	if (r->avg_4w_max > 0)
		for (s0 = si->week - 3; s0 <= si->week; s0++) {
			for (m = si->work, j = s0; j < s0 + 4; j++)
				m += week_get(t, j)->min;
			if (m > 4L * r->avg_4w_max) {
				BROKEN(fail(o, POOL_RULE_AVG_4W,
				    "4-week average %s h > %s h",
				    hours(b1, sizeof(b1), (m + 3) / 4),
				    hours(b2, sizeof(b2), r->avg_4w_max)));
				break;
			}
		}
	if (r->avg_16w_max > 0 || (r->nights_16w_max > 0 && si->late))
		for (s0 = si->week - 15; s0 <= si->week; s0++) {
			long nights = si->night, late = si->late;
			for (m = si->work, j = s0; j < s0 + 16; j++) {
				const struct wk *x = week_get(t, j);
				m += x->min;
				nights += x->nights;
				late += x->late;
			}
			lim = r->avg_16w_max;
			if (r->avg_16w_night_count > 0 &&
			    nights >= r->avg_16w_night_count &&
			    r->avg_16w_night_max > 0)
				lim = r->avg_16w_night_max;
			if (lim > 0 && m > 16 * lim)
				BROKEN(fail(o, POOL_RULE_AVG_16W,
				    "16-week average %s h > %s h",
				    hours(b1, sizeof(b1), (m + 15) / 16),
				    hours(b2, sizeof(b2), lim)));
			if (si->late && r->nights_16w_max > 0 &&
			    late > r->nights_16w_max)
				BROKEN(fail(o, POOL_RULE_NIGHTS_16W,
				    "%ld late nights in 16 weeks > %d",
				    late, r->nights_16w_max));
		}
	if (si->lng && r->night_long_52w_max > 0) {
		/* windows of 52 working-time weeks holding the shift */
		for (lng = 1, j = si->week - 51; j <= si->week; j++)
			lng += week_get(t, j)->lng;
		for (s0 = si->week - 51; ; s0++) {
			if (lng > r->night_long_52w_max) {
				BROKEN(fail(o,
				    POOL_RULE_NIGHT_LONG_52W,
				    "%ld nights over %s h in 52 weeks > %d",
				    lng, hours(b1, sizeof(b1),
				    r->night_shift_max),
				    r->night_long_52w_max));
				break;
			}
			if (s0 == si->week)
				break;
			lng += week_get(t, s0 + 52)->lng -
			    week_get(t, s0)->lng;
		}
	}
	if (check_sundays(t, si, r, o) != NULL)
		rule = POOL_RULE_SUNDAYS_FREE;
	return rule;
}

/*
 * Every rule of pool_rules_check, into o.  Collecting (o->all), the
 * rest between s and a shift it overlaps is not judged: there is none,
 * and the overlap (found first) says so.
 */
static const char *
check(struct pool_rulectx *c, long w, long s, struct out *o)
{
	const struct sinfo	*si = &c->si[s];
	const struct pool_rules	*r = si->r;
	const struct wtl	*t = &c->wt[w];
	const char		*rule;
	struct view		 v;
	struct racc		 acc;
	uint32_t		 k, lo, hi;
	int			 n, night;

	if ((rule = check_static(c, w, s, o)) != NULL && STOP(o))
		return rule;
	/* several rule sets: for the limits over weeks and series, the
	 * strictest of the sets of the shifts within a year */
	if (t->n > 0 && (t->rmix || t->r1 != r)) {
		acc.p = NULL;
		racc_add(&acc, r);
		for (k = held_from(c, t, si->start - 364 * 86400LL);
		    k < t->n && c->si[t->held[k]].start <
		    si->start + 364 * 86400LL; k++)
			racc_add(&acc, c->si[t->held[k]].r);
		r = acc.p;
	}
	v.c = c;
	v.t = t;
	v.s = s;
	v.ip = held_pos(c, t, s);
	v.n = t->n + 1;

	/* overlap with the neighbours (the timeline itself has none) */
	if (v.ip > 0 && VS(&v, v.ip - 1)->end > si->start)
		BROKEN(fail(o, POOL_RULE_OVERLAP,
		    "overlaps shift '%s'",
		    c->data->shifts.v[vat(&v, v.ip - 1)].id));
	if (v.ip + 1 < v.n && VS(&v, v.ip + 1)->start < si->end)
		BROKEN(fail(o, POOL_RULE_OVERLAP,
		    "overlaps shift '%s'",
		    c->data->shifts.v[vat(&v, v.ip + 1)].id));

	/* rests after nights before and after, and after the series */
	if (v.ip > 0 && (STOP(o) || gap_min(&v, v.ip - 1) >= 0) &&
	    (rule = check_rest(&v, v.ip - 1, o)) && STOP(o))
		return rule;
	if (v.ip + 1 < v.n && (STOP(o) || gap_min(&v, v.ip) >= 0) &&
	    (rule = check_rest(&v, v.ip, o)) && STOP(o))
		return rule;
	if (si->night) {
		for (k = v.ip; k + 1 < v.n && night_link(&v, k); k++)
			;
		if (k > v.ip && k + 1 < v.n &&
		    (rule = check_rest(&v, k, o)) && STOP(o))
			return rule;
	}

	/* the daily rests, and the shift between them */
	if ((rule = check_daily(&v, o)) != NULL && STOP(o))
		return rule;
	if ((rule = check_shift(&v, o)) != NULL && STOP(o))
		return rule;

	if ((rule = check_weeks(c, w, si, r, o)) != NULL && STOP(o))
		return rule;
	if ((rule = check_long_nights(&v, o)) != NULL && STOP(o))
		return rule;

	/* consecutive shifts in a series with a night */
	if (r->consecutive_max > 0) {
		n = 1;
		night = si->night;
		for (lo = v.ip; lo > 0 && n <= r->consecutive_max; lo--) {
			if (VS(&v, lo)->sday - VS(&v, lo - 1)->sday > 1)
				break;
			n++;
			night |= VS(&v, lo - 1)->night;
		}
		for (hi = v.ip; hi + 1 < v.n && n <= 2 * r->consecutive_max;
		    hi++) {
			if (VS(&v, hi + 1)->sday - VS(&v, hi)->sday > 1)
				break;
			n++;
			night |= VS(&v, hi + 1)->night;
		}
		if (night && n > r->consecutive_max)
			BROKEN(fail(o, POOL_RULE_CONSECUTIVE,
			    "%d shifts in a row with a night > %d", n,
			    r->consecutive_max));
	}
#ifdef POOL_RULE_CONSECUTIVE_NIGHTS
	if (r->night_consecutive_max > 0 && si->night) {
		n = 1;
		for (lo = v.ip; lo > 0 && night_link(&v, lo - 1) &&
		    n <= r->night_consecutive_max; lo--)
			n++;
		for (hi = v.ip; hi + 1 < v.n && night_link(&v, hi) &&
		    n <= 2 * r->night_consecutive_max; hi++)
			n++;
		if (n > r->night_consecutive_max)
			BROKEN(fail(o, POOL_RULE_CONSECUTIVE_NIGHTS,
			    "%d nights in a row > %d", n,
			    r->night_consecutive_max));
	}
#endif
	if ((rule = check_weekly_rest(&v, o)) != NULL || STOP(o))
		return rule;
	return o->nv > 0 ? o->v[0].rule : NULL;
}

const char *
pool_rules_check(struct pool_rulectx *c, long w, long s, char *detail,
    size_t len)
{
	struct out	o = { detail, len, 0, NULL, 0, 0 };

	return check(c, w, s, &o);
}

long
pool_rules_check_all(struct pool_rulectx *c, long w, long s,
    struct pool_violation *v, size_t nv)
{
	struct out	o = { NULL, 0, 1, v, 0, nv };
	size_t		i;

	check(c, w, s, &o);
	for (i = 0; i < o.nv; i++) {
		v[i].worker = w;
		v[i].shift = s;
	}
	return (long)o.nv;
}



int
pool_rules_night(const struct pool_rulectx *c, long s)
{
	return c->si[s].night ? (c->si[s].late ? 2 : 1) : 0;
}

int
pool_rules_work(const struct pool_rulectx *c, long s)
{
	return c->si[s].work;
}

long
pool_rules_held(const struct pool_rulectx *c, long w, const long **v)
{
	*v = c->wt[w].held;
	return (long)c->wt[w].n;
}

/* pool_rules_audit, and with all every rule of each assignment. */
static long
audit(struct pool_rulectx *c, int all,
    void (*cb)(void *arg, const struct pool_violation *), void *arg,
    struct pool_error *err)
{
	struct pool_violation	 v, vs[POOL_RULES_MAX];
	long			*order, *held, i, n = 0, count = 0, j, nv;
	uint32_t		 k, m;
	const char		*rule;

	if ((order = calloc((size_t)c->nw + 1, sizeof(*order))) == NULL)
		return pool_error_set(err, POOL_ENOMEM, NULL,
		    "out of memory");
	for (i = 0; i < c->nw; i++)
		if (c->wt[i].n > 0)
			order[n++] = i;
	pool_sort(order, (size_t)n, sizeof(*order), pool_data_worker_cmp,
	    (void *)c->data);
	for (i = 0; i < n; i++) {
		struct wtl *t = &c->wt[order[i]];

		m = t->n;
		if ((held = malloc(m * sizeof(*held))) == NULL) {
			free(order);
			return pool_error_set(err, POOL_ENOMEM, NULL,
			    "out of memory");
		}
		memcpy(held, t->held, m * sizeof(*held));
		for (k = m; k > 0; k--)
			pool_rules_unassign(c, order[i], held[k - 1]);
		/* each shift against the ones before it */
		for (k = 0; k < m; k++) {
			if (all) {
				nv = pool_rules_check_all(c, order[i], held[k],
				    vs, POOL_RULES_MAX);
				for (j = 0; j < nv; j++) {
					count++;
					if (cb != NULL)
						cb(arg, &vs[j]);
				}
			} else if ((rule = pool_rules_check(c, order[i],
			    held[k], v.detail, sizeof(v.detail))) != NULL) {
				v.worker = order[i];
				v.shift = held[k];
				v.rule = rule;
				count++;
				if (cb != NULL)
					cb(arg, &v);
			}
			if (pool_rules_assign(c, order[i], held[k]) == -1) {
				free(held);
				free(order);
				return pool_error_set(err, POOL_ENOMEM, NULL,
				    "out of memory");
			}
		}
		free(held);
	}
	free(order);
	return count;
}

long
pool_rules_audit(struct pool_rulectx *c,
    void (*cb)(void *arg, const struct pool_violation *), void *arg,
    struct pool_error *err)
{
	return audit(c, 0, cb, arg, err);
}

long
pool_rules_audit_all(struct pool_rulectx *c,
    void (*cb)(void *arg, const struct pool_violation *), void *arg,
    struct pool_error *err)
{
	return audit(c, 1, cb, arg, err);
}

/*
 * The facts the other modules share with the rules: the night test,
 * the week, the rules of an organisation and the rules of a worker
 * alone (pool_int.h).
 */

const struct pool_rules *
pool_rules_of(const struct pool_config *conf, const char *org)
{
	return shift_rules(conf, org);
}

int
pool_rules_is_night(const struct pool_rules *r, const struct pool_tz *tz,
    const struct pool_shift *sh)
{
	return pool_tz_overlap_window(tz, sh->start, sh->end, r->night_start,
	    r->night_end) > (int64_t)r->night_min_work * 60;
}

/* The first day of week 0: day 0 (1970-01-01) is a Thursday (4). */
static int64_t
week_ref(const struct pool_rules *r)
{
	int	ws = r->week_start;

	if (ws < 1 || ws > 7)
		ws = 7;
	return (ws - 4 + 7) % 7;
}

int64_t
pool_rules_week(const struct pool_rules *r, int64_t day)
{
	return floordiv(day - week_ref(r), 7);
}

int64_t
pool_rules_week_first(const struct pool_rules *r, int64_t week)
{
	return week_ref(r) + 7 * week;
}

const char *
pool_rules_fit(const struct pool_worker *w, const struct pool_shift *sh,
    int64_t day, int night)
{
	struct out	o = { NULL, 0, 0, NULL, 0, 0 };

	return check_worker(w, sh, day, night, &o);
}
