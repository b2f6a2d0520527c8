/*
 * Civil time: date arithmetic, and RFC 3339 and ISO 8601 (week) parsing
 * and formatting.  Time zones are tz.c's.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pool_int.h"
#include "pool_time.h"

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

/*
 * Civil dates are counted in 400-year eras that start on March 1, so
 * that the leap day is the last day of a counting year.  An era has
 * 146097 days; 1970-01-01 is day 719468 after 0000-03-01.
 */
int64_t
pool_time_days_from_civil(int year, int month, int day)
{
	int64_t	y, era, yoe, doy, doe;
	int	mp;

	y = (int64_t)year - (month <= 2 ? 1 : 0);
	era = floor_div(y, 400);
	yoe = y - era * 400;
	mp = month > 2 ? month - 3 : month + 9;
	doy = (153 * mp + 2) / 5 + day - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
pool_time_civil_from_days(int64_t days, int *year, int *month, int *day)
{
	int64_t	z, era, doe, yoe, doy, mp, y;
	int	m;

	/* Keep the year within an int (see clamp_instant). */
	if (days > INSTANT_MAX / SECS_PER_DAY)
		days = INSTANT_MAX / SECS_PER_DAY;
	if (days < -INSTANT_MAX / SECS_PER_DAY)
		days = -INSTANT_MAX / SECS_PER_DAY;
	z = days + 719468;
	era = floor_div(z, 146097);
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	m = (int)(mp < 10 ? mp + 3 : mp - 9);
	y = yoe + era * 400 + (m <= 2 ? 1 : 0);
	*year = (int)y;
	*month = m;
	*day = (int)(doy - (153 * mp + 2) / 5 + 1);
}

int
pool_time_weekday(int64_t days)
{
	/* 1970-01-01 was a Thursday (4). */
	return (int)((floor_mod(days, 7) + 3) % 7) + 1;
}

int
pool_time_valid_date(int year, int month, int day)
{
	if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
		return 0;
	return day <= days_in_month(year, month);
}

/*
 * ISO 8601 weeks: a week belongs to the year of its Thursday; week 1 is
 * the week with the year's first Thursday (the one with January 4).
 */
void
pool_time_iso_week(int64_t days, int *iso_year, int *week)
{
	int64_t	thursday;
	int	y, m, d;

	if (days > INSTANT_MAX / SECS_PER_DAY)
		days = INSTANT_MAX / SECS_PER_DAY;
	if (days < -INSTANT_MAX / SECS_PER_DAY)
		days = -INSTANT_MAX / SECS_PER_DAY;
	thursday = days - pool_time_weekday(days) + 4;
	pool_time_civil_from_days(thursday, &y, &m, &d);
	*iso_year = y;
	*week = (int)((thursday - pool_time_days_from_civil(y, 1, 1)) / 7) + 1;
}

/* Day number of the Monday of ISO week 1 of iso_year. */
static int64_t
iso_week1_monday(int iso_year)
{
	int64_t	jan4;

	jan4 = pool_time_days_from_civil(iso_year, 1, 4);
	return jan4 - (pool_time_weekday(jan4) - 1);
}

int
pool_time_iso_weeks_in_year(int iso_year)
{
	int	y, w;

	pool_time_iso_week(pool_time_days_from_civil(iso_year, 12, 28),
	    &y, &w);
	return w;
}

char *
pool_time_format_iso_week(int64_t days, char buf[9])
{
	int	y, w;

	pool_time_iso_week(days, &y, &w);
	if (y < 0 || y > 9999)
		y = 0;
	snprintf(buf, 9, "%04d-W%02d", y, w);
	return buf;
}

/*
 * Parsing.  All parsers report errors as "invalid <what> '<input>':
 * <reason>", with long input cut short.
 */
struct scan {
	const char	*s;		/* the whole input */
	const char	*p;		/* the next byte */
	const char	*what;		/* "date-time", "date", ... */
	struct pool_error *err;
};

static int
scan_fail(struct scan *sc, const char *fmt, ...) POOL_PRINTFLIKE(2, 3);

const char *
pool_time_quote(const char *s, char *q)
{
	size_t		i, n;
	unsigned char	c;

	for (n = 0; n < QUOTE_MAX && s[n] != '\0'; n++) {
		c = (unsigned char)s[n];
		q[n] = c < 0x20 || c == 0x7f ? '?' : (char)c;
	}
	if (s[n] != '\0') {
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
		for (i = 0; i < 3; i++)
			q[n++] = '.';
	}
	q[n] = '\0';
	return q;
}

static int
scan_fail(struct scan *sc, const char *fmt, ...)
{
	char		reason[160], quote[QUOTE_MAX + 4];
	va_list		ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	return pool_error_set(sc->err, POOL_EPARSE, NULL,
	    "invalid %s '%s': %s", sc->what, pool_time_quote(sc->s, quote),
	    reason);
}

/* Read exactly n digits into *v; 0 or -1 (nothing consumed). */
static int
scan_digits(struct scan *sc, int n, int *v)
{
	int	i, x = 0;

	for (i = 0; i < n; i++)
		if (!is_digit((unsigned char)sc->p[i]))
			return -1;
	for (i = 0; i < n; i++)
		x = x * 10 + (sc->p[i] - '0');
	sc->p += n;
	*v = x;
	return 0;
}

/* Describe the byte at p for an error message. */
static const char *
describe(const char *p, char buf[16])
{
	unsigned char	c = (unsigned char)*p;

	if (c == '\0')
		return "end of input";
	if (c >= 0x20 && c < 0x7f)
		snprintf(buf, 16, "'%c'", c);
	else
		snprintf(buf, 16, "byte 0x%02x", c);
	return buf;
}

static int
scan_expect(struct scan *sc, char c, const char *where)
{
	char	b[16];

	if (*sc->p != c)
		return scan_fail(sc, "expected '%c' %s, found %s", c, where,
		    describe(sc->p, b));
	sc->p++;
	return 0;
}

/* "YYYY-MM-DD" with range checks. */
static int
scan_date(struct scan *sc, int *year, int *month, int *day)
{
	if (scan_digits(sc, 4, year) == -1)
		return scan_fail(sc, "expected a 4-digit year");
	if (is_digit((unsigned char)*sc->p))
		return scan_fail(sc, "year out of range 0001-9999");
	if (*year == 0)
		return scan_fail(sc, "year 0 out of range");
	if (scan_expect(sc, '-', "after the year") == -1)
		return -1;
	if (scan_digits(sc, 2, month) == -1)
		return scan_fail(sc, "expected a 2-digit month");
	if (*month < 1 || *month > 12)
		return scan_fail(sc, "month %d out of range", *month);
	if (scan_expect(sc, '-', "after the month") == -1)
		return -1;
	if (scan_digits(sc, 2, day) == -1)
		return scan_fail(sc, "expected a 2-digit day");
	if (*day < 1)
		return scan_fail(sc, "day 0 out of range");
	if (*day > days_in_month(*year, *month)) {
		if (*month == 2 && *day == 29)
			return scan_fail(sc, "day 29 out of range for "
			    "February %04d (not a leap year)", *year);
		return scan_fail(sc, "day %d out of range for %s", *day,
		    month_names[*month - 1]);
	}
	return 0;
}

/*
 * "hh:mm" and, if seconds is 1, ":ss" (required) or, if seconds is 0,
 * ":ss" optional; then an optional fraction.  A leap second 60 is
 * folded to 59.
 */
static int
scan_clock(struct scan *sc, struct pool_civil *c, int seconds)
{
	char	b[16];

	if (scan_digits(sc, 2, &c->hour) == -1)
		return scan_fail(sc, "expected a 2-digit hour");
	if (c->hour > 23)
		return scan_fail(sc, "hour %d out of range", c->hour);
	if (scan_expect(sc, ':', "after the hour") == -1)
		return -1;
	if (scan_digits(sc, 2, &c->min) == -1)
		return scan_fail(sc, "expected 2-digit minutes");
	if (c->min > 59)
		return scan_fail(sc, "minute %d out of range", c->min);
	c->sec = 0;
	if (*sc->p != ':') {
		if (seconds)
			return scan_fail(sc, "expected ':' and seconds after "
			    "the minutes, found %s", describe(sc->p, b));
		return 0;
	}
	sc->p++;
	if (scan_digits(sc, 2, &c->sec) == -1)
		return scan_fail(sc, "expected 2-digit seconds");
	if (c->sec > 60)
		return scan_fail(sc, "second %d out of range", c->sec);
	if (c->sec == 60)
		c->sec = 59;
	if (*sc->p == '.') {
		sc->p++;
		if (!is_digit((unsigned char)*sc->p))
			return scan_fail(sc, "expected digits after '.'");
		while (is_digit((unsigned char)*sc->p))
			sc->p++;
	}
	return 0;
}

static int
scan_date_sep(struct scan *sc)
{
	char	b[16];

	if (*sc->p != 'T' && *sc->p != 't' && *sc->p != ' ')
		return scan_fail(sc, "expected 'T' between date and time, "
		    "found %s", describe(sc->p, b));
	sc->p++;
	return 0;
}

static int
scan_end(struct scan *sc, const char *after)
{
	char	b[16];

	if (*sc->p != '\0')
		return scan_fail(sc, "unexpected %s after %s",
		    describe(sc->p, b), after);
	return 0;
}

int
pool_time_parse(const char *s, int64_t *t, int *offset_min,
    struct pool_error *err)
{
	struct scan		sc = { s, s, "date-time", err };
	struct pool_civil	c;
	int64_t			inst;
	int			oh, om, sign, off;
	char			b[16];

	if (scan_date(&sc, &c.year, &c.month, &c.day) == -1 ||
	    scan_date_sep(&sc) == -1 || scan_clock(&sc, &c, 1) == -1)
		return -1;
	switch (*sc.p) {
	case 'Z':
	case 'z':
		sc.p++;
		off = 0;
		break;
	case '+':
	case '-':
		sign = *sc.p++ == '-' ? -1 : 1;
		if (scan_digits(&sc, 2, &oh) == -1)
			return scan_fail(&sc, "expected a 2-digit offset hour");
		if (oh > 23)
			return scan_fail(&sc, "offset hour %d out of range",
			    oh);
		if (scan_expect(&sc, ':', "in the offset") == -1)
			return -1;
		if (scan_digits(&sc, 2, &om) == -1)
			return scan_fail(&sc,
			    "expected 2-digit offset minutes");
		if (om > 59)
			return scan_fail(&sc, "offset minute %d out of range",
			    om);
		off = sign * (oh * 60 + om);
		break;
	case '\0':
		return scan_fail(&sc, "missing offset (Z or +hh:mm)");
	default:
		return scan_fail(&sc, "expected an offset (Z or +hh:mm), "
		    "found %s", describe(sc.p, b));
	}
	if (scan_end(&sc, "the offset") == -1)
		return -1;
	inst = civil_seconds(&c) - (int64_t)off * 60;
	/* Out of range: a well-formed time, so code POOL_EFIELD. */
	if (inst < POOL_TIME_MIN || inst > POOL_TIME_MAX) {
		scan_fail(&sc, "%s", inst < POOL_TIME_MIN ?
		    "before 0001-01-02T00:00:00Z, the first time in the "
		    "year 0001 in every time zone" : "after "
		    "9999-12-30T23:59:59Z, the last time in the year 9999 "
		    "in every time zone");
		if (err != NULL)
			err->code = POOL_EFIELD;
		return -1;
	}
	*t = inst;
	if (offset_min != NULL)
		*offset_min = off;
	return 0;
}

int
pool_time_parse_date(const char *s, int64_t *days, struct pool_error *err)
{
	struct scan	sc = { s, s, "date", err };
	int		y, m, d;

	if (scan_date(&sc, &y, &m, &d) == -1 || scan_end(&sc, "the date") == -1)
		return -1;
	*days = pool_time_days_from_civil(y, m, d);
	return 0;
}

int
pool_time_parse_local(const char *s, struct pool_civil *c,
    struct pool_error *err)
{
	struct scan		sc = { s, s, "local time", err };
	struct pool_civil	v;
	char			b[16];

	if (scan_date(&sc, &v.year, &v.month, &v.day) == -1 ||
	    scan_date_sep(&sc) == -1 || scan_clock(&sc, &v, 0) == -1)
		return -1;
	if (*sc.p == 'Z' || *sc.p == 'z' || *sc.p == '+' || *sc.p == '-')
		return scan_fail(&sc, "unexpected offset %s in a local time",
		    describe(sc.p, b));
	if (scan_end(&sc, "the time") == -1)
		return -1;
	*c = v;
	return 0;
}

int
pool_time_parse_hhmm(const char *s, int *minutes, struct pool_error *err)
{
	struct scan	sc = { s, s, "time of day", err };
	int		h, m;

	if (scan_digits(&sc, 2, &h) == -1 && scan_digits(&sc, 1, &h) == -1)
		return scan_fail(&sc, "expected hh:mm");
	if (scan_expect(&sc, ':', "after the hour") == -1)
		return -1;
	if (scan_digits(&sc, 2, &m) == -1)
		return scan_fail(&sc, "expected 2-digit minutes");
	if (scan_end(&sc, "the minutes") == -1)
		return -1;
	if (h == 24 && m == 0) {
		*minutes = 1440;
		return 0;
	}
	if (h > 23)
		return scan_fail(&sc, "hour %d out of range", h);
	if (m > 59)
		return scan_fail(&sc, "minute %d out of range", m);
	*minutes = h * 60 + m;
	return 0;
}

int
pool_time_parse_iso_week(const char *s, int64_t *monday,
    struct pool_error *err)
{
	struct scan	sc = { s, s, "ISO week", err };
	int		y, w, n;

	if (scan_digits(&sc, 4, &y) == -1)
		return scan_fail(&sc, "expected a 4-digit year");
	if (is_digit((unsigned char)*sc.p))
		return scan_fail(&sc, "year out of range 0001-9999");
	if (y == 0)
		return scan_fail(&sc, "year 0 out of range");
	if (scan_expect(&sc, '-', "after the year") == -1 ||
	    scan_expect(&sc, 'W', "before the week") == -1)
		return -1;
	if (scan_digits(&sc, 2, &w) == -1)
		return scan_fail(&sc, "expected a 2-digit week");
	if (scan_end(&sc, "the week") == -1)
		return -1;
	n = pool_time_iso_weeks_in_year(y);
	if (w < 1 || w > n)
		return scan_fail(&sc, "week %d out of range (%04d has %d "
		    "weeks)", w, y, n);
	*monday = iso_week1_monday(y) + (int64_t)(w - 1) * 7;
	return 0;
}

char *
pool_time_format_date(int64_t days, char buf[11])
{
	int	y, m, d;

	pool_time_civil_from_days(days, &y, &m, &d);
	if (y < 0 || y > 9999)
		snprintf(buf, 11, "0000-00-00");
	else
		snprintf(buf, 11, "%04d-%02d-%02d", y, m, d);
	return buf;
}
