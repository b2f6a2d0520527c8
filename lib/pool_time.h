/*
 * Time: RFC 3339 instants, the pool's local time zone read from the
 * system tz database (TZif files), DST gaps and overlaps, ISO weeks.
 *
 * Instants are int64_t seconds since 1970-01-01T00:00:00Z.  Durations
 * are differences of instants, so a night shift across the autumn DST
 * change lasts one hour more than its wall-clock span.
 *
 * The functions that take a const struct pool_tz * also accept NULL,
 * which means UTC.
 */
#ifndef POOL_TIME_H
#define POOL_TIME_H

#include <stddef.h>
#include <stdint.h>

#include "pool.h"

/* Broken-down civil (wall-clock) time, proleptic Gregorian. */
struct pool_civil {
	int	year;		/* e.g. 2026 */
	int	month;		/* 1-12 */
	int	day;		/* 1-31 */
	int	hour;		/* 0-23 */
	int	min;		/* 0-59 */
	int	sec;		/* 0-59 (a leap second 60 is folded to 59) */
};

/* An opaque time zone, loaded from the tz database. */
struct pool_tz;

/** Days since 1970-01-01 of a civil date (may be negative). */
int64_t	pool_time_days_from_civil(int year, int month, int day);

/** Civil date of a day number (the inverse of the above). */
void	pool_time_civil_from_days(int64_t days, int *year, int *month,
	    int *day);

/** Day of week of a day number: 1 = Monday ... 7 = Sunday (ISO 8601). */
int	pool_time_weekday(int64_t days);

/** 1 if year/month/day is a real date, else 0. */
int	pool_time_valid_date(int year, int month, int day);

/*
 * The instants a time may name: a day from either end of the years
 * 0001-9999, so that it is a date of those years in every time zone
 * (offsets stay within a day).  0001-01-02T00:00:00Z and
 * 9999-12-30T23:59:59Z.
 */
#define POOL_TIME_MIN	(-62135596800LL + 86400)
#define POOL_TIME_MAX	(253402300799LL - 86400)

/**
 * Parse an RFC 3339 date-time with an explicit offset ("Z" or +hh:mm),
 * e.g. "2026-11-23T07:00:00+01:00".  Fractional seconds are accepted
 * and dropped.  A lower-case 't'/'z' and a space instead of 'T' are
 * accepted (RFC 3339 §5.6 note).  Stores the instant in *t and the
 * offset in minutes east of UTC in *offset_min (may be NULL).  Years
 * 0001-9999 only, and the instant within POOL_TIME_MIN and
 * POOL_TIME_MAX (else the code is POOL_EFIELD); seconds are required; a leap second :60 is read as
 * :59.  Returns 0 or -1 with err (POOL_EPARSE) saying what is wrong,
 * e.g. "invalid date-time '2026-02-30T07:00:00+01:00': day 30 out of
 * range for February" (the input is quoted on one line, cut after 64
 * bytes).
 */
int	pool_time_parse(const char *s, int64_t *t, int *offset_min,
	    struct pool_error *err);

/**
 * Parse a plain date "YYYY-MM-DD" into a day number.  Returns 0 or -1
 * with err (POOL_EPARSE), e.g. "invalid date '2026-06-31': day 31 out
 * of range for June".
 */
int	pool_time_parse_date(const char *s, int64_t *days,
	    struct pool_error *err);

/**
 * Parse a local date-time without offset: "2026-11-23T07:00",
 * "2026-11-23 07:00" or with seconds "2026-11-23T07:00:00" (a fraction
 * after the seconds is dropped).  An offset is refused.  Fills *c; the
 * caller converts it with pool_tz_from_civil.  Returns 0 or -1 with err
 * (POOL_EPARSE).
 */
int	pool_time_parse_local(const char *s, struct pool_civil *c,
	    struct pool_error *err);

/**
 * Parse a wall-clock time of day "hh:mm" (or "h:mm") into minutes after
 * midnight: "07:00" is 420.  "24:00" is accepted as 1440, the end of the
 * day (for windows and shift ends such as "16:00-24:00"); no other hour
 * 24 is.  Returns 0 or -1 with err (POOL_EPARSE).
 */
int	pool_time_parse_hhmm(const char *s, int *minutes,
	    struct pool_error *err);

/**
 * Load a zone by IANA name ("Europe/Amsterdam") from the tz database
 * directory dir (NULL: "/usr/share/zoneinfo").  "UTC" always works,
 * even without the database.  Names must be path components of
 * letters, digits, '_', '-', '+' and '.', none starting with '.' (so no
 * "..", no leading '/').  The environment (TZ) is never used, and any
 * number of zones can be loaded at once.  Returns a new zone (free
 * with pool_tz_free) or NULL with err: POOL_ECONFIG "invalid time zone
 * name '...'" or "unknown time zone '...'", POOL_ELIMIT for a file
 * over 256 KiB, POOL_EPARSE for a damaged file or one with leap
 * seconds (the "right/" zones), POOL_ESYS.
 */
struct pool_tz	*pool_tz_load(const char *name, const char *dir,
		    struct pool_error *err);

/**
 * Parse a zone from the bytes of a TZif file (RFC 8536, versions 1-4)
 * held in memory; name is what pool_tz_name returns.  Every count in
 * the file is checked against its size.  Returns a new zone (free with
 * pool_tz_free) or NULL with err (POOL_EPARSE) saying what is wrong.
 */
struct pool_tz	*pool_tz_parse(const char *name, const unsigned char *buf,
		    size_t len, struct pool_error *err);

/** Free a zone loaded by pool_tz_load or pool_tz_parse (NULL: no-op). */
void		 pool_tz_free(struct pool_tz *);

/** The zone's IANA name, as given to pool_tz_load. */
const char	*pool_tz_name(const struct pool_tz *);

/** Offset from UTC in seconds at instant t (e.g. 3600 for CET). */
int		 pool_tz_offset(const struct pool_tz *, int64_t t);

/** Local civil time of instant t in zone tz. */
void		 pool_tz_to_civil(const struct pool_tz *, int64_t t,
		    struct pool_civil *out);

/* Result of converting a local time to an instant. */
enum pool_local_kind {
	POOL_LOCAL_UNIQUE = 0,	/* exactly one instant */
	POOL_LOCAL_GAP,		/* does not exist (spring forward) */
	POOL_LOCAL_AMBIGUOUS	/* occurs twice (autumn overlap) */
};

/**
 * Convert a local civil time in zone tz to an instant.  For a unique
 * time *t is that instant.  For an ambiguous time *t is the first
 * occurrence (RFC 5545 §3.3.5) and *t2 (may be NULL) the second.  For
 * a time in a gap *t is computed with the offset before the gap, so
 * 2026-03-29 02:30 in Europe/Amsterdam gives 01:30Z (03:30+02:00).
 * Unless ambiguous, *t2 = *t.  Exact however close together the zone's
 * offset changes are.  Returns the kind.
 */
enum pool_local_kind pool_tz_from_civil(const struct pool_tz *,
		    const struct pool_civil *, int64_t *t, int64_t *t2);

/**
 * Format instant t as RFC 3339 in zone tz ("2026-11-23T07:00:00+01:00";
 * "Z" is never used, the offset is always explicit).  An offset with
 * seconds (local mean time before 1900) is rounded to the minute and
 * the local time shown with it, so the string still names t.  Instants
 * outside the years 0001-9999 are clamped to them.  buf must hold 26
 * bytes.  Returns buf.
 */
char		*pool_time_format(const struct pool_tz *, int64_t t,
		    char buf[26]);

/** Format a day number as "YYYY-MM-DD" into buf (11 bytes).  Returns buf. */
char		*pool_time_format_date(int64_t days, char buf[11]);

/**
 * ISO 8601 week of a day number: *iso_year and *week (1-53).
 */
void		 pool_time_iso_week(int64_t days, int *iso_year, int *week);

/** Number of ISO weeks (52 or 53) in ISO year iso_year. */
int		 pool_time_iso_weeks_in_year(int iso_year);

/**
 * Format the ISO week of a day number as "2026-W48" into buf (9 bytes).
 * Returns buf.
 */
char		*pool_time_format_iso_week(int64_t days, char buf[9]);

/**
 * Parse an ISO week "2026-W48" into the day number of its Monday.
 * Returns 0 or -1.
 */
int		 pool_time_parse_iso_week(const char *s, int64_t *monday,
		    struct pool_error *err);

/** Local day number (days since 1970-01-01 in zone tz) of instant t. */
int64_t		 pool_tz_local_day(const struct pool_tz *, int64_t t);

/**
 * Seconds of the interval [a, b) whose local wall-clock time in zone tz
 * lies in the daily window [from_min, to_min) (minutes after midnight,
 * 0-1440: e.g. 0 and 360 for 00:00-06:00; from_min > to_min wraps over
 * midnight, as 23:00-07:00; 0 and 1440 is the whole day; from_min ==
 * to_min is empty).  Counted on absolute time: a wall-clock hour that
 * the autumn change repeats counts twice, one that the spring change
 * skips not at all.  Returns 0 when b <= a or a minute is out of range.
 * The cost grows with the number of offset changes in [a, b).
 */
int64_t		 pool_tz_overlap_window(const struct pool_tz *, int64_t a,
		    int64_t b, int from_min, int to_min);

#endif /* POOL_TIME_H */
