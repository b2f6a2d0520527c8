/*
 * Fuzz the time parsers (lib/time.c).  The first byte picks the parser:
 * RFC 3339 date-time, date, local date-time, hh:mm, ISO week; the rest
 * is the text.  What parses must survive a round trip through the
 * matching formatter; what does not must give a well-formed error.
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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pool_error	 err;
	struct pool_civil	 c, c2;
	char			 buf[26], *s;
	int64_t			 t, back, days;
	int			 off, off2, mode, min;

	if (size == 0 || size > 256)
		return 0;
	mode = data[0] % 5;
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
