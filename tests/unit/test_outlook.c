/*
 * The outlook's demand forecast: its models on series whose answer is
 * known, the fallbacks, and its backtest on generated histories.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool_config.h"
#include "pool_int.h"
#include "pool_report.h"
#include "pool_time.h"
#include "test.h"
#include "../tools/histgen.h"

#define NEAR(a, b, tol)	(fabs((a) - (b)) <= (tol))

/* No history, one or two weeks: no forecast, or their mean without an
 * interval. */
static void
test_fallback_short(void)
{
	double	 y[2] = { 10, 20 }, m[3], lo[3], hi[3];
	int64_t	 mon0 = pool_time_days_from_civil(2026, 1, 5);

	CHECK_INT(pool_outlook_forecast(y, 0, mon0, 3, m, lo, hi),
	    POOL_FC_NONE, "no history: no model");
	CHECK(isnan(m[0]) && isnan(lo[0]) && isnan(hi[0]),
	    "no history: no numbers");
	CHECK_INT(pool_outlook_forecast(y, 2, mon0, 3, m, lo, hi),
	    POOL_FC_MEAN, "two weeks: their mean");
	CHECK(m[0] == 15 && m[2] == 15, "the mean, every week (%g)", m[0]);
	CHECK(isnan(lo[0]) && isnan(hi[0]), "the mean has no interval");
}

/* Under a year: the damped line, h weeks ahead a + b (n-1 + phi + ...
 * + phi^h), the interval around it widening with h. */
static void
test_fallback_line(void)
{
	double	 y[30], m[8], lo[8], hi[8], damp = 0, p = 1, want;
	int64_t	 mon0 = pool_time_days_from_civil(2026, 1, 5);
	int	 t;

	for (t = 0; t < 30; t++)
		y[t] = 100 + 2 * t + (t % 2 ? 1 : -1);
	CHECK_INT(pool_outlook_forecast(y, 30, mon0, 8, m, lo, hi),
	    POOL_FC_TREND, "30 weeks: the damped line");
	for (t = 1; t <= 8; t++)
		damp += (p *= 0.95);
	want = 100 + 2 * (29 + damp);
	CHECK(NEAR(m[7], want, 1.0), "8 weeks ahead: %.2f, near %.2f", m[7],
	    want);
	CHECK(m[7] < 100 + 2 * 37, "damped: below the straight line");
	CHECK(lo[0] < m[0] && m[0] < hi[0], "an interval around it");
	CHECK(hi[7] - lo[7] > hi[0] - lo[0], "wider further ahead");
}

/* Two years of an exact season, a trend and a Christmas dip: the
 * forecast finds them (without noise, up to the damping of the trend). */
static void
test_seasonal_exact(void)
{
	struct histgen g = { 500, 0.05, 0.10, 2, 30, 0.10, 0.15, 0 };
	double	 y[110], m[13], lo[13], hi[13];
	int64_t	 mon0 = pool_time_days_from_civil(2024, 1, 1);
	int	 t, ok = 1, model;

	for (t = 0; t < 110; t++)
		y[t] = hg_expect(&g, mon0 + 7 * t, t / 52.18);
	model = pool_outlook_forecast(y, 104, mon0, 6, m, lo, hi);
	CHECK_INT(model, POOL_FC_SEASONAL, "two years: the seasonal model");
	for (t = 0; t < 6; t++)
		if (!NEAR(m[t], y[104 + t], 0.04 * y[104 + t]))
			ok = 0;
	CHECK(ok, "within 4%% of the truth for 6 weeks (W01: %.1f, %.1f)",
	    m[0], y[104]);
}

/*
 * The bar of the outlook: on generated two-year histories the forecast
 * errs at least 10% less than the same week a year before and than the
 * straight line, and its 80% interval holds 60-97% of the actuals.
 * (fccheck runs this over many seeds.)
 */
static void
test_backtest_bar(void)
{
	double	 y[104];
	int	 seed, r, t;

	for (seed = 1; seed <= 8; seed++) {
		uint64_t s = (uint64_t)seed * 7919;
		struct pool_fc_score sc, sum;
		int64_t	 mon0 = pool_time_days_from_civil(2021, 1, 4) +
		    7 * (int64_t)(hg_unif(&s) * 52);

		memset(&sum, 0, sizeof(sum));
		for (r = 0; r < 3; r++) {
			struct histgen g;

			hg_draw(&g, &s, 40, 900);
			for (t = 0; t < 104; t++)
				y[t] = hg_week(&g, mon0 + 7 * t, t / 52.18, &s);
			CHECK_INT(pool_outlook_backtest(y, 104, mon0, &sc), 0,
			    "backtest ran");
			sum.n += sc.n;
			sum.covered += sc.covered;
			sum.mape += sc.mape * sc.n;
			sum.mape_snaive += sc.mape_snaive * sc.n;
			sum.mape_line += sc.mape_line * sc.n;
		}
		sum.mape /= sum.n;
		sum.mape_snaive /= sum.n;
		sum.mape_line /= sum.n;
		sum.coverage = 100.0 * sum.covered / sum.n;
		CHECK(sum.mape <= 0.9 * sum.mape_snaive &&
		    sum.mape <= 0.9 * sum.mape_line,
		    "history %d: error %.2f%%, same week %.2f%%, line %.2f%%",
		    seed, sum.mape, sum.mape_snaive, sum.mape_line);
		CHECK(sum.coverage >= 60 && sum.coverage <= 97,
		    "history %d: %.1f%% inside the 80%% interval", seed,
		    sum.coverage);
	}
}

/* A year or less: no backtest. */
static void
test_backtest_short(void)
{
	double	 y[52];
	struct pool_fc_score sc;
	int	 t;

	for (t = 0; t < 52; t++)
		y[t] = 100;
	CHECK_INT(pool_outlook_backtest(y, 52, 0, &sc), 0, "ran");
	CHECK_INT(sc.n, 0, "a year of history: nothing to score");
}

/* The value of column key in the first row of table name whose column
 * k0 is v0, as text; or NULL. */
static const char *
cell(const struct pool_report *rep, const char *name, const char *k0,
    const char *v0, const char *key, char *buf, size_t len)
{
	size_t	 i, r;

	for (i = 0; i < rep->ntables; i++) {
		const struct pool_table *t = rep->tables[i];
		long	 c0 = pool_table_colidx(t, k0), c;

		if (strcmp(t->name, name) != 0 || c0 < 0 ||
		    (c = pool_table_colidx(t, key)) < 0)
			continue;
		for (r = 0; r < t->nrows; r++)
			if (strcmp(pool_cell_format(t, r, (size_t)c0, buf, len),
			    v0) == 0)
				return pool_cell_format(t, r, (size_t)c, buf,
				    len);
	}
	return NULL;
}

/*
 * Leaving rates by tenure band.  History from Monday 2024-01-01 (a
 * shift that week) to the end of 2025-W52 (Sunday 2025-12-28): four
 * workers from 2024-01-01 still there (365 days at risk in their first
 * year, 363 later), one who left on 2024-06-30 in its first year (182
 * days).  First year: 1 leaving in 1642 days; later years: 0 in 1452.
 * The role's rate per year is 1 - exp(-365 / 3094) = 11.1%; the four
 * who stay are past their first year, so nobody is expected to leave.
 */
static void
test_outflow(void)
{
	static const char *const recs[] = {
		"{\"type\":\"org\",\"id\":\"a\",\"name\":\"A\"}",
		"{\"type\":\"shift\",\"id\":\"s1\",\"org\":\"a\",\"role\":\"r\","
		    "\"start\":\"2024-01-01T07:00:00+01:00\","
		    "\"end\":\"2024-01-01T15:00:00+01:00\"}",
		"{\"type\":\"worker\",\"id\":\"w1\",\"roles\":[\"r\"],"
		    "\"contract_hours\":10,\"valid_from\":\"2024-01-01\"}",
		"{\"type\":\"worker\",\"id\":\"w2\",\"roles\":[\"r\"],"
		    "\"contract_hours\":10,\"valid_from\":\"2024-01-01\"}",
		"{\"type\":\"worker\",\"id\":\"w3\",\"roles\":[\"r\"],"
		    "\"contract_hours\":10,\"valid_from\":\"2024-01-01\"}",
		"{\"type\":\"worker\",\"id\":\"w4\",\"roles\":[\"r\"],"
		    "\"contract_hours\":10,\"valid_from\":\"2024-01-01\"}",
		"{\"type\":\"worker\",\"id\":\"w5\",\"roles\":[\"r\"],"
		    "\"contract_hours\":10,\"valid_from\":\"2024-01-01\","
		    "\"valid_until\":\"2024-06-30\"}",
	};
	struct pool_report_opts o;
	struct pool_reportctx *ctx;
	struct pool_report rep;
	struct pool_error err;
	struct pool_tz	*tz;
	char		 buf[64];
	const char	*v;
	size_t		 i;

	tz = pool_tz_load("Fixture/EU", "tz/fat", &err);
	CHECK(tz != NULL, "zone loaded");
	if (tz == NULL)
		return;
	pool_report_opts_init(&o);
	o.tz = tz;
	o.sections = 1u << POOL_SEC_OUTLOOK;
	CHECK_INT(pool_time_parse_iso_week("2025-W52", &o.from, &err), 0,
	    "week parsed");
	o.to = o.from + 6;
	if ((ctx = pool_report_new(&o, &err)) == NULL) {
		CHECK(0, "context made");
		pool_tz_free(tz);
		return;
	}
	for (i = 0; i < sizeof(recs) / sizeof(recs[0]); i++)
		CHECK_INT(pool_report_feed(ctx, recs[i], strlen(recs[i]), &err),
		    0, "record %zu read", i);
	pool_report_init(&rep);
	CHECK_INT(pool_report_finish(ctx, &rep, &err), 0, "report made");
	v = cell(&rep, "outlook-outflow", "quarter", "2026-Q1",
	    "leaving_rate", buf, sizeof(buf));
	CHECK_STR(v, "11.1%", "leaving rate per year");
	v = cell(&rep, "outlook-outflow", "quarter", "2026-Q1",
	    "leavings_seen", buf, sizeof(buf));
	CHECK_STR(v, "1", "one leaving seen");
	v = cell(&rep, "outlook-outflow", "quarter", "2026-Q1",
	    "expected_leavers", buf, sizeof(buf));
	CHECK_STR(v, "0.0", "past the first year: no leaving expected");
	v = cell(&rep, "outlook-outflow", "quarter", "2026-Q1", "workers",
	    buf, sizeof(buf));
	CHECK_STR(v, "4", "four workers in the quarter");
	v = cell(&rep, "outlook", "week", "2026-W01", "supply", buf,
	    sizeof(buf));
	CHECK_STR(v, "40.0", "supply: all four stay");
	pool_report_release(&rep);
	pool_report_free(ctx);
	pool_tz_free(tz);
}

int
main(void)
{
	test_fallback_short();
	test_fallback_line();
	test_seasonal_exact();
	test_backtest_bar();
	test_backtest_short();
	test_outflow();
	return test_done();
}
