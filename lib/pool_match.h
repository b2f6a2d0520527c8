/*
 * Matching: assign pool workers to open shifts (pool-match(1)).
 *
 * The cover is lexicographic by priority (1 first): a shift of priority
 * p stays open only if filling it would leave a more urgent shift open.
 * Within a priority, each organisation is first filled up to its
 * entitlement (allocation records), then the rest (strict quota: never
 * beyond it).  The soft goals of pool.yaml "matching" choose between
 * workers.  Confirmed assignments are pinned; earlier proposed ones are
 * kept where they still hold, at the cost matching.change otherwise.
 *
 * Method: previous proposals are put back first; then per priority a
 * greedy fill of the scarcest shifts first with the cheapest feasible
 * worker, deep ejection chains within a fixed number of checks as a
 * start, then improving moves until none is left (see pool-match(1):
 * a worker takes an open shift directly, by giving up less urgent
 * shifts, or by moving up to two other assignments).  Every step goes
 * through the rules engine (pool_rules.h), so no hard rule is ever
 * broken.  At that cover, with soft quotas, quota moves fill each
 * organisation up to its entitlement before any above it; then signup
 * moves give as many shifts as they can to workers who signed up for
 * them, never leaving a filled shift open; and series moves give the
 * shifts of one request to as few workers as they can.  The passes of
 * improving moves follow them until none moves.  The bound per priority (shifts with at
 * least one worker who passes the rules that do not depend on other
 * shifts) is an upper bound on the cover.
 */
#ifndef POOL_MATCH_H
#define POOL_MATCH_H

#include <stdio.h>

#include "pool.h"
#include "pool_config.h"
#include "pool_record.h"
#include "pool_time.h"

#define POOL_MATCH_NPRIO	5

struct pool_match_opts {
	int		 shortlist;	/* K best workers per open shift; 0 = none */
	const char	*shift;		/* shortlist only this shift id; NULL = all
					   open shifts */
	double		 time_limit;	/* seconds for the ejection search;
					   0 = no limit */
};

/* Figures of one priority level (index 1..5 of pool_match_levels). */
struct pool_match_level {
	long	shifts;		/* shifts of this priority */
	long	pinned;		/* held by a confirmed assignment */
	long	filled;		/* proposed now */
	long	open;		/* left open */
	long	bound;		/* upper bound on pinned + filled */
	double	hours;		/* working hours proposed */
};

/* Soft-goal totals of a run. */
struct pool_match_totals {
	double	cost;		/* sum of the soft costs of the proposals */
	double	travel_km;
	long	signups;	/* proposals to a worker who signed up */
	long	kept;		/* earlier proposals kept */
	long	changed;	/* earlier proposals changed or dropped */
	long	overqualified;
	long	night_pref;	/* nights given to workers who prefer them */
	long	night_avoid;	/* nights given to workers who avoid them */
	long	checks;		/* rule checks made */
	long	moves;		/* improving moves made */
	long	passes;		/* passes of the improving search */
	int	stopped;	/* 1 if the time limit ended the search, so
				   that improving moves may be left */
};

struct pool_match;

/**
 * A new matcher over data (indexed; borrowed, must outlive it) with the
 * limits and weights of conf, in zone tz.  Pair: pool_match_free.
 */
struct pool_match *pool_match_new(const struct pool_config *conf,
	    const struct pool_data *data, const struct pool_tz *tz,
	    struct pool_error *err);

void	pool_match_free(struct pool_match *);

/** Compute the assignment.  Returns 0 or -1 (memory). */
int	pool_match_run(struct pool_match *, const struct pool_match_opts *,
	    struct pool_error *err);

/**
 * Write the records pool-match computes, each one NDJSON line: the
 * `assignment` records (status proposed) by shift id, an `unfilled`
 * record per open shift by shift id, and with opts->shortlist the
 * `candidate` records.  Returns 0 or -1 (write error, errno set).
 */
int	pool_match_write(struct pool_match *, FILE *,
	    const struct pool_match_opts *);

/**
 * 1 if the input record should be replaced by what pool-match writes:
 * a proposed assignment, an unfilled or a candidate record.
 */
int	pool_match_replaces(const struct pool_record *);

/** The figures per priority: an array indexed 1..POOL_MATCH_NPRIO. */
const struct pool_match_level *pool_match_levels(const struct pool_match *);

const struct pool_match_totals *pool_match_totals(const struct pool_match *);

/** Write the summary of the run (a few lines of text) to f. */
int	pool_match_summary(const struct pool_match *, FILE *f);

#endif /* POOL_MATCH_H */
