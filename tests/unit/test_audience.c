/*
 * Unit tests of pool_report_audience: the property of the public
 * report (no group with exactly one suppressed row, so that no
 * suppressed cell follows from a total), over random tables, and the
 * rows a member gets.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool_report.h"
#include "test.h"

static const char *const orgs[] = { "a", "b", "c", "d" };

/* A counting table as report.c makes it: rows of K workers or fewer
 * (but some) are suppressed. */
static struct pool_table *
counts(const char *name, int withorg, int nrows, int k, unsigned *seed)
{
	struct pool_table *t;
	int	 r, w, sh;
	char	 unit[16];

	t = pool_table_new(name, name, name, "report.x", NULL);
	if (t == NULL)
		return NULL;
	if (withorg)
		pool_table_col(t, "org", "org", POOL_CELL_TEXT, NULL);
	pool_table_col(t, "unit", "unit", POOL_CELL_TEXT, NULL);
	pool_table_col(t, "shifts", "shifts", POOL_CELL_INT, NULL);
	pool_table_col(t, "filled", "filled", POOL_CELL_INT, NULL);
	pool_table_col(t, "open", "open", POOL_CELL_INT, NULL);
	pool_table_col(t, "workers", "workers", POOL_CELL_INT, NULL);
	for (r = 0; r < nrows; r++) {
		w = (int)(rand_r(seed) % 8);
		sh = w + (int)(rand_r(seed) % 4);
		snprintf(unit, sizeof(unit), "u%d", r);
		pool_table_row(t, NULL);
		if (withorg)
			pool_table_text(t, orgs[rand_r(seed) % 4], NULL);
		pool_table_text(t, unit, NULL);
		pool_table_num(t, sh, NULL);
		if (w > 0 && w < k) {
			pool_table_suppressed(t, NULL);
			pool_table_suppressed(t, NULL);
			pool_table_suppressed(t, NULL);
		} else {
			pool_table_num(t, w, NULL);
			pool_table_num(t, sh - w, NULL);
			pool_table_num(t, w, NULL);
		}
	}
	t->min_cell = k;
	return t;
}

static int
supp(const struct pool_table *t, size_t r)
{
	return pool_table_cell(t, r, (size_t)pool_table_colidx(t,
	    "filled"))->state == POOL_CELL_SUPPRESSED;
}

/* Suppressed rows of t in the group of org g (NULL: all rows). */
static int
nsupp(const struct pool_table *t, const char *g)
{
	long	 c = pool_table_colidx(t, "org");
	size_t	 r;
	int	 n = 0;

	for (r = 0; r < t->nrows; r++)
		if (supp(t, r) && (g == NULL ||
		    strcmp(pool_table_cell(t, r, (size_t)c)->s, g) == 0))
			n++;
	return n;
}

static void
test_public(void)
{
	struct pool_report rep;
	struct pool_error err;
	unsigned seed = 42;
	int	 i, bad = 0, seen2 = 0, g;

	for (i = 0; i < 500; i++) {
		int	 n = 1 + (int)(rand_r(&seed) % 9);
		int	 k = 2 + (int)(rand_r(&seed) % 4);
		int	 before = 0;

		pool_report_init(&rep);
		pool_report_add(&rep, counts("orgs", 0, n, k, &seed), &err);
		pool_report_add(&rep, counts("units", 1, n, k, &seed), &err);
		before = nsupp(rep.tables[0], NULL);
		if (pool_report_audience(&rep, POOL_AUD_PUBLIC, NULL,
		    &err) == -1) {
			bad++;
			pool_report_release(&rep);
			continue;
		}
		if (nsupp(rep.tables[0], NULL) == 1 &&
		    rep.tables[0]->nrows > 1)
			bad++;
		if (before == 1 && nsupp(rep.tables[0], NULL) == 2)
			seen2++;
		for (g = 0; g < 4; g++) {
			size_t r, rows = 0;

			for (r = 0; r < rep.tables[1]->nrows; r++)
				rows += strcmp(pool_table_cell(rep.tables[1],
				    r, 0)->s, orgs[g]) == 0;
			if (nsupp(rep.tables[1], orgs[g]) == 1 && rows > 1)
				bad++;
		}
		pool_report_release(&rep);
	}
	CHECK_INT(bad, 0, "public: no group of several rows with exactly one "
	    "suppressed row (500 random reports)");
	CHECK(seen2 > 0, "public: a lone suppressed row got a second one "
	    "(%d times)", seen2);
}

static void
test_member(void)
{
	struct pool_report rep;
	struct pool_error err;
	struct pool_table *sum, *un;
	unsigned seed = 7;
	size_t	 r;
	int	 others = 0;

	pool_report_init(&rep);
	sum = counts("summary", 0, 1, 0, &seed);
	un = counts("units", 1, 30, 0, &seed);
	pool_report_add(&rep, sum, &err);
	pool_report_add(&rep, un, &err);
	pool_report_add(&rep, counts("workers", 0, 3, 0, &seed), &err);
	CHECK_INT(pool_report_audience(&rep, POOL_AUD_MEMBER, "b", &err), 0,
	    "member b");
	CHECK_INT(rep.ntables, 2, "the workers section without orgs goes");
	for (r = 0; r < un->nrows; r++)
		others += strcmp(pool_table_cell(un, r, 0)->s, "b") != 0;
	CHECK(un->nrows > 0 && others == 0, "units: only b's rows (%zu)",
	    un->nrows);
	CHECK_STR(rep.member, "b", "the member is kept");
	pool_report_release(&rep);
	pool_report_init(&rep);
	CHECK_INT(pool_report_audience(&rep, POOL_AUD_MEMBER, NULL, &err), -1,
	    "a member report needs an organisation");
	pool_report_release(&rep);
	CHECK_INT(pool_report_audience_parse("public"), POOL_AUD_PUBLIC,
	    "parse public");
	CHECK_INT(pool_report_audience_parse("everyone"), -1,
	    "parse unknown");
}

int
main(void)
{
	test_public();
	test_member();
	return test_done();
}
