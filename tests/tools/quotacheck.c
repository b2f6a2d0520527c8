/*
 * quotacheck: check that a pool-match output honours soft quotas,
 * independently of the search in lib/match.c (only the rules engine,
 * pool_rules.h, is shared: it says what is allowed).
 *
 *	quotacheck [-c pool.yaml] output
 *
 * An allocation is an organisation's entitlement in a period for a
 * role (allocation records; a record without a role covers the roles
 * that have none of their own), as pool-match(1) reads them; it
 * receives the units (shifts, or hours with allocation unit: hour) of
 * its proposed assignments.  A swap is left when a worker who holds a
 * proposed shift t of an allocation above its entitlement could give
 * it up and take an open shift s of the same priority of another
 * allocation below its entitlement, every other proposed shift of the
 * worker still passing the rules, and the total shortfall below
 * entitlement would fall.  Prints the allocations above and below
 * their entitlement, with the units by which they are, and the swaps
 * (at most 10, and their count); exits 1 if there are any.  Strict
 * quotas and pools without allocations are reported and skipped.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pool.h"
#include "pool_config.h"
#include "pool_record.h"
#include "pool_rules.h"
#include "pool_time.h"

#include "planload.h"

static struct pool_config	*conf;
static struct pool_tz		*tz;
static struct pool_data		 data;
static struct pool_rulectx	*rc;
static long			 ns;
static long			*alloc_of;	/* shift -> allocation or -1 */
static double			*used, *entitled;
static char			*pinned;
static long			*holder;

static void *
xmalloc(size_t n)
{
	void	*p = malloc(n ? n : 1);

	if (p == NULL) {
		fprintf(stderr, "quotacheck: out of memory\n");
		exit(2);
	}
	return p;
}

static void
give(long w, long s)
{
	if (pool_rules_assign(rc, w, s) == -1) {
		fprintf(stderr, "quotacheck: out of memory\n");
		exit(2);
	}
}

static double
units_of(long s)
{
	const struct pool_shift	*sh = &data.shifts.v[s];

	if (!conf->allocation.unit_hours)
		return 1;
	return ((double)(sh->end - sh->start) / 60 - sh->break_minutes) / 60;
}

static int
prio(long s)
{
	int	p = data.shifts.v[s].priority;

	return p < 1 ? 1 : p > 5 ? 5 : p;
}

/* The period of a shift as allocation records name it. */
static void
period(long s, char *buf, size_t len)
{
	int64_t	day = pool_tz_local_day(tz, data.shifts.v[s].start);
	int	y, wk, mo, d;

	if (conf->allocation.period_day) {
		pool_time_civil_from_days(day, &y, &mo, &d);
		snprintf(buf, len, "%04d-%02d-%02d", y, mo, d);
	} else {
		pool_time_iso_week(day, &y, &wk);
		snprintf(buf, len, "%04d-W%02d", y, wk);
	}
}

/* The allocation of shift s: its org, period and role, else no role. */
static long
find_alloc(long s)
{
	const struct pool_shift	*sh = &data.shifts.v[s];
	char			 per[32];
	long			 i, any = -1;

	period(s, per, sizeof(per));
	/* a later record for the same key wins */
	for (i = (long)data.allocations.n - 1; i >= 0; i--) {
		const struct pool_allocation *a = &data.allocations.v[i];
		if (strcmp(a->org, sh->org) != 0 || strcmp(a->period, per) != 0)
			continue;
		if (a->role != NULL && strcmp(a->role, sh->role) == 0)
			return i;
		if (a->role == NULL && any < 0)
			any = i;
	}
	return any;
}

/* The canonical allocation of a key: the last record with that key. */
static long
canon(long i)
{
	const struct pool_allocation	*a = &data.allocations.v[i], *b;
	long				 j;

	for (j = (long)data.allocations.n - 1; j > i; j--) {
		b = &data.allocations.v[j];
		if (strcmp(a->org, b->org) == 0 &&
		    strcmp(a->period, b->period) == 0 &&
		    ((a->role == NULL && b->role == NULL) ||
		    (a->role != NULL && b->role != NULL &&
		    strcmp(a->role, b->role) == 0)))
			return j;
	}
	return i;
}

static double
below(long a, double more)
{
	double	d = entitled[a] - (used[a] + more);

	return d > 0 ? d : 0;
}

/* 1 if every proposed shift of w passes the rules against the rest. */
static int
verify(long w)
{
	const long	*v;
	long		*c, n = pool_rules_held(rc, w, &v), i;
	int		 good = 1;

	c = xmalloc(((size_t)n + 1) * sizeof(long));
	if (n > 0)
		memcpy(c, v, (size_t)n * sizeof(long));
	for (i = 0; i < n && good; i++) {
		if (pinned[c[i]])
			continue;
		pool_rules_unassign(rc, w, c[i]);
		good = pool_rules_check(rc, w, c[i], NULL, 0) == NULL;
		give(w, c[i]);
	}
	free(c);
	return good;
}

int
main(int argc, char *argv[])
{
	struct pool_error	 err;
	const char		*cpath = NULL;
	size_t			 i;
	long			 s, t, w, a, b, na, nover = 0, nunder = 0;
	long			 found = 0;
	double			 over = 0, under = 0, gain;
	int			 ch;

	while ((ch = getopt(argc, argv, "c:")) != -1)
		switch (ch) {
		case 'c':
			cpath = optarg;
			break;
		default:
			goto usage;
		}
	argc -= optind;
	argv += optind;
	if (argc != 1)
		goto usage;
	if (plan_load("quotacheck", cpath, argv[0], &conf, &tz, &data) == -1)
		return 2;
	if ((rc = pool_rules_new(conf, &data, tz, 0, &err)) == NULL) {
		fprintf(stderr, "quotacheck: %s\n", err.text);
		return 2;
	}
	if (data.allocations.n == 0 || conf->allocation.strict) {
		printf("quotacheck: %s; skipped\n", data.allocations.n == 0 ?
		    "no allocation records" : "strict quotas");
		return 0;
	}
	ns = (long)data.shifts.n;
	na = (long)data.allocations.n;
	alloc_of = xmalloc(((size_t)ns + 1) * sizeof(long));
	holder = xmalloc(((size_t)ns + 1) * sizeof(long));
	pinned = xmalloc((size_t)ns + 1);
	used = xmalloc(((size_t)na + 1) * sizeof(double));
	entitled = xmalloc(((size_t)na + 1) * sizeof(double));
	for (a = 0; a < na; a++) {
		used[a] = 0;
		entitled[a] = data.allocations.v[a].entitled;
	}
	for (s = 0; s < ns; s++) {
		holder[s] = -1;
		pinned[s] = 0;
		alloc_of[s] = -1;
	}
	for (i = 0; i < data.assignments.n; i++) {
		const struct pool_assignment *as = &data.assignments.v[i];
		if ((s = pool_data_shift(&data, as->shift)) < 0 ||
		    (w = pool_data_worker(&data, as->worker)) < 0)
			continue;
		holder[s] = w;
		if (as->status == POOL_CONFIRMED)
			pinned[s] = 1;
	}
	for (s = 0; s < ns; s++) {
		if (pool_data_shift(&data, data.shifts.v[s].id) != s ||
		    pinned[s] || (a = find_alloc(s)) < 0)
			continue;
		alloc_of[s] = a = canon(a);
		if (holder[s] >= 0)
			used[a] += units_of(s);
	}
	for (a = 0; a < na; a++) {
		if (canon(a) != a)
			continue;
		if (used[a] > entitled[a] + 1e-9) {
			nover++;
			over += used[a] - entitled[a];
		} else if (used[a] < entitled[a] - 1e-9) {
			nunder++;
			under += entitled[a] - used[a];
		}
	}
	/* swaps: an open shift s below, a proposed t above, one worker */
	for (s = 0; s < ns; s++) {
		if ((b = alloc_of[s]) < 0 || holder[s] >= 0 ||
		    below(b, 0) < 1e-9)
			continue;
		for (t = 0; t < ns; t++) {
			if ((a = alloc_of[t]) < 0 || a == b || holder[t] < 0 ||
			    pinned[t] || prio(t) != prio(s) ||
			    used[a] <= entitled[a] + 1e-9)
				continue;
			gain = below(b, 0) - below(b, units_of(s)) -
			    (below(a, -units_of(t)) - below(a, 0));
			if (gain <= 1e-9)
				continue;
			w = holder[t];
			pool_rules_unassign(rc, w, t);
			if (pool_rules_check(rc, w, s, NULL, 0) == NULL) {
				give(w, s);
				if (verify(w) && ++found <= 10)
					printf("swap: %s gives up %s (%s, above "
					    "its entitlement) for %s (%s, "
					    "below)\n", data.workers.v[w].id,
					    data.shifts.v[t].id,
					    data.shifts.v[t].org,
					    data.shifts.v[s].id,
					    data.shifts.v[s].org);
				pool_rules_unassign(rc, w, s);
			}
			give(w, t);
		}
	}
	printf("allocations above entitlement %ld (by %.1f), below %ld (by "
	    "%.1f); swaps %ld\n", nover, over, nunder, under, found);
	free(alloc_of);
	free(holder);
	free(pinned);
	free(used);
	free(entitled);
	pool_rules_free(rc);
	pool_data_release(&data);
	pool_tz_free(tz);
	pool_config_free(conf);
	return found > 0;
usage:
	fprintf(stderr, "usage: quotacheck [-c pool.yaml] output\n");
	return 2;
}
