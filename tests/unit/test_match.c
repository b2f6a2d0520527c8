/*
 * Unit tests of lib/match.c: lexicographic priority, ejection chains,
 * earlier proposals kept, strict quotas, determinism under reordering,
 * the figures per priority and the records written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool.h"
#include "pool_config.h"
#include "pool_match.h"
#include "pool_record.h"
#include "pool_time.h"
#include "test.h"

#define D(day, hm) "2026-11-" day "T" hm ":00+01:00"
#define WK(id) "{\"type\":\"worker\",\"id\":\"" id "\",\"roles\":[\"vig\"]}"
#define SH(id, a, b, p) "{\"type\":\"shift\",\"id\":\"" id "\",\"org\":\"o\"," \
	"\"role\":\"vig\",\"start\":\"" a "\",\"end\":\"" b "\",\"priority\":" p "}"

static struct pool_config *conf;
static struct pool_tz *tz;

/* Run pool-match on the records; the output records into buf. */
static int
run(const char *const *rec, size_t n, char *buf, size_t len,
    struct pool_match_level *lv)
{
	struct pool_data	 d;
	struct pool_record	 r;
	struct pool_error	 err;
	struct pool_match	*m;
	struct pool_match_opts	 opts;
	FILE			*f;
	size_t			 i;

	memset(&opts, 0, sizeof(opts));
	if (pool_data_init(&d, &err) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (pool_record_parse(&d, rec[i], strlen(rec[i]), &r, &err) ==
		    -1 || pool_data_add(&d, &r, &err) == -1) {
			printf("# %s: %s\n", rec[i], err.text);
			return -1;
		}
	}
	if (pool_data_index(&d, &err) == -1 ||
	    (m = pool_match_new(conf, &d, tz, &err)) == NULL)
		return -1;
	if (pool_match_run(m, &opts, &err) == -1)
		return -1;
	f = fmemopen(buf, len, "w");
	pool_match_write(m, f, &opts);
	fclose(f);
	if (lv != NULL)
		memcpy(lv, pool_match_levels(m),
		    sizeof(*lv) * (POOL_MATCH_NPRIO + 1));
	pool_match_free(m);
	pool_data_release(&d);
	return 0;
}

static void
test_priority(void)
{
	/* one worker, two overlapping shifts: the urgent one wins even
	 * though the other sorts first */
	static const char *rec[] = {
		WK("w"),
		SH("a", D("23", "07:00"), D("23", "15:00"), "5"),
		SH("b", D("23", "08:00"), D("23", "16:00"), "1"),
	};
	char			buf[4096];
	struct pool_match_level	lv[POOL_MATCH_NPRIO + 1];

	CHECK(run(rec, 3, buf, sizeof(buf), lv) == 0, "priority: run");
	CHECK(strstr(buf, "{\"type\":\"assignment\",\"shift\":\"b\","
	    "\"worker\":\"w\"") != NULL, "priority 1 filled");
	CHECK(strstr(buf, "{\"type\":\"unfilled\",\"shift\":\"a\","
	    "\"priority\":5,\"reasons\":{\"overlap\":1}") != NULL,
	    "priority 5 unfilled, overlap");
	CHECK_INT(lv[1].filled, 1, "level 1 filled");
	CHECK_INT(lv[5].open, 1, "level 5 open");
	CHECK_INT(lv[5].bound, 1, "level 5 bound");
}

static void
test_ejection(void)
{
	/* x (any worker) is filled first with the cheaper worker p, who
	 * alone can take y; ejection moves x to q so y gets filled */
	static const char *rec[] = {
		"{\"type\":\"worker\",\"id\":\"p\",\"roles\":[\"vig\"],"
		    "\"skills\":[\"covid\"]}",
		"{\"type\":\"worker\",\"id\":\"q\",\"roles\":[\"vig\"],"
		    "\"location\":{\"lat\":52,\"lon\":5}}",
		"{\"type\":\"shift\",\"id\":\"x\",\"org\":\"o\",\"role\":\"vig\","
		    "\"start\":\"" D("23", "07:00") "\",\"end\":\""
		    D("23", "15:00") "\",\"location\":{\"lat\":52.4,\"lon\":5}}",
		"{\"type\":\"shift\",\"id\":\"y\",\"org\":\"o\",\"role\":\"vig\","
		    "\"skills\":[\"covid\"],\"start\":\"" D("23", "09:00")
		    "\",\"end\":\"" D("23", "17:00") "\"}",
	};
	char	buf[4096];

	CHECK(run(rec, 4, buf, sizeof(buf), NULL) == 0, "ejection: run");
	CHECK(strstr(buf, "\"shift\":\"x\",\"worker\":\"q\"") != NULL,
	    "x moved to q");
	CHECK(strstr(buf, "\"shift\":\"y\",\"worker\":\"p\"") != NULL,
	    "y filled by p");
	CHECK(strstr(buf, "unfilled") == NULL, "nothing open");
}

static void
test_keep_and_order(void)
{
	/* an earlier proposal that still holds is kept, though another
	 * worker sorts first; shuffled input gives the same records */
	static const char *rec[] = {
		WK("a"), WK("b"), WK("c"),
		SH("s1", D("23", "07:00"), D("23", "15:00"), "3"),
		SH("s2", D("24", "07:00"), D("24", "15:00"), "2"),
		SH("s3", D("24", "07:00"), D("24", "15:00"), "2"),
		SH("s4", D("24", "07:00"), D("24", "15:00"), "2"),
		"{\"type\":\"assignment\",\"shift\":\"s1\",\"worker\":\"c\","
		    "\"status\":\"proposed\"}",
		"{\"type\":\"absence\",\"worker\":\"b\",\"start\":\""
		    D("24", "00:00") "\",\"end\":\"" D("25", "00:00") "\"}",
	};
	const char *shuf[] = {
		rec[7], rec[5], rec[2], rec[8], rec[6], rec[0], rec[4], rec[3],
		rec[1]
	};
	char	buf[4096], buf2[4096];

	CHECK(run(rec, 9, buf, sizeof(buf), NULL) == 0, "keep: run");
	CHECK(strstr(buf, "\"shift\":\"s1\",\"worker\":\"c\"") != NULL,
	    "earlier proposal kept");
	CHECK(strstr(buf, "\"shift\":\"s2\",\"worker\":\"a\"") != NULL,
	    "s2 to a (b absent)");
	CHECK(strstr(buf, "{\"type\":\"unfilled\",\"shift\":\"s4\","
	    "\"priority\":2,\"reasons\":{\"overlap\":2,\"absence\":1},"
	    "\"near\":[{\"worker\":\"a\",\"rule\":\"overlap\"") != NULL,
	    "s4 open: reasons by count; near by rule, then id");
	CHECK(run(shuf, 9, buf2, sizeof(buf2), NULL) == 0, "shuffled: run");
	CHECK_STR(buf2, buf, "shuffled input, same output");
}

static void
test_replaces(void)
{
	struct pool_record r;

	memset(&r, 0, sizeof(r));
	r.type = POOL_R_ASSIGNMENT;
	r.u.assignment.status = POOL_PROPOSED;
	CHECK_INT(pool_match_replaces(&r), 1, "proposed replaced");
	r.u.assignment.status = POOL_CONFIRMED;
	CHECK_INT(pool_match_replaces(&r), 0, "confirmed kept");
	r.type = POOL_R_UNFILLED;
	CHECK_INT(pool_match_replaces(&r), 1, "unfilled replaced");
	r.type = POOL_R_UNKNOWN;
	CHECK_INT(pool_match_replaces(&r), 0, "unknown kept");
}

int
main(void)
{
	struct pool_error	err;

	conf = pool_config_new_default(&err);
	tz = pool_tz_load("Europe/Amsterdam", NULL, &err);
	CHECK(conf != NULL && tz != NULL, "config and zone");
	if (conf == NULL || tz == NULL)
		return test_done();
	test_priority();
	test_ejection();
	test_keep_and_order();
	test_replaces();
	pool_tz_free(tz);
	pool_config_free(conf);
	return test_done();
}
