/*
 * Hard rules: may this worker take this shift, given the shifts the
 * worker already has?  One module, shared by pool-match (planning) and
 * pool-report --check (audit).  Every refusal names a rule id of
 * pool_config.h (POOL_RULE_*) and says the numbers ("rest 9.5 h < 11 h").
 *
 * Working time is counted per worker across all organisations and
 * includes every assignment in the data set, also those before the
 * planning window.
 */
#ifndef POOL_RULES_H
#define POOL_RULES_H

#include <stddef.h>

#include "pool.h"
#include "pool_config.h"
#include "pool_record.h"
#include "pool_time.h"

/* The rule engine over one data set: per worker, a timeline of the
 * shifts held. */
struct pool_rulectx;

/**
 * A new rule engine over data (indexed with pool_data_index; borrowed,
 * must outlive the engine), using the limits of conf and local time in
 * tz.  Workers start with the shifts of the data set's assignments whose
 * status is confirmed if `confirmed_only`, else of all assignments.
 * Returns NULL on error.  Pair: pool_rules_free.
 */
struct pool_rulectx *pool_rules_new(const struct pool_config *conf,
	    const struct pool_data *data, const struct pool_tz *tz,
	    int confirmed_only, struct pool_error *err);

void	pool_rules_free(struct pool_rulectx *);

/**
 * May worker w (index in data->workers) take shift s (index in
 * data->shifts) on top of what the worker holds now?  Returns NULL if
 * so, or the id of the first rule it breaks; then detail (if not NULL)
 * receives the numbers, e.g. "rest 9.5 h < 11 h".
 */
const char *pool_rules_check(struct pool_rulectx *, long w, long s,
	    char *detail, size_t len);

/** Give shift s to worker w (no check).  Returns 0 or -1 (memory). */
int	pool_rules_assign(struct pool_rulectx *, long w, long s);

/** Take shift s from worker w.  Returns 0, or -1 if w did not hold it. */
int	pool_rules_unassign(struct pool_rulectx *, long w, long s);

/* One violation found by pool_rules_audit. */
struct pool_violation {
	long		 worker;	/* index in data->workers */
	long		 shift;		/* index in data->shifts */
	const char	*rule;		/* POOL_RULE_* id */
	char		 detail[128];
};

/**
 * Check every assignment of the data set against every hard rule (each
 * assignment against all the worker's other assignments).  Calls cb for
 * each violation, in order of worker id, then shift start.  Returns the
 * number of violations, or -1 on error.
 */
long	pool_rules_audit(struct pool_rulectx *,
	    void (*cb)(void *arg, const struct pool_violation *), void *arg,
	    struct pool_error *err);

/* More than the number of POOL_RULE_* ids of pool_config.h. */
#define POOL_RULES_MAX	40

/**
 * Every hard rule worker w would break by taking shift s, as
 * pool_rules_check judges them, each rule once (with the numbers of its
 * first breach), in the order pool_rules_check looks at them: so
 * v[0].rule is what pool_rules_check returns, and none is found if and
 * only if it returns NULL.  The rest between two overlapping shifts is
 * not judged (the overlap is the violation).  Fills at most nv entries
 * of v (POOL_RULES_MAX hold them all) and returns their count.
 * pool_rules_check stays the fast one: it stops at the first.
 */
long	pool_rules_check_all(struct pool_rulectx *, long w, long s,
	    struct pool_violation *v, size_t nv);

/**
 * pool_rules_audit, but cb is called for every rule each assignment
 * breaks (pool_rules_check_all), in order of worker id, then shift
 * start, then the order of pool_rules_check_all.  Returns the number of
 * violations, or -1 on error.
 */
long	pool_rules_audit_all(struct pool_rulectx *,
	    void (*cb)(void *arg, const struct pool_violation *), void *arg,
	    struct pool_error *err);

/*
 * Additions used by pool-match.
 */

/**
 * Only the rules that do not depend on the other shifts the worker
 * holds: role, skills, validity, dedicated, night-exempt, nights,
 * travel, availability, absence, shift-max and night-shift-max.
 * Returns NULL or the rule id, as pool_rules_check.
 */
const char *pool_rules_check_static(struct pool_rulectx *, long w, long s,
	    char *detail, size_t len);

/** 0 if shift s is not a night shift, 1 if it is, 2 if a late one. */
int	pool_rules_night(const struct pool_rulectx *, long s);

/** Working minutes of shift s (its length less its break). */
int	pool_rules_work(const struct pool_rulectx *, long s);

/** Great-circle km between worker w and shift s; -1 if unknown. */
double	pool_rules_distance(const struct pool_rulectx *, long w, long s);

/** The same, fast and approximate (chord length; 0.1% short at 100 km). */
double	pool_rules_km_approx(const struct pool_rulectx *, long w, long s);

/**
 * The shifts worker w holds now, by start: sets *v (valid until the
 * next assign/unassign) and returns the count.
 */
long	pool_rules_held(const struct pool_rulectx *, long w, const long **v);

#endif /* POOL_RULES_H */
