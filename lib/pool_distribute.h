/*
 * pool-distribute: the allocation key (verdeelsleutel) over a stream of
 * records.  Two modes:
 *
 *  - units mode (--units N): divide N units among the organisations by
 *    weight (pool.yaml and/or org records), one allocation record each;
 *  - pool mode (default): per period (ISO week or day in the pool's
 *    zone) and role, compare the organisations' open demand with an
 *    upper bound of what the workers can supply; under scarcity divide
 *    the supply by the key, each organisation bounded by its demand,
 *    optionally repaying earlier deficits first (carry-over).
 *
 * Every input line is kept and written back unchanged, in input order,
 * except allocation records of the periods recomputed; the new
 * allocation records follow, sorted by period, role and org id.  The
 * record fields are documented in pool-distribute(1).  Records are
 * read by the library's record reader; weights of org records and of
 * pool.yaml go through a double (exact up to 15 significant digits).
 */
#ifndef POOL_DISTRIBUTE_H
#define POOL_DISTRIBUTE_H

#include <stdint.h>
#include <stdio.h>

#include "pool.h"
#include "pool_config.h"

/* Where the weights come from. */
enum pool_weights_src {
	POOL_WEIGHTS_BOTH = 0,	/* pool.yaml, overridden by org records */
	POOL_WEIGHTS_CONFIG,	/* pool.yaml only */
	POOL_WEIGHTS_RECORDS	/* org records only */
};

struct pool_distribute_opts {
	int			 method;	/* enum pool_alloc_method;
						   -1 = from pool.yaml */
	int			 units_mode;	/* 1 = --units */
	uint64_t		 units;		/* --units N */
	const char		*period;	/* --period; NULL = every period
						   (pool mode), "all" (units mode) */
	enum pool_weights_src	 weights;
};

/** Options with the defaults (pool mode, method from pool.yaml). */
void	pool_distribute_opts_init(struct pool_distribute_opts *);

struct pool_dist;

/**
 * A new run over conf (borrowed; must outlive the run).  Loads the
 * pool's time zone.  Returns NULL on error.  Pair: pool_dist_free.
 */
struct pool_dist *pool_dist_new(const struct pool_config *conf,
	    const struct pool_distribute_opts *, struct pool_error *err);

void	pool_dist_free(struct pool_dist *);

/**
 * Add one input line (len bytes, without its newline) read from source
 * at line lineno.  The line is always kept for the output.  Returns 0,
 * or -1 if the line is not a valid record (err located at the line);
 * such a line is passed on but not used.
 */
int	pool_dist_add(struct pool_dist *, const char *line, size_t len,
	    const char *source, unsigned long lineno, struct pool_error *err);

/**
 * Compute the allocations.  Returns 0, or -1 with err: code
 * POOL_ECONFIG for a bad weight in pool.yaml (or a bad option value),
 * POOL_EFIELD for a bad or missing weight of an org record, others for
 * memory.
 */
int	pool_dist_run(struct pool_dist *, struct pool_error *err) POOL_WUR;

/**
 * Write the output to f: every kept input line (in input order, byte
 * for byte, without the allocation records of recomputed periods
 * unless the run failed), then the new allocation records.  Returns 0
 * or -1 (write error, errno set).
 */
int	pool_dist_write(struct pool_dist *, FILE *f);

/**
 * Write the explanation to f as aligned text: for each apportionment
 * (every scarce period and role, or the --units division) the supply,
 * the demand and per organisation the weight, demand, carry, quota and
 * entitlement.  With all set, non-scarce periods are listed too, one
 * line each.  Returns 0 or -1 (write error).
 */
int	pool_dist_explain(struct pool_dist *, FILE *f, int all);

/**
 * Have pool_dist_run call fn(arg, period, done, total) after each
 * period of pool mode, done of total open shifts behind it: for a
 * progress line.  fn NULL: no calls.
 */
void	pool_dist_set_progress(struct pool_dist *,
	    void (*fn)(void *arg, const char *period, size_t done,
	    size_t total), void *arg);

/** Number of (period, role) groups computed, and how many were scarce. */
void	pool_dist_counts(const struct pool_dist *, size_t *groups,
	    size_t *scarce);

#endif /* POOL_DISTRIBUTE_H */
