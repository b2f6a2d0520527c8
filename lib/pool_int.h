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

/* Whether a group of this many workers is hidden by --min-cell. */
static inline int
pool_report_suppress(const struct pool_report_opts *o, long workers)
{
	return o->min_cell > 0 && workers > 0 && workers < o->min_cell;
}

#endif /* POOL_INT_H */
