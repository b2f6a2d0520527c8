/*
 * The internals of pool-distribute shared by its two modules:
 * distribute.c (the records, the division and its output) and supply.c
 * (the supply bound of pool mode).  Never installed.
 */
#ifndef POOL_DIST_INT_H
#define POOL_DIST_INT_H

#include <stddef.h>
#include <stdint.h>

#include "pool_config.h"
#include "pool_distribute.h"
#include "pool_record.h"
#include "pool_strtab.h"
#include "pool_time.h"

/* One kept input line. */
struct line {
	size_t		 off, len;
	const char	*alloc_period;	/* interned; NULL if not allocation */
};

/* An org record's weight and where it was read. */
struct orgrec {
	const char	*id;		/* interned */
	double		 weight;	/* POOL_NONE if absent */
	const char	*source;	/* interned */
	unsigned long	 line;
};

/* One organisation in one apportionment. */
struct row {
	const char	*org;
	uint64_t	 weight;
	int		 has_weight;
	uint64_t	 demand;	/* shifts or minutes */
	uint64_t	 carry;		/* repaid first */
	uint64_t	 entitled;
	int		 tie;
	char		 quota[100];	/* exact, in the output unit */
	double		 quota_approx;
};

/* One apportionment: a (period, role) group, or the --units division. */
struct group {
	const char	*period;	/* interned */
	const char	*role;		/* interned; NULL in units mode */
	int		 scarce;
	uint64_t	 supply, demand;
	struct row	*rows;
	size_t		 nrows;
};

/*
 * A supply unit: one worker with facts of their own (availability,
 * absence, confirmed shifts), or a class of count workers alike in all
 * that the supply looks at and with no such facts.
 */
struct wfacts;
struct sunit {
	long		 w;		/* a worker of the unit */
	uint64_t	 count;
	struct wfacts	*f;		/* NULL for a class */
};

struct pool_dist {
	const struct pool_config	*conf;
	struct pool_distribute_opts	 opts;
	enum pool_alloc_method		 method;
	int				 hours;		/* unit hour */
	struct pool_tz			*tz;
	struct pool_data		 data;
	char				*buf;
	size_t				 buflen, bufcap;
	struct line			*lines;
	size_t				 nlines, linecap;
	struct orgrec			*orgrecs;
	size_t				 norgrecs, orgreccap;
	struct group			*groups;
	size_t				 ngroups;
	size_t				 bad_orgs;	/* org records refused */
	struct pool_ptrmap		 rec_any;	/* org id -> last org record */
	struct pool_ptrmap		 rec_w;		/* ... with a weight */
	int				 ran;		/* run succeeded */
	struct sunit			*units;		/* supply units */
	size_t				 nunits;
	int64_t				 legal_week;	/* minutes; -1 = none */
	void				(*progress)(void *, const char *,
					    size_t, size_t);
	void				*progress_arg;
};

struct pair;
struct wshift;

/* Scratch space of supply_of, grown as needed and kept between groups. */
struct scratch {
	struct pair	*pairs;
	size_t		 np, pcap;
	uint64_t	*comp_cap;
	size_t		*comp_seg;
	size_t		 ncomp, ccap;
	uint64_t	*seg_cap;
	size_t		 nseg, scap;
	struct wshift	*ws;
	uint64_t	*dp;
	int64_t		*wk;
	size_t		 wcap;
};

/* supply.c */

/* Units of shift s: one shift, or its paid minutes (unit hours). */
uint64_t pool_supply_units(const struct pool_dist *,
	    const struct pool_shift *s);

/* The legal week maximum in minutes, or -1 if there is none. */
int64_t	pool_supply_legal_week(const struct pool_config *);

/* The facts of every worker and the supply units (d->units).  0 or -1. */
int	pool_supply_facts(struct pool_dist *d, struct wfacts **out);
void	pool_supply_facts_free(struct wfacts *, size_t n);

/* The supply of the groups g[0..ng) of one period from its open shifts
 * sh[0..n) (indices in d->data.shifts; sorted in place).  0 or -1. */
int	pool_supply_period(struct pool_dist *d, size_t *sh, size_t n,
	    struct group *g, size_t ng, struct scratch *x);
void	pool_supply_scratch_free(struct scratch *);

#endif /* POOL_DIST_INT_H */
