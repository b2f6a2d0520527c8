/*
 * Unit tests of lib/time.c: civil dates, ISO weeks, RFC 3339 parsing,
 * time zones (TZif files, POSIX TZ footers, DST gaps and overlaps).
 *
 * The zone tests run on the fixtures in tz/ (see tz/gen.sh) and, when
 * the machine has a tz database, on its zones too, checked against the
 * C library's localtime_r.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pool_time.h"
#include "test.h"

/* s with control bytes shown as \n or \xNN, for one-line test names. */
static const char *
vis(const char *s)
{
	static char	buf[4][256];
	static int	k;
	char		*b = buf[k++ % 4];
	size_t		n = 0;

	for (; *s != '\0' && n < sizeof(buf[0]) - 5; s++) {
		if (*s == '\n')
			n += (size_t)snprintf(b + n, 5, "\\n");
		else if ((unsigned char)*s < 0x20)
			n += (size_t)snprintf(b + n, 5, "\\x%02x",
			    (unsigned char)*s);
		else
			b[n++] = *s;
	}
	b[n] = '\0';
	return b;
}

static void
test_civil(void)
{
	static const struct {
		int	 y, m, d;
		int64_t	 days;
		int	 wday, iso_year, iso_week;
	} t[] = {
		{ 1970, 1, 1, 0, 4, 1970, 1 },
		{ 1969, 12, 31, -1, 3, 1970, 1 },
		{ 1, 1, 1, -719162, 1, 1, 1 },
		{ 9999, 12, 31, 2932896, 5, 9999, 52 },
		{ 2000, 2, 29, 11016, 2, 2000, 9 },
		{ 1600, 3, 1, -135080, 3, 1600, 9 },
		{ 2026, 11, 23, 20780, 1, 2026, 48 },
		{ 2026, 11, 24, 20781, 2, 2026, 48 },
		{ 2026, 1, 1, 20454, 4, 2026, 1 },
		{ 2025, 12, 29, 20451, 1, 2026, 1 },
		{ 2026, 12, 31, 20818, 4, 2026, 53 },
		{ 2027, 1, 1, 20819, 5, 2026, 53 },
		{ 2027, 1, 4, 20822, 1, 2027, 1 },
		{ 2020, 12, 31, 18627, 4, 2020, 53 },
		{ 2021, 1, 3, 18630, 7, 2020, 53 },
		{ 2021, 1, 4, 18631, 1, 2021, 1 },
		{ 2024, 12, 30, 20087, 1, 2025, 1 },
		{ 2008, 12, 29, 14242, 1, 2009, 1 },
		{ 2010, 1, 3, 14612, 7, 2009, 53 },
	};
	size_t	i;
	int64_t	d, prev;
	int	y, m, dd, iy, iw, bad;
	char	buf[11], wbuf[9], want[11];

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		d = pool_time_days_from_civil(t[i].y, t[i].m, t[i].d);
		CHECK_INT(d, t[i].days, "days_from_civil %04d-%02d-%02d",
		    t[i].y, t[i].m, t[i].d);
		pool_time_civil_from_days(t[i].days, &y, &m, &dd);
		CHECK(y == t[i].y && m == t[i].m && dd == t[i].d,
		    "civil_from_days %lld -> %04d-%02d-%02d",
		    (long long)t[i].days, y, m, dd);
		CHECK_INT(pool_time_weekday(t[i].days), t[i].wday,
		    "weekday of %04d-%02d-%02d", t[i].y, t[i].m, t[i].d);
		pool_time_iso_week(t[i].days, &iy, &iw);
		CHECK(iy == t[i].iso_year && iw == t[i].iso_week,
		    "iso week of %04d-%02d-%02d is %04d-W%02d (got %04d-W%02d)",
		    t[i].y, t[i].m, t[i].d, t[i].iso_year, t[i].iso_week,
		    iy, iw);
		snprintf(want, sizeof(want), "%04d-%02d-%02d", t[i].y, t[i].m,
		    t[i].d);
		CHECK_STR(pool_time_format_date(t[i].days, buf), want,
		    "format_date %s", want);
	}
	CHECK_STR(pool_time_format_iso_week(20818, wbuf), "2026-W53",
	    "format_iso_week 2026-12-31");
	CHECK_STR(pool_time_format_iso_week(20822, wbuf), "2027-W01",
	    "format_iso_week 2027-01-04");

	/* Every day of years 1..9999 round-trips and follows the last. */
	bad = 0;
	prev = pool_time_days_from_civil(1, 1, 1) - 1;
	for (y = 1; y <= 9999 && !bad; y++)
		for (m = 1; m <= 12 && !bad; m++)
			for (dd = 1; pool_time_valid_date(y, m, dd); dd++) {
				int	y2, m2, d2;

				d = pool_time_days_from_civil(y, m, dd);
				pool_time_civil_from_days(d, &y2, &m2, &d2);
				if (d != prev + 1 || y2 != y || m2 != m ||
				    d2 != dd) {
					bad = 1;
					break;
				}
				prev = d;
			}
	CHECK(!bad, "round trip of every date 0001-01-01..9999-12-31"
	    " (stopped at %04d-%02d)", y, m);
	CHECK_INT(prev, 2932896, "last day counted is 9999-12-31");

	CHECK(pool_time_valid_date(2024, 2, 29), "2024-02-29 valid");
	CHECK(!pool_time_valid_date(2026, 2, 29), "2026-02-29 invalid");
	CHECK(!pool_time_valid_date(1900, 2, 29), "1900-02-29 invalid");
	CHECK(pool_time_valid_date(2000, 2, 29), "2000-02-29 valid");
	CHECK(!pool_time_valid_date(0, 1, 1), "year 0 invalid");
	CHECK(!pool_time_valid_date(10000, 1, 1), "year 10000 invalid");
	CHECK(!pool_time_valid_date(2026, 4, 31), "2026-04-31 invalid");
	CHECK(!pool_time_valid_date(2026, 13, 1), "month 13 invalid");
	CHECK(!pool_time_valid_date(2026, 1, 0), "day 0 invalid");

	/* Extreme day numbers: no overflow, weekdays still exact. */
	CHECK_INT(pool_time_weekday(INT64_MAX), 4, "weekday of INT64_MAX");
	CHECK_INT(pool_time_weekday(INT64_MIN), 3, "weekday of INT64_MIN");
	pool_time_civil_from_days(INT64_MAX, &y, &m, &dd);
	pool_time_iso_week(INT64_MIN, &iy, &iw);
	CHECK(y > 1000000 && iy < -1000000 && iw >= 1 && iw <= 53,
	    "extreme day numbers clamp (year %d, ISO year %d)", y, iy);
	CHECK_STR(pool_time_format_date(INT64_MAX, buf), "0000-00-00",
	    "format_date outside 0001-9999");

	CHECK_INT(pool_time_iso_weeks_in_year(2026), 53, "2026 has 53 weeks");
	CHECK_INT(pool_time_iso_weeks_in_year(2020), 53, "2020 has 53 weeks");
	CHECK_INT(pool_time_iso_weeks_in_year(2015), 53, "2015 has 53 weeks");
	CHECK_INT(pool_time_iso_weeks_in_year(2032), 53, "2032 has 53 weeks");
	CHECK_INT(pool_time_iso_weeks_in_year(2027), 52, "2027 has 52 weeks");
}

static void
test_iso_week_parse(void)
{
	static const struct {
		const char	*in;
		const char	*monday;	/* NULL: error */
		const char	*err;
	} t[] = {
		{ "2026-W48", "2026-11-23", NULL },
		{ "2026-W01", "2025-12-29", NULL },
		{ "2026-W53", "2026-12-28", NULL },
		{ "2020-W53", "2020-12-28", NULL },
		{ "2027-W01", "2027-01-04", NULL },
		{ "0001-W01", "0001-01-01", NULL },
		{ "2027-W53", NULL, "invalid ISO week '2027-W53': week 53 out "
		    "of range (2027 has 52 weeks)" },
		{ "2026-W00", NULL, "invalid ISO week '2026-W00': week 0 out "
		    "of range (2026 has 53 weeks)" },
		{ "2026-W4", NULL, "invalid ISO week '2026-W4': expected a "
		    "2-digit week" },
		{ "2026W48", NULL, "invalid ISO week '2026W48': expected '-' "
		    "after the year, found 'W'" },
		{ "2026-w48", NULL, "invalid ISO week '2026-w48': expected 'W' "
		    "before the week, found 'w'" },
		{ "2026-W48x", NULL, "invalid ISO week '2026-W48x': unexpected "
		    "'x' after the week" },
		{ "0000-W01", NULL, "invalid ISO week '0000-W01': year 0 out "
		    "of range" },
		{ "", NULL, "invalid ISO week '': expected a 4-digit year" },
	};
	struct pool_error	err;
	size_t			i;
	int64_t			monday;
	char			buf[11];
	int			rc;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		pool_error_clear(&err);
		monday = -1;
		rc = pool_time_parse_iso_week(t[i].in, &monday, &err);
		if (t[i].monday != NULL) {
			CHECK(rc == 0, "parse_iso_week '%s' ok (%s)", t[i].in,
			    err.text);
			CHECK_STR(pool_time_format_date(monday, buf),
			    t[i].monday, "monday of %s", t[i].in);
		} else {
			CHECK(rc == -1 && err.code == POOL_EPARSE,
			    "parse_iso_week '%s' fails", t[i].in);
			CHECK_STR(err.text, t[i].err, "error text of '%s'",
			    t[i].in);
		}
	}
}

static void
test_parse(void)
{
	static const struct {
		const char	*in;
		int64_t		 t;
		int		 off;
		const char	*err;		/* NULL: must parse */
	} t[] = {
		{ "2026-11-23T07:00:00+01:00", 1795413600, 60, NULL },
		{ "2026-11-23t07:00:00+01:00", 1795413600, 60, NULL },
		{ "2026-11-23 07:00:00+01:00", 1795413600, 60, NULL },
		{ "2026-11-23T06:00:00Z", 1795413600, 0, NULL },
		{ "2026-11-23T06:00:00z", 1795413600, 0, NULL },
		{ "2026-11-23T06:00:00.999Z", 1795413600, 0, NULL },
		{ "2026-11-23T01:30:00-04:30", 1795413600, -270, NULL },
		{ "2026-11-23T06:00:00-00:00", 1795413600, 0, NULL },
		{ "1970-01-01T00:00:00Z", 0, 0, NULL },
		{ "1969-12-31T23:59:59Z", -1, 0, NULL },
		{ "0001-01-02T00:00:00Z", -62135510400LL, 0, NULL },
		{ "0001-01-01T23:00:00-01:00", -62135510400LL, -60, NULL },
		{ "9999-12-30T23:59:59Z", 253402214399LL, 0, NULL },
		{ "9999-12-31T00:59:59+01:00", 253402214399LL, 60, NULL },
		{ "0001-01-01T00:00:00Z", 0, 0, "invalid date-time "
		    "'0001-01-01T00:00:00Z': before 0001-01-02T00:00:00Z, the "
		    "first time in the year 0001 in every time zone" },
		{ "9999-12-31T23:59:59Z", 0, 0, "invalid date-time "
		    "'9999-12-31T23:59:59Z': after 9999-12-30T23:59:59Z, the "
		    "last time in the year 9999 in every time zone" },
		{ "9999-12-31T20:00:00-12:00", 0, 0, "invalid date-time "
		    "'9999-12-31T20:00:00-12:00': after 9999-12-30T23:59:59Z, "
		    "the last time in the year 9999 in every time zone" },
		{ "2024-02-29T12:00:00+00:00", 1709208000, 0, NULL },
		{ "2016-12-31T23:59:60Z", 1483228799, 0, NULL },
		{ "2026-10-25T02:30:00+02:00", 1792888200, 120, NULL },
		{ "2026-10-25T02:30:00+01:00", 1792891800, 60, NULL },
		{ "2026-02-30T07:00:00+01:00", 0, 0, "invalid date-time "
		    "'2026-02-30T07:00:00+01:00': day 30 out of range for "
		    "February" },
		{ "2026-02-29T07:00:00+01:00", 0, 0, "invalid date-time "
		    "'2026-02-29T07:00:00+01:00': day 29 out of range for "
		    "February 2026 (not a leap year)" },
		{ "2026-04-31T07:00:00Z", 0, 0, "invalid date-time "
		    "'2026-04-31T07:00:00Z': day 31 out of range for April" },
		{ "2026-13-01T07:00:00Z", 0, 0, "invalid date-time "
		    "'2026-13-01T07:00:00Z': month 13 out of range" },
		{ "2026-00-01T07:00:00Z", 0, 0, "invalid date-time "
		    "'2026-00-01T07:00:00Z': month 0 out of range" },
		{ "2026-01-00T07:00:00Z", 0, 0, "invalid date-time "
		    "'2026-01-00T07:00:00Z': day 0 out of range" },
		{ "0000-01-01T00:00:00Z", 0, 0, "invalid date-time "
		    "'0000-01-01T00:00:00Z': year 0 out of range" },
		{ "10000-01-01T00:00:00Z", 0, 0, "invalid date-time "
		    "'10000-01-01T00:00:00Z': year out of range 0001-9999" },
		{ "26-11-23T07:00:00Z", 0, 0, "invalid date-time "
		    "'26-11-23T07:00:00Z': expected a 4-digit year" },
		{ "2026-1-23T07:00:00Z", 0, 0, "invalid date-time "
		    "'2026-1-23T07:00:00Z': expected a 2-digit month" },
		{ "2026/11/23T07:00:00Z", 0, 0, "invalid date-time "
		    "'2026/11/23T07:00:00Z': expected '-' after the year, "
		    "found '/'" },
		{ "2026-11-23X07:00:00Z", 0, 0, "invalid date-time "
		    "'2026-11-23X07:00:00Z': expected 'T' between date and "
		    "time, found 'X'" },
		{ "2026-11-23", 0, 0, "invalid date-time '2026-11-23': "
		    "expected 'T' between date and time, found end of input" },
		{ "2026-11-23T24:00:00Z", 0, 0, "invalid date-time "
		    "'2026-11-23T24:00:00Z': hour 24 out of range" },
		{ "2026-11-23T07:60:00Z", 0, 0, "invalid date-time "
		    "'2026-11-23T07:60:00Z': minute 60 out of range" },
		{ "2026-11-23T07:00:61Z", 0, 0, "invalid date-time "
		    "'2026-11-23T07:00:61Z': second 61 out of range" },
		{ "2026-11-23T07:00+01:00", 0, 0, "invalid date-time "
		    "'2026-11-23T07:00+01:00': expected ':' and seconds after "
		    "the minutes, found '+'" },
		{ "2026-11-23T7:00:00Z", 0, 0, "invalid date-time "
		    "'2026-11-23T7:00:00Z': expected a 2-digit hour" },
		{ "2026-11-23T07:00:00", 0, 0, "invalid date-time "
		    "'2026-11-23T07:00:00': missing offset (Z or +hh:mm)" },
		{ "2026-11-23T07:00:00.Z", 0, 0, "invalid date-time "
		    "'2026-11-23T07:00:00.Z': expected digits after '.'" },
		{ "2026-11-23T07:00:00 +01:00", 0, 0, "invalid date-time "
		    "'2026-11-23T07:00:00 +01:00': expected an offset (Z or "
		    "+hh:mm), found ' '" },
		{ "2026-11-23T07:00:00+0100", 0, 0, "invalid date-time "
		    "'2026-11-23T07:00:00+0100': expected ':' in the offset, "
		    "found '0'" },
		{ "2026-11-23T07:00:00+1:00", 0, 0, "invalid date-time "
		    "'2026-11-23T07:00:00+1:00': expected a 2-digit offset "
		    "hour" },
		{ "2026-11-23T07:00:00+24:00", 0, 0, "invalid date-time "
		    "'2026-11-23T07:00:00+24:00': offset hour 24 out of "
		    "range" },
		{ "2026-11-23T07:00:00+01:60", 0, 0, "invalid date-time "
		    "'2026-11-23T07:00:00+01:60': offset minute 60 out of "
		    "range" },
		{ "2026-11-23T07:00:00+01:00x", 0, 0, "invalid date-time "
		    "'2026-11-23T07:00:00+01:00x': unexpected 'x' after the "
		    "offset" },
		{ "2026-11-23T07:00:00Z\n", 0, 0, "invalid date-time "
		    "'2026-11-23T07:00:00Z?': unexpected byte 0x0a after the "
		    "offset" },
		{ "", 0, 0, "invalid date-time '': expected a 4-digit year" },
		{ "2026-11-23T07:00:00+01:00 and a very long tail of text that "
		    "goes on", 0, 0, "invalid date-time '2026-11-23T07:00:00+"
		    "01:00 and a very long tail of text that goes...': "
		    "unexpected ' ' after the offset" },
	};
	struct pool_error	err;
	size_t			i;
	int64_t			v;
	int			off, rc;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		pool_error_clear(&err);
		v = -12345;
		off = -1;
		rc = pool_time_parse(t[i].in, &v, &off, &err);
		if (t[i].err == NULL) {
			CHECK(rc == 0, "parse '%s' ok (%s)", vis(t[i].in),
			    err.text);
			CHECK_INT(v, t[i].t, "instant of '%s'", vis(t[i].in));
			CHECK_INT(off, t[i].off, "offset of '%s'",
			    vis(t[i].in));
		} else {
			/* Out of range is a field error, the rest syntax. */
			CHECK(rc == -1 && err.code == (strstr(t[i].err,
			    "every time zone") != NULL ? POOL_EFIELD :
			    POOL_EPARSE), "parse '%s' fails", vis(t[i].in));
			CHECK_STR(err.text, t[i].err, "error text of '%s'",
			    vis(t[i].in));
			CHECK_INT(v, -12345, "no instant stored for '%s'",
			    vis(t[i].in));
		}
	}
	CHECK(pool_time_parse("2026-11-23T07:00:00Z", &v, NULL, NULL) == 0,
	    "parse with NULL offset and NULL err");
	CHECK(pool_time_parse("garbage", &v, NULL, NULL) == -1,
	    "parse failure with NULL err");
}

static void
test_parse_date(void)
{
	static const struct {
		const char	*in;
		int64_t		 days;
		const char	*err;
	} t[] = {
		{ "2026-11-23", 20780, NULL },
		{ "2024-02-29", 19782, NULL },
		{ "0001-01-01", -719162, NULL },
		{ "2023-02-29", 0, "invalid date '2023-02-29': day 29 out of "
		    "range for February 2023 (not a leap year)" },
		{ "1900-02-29", 0, "invalid date '1900-02-29': day 29 out of "
		    "range for February 1900 (not a leap year)" },
		{ "2026-06-31", 0, "invalid date '2026-06-31': day 31 out of "
		    "range for June" },
		{ "2026-11-23T07:00", 0, "invalid date '2026-11-23T07:00': "
		    "unexpected 'T' after the date" },
		{ "2026-11", 0, "invalid date '2026-11': expected '-' after "
		    "the month, found end of input" },
		{ "23-11-2026", 0, "invalid date '23-11-2026': expected a "
		    "4-digit year" },
	};
	struct pool_error	err;
	size_t			i;
	int64_t			d;
	int			rc;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		pool_error_clear(&err);
		rc = pool_time_parse_date(t[i].in, &d, &err);
		if (t[i].err == NULL) {
			CHECK(rc == 0, "parse_date '%s' ok (%s)", t[i].in,
			    err.text);
			CHECK_INT(d, t[i].days, "day of '%s'", t[i].in);
		} else {
			CHECK(rc == -1, "parse_date '%s' fails", t[i].in);
			CHECK_STR(err.text, t[i].err, "error text of '%s'",
			    t[i].in);
		}
	}
}

static void
test_parse_local(void)
{
	static const struct {
		const char	*in;
		int		 y, mo, d, h, mi, s;
		const char	*err;
	} t[] = {
		{ "2026-11-23T07:00", 2026, 11, 23, 7, 0, 0, NULL },
		{ "2026-11-23 07:00", 2026, 11, 23, 7, 0, 0, NULL },
		{ "2026-11-23t07:05:09", 2026, 11, 23, 7, 5, 9, NULL },
		{ "2026-11-23 23:59:59.5", 2026, 11, 23, 23, 59, 59, NULL },
		{ "2026-11-23T07:00+01:00", 0, 0, 0, 0, 0, 0, "invalid local "
		    "time '2026-11-23T07:00+01:00': unexpected offset '+' in "
		    "a local time" },
		{ "2026-11-23T07:00:00Z", 0, 0, 0, 0, 0, 0, "invalid local "
		    "time '2026-11-23T07:00:00Z': unexpected offset 'Z' in a "
		    "local time" },
		{ "2026-11-23T24:00", 0, 0, 0, 0, 0, 0, "invalid local time "
		    "'2026-11-23T24:00': hour 24 out of range" },
		{ "2026-11-23T07", 0, 0, 0, 0, 0, 0, "invalid local time "
		    "'2026-11-23T07': expected ':' after the hour, found end "
		    "of input" },
		{ "2026-11-23T07:00:", 0, 0, 0, 0, 0, 0, "invalid local time "
		    "'2026-11-23T07:00:': expected 2-digit seconds" },
		{ "2026-11-31 07:00", 0, 0, 0, 0, 0, 0, "invalid local time "
		    "'2026-11-31 07:00': day 31 out of range for November" },
		{ "2026-11-23 07:00 ", 0, 0, 0, 0, 0, 0, "invalid local time "
		    "'2026-11-23 07:00 ': unexpected ' ' after the time" },
	};
	struct pool_error	err;
	struct pool_civil	c;
	size_t			i;
	int			rc;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		pool_error_clear(&err);
		memset(&c, 0, sizeof(c));
		rc = pool_time_parse_local(t[i].in, &c, &err);
		if (t[i].err == NULL) {
			CHECK(rc == 0, "parse_local '%s' ok (%s)", t[i].in,
			    err.text);
			CHECK(c.year == t[i].y && c.month == t[i].mo &&
			    c.day == t[i].d && c.hour == t[i].h &&
			    c.min == t[i].mi && c.sec == t[i].s,
			    "fields of '%s'", t[i].in);
		} else {
			CHECK(rc == -1 && err.code == POOL_EPARSE,
			    "parse_local '%s' fails", t[i].in);
			CHECK_STR(err.text, t[i].err, "error text of '%s'",
			    t[i].in);
		}
	}
}

static void
test_parse_hhmm(void)
{
	static const struct {
		const char	*in;
		int		 min;
		const char	*err;
	} t[] = {
		{ "07:00", 420, NULL },
		{ "7:00", 420, NULL },
		{ "00:00", 0, NULL },
		{ "23:59", 1439, NULL },
		{ "24:00", 1440, NULL },
		{ "24:01", 0, "invalid time of day '24:01': hour 24 out of "
		    "range" },
		{ "25:00", 0, "invalid time of day '25:00': hour 25 out of "
		    "range" },
		{ "07:60", 0, "invalid time of day '07:60': minute 60 out of "
		    "range" },
		{ "0700", 0, "invalid time of day '0700': expected ':' after "
		    "the hour, found '0'" },
		{ "07:0", 0, "invalid time of day '07:0': expected 2-digit "
		    "minutes" },
		{ "07:00:00", 0, "invalid time of day '07:00:00': unexpected "
		    "':' after the minutes" },
		{ "", 0, "invalid time of day '': expected hh:mm" },
		{ "x7:00", 0, "invalid time of day 'x7:00': expected hh:mm" },
	};
	struct pool_error	err;
	size_t			i;
	int			m, rc;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		pool_error_clear(&err);
		m = -1;
		rc = pool_time_parse_hhmm(t[i].in, &m, &err);
		if (t[i].err == NULL) {
			CHECK(rc == 0, "parse_hhmm '%s' ok (%s)", t[i].in,
			    err.text);
			CHECK_INT(m, t[i].min, "minutes of '%s'", t[i].in);
		} else {
			CHECK(rc == -1 && err.code == POOL_EPARSE,
			    "parse_hhmm '%s' fails", t[i].in);
			CHECK_STR(err.text, t[i].err, "error text of '%s'",
			    t[i].in);
		}
	}
}

/* Instant of an RFC 3339 string that the test tables know is valid. */
static int64_t
at(const char *s)
{
	struct pool_error	err;
	int64_t			t = 0;

	if (pool_time_parse(s, &t, NULL, &err) == -1)
		printf("# bad test instant '%s': %s\n", s, err.text);
	return t;
}

/* Instant of a local time "2026-10-25T02:30" in tz, first occurrence. */
static int64_t
local_at(const struct pool_tz *tz, const char *s, enum pool_local_kind *kind)
{
	struct pool_error	err;
	struct pool_civil	c;
	enum pool_local_kind	k;
	int64_t			t = 0;

	if (pool_time_parse_local(s, &c, &err) == -1)
		printf("# bad test local time '%s': %s\n", s, err.text);
	k = pool_tz_from_civil(tz, &c, &t, NULL);
	if (kind != NULL)
		*kind = k;
	return t;
}

/*
 * The pool's zone: Europe/Amsterdam's rule since 1996 (the EU rule), in
 * a fat file, a slim file and the system's file.
 */
static void
test_tz_eu(const struct pool_tz *tz, const char *label)
{
	static const struct {
		const char	*utc;
		int		 off;
		const char	*local;
	} off[] = {
		{ "1970-01-01T00:00:00Z", 3600, "1970-01-01T01:00:00+01:00" },
		{ "2026-03-29T00:59:59Z", 3600, "2026-03-29T01:59:59+01:00" },
		{ "2026-03-29T01:00:00Z", 7200, "2026-03-29T03:00:00+02:00" },
		{ "2026-10-25T00:00:00Z", 7200, "2026-10-25T02:00:00+02:00" },
		{ "2026-10-25T00:59:59Z", 7200, "2026-10-25T02:59:59+02:00" },
		{ "2026-10-25T01:00:00Z", 3600, "2026-10-25T02:00:00+01:00" },
		{ "2026-11-23T06:00:00Z", 3600, "2026-11-23T07:00:00+01:00" },
		{ "2037-12-31T23:59:59Z", 3600, "2038-01-01T00:59:59+01:00" },
		{ "2038-07-01T00:00:00Z", 7200, "2038-07-01T02:00:00+02:00" },
		{ "2090-03-26T00:59:59Z", 3600, "2090-03-26T01:59:59+01:00" },
		{ "2090-03-26T01:00:00Z", 7200, "2090-03-26T03:00:00+02:00" },
		{ "2090-07-01T12:00:00Z", 7200, "2090-07-01T14:00:00+02:00" },
		{ "2090-10-29T00:59:59Z", 7200, "2090-10-29T02:59:59+02:00" },
		{ "2090-10-29T01:00:00Z", 3600, "2090-10-29T02:00:00+01:00" },
		{ "2199-10-27T00:59:59Z", 7200, "2199-10-27T02:59:59+02:00" },
		{ "2199-10-27T01:00:00Z", 3600, "2199-10-27T02:00:00+01:00" },
		{ "2200-03-30T00:59:59Z", 3600, "2200-03-30T01:59:59+01:00" },
		{ "2200-03-30T01:00:00Z", 7200, "2200-03-30T03:00:00+02:00" },
		{ "2201-10-25T00:59:59Z", 7200, "2201-10-25T02:59:59+02:00" },
		{ "2201-10-25T01:00:00Z", 3600, "2201-10-25T02:00:00+01:00" },
		{ "9999-12-30T22:59:59Z", 3600, "9999-12-30T23:59:59+01:00" },
		{ "9999-12-30T23:59:59Z", 3600, "9999-12-31T00:59:59+01:00" },
	};
	static const struct {
		const char		*local;
		enum pool_local_kind	 kind;
		const char		*first, *second;
	} loc[] = {
		{ "2026-03-29T01:59:59", POOL_LOCAL_UNIQUE,
		    "2026-03-29T00:59:59Z", "2026-03-29T00:59:59Z" },
		{ "2026-03-29T02:00", POOL_LOCAL_GAP,
		    "2026-03-29T01:00:00Z", "2026-03-29T01:00:00Z" },
		{ "2026-03-29T02:30", POOL_LOCAL_GAP,
		    "2026-03-29T01:30:00Z", "2026-03-29T01:30:00Z" },
		{ "2026-03-29T02:59:59", POOL_LOCAL_GAP,
		    "2026-03-29T01:59:59Z", "2026-03-29T01:59:59Z" },
		{ "2026-03-29T03:00", POOL_LOCAL_UNIQUE,
		    "2026-03-29T01:00:00Z", "2026-03-29T01:00:00Z" },
		{ "2026-10-25T01:59:59", POOL_LOCAL_UNIQUE,
		    "2026-10-24T23:59:59Z", "2026-10-24T23:59:59Z" },
		{ "2026-10-25T02:00", POOL_LOCAL_AMBIGUOUS,
		    "2026-10-25T00:00:00Z", "2026-10-25T01:00:00Z" },
		{ "2026-10-25T02:30", POOL_LOCAL_AMBIGUOUS,
		    "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z" },
		{ "2026-10-25T02:59:59", POOL_LOCAL_AMBIGUOUS,
		    "2026-10-25T00:59:59Z", "2026-10-25T01:59:59Z" },
		{ "2026-10-25T03:00", POOL_LOCAL_UNIQUE,
		    "2026-10-25T02:00:00Z", "2026-10-25T02:00:00Z" },
		{ "2026-11-23T07:00", POOL_LOCAL_UNIQUE,
		    "2026-11-23T06:00:00Z", "2026-11-23T06:00:00Z" },
		{ "1970-01-01T00:00", POOL_LOCAL_UNIQUE,
		    "1969-12-31T23:00:00Z", "1969-12-31T23:00:00Z" },
		{ "2090-03-26T02:30", POOL_LOCAL_GAP,
		    "2090-03-26T01:30:00Z", "2090-03-26T01:30:00Z" },
		{ "2090-10-29T02:30", POOL_LOCAL_AMBIGUOUS,
		    "2090-10-29T00:30:00Z", "2090-10-29T01:30:00Z" },
		{ "2090-07-01T12:00", POOL_LOCAL_UNIQUE,
		    "2090-07-01T10:00:00Z", "2090-07-01T10:00:00Z" },
	};
	/* Shifts [from, to) in local time, their length and night hours. */
	static const struct {
		const char	*from, *to;
		int		 wmin_from, wmin_to;
		int64_t		 secs, window;
	} shift[] = {
		/* Autumn: the hour 02:00-03:00 happens twice. */
		{ "2026-10-24T23:00", "2026-10-25T07:00", 0, 360,
		    9 * 3600, 7 * 3600 },
		{ "2026-10-24T23:00", "2026-10-25T07:00", 1380, 420,
		    9 * 3600, 9 * 3600 },
		{ "2026-10-24T23:00", "2026-10-25T07:00", 120, 180,
		    9 * 3600, 2 * 3600 },
		{ "2026-10-24T23:00", "2026-10-25T07:00", 150, 165,
		    9 * 3600, 30 * 60 },
		{ "2026-10-25T00:00", "2026-10-25T03:00", 0, 1440,
		    4 * 3600, 4 * 3600 },
		/* Spring: 02:00-03:00 does not happen. */
		{ "2026-03-28T23:00", "2026-03-29T07:00", 0, 360,
		    7 * 3600, 5 * 3600 },
		{ "2026-03-28T23:00", "2026-03-29T07:00", 1380, 420,
		    7 * 3600, 7 * 3600 },
		{ "2026-03-28T23:00", "2026-03-29T07:00", 120, 180,
		    7 * 3600, 0 },
		{ "2026-03-28T23:00", "2026-03-29T07:00", 0, 0,
		    7 * 3600, 0 },
		/* An ordinary night and an evening. */
		{ "2026-11-23T23:00", "2026-11-24T07:00", 0, 360,
		    8 * 3600, 6 * 3600 },
		{ "2026-11-23T23:00", "2026-11-24T07:00", 1320, 360,
		    8 * 3600, 7 * 3600 },
		{ "2026-11-23T15:00", "2026-11-23T23:00", 0, 360,
		    8 * 3600, 0 },
		{ "2026-11-23T15:00", "2026-11-23T23:00", 1320, 0,
		    8 * 3600, 3600 },
		{ "2026-11-23T22:30", "2026-11-24T06:30", 1320, 1440,
		    8 * 3600, 90 * 60 },
		/* A week with the autumn change: one night an hour longer. */
		{ "2026-10-19T00:00", "2026-10-26T00:00", 0, 360,
		    7 * 86400 + 3600, 43 * 3600 },
		/* Across the new year of 2200 (the footer rule from there). */
		{ "2199-12-31T22:00", "2200-01-01T06:00", 0, 360,
		    8 * 3600, 6 * 3600 },
		{ "2199-10-26T23:00", "2201-10-25T07:00", 0, 1440,
		    (int64_t)728 * 86400 + 9 * 3600, (int64_t)728 * 86400 +
		    9 * 3600 },
		/* The same far in the future (footer rule). */
		{ "2090-10-28T23:00", "2090-10-29T07:00", 0, 360,
		    9 * 3600, 7 * 3600 },
		{ "2090-03-25T23:00", "2090-03-26T07:00", 0, 360,
		    7 * 3600, 5 * 3600 },
	};
	struct pool_civil	c;
	enum pool_local_kind	kind;
	size_t			i;
	int64_t			t, t1, t2, a, b;
	char			buf[26];

	for (i = 0; i < sizeof(off) / sizeof(off[0]); i++) {
		t = at(off[i].utc);
		CHECK_INT(pool_tz_offset(tz, t), off[i].off, "%s: offset at %s",
		    label, off[i].utc);
		CHECK_STR(pool_time_format(tz, t, buf), off[i].local,
		    "%s: format %s", label, off[i].utc);
	}
	for (i = 0; i < sizeof(loc) / sizeof(loc[0]); i++) {
		if (pool_time_parse_local(loc[i].local, &c, NULL) == -1) {
			CHECK(0, "bad local time %s", loc[i].local);
			continue;
		}
		t1 = t2 = -1;
		kind = pool_tz_from_civil(tz, &c, &t1, &t2);
		CHECK_INT(kind, loc[i].kind, "%s: kind of local %s", label,
		    loc[i].local);
		CHECK_INT(t1, at(loc[i].first), "%s: %s first is %s", label,
		    loc[i].local, loc[i].first);
		CHECK_INT(t2, at(loc[i].second), "%s: %s second is %s", label,
		    loc[i].local, loc[i].second);
	}
	for (i = 0; i < sizeof(shift) / sizeof(shift[0]); i++) {
		a = local_at(tz, shift[i].from, NULL);
		b = local_at(tz, shift[i].to, NULL);
		CHECK_INT(b - a, shift[i].secs, "%s: %s to %s lasts %lld s",
		    label, shift[i].from, shift[i].to,
		    (long long)shift[i].secs);
		CHECK_INT(pool_tz_overlap_window(tz, a, b, shift[i].wmin_from,
		    shift[i].wmin_to), shift[i].window,
		    "%s: %s to %s has %lld s in %02d:%02d-%02d:%02d", label,
		    shift[i].from, shift[i].to, (long long)shift[i].window,
		    shift[i].wmin_from / 60, shift[i].wmin_from % 60,
		    shift[i].wmin_to / 60, shift[i].wmin_to % 60);
	}

	/* Local days change at local midnight. */
	CHECK_INT(pool_tz_local_day(tz, at("2026-10-25T22:59:59Z")),
	    pool_time_days_from_civil(2026, 10, 25), "%s: local day before "
	    "midnight", label);
	CHECK_INT(pool_tz_local_day(tz, at("2026-10-25T23:00:00Z")),
	    pool_time_days_from_civil(2026, 10, 26), "%s: local day at "
	    "midnight", label);
	CHECK_INT(pool_tz_local_day(tz, at("1969-12-31T23:00:00Z")), 0,
	    "%s: local day of 1970-01-01T00:00+01:00", label);
	CHECK_INT(pool_tz_local_day(tz, at("1969-12-31T22:59:59Z")), -1,
	    "%s: local day of 1969-12-31T23:59:59+01:00", label);
	pool_tz_to_civil(tz, at("2026-10-25T01:30:00Z"), &c);
	CHECK(c.year == 2026 && c.month == 10 && c.day == 25 && c.hour == 2 &&
	    c.min == 30 && c.sec == 0, "%s: to_civil in the repeated hour",
	    label);
	CHECK(pool_tz_overlap_window(tz, 100, 100, 0, 360) == 0 &&
	    pool_tz_overlap_window(tz, 200, 100, 0, 360) == 0,
	    "%s: empty and reversed intervals have no window time", label);
}

/* Fixture/South: DST from October to April, over the new year. */
static void
test_tz_south(const struct pool_tz *tz, const char *label)
{
	static const struct {
		const char	*utc;
		int		 off;
	} t[] = {
		{ "2007-01-15T00:00:00Z", 36000 },
		{ "2026-01-15T00:00:00Z", 39600 },
		{ "2026-04-04T15:59:59Z", 39600 },
		{ "2026-04-04T16:00:00Z", 36000 },
		{ "2026-07-01T00:00:00Z", 36000 },
		{ "2026-10-03T15:59:59Z", 36000 },
		{ "2026-10-03T16:00:00Z", 39600 },
		{ "2026-12-31T13:00:00Z", 39600 },
		{ "2090-01-01T00:00:00Z", 39600 },
		{ "2090-06-01T00:00:00Z", 36000 },
	};
	enum pool_local_kind	kind;
	size_t			i;
	int64_t			a, b;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		CHECK_INT(pool_tz_offset(tz, at(t[i].utc)), t[i].off,
		    "%s: offset at %s", label, t[i].utc);
	local_at(tz, "2026-10-04T02:30", &kind);
	CHECK_INT(kind, POOL_LOCAL_GAP, "%s: 2026-10-04 02:30 is a gap", label);
	local_at(tz, "2026-04-05T02:30", &kind);
	CHECK_INT(kind, POOL_LOCAL_AMBIGUOUS, "%s: 2026-04-05 02:30 is "
	    "ambiguous", label);
	a = local_at(tz, "2026-04-04T22:00", NULL);
	b = local_at(tz, "2026-04-05T06:00", NULL);
	CHECK_INT(b - a, 9 * 3600, "%s: autumn night lasts 9 h", label);
	CHECK_INT(pool_tz_overlap_window(tz, a, b, 0, 360), 7 * 3600,
	    "%s: autumn night has 7 h in 00:00-06:00", label);
}

/*
 * A TZif image in memory: version v (1 or 2+), transitions trans[] with
 * type indices idx[], types utoff[] (isdst 0, designation "X"), and for
 * v >= 2 the footer string.  Returns the length.
 */
static size_t
mk_tzif(unsigned char *buf, int v, size_t nt, const int64_t *trans,
    const unsigned char *idx, size_t ny, const int32_t *utoff,
    const char *footer)
{
	size_t	n = 0, i, pass, passes = v >= 2 ? 2 : 1, tsize;
	int	k;

#define PUT32(x) do {							\
	uint32_t u_ = (uint32_t)(x);					\
	buf[n++] = (unsigned char)(u_ >> 24);				\
	buf[n++] = (unsigned char)(u_ >> 16);				\
	buf[n++] = (unsigned char)(u_ >> 8);				\
	buf[n++] = (unsigned char)u_;					\
} while (0)
	for (pass = 0; pass < passes; pass++) {
		tsize = v >= 2 && pass == 1 ? 8 : 4;
		memcpy(buf + n, "TZif", 4);
		n += 4;
		buf[n++] = v >= 2 ? (unsigned char)('0' + v) : 0;
		memset(buf + n, 0, 15);
		n += 15;
		PUT32(0);		/* isutcnt */
		PUT32(0);		/* isstdcnt */
		PUT32(0);		/* leapcnt */
		PUT32(nt);
		PUT32(ny);
		PUT32(2);		/* charcnt: "X\0" */
		for (i = 0; i < nt; i++) {
			if (tsize == 8)
				PUT32((uint64_t)trans[i] >> 32);
			PUT32(trans[i]);
		}
		for (i = 0; i < nt; i++)
			buf[n++] = idx[i];
		for (i = 0; i < ny; i++) {
			PUT32(utoff[i]);
			buf[n++] = 0;
			buf[n++] = 0;
		}
		buf[n++] = 'X';
		buf[n++] = 0;
	}
#undef PUT32
	if (v >= 2) {
		k = sprintf((char *)buf + n, "\n%s\n", footer);
		n += (size_t)k;
	}
	return n;
}

/* The POSIX TZ footer in its forms, on a file without transitions. */
static void
test_tz_footer(void)
{
	static const struct {
		const char	*footer, *utc;
		int		 off;
	} t[] = {
		{ "CET-1CEST,M3.5.0,M10.5.0/3", "2026-03-29T00:59:59Z", 3600 },
		{ "CET-1CEST,M3.5.0,M10.5.0/3", "2026-03-29T01:00:00Z", 7200 },
		{ "CET-1CEST,M3.5.0,M10.5.0/3", "2026-10-25T00:59:59Z", 7200 },
		{ "CET-1CEST,M3.5.0,M10.5.0/3", "2026-10-25T01:00:00Z", 3600 },
		{ "CET-1CEST,M3.5.0,M10.5.0/3", "1900-07-01T00:00:00Z", 7200 },
		/* Jn: day 60 is March 1 even in a leap year. */
		{ "AAA0BBB,J60/2,J300/2", "2028-03-01T01:59:59Z", 0 },
		{ "AAA0BBB,J60/2,J300/2", "2028-03-01T02:00:00Z", 3600 },
		{ "AAA0BBB,J60/2,J300/2", "2027-03-01T02:00:00Z", 3600 },
		{ "AAA0BBB,J60/2,J300/2", "2028-10-27T00:59:59Z", 3600 },
		{ "AAA0BBB,J60/2,J300/2", "2028-10-27T01:00:00Z", 0 },
		/* n: zero-based, counting the leap day. */
		{ "AAA0BBB,59/2,299/2", "2028-02-29T02:00:00Z", 3600 },
		{ "AAA0BBB,59/2,299/2", "2028-02-29T01:59:59Z", 0 },
		{ "AAA0BBB,59/2,299/2", "2027-03-01T02:00:00Z", 3600 },
		{ "AAA0BBB,59/2,299/2", "2027-02-28T23:00:00Z", 0 },
		{ "AAA0BBB,59/2,299/2", "2028-10-26T00:59:59Z", 3600 },
		{ "AAA0BBB,59/2,299/2", "2028-10-26T01:00:00Z", 0 },
		/* Negative transition times (America/Nuuk since 2023). */
		{ "<-02>2<-01>,M3.5.0/-1,M10.5.0/0", "2026-03-29T00:59:59Z",
		    -7200 },
		{ "<-02>2<-01>,M3.5.0/-1,M10.5.0/0", "2026-03-29T01:00:00Z",
		    -3600 },
		{ "<-02>2<-01>,M3.5.0/-1,M10.5.0/0", "2026-10-25T00:59:59Z",
		    -3600 },
		{ "<-02>2<-01>,M3.5.0/-1,M10.5.0/0", "2026-10-25T01:00:00Z",
		    -7200 },
		/* Times past 24:00 and DST all year. */
		{ "EST5EDT,0/0,J365/25", "2026-07-01T00:00:00Z", -14400 },
		{ "EST5EDT,0/0,J365/25", "2026-01-01T04:30:00Z", -14400 },
		{ "EST5EDT,0/0,J365/25", "2026-12-31T23:00:00Z", -14400 },
		{ "EST5EDT,0/0,J365/25", "2028-12-31T23:00:00Z", -14400 },
		/* Southern hemisphere. */
		{ "AEST-10AEDT,M10.1.0,M4.1.0/3", "2026-01-01T00:00:00Z",
		    39600 },
		{ "AEST-10AEDT,M10.1.0,M4.1.0/3", "2026-07-01T00:00:00Z",
		    36000 },
		/* Negative DST: winter is the "daylight" time. */
		{ "IST-1GMT0,M10.5.0,M3.5.0/1", "2026-01-15T12:00:00Z", 0 },
		{ "IST-1GMT0,M10.5.0,M3.5.0/1", "2026-07-15T12:00:00Z", 3600 },
		/* No DST; minutes and seconds in offsets. */
		{ "<+0530>-5:30", "2026-07-01T00:00:00Z", 19800 },
		{ "<+0545>-05:45", "2026-07-01T00:00:00Z", 20700 },
		{ "LMT-0:19:32", "2026-07-01T00:00:00Z", 1172 },
		{ "UTC0", "2026-07-01T00:00:00Z", 0 },
		/* DST without rules: the POSIX default M3.2.0,M11.1.0. */
		{ "EST5EDT", "2026-03-08T06:59:59Z", -18000 },
		{ "EST5EDT", "2026-03-08T07:00:00Z", -14400 },
		{ "EST5EDT", "2026-11-01T05:59:59Z", -14400 },
		{ "EST5EDT", "2026-11-01T06:00:00Z", -18000 },
		/* Explicit DST offset. */
		{ "<+13>-13<+14>-14,M9.5.0/3,M4.1.0/4", "2026-01-01T00:00:00Z",
		    50400 },
		/* Week 5 is the last: Saturday 31 October 2026, 02:00. */
		{ "AAA0BBB,M3.5.6,M10.5.6", "2026-10-31T00:59:59Z", 3600 },
		{ "AAA0BBB,M3.5.6,M10.5.6", "2026-10-31T01:00:00Z", 0 },
		/* ... and in a month with four of that day, the fourth. */
		{ "AAA0BBB,M3.5.6,M2.5.1", "2026-02-23T00:59:59Z", 3600 },
		{ "AAA0BBB,M3.5.6,M2.5.1", "2026-02-23T01:00:00Z", 0 },
	};
	static const char *const bad[] = {
		"", "CET", "CE-1", "CET-1CEST,M3.5.0", "CET-1CEST,M13.5.0,"
		"M10.5.0", "CET-1CEST,M3.6.0,M10.5.0", "CET-1CEST,M3.5.7,"
		"M10.5.0", "CET-1CEST,J0,J300", "CET-1CEST,366,300",
		"CET-1CEST,M3.5.0/168,M10.5.0", "CET25", "CET-1:60",
		"<+01-1", "<+1>-1", "CET-1CEST,M3.5.0,M10.5.0 ", "CET-1 ",
		"CET-1CEST,M3.5.0,M10.5.0/3x", "C\x01T-1",
	};
	unsigned char		buf[512];
	struct pool_error	err;
	struct pool_tz		*tz;
	int32_t			utoff[1] = { 0 };
	size_t			i, n;
	int64_t			tr[1] = { 0 };
	unsigned char		ix[1] = { 0 };

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		n = mk_tzif(buf, 2, 0, NULL, NULL, 1, utoff, t[i].footer);
		tz = pool_tz_parse("Test/Footer", buf, n, &err);
		CHECK(tz != NULL, "footer '%s' parses (%s)", t[i].footer,
		    tz == NULL ? err.text : "ok");
		if (tz == NULL)
			continue;
		CHECK_INT(pool_tz_offset(tz, at(t[i].utc)), t[i].off,
		    "footer '%s' at %s", t[i].footer, t[i].utc);
		pool_tz_free(tz);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		/* The empty footer is allowed; test it with a transition. */
		if (bad[i][0] == '\0') {
			n = mk_tzif(buf, 2, 1, tr, ix, 1, utoff, "");
			tz = pool_tz_parse("Test/Empty", buf, n, &err);
			CHECK(tz != NULL && pool_tz_offset(tz, 86400) == 0,
			    "empty footer accepted");
			pool_tz_free(tz);
			continue;
		}
		n = mk_tzif(buf, 2, 0, NULL, NULL, 1, utoff, bad[i]);
		pool_error_clear(&err);
		tz = pool_tz_parse("Test/Bad", buf, n, &err);
		CHECK(tz == NULL && err.code == POOL_EPARSE, "footer '%s' "
		    "refused", bad[i]);
		CHECK_STR(err.text, "invalid TZif data for time zone "
		    "'Test/Bad': bad TZ string in footer", "error text of "
		    "footer '%s'", bad[i]);
		pool_tz_free(tz);
	}
}

/*
 * UTC offsets, of a local time type or of the footer, must round to an
 * RFC 3339 offset (within +-23:59), or the zone would write offsets
 * that pool_time_parse refuses.
 */
static void
test_tz_offset_range(void)
{
	static const struct {
		int32_t		 utoff;
		const char	*footer;
		int		 ok;
		const char	*why;
	} t[] = {
		{ 0, "UTu24", 0, "in footer" },
		{ 0, "UTu-24", 0, "in footer" },
		{ 0, "AAA-23:59:30", 0, "in footer" },
		{ 0, "AAA-23:59:29", 1, NULL },
		{ 0, "<+2359>-23:59", 1, NULL },
		{ 0, "<-2359>23:59", 1, NULL },
		{ 0, "AAA-23BBB,M3.5.0,M10.5.0", 0, "in footer" },
		{ 0, "AAA-22BBB,M3.5.0,M10.5.0", 1, NULL },
		{ 0, "AAA-23BBB-22,M3.5.0,M10.5.0", 1, NULL },
		{ 86400, "", 0, "" },
		{ 86370, "", 0, "" },
		{ 86369, "", 1, NULL },
		{ -86369, "", 1, NULL },
		{ -86370, "", 1, NULL },
		{ -86371, "", 0, "" },
		{ -89999, "", 0, "" },
	};
	unsigned char		buf[512];
	char			want[160];
	struct pool_error	err;
	struct pool_tz		*tz;
	int32_t			utoff[1];
	int64_t			tr[1] = { 0 };
	unsigned char		ix[1] = { 0 };
	size_t			i, n;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		utoff[0] = t[i].utoff;
		n = mk_tzif(buf, 2, 1, tr, ix, 1, utoff, t[i].footer);
		pool_error_clear(&err);
		tz = pool_tz_parse("Test/Off", buf, n, &err);
		if (t[i].ok) {
			CHECK(tz != NULL, "offset %d, footer '%s' accepted "
			    "(%s)", (int)t[i].utoff, t[i].footer,
			    tz == NULL ? err.text : "ok");
			pool_tz_free(tz);
			continue;
		}
		snprintf(want, sizeof(want), "invalid TZif data for time "
		    "zone 'Test/Off': UTC offset not within -23:59 and "
		    "+23:59%s%s", *t[i].why ? " " : "", t[i].why);
		CHECK(tz == NULL && err.code == POOL_EPARSE, "offset %d, "
		    "footer '%s' refused", (int)t[i].utoff, t[i].footer);
		CHECK_STR(err.text, want, "error text of offset %d, footer "
		    "'%s'", (int)t[i].utoff, t[i].footer);
		pool_tz_free(tz);
	}
}

/* A version 1 file: 32-bit times, no footer. */
static void
test_tz_v1(void)
{
	unsigned char		buf[512];
	struct pool_error	err;
	struct pool_tz		*tz;
	int64_t			tr[3] = { -100000, 0, 1000000 };
	unsigned char		ix[3] = { 1, 2, 1 };
	int32_t			utoff[3] = { 1172, 3600, 7200 };
	size_t			n;
	char			fbuf[26];

	n = mk_tzif(buf, 1, 3, tr, ix, 3, utoff, NULL);
	tz = pool_tz_parse("Test/V1", buf, n, &err);
	CHECK(tz != NULL, "version 1 file parses (%s)", tz ? "ok" : err.text);
	if (tz == NULL)
		return;
	CHECK_INT(pool_tz_offset(tz, -100001), 1172, "v1: before the first "
	    "transition: type 0");
	CHECK_STR(pool_time_format(tz, -100001, fbuf),
	    "1969-12-30T20:33:19+00:20", "offset +00:19:32 shown rounded");
	CHECK_INT(pool_tz_offset(tz, -100000), 3600, "v1: at the first");
	CHECK_INT(pool_tz_offset(tz, -1), 3600, "v1: between");
	CHECK_INT(pool_tz_offset(tz, 0), 7200, "v1: second");
	CHECK_INT(pool_tz_offset(tz, 999999), 7200, "v1: before the last");
	CHECK_INT(pool_tz_offset(tz, 1000000), 3600, "v1: at the last");
	CHECK_INT(pool_tz_offset(tz, INT64_C(4000000000)), 3600,
	    "v1: long after the last");
	CHECK_STR(pool_tz_name(tz), "Test/V1", "zone name kept");
	pool_tz_free(tz);

	/* zic's "big bang" transition far in the past, then the footer. */
	tr[0] = -(INT64_C(1) << 50);
	ix[0] = 0;
	utoff[0] = 3600;
	n = mk_tzif(buf, 2, 1, tr, ix, 1, utoff, "CET-1CEST,M3.5.0,"
	    "M10.5.0/3");
	tz = pool_tz_parse("Test/BigBang", buf, n, &err);
	CHECK(tz != NULL, "big-bang transition parses");
	if (tz == NULL)
		return;
	CHECK_INT(pool_tz_offset(tz, at("1850-07-01T00:00:00Z")), 7200,
	    "rule before the precomputed years");
	CHECK_INT(pool_tz_offset(tz, at("2026-03-29T01:00:00Z")), 7200,
	    "rule in the precomputed years");
	CHECK_INT(pool_tz_offset(tz, tr[0] - 1), 3600, "type 0 before it");
	pool_tz_free(tz);
	tr[0] = -100000;
	ix[0] = 1;
	n = mk_tzif(buf, 1, 3, tr, (const unsigned char[]){ 1, 2, 1 }, 3,
	    (const int32_t[]){ 1172, 3600, 7200 }, NULL);
	tz = pool_tz_parse("Test/V1", buf, n, &err);
	if (tz == NULL)
		return;
	CHECK_INT(pool_tz_overlap_window(tz, -100000, 1000000, 0, 1440),
	    1100000, "whole-day window is the whole interval");
	pool_tz_free(tz);
}

/*
 * Two changes two hours apart (+01:00 to +03:00 and back): a gap of two
 * hours, then two hours of local time that happen twice.
 */
static void
test_tz_double(void)
{
	static const struct {
		int64_t			local;
		enum pool_local_kind	kind;
		int64_t			first, second;
	} t[] = {
		{ 1003599, POOL_LOCAL_UNIQUE, 999999, 999999 },
		{ 1003600, POOL_LOCAL_GAP, 1000000, 1000000 },
		{ 1005000, POOL_LOCAL_GAP, 1001400, 1001400 },
		{ 1010799, POOL_LOCAL_GAP, 1007199, 1007199 },
		{ 1010800, POOL_LOCAL_AMBIGUOUS, 1000000, 1007200 },
		{ 1012000, POOL_LOCAL_AMBIGUOUS, 1001200, 1008400 },
		{ 1017999, POOL_LOCAL_AMBIGUOUS, 1007199, 1014399 },
		{ 1018000, POOL_LOCAL_UNIQUE, 1014400, 1014400 },
	};
	unsigned char		 buf[512];
	struct pool_error	 err;
	struct pool_tz		*tz;
	struct pool_civil	 c;
	enum pool_local_kind	 kind;
	int64_t			 tr[2] = { 1000000, 1007200 }, x, y;
	unsigned char		 ix[2] = { 1, 0 };
	int32_t			 utoff[2] = { 3600, 10800 };
	size_t			 i, n;
	int			 yy, mm, dd;

	n = mk_tzif(buf, 2, 2, tr, ix, 2, utoff, "<+01>-1");
	tz = pool_tz_parse("Test/Double", buf, n, &err);
	CHECK(tz != NULL, "two close changes parse");
	if (tz == NULL)
		return;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		pool_time_civil_from_days(t[i].local / 86400, &yy, &mm, &dd);
		c = (struct pool_civil){ yy, mm, dd,
		    (int)(t[i].local % 86400 / 3600),
		    (int)(t[i].local % 3600 / 60), (int)(t[i].local % 60) };
		x = y = -1;
		kind = pool_tz_from_civil(tz, &c, &x, &y);
		CHECK(kind == t[i].kind && x == t[i].first &&
		    y == t[i].second, "double change: local %lld is %d "
		    "%lld %lld (got %d %lld %lld)", (long long)t[i].local,
		    t[i].kind, (long long)t[i].first, (long long)t[i].second,
		    kind, (long long)x, (long long)y);
	}
	CHECK_INT(pool_tz_overlap_window(tz, 990000, 1020000, 0, 1440),
	    30000, "double change: whole-day window");
	pool_tz_free(tz);
}

/* Write len bytes to dir/name; 0 or -1. */
static int
write_file(const char *path, const unsigned char *buf, size_t len)
{
	FILE	*f;
	int	 rc = 0;

	if ((f = fopen(path, "wb")) == NULL)
		return -1;
	if (len > 0 && fwrite(buf, 1, len, f) != len)
		rc = -1;
	if (fclose(f) == EOF)
		rc = -1;
	return rc;
}

static unsigned char *
read_fixture(const char *path, size_t *len)
{
	static unsigned char	buf[8192];
	FILE			*f;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	*len = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	return buf;
}

/* Corrupt, truncated and hostile files are refused, never read past. */
static void
test_tz_corrupt(void)
{
	/* Header: 20 isutcnt, 24 isstdcnt, 28 leapcnt, 32 timecnt, ... */
	static const struct {
		int		 hdr;		/* 1: version 1, 2: 64-bit */
		size_t		 off;		/* byte to change in it */
		unsigned char	 val;
		const char	*why;
	} patch[] = {
		{ 1, 0, 'X', "not a TZif file (bad magic)" },
		{ 1, 4, '5', "unsupported version" },
		{ 1, 4, '1', "unsupported version" },
		{ 1, 35, 0xff, "not a TZif file (bad magic)" },
		{ 1, 32, 0x80, "truncated data" },
		{ 2, 0, 'X', "not a TZif file (bad magic)" },
		{ 2, 32, 0x80, "truncated data" },
		{ 2, 35, 0xff, "truncated data" },
		{ 2, 39, 0, "bad count of local time types" },
		{ 2, 38, 1, "bad count of local time types" },
		{ 2, 43, 0, "no time zone designations" },
		{ 2, 23, 1, "bad count of standard/UT indicators" },
		{ 2, 31, 1, "leap-second tables are not supported" },
	};
	struct pool_error	 err;
	struct pool_tz		*tz;
	unsigned char		*orig, buf[8192];
	char			 dir[] = "/tmp/test_time.XXXXXX", path[256];
	size_t			 len, n, i, refused, bad_text, v1size;
	uint32_t		 seed = 12345;
	int			 fd;

	orig = read_fixture("tz/fat/Fixture/EU", &len);
	CHECK(orig != NULL && len > 1000, "read fixture tz/fat/Fixture/EU");
	if (orig == NULL)
		return;
	memcpy(buf, orig, len);

	/*
	 * The version 1 data block (before the 64-bit header) holds
	 * timecnt * 5 + typecnt * 6 + charcnt + leapcnt * 8 + isstdcnt +
	 * isutcnt bytes (all counts below 256 in the fixture).
	 */
	v1size = (size_t)orig[35] * 5 + orig[39] * 6 + orig[43] +
	    orig[31] * 8 + orig[27] + orig[23];
	CHECK(orig[32] == 0 && orig[33] == 0 && orig[34] == 0 &&
	    memcmp(orig + 44 + v1size, "TZif", 4) == 0,
	    "64-bit header found at %zu", 44 + v1size);

	/* Every proper prefix is refused with an exact reason. */
	refused = 0;
	for (n = 0; n < len; n++) {
		tz = pool_tz_parse("Fixture/EU", buf, n, &err);
		if (tz == NULL && err.code == POOL_EPARSE)
			refused++;
		pool_tz_free(tz);
	}
	CHECK_INT(refused, len, "every truncation of the fixture is refused");
	tz = pool_tz_parse("Fixture/EU", buf, len, &err);
	CHECK(tz != NULL, "the whole fixture parses");
	pool_tz_free(tz);
	tz = pool_tz_parse("Fixture/EU", buf, 43, &err);
	CHECK_STR(err.text, "invalid TZif data for time zone 'Fixture/EU': "
	    "truncated header", "text for a cut header");
	tz = pool_tz_parse("Fixture/EU", buf, 100, &err);
	CHECK_STR(err.text, "invalid TZif data for time zone 'Fixture/EU': "
	    "truncated data", "text for cut data");
	tz = pool_tz_parse("Fixture/EU", buf, len - 1, &err);
	CHECK_STR(err.text, "invalid TZif data for time zone 'Fixture/EU': "
	    "unterminated footer", "text for a cut footer");

	/* A version 2 reader does not need valid counts in the v1 header. */
	memcpy(buf, orig, len);
	memmove(buf + 44, buf + 44 + v1size, len - 44 - v1size);
	memset(buf + 20, 0, 24);
	tz = pool_tz_parse("Fixture/EU", buf, len - v1size, &err);
	CHECK(tz != NULL && pool_tz_offset(tz, at("2026-07-01T00:00:00Z")) ==
	    7200, "empty version 1 block accepted");
	pool_tz_free(tz);
	memcpy(buf, orig, len);

	/* A truncated copy on disk, loaded by name. */
	CHECK(mkdtemp(dir) != NULL, "temp dir %s", dir);
	snprintf(path, sizeof(path), "%s/Cut", dir);
	CHECK(write_file(path, buf, len / 2) == 0, "write %s", path);
	pool_error_clear(&err);
	tz = pool_tz_load("Cut", dir, &err);
	CHECK(tz == NULL && err.code == POOL_EPARSE, "truncated file refused");
	CHECK_STR(err.text, "invalid TZif data for time zone 'Cut': "
	    "truncated data", "text for a truncated file");

	/* An empty file and one over the size limit. */
	snprintf(path, sizeof(path), "%s/Empty", dir);
	CHECK(write_file(path, buf, 0) == 0, "write %s", path);
	tz = pool_tz_load("Empty", dir, &err);
	CHECK_STR(tz == NULL ? err.text : "loaded", "invalid TZif data for "
	    "time zone 'Empty': truncated header", "empty file refused");
	snprintf(path, sizeof(path), "%s/Huge", dir);
	fd = -1;
	if (write_file(path, buf, len) == 0)
		fd = truncate(path, 300 * 1024);
	CHECK(fd == 0, "make %s", path);
	pool_error_clear(&err);
	tz = pool_tz_load("Huge", dir, &err);
	CHECK(tz == NULL && err.code == POOL_ELIMIT, "oversized file refused");
	snprintf(path, sizeof(path), "%s/Huge", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/Empty", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/Cut", dir);
	unlink(path);
	rmdir(dir);

	/* Header fields out of bounds. */
	for (i = 0; i < sizeof(patch) / sizeof(patch[0]); i++) {
		memcpy(buf, orig, len);
		buf[patch[i].off + (patch[i].hdr == 2 ? 44 + v1size : 0)] =
		    patch[i].val;
		pool_error_clear(&err);
		tz = pool_tz_parse("Fixture/EU", buf, len, &err);
		CHECK(tz == NULL, "patch %zu refused", i);
		CHECK_STR(strstr(err.text, "': ") ? strstr(err.text, "': ") +
		    3 : err.text, patch[i].why, "patch %zu reason", i);
		pool_tz_free(tz);
	}

	/*
	 * Random damage: the parser never crashes and what it accepts
	 * answers queries (the sanitizer build watches the reads).
	 */
	refused = bad_text = 0;
	for (i = 0; i < 20000; i++) {
		size_t	k, nflip;

		memcpy(buf, orig, len);
		seed = seed * 1103515245 + 12345;
		nflip = 1 + (seed >> 16) % 4;
		for (k = 0; k < nflip; k++) {
			seed = seed * 1103515245 + 12345;
			n = (seed >> 8) % len;
			seed = seed * 1103515245 + 12345;
			buf[n] = (unsigned char)(seed >> 16);
		}
		seed = seed * 1103515245 + 12345;
		n = (i % 2) ? len : (seed >> 8) % (len + 1);
		pool_error_clear(&err);
		tz = pool_tz_parse("Fuzz", buf, n, &err);
		if (tz == NULL) {
			refused++;
			if (strncmp(err.text, "invalid TZif data for time "
			    "zone 'Fuzz': ", 35) != 0)
				bad_text++;
			continue;
		}
		{
			struct pool_civil	c = { 2026, 10, 25, 2, 30, 0 };
			int64_t			x, y;
			char			b[26];

			(void)pool_tz_offset(tz, 0);
			(void)pool_tz_offset(tz, INT64_C(4000000000));
			(void)pool_tz_from_civil(tz, &c, &x, &y);
			(void)pool_time_format(tz, x, b);
			(void)pool_tz_overlap_window(tz, 1792875600,
			    1792908000, 0, 360);
		}
		pool_tz_free(tz);
	}
	CHECK(refused > 1000, "random damage: %zu of 20000 refused", refused);
	CHECK_INT(bad_text, 0, "every refusal has the TZif error text");
}

static void
test_tz_names(void)
{
	static const struct {
		const char	*name;
		enum pool_errcode code;
		const char	*text;
	} t[] = {
		{ "../etc/passwd", POOL_ECONFIG,
		    "invalid time zone name '../etc/passwd'" },
		{ "Fixture/../Fixture/EU", POOL_ECONFIG,
		    "invalid time zone name 'Fixture/../Fixture/EU'" },
		{ "/etc/passwd", POOL_ECONFIG,
		    "invalid time zone name '/etc/passwd'" },
		{ ".hidden", POOL_ECONFIG, "invalid time zone name '.hidden'" },
		{ "Fixture//EU", POOL_ECONFIG,
		    "invalid time zone name 'Fixture//EU'" },
		{ "Fixture/", POOL_ECONFIG,
		    "invalid time zone name 'Fixture/'" },
		{ "", POOL_ECONFIG, "invalid time zone name ''" },
		{ "Europe/Amster dam", POOL_ECONFIG,
		    "invalid time zone name 'Europe/Amster dam'" },
		{ "Fixture/EU\n", POOL_ECONFIG,
		    "invalid time zone name 'Fixture/EU?'" },
		{ "Nowhere/Nothing", POOL_ECONFIG,
		    "unknown time zone 'Nowhere/Nothing'" },
		{ "Fixture", POOL_ECONFIG, "unknown time zone 'Fixture'" },
		{ "Fixture/EU/x", POOL_ECONFIG,
		    "unknown time zone 'Fixture/EU/x'" },
	};
	struct pool_error	 err;
	struct pool_tz		*tz;
	size_t			 i;
	char			 buf[26];

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		pool_error_clear(&err);
		tz = pool_tz_load(t[i].name, "tz/fat", &err);
		CHECK(tz == NULL && err.code == t[i].code, "zone name '%s' "
		    "refused", vis(t[i].name));
		CHECK_STR(err.text, t[i].text, "error text for '%s'",
		    vis(t[i].name));
		pool_tz_free(tz);
	}
	tz = pool_tz_load("UTC", "/nonexistent", &err);
	CHECK(tz != NULL, "UTC without a tz database");
	if (tz != NULL) {
		CHECK_STR(pool_tz_name(tz), "UTC", "UTC name");
		CHECK_INT(pool_tz_offset(tz, 1792891800), 0, "UTC offset");
		CHECK_STR(pool_time_format(tz, 1792891800, buf),
		    "2026-10-25T01:30:00+00:00", "UTC format uses +00:00");
	}
	pool_tz_free(tz);
	CHECK_STR(pool_time_format(NULL, -62135596800LL, buf),
	    "0001-01-01T00:00:00+00:00", "NULL zone is UTC");
	CHECK_STR(pool_time_format(NULL, -62135596801LL, buf),
	    "0001-01-01T00:00:00+00:00", "format clamps before year 1");
	CHECK_STR(pool_time_format(NULL, 253402300800LL, buf),
	    "9999-12-31T23:59:59+00:00", "format clamps after year 9999");
	pool_tz_free(NULL);
}

/* Extreme instants and civil fields neither overflow nor crash. */
static void
test_tz_extremes(void)
{
	static const int64_t	 ts[] = {
		INT64_MIN, INT64_MIN + 1, -(INT64_C(1) << 56), -1, 0,
		INT64_C(1) << 56, INT64_MAX - 1, INT64_MAX
	};
	struct pool_error	 err;
	struct pool_tz		*tz;
	struct pool_civil	 c;
	size_t			 i;
	int64_t			 x, y;
	char			 buf[26];
	int			 sane = 1;

	tz = pool_tz_load("Fixture/EU", "tz/slim", &err);
	CHECK(tz != NULL, "load slim Fixture/EU");
	if (tz == NULL)
		return;
	for (i = 0; i < sizeof(ts) / sizeof(ts[0]); i++) {
		int	o = pool_tz_offset(tz, ts[i]);

		if (o != 3600 && o != 7200)
			sane = 0;
		pool_tz_to_civil(tz, ts[i], &c);
		(void)pool_tz_local_day(tz, ts[i]);
		if (strlen(pool_time_format(tz, ts[i], buf)) != 25)
			sane = 0;
	}
	CHECK(sane, "extreme instants give CET/CEST and 25-byte strings");
	CHECK_INT(pool_tz_overlap_window(tz, INT64_MIN, INT64_MIN + 7200, 0,
	    360), 0, "window at the far past (clamped)");
	CHECK(pool_tz_overlap_window(tz, INT64_MIN, INT64_MAX, 0, 1440) > 0,
	    "whole-day window over all time (clamped)");
	c = (struct pool_civil){ 2026, 10, 25, 1000000, 0, 0 };
	(void)pool_tz_from_civil(tz, &c, &x, &y);
	sane = x <= y;
	c = (struct pool_civil){ 2147483647, 12, 31, 23, 59, 59 };
	(void)pool_tz_from_civil(tz, &c, &x, &y);
	sane = sane && x <= y && x > 0;
	c = (struct pool_civil){ -2147483647 - 1, 1, 1, 0, 0, 0 };
	(void)pool_tz_from_civil(tz, &c, &x, &y);
	sane = sane && x <= y && x < 0;
	CHECK(sane, "out-of-range civil fields give ordered instants");
	pool_tz_free(tz);
}

/*
 * Compare with the C library for zones of the system tz database:
 * offsets and civil times every 25 h 17 s from 1900 to 2100, the exact
 * instant of every change found, and the local-to-instant round trip.
 */
static void
test_tz_system(void)
{
	static const char *const zones[] = {
		"Europe/Amsterdam", "Europe/Dublin", "Europe/London",
		"America/New_York", "America/Sao_Paulo", "America/Santiago",
		"America/Nuuk", "Australia/Sydney", "Australia/Lord_Howe",
		"Asia/Kolkata", "Asia/Kathmandu", "Pacific/Chatham",
		"Pacific/Apia", "Africa/Casablanca", "Asia/Tehran",
	};
	struct pool_error	 err;
	struct pool_tz		*tz;
	struct tm		 tm;
	struct pool_civil	 c;
	char			 env[128];
	size_t			 i, ok_zones = 0;

	if (access("/usr/share/zoneinfo/Europe/Amsterdam", R_OK) != 0) {
		printf("# no system tz database: system zone checks skipped\n");
		return;
	}
	for (i = 0; i < sizeof(zones) / sizeof(zones[0]); i++) {
		int64_t		t, prev, lo, hi, mid, x1, x2;
		time_t		tt;
		long		bad = 0, changes = 0, samples = 0;
		int		po = 0, o;

		if ((tz = pool_tz_load(zones[i], NULL, &err)) == NULL) {
			printf("# %s: %s (skipped)\n", zones[i], err.text);
			continue;
		}
		snprintf(env, sizeof(env), ":%s", zones[i]);
		setenv("TZ", env, 1);
		tzset();
		prev = at("1900-01-01T00:00:00Z");
		for (t = prev; t < at("2100-01-01T00:00:00Z");
		    prev = t, t += 90017) {
			tt = (time_t)t;
			if (localtime_r(&tt, &tm) == NULL) {
				bad++;
				continue;
			}
			samples++;
			o = (int)tm.tm_gmtoff;
			pool_tz_to_civil(tz, t, &c);
			if (pool_tz_offset(tz, t) != o ||
			    c.year != tm.tm_year + 1900 ||
			    c.month != tm.tm_mon + 1 || c.day != tm.tm_mday ||
			    c.hour != tm.tm_hour || c.min != tm.tm_min ||
			    c.sec != tm.tm_sec) {
				if (bad++ == 0)
					printf("# %s: at %lld libc %d, "
					    "ours %d\n", zones[i],
					    (long long)t, o,
					    pool_tz_offset(tz, t));
			}
			/* Every local time read back gives the instant. */
			if (pool_tz_from_civil(tz, &c, &x1, &x2) ==
			    POOL_LOCAL_GAP || (x1 != t && x2 != t)) {
				if (bad++ == 0)
					printf("# %s: round trip at %lld\n",
					    zones[i], (long long)t);
			}
			if (t != at("1900-01-01T00:00:00Z") && o != po) {
				/* Find the change with the C library. */
				lo = prev;
				hi = t;
				while (hi - lo > 1) {
					mid = lo + (hi - lo) / 2;
					tt = (time_t)mid;
					localtime_r(&tt, &tm);
					if (tm.tm_gmtoff == po)
						lo = mid;
					else
						hi = mid;
				}
				tt = (time_t)hi;
				localtime_r(&tt, &tm);
				changes++;
				if (pool_tz_offset(tz, lo) != po ||
				    pool_tz_offset(tz, hi) != tm.tm_gmtoff) {
					if (bad++ == 0)
						printf("# %s: change at %lld\n",
						    zones[i], (long long)hi);
				}
			}
			po = o;
		}
		CHECK(bad == 0 && changes > 0, "%s agrees with the C library "
		    "(%ld samples, %ld changes, %ld differences)", zones[i],
		    samples, changes, bad);
		ok_zones++;
		pool_tz_free(tz);
	}
	unsetenv("TZ");
	tzset();
	CHECK(ok_zones >= 10, "system zones compared: %zu", ok_zones);

	if (access("/usr/share/zoneinfo/right/Europe/Amsterdam", R_OK) == 0) {
		pool_error_clear(&err);
		tz = pool_tz_load("right/Europe/Amsterdam", NULL, &err);
		CHECK(tz == NULL, "leap-second zone refused");
		CHECK_STR(err.text, "invalid TZif data for time zone "
		    "'right/Europe/Amsterdam': leap-second tables are not "
		    "supported", "leap-second zone error text");
		pool_tz_free(tz);
	}
}

/*
 * A slim file leaves to the footer rule what a fat file lists: both
 * must give the same offsets, changes and night hours everywhere.
 */
static void
test_tz_fat_slim(const char *name)
{
	struct pool_error	 err;
	struct pool_tz		*fat, *slim;
	int64_t			 t, end, prev, lo, hi, mid;
	long			 bad = 0, n = 0, changes = 0;

	fat = pool_tz_load(name, "tz/fat", &err);
	slim = pool_tz_load(name, "tz/slim", &err);
	if (fat == NULL || slim == NULL) {
		CHECK(0, "load fat and slim %s", name);
		pool_tz_free(fat);
		pool_tz_free(slim);
		return;
	}
	end = at("2300-01-01T00:00:00Z");
	prev = at("1900-01-01T00:00:00Z");
	for (t = prev; t < end; prev = t, t += 86417) {
		n++;
		if (pool_tz_offset(fat, t) != pool_tz_offset(slim, t))
			bad++;
		if (pool_tz_offset(fat, t) != pool_tz_offset(fat, prev)) {
			/* Find the change in the fat file to the second. */
			lo = prev;
			hi = t;
			while (hi - lo > 1) {
				mid = lo + (hi - lo) / 2;
				if (pool_tz_offset(fat, mid) ==
				    pool_tz_offset(fat, prev))
					lo = mid;
				else
					hi = mid;
			}
			changes++;
			if (pool_tz_offset(slim, lo) !=
			    pool_tz_offset(fat, lo) ||
			    pool_tz_offset(slim, hi) !=
			    pool_tz_offset(fat, hi))
				bad++;
		}
		if (n % 7 == 0 && pool_tz_overlap_window(fat, t, t + 86400 *
		    9, 0, 360) != pool_tz_overlap_window(slim, t, t + 86400 *
		    9, 0, 360))
			bad++;
	}
	CHECK(bad == 0 && changes > 400, "fat and slim %s agree 1900-2300 "
	    "(%ld samples, %ld changes, %ld differences)", name, n, changes,
	    bad);
	pool_tz_free(fat);
	pool_tz_free(slim);
}

static void
test_tz(void)
{
	static const struct {
		const char	*dir, *name, *label;
		int		 south;
	} src[] = {
		{ "tz/fat", "Fixture/EU", "fat Fixture/EU", 0 },
		{ "tz/slim", "Fixture/EU", "slim Fixture/EU", 0 },
		{ "tz/fat", "Fixture/South", "fat Fixture/South", 1 },
		{ "tz/slim", "Fixture/South", "slim Fixture/South", 1 },
		{ NULL, "Europe/Amsterdam", "system Europe/Amsterdam", 0 },
	};
	struct pool_error	 err;
	struct pool_tz		*tz, *utc;
	size_t			 i;

	for (i = 0; i < sizeof(src) / sizeof(src[0]); i++) {
		if (src[i].dir == NULL && access("/usr/share/zoneinfo/"
		    "Europe/Amsterdam", R_OK) != 0) {
			printf("# no system tz database: %s skipped\n",
			    src[i].label);
			continue;
		}
		tz = pool_tz_load(src[i].name, src[i].dir, &err);
		CHECK(tz != NULL, "load %s (%s)", src[i].label,
		    tz == NULL ? err.text : "ok");
		if (tz == NULL)
			continue;
		CHECK_STR(pool_tz_name(tz), src[i].name, "name of %s",
		    src[i].label);
		if (src[i].south)
			test_tz_south(tz, src[i].label);
		else
			test_tz_eu(tz, src[i].label);
		pool_tz_free(tz);
	}

	/* Several zones at once, without the environment. */
	tz = pool_tz_load("Fixture/South", "tz/slim", &err);
	utc = pool_tz_load("UTC", NULL, &err);
	if (tz != NULL && utc != NULL) {
		char	a[26], b[26];

		pool_time_format(tz, 1792891800, a);
		pool_time_format(utc, 1792891800, b);
		CHECK(strcmp(a, "2026-10-25T12:30:00+11:00") == 0 &&
		    strcmp(b, "2026-10-25T01:30:00+00:00") == 0,
		    "two zones side by side: %s, %s", a, b);
	} else
		CHECK(0, "load two zones");
	pool_tz_free(tz);
	pool_tz_free(utc);

	test_tz_fat_slim("Fixture/EU");
	test_tz_fat_slim("Fixture/South");
	test_tz_footer();
	test_tz_offset_range();
	test_tz_v1();
	test_tz_double();
	test_tz_corrupt();
	test_tz_names();
	test_tz_extremes();
	test_tz_system();
}

int
main(void)
{
	test_civil();
	test_iso_week_parse();
	test_parse();
	test_parse_date();
	test_parse_local();
	test_parse_hhmm();
	test_tz();
	return test_done();
}
