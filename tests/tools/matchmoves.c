/*
 * matchmoves: check that a pool-match output leaves no improving move,
 * by brute force and independently of the search in lib/match.c (only
 * the rules engine, pool_rules.h, is shared: it says what is allowed).
 *
 *	matchmoves [-c pool.yaml] output
 *
 * An improving move fills an open shift s of priority p and keeps the
 * cover of every priority up to p: for every worker w who passes the
 * rules of s alone,
 *   A  w takes s directly;
 *   B  w gives up all their proposed shifts of priority > p and takes s;
 *   C  w gives up one proposed shift t and takes s, and t goes directly
 *      to another worker w2, or w2 gives up one proposed shift t2 and
 *      takes t, and t2 goes directly to a third worker or, if its
 *      priority is > p, stays open.
 * After a move every proposed shift of the workers it touched must pass
 * the rules again (taking a shift away can break one).  Every worker
 * and every shift is tried, with no limit of distance or count.
 * Prints the moves found (at most 10) and their count; exits 1 if any.
 * Strict quotas (allocation records with strict: true) are not
 * modelled: such pools are reported and skipped.
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
static long			 nw, ns, found;
static long			*holder;	/* shift -> worker or -1 */
static char			*pinned;	/* shift confirmed */
static long			*sstart, *sw;	/* static-ok workers per shift */
static long			*bstart, *bw;	/* per proposed shift: workers
						   (not the holder) who could
						   take it as things are */
static long			***memo;		/* per (t, index in sw of t):
						   the t2 whose removal lets
						   that worker take t */

static void *
xmalloc(size_t n)
{
	void	*p = malloc(n ? n : 1);

	if (p == NULL) {
		fprintf(stderr, "matchmoves: out of memory\n");
		exit(2);
	}
	return p;
}

static int
prio(long s)
{
	int	p = data.shifts.v[s].priority;

	return p < 1 ? 1 : p > 5 ? 5 : p;
}

static int
ok(long w, long s)
{
	return pool_rules_check(rc, w, s, NULL, 0) == NULL;
}

static void
give(long w, long s)
{
	if (pool_rules_assign(rc, w, s) == -1) {
		fprintf(stderr, "matchmoves: out of memory\n");
		exit(2);
	}
	holder[s] = w;
}

static void
take(long w, long s)
{
	pool_rules_unassign(rc, w, s);
	holder[s] = -1;
}

/* The proposed shifts of w, copied. */
static long
proposed(long w, long **out)
{
	const long	*v;
	long		 n = pool_rules_held(rc, w, &v), i, k = 0;

	*out = xmalloc(((size_t)n + 1) * sizeof(long));
	for (i = 0; i < n; i++)
		if (!pinned[v[i]])
			(*out)[k++] = v[i];
	return k;
}

/* 1 if every proposed shift of w passes the rules against the rest. */
static int
verify(long w)
{
	long	*v, n = proposed(w, &v), i;
	int	 good = 1;

	for (i = 0; i < n && good; i++) {
		take(w, v[i]);
		good = ok(w, v[i]);
		give(w, v[i]);
	}
	free(v);
	return good;
}

static void
report(long s, long w, const char *how, long t, long w2, long t2)
{
	found++;
	if (found > 10)
		return;
	printf("move: shift %s (priority %d) to %s", data.shifts.v[s].id,
	    prio(s), data.workers.v[w].id);
	if (strcmp(how, "A") == 0)
		printf(" directly\n");
	else if (strcmp(how, "B") == 0)
		printf(" who gives up less urgent shifts\n");
	else {
		printf(" who gives up %s to %s", data.shifts.v[t].id,
		    data.workers.v[w2].id);
		if (t2 >= 0)
			printf(", who gives up %s", data.shifts.v[t2].id);
		printf("\n");
	}
}

/* The shifts t2 of w2 whose removal lets w2 take t (t held by nobody). */
static long *
freeing(long t, long k)
{
	long	w2 = sw[sstart[t] + k], *v, n, i, c = 0, *r;

	if (memo[t] == NULL) {
		memo[t] = xmalloc((size_t)(sstart[t + 1] - sstart[t]) *
		    sizeof(long *));
		memset(memo[t], 0, (size_t)(sstart[t + 1] - sstart[t]) *
		    sizeof(long *));
	}
	if (memo[t][k] != NULL)
		return memo[t][k];
	n = proposed(w2, &v);
	r = xmalloc(((size_t)n + 1) * sizeof(long));
	for (i = 0; i < n; i++) {
		take(w2, v[i]);
		if (ok(w2, t))
			r[++c] = v[i];
		give(w2, v[i]);
	}
	r[0] = c;
	free(v);
	memo[t][k] = r;
	return r;
}

/* Moves C for open s, worker w, who has given up t and taken s. */
static int
move_c(long s, long w, long t)
{
	long	i, k, j, w2, t2, x, *f;
	int	p = prio(s), good;

	for (i = bstart[t]; i < bstart[t + 1]; i++) {
		x = bw[i];
		if (x == w)
			continue;
		give(x, t);
		good = verify(w) && verify(x);
		take(x, t);
		if (good) {
			report(s, w, "C", t, x, -1);
			return 1;
		}
	}
	for (k = 0; k < sstart[t + 1] - sstart[t]; k++) {
		w2 = sw[sstart[t] + k];
		if (w2 == w)
			continue;
		f = freeing(t, k);
		for (j = 1; j <= f[0]; j++) {
			t2 = f[j];
			if (holder[t2] != w2)
				continue;
			take(w2, t2);
			give(w2, t);
			good = 0;
			if (prio(t2) > p)
				good = verify(w) && verify(w2);
			for (i = bstart[t2]; i < bstart[t2 + 1] && !good; i++) {
				x = bw[i];
				if (x == w || x == w2)
					continue;
				give(x, t2);
				good = verify(w) && verify(w2) && verify(x);
				take(x, t2);
			}
			if (!good && ok(w, t2)) {
				give(w, t2);
				good = verify(w) && verify(w2);
				take(w, t2);
			}
			take(w2, t);
			give(w2, t2);
			if (good) {
				report(s, w, "C", t, w2, t2);
				return 1;
			}
		}
	}
	return 0;
}

static int
move_for(long s, long w)
{
	long	*v, n, i, k;
	int	p = prio(s), good = 0;

	if (ok(w, s)) {
		report(s, w, "A", -1, -1, -1);
		return 1;
	}
	n = proposed(w, &v);
	for (k = 0, i = 0; i < n; i++)
		if (prio(v[i]) > p) {
			take(w, v[i]);
			k++;
		}
	if (k > 0 && ok(w, s)) {
		give(w, s);
		good = verify(w);
		take(w, s);
	}
	for (i = 0; i < n; i++)
		if (prio(v[i]) > p)
			give(w, v[i]);
	if (good) {
		report(s, w, "B", -1, -1, -1);
		free(v);
		return 1;
	}
	for (i = 0; i < n && !good; i++) {
		take(w, v[i]);
		if (ok(w, s)) {
			give(w, s);
			good = move_c(s, w, v[i]);
			take(w, s);
		}
		give(w, v[i]);
	}
	free(v);
	return good;
}

int
main(int argc, char *argv[])
{
	struct pool_error	 err;
	const char		*cpath = NULL;
	size_t			 i;
	long			 s, w, k, nopen = 0, nb;
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
	if (plan_load("matchmoves", cpath, argv[0], &conf, &tz, &data) == -1)
		return 2;
	if (data.allocations.n > 0 && conf->allocation.strict) {
		printf("matchmoves: strict quotas are not modelled; skipped\n");
		return 0;
	}
	if ((rc = pool_rules_new(conf, &data, tz, 0, &err)) == NULL) {
		fprintf(stderr, "matchmoves: %s\n", err.text);
		return 2;
	}
	nw = (long)data.workers.n;
	ns = (long)data.shifts.n;
	holder = xmalloc(((size_t)ns + 1) * sizeof(long));
	pinned = xmalloc((size_t)ns + 1);
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
	/* static-ok workers of every open or proposed shift */
	sstart = xmalloc(((size_t)ns + 1) * sizeof(long));
	sw = xmalloc(((size_t)ns * (size_t)nw + 1) * sizeof(long));
	for (k = 0, s = 0; s < ns; s++) {
		sstart[s] = k;
		if (pinned[s] || pool_data_shift(&data,
		    data.shifts.v[s].id) != s)
			continue;
		for (w = 0; w < nw; w++)
			if (pool_data_worker(&data, data.workers.v[w].id) == w &&
			    pool_rules_check_static(rc, w, s, NULL, 0) == NULL)
				sw[k++] = w;
	}
	sstart[ns] = k;
	/* who could take each proposed shift as things are */
	bstart = xmalloc(((size_t)ns + 1) * sizeof(long));
	bw = xmalloc(((size_t)k + 1) * sizeof(long));
	for (nb = 0, s = 0; s < ns; s++) {
		bstart[s] = nb;
		if (pinned[s] || holder[s] < 0)
			continue;
		w = holder[s];
		take(w, s);
		for (k = sstart[s]; k < sstart[s + 1]; k++)
			if (sw[k] != w && ok(sw[k], s))
				bw[nb++] = sw[k];
		give(w, s);
	}
	bstart[ns] = nb;
	memo = xmalloc(((size_t)ns + 1) * sizeof(long **));
	memset(memo, 0, ((size_t)ns + 1) * sizeof(long **));
	for (s = 0; s < ns; s++) {
		if (holder[s] >= 0 || pool_data_shift(&data,
		    data.shifts.v[s].id) != s)
			continue;
		nopen++;
		for (k = sstart[s]; k < sstart[s + 1]; k++)
			if (move_for(s, sw[k]))
				break;
	}
	if (found > 0)
		printf("matchmoves: %ld improving moves found (%ld open "
		    "shifts)\n", found, nopen);
	else
		printf("matchmoves: no improving move (%ld open shifts)\n",
		    nopen);
	for (s = 0; s < ns; s++) {
		if (memo[s] != NULL)
			for (k = 0; k < sstart[s + 1] - sstart[s]; k++)
				free(memo[s][k]);
		free(memo[s]);
	}
	free(memo);
	free(bstart);
	free(bw);
	free(sstart);
	free(sw);
	free(holder);
	free(pinned);
	pool_rules_free(rc);
	pool_data_release(&data);
	pool_tz_free(tz);
	pool_config_free(conf);
	return found > 0;
usage:
	fprintf(stderr, "usage: matchmoves [-c pool.yaml] output\n");
	return 2;
}
