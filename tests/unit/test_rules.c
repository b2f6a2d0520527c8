/*
 * Unit tests of lib/rules.c: one case per rule in which only that rule
 * blocks, with the exact detail text; shortened rests; history before
 * the window; DST; assign/unassign; the audit.  Every case also
 * proves that the shared facts of pool_int.h (night, week, the worker's
 * own rules) say what the rule engine says.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool.h"
#include "pool_config.h"
#include "pool_int.h"
#include "pool_record.h"
#include "pool_rules.h"
#include "pool_time.h"
#include "test.h"

#define W(extra) "{\"type\":\"worker\",\"id\":\"w\",\"roles\":[\"vig\"]" extra "}"
#define S(id, a, b, extra) "{\"type\":\"shift\",\"id\":\"" id "\",\"org\":\"o\"," \
	"\"role\":\"vig\",\"start\":\"" a "\",\"end\":\"" b "\"" extra "}"
#define A(id) "{\"type\":\"assignment\",\"shift\":\"" id "\",\"worker\":\"w\"," \
	"\"status\":\"confirmed\"}"
/* Monday 2026-11-23, CET */
#define D(day, hm) "2026-11-" day "T" hm ":00+01:00"

struct tcase {
	const char	*name;
	const char	*rec[40];
	const char	*shift;		/* checked for worker "w" */
	const char	*rule;		/* NULL = feasible */
	const char	*detail;
};

/* Five early shifts Mon-Fri of the week of 2026-11-23. */
#define WEEK5 S("e1", D("23", "07:00"), D("23", "15:00"), ""), A("e1"), \
	S("e2", D("24", "07:00"), D("24", "15:00"), ""), A("e2"), \
	S("e3", D("25", "07:00"), D("25", "15:00"), ""), A("e3"), \
	S("e4", D("26", "07:00"), D("26", "15:00"), ""), A("e4"), \
	S("e5", D("27", "07:00"), D("27", "15:00"), ""), A("e5")

static const struct tcase cases[] = {
	{ "feasible", { W(""), S("x", D("23", "07:00"), D("23", "15:00"), "") },
	    "x", NULL, NULL },
	{ "role", { "{\"type\":\"worker\",\"id\":\"w\",\"roles\":"
	    "[\"helpende\"]}", S("x", D("23", "07:00"), D("23", "15:00"), "") },
	    "x", "role", "role 'vig' not held or covered" },
	{ "skills", { W(""), S("x", D("23", "07:00"), D("23", "15:00"),
	    ",\"skills\":[\"covid\"]") }, "x", "skills",
	    "skill 'covid' missing" },
	{ "validity", { W(",\"valid_until\":\"2026-11-22\""),
	    S("x", D("23", "07:00"), D("23", "15:00"), "") }, "x", "validity",
	    "shift day 2026-11-23 outside the worker's validity" },
	{ "dedicated", { W(",\"dedicated\":[\"covid\"]"),
	    S("x", D("23", "07:00"), D("23", "15:00"), "") }, "x", "dedicated",
	    "dedicated to 'covid', shift not tagged so" },
	{ "dedicated-ok", { W(",\"dedicated\":[\"covid\"]"),
	    S("x", D("23", "07:00"), D("23", "15:00"), ",\"tags\":[\"covid\"]") },
	    "x", NULL, NULL },
	{ "night-exempt", { W(",\"night_exempt\":true"),
	    S("x", D("23", "23:00"), D("24", "07:00"), "") }, "x",
	    "night-exempt", "night shift, worker exempt from nights" },
	{ "nights-never", { W(",\"nights\":\"never\""),
	    S("x", D("23", "23:00"), D("24", "07:00"), "") }, "x", "nights",
	    "night shift, worker takes no nights" },
	{ "nights-only", { W(",\"nights\":\"only\""),
	    S("x", D("23", "07:00"), D("23", "15:00"), "") }, "x", "nights",
	    "day shift, worker takes only nights" },
	{ "not-a-night", { W(",\"nights\":\"never\""),
	    S("x", D("23", "17:00"), D("24", "01:00"), "") }, "x", NULL, NULL },
	{ "travel", { W(",\"location\":{\"lat\":52.0,\"lon\":5.0},"
	    "\"max_travel_km\":10"), S("x", D("23", "07:00"), D("23", "15:00"),
	    ",\"location\":{\"lat\":52.2,\"lon\":5.0}") }, "x", "travel",
	    "distance 22.2 km > 10 km" },
	{ "availability", { W(""), "{\"type\":\"availability\",\"worker\":\"w\","
	    "\"start\":\"" D("23", "06:00") "\",\"end\":\"" D("23", "12:00") "\"}",
	    S("x", D("23", "07:00"), D("23", "15:00"), "") }, "x",
	    "availability", "not available for the whole shift" },
	{ "availability-touching", { W(""), "{\"type\":\"availability\","
	    "\"worker\":\"w\",\"start\":\"" D("23", "06:00") "\",\"end\":\""
	    D("23", "12:00") "\"}", "{\"type\":\"availability\",\"worker\":\"w\","
	    "\"start\":\"" D("23", "12:00") "\",\"end\":\"" D("23", "16:00") "\"}",
	    S("x", D("23", "07:00"), D("23", "15:00"), "") }, "x", NULL, NULL },
	{ "absence", { W(""), "{\"type\":\"absence\",\"worker\":\"w\","
	    "\"start\":\"" D("23", "14:00") "\",\"end\":\"" D("25", "00:00") "\"}",
	    S("x", D("23", "07:00"), D("23", "15:00"), "") }, "x", "absence",
	    "absent during the shift" },
	{ "shift-max", { W(""), S("x", D("23", "07:00"), D("23", "20:00"), "") },
	    "x", "shift-max", "shift 13 h > 12 h" },
	{ "shift-max-break", { W(""), S("x", D("23", "07:00"), D("23", "19:45"),
	    ",\"break_minutes\":45") }, "x", NULL, NULL },
	{ "night-shift-max", { W(""), S("x", D("23", "19:00"), D("24", "07:30"),
	    "") }, "x", "night-shift-max", "night shift 12.5 h > 12 h" },
	{ "overlap", { W(""), S("a", D("23", "07:00"), D("23", "15:00"), ""),
	    A("a"), S("x", D("23", "14:00"), D("23", "22:00"), "") }, "x",
	    "overlap", "overlaps shift 'a'" },
	{ "rest-daily", { W(""), S("a", D("23", "07:00"), D("23", "15:00"), ""),
	    A("a"), S("x", D("23", "22:30"), D("24", "06:00"), "") }, "x",
	    "rest-daily", "rest 7.5 h < 11 h" },
	{ "rest-daily-shortened", { W(""), S("a", D("23", "07:00"),
	    D("23", "11:00"), ""), A("a"), S("x", D("23", "19:00"),
	    D("23", "23:00"), "") }, "x", NULL, NULL },
	{ "rest-daily-shortened-twice", { W(""), S("a", D("23", "07:00"),
	    D("23", "11:00"), ""), A("a"), S("b", D("23", "19:00"),
	    D("23", "23:00"), ""), A("b"), S("c", D("25", "07:00"),
	    D("25", "11:00"), ""), A("c"), S("x", D("25", "19:00"),
	    D("25", "23:00"), "") }, "x", "rest-daily",
	    "rest 8 h < 11 h, shortened rest already taken within 168 h" },
	{ "shift-max-combined", { W(""), S("a", D("23", "07:00"),
	    D("23", "12:00"), ""), A("a"), S("x", D("23", "12:30"),
	    D("23", "20:30"), "") }, "x", "shift-max",
	    "shifts 13 h without daily rest between > 12 h" },
	/* 8 h is the shortened daily rest: two shifts, not one of 13 h */
	{ "shift-split-by-short-rest", { W(""), S("a", D("23", "07:00"),
	    D("23", "13:00"), ""), A("a"), S("x", D("23", "21:00"),
	    D("24", "04:00"), "") }, "x", NULL, NULL },
	{ "rest-after-night-shortened-twice", { W(""),
	    S("n0", "2026-11-21T23:00:00+01:00", D("22", "07:00"), ""), A("n0"),
	    S("b", D("22", "16:00"), D("22", "20:00"), ""), A("b"),
	    S("n", D("23", "23:00"), D("24", "07:00"), ""), A("n"),
	    S("x", D("24", "16:00"), D("24", "20:00"), "") }, "x",
	    "rest-after-night", "rest 9 h < 14 h, shortened rest already "
	    "taken within 168 h" },
	{ "rest-after-late-night", { W(""), S("n", D("23", "23:00"),
	    D("24", "07:00"), ""), A("n"), S("x", D("24", "19:00"),
	    D("24", "23:00"), "") }, "x", NULL, NULL },
	{ "rest-after-late-night-short", { W(""), S("n", D("23", "23:00"),
	    D("24", "07:00"), ""), A("n"), S("x", D("24", "14:00"),
	    D("24", "18:00"), "") }, "x", "rest-after-night",
	    "rest 7 h < 14 h" },
	{ "rest-after-series", { W(""),
	    S("n1", D("23", "23:00"), D("24", "07:00"), ""), A("n1"),
	    S("n2", D("24", "23:00"), D("25", "07:00"), ""), A("n2"),
	    S("n3", D("25", "23:00"), D("26", "07:00"), ""), A("n3"),
	    S("x", D("27", "07:00"), D("27", "15:00"), "") }, "x",
	    "rest-after-night-series", "rest 24 h < 46 h after 3 nights" },
	{ "series-continues", { W(""),
	    S("n1", D("23", "23:00"), D("24", "07:00"), ""), A("n1"),
	    S("n2", D("24", "23:00"), D("25", "07:00"), ""), A("n2"),
	    S("n3", D("25", "23:00"), D("26", "07:00"), ""), A("n3"),
	    S("x", D("26", "23:00"), D("27", "07:00"), "") }, "x", NULL, NULL },
	{ "series-extended-before", { W(""),
	    S("n2", D("24", "23:00"), D("25", "07:00"), ""), A("n2"),
	    S("n3", D("25", "23:00"), D("26", "07:00"), ""), A("n3"),
	    S("d", D("27", "15:00"), D("27", "23:00"), ""), A("d"),
	    S("x", D("23", "23:00"), D("24", "07:00"), "") }, "x",
	    "rest-after-night-series", "rest 32 h < 46 h after 3 nights" },
	{ "week-max", { W(""),
	    S("a", D("23", "07:00"), D("23", "19:00"), ""), A("a"),
	    S("b", D("24", "07:00"), D("24", "19:00"), ""), A("b"),
	    S("c", D("25", "07:00"), D("25", "19:00"), ""), A("c"),
	    S("d", D("26", "07:00"), D("26", "19:00"), ""), A("d"),
	    S("e", D("27", "07:00"), D("27", "19:00"), ""), A("e"),
	    S("x", D("28", "07:00"), D("28", "09:00"), "") }, "x",
	    "week-max", "week 62 h > 60 h" },
	{ "worker-max-hours", { W(",\"max_hours_week\":40"), WEEK5,
	    S("x", D("28", "07:00"), D("28", "09:00"), "") }, "x",
	    "worker-max-hours", "week 42 h > worker maximum 40 h" },
	{ "consecutive-shifts", { W(""),
	    S("a", D("23", "07:00"), D("23", "15:00"), ""), A("a"),
	    S("b", D("24", "07:00"), D("24", "15:00"), ""), A("b"),
	    S("c", D("25", "07:00"), D("25", "15:00"), ""), A("c"),
	    S("d", D("26", "07:00"), D("26", "15:00"), ""), A("d"),
	    S("e", D("27", "07:00"), D("27", "15:00"), ""), A("e"),
	    S("f", D("28", "07:00"), D("28", "15:00"), ""), A("f"),
	    S("g", D("29", "07:00"), D("29", "15:00"), ""), A("g"),
	    S("x", "2026-11-30T23:00:00+01:00", "2026-12-01T07:00:00+01:00",
	    "") }, "x", "consecutive-shifts",
	    "8 shifts in a row with a night > 7" },
	/* the week from 22 Nov has only a 33 h rest, but with the 40 h
	 * rest of the next week the pair holds 73 h: until x takes it */
	{ "weekly-rest", { W(""),
	    S("d1122", "2026-11-22T07:00:00+01:00", "2026-11-22T15:00:00+01:00", ""),
	    A("d1122"),
	    S("d1123", "2026-11-23T07:00:00+01:00", "2026-11-23T15:00:00+01:00", ""),
	    A("d1123"),
	    S("d1124", "2026-11-24T07:00:00+01:00", "2026-11-24T15:00:00+01:00", ""),
	    A("d1124"),
	    S("d1125", "2026-11-25T07:00:00+01:00", "2026-11-25T15:00:00+01:00", ""),
	    A("d1125"),
	    S("d1126", "2026-11-26T07:00:00+01:00", "2026-11-26T15:00:00+01:00", ""),
	    A("d1126"),
	    S("d1127", "2026-11-27T07:00:00+01:00", "2026-11-27T15:00:00+01:00", ""),
	    A("d1127"),
	    S("d1129", "2026-11-29T07:00:00+01:00", "2026-11-29T15:00:00+01:00", ""),
	    A("d1129"),
	    S("d1130", "2026-11-30T07:00:00+01:00", "2026-11-30T15:00:00+01:00", ""),
	    A("d1130"),
	    S("d1201", "2026-12-01T07:00:00+01:00", "2026-12-01T15:00:00+01:00", ""),
	    A("d1201"),
	    S("d1203", "2026-12-03T07:00:00+01:00", "2026-12-03T15:00:00+01:00", ""),
	    A("d1203"),
	    S("d1204", "2026-12-04T07:00:00+01:00", "2026-12-04T15:00:00+01:00", ""),
	    A("d1204"),
	    S("d1205", "2026-12-05T07:00:00+01:00", "2026-12-05T15:00:00+01:00", ""),
	    A("d1205"),
	    S("x", D("28", "07:00"), D("28", "15:00"), "") }, "x",
	    "weekly-rest", "longest rest 16 h < 36 h in 7 days from 2026-11-22 "
	    "07:00, rests 40 h < 72 h in 14 days" },
	/* the law as it counts (issue rosters; tests/cli/pool-report/
	 * law-table has them all, through --check and pool-match) */
	{ "late-early-8h", { W(""), S("a", D("23", "15:00"), D("23", "23:00"),
	    ""), A("a"), S("x", D("24", "07:00"), D("24", "15:00"), "") }, "x",
	    NULL, NULL },
	{ "late-early-7h59", { W(""), S("a", D("23", "15:00"),
	    D("23", "23:00"), ""), A("a"), S("x", D("24", "06:59"),
	    D("24", "14:59"), "") }, "x", "rest-daily", "rest 7.98 h < 11 h" },
	{ "late-early-twice", { W(""),
	    S("a", D("23", "15:00"), D("23", "23:00"), ""), A("a"),
	    S("b", D("24", "07:00"), D("24", "15:00"), ""), A("b"),
	    S("c", D("25", "15:00"), D("25", "23:00"), ""), A("c"),
	    S("x", D("26", "07:00"), D("26", "15:00"), "") }, "x", "rest-daily",
	    "rest 8 h < 11 h, shortened rest already taken within 168 h" },
	{ "split-shift", { W(""),
	    S("a", D("23", "07:00"), D("23", "11:00"), ""), A("a"),
	    S("b", D("23", "16:00"), D("23", "20:00"), ""), A("b"),
	    S("c", D("24", "07:00"), D("24", "11:00"), ""), A("c"),
	    S("x", D("24", "16:00"), D("24", "20:00"), "") }, "x", NULL, NULL },
	{ "night-then-8h", { W(""), S("n", D("23", "23:00"), D("24", "07:00"),
	    ""), A("n"), S("x", D("24", "15:00"), D("24", "23:00"), "") }, "x",
	    NULL, NULL },
	{ "early-late-weekend-56h", { W(""),
	    S("a", D("23", "07:00"), D("23", "15:00"), ""), A("a"),
	    S("b", D("24", "07:00"), D("24", "15:00"), ""), A("b"),
	    S("c", D("25", "15:00"), D("25", "23:00"), ""), A("c"),
	    S("d", D("26", "15:00"), D("26", "23:00"), ""), A("d"),
	    S("e", D("27", "15:00"), D("27", "23:00"), ""), A("e"),
	    S("f", D("30", "07:00"), D("30", "15:00"), ""), A("f"),
	    S("g", "2026-12-01T07:00:00+01:00", "2026-12-01T15:00:00+01:00",
	    ""), A("g"),
	    S("h", "2026-12-02T15:00:00+01:00", "2026-12-02T23:00:00+01:00",
	    ""), A("h"),
	    S("i", "2026-12-03T15:00:00+01:00", "2026-12-03T23:00:00+01:00",
	    ""), A("i"),
	    S("x", "2026-12-04T15:00:00+01:00", "2026-12-04T23:00:00+01:00",
	    "") }, "x", NULL, NULL },
	{ "long-night", { W(""), S("x", D("23", "19:00"), D("24", "07:00"),
	    "") }, "x", NULL, NULL },
	{ "night-long-rest", { W(""), S("n", D("23", "19:00"),
	    D("24", "07:00"), ""), A("n"), S("x", D("24", "18:00"),
	    D("24", "22:00"), "") }, "x", "night-long-rest",
	    "rest 11 h < 12 h after a night of 12 h" },
	{ "night-long-2w", { W(""),
	    S("a", D("23", "19:00"), D("24", "07:00"), ""), A("a"),
	    S("b", D("25", "19:00"), D("26", "07:00"), ""), A("b"),
	    S("c", D("27", "19:00"), D("28", "07:00"), ""), A("c"),
	    S("d", D("30", "19:00"), "2026-12-01T07:00:00+01:00", ""), A("d"),
	    S("e", "2026-12-02T19:00:00+01:00", "2026-12-03T07:00:00+01:00",
	    ""), A("e"),
	    S("x", "2026-12-04T19:00:00+01:00", "2026-12-05T07:00:00+01:00",
	    "") }, "x", "night-long-2w", "6 nights over 10 h in 14 days > 5" },
	{ "break", { W(""), S("x", D("23", "07:00"), D("23", "19:00"),
	    ",\"break_minutes\":0") }, "x", "break",
	    "work 12 h, breaks 0 min < 45 min" },
	{ "break-unrecorded", { W(""), S("x", D("23", "07:00"),
	    D("23", "19:00"), "") }, "x", NULL, NULL },
	{ "break-in-gap", { W(""), S("a", D("23", "07:00"), D("23", "11:00"),
	    ",\"break_minutes\":0"), A("a"), S("x", D("23", "11:15"),
	    D("23", "15:15"), ",\"break_minutes\":15") }, "x", NULL, NULL },
	{ "break-gap-too-short", { W(""), S("a", D("23", "07:00"),
	    D("23", "11:00"), ",\"break_minutes\":0"), A("a"),
	    S("x", D("23", "11:10"), D("23", "15:10"),
	    ",\"break_minutes\":15") }, "x", "break",
	    "work 7.75 h, breaks 15 min < 30 min" },
};

static struct pool_config *conf;
static struct pool_tz *tz;

static int
load(struct pool_data *d, const char *const *rec)
{
	struct pool_record	r;
	struct pool_error	err;

	if (pool_data_init(d, &err) == -1)
		return -1;
	for (; *rec != NULL; rec++) {
		if (pool_record_parse(d, *rec, strlen(*rec), &r, &err) == -1) {
			printf("# bad record %s: %s\n", *rec, err.text);
			return -1;
		}
		if (pool_data_add(d, &r, &err) == -1)
			return -1;
	}
	return pool_data_index(d, &err);
}

/*
 * The facts other modules take from pool_int.h agree with the engine:
 * the night test, the week (its first day is week_start and holds the
 * day), and pool_rules_fit, which finds a broken rule exactly when
 * check_static finds one of the worker's own rules first.
 */
static void
shared_facts(const struct tcase *tc, const struct pool_data *d,
    struct pool_rulectx *rc)
{
	static const char *const own[] = { "skills", "validity",
	    "dedicated", "night-exempt", "nights", NULL };
	long			 w = pool_data_worker(d, "w");
	long			 s = pool_data_shift(d, tc->shift);
	const struct pool_shift	*sh = &d->shifts.v[s];
	const struct pool_rules	*r = pool_rules_of(conf, sh->org);
	int64_t			 day = pool_tz_local_day(tz, sh->start);
	int64_t			 first;
	int			 night = pool_rules_is_night(r, tz, sh), i;
	const char		*st, *fit;

	CHECK_INT(night, pool_rules_night(rc, s) != 0, "%s: night",
	    tc->name);
	first = pool_rules_week_first(r, pool_rules_week(r, day));
	CHECK(first <= day && day < first + 7, "%s: week holds the day",
	    tc->name);
	CHECK_INT((int)((first + 3) % 7 + 1), r->week_start,
	    "%s: week starts on week_start", tc->name);
	st = pool_rules_check_static(rc, w, s, NULL, 0);
	fit = pool_rules_fit(&d->workers.v[w], sh, day, night);
	for (i = 0; own[i] != NULL && (st == NULL ||
	    strcmp(st, own[i]) != 0); i++)
		;
	if (st != NULL && strcmp(st, "role") != 0)
		CHECK_STR(fit, own[i] != NULL ? st : NULL, "%s: fit",
		    tc->name);
	else if (st == NULL)
		CHECK(fit == NULL, "%s: fit finds nothing", tc->name);
}

static void
run_case(const struct tcase *tc)
{
	struct pool_data	 d;
	struct pool_rulectx	*rc;
	struct pool_error	 err;
	const char		*rule;
	char			 detail[128];
	struct pool_violation	 v[POOL_RULES_MAX];
	long			 nv;

	if (load(&d, tc->rec) == -1) {
		CHECK(0, "%s: load", tc->name);
		return;
	}
	rc = pool_rules_new(conf, &d, tz, 1, &err);
	CHECK(rc != NULL, "%s: new", tc->name);
	if (rc != NULL) {
		detail[0] = '\0';
		rule = pool_rules_check(rc, pool_data_worker(&d, "w"),
		    pool_data_shift(&d, tc->shift), detail, sizeof(detail));
		CHECK_STR(rule, tc->rule, "%s: rule", tc->name);
		if (tc->detail != NULL)
			CHECK_STR(detail, tc->detail, "%s: detail", tc->name);
		/* every broken rule: the first is the one above */
		nv = pool_rules_check_all(rc, pool_data_worker(&d, "w"),
		    pool_data_shift(&d, tc->shift), v, POOL_RULES_MAX);
		CHECK(nv >= 0 && (nv == 0) == (rule == NULL),
		    "%s: check_all finds %ld", tc->name, nv);
		if (nv > 0 && rule != NULL) {
			CHECK_STR(v[0].rule, rule, "%s: check_all first",
			    tc->name);
			CHECK_STR(v[0].detail, detail, "%s: check_all detail",
			    tc->name);
		}
		shared_facts(tc, &d, rc);
		pool_rules_free(rc);
	}
	pool_data_release(&d);
}

static int nviol;
static char lastrule[64];

static void
count_cb(void *arg, const struct pool_violation *v)
{
	(void)arg;
	nviol++;
	snprintf(lastrule, sizeof(lastrule), "%s", v->rule);
}

static void
test_assign_audit(void)
{
	static const char *rec[] = {
		W(""), S("a", D("23", "07:00"), D("23", "15:00"), ""),
		S("b", D("23", "20:00"), D("24", "04:00"), ""),
		S("c", D("25", "07:00"), D("25", "15:00"), ""),
		A("a"), A("b"),
		"{\"type\":\"assignment\",\"shift\":\"c\",\"worker\":\"w\","
		    "\"status\":\"proposed\"}",
		NULL
	};
	struct pool_data	 d;
	struct pool_rulectx	*rc;
	struct pool_error	 err;
	long			 w, c;
	const long		*v;

	CHECK(load(&d, rec) == 0, "audit: load");
	w = pool_data_worker(&d, "w");
	c = pool_data_shift(&d, "c");
	rc = pool_rules_new(conf, &d, tz, 1, &err);
	CHECK_INT(pool_rules_held(rc, w, &v), 2, "confirmed only: 2 held");
	CHECK_INT(pool_rules_unassign(rc, w, c), -1, "unassign not held");
	CHECK_INT(pool_rules_assign(rc, w, c), 0, "assign");
	CHECK_INT(pool_rules_held(rc, w, &v), 3, "3 held");
	CHECK_INT(v[2], c, "held sorted by start");
	CHECK_INT(pool_rules_unassign(rc, w, c), 0, "unassign");
	pool_rules_free(rc);
	rc = pool_rules_new(conf, &d, tz, 0, &err);
	CHECK_INT(pool_rules_held(rc, w, &v), 3, "all: 3 held");
	nviol = 0;
	CHECK_INT(pool_rules_audit(rc, count_cb, NULL, &err), 1,
	    "audit finds one violation");
	CHECK_STR(lastrule, "rest-daily", "audit: rest-daily (5 h)");
	CHECK_INT(pool_rules_held(rc, w, &v), 3, "audit leaves 3 held");
	pool_rules_free(rc);
	pool_data_release(&d);
}

static void
test_dst(void)
{
	/* autumn 2026: 25 October 03:00 CEST -> 02:00 CET; the night
	 * 22:00-07:00 lasts 10 h, 22:00-09:30 12.5 h, over the 12 h of
	 * a long night */
	static const char *rec[] = {
		W(""), S("x", "2026-10-24T22:00:00+02:00",
		    "2026-10-25T07:00:00+01:00", ""),
		S("y", "2026-10-24T22:00:00+02:00",
		    "2026-10-25T09:30:00+01:00", ""),
		NULL
	};
	struct pool_data	 d;
	struct pool_rulectx	*rc;
	struct pool_error	 err;
	char			 detail[128];

	CHECK(load(&d, rec) == 0, "dst: load");
	rc = pool_rules_new(conf, &d, tz, 1, &err);
	CHECK_INT(pool_rules_work(rc, pool_data_shift(&d, "x")), 600,
	    "dst night lasts 10 h");
	CHECK_INT(pool_rules_night(rc, pool_data_shift(&d, "x")), 2,
	    "dst night is a late night");
	CHECK(pool_rules_check(rc, 0, pool_data_shift(&d, "x"), detail,
	    sizeof(detail)) == NULL, "10 h dst night allowed");
	CHECK_STR(pool_rules_check(rc, 0, pool_data_shift(&d, "y"), detail,
	    sizeof(detail)), "night-shift-max", "12.5 h dst night refused");
	CHECK_STR(detail, "night shift 12.5 h > 12 h", "dst detail");
	pool_rules_free(rc);
	pool_data_release(&d);
}

/*
 * Property: a roster's verdict does not depend on the order its shifts
 * are given.  Random day rosters (no nights, so taking a shift away
 * never breaks a rule): if the audit finds no violation, every order of
 * check-and-assign accepts every shift; if it finds one, every order
 * refuses at least one shift.
 */
static unsigned long rnd_state = 12345;

static unsigned long
rnd(unsigned long n)
{
	rnd_state = rnd_state * 6364136223846793005UL + 1442695040888963407UL;
	return (rnd_state >> 33) % n;
}

static void
test_order_free(void)
{
	static char	 buf[64][256];
	const char	*rec[66];
	struct pool_data d;
	struct pool_rulectx *rc;
	struct pool_error err;
	long		 order[64], i, j, n, w, t, refused, bad = 0, legal = 0;
	int		 round, perm, day, min, len;

	for (round = 0; round < 100; round++) {
		n = 0;
		rec[n++] = W("");
		for (day = 0, i = 0; day < 28 && i < 30; day++) {
			int blocks = (int)rnd(6);	/* 0 (1/3), 1, 2 */

			blocks = blocks < 2 ? 0 : blocks < 5 ? 1 : 2;
			min = 5 * 60 + (int)rnd(4) * 60;
			for (j = 0; j < blocks; j++) {
				len = 3 * 60 + (int)rnd(5) * 60;
				if (min + len > 23 * 60)
					break;
				snprintf(buf[i], sizeof(buf[i]),
				    "{\"type\":\"shift\",\"id\":\"s%ld\","
				    "\"org\":\"o\",\"role\":\"vig\","
				    "\"start\":\"2026-%02d-%02dT%02d:%02d:00Z\","
				    "\"end\":\"2026-%02d-%02dT%02d:%02d:00Z\"}",
				    i, 6 + day / 30, 1 + day % 30, min / 60,
				    min % 60, 6 + day / 30, 1 + day % 30,
				    (min + len) / 60, (min + len) % 60);
				rec[n++] = buf[i++];
				min += len + 30 + (int)rnd(6) * 60;
			}
		}
		rec[n] = NULL;
		if (load(&d, rec) == -1) {
			CHECK(0, "order-free: load");
			return;
		}
		w = pool_data_worker(&d, "w");
		rc = pool_rules_new(conf, &d, tz, 1, &err);
		for (t = 0; t < (long)d.shifts.n; t++)
			pool_rules_assign(rc, w, t);
		nviol = 0;
		pool_rules_audit(rc, count_cb, NULL, &err);
		legal += nviol == 0;
		for (perm = 0; perm < 8; perm++) {
			for (t = 0; t < (long)d.shifts.n; t++)
				pool_rules_unassign(rc, w, t);
			for (t = 0; t < (long)d.shifts.n; t++)
				order[t] = t;
			for (t = (long)d.shifts.n - 1; t > 0; t--) {
				long k = (long)rnd((unsigned long)t + 1), x;
				x = order[t];
				order[t] = order[k];
				order[k] = x;
			}
			for (refused = 0, t = 0; t < (long)d.shifts.n; t++) {
				if (pool_rules_check(rc, w, order[t], NULL, 0))
					refused++;
				pool_rules_assign(rc, w, order[t]);
			}
			if ((nviol == 0) != (refused == 0))
				bad++;
		}
		pool_rules_free(rc);
		pool_data_release(&d);
	}
	CHECK_INT(bad, 0, "order-free: verdict of %ld rosters (%ld legal) in "
	    "8 orders each", 100L, legal);
	CHECK(legal > 10 && legal < 90, "order-free: both legal and illegal "
	    "rosters (%ld legal)", legal);
}

/*
 * pool_rules_check_all against pool_rules_check, on random rosters with
 * nights, overlaps, roles not held and weekly maxima: for every shift
 * checked against all the others, it finds nothing if and only if
 * pool_rules_check accepts; else its first rule and detail are
 * pool_rules_check's, and no rule comes twice.  And the audits agree:
 * pool_rules_audit_all reports the shifts pool_rules_audit reports,
 * first with the same rule.
 */
#define RMAX	48
static const char *first_one[RMAX], *first_all[RMAX];
static long n_one, n_all, many;

static void
one_cb(void *arg, const struct pool_violation *v)
{
	(void)arg;
	n_one++;
	first_one[v->shift] = v->rule;
}

static void
all_cb(void *arg, const struct pool_violation *v)
{
	long	*last = arg;

	n_all++;
	if (first_all[v->shift] == NULL)
		first_all[v->shift] = v->rule;
	else if (*last == v->shift)
		many++;
	*last = v->shift;
}

static void
test_check_all(void)
{
	static char	 buf[RMAX][256], wbuf[128];
	const char	*rec[RMAX + 2];
	struct pool_data d;
	struct pool_rulectx *rc;
	struct pool_error err;
	struct pool_violation v[POOL_RULES_MAX];
	char		 detail[128];
	const char	*rule;
	long		 i, n, w, s, nv, k, j, last, bad = 0, checks = 0;
	long		 refused = 0, several = 0, auditbad = 0;
	int		 round, day, min, len;

	for (round = 0; round < 200; round++) {
		n = 0;
		snprintf(wbuf, sizeof(wbuf), "{\"type\":\"worker\",\"id\":"
		    "\"w\",\"roles\":[\"vig\"],\"max_hours_week\":%d}",
		    20 + (int)rnd(30));
		rec[n++] = wbuf;
		for (i = 0; i < 8 + (long)rnd(RMAX - 16); i++) {
			day = (int)rnd(21);
			min = (int)rnd(48) * 30;
			len = 2 * 60 + (int)rnd(21) * 30;
			snprintf(buf[i], sizeof(buf[i]),
			    "{\"type\":\"shift\",\"id\":\"s%02ld\","
			    "\"org\":\"o\",\"role\":\"%s\","
			    "\"start\":\"2026-06-%02dT%02d:%02d:00Z\","
			    "\"end\":\"2026-06-%02dT%02d:%02d:00Z\"}",
			    i, rnd(10) == 0 ? "helpende" : "vig", 1 + day,
			    min / 60, min % 60,
			    1 + day + (min + len) / 1440,
			    (min + len) % 1440 / 60, (min + len) % 60);
			rec[n++] = buf[i];
		}
		rec[n] = NULL;
		if (load(&d, rec) == -1) {
			CHECK(0, "check-all: load");
			return;
		}
		w = pool_data_worker(&d, "w");
		rc = pool_rules_new(conf, &d, tz, 1, &err);
		for (s = 0; s < (long)d.shifts.n; s++)
			pool_rules_assign(rc, w, s);
		for (s = 0; s < (long)d.shifts.n; s++) {
			pool_rules_unassign(rc, w, s);
			detail[0] = '\0';
			rule = pool_rules_check(rc, w, s, detail,
			    sizeof(detail));
			nv = pool_rules_check_all(rc, w, s, v, POOL_RULES_MAX);
			checks++;
			refused += rule != NULL;
			several += nv > 1;
			if ((nv == 0) != (rule == NULL) || (nv > 0 &&
			    (strcmp(v[0].rule, rule) != 0 ||
			    strcmp(v[0].detail, detail) != 0)))
				bad++;
			for (k = 0; k < nv; k++) {
				if (v[k].worker != w || v[k].shift != s)
					bad++;
				for (j = 0; j < k; j++)
					if (strcmp(v[j].rule, v[k].rule) == 0)
						bad++;
			}
			pool_rules_assign(rc, w, s);
		}
		memset(first_one, 0, sizeof(first_one));
		memset(first_all, 0, sizeof(first_all));
		n_one = n_all = 0;
		last = -1;
		pool_rules_audit(rc, one_cb, NULL, &err);
		pool_rules_audit_all(rc, all_cb, &last, &err);
		for (s = 0; s < (long)d.shifts.n; s++)
			if ((first_one[s] == NULL) != (first_all[s] == NULL) ||
			    (first_one[s] != NULL &&
			    strcmp(first_one[s], first_all[s]) != 0))
				auditbad++;
		if (n_all < n_one)
			auditbad++;
		pool_rules_free(rc);
		pool_data_release(&d);
	}
	CHECK_INT(bad, 0, "check-all: first rule and detail as "
	    "pool_rules_check, each rule once, in %ld checks", checks);
	CHECK_INT(auditbad, 0, "check-all: the audits agree on 200 rosters");
	CHECK(refused > checks / 10 && several > refused / 10 && many > 0,
	    "check-all: rosters with refusals (%ld of %ld), with several "
	    "rules broken (%ld)", refused, checks, several);
}

int
main(void)
{
	struct pool_error	err;
	size_t			i;

	conf = pool_config_new_default(&err);
	tz = pool_tz_load("Europe/Amsterdam", NULL, &err);
	CHECK(conf != NULL && tz != NULL, "config and zone");
	if (conf == NULL || tz == NULL)
		return test_done();
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run_case(&cases[i]);
	test_assign_audit();
	test_dst();
	test_order_free();
	test_check_all();
	pool_tz_free(tz);
	pool_config_free(conf);
	return test_done();
}
