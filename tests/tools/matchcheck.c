/*
 * matchcheck: check a pool-match output independently of lib/rules.c.
 *
 *	matchcheck [-c pool.yaml] input output
 *		Every input record that pool-match does not recompute must
 *		come out first, byte for byte and in order; every open shift
 *		gets exactly one assignment or unfilled record; every
 *		proposed assignment passes every hard rule, checked by plain
 *		O(n^2) scans of the worker's whole schedule (confirmed and
 *		proposed shifts).  Prints the cover per priority; exits 1 on
 *		any problem.
 *
 *	matchcheck -l model.lp [-c pool.yaml] input
 *		Write the cover model as an LP file (CPLEX LP format) for an
 *		exact solver, see tests/bench/match.sh.
 *
 * Conventions shared with pool-match(1), restated here: working time is
 * length less break; a night has more than night_min_work minutes in
 * the local night window; late when it ends after night_late_end; a
 * night series is nights on consecutive local start days; consecutive
 * shifts start on the same or the next local day; shifts count in the
 * ATW week of their start; blocks less than the shortened daily rest
 * apart are one shift; the daily rest is the longest rest in the 24 h
 * from a shift's start; the weekly rest is counted from every start of
 * work after a rest of 32 h, on the real rests.
 */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "pool.h"
#include "pool_config.h"
#include "pool_record.h"
#include "pool_rules.h"
#include "pool_time.h"

struct line {
	char	*s;
	size_t	 len;
};

struct sh {
	long	 s;		/* shift index */
	int	 proposed;
};

static struct pool_config	*conf;
static long			*startw;	/* worker of each shift in a
						   MIP start, or -1 */
static FILE			*startf;	/* the start's values */
static struct pool_tz		*tz;
static struct pool_data		 data;
static long			 problems;
static int			 verbose;

static void
problem(const char *fmt, ...)
{
	va_list	ap;

	problems++;
	if (problems > 50)
		return;
	fprintf(stderr, "matchcheck: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static struct line *
read_lines(const char *path, size_t *n)
{
	FILE		*f = fopen(path, "r");
	struct line	*v = NULL;
	size_t		 cap = 0, len = 0;
	char		*buf = NULL;
	ssize_t		 r;

	*n = 0;
	if (f == NULL) {
		perror(path);
		exit(2);
	}
	while ((r = getline(&buf, &len, f)) != -1) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 1024;
			v = realloc(v, cap * sizeof(*v));
		}
		while (r > 0 && (buf[r - 1] == '\n' || buf[r - 1] == '\r'))
			r--;
		v[*n].s = malloc((size_t)r + 1);
		memcpy(v[*n].s, buf, (size_t)r);
		v[*n].s[r] = '\0';
		v[*n].len = (size_t)r;
		(*n)++;
	}
	free(buf);
	fclose(f);
	return v;
}

/* 1 if pool-match replaces this input line. */
static int
replaced(const char *line)
{
	json_t		*o = json_loads(line, 0, NULL);
	const char	*t, *st;
	int		 r = 0;

	if (o == NULL)
		return 0;
	t = json_string_value(json_object_get(o, "type"));
	st = json_string_value(json_object_get(o, "status"));
	if (t != NULL && (strcmp(t, "unfilled") == 0 ||
	    strcmp(t, "candidate") == 0 || (strcmp(t, "assignment") == 0 &&
	    st != NULL && strcmp(st, "proposed") == 0)))
		r = 1;
	json_decref(o);
	return r;
}

static const struct pool_rules *
rules_of(long s)
{
	const struct pool_org_conf *oc =
	    pool_config_org(conf, data.shifts.v[s].org);

	return oc != NULL && oc->has_rules ? &oc->rules : &conf->rules;
}

static long
work(long s)
{
	const struct pool_shift *x = &data.shifts.v[s];

	return (long)((x->end - x->start) / 60) - x->break_minutes;
}

/* Minutes of the shift in the local night window, minute by minute. */
static int
is_night(long s, int *late)
{
	const struct pool_shift	*x = &data.shifts.v[s];
	const struct pool_rules	*r = rules_of(s);
	struct pool_civil	 c;
	int64_t			 t;
	long			 in = 0;
	int			 m;

	for (t = x->start; t < x->end; t += 60) {
		pool_tz_to_civil(tz, t, &c);
		m = c.hour * 60 + c.min;
		if (r->night_start <= r->night_end ?
		    (m >= r->night_start && m < r->night_end) :
		    (m >= r->night_start || m < r->night_end))
			in++;
	}
	pool_tz_to_civil(tz, x->end, &c);
	*late = in > r->night_min_work &&
	    c.hour * 60 + c.min > r->night_late_end;
	return in > r->night_min_work;
}

static int64_t
lday(int64_t t)
{
	struct pool_civil c;

	pool_tz_to_civil(tz, t, &c);
	return pool_time_days_from_civil(c.year, c.month, c.day);
}

static int64_t
week_of_day(int64_t d)
{
	int	ws = conf->rules.week_start;
	int64_t	back = (pool_time_weekday(d) - ws + 7) % 7;

	return (d - back);	/* the day number of the week's first day */
}

static double
haversine(double la1, double lo1, double la2, double lo2)
{
	double	r = M_PI / 180, a;

	a = pow(sin((la2 - la1) * r / 2), 2) + cos(la1 * r) * cos(la2 * r) *
	    pow(sin((lo2 - lo1) * r / 2), 2);
	return 2 * 6371.0 * asin(sqrt(a));
}

/* Availability and absences by worker (pointer order), for lookups. */
static const struct pool_interval **avail, **absent;
static size_t navail, nabsent;

static int
ival_ptr_cmp(const void *a, const void *b)
{
	const struct pool_interval *x = *(const struct pool_interval *const *)a;
	const struct pool_interval *y = *(const struct pool_interval *const *)b;

	if (x->worker != y->worker)
		return (uintptr_t)x->worker < (uintptr_t)y->worker ? -1 : 1;
	return (x->start > y->start) - (x->start < y->start);
}

static const struct pool_interval **
ival_index(const struct pool_interval *v, size_t n)
{
	const struct pool_interval	**p = malloc((n + 1) * sizeof(*p));
	size_t				  i;

	for (i = 0; i < n; i++)
		p[i] = &v[i];
	qsort(p, n, sizeof(*p), ival_ptr_cmp);
	return p;
}

/* First entry of worker id (interned) in an index. */
static size_t
ival_first(const struct pool_interval **p, size_t n, const char *id)
{
	size_t	lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if ((uintptr_t)p[mid]->worker < (uintptr_t)id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static const char *
static_rule(long w, long s)
{
	const struct pool_worker	*k = &data.workers.v[w];
	const struct pool_shift		*x = &data.shifts.v[s];
	const struct pool_rules		*r = rules_of(s);
	uint32_t			 i, j;
	int				 late, night = is_night(s, &late), ok;
	size_t				 q, lo;
	int64_t				 d = lday(x->start), cov;

	for (ok = 0, i = 0; i < k->roles.n; i++)
		if (strcmp(k->roles.v[i], x->role) == 0 ||
		    pool_config_role_covers(conf, k->roles.v[i], x->role))
			ok = 1;
	if (!ok)
		return "role";
	for (i = 0; i < x->skills.n; i++) {
		for (ok = 0, j = 0; j < k->skills.n; j++)
			ok |= strcmp(k->skills.v[j], x->skills.v[i]) == 0;
		if (!ok)
			return "skills";
	}
	if (d < k->valid_from || d > k->valid_until)
		return "validity";
	if (k->dedicated.n > 0) {
		for (ok = 0, i = 0; i < x->tags.n; i++)
			for (j = 0; j < k->dedicated.n; j++)
				ok |= strcmp(x->tags.v[i], k->dedicated.v[j]) == 0;
		if (!ok)
			return "dedicated";
	}
	if (night && k->night_exempt)
		return "night-exempt";
	if ((night && k->nights == POOL_NIGHTS_NEVER) ||
	    (!night && k->nights == POOL_NIGHTS_ONLY))
		return "nights";
	if (k->max_travel_km >= 0 && k->has_location && x->has_location &&
	    haversine(k->lat, k->lon, x->lat, x->lon) > k->max_travel_km + 0.01)
		return "travel";
	/* availability: the union of windows covers the shift */
	lo = ival_first(avail, navail, k->id);
	if (lo < navail && avail[lo]->worker == k->id) {
		/* extend coverage from the start through touching windows */
		int grew = 1;
		cov = x->start;
		while (grew && cov < x->end) {
			grew = 0;
			for (q = lo; q < navail && avail[q]->worker == k->id;
			    q++)
				if (avail[q]->start <= cov &&
				    avail[q]->end > cov) {
					cov = avail[q]->end;
					grew = 1;
				}
		}
		if (cov < x->end)
			return "availability";
	}
	for (q = ival_first(absent, nabsent, k->id); q < nabsent &&
	    absent[q]->worker == k->id; q++)
		if (absent[q]->start < x->end && absent[q]->end > x->start)
			return "absence";
	if (r->shift_max > 0 && work(s) > r->shift_max)
		return "shift-max";
	if (night && r->night_shift_max > 0 && work(s) > r->night_shift_max &&
	    work(s) > r->night_long_max)
		return "night-shift-max";
	return NULL;
}

static int
sh_cmp(const void *a, const void *b)
{
	const struct sh *x = a, *y = b;
	const struct pool_shift *p = &data.shifts.v[x->s], *q = &data.shifts.v[y->s];

	if (p->start != q->start)
		return p->start < q->start ? -1 : 1;
	return (p->end > q->end) - (p->end < q->end);
}

/* Check one worker's whole schedule; v sorted by start. */
/* The shortest legal daily rest: a rest this long ends a shift. */
static long
split(const struct pool_rules *r)
{
	if (r->rest_daily_short > 0 && r->rest_daily_short < r->rest_daily)
		return r->rest_daily_short;
	return r->rest_daily;
}

static void
check_worker(long w, struct sh *v, long n)
{
	const char	*id = data.workers.v[w].id;
	int		*night, *late;
	int64_t		*sday, *wk;
	long		 i, j, k;

	night = calloc(n + 1, sizeof(int));
	late = calloc(n + 1, sizeof(int));
	sday = calloc(n + 1, sizeof(int64_t));
	wk = calloc(n + 1, sizeof(int64_t));
	for (i = 0; i < n; i++) {
		night[i] = is_night(v[i].s, &late[i]);
		sday[i] = lday(data.shifts.v[v[i].s].start);
		wk[i] = week_of_day(sday[i]);
	}
	for (i = 0; i < n; i++) {
		const struct pool_shift *a = &data.shifts.v[v[i].s];
		const struct pool_rules *r = rules_of(v[i].s);
		const char *sr;

		if (v[i].proposed && (sr = static_rule(w, v[i].s)) != NULL)
			problem("worker '%s' shift '%s': %s", id, a->id, sr);
		/* overlap with any other */
		for (j = 0; j < n; j++) {
			const struct pool_shift *b = &data.shifts.v[v[j].s];
			if (j != i && (v[i].proposed || v[j].proposed) &&
			    a->start < b->end && b->start < a->end && j > i)
				problem("worker '%s': overlap '%s' '%s'", id,
				    a->id, b->id);
		}
		if (i + 1 < n && (v[i].proposed || v[i + 1].proposed)) {
			const struct pool_shift *b = &data.shifts.v[v[i + 1].s];
			long gap = (long)((b->start - a->end) / 60);
			long need = r->rest_daily, shortm = r->rest_daily_short;
			long series = 0;
			int contin = night[i] && night[i + 1] &&
			    sday[i + 1] - sday[i] <= 1;
			if (night[i])
				for (series = 1, k = i; k > 0 && night[k - 1] &&
				    sday[k] - sday[k - 1] <= 1; k--)
					series++;
			if (!contin && r->night_series > 0 &&
			    series >= r->night_series && r->rest_after_series) {
				if (gap < r->rest_after_series)
					problem("worker '%s': rest %ld min after "
					    "night series before '%s'", id, gap,
					    b->id);
			} else if (late[i] && r->rest_after_night > 0) {
				need = r->rest_after_night;
				shortm = r->rest_after_night_short;
				if (gap >= 0 && gap < (shortm ? shortm : need))
					problem("worker '%s': rest %ld min "
					    "before '%s'", id, gap, b->id);
			}
			if (night[i] && r->night_shift_max > 0 &&
			    work(v[i].s) > r->night_shift_max &&
			    gap < r->night_long_rest)
				problem("worker '%s': rest %ld min after a long "
				    "night before '%s'", id, gap, b->id);
			(void)need;
			(void)shortm;
		}
	}
	/* shortened rests: no two of a kind within the window */
	for (i = 0; i + 1 < n; i++) {
		for (j = i + 1; j + 1 < n; j++) {
			const struct pool_shift *a = &data.shifts.v[v[i].s];
			const struct pool_shift *a2 = &data.shifts.v[v[j].s];
			const struct pool_rules *r = rules_of(v[i].s);
			long g1 = (long)((data.shifts.v[v[i + 1].s].start -
			    a->end) / 60);
			long g2 = (long)((data.shifts.v[v[j + 1].s].start -
			    a2->end) / 60);
			long n1 = late[i] ? r->rest_after_night : r->rest_daily;
			long n2 = late[j] ? r->rest_after_night : r->rest_daily;
			int in_series1 = 0, in_series2 = 0;
			if (a2->end - a->end >= (int64_t)r->rest_short_window * 60)
				break;
			/* night-to-night inside a series keeps its own rule */
			(void)in_series1;
			(void)in_series2;
			if (!(v[i].proposed || v[i + 1].proposed ||
			    v[j].proposed || v[j + 1].proposed))
				continue;
			if (g1 < n1 && g2 < n2 && late[i] && late[j] &&
			    g1 >= 0 && g2 >= 0)
				problem("worker '%s': two shortened rests within "
				    "7 days after '%s' and '%s'", id, a->id,
				    a2->id);
		}
	}
	/* daily rest: the longest rest in the 24 h from each shift start */
	{
		int64_t	*at = calloc(n + 1, sizeof(int64_t));
		long	 nat = 0;
		for (i = 0; i < n; i++) {
			const struct pool_rules *r = rules_of(v[i].s);
			int64_t t0 = data.shifts.v[v[i].s].start;
			int64_t t1 = t0 + 86400, cur = t0, best_at = t0;
			long best = -1, rr, shortm;
			int prop = 0, afternight = 0, lt = 0;
			if (i > 0 && (t0 - data.shifts.v[v[i - 1].s].end) / 60 <
			    split(r))
				continue;
			for (j = i; j <= n; j++) {
				int64_t st = j < n ? data.shifts.v[v[j].s].start : t1;
				if (st > t1)
					st = t1;
				if (j > i && st > cur) {
					rr = (long)((st - cur) / 60);
					if (rr > best) {
						best = rr;
						best_at = cur;
						afternight = lt;
					}
				}
				if (j == n || data.shifts.v[v[j].s].start >= t1)
					break;
				prop |= v[j].proposed;
				cur = data.shifts.v[v[j].s].end;
				lt = late[j];
			}
			if (j < n)
				prop |= v[j].proposed;
			shortm = r->rest_daily_short ? r->rest_daily_short :
			    r->rest_daily;
			if (!prop || best >= r->rest_daily)
				continue;
			if (best < shortm)
				problem("worker '%s': daily rest %ld min in the 24 h "
				    "from '%s'", id, best, data.shifts.v[v[i].s].id);
			else if (!(afternight && r->rest_after_night > 0))
				at[nat++] = best_at;
		}
		for (i = 0; i < nat; i++)
			for (j = i + 1; j < nat; j++)
				if (at[j] != at[i] && llabs(at[j] - at[i]) <
				    (int64_t)conf->rules.rest_short_window * 60)
					problem("worker '%s': two shortened daily "
					    "rests within 7 days", id);
		free(at);
	}
	/* shift-max over chains without a daily rest (8 h or more) */
	for (i = 0; i < n; i++) {
		const struct pool_rules *r = rules_of(v[i].s);
		long sum = work(v[i].s);
		int prop = v[i].proposed;
		if (i > 0 && (data.shifts.v[v[i].s].start -
		    data.shifts.v[v[i - 1].s].end) / 60 < split(r))
			continue;	/* not the start of a chain */
		for (j = i + 1; j < n && (data.shifts.v[v[j].s].start -
		    data.shifts.v[v[j - 1].s].end) / 60 < split(r); j++) {
			sum += work(v[j].s);
			prop |= v[j].proposed;
		}
		if (prop && r->shift_max > 0 && sum > r->shift_max)
			problem("worker '%s': %ld min without daily rest from "
			    "'%s'", id, sum, data.shifts.v[v[i].s].id);
	}
	/* weeks: max, worker max, 4- and 16-week windows, late nights */
	for (i = 0; i < n; i++) {
		const struct pool_rules *r = rules_of(v[i].s);
		long wsum = 0, wmax = r->week_max;
		int prop = 0;
		int64_t s0;
		if (!v[i].proposed)
			continue;
		for (j = 0; j < n; j++)
			if (wk[j] == wk[i]) {
				wsum += work(v[j].s);
				prop = 1;
			}
		if (wmax > 0 && wsum > wmax)
			problem("worker '%s': week of '%s' has %ld min", id,
			    data.shifts.v[v[i].s].id, wsum);
		if (data.workers.v[w].max_hours_week >= 0 &&
		    wsum > data.workers.v[w].max_hours_week * 60 + 1e-9)
			problem("worker '%s': week of '%s' over the worker "
			    "maximum", id, data.shifts.v[v[i].s].id);
		for (s0 = wk[i] - 3 * 7; s0 <= wk[i]; s0 += 7) {
			long sum = 0;
			for (j = 0; j < n; j++)
				if (wk[j] >= s0 && wk[j] < s0 + 28)
					sum += work(v[j].s);
			if (r->avg_4w_max > 0 && sum > 4L * r->avg_4w_max)
				problem("worker '%s': 4-week average over at "
				    "'%s'", id, data.shifts.v[v[i].s].id);
		}
		for (s0 = wk[i] - 15 * 7; s0 <= wk[i]; s0 += 7) {
			long sum = 0, nn = 0, nl = 0, lim = r->avg_16w_max;
			for (j = 0; j < n; j++)
				if (wk[j] >= s0 && wk[j] < s0 + 112) {
					sum += work(v[j].s);
					nn += night[j];
					nl += late[j];
				}
			if (r->avg_16w_night_count > 0 &&
			    nn >= r->avg_16w_night_count)
				lim = r->avg_16w_night_max;
			if (lim > 0 && sum > 16 * lim)
				problem("worker '%s': 16-week average over at "
				    "'%s'", id, data.shifts.v[v[i].s].id);
			if (late[i] && r->nights_16w_max > 0 &&
			    nl > r->nights_16w_max)
				problem("worker '%s': late nights over at '%s'",
				    id, data.shifts.v[v[i].s].id);
		}
		(void)prop;
	}
	/* consecutive shifts with a night */
	for (i = 0; i < n; i++) {
		const struct pool_rules *r = rules_of(v[i].s);
		int nt = 0, prop = 0;
		if (i > 0 && sday[i] - sday[i - 1] <= 1)
			continue;
		for (j = i; j < n && (j == i || sday[j] - sday[j - 1] <= 1);
		    j++) {
			nt |= night[j];
			prop |= v[j].proposed;
		}
		if (prop && nt && r->consecutive_max > 0 &&
		    j - i > r->consecutive_max)
			problem("worker '%s': %ld shifts in a row from '%s'",
			    id, j - i, data.shifts.v[v[i].s].id);
	}
	/* weekly rest: from every work start after a rest of 32 h (and
	 * the first), 36 h within 7 * 24 h or 72 h of 32 h rests within
	 * 14 * 24 h, a rest counting up to the period's end */
	for (i = 0; i < n; i++) {
		const struct pool_rules *r = rules_of(v[i].s);
		int64_t t0 = data.shifts.v[v[i].s].start, cur = t0, st;
		long longest = 0, sum = 0, rr, anchor = r->weekly_rest;
		int prop = 0;
		if (r->weekly_rest <= 0)
			continue;
		if (r->weekly_rest_14d > 0 && r->weekly_rest_block < anchor)
			anchor = r->weekly_rest_block;
		if (i > 0 && (t0 - data.shifts.v[v[i - 1].s].end) / 60 < anchor)
			continue;
		for (j = i; j <= n; j++) {
			st = j < n ? data.shifts.v[v[j].s].start : INT64_MAX;
			if (j > i && st > cur && cur < t0 + 14 * 86400) {
				if (cur < t0 + 7 * 86400) {
					rr = (long)(((st < t0 + 7 * 86400 ? st :
					    t0 + 7 * 86400) - cur) / 60);
					if (rr > longest)
						longest = rr;
				}
				rr = (long)(((st < t0 + 14 * 86400 ? st :
				    t0 + 14 * 86400) - cur) / 60);
				if (rr >= r->weekly_rest_block)
					sum += rr;
			}
			if (j == n || st >= t0 + 14 * 86400)
				break;
			prop |= v[j].proposed;
			cur = data.shifts.v[v[j].s].end;
		}
		if (prop && longest < r->weekly_rest &&
		    (r->weekly_rest_14d <= 0 || sum < r->weekly_rest_14d))
			problem("worker '%s': weekly rest in the 14 days from "
			    "'%s'", id, data.shifts.v[v[i].s].id);
	}
	/* long nights: at most night_long_2w_max in any 14 * 24 h */
	for (i = 0; i < n; i++) {
		const struct pool_rules *r = rules_of(v[i].s);
		int64_t t0 = data.shifts.v[v[i].s].start;
		long cnt = 0;
		int prop = 0;
		for (j = i; j < n && data.shifts.v[v[j].s].start < t0 + 14 * 86400;
		    j++)
			if (night[j] && r->night_shift_max > 0 &&
			    work(v[j].s) > r->night_shift_max) {
				cnt++;
				prop |= v[j].proposed;
			}
		if (prop && r->night_long_2w_max > 0 &&
		    cnt > r->night_long_2w_max)
			problem("worker '%s': %ld long nights in 14 days from "
			    "'%s'", id, cnt, data.shifts.v[v[i].s].id);
	}
	/* breaks (art. 5:4) of single recorded shifts */
	for (i = 0; i < n; i++) {
		const struct pool_shift *a = &data.shifts.v[v[i].s];
		const struct pool_rules *r = rules_of(v[i].s);
		long wm = work(v[i].s), b = a->break_minutes >= r->break_part ?
		    a->break_minutes : 0, need = 0;
		int alone = (i == 0 || (a->start - data.shifts.v[v[i - 1].s].end) /
		    60 >= split(r)) && (i + 1 == n ||
		    (data.shifts.v[v[i + 1].s].start - a->end) / 60 >= split(r));
		if (!v[i].proposed || !alone || !a->has_break)
			continue;
		if (r->break_long_min > 0 && wm > r->break_long_after)
			need = r->break_long_min;
		else if (r->break_min > 0 && wm > r->break_after)
			need = r->break_min;
		if (b < need)
			problem("worker '%s': break %ld min < %ld min in '%s'",
			    id, b, need, a->id);
	}
	free(night);
	free(late);
	free(sday);
	free(wk);
}

static void
load(const struct line *in, size_t nin)
{
	struct pool_record	r;
	struct pool_error	err;
	size_t			i;

	pool_data_init(&data, &err);
	for (i = 0; i < nin; i++) {
		if (pool_record_parse(&data, in[i].s, in[i].len, &r, &err) == -1)
			continue;
		pool_data_add(&data, &r, &err);
	}
	pool_data_index(&data, &err);
	avail = ival_index(data.availability.v, data.availability.n);
	navail = data.availability.n;
	absent = ival_index(data.absences.v, data.absences.n);
	nabsent = data.absences.n;
}

static int
check(const struct line *in, size_t nin, const struct line *out,
    size_t nout)
{
	size_t		 i, k = 0;
	long		 w, s, np = 0, nu = 0, *state, *cnt;
	struct sh	**per;
	long		*nper;
	long		 cover[6][2];

	/* pass-through */
	for (i = 0; i < nin; i++) {
		if (replaced(in[i].s))
			continue;
		if (k >= nout || out[k].len != in[i].len ||
		    memcmp(out[k].s, in[i].s, in[i].len) != 0) {
			problem("input line %zu not passed through unchanged",
			    i + 1);
			return 1;
		}
		k++;
	}
	load(in, nin);
	state = calloc(data.shifts.n + 1, sizeof(long));	/* 0 open, 1
								   pinned */
	cnt = calloc(data.shifts.n + 1, sizeof(long));
	per = calloc(data.workers.n + 1, sizeof(*per));
	nper = calloc(data.workers.n + 1, sizeof(long));
	for (i = 0; i < data.workers.n; i++)
		per[i] = malloc((data.shifts.n + 1) * 0 + 16 * sizeof(struct sh));
	/* confirmed (pinned) from the input */
	{
		long *cap = calloc(data.workers.n + 1, sizeof(long));
		for (i = 0; i < data.workers.n; i++)
			cap[i] = 16;
#define PUSH(w_, s_, p_) do {						\
	if (nper[w_] == cap[w_]) {					\
		cap[w_] *= 2;						\
		per[w_] = realloc(per[w_], cap[w_] * sizeof(struct sh)); \
	}								\
	per[w_][nper[w_]].s = (s_);					\
	per[w_][nper[w_]++].proposed = (p_);				\
} while (0)
		for (i = 0; i < data.assignments.n; i++) {
			const struct pool_assignment *a = &data.assignments.v[i];
			if (a->status != POOL_CONFIRMED)
				continue;
			if ((w = pool_data_worker(&data, a->worker)) < 0 ||
			    (s = pool_data_shift(&data, a->shift)) < 0)
				continue;
			if (state[s] == 1)
				continue;
			state[s] = 1;
			PUSH(w, s, 0);
		}
		for (; k < nout; k++) {
			json_t *o = json_loads(out[k].s, 0, NULL);
			const char *t = o ? json_string_value(
			    json_object_get(o, "type")) : NULL;
			const char *sid = o ? json_string_value(
			    json_object_get(o, "shift")) : NULL;
			const char *wid = o ? json_string_value(
			    json_object_get(o, "worker")) : NULL;
			if (t == NULL || sid == NULL) {
				problem("output line %zu: not a pool-match "
				    "record", k + 1);
				json_decref(o);
				continue;
			}
			s = pool_data_shift(&data, sid);
			if (s < 0) {
				problem("unknown shift '%s'", sid);
			} else if (strcmp(t, "assignment") == 0) {
				np++;
				w = wid ? pool_data_worker(&data, wid) : -1;
				if (w < 0)
					problem("unknown worker in '%s'", sid);
				else if (state[s] == 1)
					problem("pinned shift '%s' reassigned",
					    sid);
				else {
					cnt[s]++;
					PUSH(w, s, 1);
				}
			} else if (strcmp(t, "unfilled") == 0) {
				nu++;
				if (state[s] == 1)
					problem("pinned shift '%s' unfilled",
					    sid);
				cnt[s]++;
			} else if (strcmp(t, "candidate") != 0)
				problem("output line %zu: unexpected type '%s'",
				    k + 1, t);
			json_decref(o);
		}
		free(cap);
	}
	memset(cover, 0, sizeof(cover));
	for (s = 0; s < (long)data.shifts.n; s++) {
		int p = data.shifts.v[s].priority;
		if (pool_data_shift(&data, data.shifts.v[s].id) != s)
			continue;
		if (p < 1 || p > 5)
			p = p < 1 ? 1 : 5;
		cover[p][1]++;
		if (state[s] == 1)
			cover[p][0]++;
		else if (cnt[s] != 1)
			problem("shift '%s': %ld assignment/unfilled records",
			    data.shifts.v[s].id, cnt[s]);
	}
	for (w = 0; w < (long)data.workers.n; w++) {
		long j;
		if (nper[w] == 0) {
			free(per[w]);
			continue;
		}
		qsort(per[w], (size_t)nper[w], sizeof(struct sh), sh_cmp);
		for (j = 0; j < nper[w]; j++)
			if (per[w][j].proposed) {
				cover[data.shifts.v[per[w][j].s].priority < 1 ? 1 :
				    data.shifts.v[per[w][j].s].priority > 5 ? 5 :
				    data.shifts.v[per[w][j].s].priority][0]++;
			}
		check_worker(w, per[w], nper[w]);
		free(per[w]);
	}
	printf("cover");
	for (i = 1; i <= 5; i++)
		printf(" p%zu=%ld/%ld", i, cover[i][0], cover[i][1]);
	printf(" proposed=%ld unfilled=%ld problems=%ld\n", np, nu, problems);
	free(per);
	free(nper);
	free(state);
	free(cnt);
	return problems > 0;
}

/*
 * The rests of the law as a relaxation: every constraint below holds for
 * every roster that lib/rules.c's rules (restated at the top) accept, so
 * the model's optimum bounds the true one from above.  Per worker, over
 * the shifts that could be theirs (x, or pinned: the constant 1):
 *  - a pair closer than the shortened daily rest is one shift in the
 *    sense of the law: it excludes itself when the working times add up
 *    to more than shift_max, or when it spans more than 24 h less the
 *    shortened rest (no legal daily rest is left in its 24 h); after a
 *    late night such a pair excludes itself (the rest after a night is
 *    never shorter than rest_after_night_short);
 *  - zd_w_a: a shortened daily rest starts at the end of a.  Forced when
 *    a and a later b are taken with nothing in between, the gap is
 *    shortened (shortened rest <= gap < rest_daily), a is not a late
 *    night, and the rest after b within 24 h of a's start cannot be
 *    longer than the gap; or when a pair i, a closer than the shortened
 *    rest spans more than 24 h less rest_daily and nothing starts after
 *    a within 24 h of i's start (then the rest after a, cut at the end
 *    of the 24 h, is the longest and too short);
 *  - zn_w_a: a shortened rest after the late night a, forced when a and
 *    the next shift b are taken with a gap under rest_after_night;
 *  - of each kind, at most one per rest_short_window, measured between
 *    the rests' starts (groups of starts closer than the window).
 * Pairs the rules would let pass in a way this misses only make the
 * bound weaker, never wrong.
 */
#define MIN(a, b)	((a) < (b) ? (a) : (b))
#define MAX(a, b)	((a) > (b) ? (a) : (b))
#define ADDZ(v, n, cap, at_, s_, night_) do {				\
	if ((n) == (cap)) {						\
		(cap) = (cap) ? (cap) * 2 : 64;				\
		(v) = realloc((v), (size_t)(cap) * sizeof(*(v)));	\
	}								\
	(v)[n].at = (at_);						\
	(v)[n].s = (s_);						\
	(v)[(n)++].night = (night_);					\
} while (0)

struct zrest {
	int64_t	 at;		/* the rest's start */
	long	 s;		/* the shift it follows */
	int	 night;
};

static int
zrest_cmp(const void *a, const void *b)
{
	const struct zrest *x = a, *y = b;

	if (x->night != y->night)
		return x->night - y->night;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return (x->s > y->s) - (x->s < y->s);
}

static int
start_cmp(const void *a, const void *b)
{
	const struct pool_shift *x = &data.shifts.v[*(const long *)a];
	const struct pool_shift *y = &data.shifts.v[*(const long *)b];

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (*(const long *)a > *(const long *)b) -
	    (*(const long *)a < *(const long *)b);
}

/*
 * A term of a constraint: " + c x_w_s", or c added to *k when s is
 * pinned to w (a constant 1).
 */
static void
term(FILE *f, long c, long w, long s, const long *pinned, long *k)
{
	if (pinned[s] == w)
		*k += c;
	else
		fprintf(f, " %c %ld x_%ld_%ld", c < 0 ? '-' : '+',
		    c < 0 ? -c : c, w, s);
}

/*
 * "z >= x_a + x_b - 1 - (sum of x over L[lo..hi) )": nothing is written
 * when something in between is pinned (then z is not forced).
 */
static char	lastz[64];

static void
force(FILE *f, const char *z, long w, long a, long b, const long *L,
    long lo, long hi, const long *pinned, long *nc)
{
	long	k = 0, c;

	for (c = lo; c < hi; c++)
		if (L[c] != a && L[c] != b && pinned[L[c]] == w)
			return;
	if (startf != NULL) {
		long v = (startw[a] == w) + (startw[b] == w) - 1;
		for (c = lo; c < hi; c++)
			if (L[c] != a && L[c] != b)
				v -= startw[L[c]] == w;
		if (v >= 1 && strcmp(z, lastz) != 0) {
			fprintf(startf, "0 %s 1\n", z);
			snprintf(lastz, sizeof(lastz), "%s", z);
		}
	}
	fprintf(f, " f_%ld: + 1 %s", (*nc)++, z);
	term(f, -1, w, a, pinned, &k);
	term(f, -1, w, b, pinned, &k);
	for (c = lo; c < hi; c++)
		if (L[c] != a && L[c] != b)
			term(f, 1, w, L[c], pinned, &k);
	fprintf(f, " >= %ld\n", -1 + k);
}

/*
 * 1 if shifts a and b, one shift in the sense of the law, lack the
 * break their working time needs, and no third block can join them
 * (it would take them over shift_max): its break or the gaps around it
 * cannot make up for it then.
 */
static int
no_break(long a, long b, long gap, long minwork)
{
	const struct pool_rules	*r = &conf->rules;
	const struct pool_shift	*x = &data.shifts.v[a], *y = &data.shifts.v[b];
	long			 wk = work(a) + work(b), need = 0, pause = 0;

	if (!x->has_break && !y->has_break)
		return 0;
	if (r->shift_max <= 0 || wk + minwork <= r->shift_max)
		return 0;
	if (r->break_long_min > 0 && wk > r->break_long_after)
		need = r->break_long_min;
	else if (r->break_min > 0 && wk > r->break_after)
		need = r->break_min;
	pause = (x->has_break ? x->break_minutes : 0) +
	    (y->has_break ? y->break_minutes : 0) +
	    (gap >= r->break_part ? gap : 0);
	return pause < need;
}

static long
first_from(const long *L, long n, int64_t t)
{
	long	lo = 0, hi = n, m;

	while (lo < hi) {
		m = (lo + hi) / 2;
		if (data.shifts.v[L[m]].start < t)
			lo = m + 1;
		else
			hi = m;
	}
	return lo;
}

static void
write_rests(FILE *f, const char *ok, const long *pinned, long nw, long ns,
    char ***bins, long *nbin)
{
	const struct pool_rules	*r = &conf->rules;
	struct zrest		*zs = NULL;
	long			 nz, cap = 0, w, i, j, k, n, *L, nc = 0;
	long			 minwork;
	int			*late, lt;
	char			*zd, *zn, name[64];
	long			 need_d = r->rest_daily;
	long			 short_d = r->rest_daily_short > 0 ?
				    MIN(r->rest_daily_short, need_d) : need_d;
	long			 need_n = r->rest_after_night > 0 ?
				    MAX(r->rest_after_night, need_d) : 0;
	long			 short_n = r->rest_after_night_short > 0 ?
				    MIN(r->rest_after_night_short, need_n) :
				    need_n;
	int64_t			 win = (int64_t)r->rest_short_window * 60;

	L = malloc((ns + 1) * sizeof(long));
	late = malloc((ns + 1) * sizeof(int));
	zd = calloc(ns + 1, 1);
	zn = calloc(ns + 1, 1);
	for (i = 0; i < ns; i++) {
		(void)is_night(i, &lt);
		late[i] = lt && need_n > 0;
	}
	for (w = 0; w < nw; w++) {
		for (n = 0, i = 0; i < ns; i++)
			if (ok[w * ns + i] || pinned[i] == w)
				L[n++] = i;
		qsort(L, (size_t)n, sizeof(long), start_cmp);
		nz = 0;
		for (minwork = LONG_MAX, i = 0; i < n; i++)
			minwork = MIN(minwork, work(L[i]));
		for (i = 0; i < n; i++) {
			const struct pool_shift *a = &data.shifts.v[L[i]];
			for (j = i + 1; j < n; j++) {
				const struct pool_shift *b =
				    &data.shifts.v[L[j]];
				long gap = (long)((b->start - a->end) / 60);
				long span = (long)((b->end - a->start) / 60);
				int pa = pinned[L[i]] == w;
				int pb = pinned[L[j]] == w;
				if (b->start >= a->start + 86400 &&
				    gap >= MAX(need_d, need_n))
					break;
				if (gap < 0 || (pa && pb))
					continue;	/* overlap: cliques */
				if (gap < short_d && (late[L[i]] ?
				    gap < short_n :
				    ((r->shift_max > 0 && work(L[i]) +
				    work(L[j]) > r->shift_max) ||
				    span > 24 * 60 - short_d ||
				    no_break(L[i], L[j], gap, minwork)))) {
					fprintf(f, " ex_%ld:", nc++);
					k = 0;
					term(f, 1, w, L[i], pinned, &k);
					term(f, 1, w, L[j], pinned, &k);
					fprintf(f, " <= %ld\n", 1 - k);
					continue;
				}
				if (late[L[i]] && gap >= short_n &&
				    gap < need_n) {
					snprintf(name, sizeof(name),
					    "zn_%ld_%ld", w, L[i]);
					force(f, name, w, L[i], L[j], L, i + 1,
					    j, pinned, &nc);
					if (!zn[L[i]]) {
						zn[L[i]] = 1;
						ADDZ(zs, nz, cap, a->end, L[i], 1);
					}
				} else if (!late[L[i]] && gap >= short_d &&
				    gap < need_d && span >= 24 * 60 - gap) {
					snprintf(name, sizeof(name),
					    "zd_%ld_%ld", w, L[i]);
					force(f, name, w, L[i], L[j], L, i + 1,
					    j, pinned, &nc);
					if (!zd[L[i]]) {
						zd[L[i]] = 1;
						ADDZ(zs, nz, cap, a->end, L[i], 0);
					}
				} else if (gap < short_d && !late[L[j]] &&
				    span > 24 * 60 - need_d) {
					/* i and j one shift, j its end */
					snprintf(name, sizeof(name),
					    "zd_%ld_%ld", w, L[j]);
					force(f, name, w, L[i], L[j], L, j + 1,
					    first_from(L, n, a->start + 86400),
					    pinned, &nc);
					if (!zd[L[j]]) {
						zd[L[j]] = 1;
						ADDZ(zs, nz, cap, b->end, L[j], 0);
					}
				}
			}
		}
		/* at most one of a kind per window */
		qsort(zs, (size_t)nz, sizeof(*zs), zrest_cmp);
		for (i = 0; i < nz; i++) {
			for (k = i + 1; k < nz && zs[k].night == zs[i].night &&
			    zs[k].at < zs[i].at + win; k++)
				;
			if (k - i >= 2 && !(i > 0 &&
			    zs[i - 1].night == zs[i].night &&
			    zs[k - 1].at < zs[i - 1].at + win)) {
				fprintf(f, " win_%ld:", nc++);
				for (j = i; j < k; j++)
					fprintf(f, " + z%c_%ld_%ld",
					    zs[j].night ? 'n' : 'd', w, zs[j].s);
				fprintf(f, " <= 1\n");
			}
		}
		for (i = 0; i < nz; i++) {
			zd[zs[i].s] = zn[zs[i].s] = 0;
			snprintf(name, sizeof(name), "z%c_%ld_%ld",
			    zs[i].night ? 'n' : 'd', w, zs[i].s);
			*bins = realloc(*bins, (*nbin + 1) * sizeof(char *));
			(*bins)[(*nbin)++] = strdup(name);
		}
	}
	free(zs);
	free(L);
	free(late);
	free(zd);
	free(zn);
}

/* The cover model as an LP file; see tests/bench/match.sh. */
static int
write_lp(const char *path, int prio_obj, const char *fixfile)
{
	struct pool_rulectx	*rc;
	struct pool_error	 err;
	FILE			*f = fopen(path, "w");
	long			 s, w, nw = (long)data.workers.n;
	long			 ns = (long)data.shifts.n, *pinned, i, j;
	char			*ok;
	long			 fix[6] = { 0 }, nz = 0, npin[6] = { 0 };
	char			**zs = NULL;
	int			 p;

	if (f == NULL) {
		perror(path);
		return 2;
	}
	if (fixfile != NULL) {
		FILE *ff = fopen(fixfile, "r");
		for (p = 1; ff != NULL && p <= 5; p++)
			if (fscanf(ff, "%ld", &fix[p]) != 1)
				break;
		if (ff)
			fclose(ff);
	}
	rc = pool_rules_new(conf, &data, tz, 1, &err);
	pinned = malloc((ns + 1) * sizeof(long));
	ok = calloc((size_t)(nw * ns) + 1, 1);
	for (s = 0; s < ns; s++)
		pinned[s] = -1;
	for (i = 0; i < (long)data.assignments.n; i++)
		if (data.assignments.v[i].status == POOL_CONFIRMED &&
		    (s = pool_data_shift(&data, data.assignments.v[i].shift)) >= 0)
			pinned[s] = pool_data_worker(&data,
			    data.assignments.v[i].worker);
	for (s = 0; s < ns; s++) {
		if (pinned[s] >= 0 || pool_data_shift(&data,
		    data.shifts.v[s].id) != s)
			continue;
		for (w = 0; w < nw; w++)
			if (pool_data_worker(&data, data.workers.v[w].id) == w &&
			    pool_rules_check(rc, w, s, NULL, 0) == NULL)
				ok[w * ns + s] = 1;
	}
	/* confirmed shifts count as cover: a constant, pinned_cover = 1 */
	for (s = 0; s < ns; s++)
		if (pinned[s] >= 0 && data.shifts.v[s].priority >= 1 &&
		    data.shifts.v[s].priority <= 5)
			npin[data.shifts.v[s].priority]++;
	fprintf(f, "Maximize\n obj:");
	for (s = 0; s < ns; s++)
		for (w = 0; w < nw; w++)
			if (ok[w * ns + s] && data.shifts.v[s].priority ==
			    prio_obj)
				fprintf(f, " + x_%ld_%ld", w, s);
	fprintf(f, " + %ld pinned_cover\nSubject To\n",
	    prio_obj >= 1 && prio_obj <= 5 ? npin[prio_obj] : 0);
	if (startf != NULL)
		for (s = 0; s < ns; s++)
			if (startw[s] >= 0 && ok[startw[s] * ns + s])
				fprintf(startf, "0 x_%ld_%ld 1\n", startw[s], s);
	for (s = 0; s < ns; s++) {
		int any = 0;
		for (w = 0; w < nw; w++)
			if (ok[w * ns + s]) {
				if (!any)
					fprintf(f, " one_%ld:", s);
				fprintf(f, " + x_%ld_%ld", w, s);
				any = 1;
			}
		if (any)
			fprintf(f, " <= 1\n");
	}
	for (p = 1; p < prio_obj; p++) {
		fprintf(f, " keep_%d:", p);
		for (s = 0; s < ns; s++)
			if (data.shifts.v[s].priority == p)
				for (w = 0; w < nw; w++)
					if (ok[w * ns + s])
						fprintf(f, " + x_%ld_%ld", w, s);
		fprintf(f, " + %ld pinned_cover >= %ld\n", npin[p], fix[p]);
	}
	/* per worker: shifts running at the start of one exclude each
	 * other (cliques) */
	for (w = 0; w < nw; w++) {
		const struct pool_rules *r = &conf->rules;
		for (i = 0; i < ns; i++) {
			int n = 0;
			int64_t t = data.shifts.v[i].start;
			if (!ok[w * ns + i])
				continue;
			for (j = 0; j < ns; j++)
				if (ok[w * ns + j] && data.shifts.v[j].start <= t &&
				    t < data.shifts.v[j].end)
					n++;
			if (n < 2)
				continue;
			fprintf(f, " c_%ld_%ld:", w, i);
			for (j = 0; j < ns; j++)
				if (ok[w * ns + j] && data.shifts.v[j].start <= t &&
				    t < data.shifts.v[j].end)
					fprintf(f, " + x_%ld_%ld", w, j);
			fprintf(f, " <= 1\n");
		}
		/* hours per ATW week, less what is pinned there */
		for (i = 0; i < ns; i++) {
			int64_t wk0;
			long pinmin = 0, lim = r->week_max;
			int first = 1, any = 0;
			if (!ok[w * ns + i])
				continue;
			wk0 = week_of_day(lday(data.shifts.v[i].start));
			for (j = 0; j < i; j++)
				if (ok[w * ns + j] && week_of_day(lday(
				    data.shifts.v[j].start)) == wk0)
					first = 0;
			if (!first)
				continue;
			for (j = 0; j < ns; j++)
				if (pinned[j] == w && week_of_day(lday(
				    data.shifts.v[j].start)) == wk0)
					pinmin += work(j);
			if (data.workers.v[w].max_hours_week >= 0 &&
			    data.workers.v[w].max_hours_week * 60 < lim)
				lim = (long)(data.workers.v[w].max_hours_week * 60);
			for (j = 0; j < ns; j++)
				if (ok[w * ns + j] && week_of_day(lday(
				    data.shifts.v[j].start)) == wk0) {
					if (!any)
						fprintf(f, " wk_%ld_%ld:", w, i);
					fprintf(f, " + %ld x_%ld_%ld", work(j), w, j);
					any = 1;
				}
			if (any)
				fprintf(f, " <= %ld\n", lim - pinmin);
		}
	}
	/* the rests of the law */
	write_rests(f, ok, pinned, nw, ns, &zs, &nz);
	fprintf(f, "Bounds\n pinned_cover = 1\nBinaries\n");
	for (s = 0; s < ns; s++)
		for (w = 0; w < nw; w++)
			if (ok[w * ns + s])
				fprintf(f, " x_%ld_%ld\n", w, s);
	for (i = 0; i < nz; i++) {
		fprintf(f, " %s\n", zs[i]);
		free(zs[i]);
	}
	free(zs);
	fprintf(f, "End\n");
	fclose(f);
	if (startf != NULL)
		fclose(startf);
	pool_rules_free(rc);
	free(ok);
	free(pinned);
	return 0;
}

/*
 * The assignments of a pool-match output as a MIP start for CBC: the
 * start's values go to path as "index name value" lines.
 */
static int
read_start(const char *out, const char *path)
{
	struct line	*o;
	size_t		 n, i;
	long		 s, w;

	startw = malloc((data.shifts.n + 1) * sizeof(long));
	for (i = 0; i < data.shifts.n; i++)
		startw[i] = -1;
	o = read_lines(out, &n);
	for (i = 0; i < n; i++) {
		json_t *j = json_loads(o[i].s, 0, NULL);
		const char *t = json_string_value(json_object_get(j, "type"));
		const char *st = json_string_value(json_object_get(j,
		    "status"));
		if (t != NULL && strcmp(t, "assignment") == 0 && st != NULL &&
		    (strcmp(st, "proposed") == 0 ||
		    strcmp(st, "confirmed") == 0) &&
		    (s = pool_data_shift(&data, json_string_value(
		    json_object_get(j, "shift")))) >= 0 &&
		    (w = pool_data_worker(&data, json_string_value(
		    json_object_get(j, "worker")))) >= 0)
			startw[s] = w;
		json_decref(j);
		free(o[i].s);
	}
	free(o);
	if ((startf = fopen(path, "w")) == NULL) {
		perror(path);
		return -1;
	}
	fprintf(startf, "Feasible - objective value 0\n");
	return 0;
}

int
main(int argc, char *argv[])
{
	struct pool_error	 err;
	const char		*cpath = NULL, *lp = NULL, *fix = NULL;
	const char		*mst = NULL;
	struct line		*in, *out = NULL;
	size_t			 nin, nout = 0;
	int			 ch, prio_obj = 1;

	while ((ch = getopt(argc, argv, "c:f:l:m:p:v")) != -1)
		switch (ch) {
		case 'c':
			cpath = optarg;
			break;
		case 'f':
			fix = optarg;
			break;
		case 'l':
			lp = optarg;
			break;
		case 'm':
			mst = optarg;
			break;
		case 'p':
			prio_obj = atoi(optarg);
			break;
		case 'v':
			verbose = 1;
			break;
		default:
			goto usage;
		}
	argc -= optind;
	argv += optind;
	if (argc != (lp && !mst ? 1 : 2) || (mst && !lp))
		goto usage;
	conf = cpath ? pool_config_load(cpath, &err) :
	    pool_config_new_default(&err);
	if (conf == NULL) {
		fprintf(stderr, "matchcheck: %s\n", err.text);
		return 2;
	}
	if ((tz = pool_tz_load(conf->timezone, NULL, &err)) == NULL) {
		fprintf(stderr, "matchcheck: %s\n", err.text);
		return 2;
	}
	in = read_lines(argv[0], &nin);
	if (lp != NULL) {
		load(in, nin);
		if (mst != NULL && read_start(argv[1], mst) == -1)
			return 2;
		return write_lp(lp, prio_obj, fix);
	}
	out = read_lines(argv[1], &nout);
	ch = check(in, nin, out, nout);
	while (nin > 0)
		free(in[--nin].s);
	while (nout > 0)
		free(out[--nout].s);
	free(in);
	free(out);
	free(avail);
	free(absent);
	pool_data_release(&data);
	pool_tz_free(tz);
	pool_config_free(conf);
	return ch;
usage:
	fprintf(stderr, "usage: matchcheck [-c conf] input output\n"
	    "       matchcheck -l model.lp [-p prio] [-f fixed] [-c conf] "
	    "input\n"
	    "       matchcheck -l model.lp -m start [-p prio] [-f fixed] "
	    "[-c conf] input output\n");
	return 2;
}
