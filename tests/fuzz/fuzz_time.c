/*
 * Fuzz the time parsers (lib/time.c).  The first byte picks the parser:
 * RFC 3339 date-time, date, local date-time, hh:mm, ISO week, or a
 * TZif file (the zone reader of the tz database); the rest is the text
 * or the file.  What parses must survive a round trip through the
 * matching formatter; what does not must give a well-formed error.  A
 * zone that loads is asked for offsets and local times around its
 * transitions: a local time it calls unique must convert back to
 * itself.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "pool_time.h"

#include "fuzz.h"

static void
check_day(int64_t days)
{
	char	buf[11], wk[9];
	int64_t	back, monday;
	int	y, m, d, iy, w;

	pool_time_civil_from_days(days, &y, &m, &d);
	FUZZ_ASSERT(pool_time_days_from_civil(y, m, d) == days);
	FUZZ_ASSERT(pool_time_weekday(days) >= 1 &&
	    pool_time_weekday(days) <= 7);
	if (y >= 1 && y <= 9999) {
		FUZZ_ASSERT(pool_time_valid_date(y, m, d));
		pool_time_format_date(days, buf);
		FUZZ_ASSERT(pool_time_parse_date(buf, &back, NULL) == 0);
		FUZZ_ASSERT(back == days);
	}
	pool_time_iso_week(days, &iy, &w);
	FUZZ_ASSERT(w >= 1 && w <= pool_time_iso_weeks_in_year(iy));
	pool_time_format_iso_week(days, wk);
	if (iy >= 1 && iy <= 9999) {
		FUZZ_ASSERT(pool_time_parse_iso_week(wk, &monday, NULL) == 0);
		FUZZ_ASSERT(monday <= days && days < monday + 7);
		FUZZ_ASSERT(pool_time_weekday(monday) == 1);
	}
}

/* Exercise a zone at instant t. */
static void
check_zone(const struct pool_tz *tz, int64_t t)
{
	struct pool_civil	c, back;
	char			buf[26];
	int64_t			t1, t2, parsed;
	int			off;

	off = pool_tz_offset(tz, t);
	FUZZ_ASSERT(off > -7 * 86400 && off < 7 * 86400);
	pool_tz_to_civil(tz, t, &c);
	FUZZ_ASSERT(c.month >= 1 && c.month <= 12 && c.day >= 1 &&
	    c.day <= 31 && c.hour >= 0 && c.hour <= 23 && c.min >= 0 &&
	    c.min <= 59 && c.sec >= 0 && c.sec <= 59);
	switch (pool_tz_from_civil(tz, &c, &t1, &t2)) {
	case POOL_LOCAL_UNIQUE:
		pool_tz_to_civil(tz, t1, &back);
		FUZZ_ASSERT(back.year == c.year && back.month == c.month &&
		    back.day == c.day && back.hour == c.hour &&
		    back.min == c.min && back.sec == c.sec);
		break;
	case POOL_LOCAL_AMBIGUOUS:
		FUZZ_ASSERT(t1 < t2);
		break;
	case POOL_LOCAL_GAP:
		break;
	}
	pool_time_format(tz, t, buf);
	FUZZ_ASSERT(strlen(buf) == 25);
	/* Whole-minute offsets within years 2-9998 format exactly. */
	if (off % 60 == 0 && c.year >= 2 && c.year <= 9998) {
		FUZZ_ASSERT(pool_time_parse(buf, &parsed, NULL, NULL) == 0);
		FUZZ_ASSERT(parsed == t);
	}
	(void)pool_tz_local_day(tz, t);
	(void)pool_tz_overlap_window(tz, t, t + 86400 * 3, 0, 360);
	(void)pool_tz_overlap_window(tz, t, t + 86400, 1320, 420);
}

static void
fuzz_tzif(const uint8_t *data, size_t size)
{
	static const int64_t	 probes[] = {
		-2208988800LL,	/* 1900 */
		0,
		1774746000LL,	/* 2026-03-29T01:00:00Z, spring forward */
		1792890000LL,	/* 2026-10-25T01:00:00Z, fall back */
		1792893599LL,
		4102444800LL,	/* 2100, beyond most transition tables */
		253402300799LL	/* 9999-12-31T23:59:59Z */
	};
	struct pool_error	 err;
	struct pool_tz		*tz;
	size_t			 i;

	pool_error_clear(&err);
	if ((tz = pool_tz_parse("Fuzz/Zone", data, size, &err)) == NULL) {
		fuzz_check_error(&err);
		return;
	}
	FUZZ_ASSERT(strcmp(pool_tz_name(tz), "Fuzz/Zone") == 0);
	for (i = 0; i < sizeof(probes) / sizeof(probes[0]); i++) {
		check_zone(tz, probes[i]);
		check_zone(tz, probes[i] + 3600);
	}
	pool_tz_free(tz);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pool_error	 err;
	struct pool_civil	 c, c2;
	char			 buf[26], *s;
	int64_t			 t, back, days;
	int			 off, off2, mode, min;

	if (size == 0)
		return 0;
	if (data[0] % 6 == 5) {
		fuzz_tzif(data + 1, size - 1);
		return 0;
	}
	if (size > 256)
		return 0;
	mode = data[0] % 6;
	s = fuzz_string(data + 1, size - 1);
	pool_error_clear(&err);
	switch (mode) {
	case 0:
		if (pool_time_parse(s, &t, &off, &err) == -1)
			break;
		FUZZ_ASSERT(off > -24 * 60 && off < 24 * 60);
		pool_time_format(NULL, t, buf);
		FUZZ_ASSERT(strlen(buf) == 25);
		/* The formatter clamps to years 0001-9999 in UTC. */
		if (t >= -62135596800LL && t <= 253402300799LL) {
			FUZZ_ASSERT(pool_time_parse(buf, &back, &off2,
			    NULL) == 0);
			FUZZ_ASSERT(back == t && off2 == 0);
		}
		check_day(pool_tz_local_day(NULL, t));
		break;
	case 1:
		if (pool_time_parse_date(s, &days, &err) == -1)
			break;
		pool_time_format_date(days, buf);
		FUZZ_ASSERT(strcmp(buf, s) == 0);
		check_day(days);
		break;
	case 2:
		if (pool_time_parse_local(s, &c, &err) == -1)
			break;
		FUZZ_ASSERT(pool_time_valid_date(c.year, c.month, c.day));
		FUZZ_ASSERT(c.hour >= 0 && c.hour <= 23);
		FUZZ_ASSERT(c.min >= 0 && c.min <= 59);
		FUZZ_ASSERT(c.sec >= 0 && c.sec <= 59);
		FUZZ_ASSERT(pool_tz_from_civil(NULL, &c, &t, NULL) ==
		    POOL_LOCAL_UNIQUE);
		pool_tz_to_civil(NULL, t, &c2);
		FUZZ_ASSERT(c2.year == c.year && c2.month == c.month &&
		    c2.day == c.day && c2.hour == c.hour && c2.min == c.min &&
		    c2.sec == c.sec);
		check_day(pool_time_days_from_civil(c.year, c.month, c.day));
		break;
	case 3:
		if (pool_time_parse_hhmm(s, &min, &err) == -1)
			break;
		FUZZ_ASSERT(min >= 0 && min <= 1440);
		break;
	case 4:
		if (pool_time_parse_iso_week(s, &days, &err) == -1)
			break;
		FUZZ_ASSERT(pool_time_weekday(days) == 1);
		pool_time_format_iso_week(days, buf);
		FUZZ_ASSERT(strcmp(buf, s) == 0);
		check_day(days);
		break;
	}
	if (err.code != POOL_EOK)
		fuzz_check_error(&err);
	free(s);
	return 0;
}
