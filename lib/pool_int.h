/*
 * Internal declarations shared by the modules of libpool; never
 * installed.
 */
#ifndef POOL_INT_H
#define POOL_INT_H

#include <stddef.h>
#include <stdint.h>

#include "pool.h"
#include "pool_record.h"
#include "pool_report.h"

/** Report: the outlook section (report_outlook.c) */

/* Hours of shifts per role and ISO week (all shifts read). */
struct pool_hist {
	const char	*role;		/* interned in the data set */
	int64_t		 monday;	/* local day number */
	double		 hours;
};

/* What the outlook reads of an aggregation. */
struct pool_outlook_in {
	const struct pool_report_opts *o;
	struct pool_data	*d;	/* workers (indexed) */
	struct pool_hist	*hist;	/* sorted in place */
	size_t			 nhist;
	int64_t			 from, to; /* the period, local days */
};

/*
 * Build the outlook tables into rep.  *main is the table of outlook rows
 * (for the note on suppressed cells), *nsupp the number of rows whose
 * worker counts were suppressed (--min-cell).  Returns 0 or -1.
 */
int	pool_outlook_build(const struct pool_outlook_in *,
	    struct pool_report *rep, struct pool_table **main, long *nsupp,
	    struct pool_error *);

/* The demand models, simplest first (see report_outlook.c). */
enum pool_fc_model {
	POOL_FC_NONE = 0,	/* no history */
	POOL_FC_MEAN,		/* 1-2 weeks: their mean, no interval */
	POOL_FC_TREND,		/* under a year: damped line */
	POOL_FC_SEASONAL	/* a year or more: line, season, holidays */
};

/*
 * Forecast h weeks after weekly series y[0..n) (week t starts on Monday
 * mon0 + 7t): mean and 80% interval lo..hi per week (NAN where there
 * is none).  Returns the enum pool_fc_model used, or -1 (out of memory).
 */
int	pool_outlook_forecast(const double *y, size_t n, int64_t mon0, int h,
	    double *mean, double *lo, double *hi);

/* A rolling-origin backtest: every origin after the first year, every
 * week up to a quarter ahead with an actual above 0. */
struct pool_fc_score {
	long	 n;		/* forecasts scored */
	long	 covered;	/* actuals inside the 80% interval */
	double	 mape;		/* the model's mean absolute % error */
	double	 mape_snaive;	/* same ISO week a year before */
	double	 mape_line;	/* least squares over the last 8 weeks */
	double	 coverage;	/* percent */
};

/* Backtest y[0..n); s->n is 0 with a year or less.  Returns 0 or -1. */
int	pool_outlook_backtest(const double *y, size_t n, int64_t mon0,
	    struct pool_fc_score *s);

/* Whether a group of this many workers is hidden by --min-cell. */
static inline int
pool_report_suppress(const struct pool_report_opts *o, long workers)
{
	return o->min_cell > 0 && workers > 0 && workers < o->min_cell;
}

#endif /* POOL_INT_H */
