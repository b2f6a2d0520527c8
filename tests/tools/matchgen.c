/*
 * matchgen: write a deterministic pool of realistic shape as NDJSON,
 * for the pool-match tests and benchmark.
 *
 *	matchgen [-a days] [-d days] [-o orgs] [-s date] workers shifts
 *	    weeks seed
 *
 * -a: every worker is available on this many days a week (whole local
 * days, drawn per week), instead of a quarter of them on a few days;
 * -d: the planning window is this many days instead of weeks x 7;
 * -o: this many organisations instead of one per 500 shifts (at least
 * 3); -s: the window starts on this date instead of Monday 2026-11-23
 * (e.g. 2027-03-20 or 2026-10-17 to span a clock change).
 *
 * Shaped after elderly care (as testdata/elderly-care): organisations
 * of about 500 shifts a quarter with a few units each; early, late, day and
 * night shifts; roles helpende < vig < mbo-v < hbo-v (a pool.yaml that
 * lets higher levels cover lower ones goes with it, see
 * tests/bench/match.sh); some covid-cohort shifts with dedicated
 * workers; workers who prefer, avoid or only take nights; availability
 * windows for some workers, absences for others; signups; and
 * confirmed history in the two weeks before the planning window, which
 * starts on Monday 2026-11-23 in Europe/Amsterdam.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pool.h"
#include "pool_time.h"

static uint64_t rng_state;

static uint64_t
rnd(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static long
rn(long n)
{
	return (long)(rnd() % (uint64_t)n);
}

static double
ru(void)
{
	return (double)(rnd() >> 11) / 9007199254740992.0;
}

static const char *const roles[] = { "helpende", "vig", "mbo-v", "hbo-v" };
static const int role_pct[] = { 25, 45, 20, 10 };

struct stype {
	const char	*name;
	int		 start, len, brk;	/* minutes */
};

static const struct stype stypes[] = {
	{ "early",	7 * 60,		8 * 60,		30 },
	{ "late",	15 * 60,	8 * 60,		30 },
	{ "day",	8 * 60 + 30,	8 * 60 + 30,	30 },
	{ "night",	23 * 60,	8 * 60 + 15,	0 },
	{ "short",	17 * 60,	4 * 60,		0 },
};

static struct pool_tz *tz;

static int64_t
local(int64_t day, int min)
{
	struct pool_civil	c;
	int64_t			t, t2;

	memset(&c, 0, sizeof(c));
	day += min / 1440;
	min %= 1440;
	pool_time_civil_from_days(day, &c.year, &c.month, &c.day);
	c.hour = min / 60;
	c.min = min % 60;
	pool_tz_from_civil(tz, &c, &t, &t2);
	return t;
}

static long
pick_role(void)
{
	long	r = rn(100), i, acc = 0;

	for (i = 0; i < 4; i++)
		if (r < (acc += role_pct[i]))
			return i;
	return 3;
}

int
main(int argc, char *argv[])
{
	long		 nw, ns, weeks, norg, i, j, o, r, nwin, days;
	long		 opt_a = 0, opt_d = 0, opt_o = 0;
	int		 ch, y = 2026, mo = 11, dd = 23;
	int64_t		 day0, d, st, en;
	char		 b1[26], b2[26];
	double		*olat, *olon;
	struct pool_error err;

	while ((ch = getopt(argc, argv, "a:d:o:s:")) != -1)
		switch (ch) {
		case 'a':
			opt_a = atol(optarg);
			break;
		case 'd':
			opt_d = atol(optarg);
			break;
		case 'o':
			opt_o = atol(optarg);
			break;
		case 's':
			if (sscanf(optarg, "%d-%d-%d", &y, &mo, &dd) != 3)
				goto usage;
			break;
		default:
			goto usage;
		}
	argc -= optind - 1;
	argv += optind - 1;
	if (argc != 5) {
usage:
		fprintf(stderr, "usage: matchgen [-a days] [-d days] [-o orgs] "
		    "[-s date] workers shifts weeks seed\n");
		return 2;
	}
	nw = atol(argv[1]);
	ns = atol(argv[2]);
	weeks = atol(argv[3]);
	rng_state = strtoull(argv[4], NULL, 10) * 7919 + 1;
	days = opt_d > 0 ? opt_d : weeks * 7;
	if (opt_d > 0)
		weeks = (days + 6) / 7;
	if (nw < 1 || ns < 1 || weeks < 1 || opt_a < 0 || opt_a > 7) {
		fprintf(stderr, "matchgen: bad arguments\n");
		return 2;
	}
	if ((tz = pool_tz_load("Europe/Amsterdam", NULL, &err)) == NULL) {
		fprintf(stderr, "matchgen: %s\n", err.text);
		return 1;
	}
	day0 = pool_time_days_from_civil(y, mo, dd);
	norg = ns / 500 + 1;
	if (norg < 3)
		norg = 3;
	if (opt_o > 0)
		norg = opt_o;
	olat = calloc(norg, sizeof(double));
	olon = calloc(norg, sizeof(double));
	for (o = 0; o < norg; o++) {
		/* organisations in regions of about 40 km */
		long region = o / 8;
		double rlat = 51.5 + (region % 7) * 0.25;
		double rlon = 4.3 + (region / 7 % 9) * 0.33;
		olat[o] = rlat + ru() * 0.3;
		olon[o] = rlon + ru() * 0.45;
		printf("{\"type\":\"org\",\"id\":\"o%04ld\",\"weight\":%ld}\n",
		    o, 1 + rn(10));
	}
	for (i = 0; i < nw; i++) {
		long home = rn(norg), role = pick_role(), nights = rn(100);
		double dlat, dlon;
		printf("{\"type\":\"worker\",\"id\":\"w%06ld\",\"roles\":[\"%s\"]",
		    i, roles[role]);
		if (rn(10) < 7)
			printf(",\"org\":\"o%04ld\"", home);
		printf(",\"skills\":[%s]", rn(3) == 0 ? "\"covid\"" : "");
		/* One draw per statement: the order of evaluation of
		 * function arguments is unspecified in C. */
		dlon = (ru() - 0.5) * 0.3;
		dlat = (ru() - 0.5) * 0.2;
		printf(",\"location\":{\"lat\":%.4f,\"lon\":%.4f}",
		    olat[home] + dlat, olon[home] + dlon);
		printf(",\"max_travel_km\":%ld", 20 + rn(40));
		printf(",\"contract_hours\":%ld", 16 + 4 * rn(6));
		printf(",\"nights\":\"%s\"", nights < 60 ? "any" :
		    nights < 75 ? "avoid" : nights < 85 ? "prefer" :
		    nights < 95 ? "never" : "only");
		if (rn(25) == 0)
			printf(",\"dedicated\":[\"covid\"]");
		if (rn(40) == 0)
			printf(",\"night_exempt\":true");
		if (rn(30) == 0) {
			char db[11];
			printf(",\"valid_until\":\"%s\"",
			    pool_time_format_date(day0 + rn(days), db));
		}
		printf("}\n");
		/* availability: -a days a week for all, or whole days, a
		 * few a week, for some */
		if (opt_a > 0) {
			for (j = 0; j < weeks; j++) {
				int on[7] = { 0 }, k, c;
				for (c = 0; c < opt_a; ) {
					k = (int)rn(7);
					if (!on[k]) {
						on[k] = 1;
						c++;
					}
				}
				for (k = 0; k < 7; k++) {
					if (!on[k] || j * 7 + k >= days)
						continue;
					d = day0 + j * 7 + k;
					printf("{\"type\":\"availability\","
					    "\"worker\":\"w%06ld\",\"start\":"
					    "\"%s\",\"end\":\"%s\"}\n", i,
					    pool_time_format(tz, local(d, 0), b1),
					    pool_time_format(tz, local(d + 1, 0),
					    b2));
				}
			}
		} else if (rn(4) == 0) {
			nwin = weeks * 4;
			for (j = 0; j < nwin; j++) {
				d = day0 - 1 + rn(days + 1);
				st = local(d, 0);
				en = local(d + 1 + rn(2), 0);
				printf("{\"type\":\"availability\",\"worker\":"
				    "\"w%06ld\",\"start\":\"%s\",\"end\":\"%s\"}\n",
				    i, pool_time_format(tz, st, b1),
				    pool_time_format(tz, en, b2));
			}
		}
		if (rn(15) == 0) {
			d = day0 + rn(days);
			printf("{\"type\":\"absence\",\"worker\":\"w%06ld\","
			    "\"start\":\"%s\",\"end\":\"%s\"}\n", i,
			    pool_time_format(tz, local(d, 0), b1),
			    pool_time_format(tz, local(d + 3 + rn(10), 0), b2));
		}
		/* confirmed history: a few early shifts before the window */
		if (rn(3) == 0)
			for (j = 0; j < 3; j++) {
				d = day0 - 14 + 2 * j + rn(2);
				printf("{\"type\":\"shift\",\"id\":\"h%06ld-%ld\","
				    "\"org\":\"o%04ld\",\"role\":\"%s\","
				    "\"start\":\"%s\",\"end\":\"%s\","
				    "\"break_minutes\":30}\n", i, j, home,
				    roles[role],
				    pool_time_format(tz, local(d, 420), b1),
				    pool_time_format(tz, local(d, 900), b2));
				printf("{\"type\":\"assignment\",\"shift\":"
				    "\"h%06ld-%ld\",\"worker\":\"w%06ld\","
				    "\"status\":\"confirmed\"}\n", i, j, i);
			}
	}
	for (i = 0; i < ns; i++) {
		long org = rn(norg), t = rn(100), pr = rn(100);
		const struct stype *sy = &stypes[t < 30 ? 0 : t < 55 ? 1 :
		    t < 70 ? 2 : t < 92 ? 3 : 4];
		int covid = rn(20) == 0;

		d = day0 + rn(days);
		st = local(d, sy->start);
		en = st + (int64_t)sy->len * 60;
		r = pick_role();
		printf("{\"type\":\"shift\",\"id\":\"s%07ld\",\"org\":"
		    "\"o%04ld\",\"role\":\"%s\",\"unit\":\"u%ld\","
		    "\"start\":\"%s\",\"end\":\"%s\"", i, org, roles[r],
		    rn(6), pool_time_format(tz, st, b1),
		    pool_time_format(tz, en, b2));
		if (covid)
			printf(",\"skills\":[\"covid\"],\"tags\":[\"covid\"]");
		printf(",\"priority\":%d", pr < 10 ? 1 : pr < 30 ? 2 :
		    pr < 70 ? 3 : pr < 90 ? 4 : 5);
		printf(",\"location\":{\"lat\":%.4f,\"lon\":%.4f}",
		    olat[org], olon[org]);
		if (sy->brk)
			printf(",\"break_minutes\":%d", sy->brk);
		printf("}\n");
		if (rn(10) == 0)
			printf("{\"type\":\"signup\",\"worker\":\"w%06ld\","
			    "\"shift\":\"s%07ld\"}\n", rn(nw), i);
	}
	free(olat);
	free(olon);
	pool_tz_free(tz);
	return ferror(stdout) ? 1 : 0;
}
