/*
 * Weekly demand histories for the outlook: per role a level, a yearly
 * growth, a winter peak, holiday dips (summer weeks, Christmas and New
 * Year) and noise, all drawn from a seed.  Shared by poolgen (the
 * history of the sample pool) and fccheck (the forecast's backtest over
 * many seeds).
 */
#ifndef HISTGEN_H
#define HISTGEN_H

#include <math.h>
#include <stdint.h>

#include "pool_time.h"

struct histgen {
	double	 base;		/* hours per week at the start */
	double	 growth;	/* per year, fraction */
	double	 winter;	/* amplitude of the winter peak, fraction */
	double	 peak;		/* ISO week of the peak */
	int	 summer_from;	/* first ISO week of the summer dip */
	double	 summer;	/* depth of the summer dip, fraction */
	double	 xmas;		/* depth of weeks 52 and 1, fraction */
	double	 noise;		/* standard deviation, fraction */
};

static uint64_t
hg_next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static double
hg_unif(uint64_t *s)
{
	return (double)(hg_next(s) >> 11) / 9007199254740992.0;
}

static double
hg_norm(uint64_t *s)
{
	double	 u = hg_unif(s), v = hg_unif(s);

	if (u < 1e-300)
		u = 1e-300;
	return sqrt(-2 * log(u)) * cos(2 * M_PI * v);
}

/* Draw the shape of one role's demand, base hours between lo and hi. */
static void
hg_draw(struct histgen *g, uint64_t *s, double lo, double hi)
{
	g->base = lo + (hi - lo) * hg_unif(s);
	g->growth = -0.05 + 0.15 * hg_unif(s);
	g->winter = 0.05 + 0.10 * hg_unif(s);
	g->peak = 1 + 7 * hg_unif(s);
	g->summer_from = 28 + (int)(4 * hg_unif(s));
	g->summer = 0.05 + 0.10 * hg_unif(s);
	g->xmas = 0.08 + 0.12 * hg_unif(s);
	g->noise = 0.03 + 0.02 * hg_unif(s);
}

/* The expected hours of the week starting on monday, t years after the
 * start of the history. */
static double
hg_expect(const struct histgen *g, int64_t monday, double t)
{
	int	 y, w;
	double	 f;

	pool_time_iso_week(monday, &y, &w);
	f = 1 + g->growth * t;
	f *= 1 + g->winter * cos(2 * M_PI * ((double)w - g->peak) / 52.18);
	if (w >= g->summer_from && w < g->summer_from + 5)
		f *= 1 - g->summer;
	if (w == 52 || w == 1)
		f *= 1 - g->xmas;
	return g->base * f;
}

/* One drawn week: the expectation with noise, not below 0. */
static double
hg_week(const struct histgen *g, int64_t monday, double t, uint64_t *s)
{
	double	 v = hg_expect(g, monday, t) * (1 + g->noise * hg_norm(s));

	return v > 0 ? v : 0;
}

#endif /* HISTGEN_H */
