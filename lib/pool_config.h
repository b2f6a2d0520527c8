/*
 * Configuration: pool.yaml (see pool.yaml(5)) read through libyaml into
 * struct pool_config.  Every program works without a file: the built-in
 * defaults are the Dutch working-time rules (Arbeidstijdenwet, preset
 * "atw") and the zone Europe/Amsterdam.
 */
#ifndef POOL_CONFIG_H
#define POOL_CONFIG_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "pool.h"

/*
 * The working-time rule set.  Every limit is a number; every rule has
 * an id (the POOL_RULE_* strings below) that violations and reasons
 * cite.  Durations are in minutes.  A limit of 0 switches a rule off
 * unless its comment says otherwise.
 */
struct pool_rules {
	int	shift_max;		/* "shift-max": most work in a shift, the
					   work between daily rests (720) */
	int	rest_daily;		/* "rest-daily": least unbroken rest in the
					   24 h from a shift's start (660) */
	int	rest_daily_short;	/* shortened daily rest (480) ... */
	int	rest_short_window;	/* ... allowed once per this window (7*24*60) */
	int	night_start;		/* night window start, minutes after 00:00 (0) */
	int	night_end;		/* night window end (360 = 06:00) */
	int	night_min_work;		/* a night shift has more than this many
					   minutes in the window (60) */
	int	night_shift_max;	/* "night-shift-max": max night shift (600) */
	int	night_late_end;		/* a night shift ending after this time of
					   day is "late" (120 = 02:00) */
	int	rest_after_night;	/* "rest-after-night": after a late night (840) */
	int	rest_after_night_short;	/* shortened rest after a late night (480),
					   once per rest_short_window */
	int	rest_after_series;	/* "rest-after-night-series": after a series
					   of night_series nights (2760 = 46 h) */
	int	night_series;		/* nights that make a series (3) */
	int	week_max;		/* "week-max": max minutes per week (3600) */
	int	avg_16w_max;		/* "avg-16w": average per week over 16 weeks (2880) */
	int	avg_16w_night_max;	/* same, when working >= avg_16w_night_count
					   nights in 16 weeks (2400) */
	int	avg_16w_night_count;	/* (16) */
	int	avg_4w_max;		/* "avg-4w": average per week over 4 weeks
					   (3300); 0 = off */
	int	nights_16w_max;		/* "nights-16w": late nights per 16 weeks (36) */
	int	consecutive_max;	/* "consecutive-shifts": shifts in a series
					   with a night (7) */
	int	weekly_rest;		/* "weekly-rest": min unbroken rest per 7*24 h
					   (2160 = 36 h) ... */
	int	weekly_rest_14d;	/* ... or per 14*24 h (4320 = 72 h) ... */
	int	weekly_rest_block;	/* ... in blocks of at least (1920 = 32 h) */
	int	week_start;		/* first day of the ATW week: 1 = Monday
					   ... 7 = Sunday (7) */
	int	night_consecutive_max;	/* "consecutive-nights": night shifts in
					   a row (0 = off; cao-ziekenhuizen 5) */
	int	night_long_max;		/* a night shift may be longer than
					   night_shift_max, up to this (720);
					   0 = never */
	int	night_long_2w_max;	/* "night-long-2w": such long nights per
					   14*24 h (5) */
	int	night_long_52w_max;	/* "night-long-52w": ... per 52 weeks (22) */
	int	night_long_rest;	/* "night-long-rest": least rest after a
					   long night (720) */
	int	break_after;		/* "break": a shift with more work than
					   this (330) ... */
	int	break_min;		/* ... has breaks of at least (30) */
	int	break_long_after;	/* more work than this (600) ... */
	int	break_long_min;		/* ... breaks of at least (45) */
	int	break_part;		/* a break counts in parts of at least
					   this (15) */
	int	sundays_free;		/* "sundays-free": free Sundays per 52
					   weeks (13) */
};

/* Rule ids, as cited in unfilled reasons, --check violations and docs. */
#define POOL_RULE_ROLE			"role"
#define POOL_RULE_SKILLS		"skills"
#define POOL_RULE_AVAILABILITY		"availability"
#define POOL_RULE_ABSENCE		"absence"
#define POOL_RULE_OVERLAP		"overlap"
#define POOL_RULE_VALIDITY		"validity"
#define POOL_RULE_DEDICATED		"dedicated"
#define POOL_RULE_NIGHT_EXEMPT		"night-exempt"
#define POOL_RULE_NIGHTS_PREF		"nights"
#define POOL_RULE_TRAVEL		"travel"
#define POOL_RULE_WORKER_WEEK		"worker-max-hours"
#define POOL_RULE_QUOTA			"quota"
#define POOL_RULE_SHIFT_MAX		"shift-max"
#define POOL_RULE_REST_DAILY		"rest-daily"
#define POOL_RULE_NIGHT_SHIFT_MAX	"night-shift-max"
#define POOL_RULE_REST_AFTER_NIGHT	"rest-after-night"
#define POOL_RULE_REST_AFTER_SERIES	"rest-after-night-series"
#define POOL_RULE_WEEK_MAX		"week-max"
#define POOL_RULE_AVG_16W		"avg-16w"
#define POOL_RULE_AVG_4W		"avg-4w"
#define POOL_RULE_NIGHTS_16W		"nights-16w"
#define POOL_RULE_CONSECUTIVE		"consecutive-shifts"
#define POOL_RULE_WEEKLY_REST		"weekly-rest"
#define POOL_RULE_CONSECUTIVE_NIGHTS	"consecutive-nights"
#define POOL_RULE_NIGHT_LONG_2W		"night-long-2w"
#define POOL_RULE_NIGHT_LONG_52W	"night-long-52w"
#define POOL_RULE_NIGHT_LONG_REST	"night-long-rest"
#define POOL_RULE_BREAK			"break"
#define POOL_RULE_SUNDAYS_FREE		"sundays-free"

/* Contact rhythm of an organisation: see pool.yaml(5). */
struct pool_contact_rule {
	char	*name;			/* who, free text (may be NULL) */
	char	*level;			/* operational / tactical / strategic */
	int	 every_days;		/* a contact is due every this many days */
};

struct pool_org_conf {
	char			*id;
	char			*name;		/* NULL if not given */
	double			 weight;	/* allocation key; -1 if not given */
	double			 rate;		/* settlement per hour; -1 if not given */
	char			*region;	/* NULL if not given */
	struct pool_contact_rule *contacts;
	size_t			 ncontacts;
	struct pool_rules	 rules;		/* the org's rule set (the pool's,
						   with the org's preset and
						   overrides applied) */
	int			 has_rules;	/* 1 if the org overrides rules */
	char			*preset;	/* the org's own preset; NULL if
						   not given (then the pool's
						   rules are the base) */
};

/* A unit of an organisation (a department, a practice) as its readers
 * know it (pool.yaml report.units). */
struct pool_unit_conf {
	char	*org;			/* organisation id */
	char	*id;			/* the unit of shift records */
	char	*name;			/* NULL if not given */
	char	*address;		/* NULL if not given */
};

struct pool_role_conf {
	char	 *id;
	char	 *name;			/* NULL if not given */
	int	  level;		/* 0 if not given */
	char	**covers;		/* role ids this role may substitute for */
	size_t	  ncovers;
	double	  overqualified_penalty; /* soft cost when covering a lower
					   role; when not given in the file,
					   matching.overqualified */
};

/* Weights of the soft goals of pool-match (pool.yaml "matching"). */
struct pool_matching {
	double	travel;			/* per km */
	double	preference;		/* night preference met / violated */
	double	signup;			/* bonus for a worker who signed up */
	double	continuity;		/* bonus for the same worker at the same unit */
	double	contract;		/* per hour away from contract hours */
	double	fairness;		/* spread of hours between workers */
	double	overqualified;		/* per assignment covering a lower role */
	double	change;			/* changing a proposed assignment */
};

enum pool_alloc_method {
	POOL_METHOD_HAMILTON = 0,
	POOL_METHOD_DHONDT,
	POOL_METHOD_SAINTE_LAGUE,
	POOL_METHOD_HUNTINGTON_HILL,
	POOL_METHOD_ADAMS
};

struct pool_allocation_conf {
	enum pool_alloc_method	method;		/* hamilton */
	int			unit_hours;	/* 0 = unit is a shift, 1 = an hour */
	int			period_day;	/* 0 = week, 1 = day */
	int			carry_over;	/* 1 = compensate deficits */
	int			strict;		/* 1 = strict quota (hard cap),
						   0 = soft (work-conserving) */
};

/* A harmonised shift type: "early: 07:00-15:00". */
struct pool_shift_type {
	char	*id;
	int	 start;			/* minutes after local midnight */
	int	 end;			/* may be <= start: ends next day */
};

struct pool_config {
	char			*source;	/* file read, or "(built-in)" */
	char			*pool;		/* pool name; NULL if not given */
	char			*timezone;	/* never NULL; "Europe/Amsterdam" */
	int			 week_start;	/* report weeks: 1 = Monday (ISO) */
	char			*preset;	/* "atw", "cao-vvt", "cao-ziekenhuizen" */
	struct pool_rules	 rules;
	struct pool_org_conf	*orgs;
	size_t			 norgs;
	struct pool_role_conf	*roles;
	size_t			 nroles;
	struct pool_matching	 matching;
	struct pool_allocation_conf allocation;
	struct pool_shift_type	*shift_types;
	size_t			 nshift_types;
	int			 min_cell;	/* report: smallest group shown (5) */
	int			 language;	/* report: 0 en, 1 nl (enum
						   pool_lang); -1 not given */
	struct pool_unit_conf	*units;		/* report: names of units */
	size_t			 nunits;
	double			 pool_rate;	/* settlement: per hour of a
						   pool-employed worker without
						   a rate; -1 if not given */

	/*
	 * Lookup tables of pool_config_index (private: do not touch).
	 * The lookups fall back to a linear search when orgs or roles
	 * were changed by hand and not indexed again.
	 */
	size_t			*org_order;	/* org indices sorted by id */
	size_t			 org_indexed;	/* norgs when indexed */
	size_t			*role_order;	/* role indices sorted by id */
	unsigned char		*role_cover;	/* bit i*nroles+j: i covers j */
	size_t			 role_indexed;	/* nroles when indexed */
};

/* Limits of pool_config_load (see pool.yaml(5)). */
#define POOL_CONFIG_MAX_SIZE	(1024 * 1024)	/* bytes in a file */
#define POOL_CONFIG_MAX_ALIASES	64		/* aliases in a file */
#define POOL_CONFIG_MAX_EXPAND	10000		/* nodes aliases add */
#define POOL_CONFIG_MAX_DEPTH	32		/* nesting of collections */
#define POOL_CONFIG_MAX_ROLES	1024		/* roles in a file */

/** Fill rules with the named preset ("atw", "cao-vvt",
 * "cao-ziekenhuizen").  Returns 0, or -1 for an unknown name. */
int	pool_rules_preset(struct pool_rules *, const char *name,
	    struct pool_error *);

/** A new config holding the built-in defaults (preset "atw"). */
struct pool_config *pool_config_new_default(struct pool_error *);

/**
 * Load pool.yaml from path.  Unknown keys, wrong types and bad values
 * are errors naming the file, line and key.  Aliases are refused beyond
 * a small bound, and files larger than 1 MiB are refused.  Returns a
 * new config (free with pool_config_free) or NULL.
 */
struct pool_config *pool_config_load(const char *path, struct pool_error *);

/** Load from a buffer; name is used in error messages. */
struct pool_config *pool_config_load_buffer(const char *buf, size_t len,
	    const char *name, struct pool_error *);

/** Free a config of pool_config_new_default or _load (NULL: no-op). */
void	pool_config_free(struct pool_config *);

/**
 * Build the lookup tables of pool_config_org, _role and _role_covers,
 * after checking that org and role ids are unique, that every covers
 * entry names a role and that covers has no cycle.  The loaders call
 * it; call it again after changing orgs or roles by hand.  Returns 0
 * or -1 (POOL_ECONFIG, no line).
 */
int	pool_config_index(struct pool_config *, struct pool_error *);

/**
 * The rule set that holds for shifts of organisation org: the org's
 * own (pool_org_conf.rules) if the org is configured, else the pool's.
 * org may be NULL.  Never NULL.
 */
const struct pool_rules *pool_config_rules(const struct pool_config *,
	    const char *org);

/** Weekday name ("monday" ... "sunday", any case) to 1-7; -1 if not. */
int	pool_config_weekday_parse(const char *name);

/**
 * Write conf as pool.yaml text to fp, every key with its value (the
 * effective values: presets already applied), so that loading the
 * output gives the same config.  Returns 0, or -1 on a write error
 * (POOL_ESYS).
 */
int	pool_config_write(const struct pool_config *, FILE *fp,
	    struct pool_error *);

/** The organisation with this id, or NULL. */
const struct pool_org_conf *pool_config_org(const struct pool_config *,
	    const char *id);

/** The role with this id, or NULL. */
/**
 * The unit id of organisation org, or NULL.  A linear search: reports
 * look up the few units of their tables.
 */
const struct pool_unit_conf *pool_config_unit(const struct pool_config *,
	    const char *org, const char *id);

const struct pool_role_conf *pool_config_role(const struct pool_config *,
	    const char *id);

/**
 * 1 if a worker holding role `have` may take a shift for role `want`:
 * the same role, or `have` covers `want` (directly or through a chain of
 * covers).  Never the reverse.
 */
int	pool_config_role_covers(const struct pool_config *, const char *have,
	    const char *want);

/** Method name ("hamilton", ...) to enum; -1 if unknown. */
int	pool_config_method_parse(const char *name);

/** Enum to method name. */
const char *pool_config_method_name(enum pool_alloc_method);

#endif /* POOL_CONFIG_H */
