/*
 * Unit tests of lib/time.c: civil dates, ISO weeks, RFC 3339 parsing.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool_time.h"
#include "test.h"

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
		{ "0000-W01", NULL, "invalid ISO week '0000-W01': year 0 out of "
		    "range" },
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
		{ "0001-01-01T00:00:00Z", -62135596800LL, 0, NULL },
		{ "9999-12-31T23:59:59Z", 253402300799LL, 0, NULL },
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
			CHECK(rc == 0, "parse '%s' ok (%s)", t[i].in, err.text);
			CHECK_INT(v, t[i].t, "instant of '%s'", t[i].in);
			CHECK_INT(off, t[i].off, "offset of '%s'", t[i].in);
		} else {
			CHECK(rc == -1 && err.code == POOL_EPARSE,
			    "parse '%s' fails", t[i].in);
			CHECK_STR(err.text, t[i].err, "error text of '%s'",
			    t[i].in);
			CHECK_INT(v, -12345, "no instant stored for '%s'",
			    t[i].in);
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

int
main(void)
{
	test_civil();
	test_iso_week_parse();
	test_parse();
	test_parse_date();
	test_parse_local();
	test_parse_hhmm();
	return test_done();
}
