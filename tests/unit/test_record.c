/*
 * Unit tests of records and the data set (lib/record.c, lib/strtab.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool_int.h"
#include "pool_record.h"
#include "pool_strtab.h"
#include "test.h"

static const char *
parse_err(struct pool_data *d, const char *line)
{
	static char		 buf[512];
	struct pool_error	 err;
	struct pool_record	 r;

	pool_error_clear(&err);
	if (pool_record_parse(d, line, strlen(line), &r, &err) == 0) {
		pool_record_release(&r);
		return "ok";
	}
	return pool_error_format(&err, buf, sizeof(buf));
}

/* The same line in two steps (pool_rscan_*): the record or error of
 * pool_record_parse; *type gets the top-level "type" string seen. */
static const char *
rscan_err(struct pool_data *d, const char *line, char *type, size_t tlen)
{
	static char		 buf[512];
	struct pool_error	 err;
	struct pool_record	 r;
	struct pool_rscan	 rs;
	const char		*t;

	pool_error_clear(&err);
	type[0] = '\0';
	if (pool_rscan_read(&rs, line, strlen(line), &err) == -1)
		return pool_error_format(&err, buf, sizeof(buf));
	if ((t = pool_rscan_str(&rs, "type")) != NULL)
		snprintf(type, tlen, "%s", t);
	if (pool_rscan_take(d, &rs, &r, &err) == 0) {
		pool_record_release(&r);
		return "ok";
	}
	return pool_error_format(&err, buf, sizeof(buf));
}

/*
 * The maps of strtab.c against a plain list: 3000 keys of a few
 * pointers and numbers (many alike), each given the next index once;
 * every key finds its index, and keys never added are not found.
 */
static void
test_maps(void)
{
	static const char	 p[8] = "abcdefg";
	static long		 want[8][8][50];
	struct pool_keymap	 m = { NULL, 0, 0 };
	struct pool_hashset	 h = { NULL, 0, 0 };
	unsigned long		 st = 7;
	long			 next = 0, got;
	size_t			 bad = 0, i;
	int			 a, b, c, added, wadded;
	char			 id[32];

	memset(want, 0xff, sizeof(want));	/* -1 */
	for (i = 0; i < 3000; i++) {
		st = st * 6364136223846793005UL + 1442695040888963407UL;
		a = (int)(st >> 33) % 8;
		b = (int)(st >> 40) % 8;
		c = (int)((st >> 47) % 50);
		wadded = want[a][b][c] < 0;
		if (wadded)
			want[a][b][c] = next;
		got = pool_keymap_get(&m, &p[a], b ? &p[b] : NULL, c - 25,
		    next, &added);
		bad += got != want[a][b][c] || added != wadded;
		next += added;
		snprintf(id, sizeof(id), "s%d-%d-%d", a, b, c);
		if (pool_hashset_add(&h, id) == -1)
			bad++;
	}
	CHECK(bad == 0, "keymap: 3000 gets, %ld keys", next);
	for (a = 0, bad = 0; a < 8; a++)
		for (b = 0; b < 8; b++)
			for (c = 0; c < 50; c++) {
				bad += pool_keymap_find(&m, &p[a], b ? &p[b] :
				    NULL, c - 25) != want[a][b][c];
				snprintf(id, sizeof(id), "s%d-%d-%d", a, b, c);
				bad += pool_hashset_has(&h, id) !=
				    (want[a][b][c] >= 0);
			}
	CHECK(bad == 0, "keymap find and hashset agree with a list");
	CHECK(!pool_hashset_has(&h, "s9-9-9") &&
	    pool_keymap_find(&m, &p[0], &p[0], 99) == -1, "absent keys");
	pool_keymap_release(&m);
	pool_hashset_release(&h);
	CHECK(m.cap == 0 && h.cap == 0 && pool_keymap_find(&m, p, p, 0) ==
	    -1 && !pool_hashset_has(&h, "x"), "released maps are empty");
}

int
main(void)
{
	static const struct {
		const char	*line;
		const char	*want;
	} cases[] = {
		{ "{\"type\":\"org\",\"id\":\"amaris\"}", "ok" },
		{ "{\"type\":\"something-new\",\"x\":[1,2]}", "ok" },
		{ "{\"id\":\"x\"}", "field 'type': missing" },
		{ "{\"type\":7}", "field 'type': must be a string" },
		{ "[1]", "not a JSON object" },
		{ "{\"type\":\"org\"", "invalid JSON: '}' expected near end of file (column 13)" },
		{ "{\"type\":\"org\",\"id\":\"a\",\"id\":\"b\"}",
		    "invalid JSON: duplicate object key near '\"id\"' (column 27)" },
		{ "{\"type\":\"org\",\"id\":\"\"}", "org: field \'id\': must not be empty" },
		{ "{\"type\":\"org\",\"id\":\"a\",\"weight\":-1}",
		    "org 'a': field \'weight\': -1 is less than 0" },
		{ "{\"type\":\"org\",\"id\":\"a\",\"weight\":\"NaN\"}",
		    "org 'a': field \'weight\': must be a number" },
		{ "{\"type\":\"worker\",\"id\":\"w1\",\"roles\":[\"vig\"]}", "ok" },
		{ "{\"type\":\"worker\",\"id\":\"w1\",\"roles\":[]}",
		    "worker 'w1': field \'roles\': must have at least one element" },
		{ "{\"type\":\"worker\",\"id\":\"w1\",\"roles\":\"vig\"}",
		    "worker 'w1': field \'roles\': must be a list of strings" },
		{ "{\"type\":\"worker\",\"id\":\"w1\",\"roles\":[\"a\",3]}",
		    "worker 'w1': field \'roles\': element 2 must be a non-empty string" },
		{ "{\"type\":\"worker\",\"id\":\"w1\",\"roles\":[\"a\"],\"nights\":\"often\"}",
		    "worker 'w1': field \'nights\': must be one of 'any', 'prefer', 'avoid', 'never', 'only'" },
		{ "{\"type\":\"worker\",\"id\":\"w1\",\"roles\":[\"a\"],\"phone\":\"+31 (0)6-1234 5678\"}", "ok" },
		{ "{\"type\":\"worker\",\"id\":\"w1\",\"roles\":[\"a\"],\"phone\":\"bel Piet\"}",
		    "worker 'w1': field \'phone\': not a phone number (digits, spaces and +-()./, at most 32)" },
		{ "{\"type\":\"worker\",\"id\":\"w1\",\"roles\":[\"a\"],\"phone\":\"- -\"}",
		    "worker 'w1': field \'phone\': not a phone number (digits, spaces and +-()./, at most 32)" },
		{ "{\"type\":\"worker\",\"id\":\"w1\",\"roles\":[\"a\"],\"phone\":\"061234567890123456789012345678901\"}",
		    "worker 'w1': field \'phone\': not a phone number (digits, spaces and +-()./, at most 32)" },
		{ "{\"type\":\"worker\",\"id\":\"w1\",\"roles\":[\"a\"],\"phone\":612345678}",
		    "worker 'w1': field \'phone\': must be a string" },
		{ "{\"type\":\"worker\",\"id\":\"w1\",\"roles\":[\"a\"],\"location\":{\"lat\":95,\"lon\":4}}",
		    "worker 'w1': field \'location.lat\': 95 is more than 90" },
		{ "{\"type\":\"worker\",\"id\":\"w1\",\"roles\":[\"a\"],\"valid_from\":\"2026-02-30\"}",
		    "worker 'w1': field \'valid_from\': invalid date '2026-02-30': day 30 out of range for February" },
		{ "{\"type\":\"shift\",\"id\":\"s1\",\"org\":\"o\",\"role\":\"r\",\"start\":\"2026-11-23T07:00:00+01:00\",\"end\":\"2026-11-23T15:00:00+01:00\"}", "ok" },
		{ "{\"type\":\"shift\",\"id\":\"s1\",\"org\":\"o\",\"role\":\"r\",\"start\":\"2026-11-23T07:00:00+01:00\",\"end\":\"2026-11-23T07:00:00+01:00\"}",
		    "shift 's1': field \'end\': must be after 'start'" },
		{ "{\"type\":\"shift\",\"id\":\"s1\",\"org\":\"o\",\"role\":\"r\",\"start\":\"2026-11-23T07:00:00+01:00\",\"end\":\"2026-11-23T15:00:00+01:00\",\"priority\":9}",
		    "shift 's1': field \'priority\': 9 out of range 1 to 5" },
		{ "{\"type\":\"shift\",\"id\":\"s1\",\"org\":\"o\",\"role\":\"r\",\"start\":\"2026-11-23T07:00:00+01:00\",\"end\":\"2026-11-23T15:00:00+01:00\",\"priority\":1.5}",
		    "shift 's1': field \'priority\': must be a whole number" },
		{ "{\"type\":\"shift\",\"id\":\"s1\",\"org\":\"o\",\"role\":\"r\",\"end\":\"2026-11-23T15:00:00+01:00\"}",
		    "shift 's1': field \'start\': missing" },
		{ "{\"type\":\"shift\",\"id\":\"s1\",\"org\":\"o\",\"role\":\"r\",\"start\":\"2026-11-23T07:00:00+01:00\",\"end\":\"2026-11-23T15:00:00+01:00\",\"shift_type\":\"early\"}", "ok" },
		{ "{\"type\":\"shift\",\"id\":\"s1\",\"org\":\"o\",\"role\":\"r\",\"start\":\"2026-11-23T07:00:00+01:00\",\"end\":\"2026-11-23T15:00:00+01:00\",\"shift_type\":3}",
		    "shift 's1': field \'shift_type\': must be a string" },
		{ "{\"type\":\"availability\",\"worker\":\"w\",\"start\":\"2026-11-23T07:00:00+01:00\",\"end\":\"2026-11-24T07:00:00+01:00\"}", "ok" },
		{ "{\"type\":\"assignment\",\"shift\":\"s\",\"worker\":\"w\",\"status\":\"maybe\"}",
		    "assignment: field \'status\': must be one of 'confirmed', 'proposed'" },
		{ "{\"type\":\"allocation\",\"org\":\"a\",\"period\":\"2026-W48\",\"units\":3,\"entitled\":4}", "ok" },
		{ "{\"type\":\"allocation\",\"org\":\"a\",\"period\":\"2026-W48\",\"units\":3}",
		    "allocation: field \'entitled\': missing" },
		{ "{\"type\":\"contact\",\"org\":\"a\",\"date\":\"2026-11-02\",\"level\":\"tactical\"}", "ok" },
		{ "{\"type\":\"contact\",\"org\":\"a\",\"date\":\"2026-11-02\"}",
		    "contact: field \'level\': missing" },
		{ "{\"type\":\"candidate\",\"shift\":\"s\",\"worker\":\"w\",\"rank\":0}",
		    "candidate: field \'rank\': 0 out of range 1 to 2147483647" },
		{ "{\"type\":\"reject\",\"source\":\"a.csv\",\"line\":3,\"error\":\"bad\"}", "ok" },
	};
	struct pool_data	 d;
	struct pool_error	 err;
	struct pool_record	 r;
	const char		*a, *b;

	if (pool_data_init(&d, &err) == -1)
		return 1;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK_STR(parse_err(&d, cases[i].line), cases[i].want,
		    "record case %zu", i);
	/* Read in two steps, every case says the same, and the type seen
	 * is the one the line has. */
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char	 type[64];
		const char *t = strstr(cases[i].line, "\"type\":\"");

		CHECK_STR(rscan_err(&d, cases[i].line, type, sizeof(type)),
		    cases[i].want, "rscan case %zu", i);
		if (t != NULL && strncmp(cases[i].want, "invalid JSON", 12))
			CHECK(strncmp(type, t + 8, strlen(type)) == 0 &&
			    type[0] != '\0' && t[8 + strlen(type)] == '"',
			    "rscan case %zu: type '%s'", i, type);
	}
	/* A line longer than the scanner takes goes to jansson. */
	{
		static char	 line[POOL_RSCAN_BYTES + 200];
		char		 type[64];
		size_t		 n;

		n = (size_t)snprintf(line, sizeof(line),
		    "{\"type\":\"org\",\"id\":\"long\",\"name\":\"");
		memset(line + n, 'x', POOL_RSCAN_BYTES);
		memcpy(line + n + POOL_RSCAN_BYTES, "\"}", 3);
		CHECK_STR(rscan_err(&d, line, type, sizeof(type)), "ok",
		    "rscan: a long line");
		CHECK_STR(type, "org", "rscan: a long line's type");
		memcpy(line + n + POOL_RSCAN_BYTES, "\",\"weight\":-1}", 15);
		CHECK_STR(rscan_err(&d, line, type, sizeof(type)),
		    parse_err(&d, line), "rscan: a long line's error");
	}

	/* Interning: equal strings are one pointer. */
	a = pool_data_intern(&d, "verzorgende-ig", 14);
	b = pool_data_intern(&d, "verzorgende-ig!", 14);
	CHECK(a == b, "interned strings are shared");
	for (int i = 0; i < 5000; i++) {
		char	id[32];

		snprintf(id, sizeof(id), "id-%d", i);
		pool_data_intern(&d, id, strlen(id));
	}
	CHECK(pool_data_intern(&d, "verzorgende-ig", 14) == a,
	    "interned pointer survives table growth");

	/* Adding, indexing, lookup; later records with the same id win. */
	{
		const char *lines[] = {
			"{\"type\":\"worker\",\"id\":\"w2\",\"roles\":[\"vig\",\"helpende\"],\"skills\":[\"covid\"]}",
			"{\"type\":\"worker\",\"id\":\"w1\",\"roles\":[\"vig\"]}",
			"{\"type\":\"shift\",\"id\":\"s1\",\"org\":\"o\",\"role\":\"vig\",\"start\":\"2026-10-24T23:00:00+02:00\",\"end\":\"2026-10-25T07:00:00+01:00\",\"skills\":[\"covid\"],\"break_minutes\":30}",
			"{\"type\":\"worker\",\"id\":\"w2\",\"roles\":[\"mbo-v\"]}",
			"{\"type\":\"unfilled\",\"shift\":\"s1\",\"reasons\":{\"role\":2}}",
		};
		for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
			if (pool_record_parse(&d, lines[i], strlen(lines[i]), &r,
			    &err) == 0)
				pool_data_add(&d, &r, &err);
		}
		CHECK(pool_data_index(&d, &err) == 0, "index built");
		CHECK_INT(d.workers.n, 3, "three worker records kept");
		CHECK_INT(pool_data_worker(&d, "w2"), 2, "last w2 wins");
		CHECK_INT(pool_data_worker(&d, "w1"), 1, "w1 found");
		CHECK_INT(pool_data_worker(&d, "nobody"), -1, "unknown worker");
		CHECK_INT(pool_data_shift(&d, "s1"), 0, "shift found");
		CHECK_INT(d.shifts.v[0].end - d.shifts.v[0].start, 9 * 3600,
		    "night shift over the autumn DST change lasts 9 h");
		CHECK_INT(d.shifts.v[0].priority, 3, "default priority 3");
		CHECK_INT(d.shifts.v[0].break_minutes, 30, "break minutes");
		CHECK(pool_strlist_has(&d.workers.v[0].skills,
		    pool_data_intern(&d, "covid", 5)), "skill list");
		CHECK_INT(d.count[POOL_R_WORKER], 3, "count per type");
		CHECK_INT(d.unfilled.n, 1, "unfilled kept as json");
		CHECK_STR(d.unfilled.v[0].shift, "s1", "unfilled shift");
	}

	/* Compact output. */
	{
		json_t	*o = json_pack("{s:s,s:s,s:i,s:f}", "type", "assignment",
		    "shift", "s1", "rank", 2, "score", 0.1);
		char	*buf = NULL;
		size_t	 len = 0;
		FILE	*f = open_memstream(&buf, &len);

		pool_json_write(f, o);
		fclose(f);
		CHECK_STR(buf, "{\"type\":\"assignment\",\"shift\":\"s1\",\"rank\":2,\"score\":0.1}\n",
		    "compact JSON line");
		free(buf);
		json_decref(o);
	}
	pool_data_release(&d);
	test_maps();
	return test_done();
}
