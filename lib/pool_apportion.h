/*
 * Apportionment: divide a whole number of units among parties in
 * proportion to their weights, by one of the methods of the literature
 * (see pool-distribute(1), METHODS):
 *
 *   hamilton         largest remainder (Hare-Niemeyer, Vinton)
 *   dhondt           highest averages, divisors 1, 2, 3, ... (Jefferson)
 *   sainte-lague     divisors 1, 3, 5, ... (Webster)
 *   huntington-hill  divisors sqrt(k(k+1)) (equal proportions)
 *   adams            divisors 0, 1, 2, ... (smallest divisors)
 *
 * Arithmetic is exact.  A weight is a decimal of at most 10^12 with at
 * most six decimals, held as an integer count of millionths
 * (POOL_WEIGHT_SCALE); units are at most 10^12.  Quotas and divisor
 * ratios are compared by integer cross-multiplication (128 bits, and
 * 256 bits for the squares of Huntington-Hill), never in floating point.
 * The divisor methods start from the quotas and correct the estimate by
 * single moves whose number is bounded by a small multiple of the number
 * of parties, so 10^9 units take no longer than 10.
 *
 * Ties are broken deterministically: between equal priorities (equal
 * remainders for hamilton, equal ratios weight/divisor for the divisor
 * methods) the larger weight wins, then the smaller id (strcmp), then
 * the earlier item.  Every party that took part in a tie at the margin
 * (the last unit given versus the first unit not given) is flagged.
 */
#ifndef POOL_APPORTION_H
#define POOL_APPORTION_H

#include <stddef.h>
#include <stdint.h>

#include "pool.h"
#include "pool_config.h"

#define POOL_WEIGHT_SCALE	1000000ULL	/* weights are in millionths */
#define POOL_WEIGHT_MAX		(1000000000000ULL * POOL_WEIGHT_SCALE)
#define POOL_UNITS_MAX		1000000000000ULL
#define POOL_APPORTION_NOLIMIT	UINT64_MAX	/* no upper bound */
#define POOL_APPORTION_MAXITEMS	1000000

struct pool_apportion_item {
	/* in */
	const char	*id;		/* borrowed; breaks ties */
	uint64_t	 weight;	/* millionths: 12.5 is 12500000 */
	uint64_t	 lower;		/* guaranteed minimum (0 = none) */
	uint64_t	 upper;		/* maximum, POOL_APPORTION_NOLIMIT = none */
	/* out */
	uint64_t	 units;		/* units given */
	int		 tie;		/* 1 if part of a tie at the margin */
	char		 quota[100];	/* exact quota: "7", "15/2" (reduced) */
	double		 quota_approx;	/* the same, rounded, for display */
};

/**
 * Divide units among the n items by method.  Each item gets at least
 * its lower and at most its upper bound; the quota is bounded the same
 * way (what an item cannot take is divided among the others by the
 * same method).  An item of weight 0 gets its minimum, plus units that
 * no item of positive weight can take any more, divided equally among
 * the weight-0 items by the same method.  Errors: units above
 * POOL_UNITS_MAX, minimums above units, units above the sum of the
 * maximums, a lower bound above an upper bound, all weights 0 while
 * units are left to divide, n above POOL_APPORTION_MAXITEMS.  Returns 0
 * or -1 with err.
 */
int	pool_apportion(enum pool_alloc_method, struct pool_apportion_item *,
	    size_t n, uint64_t units, struct pool_error *err) POOL_WUR;

/**
 * Parse a decimal weight ("12.5", "140", "0.125", "1e3") into
 * millionths.  Errors (POOL_EFIELD): not a number, negative, above
 * 10^12, or more than six decimals.  Returns 0 or -1.
 */
int	pool_weight_parse(const char *s, uint64_t *w, struct pool_error *err);

/**
 * Convert a weight read as a double (from JSON or YAML) exactly: the
 * shortest decimal that reads back as the same double is parsed with
 * pool_weight_parse.  Exact for every weight written with at most 15
 * significant digits (e.g. 10^9 with six decimals, or 10^12 with
 * three).  NaN, infinities and negative values are errors.
 */
int	pool_weight_from_double(double d, uint64_t *w, struct pool_error *err);

/** Format a weight in millionths as a decimal ("12.5") into buf. */
char	*pool_weight_format(uint64_t w, char *buf, size_t len);

#endif /* POOL_APPORTION_H */
