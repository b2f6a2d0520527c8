/*
 * signupcheck: how many signups a pool-match output honours, against
 * an upper bound, independently of the search in lib/match.c (only the
 * rules engine, pool_rules.h, is shared: it says what is allowed).
 *
 *	signupcheck [-l model.lp] [-c pool.yaml] output
 *
 * A shift is signed when a worker signed up for it and no confirmed
 * assignment holds it; it is honoured when its proposed worker is one
 * of its signers.  Prints:
 *
 *   signed N, honoured H, bound B, exchanges E
 *
 * B is an upper bound on the signed shifts any plan can give to a
 * signer, whatever its cover: the largest set of (shift, signer) pairs
 * with at most one pair per shift, each signer passing the rules for
 * the shift against their confirmed shifts alone, and no two pairs of
 * one signer that break a rule together (found exactly, by branch and
 * bound over the components of the conflict graph).  E counts the plain
 * exchanges left in the output: a signer who could take a signed shift
 * from a worker who did not sign up for it (or take it open), the
 * holder's other shifts still passing; or who could, by giving one of
 * their proposed shifts to that holder in exchange (or, for an open
 * shift, leaving one open of the same organisation, role, priority and
 * allocation period), with more shifts going to a signer.  With -l the same model is also
 * written as an LP file for an exact solver.  Exits 1 if E > 0.
 * Strict quotas are not modelled: open shifts are then not tried.
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
static struct pool_rulectx	*rc;		/* the output's assignments */
static struct pool_rulectx	*rc0;		/* confirmed ones only */
static long			 nw, ns;
static long			*holder;
static char			*pinned;

static void *
xmalloc(size_t n)
{
	void	*p = malloc(n ? n : 1);

	if (p == NULL) {
		fprintf(stderr, "signupcheck: out of memory\n");
		exit(2);
	}
	return p;
}

static void
give(struct pool_rulectx *c, long w, long s)
{
	if (pool_rules_assign(c, w, s) == -1) {
		fprintf(stderr, "signupcheck: out of memory\n");
		exit(2);
	}
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
		give(rc, w, c[i]);
	}
	free(c);
	return good;
}

static int
signed_up(long s, long w)
{
	size_t	i;

	for (i = 0; i < data.signups.n; i++)
		if (pool_data_shift(&data, data.signups.v[i].shift) == s &&
		    pool_data_worker(&data, data.signups.v[i].worker) == w)
			return 1;
	return 0;
}

/* 1 if shifts a and b share organisation, role, priority and week. */
static int
same_share(long a, long b)
{
	const struct pool_shift	*x = &data.shifts.v[a], *y = &data.shifts.v[b];
	int			 ya, wa, yb, wb;
	int64_t			 da, db;

	if (strcmp(x->org, y->org) != 0 || strcmp(x->role, y->role) != 0 ||
	    x->priority != y->priority)
		return 0;
	da = pool_tz_local_day(tz, x->start);
	db = pool_tz_local_day(tz, y->start);
	if (conf->allocation.period_day)
		return da == db;
	pool_time_iso_week(da, &ya, &wa);
	pool_time_iso_week(db, &yb, &wb);
	return ya == yb && wa == wb;
}

/*
 * An exchange of two: signer w, who cannot take s as things are,
 * gives one proposed shift t to w0, the holder of s, and takes s; or,
 * if s is open, leaves t (of the same organisation, role, priority and
 * period) open.  Every proposed shift of both still passes, and more
 * shifts go to a signer.  Returns 1 if one is found (and prints it).
 */
static int
swap(long s, long w, long w0)
{
	const long	*v;
	long		*c, n = pool_rules_held(rc, w, &v), i, t, gain;
	int		 found = 0;

	c = xmalloc(((size_t)n + 1) * sizeof(long));
	if (n > 0)
		memcpy(c, v, (size_t)n * sizeof(long));
	for (i = 0; i < n && !found; i++) {
		t = c[i];
		if (pinned[t])
			continue;
		if (w0 < 0 && (!same_share(s, t) || (data.allocations.n > 0 &&
		    conf->allocation.strict)))
			continue;
		pool_rules_unassign(rc, w, t);
		if (pool_rules_check(rc, w, s, NULL, 0) == NULL) {
			give(rc, w, s);
			gain = 1 - signed_up(t, w);
			if (w0 >= 0 && pool_rules_check(rc, w0, t, NULL,
			    0) == NULL) {
				give(rc, w0, t);
				gain += signed_up(t, w0);
				if (gain > 0 && verify(w) && verify(w0))
					found = 1;
				pool_rules_unassign(rc, w0, t);
			} else if (w0 < 0 && gain > 0 && verify(w))
				found = 1;
			pool_rules_unassign(rc, w, s);
		}
		give(rc, w, t);
		if (found && w0 >= 0)
			printf("exchange: %s gives %s to %s and takes %s, "
			    "which they signed up for\n", data.workers.v[w].id,
			    data.shifts.v[t].id, data.workers.v[w0].id,
			    data.shifts.v[s].id);
		else if (found)
			printf("exchange: %s leaves %s open and takes %s, "
			    "which they signed up for\n", data.workers.v[w].id,
			    data.shifts.v[t].id, data.shifts.v[s].id);
	}
	free(c);
	return found;
}

/* The relaxation: pairs, their shift and worker, and conflicts. */
struct pair {
	long	s, w;
};
static struct pair	*pr;
static long		 npr;
static char		*conflict;	/* npr x npr */
static long		*order;		/* pairs of the component */
static long		 nord, best;
static char		*taken, *shift_used;

static int
compatible(long a)
{
	long	i;

	if (shift_used[pr[order[a]].s])
		return 0;
	for (i = 0; i < a; i++)
		if (taken[i] && conflict[(size_t)order[i] * (size_t)npr +
		    (size_t)order[a]])
			return 0;
	return 1;
}

/* Branch and bound: the most pairs of order[a..] on top of have. */
static void
bb(long a, long have, long *budget)
{
	if (have + (nord - a) <= best || --*budget < 0)
		return;
	if (a == nord) {
		best = have;
		return;
	}
	if (compatible(a)) {
		taken[a] = 1;
		shift_used[pr[order[a]].s] = 1;
		bb(a + 1, have + 1, budget);
		shift_used[pr[order[a]].s] = 0;
		taken[a] = 0;
	}
	bb(a + 1, have, budget);
}

int
main(int argc, char *argv[])
{
	struct pool_error	 err;
	const char		*cpath = NULL, *lpath = NULL;
	char			*seen;
	size_t			 i;
	long			 s, w, k, j, q, signed_n = 0, honoured = 0;
	long			 exch = 0, bound = 0, *comp, *stack, ncomp;
	long			 budget, w0;
	int			 ch, exact = 1, hon;

	while ((ch = getopt(argc, argv, "c:l:")) != -1)
		switch (ch) {
		case 'c':
			cpath = optarg;
			break;
		case 'l':
			lpath = optarg;
			break;
		default:
			goto usage;
		}
	argc -= optind;
	argv += optind;
	if (argc != 1)
		goto usage;
	if (plan_load("signupcheck", cpath, argv[0], &conf, &tz, &data) == -1)
		return 2;
	if ((rc = pool_rules_new(conf, &data, tz, 0, &err)) == NULL ||
	    (rc0 = pool_rules_new(conf, &data, tz, 1, &err)) == NULL) {
		fprintf(stderr, "signupcheck: %s\n", err.text);
		return 2;
	}
	nw = (long)data.workers.n;
	ns = (long)data.shifts.n;
	holder = xmalloc(((size_t)ns + 1) * sizeof(long));
	pinned = xmalloc((size_t)ns + 1);
	seen = xmalloc((size_t)ns * 2 + 1);
	memset(seen, 0, (size_t)ns * 2 + 1);
	for (s = 0; s < ns; s++) {
		holder[s] = -1;
		pinned[s] = 0;
	}
	for (i = 0; i < data.assignments.n; i++) {
		const struct pool_assignment *a = &data.assignments.v[i];
		if ((s = pool_data_shift(&data, a->shift)) < 0 ||
		    (w = pool_data_worker(&data, a->worker)) < 0)
			continue;
		holder[s] = w;
		if (a->status == POOL_CONFIRMED)
			pinned[s] = 1;
	}
	pr = xmalloc((data.signups.n + 1) * sizeof(*pr));
	for (i = 0; i < data.signups.n; i++) {
		const struct pool_signup *sg = &data.signups.v[i];
		if ((s = pool_data_shift(&data, sg->shift)) < 0 ||
		    (w = pool_data_worker(&data, sg->worker)) < 0 || pinned[s])
			continue;
		for (k = 0; k < npr; k++)
			if (pr[k].s == s && pr[k].w == w)
				break;
		if (k < npr)
			continue;
		if (!seen[s]) {
			seen[s] = 1;
			signed_n++;
		}
		/* honoured; a plain exchange left */
		hon = holder[s] == w;
		if (holder[s] >= 0) {
			for (j = 0; j < (long)data.signups.n; j++)
				if (pool_data_shift(&data,
				    data.signups.v[j].shift) == s &&
				    pool_data_worker(&data,
				    data.signups.v[j].worker) == holder[s])
					hon = 1;
		}
		if (hon && !seen[ns + s]) {
			seen[ns + s] = 1;
			honoured++;
		}
		if (!hon && !(holder[s] < 0 && data.allocations.n > 0 &&
		    conf->allocation.strict)) {
			w0 = holder[s];
			if (w0 >= 0)
				pool_rules_unassign(rc, w0, s);
			if (pool_rules_check(rc, w, s, NULL, 0) == NULL) {
				give(rc, w, s);
				if (w0 < 0 || verify(w0)) {
					if (++exch <= 10)
						printf("exchange: shift %s to "
						    "%s, who signed up\n",
						    data.shifts.v[s].id,
						    data.workers.v[w].id);
				}
				pool_rules_unassign(rc, w, s);
			} else
				exch += swap(s, w, w0);
			if (w0 >= 0)
				give(rc, w0, s);
		}
		if (pool_rules_check(rc0, w, s, NULL, 0) == NULL) {
			pr[npr].s = s;
			pr[npr++].w = w;
		}
	}
	/* conflicts between two pairs of one signer */
	conflict = xmalloc((size_t)npr * (size_t)npr + 1);
	memset(conflict, 0, (size_t)npr * (size_t)npr + 1);
	for (k = 0; k < npr; k++)
		for (j = 0; j < npr; j++) {
			if (j == k || pr[j].w != pr[k].w)
				continue;
			give(rc0, pr[k].w, pr[k].s);
			if (pool_rules_check(rc0, pr[j].w, pr[j].s, NULL,
			    0) != NULL) {
				conflict[(size_t)k * (size_t)npr + (size_t)j] =
				    1;
				conflict[(size_t)j * (size_t)npr + (size_t)k] =
				    1;
			}
			pool_rules_unassign(rc0, pr[k].w, pr[k].s);
		}
	/* components: pairs joined by a shift, a worker's conflict */
	comp = xmalloc(((size_t)npr + 1) * sizeof(long));
	stack = xmalloc(((size_t)npr + 1) * sizeof(long));
	order = xmalloc(((size_t)npr + 1) * sizeof(long));
	taken = xmalloc((size_t)npr + 1);
	shift_used = xmalloc((size_t)ns + 1);
	memset(shift_used, 0, (size_t)ns + 1);
	for (k = 0; k < npr; k++)
		comp[k] = -1;
	for (ncomp = 0, k = 0; k < npr; k++) {
		long sp = 0;
		if (comp[k] >= 0)
			continue;
		comp[k] = ncomp;
		stack[sp++] = k;
		nord = 0;
		while (sp > 0) {
			q = stack[--sp];
			order[nord++] = q;
			for (j = 0; j < npr; j++)
				if (comp[j] < 0 && (pr[j].s == pr[q].s ||
				    conflict[(size_t)q * (size_t)npr +
				    (size_t)j])) {
					comp[j] = ncomp;
					stack[sp++] = j;
				}
		}
		ncomp++;
		memset(taken, 0, (size_t)npr + 1);
		best = 0;
		budget = 20000000;
		bb(0, 0, &budget);
		if (budget < 0) {
			/* not proven: the number of its shifts bounds it */
			exact = 0;
			for (q = 0, j = 0; j < nord; j++)
				if (!shift_used[pr[order[j]].s]) {
					shift_used[pr[order[j]].s] = 1;
					q++;
				}
			for (j = 0; j < nord; j++)
				shift_used[pr[order[j]].s] = 0;
			best = q;
		}
		bound += best;
	}
	if (lpath != NULL) {
		FILE *lp = fopen(lpath, "w");
		if (lp == NULL) {
			perror(lpath);
			return 2;
		}
		fprintf(lp, "Maximize\n obj:");
		for (k = 0; k < npr; k++)
			fprintf(lp, " + x%ld", k);
		fprintf(lp, "\nSubject To\n");
		for (s = 0; s < ns; s++) {
			int any = 0;
			for (k = 0; k < npr; k++)
				if (pr[k].s == s) {
					fprintf(lp, any ? " + x%ld" :
					    " s%ld:  x%ld", any ? k : s, k);
					any = 1;
				}
			if (any)
				fprintf(lp, " <= 1\n");
		}
		for (k = 0; k < npr; k++)
			for (j = k + 1; j < npr; j++)
				if (conflict[(size_t)k * (size_t)npr +
				    (size_t)j])
					fprintf(lp, " c%ld_%ld: x%ld + x%ld "
					    "<= 1\n", k, j, k, j);
		fprintf(lp, "Binary\n");
		for (k = 0; k < npr; k++)
			fprintf(lp, " x%ld\n", k);
		fprintf(lp, "End\n");
		fclose(lp);
	}
	printf("signed %ld, honoured %ld, bound %ld%s, exchanges %ld\n",
	    signed_n, honoured, bound, exact ? "" : " (not exact)", exch);
	free(comp);
	free(stack);
	free(order);
	free(taken);
	free(shift_used);
	free(conflict);
	free(pr);
	free(seen);
	free(holder);
	free(pinned);
	pool_rules_free(rc);
	pool_rules_free(rc0);
	pool_data_release(&data);
	pool_tz_free(tz);
	pool_config_free(conf);
	return exch > 0;
usage:
	fprintf(stderr, "usage: signupcheck [-l model.lp] [-c pool.yaml] "
	    "output\n");
	return 2;
}
