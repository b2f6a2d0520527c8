/*
 * Internal declarations shared by the modules of libpool; never
 * installed.
 */
#ifndef POOL_INT_H
#define POOL_INT_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pool.h"
#include "pool_config.h"
#include "pool_jscan.h"
#include "pool_record.h"
#include "pool_report.h"
#include "pool_strtab.h"
#include "pool_time.h"

/** Helpers of every module */

/* Set err to "out of memory" (POOL_ENOMEM).  Returns -1. */
static inline int
nomem(struct pool_error *err)
{
	return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
}

/* A copy of s (NULL for NULL), or NULL when out of memory. */
static inline char *
xstrdup(const char *s)
{
	size_t	 n;
	char	*p;

	if (s == NULL)
		return NULL;
	n = strlen(s) + 1;
	if ((p = malloc(n)) != NULL)
		memcpy(p, s, n);
	return p;
}

/*
 * Room for one more element in vector v of n elements and cap
 * allocated (doubling, from 64); jumps to the caller's label nomem when
 * out of memory.
 */
#define GROW(v, n, cap) do {						\
	if ((n) == (cap)) {						\
		size_t nc_ = (cap) ? (cap) * 2 : 64;			\
		void *p_ = realloc((v), nc_ * sizeof(*(v)));		\
		if (p_ == NULL)						\
			goto nomem;					\
		(v) = p_;						\
		(cap) = nc_;						\
	}								\
} while (0)

/*
 * Sort v[0..n) of size bytes each by cmp, which gets arg as its third
 * argument (sort.c).  Stable: equal elements keep their order.  Never
 * fails: without memory for the merge it sorts in place, slower.
 */
void	pool_sort(void *v, size_t n, size_t size,
	    int (*cmp)(const void *, const void *, void *), void *arg);

/** Time (time.c: civil time; tz.c: zones) */

#define SECS_PER_DAY	86400
#define QUOTE_MAX	64		/* bytes of input quoted in errors */

/*
 * Instants are clamped to about a billion years either side of 1970, so
 * that no arithmetic on them can overflow; real times are far inside.
 */
#define INSTANT_MAX	(INT64_C(1) << 55)

static inline int64_t
clamp_instant(int64_t t)
{
	if (t > INSTANT_MAX)
		return INSTANT_MAX;
	if (t < -INSTANT_MAX)
		return -INSTANT_MAX;
	return t;
}

/*
 * Floored division and modulo, so that instants before 1970 map to the
 * right day.
 */
static inline int64_t
floor_div(int64_t a, int64_t b)
{
	int64_t	q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

static inline int64_t
floor_mod(int64_t a, int64_t b)
{
	int64_t	r = a % b;

	if (r != 0 && ((r < 0) != (b < 0)))
		r += b;
	return r;
}

static inline int
is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static inline int
days_in_month(int year, int month)
{
	static const int	dim[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (month == 2 && is_leap(year))
		return 29;
	return dim[month - 1];
}

static inline int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* The seconds of a civil time as if it were UTC. */
static inline int64_t
civil_seconds(const struct pool_civil *c)
{
	return pool_time_days_from_civil(c->year, c->month, c->day) *
	    SECS_PER_DAY + (int64_t)c->hour * 3600 + (int64_t)c->min * 60 +
	    c->sec;
}

/*
 * Quote input on one line for an error message: control bytes become
 * '?', and long input is cut (not inside a UTF-8 sequence) and ends in
 * "...".  q holds QUOTE_MAX + 4 bytes.  Returns q.
 */
const char *pool_time_quote(const char *s, char *q);

/** Rules (rules.c): the facts that match, distribute and report share */

/* The rules of shifts of org: the organisation's own, else the pool's. */
const struct pool_rules *pool_rules_of(const struct pool_config *,
	    const char *org);

/*
 * 1 if sh is a night shift under r: more than r->night_min_work
 * minutes of it (breaks not deducted) fall in the local night window.
 */
int	pool_rules_is_night(const struct pool_rules *r,
	    const struct pool_tz *tz, const struct pool_shift *sh);

/*
 * The week of r (it starts on r->week_start, ATW weeks) that holds
 * local day: weeks since the one holding day 0.  Its first day:
 * pool_rules_week_first.
 */
int64_t	pool_rules_week(const struct pool_rules *r, int64_t day);
int64_t	pool_rules_week_first(const struct pool_rules *r, int64_t week);

/*
 * The hard rules of worker w for shift sh that need neither the other
 * shifts nor the place (skills, validity, dedicated, night-exempt,
 * nights), as pool_rules_check judges them; day is the shift's local
 * start day, night pool_rules_is_night.  Returns NULL or the first rule
 * broken.
 */
const char *pool_rules_fit(const struct pool_worker *w,
	    const struct pool_shift *sh, int64_t day, int night);

/** Records (record.c): a line read, before it is a record */

/*
 * The room the scanner gets: lines longer than this, or with more
 * values, go to jansson.
 */
#define POOL_RSCAN_BYTES	4096
#define POOL_RSCAN_TOKENS	128

/*
 * pool_record_parse in two steps, for a caller that chooses the data set
 * a record goes to by a look at its fields: pool_rscan_read, then
 * pool_rscan_str for any top-level string, then pool_rscan_take.  No
 * line is read twice.
 */
struct pool_rscan {
	struct pool_jscan	 sc;
	struct pool_jtok	 tok[POOL_RSCAN_TOKENS];
	char			 buf[POOL_RSCAN_BYTES];
	json_t			*o;		/* read by jansson, or NULL */
	int			 scanned;	/* read by the scanner */
	const char		*line;		/* borrowed until take */
	size_t			 len;
};

/* For pool_sort: indices (long) of workers of arg, a struct pool_data,
 * by worker id. */
int	pool_data_worker_cmp(const void *a, const void *b, void *arg);

/* Read a line holding one JSON value.  Returns 0, or -1 (not JSON) with
 * the error pool_record_parse gives. */
int	pool_rscan_read(struct pool_rscan *, const char *line, size_t len,
	    struct pool_error *);

/* The top-level string member key of the line read, or NULL (absent,
 * not a string, not an object). */
const char *pool_rscan_str(const struct pool_rscan *, const char *key);

/* The record of the line read, its strings interned in data; as
 * pool_record_parse.  Releases what read holds. */
int	pool_rscan_take(struct pool_data *, struct pool_rscan *,
	    struct pool_record *out, struct pool_error *);

/* Release what read holds, when no record is taken. */
void	pool_rscan_release(struct pool_rscan *);

/** Report (report.c: aggregation; report_sec.c: sections) */

/* Shifts and hours of an org (and role) on one day, of every shift
 * read, in the report's period or not: the share of an allocation
 * period that the report's days hold. */
struct dayunits {
	double	shifts, hours;
};

struct pool_reportctx {
	struct pool_report_opts	 o;
	struct pool_data	 data;
	struct pool_data	 scratch;
	size_t			 nscratch;
	size_t			 count[POOL_R_NTYPES];
	struct pool_keymap		 histmap;
	struct pool_hist		*hist;
	size_t			 nhist, histcap;
	struct pool_hashset		 outside;
	int64_t			 maxend;	/* latest shift end read */
	int64_t			 firstday, lastday; /* of shifts read */
	int			 indexed;
	struct pool_event	*ev;
	size_t			 nev;
	struct pool_keymap		 daymap;	/* (org, role or NULL, day) */
	struct dayunits		*dayu;		/* ... -> shifts and hours */
	size_t			 ndayu, dayucap;
	double			 unpriced;	/* settled hours without a rate */
	struct pool_rules	 defrules;	/* the rules without a config */
};

/* Paid hours of a shift: its length less its break. */
static inline double
shift_hours(const struct pool_shift *s)
{
	return (double)(s->end - s->start) / 3600.0 -
	    s->break_minutes / 60.0;
}

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
