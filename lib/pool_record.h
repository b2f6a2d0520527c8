/*
 * Records: the typed form of the NDJSON records of pool-records(5), and
 * the data set (struct pool_data) that holds them with interned strings.
 *
 * Strings in records are interned in the data set: equal strings are the
 * same pointer, so ids compare with ==.  They live as long as the data
 * set.  Lists (roles, skills, tags, dedicated) are arrays of interned
 * strings with a count.
 */
#ifndef POOL_RECORD_H
#define POOL_RECORD_H

#include <stdint.h>
#include <stdio.h>

#include <jansson.h>

#include "pool.h"

enum pool_rtype {
	POOL_R_UNKNOWN = 0,	/* a type this library does not know: passed on */
	POOL_R_ORG,
	POOL_R_WORKER,
	POOL_R_SHIFT,
	POOL_R_AVAILABILITY,
	POOL_R_ABSENCE,
	POOL_R_SIGNUP,
	POOL_R_ASSIGNMENT,
	POOL_R_UNFILLED,
	POOL_R_CANDIDATE,
	POOL_R_ALLOCATION,
	POOL_R_CONTACT,
	POOL_R_REJECT,
	POOL_R_WORKED,
	POOL_R_NTYPES
};

/** The "type" string of a record type ("shift"), or NULL for UNKNOWN. */
const char	*pool_rtype_name(enum pool_rtype);

/** The record type of a "type" string; POOL_R_UNKNOWN if not known. */
enum pool_rtype	 pool_rtype_parse(const char *);

#define POOL_NONE	(-1.0)		/* an optional number that is absent */

enum pool_nights {
	POOL_NIGHTS_ANY = 0,
	POOL_NIGHTS_PREFER,
	POOL_NIGHTS_AVOID,
	POOL_NIGHTS_NEVER,
	POOL_NIGHTS_ONLY
};

/* A list of interned strings. */
struct pool_strlist {
	const char	**v;
	uint32_t	  n;
};

struct pool_org {
	const char	*id;
	const char	*name;		/* NULL if absent */
	const char	*region;	/* NULL if absent */
	double		 weight;	/* POOL_NONE if absent */
	double		 rate;		/* POOL_NONE if absent */
	json_t		*contacts;	/* owned; NULL if absent */
};

struct pool_worker {
	const char		*id;
	const char		*name;		/* NULL if absent */
	const char		*phone;		/* NULL if absent; never in a
						   report that leaves the pool */
	const char		*org;		/* home org; NULL = pool-employed */
	struct pool_strlist	 roles;		/* at least one */
	struct pool_strlist	 skills;
	struct pool_strlist	 dedicated;
	double			 lat, lon;	/* valid if has_location */
	double			 max_travel_km;	/* POOL_NONE if absent */
	double			 contract_hours; /* per week; POOL_NONE if absent */
	double			 max_hours_week; /* POOL_NONE if absent */
	double			 rate;		/* POOL_NONE if absent */
	int32_t			 valid_from;	/* day number; INT32_MIN if absent */
	int32_t			 valid_until;	/* day number, inclusive;
						   INT32_MAX if absent */
	uint8_t			 nights;	/* enum pool_nights */
	uint8_t			 night_exempt;
	uint8_t			 has_location;
};

struct pool_shift {
	const char		*id;
	const char		*org;
	const char		*role;
	const char		*unit;		/* NULL if absent */
	const char		*note;		/* NULL if absent */
	const char		*series;	/* one request of several shifts
						   (a leave cover); NULL if absent */
	const char		*shift_type;	/* pool.yaml shift type, e.g.
						   "early"; NULL if absent */
	int64_t			 start, end;	/* instants; end > start */
	struct pool_strlist	 skills;	/* all required */
	struct pool_strlist	 tags;
	float			 lat, lon;	/* valid if has_location */
	uint16_t		 break_minutes;
	uint8_t			 priority;	/* 1 (most urgent) .. 5; default 3 */
	uint8_t			 has_location;
	uint8_t			 has_break;	/* break_minutes was given */
};

/* availability and absence */
struct pool_interval {
	const char	*worker;
	int64_t		 start, end;
};

struct pool_signup {
	const char	*worker;
	const char	*shift;
};

enum pool_status {
	POOL_CONFIRMED = 0,	/* pinned */
	POOL_PROPOSED		/* may be changed by pool-match */
};

struct pool_assignment {
	const char	*shift;
	const char	*worker;
	uint8_t		 status;	/* enum pool_status; default confirmed */
	double		 score;		/* POOL_NONE if absent */
};

struct pool_allocation {
	const char	*org;
	const char	*period;	/* "2026-W48" or "2026-11-23" */
	const char	*role;		/* NULL if absent */
	const char	*method;	/* NULL if absent */
	double		 units;		/* what the org received (or asked) */
	double		 entitled;
	double		 weight;	/* POOL_NONE if absent */
	double		 demand;	/* POOL_NONE if absent */
	double		 carry;		/* POOL_NONE if absent */
};

struct pool_contact {
	const char	*org;
	const char	*level;		/* operational / tactical / strategic */
	const char	*with;		/* NULL if absent */
	int32_t		 date;		/* day number */
};

/* Hours actually worked on a shift: replace its planned hours in the
 * settlement. */
struct pool_worked {
	const char	*shift;
	const char	*worker;
	int64_t		 start, end;	/* instants; end > start */
	uint16_t	 break_minutes;
};

/*
 * Records kept whole, as json (unfilled, candidate, reject): the report
 * reads their nested fields.  obj is owned by the data set.
 */
struct pool_jrecord {
	const char	*shift;		/* NULL for reject */
	json_t		*obj;
};

/* One parsed record, before it is added to a data set. */
struct pool_record {
	enum pool_rtype	type;
	union {
		struct pool_org		org;
		struct pool_worker	worker;
		struct pool_shift	shift;
		struct pool_interval	interval;	/* availability, absence */
		struct pool_signup	signup;
		struct pool_assignment	assignment;
		struct pool_allocation	allocation;
		struct pool_contact	contact;
		struct pool_worked	worked;
		struct pool_jrecord	jrecord;	/* unfilled, candidate, reject */
	} u;
};

/* A growable array of one record type. */
#define POOL_VEC(T)	struct { T *v; size_t n, cap; }

/* A data set: every record read, by type, and the string table. */
struct pool_data {
	struct pool_strtab		*strtab;
	POOL_VEC(struct pool_org)	 orgs;
	POOL_VEC(struct pool_worker)	 workers;
	POOL_VEC(struct pool_shift)	 shifts;
	POOL_VEC(struct pool_interval)	 availability;
	POOL_VEC(struct pool_interval)	 absences;
	POOL_VEC(struct pool_signup)	 signups;
	POOL_VEC(struct pool_assignment) assignments;
	POOL_VEC(struct pool_allocation) allocations;
	POOL_VEC(struct pool_contact)	 contacts;
	POOL_VEC(struct pool_worked)	 worked;
	POOL_VEC(struct pool_jrecord)	 unfilled;
	POOL_VEC(struct pool_jrecord)	 candidates;
	POOL_VEC(struct pool_jrecord)	 rejects;
	size_t				 count[POOL_R_NTYPES]; /* read per type */
	struct pool_index		*index;	/* id -> worker/shift; see below */
};

/** Initialise an empty data set.  Pair: pool_data_release. */
int	pool_data_init(struct pool_data *, struct pool_error *);

/** Free everything in a data set (the struct itself is the caller's). */
void	pool_data_release(struct pool_data *);

/**
 * Intern a string (len bytes, need not be NUL-terminated) in the data
 * set's table.  Returns the interned copy or NULL (out of memory).
 */
const char *pool_data_intern(struct pool_data *, const char *s, size_t len);

/**
 * Convert one JSON object to a typed record, validating required fields
 * and types as in pool-records(5).  Strings are interned in data.  On
 * error, err names the field ("shift: field 'start': ...").  The object
 * is borrowed; for jrecord types the record takes a new reference.  A
 * record of unknown "type" gives POOL_R_UNKNOWN and 0; a missing or
 * non-string "type" is an error.
 */
int	pool_record_from_json(struct pool_data *, json_t *obj,
	    struct pool_record *out, struct pool_error *err) POOL_WUR;

/**
 * Check an allocation period: "all", a year ("2026"), a month
 * ("2026-11"), a quarter ("2026-Q4"), an ISO week ("2026-W48") or a
 * date ("2026-11-23") that exists.  Returns 0, or -1 with err (field
 * "period") saying why not.
 */
int	pool_record_period_check(const char *, struct pool_error *err);

/**
 * Parse one NDJSON line (len bytes) into a typed record.  On error,
 * out->type still says what the line was: the record type when the
 * line is a JSON object whose "type" is known (a field was bad), else
 * POOL_R_UNKNOWN (not JSON, not an object, no or an unknown type).
 */
int	pool_record_parse(struct pool_data *, const char *line, size_t len,
	    struct pool_record *out, struct pool_error *err) POOL_WUR;

/**
 * Append a record to the data set (takes over its json reference, if
 * any) and count it.  Returns 0 or -1 (out of memory).
 */
int	pool_data_add(struct pool_data *, struct pool_record *,
	    struct pool_error *);

/** Free what a record owns (a jrecord's json) when it is not added. */
void	pool_record_release(struct pool_record *);

/**
 * Build or rebuild the id index of workers and shifts (call after the
 * last pool_data_add).  Later records with the same id win.
 */
int	pool_data_index(struct pool_data *, struct pool_error *);

/** Index of the worker/shift with this id (interned or not), or -1. */
long	pool_data_worker(const struct pool_data *, const char *id);
long	pool_data_shift(const struct pool_data *, const char *id);

/** 1 if the list holds s (an interned string), else 0. */
int	pool_strlist_has(const struct pool_strlist *, const char *s);

/**
 * Write a JSON value as one compact line (keys in insertion order)
 * followed by '\n'.  Returns 0 or -1 (write error, errno set).
 */
int	pool_json_write(FILE *, const json_t *);

#endif /* POOL_RECORD_H */
