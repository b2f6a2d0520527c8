/*
 * Unit tests of lib/config.c: defaults, presets, the example file,
 * every error message, the size, alias and depth limits, role covers.
 * Runs in tests/unit (fixtures in config/).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pool_config.h"
#include "test.h"

#define H(x)	((x) * 60)

static char errbuf[512];

static const char *
errtext(const struct pool_error *e)
{
	return pool_error_format(e, errbuf, sizeof(errbuf));
}

static struct pool_config *
load_str(const char *yaml, struct pool_error *e)
{
	return pool_config_load_buffer(yaml, strlen(yaml), "pool.yaml", e);
}

/* The limits of the Arbeidstijdenwet, as pool.yaml(5) lists them. */
static void
check_atw(const struct pool_rules *r, const char *what)
{
	CHECK_INT(r->shift_max, H(12), "%s: shift 12 h", what);
	CHECK_INT(r->rest_daily, H(11), "%s: daily rest 11 h", what);
	CHECK_INT(r->rest_daily_short, H(8), "%s: short rest 8 h", what);
	CHECK_INT(r->rest_short_window, 7 * 24 * 60, "%s: once per 7x24 h",
	    what);
	CHECK_INT(r->night_start, 0, "%s: night from 00:00", what);
	CHECK_INT(r->night_end, H(6), "%s: night to 06:00", what);
	CHECK_INT(r->night_min_work, 60, "%s: more than 1 h is a night", what);
	CHECK_INT(r->night_shift_max, H(10), "%s: night shift 10 h", what);
	CHECK_INT(r->night_late_end, H(2), "%s: late after 02:00", what);
	CHECK_INT(r->rest_after_night, H(14), "%s: 14 h after a night", what);
	CHECK_INT(r->rest_after_night_short, H(8), "%s: shortened to 8 h",
	    what);
	CHECK_INT(r->rest_after_series, H(46), "%s: 46 h after a series",
	    what);
	CHECK_INT(r->night_series, 3, "%s: series of 3", what);
	CHECK_INT(r->week_max, H(60), "%s: 60 h a week", what);
	CHECK_INT(r->avg_16w_max, H(48), "%s: 48 h over 16 weeks", what);
	CHECK_INT(r->avg_16w_night_max, H(40), "%s: 40 h with nights", what);
	CHECK_INT(r->avg_16w_night_count, 16, "%s: 16 nights", what);
	CHECK_INT(r->avg_4w_max, H(55), "%s: 55 h over 4 weeks", what);
	CHECK_INT(r->nights_16w_max, 36, "%s: 36 late nights", what);
	CHECK_INT(r->consecutive_max, 7, "%s: 7 consecutive", what);
	CHECK_INT(r->weekly_rest, H(36), "%s: 36 h weekly rest", what);
	CHECK_INT(r->weekly_rest_14d, H(72), "%s: 72 h per 14 days", what);
	CHECK_INT(r->weekly_rest_block, H(32), "%s: blocks of 32 h", what);
	CHECK_INT(r->week_start, 7, "%s: ATW week starts Sunday", what);
	CHECK_INT(r->night_long_max, H(12), "%s: long night 12 h", what);
	CHECK_INT(r->night_long_2w_max, 5, "%s: 5 long nights in 14 d", what);
	CHECK_INT(r->night_long_52w_max, 22, "%s: 22 in 52 weeks", what);
	CHECK_INT(r->night_long_rest, H(12), "%s: 12 h after", what);
	CHECK_INT(r->break_after, 330, "%s: break above 5.5 h", what);
	CHECK_INT(r->break_min, 30, "%s: of 30 min", what);
	CHECK_INT(r->break_long_after, H(10), "%s: above 10 h", what);
	CHECK_INT(r->break_long_min, 45, "%s: 45 min", what);
	CHECK_INT(r->break_part, 15, "%s: in parts of 15 min", what);
	CHECK_INT(r->sundays_free, 13, "%s: 13 free Sundays", what);
}

static void
test_defaults(void)
{
	struct pool_error	 e;
	struct pool_config	*c;

	c = pool_config_new_default(&e);
	CHECK(c != NULL, "defaults");
	if (c == NULL)
		return;
	check_atw(&c->rules, "defaults");
	CHECK_INT(c->rules.night_consecutive_max, 0,
	    "defaults: no limit on consecutive nights");
	CHECK_STR(c->source, "(built-in)", "defaults: source");
	CHECK_STR(c->timezone, "Europe/Amsterdam", "defaults: zone");
	CHECK_STR(c->preset, "atw", "defaults: preset");
	CHECK(c->pool == NULL, "defaults: no pool name");
	CHECK_INT(c->week_start, 1, "defaults: report weeks ISO");
	CHECK_INT(c->allocation.method, POOL_METHOD_HAMILTON,
	    "defaults: hamilton");
	CHECK_INT(c->allocation.unit_hours, 0, "defaults: unit shift");
	CHECK_INT(c->allocation.period_day, 0, "defaults: period week");
	CHECK_INT(c->allocation.carry_over, 0, "defaults: no carry-over");
	CHECK_INT(c->allocation.strict, 0, "defaults: soft quota");
	CHECK_INT(c->min_cell, 5, "defaults: min_cell 5");
	CHECK(c->pool_rate == -1, "defaults: no pool rate");
	CHECK(c->matching.travel == 1 && c->matching.preference == 20 &&
	    c->matching.signup == 30 && c->matching.continuity == 10 &&
	    c->matching.contract == 2 && c->matching.fairness == 1 &&
	    c->matching.overqualified == 15 && c->matching.change == 40,
	    "defaults: matching weights as in pool.yaml(5)");
	CHECK_INT(c->norgs + c->nroles + c->nshift_types, 0,
	    "defaults: no orgs, roles, shift types");
	CHECK(pool_config_org(c, "x") == NULL, "defaults: no org x");
	CHECK(pool_config_rules(c, "x") == &c->rules,
	    "defaults: unknown org has the pool's rules");
	CHECK_INT(pool_config_role_covers(c, "x", "x"), 1,
	    "defaults: a role covers itself");
	CHECK_INT(pool_config_role_covers(c, "x", "y"), 0,
	    "defaults: unknown roles cover nothing");
	pool_config_free(c);
	pool_config_free(NULL);
}

static void
test_presets(void)
{
	struct pool_rules	r;
	struct pool_error	e;

	CHECK_INT(pool_rules_preset(&r, "atw", &e), 0, "preset atw");
	check_atw(&r, "atw");

	CHECK_INT(pool_rules_preset(&r, "cao-vvt", &e), 0, "preset cao-vvt");
	CHECK_INT(r.shift_max, H(10), "cao-vvt: 10 h shift");
	CHECK_INT(r.night_long_max, 0, "cao-vvt: no long nights");
	r.shift_max = H(12);
	r.night_long_max = H(12);
	check_atw(&r, "cao-vvt, otherwise");

	CHECK_INT(pool_rules_preset(&r, "cao-ziekenhuizen", &e), 0,
	    "preset cao-ziekenhuizen");
	CHECK_INT(r.shift_max, H(10), "ziekenhuizen: 10 h shift");
	CHECK_INT(r.night_shift_max, H(9), "ziekenhuizen: 9 h night");
	CHECK_INT(r.night_consecutive_max, 5, "ziekenhuizen: 5 nights");
	CHECK_INT(r.week_max, H(60), "ziekenhuizen: 60 h week");
	CHECK_INT(r.avg_4w_max, H(55), "ziekenhuizen: 55 h over 4 weeks");
	CHECK_INT(r.avg_16w_max, H(48), "ziekenhuizen: 48 h over 16 weeks");
	CHECK_INT(r.avg_16w_night_max, H(40), "ziekenhuizen: 40 h nights");
	CHECK_INT(r.avg_16w_night_count, 16, "ziekenhuizen: 16 nights");
	CHECK_INT(r.night_long_max, 0, "ziekenhuizen: no long nights");
	CHECK_INT(r.sundays_free, 13, "ziekenhuizen: 13 free Sundays");
	r.shift_max = H(12);
	r.night_shift_max = H(10);
	r.night_long_max = H(12);
	check_atw(&r, "ziekenhuizen, otherwise");

	pool_error_clear(&e);
	CHECK_INT(pool_rules_preset(&r, "cao-ggz", &e), -1, "unknown preset");
	CHECK_STR(errtext(&e),
	    "unknown preset 'cao-ggz' (known: atw, cao-vvt, cao-ziekenhuizen)",
	    "unknown preset: message");
	CHECK_INT(e.code, POOL_ECONFIG, "unknown preset: code");
}

/* Compare two configs field by field. */
static int
same_config(const struct pool_config *a, const struct pool_config *b)
{
	size_t	i, j;

#define SAMESTR(x, y) ((x) == NULL ? (y) == NULL : \
	((y) != NULL && strcmp((x), (y)) == 0))
	if (!SAMESTR(a->pool, b->pool) || !SAMESTR(a->timezone, b->timezone) ||
	    !SAMESTR(a->preset, b->preset) || a->week_start != b->week_start ||
	    memcmp(&a->rules, &b->rules, sizeof(a->rules)) != 0 ||
	    memcmp(&a->matching, &b->matching, sizeof(a->matching)) != 0 ||
	    memcmp(&a->allocation, &b->allocation,
	    sizeof(a->allocation)) != 0 || a->min_cell != b->min_cell ||
	    a->pool_rate != b->pool_rate ||
	    a->norgs != b->norgs || a->nroles != b->nroles ||
	    a->nshift_types != b->nshift_types)
		return 0;
	for (i = 0; i < a->norgs; i++) {
		const struct pool_org_conf *x = &a->orgs[i], *y = &b->orgs[i];

		if (!SAMESTR(x->id, y->id) || !SAMESTR(x->name, y->name) ||
		    !SAMESTR(x->region, y->region) ||
		    !SAMESTR(x->preset, y->preset) ||
		    x->weight != y->weight || x->rate != y->rate ||
		    x->has_rules != y->has_rules ||
		    memcmp(&x->rules, &y->rules, sizeof(x->rules)) != 0 ||
		    x->ncontacts != y->ncontacts)
			return 0;
		for (j = 0; j < x->ncontacts; j++)
			if (!SAMESTR(x->contacts[j].name, y->contacts[j].name) ||
			    !SAMESTR(x->contacts[j].level,
			    y->contacts[j].level) ||
			    x->contacts[j].every_days !=
			    y->contacts[j].every_days)
				return 0;
	}
	for (i = 0; i < a->nroles; i++) {
		const struct pool_role_conf *x = &a->roles[i], *y = &b->roles[i];

		if (!SAMESTR(x->id, y->id) || !SAMESTR(x->name, y->name) ||
		    x->level != y->level || x->ncovers != y->ncovers ||
		    x->overqualified_penalty != y->overqualified_penalty)
			return 0;
		for (j = 0; j < x->ncovers; j++)
			if (!SAMESTR(x->covers[j], y->covers[j]))
				return 0;
	}
	for (i = 0; i < a->nshift_types; i++)
		if (!SAMESTR(a->shift_types[i].id, b->shift_types[i].id) ||
		    a->shift_types[i].start != b->shift_types[i].start ||
		    a->shift_types[i].end != b->shift_types[i].end)
			return 0;
#undef SAMESTR
	return 1;
}

/* conf written out as text (malloc'ed), or NULL. */
static char *
written(const struct pool_config *c)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*fp;

	if ((fp = open_memstream(&buf, &len)) == NULL)
		return NULL;
	if (pool_config_write(c, fp, NULL) == -1) {
		fclose(fp);
		free(buf);
		return NULL;
	}
	fclose(fp);
	return buf;
}

static void
test_example(void)
{
	struct pool_error		 e;
	struct pool_config		*c, *c2, *d;
	const struct pool_org_conf	*o;
	const struct pool_role_conf	*r;
	char				*t1, *t2;

	c = pool_config_load("../../testdata/pool.yaml.example", &e);
	CHECK(c != NULL, "example loads: %s", c ? "" : errtext(&e));
	if (c == NULL)
		return;
	CHECK_STR(c->source, "../../testdata/pool.yaml.example",
	    "example: source");
	CHECK_STR(c->pool, "Capaciteitscentrum Gooi en Vecht", "example: pool");
	CHECK_STR(c->timezone, "Europe/Amsterdam", "example: zone");
	CHECK_INT(c->week_start, 1, "example: week_start monday");
	check_atw(&c->rules, "example");
	CHECK_INT(c->norgs, 3, "example: 3 orgs");
	CHECK_INT(c->nroles, 3, "example: 3 roles");
	CHECK_INT(c->nshift_types, 3, "example: 3 shift types");
	CHECK_INT(c->min_cell, 5, "example: min_cell");
	CHECK(c->pool_rate == 32.5, "example: pool_rate 32.50");

	o = pool_config_org(c, "amaris");
	CHECK(o != NULL && o == &c->orgs[0], "example: org amaris found");
	if (o != NULL) {
		CHECK_STR(o->name, "Amaris", "amaris: name");
		CHECK(o->weight == 32.5, "amaris: weight 32.5");
		CHECK(o->rate == 41.2, "amaris: rate 41.20");
		CHECK_STR(o->region, "Gooi en Vecht", "amaris: region");
		CHECK_INT(o->has_rules, 0, "amaris: no own rules");
		CHECK(memcmp(&o->rules, &c->rules, sizeof(o->rules)) == 0,
		    "amaris: the pool's rules");
		CHECK_INT(o->ncontacts, 2, "amaris: 2 contacts");
		if (o->ncontacts == 2) {
			CHECK_STR(o->contacts[1].name, "steering group",
			    "amaris: contact name");
			CHECK_STR(o->contacts[1].level, "strategic",
			    "amaris: contact level");
			CHECK_INT(o->contacts[1].every_days, 14,
			    "amaris: every 14 days");
		}
	}
	o = pool_config_org(c, "hilverzorg");
	CHECK(o != NULL, "example: org hilverzorg found");
	if (o != NULL) {
		CHECK_STR(o->preset, "cao-vvt", "hilverzorg: preset");
		CHECK_INT(o->has_rules, 1, "hilverzorg: own rules");
		CHECK_INT(o->rules.shift_max, H(10), "hilverzorg: vvt 10 h");
		CHECK_INT(o->rules.rest_daily_short, H(10),
		    "hilverzorg: override applied after the preset");
		CHECK(pool_config_rules(c, "hilverzorg") == &o->rules,
		    "hilverzorg: pool_config_rules");
	}
	o = pool_config_org(c, "inovum");
	CHECK(o != NULL && o->weight == 12 && o->rate == -1 &&
	    o->name != NULL && o->ncontacts == 1 &&
	    o->contacts[0].name == NULL, "inovum: rate and contact name unset");
	CHECK(pool_config_org(c, "Amaris") == NULL, "org ids are exact");

	r = pool_config_role(c, "verpleegkundige");
	CHECK(r != NULL && r->level == 4 && r->overqualified_penalty == 25,
	    "role verpleegkundige");
	r = pool_config_role(c, "helpende");
	CHECK(r != NULL && r->overqualified_penalty == 15 && r->ncovers == 0,
	    "role helpende: penalty defaults to matching.overqualified");
	CHECK_INT(pool_config_role_covers(c, "verpleegkundige", "helpende"), 1,
	    "example: covers through a chain");
	CHECK_INT(pool_config_role_covers(c, "helpende", "verpleegkundige"), 0,
	    "example: never the reverse");
	CHECK_INT(c->shift_types[2].start, H(23), "night starts 23:00");
	CHECK_INT(c->shift_types[2].end, H(7), "night ends 07:00");
	CHECK_STR(c->shift_types[0].id, "early", "shift type id");

	/* Round trip: write, load, compare; write again, same text. */
	t1 = written(c);
	CHECK(t1 != NULL, "example: written");
	c2 = t1 ? load_str(t1, &e) : NULL;
	CHECK(c2 != NULL, "example: written text loads: %s",
	    c2 ? "" : errtext(&e));
	if (c2 != NULL) {
		CHECK(same_config(c, c2), "example: round trip gives the same");
		t2 = written(c2);
		CHECK(t2 != NULL && strcmp(t1, t2) == 0,
		    "example: written twice, the same text");
		free(t2);
	}
	d = pool_config_new_default(&e);
	CHECK(d != NULL && !same_config(c, d), "the comparison can fail");
	pool_config_free(d);
	pool_config_free(c2);
	free(t1);
	pool_config_free(c);

	/* The defaults round trip too. */
	c = pool_config_new_default(&e);
	t1 = c ? written(c) : NULL;
	c2 = t1 ? load_str(t1, &e) : NULL;
	CHECK(c2 != NULL && same_config(c, c2), "defaults: round trip");
	pool_config_free(c2);
	free(t1);
	pool_config_free(c);
}

/* Values the loader accepts, each checked. */
static void
test_values(void)
{
	struct pool_error	 e;
	struct pool_config	*c;

	c = load_str("rules:\n  shift_max_hours: 9.5\n"
	    "  rest_daily_hours: 10.25\n  night_start: \"23:00\"\n"
	    "  night_end: '07:00'\n  week_start: Monday\n"
	    "  rest_short_window_days: 14\n  avg_4w_max_hours: 0\n"
	    "  night_consecutive_max: 4\n"
	    "  night_long_max_hours: 11\n  night_long_2w_max: 2\n"
	    "  night_long_52w_max: 8\n  night_long_rest_hours: 12\n"
	    "  break_minutes: 0\n  break_long_minutes: 60\n"
	    "  break_part_minutes: 10\n  break_after_hours: 6\n"
	    "  break_long_after_hours: 9\n  sundays_free: 26\n"
	    "week_start: sunday\n"
	    "preset: cao-ziekenhuizen\n"
	    "allocation: {method: sainte-lague, unit: hour, period: day,\n"
	    "  carry_over: true, quota: strict}\n"
	    "shift_types: {late: 15:00-23:00, evening: \"17:00-24:00\"}\n"
	    "report: {min_cell: 0}\n"
	    "roles: ~\n"
	    "organisations: []\n", &e);
	CHECK(c != NULL, "values load: %s", c ? "" : errtext(&e));
	if (c == NULL)
		return;
	CHECK_INT(c->rules.shift_max, 570, "9.5 h is 570 min");
	CHECK_INT(c->rules.rest_daily, 615, "10.25 h is 615 min");
	CHECK_INT(c->rules.night_start, H(23), "night_start 23:00");
	CHECK_INT(c->rules.night_end, H(7), "night_end 07:00");
	CHECK_INT(c->rules.week_start, 1, "rules week_start Monday");
	CHECK_INT(c->rules.rest_short_window, 14 * 24 * 60, "14 days");
	CHECK_INT(c->rules.avg_4w_max, 0, "avg-4w switched off");
	CHECK_INT(c->rules.night_consecutive_max, 4,
	    "override beats the preset's 5");
	CHECK_INT(c->rules.night_long_max, H(11), "long night 11 h");
	CHECK_INT(c->rules.night_long_2w_max, 2, "2 long nights in 14 d");
	CHECK_INT(c->rules.night_long_52w_max, 8, "8 long nights a year");
	CHECK_INT(c->rules.night_long_rest, H(12), "12 h after");
	CHECK_INT(c->rules.break_min, 0, "break rule off");
	CHECK_INT(c->rules.break_long_min, 60, "60 min above");
	CHECK_INT(c->rules.break_part, 10, "parts of 10 min");
	CHECK_INT(c->rules.break_after, H(6), "break above 6 h");
	CHECK_INT(c->rules.break_long_after, H(9), "long break above 9 h");
	CHECK_INT(c->rules.sundays_free, 26, "26 free Sundays");
	CHECK_INT(c->rules.night_shift_max, H(9),
	    "preset applied before the rules, whatever the key order");
	CHECK_INT(c->week_start, 7, "report week_start sunday");
	CHECK_STR(c->preset, "cao-ziekenhuizen", "preset kept");
	CHECK_INT(c->allocation.method, POOL_METHOD_SAINTE_LAGUE, "method");
	CHECK_INT(c->allocation.unit_hours, 1, "unit hour");
	CHECK_INT(c->allocation.period_day, 1, "period day");
	CHECK_INT(c->allocation.carry_over, 1, "carry_over");
	CHECK_INT(c->allocation.strict, 1, "quota strict");
	CHECK_INT(c->nshift_types, 2, "2 shift types");
	if (c->nshift_types == 2) {
		CHECK_INT(c->shift_types[0].start, H(15), "late start");
		CHECK_INT(c->shift_types[1].end, 0, "24:00 ends at midnight");
	}
	CHECK_INT(c->min_cell, 0, "min_cell 0");
	CHECK_INT(c->nroles + c->norgs, 0, "null and [] are empty");
	pool_config_free(c);

	c = pool_config_load_buffer("pool: x\n", 8, NULL, &e);
	CHECK(c != NULL && strcmp(c->source, "<buffer>") == 0,
	    "no name: source <buffer>");
	pool_config_free(c);

	/* An empty file and a comment-only file are the defaults. */
	c = load_str("", &e);
	CHECK(c != NULL && c->rules.shift_max == H(12) &&
	    strcmp(c->source, "pool.yaml") == 0, "empty file: defaults");
	pool_config_free(c);
	c = load_str("# nothing\n---\n...\n", &e);
	CHECK(c != NULL, "comment-only document: defaults");
	pool_config_free(c);

	/* Aliases within the bound are followed. */
	c = load_str("matching: &w {travel: 3}\n"
	    "organisations:\n"
	    "  - {id: *w, name: x}\n", &e);
	CHECK_STR(c == NULL ? errtext(&e) : "", "pool.yaml:1: 'id' must be a "
	    "single value, not a mapping", "alias to a mapping as an id");
	c = load_str("x: &a 1\n", &e);
	CHECK(c == NULL, "unknown top key with an anchor refused");
	c = load_str("organisations:\n"
	    "  - {id: a, rules: &r {shift_max_hours: 8}}\n"
	    "  - {id: b, rules: *r}\n", &e);
	CHECK(c != NULL && c->norgs == 2 && c->orgs[1].has_rules &&
	    c->orgs[1].rules.shift_max == H(8), "an alias is followed: %s",
	    c ? "" : errtext(&e));
	pool_config_free(c);

	/* A file saved on Windows: a BOM and CRLF line ends. */
	c = load_str("\xef\xbb\xbfpool: Zorggroep\r\nrules:\r\n"
	    "  shift_max_hours: 9\r\n", &e);
	CHECK(c != NULL && strcmp(c->pool, "Zorggroep") == 0 &&
	    c->rules.shift_max == H(9), "BOM and CRLF: %s",
	    c ? "" : errtext(&e));
	pool_config_free(c);
	c = load_str("\xef\xbb\xbfpool: Zorggroep\r\nrules:\r\n"
	    "  shift_max_hours: 99\r\n", &e);
	CHECK_STR(errtext(&e), "pool.yaml:3: 'shift_max_hours' must be a "
	    "number of hours from 0 to 24, not '99'", "CRLF: lines counted");
	c = load_str("pool: Zorggroep \xc3\xa9\xc3\xa9n\n", &e);
	CHECK(c != NULL && strcmp(c->pool, "Zorggroep \xc3\xa9\xc3\xa9n") == 0,
	    "UTF-8 kept");
	pool_config_free(c);
	c = load_str("pool: \xff\xfe\n", &e);
	CHECK(c == NULL && e.code == POOL_EPARSE, "invalid UTF-8 refused");
	CHECK_STR(errtext(&e), "pool.yaml:1: invalid YAML: invalid leading "
	    "UTF-8 octet", "invalid UTF-8: message");

	/* Other names of a method. */
	c = load_str("allocation: {method: jefferson}\n", &e);
	CHECK(c != NULL && c->allocation.method == POOL_METHOD_DHONDT,
	    "method jefferson is dhondt");
	pool_config_free(c);
}

/* Every error message, exactly. */
static const struct {
	const char	*yaml;
	const char	*want;
} bad[] = {
	{ "rules:\n  rest_dialy_hours: 11\n",
	  "pool.yaml:2: unknown key 'rest_dialy_hours' in 'rules'" },
	{ "pool: a\npoool: b\n", "pool.yaml:2: unknown key 'poool'" },
	{ "\"a\\tb\": 1\n", "pool.yaml:1: unknown key 'a?b'" },
	{ "rules:\n  shift_max_hours_and_some_more_words_to_make_it_long: 1\n",
	  "pool.yaml:2: unknown key 'shift_max_hours_and_some_more_words_to_m"
	  "...' in 'rules'" },
	{ "organisations:\n  - id: a\n    weight: abc\n",
	  "pool.yaml:3: 'weight' must be a non-negative number, not 'abc'" },
	{ "organisations:\n  - {id: a, weight: -1}\n",
	  "pool.yaml:2: 'weight' must be a non-negative number, not '-1'" },
	{ "organisations:\n  - {id: a, rate: .nan}\n",
	  "pool.yaml:2: 'rate' must be a non-negative number, not '.nan'" },
	{ "organisations:\n  - {id: a, rate: nan}\n",
	  "pool.yaml:2: 'rate' must be a non-negative number, not 'nan'" },
	{ "organisations:\n  - {id: a, rate: inf}\n",
	  "pool.yaml:2: 'rate' must be a non-negative number, not 'inf'" },
	{ "organisations:\n  - {id: a, rate: 1e999}\n",
	  "pool.yaml:2: 'rate' must be a non-negative number, not '1e999'" },
	{ "organisations:\n  - {id: a, rate: 0x10}\n",
	  "pool.yaml:2: 'rate' must be a non-negative number, not '0x10'" },
	{ "organisations:\n  - {id: a, region: [x]}\n",
	  "pool.yaml:2: 'region' must be a single value, not a list" },
	{ "organisations:\n  - {id: a, foo: 1}\n",
	  "pool.yaml:2: unknown key 'foo' in 'organisations'" },
	{ "organisations:\n  - {name: a}\n",
	  "pool.yaml:2: organisation has no 'id'" },
	{ "organisations:\n  - {id: ''}\n",
	  "pool.yaml:2: organisation has an empty 'id'" },
	{ "organisations:\n  - {id: }\n",
	  "pool.yaml:2: 'id' has no value" },
	{ "organisations:\n  - a\n",
	  "pool.yaml:2: each entry of 'organisations' must be a mapping" },
	{ "organisations: {a: 1}\n",
	  "pool.yaml:1: 'organisations' must be a list" },
	{ "organisations:\n  - {id: a}\n  - {id: b}\n  - {id: a}\n",
	  "pool.yaml:4: duplicate organisation id 'a' (first on line 2)" },
	{ "organisations:\n  - {id: a, preset: cao-x}\n",
	  "pool.yaml:2: unknown preset 'cao-x' (known: atw, cao-vvt, "
	  "cao-ziekenhuizen)" },
	{ "organisations:\n  - id: a\n    rules:\n      shift_max: 8\n",
	  "pool.yaml:4: unknown key 'shift_max' in 'rules'" },
	{ "organisations:\n  - id: a\n    id: b\n",
	  "pool.yaml:3: duplicate key 'id' in 'organisations' "
	  "(first on line 2)" },
	{ "organisations:\n  - id: \"a\\tb\"\n",
	  "pool.yaml:2: 'id' must not contain control characters" },
	{ "organisations:\n  - id: a\n    contacts:\n      - {level: daily}\n",
	  "pool.yaml:4: 'level' must be one of operational, tactical, "
	  "strategic, not 'daily'" },
	{ "organisations:\n  - id: a\n    contacts:\n      - {level: tactical}\n",
	  "pool.yaml:4: contact has no 'every_days'" },
	{ "organisations:\n  - id: a\n    contacts:\n      - {every_days: 7}\n",
	  "pool.yaml:4: contact has no 'level'" },
	{ "organisations:\n  - id: a\n    contacts:\n"
	  "      - {level: tactical, every_days: 0}\n",
	  "pool.yaml:4: 'every_days' must be a whole number from 1 to 3660, "
	  "not '0'" },
	{ "organisations:\n  - id: a\n    contacts:\n"
	  "      - {level: tactical, every_days: 7, when: x}\n",
	  "pool.yaml:4: unknown key 'when' in 'contacts'" },
	{ "pool: x\npool: y\n",
	  "pool.yaml:2: duplicate key 'pool' (first on line 1)" },
	{ "rules:\n  shift_max_hours: 8\n  shift_max_hours: 9\n",
	  "pool.yaml:3: duplicate key 'shift_max_hours' in 'rules' "
	  "(first on line 2)" },
	{ "rules:\n  shift_max_hours: -1\n",
	  "pool.yaml:2: 'shift_max_hours' must be a number of hours from 0 to "
	  "24, not '-1'" },
	{ "rules:\n  shift_max_hours: 25\n",
	  "pool.yaml:2: 'shift_max_hours' must be a number of hours from 0 to "
	  "24, not '25'" },
	{ "rules:\n  week_max_hours: .inf\n",
	  "pool.yaml:2: 'week_max_hours' must be a number of hours from 0 to "
	  "168, not '.inf'" },
	{ "rules:\n  night_series: 2.5\n",
	  "pool.yaml:2: 'night_series' must be a whole number from 0 to 28, "
	  "not '2.5'" },
	{ "rules:\n  nights_16w_max: 113\n",
	  "pool.yaml:2: 'nights_16w_max' must be a whole number from 0 to 112, "
	  "not '113'" },
	{ "rules:\n  rest_short_window_days: 0\n",
	  "pool.yaml:2: 'rest_short_window_days' must be a whole number from "
	  "1 to 28, not '0'" },
	{ "rules:\n  night_start: \"24:00\"\n",
	  "pool.yaml:2: 'night_start' must be a time HH:MM, not '24:00'" },
	{ "rules:\n  night_end: 6\n",
	  "pool.yaml:2: 'night_end' must be a time HH:MM, not '6'" },
	{ "rules:\n  night_late_end: \"2:00\"\n",
	  "pool.yaml:2: 'night_late_end' must be a time HH:MM, not '2:00'" },
	{ "rules:\n  week_start: zondag\n",
	  "pool.yaml:2: 'week_start' must be a day of the week "
	  "(monday ... sunday), not 'zondag'" },
	{ "rules:\n  rest_daily_short_hours: 12\n",
	  "pool.yaml:2: 'rest_daily_short_hours' (12) must not exceed "
	  "'rest_daily_hours' (11)" },
	{ "rules:\n  rest_after_night_hours: 7.5\n",
	  "pool.yaml:2: 'rest_after_night_short_hours' (8) must not exceed "
	  "'rest_after_night_hours' (7.5)" },
	{ "rules:\n  weekly_rest_14d_hours: 30\n",
	  "pool.yaml:2: 'weekly_rest_block_hours' (32) must not exceed "
	  "'weekly_rest_14d_hours' (30)" },
	{ "rules:\n  night_end: \"00:00\"\n",
	  "pool.yaml:2: the night window 'night_start' to 'night_end' is "
	  "empty" },
	{ "rules: [1]\n", "pool.yaml:1: 'rules' must be a mapping" },
	{ "rules: 12\n", "pool.yaml:1: 'rules' must be a mapping" },
	{ "preset: atw2\n",
	  "pool.yaml:1: unknown preset 'atw2' (known: atw, cao-vvt, "
	  "cao-ziekenhuizen)" },
	{ "timezone: Europe Amsterdam\n",
	  "pool.yaml:1: 'timezone' must be a tz database name such as "
	  "Europe/Amsterdam, not 'Europe Amsterdam'" },
	{ "timezone: ../../etc/passwd\n",
	  "pool.yaml:1: 'timezone' must be a tz database name such as "
	  "Europe/Amsterdam, not '../../etc/passwd'" },
	{ "timezone: /etc/localtime\n",
	  "pool.yaml:1: 'timezone' must be a tz database name such as "
	  "Europe/Amsterdam, not '/etc/localtime'" },
	{ "timezone: Europe//Amsterdam\n",
	  "pool.yaml:1: 'timezone' must be a tz database name such as "
	  "Europe/Amsterdam, not 'Europe//Amsterdam'" },
	{ "week_start: 1\n",
	  "pool.yaml:1: 'week_start' must be a day of the week "
	  "(monday ... sunday), not '1'" },
	{ "pool:\n", "pool.yaml:1: 'pool' has no value" },
	{ "pool: {a: 1}\n",
	  "pool.yaml:1: 'pool' must be a single value, not a mapping" },
	{ "roles:\n  - {id: a, covers: [b]}\n  - {id: b, covers: [c]}\n"
	  "  - {id: c, covers: [a]}\n",
	  "pool.yaml:4: 'covers' forms a cycle: a -> b -> c -> a" },
	{ "roles:\n  - {id: a, covers: [a]}\n",
	  "pool.yaml:2: 'covers' forms a cycle: a -> a" },
	{ "roles:\n  - {id: a, covers: [x]}\n",
	  "pool.yaml:2: role 'a' covers unknown role 'x'" },
	{ "roles:\n  - id: a\n  - id: b\n  - id: a\n",
	  "pool.yaml:4: duplicate role id 'a' (first on line 2)" },
	{ "roles:\n  - {id: a, level: high}\n",
	  "pool.yaml:2: 'level' must be a whole number from 0 to 99, "
	  "not 'high'" },
	{ "roles:\n  - {id: a, covers: b}\n",
	  "pool.yaml:2: 'covers' must be a list" },
	{ "roles:\n  - {id: a, penalty: 1}\n",
	  "pool.yaml:2: unknown key 'penalty' in 'roles'" },
	{ "roles:\n  - {name: a}\n", "pool.yaml:2: role has no 'id'" },
	{ "roles:\n  - [a]\n",
	  "pool.yaml:2: each entry of 'roles' must be a mapping" },
	{ "matching: {travel: -0.5}\n",
	  "pool.yaml:1: 'travel' must be a non-negative number, not '-0.5'" },
	{ "matching: {distance: 1}\n",
	  "pool.yaml:1: unknown key 'distance' in 'matching'" },
	{ "allocation: {method: borda}\n",
	  "pool.yaml:1: 'method' must be one of hamilton, dhondt, "
	  "sainte-lague, huntington-hill, adams, not 'borda'" },
	{ "allocation: {unit: day}\n",
	  "pool.yaml:1: 'unit' must be one of shift, hour, not 'day'" },
	{ "allocation: {period: month}\n",
	  "pool.yaml:1: 'period' must be one of week, day, not 'month'" },
	{ "allocation: {quota: hard}\n",
	  "pool.yaml:1: 'quota' must be one of soft, strict, not 'hard'" },
	{ "allocation: {carry_over: yes}\n",
	  "pool.yaml:1: 'carry_over' must be true or false, not 'yes'" },
	{ "allocation: {round: up}\n",
	  "pool.yaml:1: unknown key 'round' in 'allocation'" },
	{ "shift_types: {early: 07:00}\n",
	  "pool.yaml:1: 'early' must be a time range HH:MM-HH:MM, "
	  "not '07:00'" },
	{ "shift_types: {early: 07:00-25:00}\n",
	  "pool.yaml:1: 'early' must be a time range HH:MM-HH:MM, "
	  "not '07:00-25:00'" },
	{ "shift_types: {day: 07:00-07:00}\n",
	  "pool.yaml:1: shift type 'day' starts and ends at the same time" },
	{ "shift_types:\n  early: 07:00-15:00\n  early: 06:00-14:00\n",
	  "pool.yaml:3: duplicate key 'early' in 'shift_types' "
	  "(first on line 2)" },
	{ "report: {min_cell: -1}\n",
	  "pool.yaml:1: 'min_cell' must be a whole number from 0 to 1000000, "
	  "not '-1'" },
	{ "report: {max_cell: 1}\n",
	  "pool.yaml:1: unknown key 'max_cell' in 'report'" },
	{ "settlement: {pool_rate: -2}\n",
	  "pool.yaml:1: 'pool_rate' must be a non-negative number, "
	  "not '-2'" },
	{ "settlement:\n  pool_rate: 30\n  rate: 30\n",
	  "pool.yaml:3: unknown key 'rate' in 'settlement'" },
	{ "settlement: 30\n",
	  "pool.yaml:1: 'settlement' must be a mapping" },
	{ "- a\n- b\n",
	  "pool.yaml:1: the file must be a mapping of keys "
	  "(see pool.yaml(5))" },
	{ "just text\n",
	  "pool.yaml:1: the file must be a mapping of keys "
	  "(see pool.yaml(5))" },
	{ "[a]: 1\n", "pool.yaml:1: a key must be a string" },
	{ "pool: a\n---\npool: b\n",
	  "pool.yaml:2: more than one YAML document" },
	{ "pool: *nothing\n", "pool.yaml:1: unknown alias '*nothing'" },
	{ "pool: &a [*a]\n", "pool.yaml:1: unknown alias '*a'" },
	{ "rules:\n  shift_max_hours: 8\n shift: 1\n",
	  "pool.yaml:3: invalid YAML: did not find expected key "
	  "while parsing a block mapping" },
	{ "pool: \"abc\n",
	  "pool.yaml:2: invalid YAML: found unexpected end of stream "
	  "while scanning a quoted scalar" },
	{ "pool: a\n\tb: c\n",
	  "pool.yaml:2: invalid YAML: found a tab character that violates "
	  "indentation while scanning a plain scalar" },
	{ "pool: \"\\0\"\n",
	  "pool.yaml:1: 'pool' must not contain control characters" }
};

static void
test_errors(void)
{
	struct pool_error	 e;
	struct pool_config	*c;
	size_t			 i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		pool_error_clear(&e);
		c = load_str(bad[i].yaml, &e);
		CHECK(c == NULL, "bad %zu refused", i);
		CHECK_STR(errtext(&e), bad[i].want, "bad %zu message", i);
		pool_config_free(c);
	}
	/* Codes: a syntax error, a value, a limit. */
	c = load_str("a: [\n", &e);
	CHECK_INT(e.code, POOL_EPARSE, "syntax error code");
	c = load_str("pool: [a]\n", &e);
	CHECK_INT(e.code, POOL_ECONFIG, "value error code");
	CHECK_STR(e.source, "pool.yaml", "error source");
	CHECK_INT(e.line, 1, "error line");

	c = pool_config_load("config/no-such-file.yaml", &e);
	CHECK(c == NULL && e.code == POOL_ESYS, "missing file refused");
	CHECK_STR(errtext(&e), "config/no-such-file.yaml: cannot open: "
	    "No such file or directory", "missing file message");
	c = pool_config_load("config", &e);
	CHECK(c == NULL && e.code == POOL_ESYS, "a directory refused");
	CHECK_STR(errtext(&e), "config: cannot read: Is a directory",
	    "a directory: message");
	c = pool_config_load("config/bad-line.yaml", &e);
	CHECK_STR(errtext(&e), "config/bad-line.yaml:7: 'weight' must be a "
	    "non-negative number, not 'twelve'", "file error names the file");
}

static void
test_limits(void)
{
	struct pool_error	 e;
	struct pool_config	*c;
	char			*buf, path[] = "/tmp/test_config.XXXXXX";
	size_t			 n, i;
	FILE			*fp;
	int			 fd;

	/* 1 MiB of comments is fine; one byte more is not. */
	n = POOL_CONFIG_MAX_SIZE;
	buf = malloc(n + 1);
	if (buf == NULL)
		return;
	memset(buf, '#', n + 1);
	for (i = 99; i < n + 1; i += 100)
		buf[i] = '\n';
	memcpy(buf, "pool: big\n", 10);
	c = pool_config_load_buffer(buf, n, "big.yaml", &e);
	CHECK(c != NULL && strcmp(c->pool, "big") == 0, "1 MiB loads");
	pool_config_free(c);
	c = pool_config_load_buffer(buf, n + 1, "big.yaml", &e);
	CHECK(c == NULL && e.code == POOL_ELIMIT, "1 MiB + 1 refused");
	CHECK_STR(errtext(&e), "big.yaml: file too large (more than 1 MiB)",
	    "too large: message");
	if ((fd = mkstemp(path)) != -1 && (fp = fdopen(fd, "w")) != NULL) {
		fwrite(buf, 1, n + 1, fp);
		fwrite(buf, 1, n, fp);
		fclose(fp);
		c = pool_config_load(path, &e);
		CHECK(c == NULL && e.code == POOL_ELIMIT &&
		    strstr(errtext(&e), "file too large") != NULL,
		    "2 MiB file refused");
		unlink(path);
	}
	free(buf);

	/* Billion laughs: refused at the 65th alias. */
	c = load_str("a: &a [x, x, x, x, x, x, x, x, x]\n"
	    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
	    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
	    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
	    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
	    "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
	    "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
	    "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
	    "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n", &e);
	CHECK(c == NULL && e.code == POOL_ELIMIT, "alias bomb refused");
	CHECK_STR(errtext(&e), "pool.yaml:5: aliases expand to more than "
	    "10000 nodes", "alias bomb: refused by size first");
	/* Few aliases that expand a lot. */
	c = load_str("a: &a [x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x]\n"
	    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
	    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
	    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n", &e);
	CHECK_STR(errtext(&e), "pool.yaml:4: aliases expand to more than "
	    "10000 nodes", "wide alias expansion refused");
	/* Many small aliases. */
	n = 70 * 4 + 32;
	if ((buf = malloc(n)) != NULL) {
		strcpy(buf, "pool: &p x\nroles: [");
		for (i = 0; i < 70; i++)
			strcat(buf, "*p, ");
		strcat(buf, "]\n");
		c = load_str(buf, &e);
		CHECK_STR(errtext(&e), "pool.yaml:2: more than 64 aliases",
		    "65 aliases refused");
		free(buf);
	}
	/* Nesting. */
	c = load_str("a: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]"
	    "]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n", &e);
	CHECK_STR(errtext(&e), "pool.yaml:1: nesting deeper than 32 levels",
	    "deep nesting refused");
	CHECK(c == NULL, "deep nesting: no config");
}

static void
test_covers(void)
{
	struct pool_error	 e;
	struct pool_config	*c;
	struct pool_role_conf	*roles;
	static const struct {
		const char	*have, *want;
		int		 yes;
	} t[] = {
		{ "hbo-v", "mbo-v", 1 },
		{ "hbo-v", "vig", 1 },
		{ "hbo-v", "helpende", 1 },
		{ "mbo-v", "helpende", 1 },
		{ "vig", "helpende", 1 },
		{ "helpende", "vig", 0 },
		{ "vig", "mbo-v", 0 },
		{ "helpende", "hbo-v", 0 },
		{ "poh", "da", 1 },
		{ "da", "poh", 0 },
		{ "hbo-v", "da", 0 },
		{ "da", "helpende", 0 },
		{ "vig", "vig", 1 },
		{ "nurse", "nurse", 1 },
		{ "nurse", "vig", 0 },
		{ "hbo-v", "nurse", 0 }
	};
	size_t	i, pass;

	c = load_str("roles:\n"
	    "  - {id: helpende, level: 2}\n"
	    "  - {id: hbo-v, level: 5, covers: [mbo-v]}\n"
	    "  - {id: vig, level: 3, covers: [helpende]}\n"
	    "  - {id: mbo-v, level: 4, covers: [vig, helpende]}\n"
	    "  - {id: da}\n"
	    "  - {id: poh, covers: [da]}\n", &e);
	CHECK(c != NULL, "covers config loads: %s", c ? "" : errtext(&e));
	if (c == NULL)
		return;
	/* Pass 0 with the closure table, pass 1 after a change by hand. */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
			CHECK_INT(pool_config_role_covers(c, t[i].have,
			    t[i].want), t[i].yes, "pass %zu: %s covers %s",
			    pass, t[i].have, t[i].want);
		CHECK(pool_config_role(c, "mbo-v") != NULL &&
		    pool_config_role(c, "mbo-v")->level == 4,
		    "pass %zu: role lookup", pass);
		/* Add a role by hand: the lookups fall back to a search. */
		roles = realloc(c->roles, (c->nroles + 1) * sizeof(*roles));
		if (roles == NULL)
			break;
		c->roles = roles;
		memset(&c->roles[c->nroles], 0, sizeof(c->roles[0]));
		c->roles[c->nroles].id = strdup(pass ? "zz1" : "zz0");
		c->nroles++;
	}
	CHECK(pool_config_role(c, "zz1") != NULL, "hand-added role found");
	CHECK_INT(pool_config_index(c, &e), 0, "index again");
	CHECK_INT(pool_config_role_covers(c, "hbo-v", "helpende"), 1,
	    "after indexing again");
	/* A cycle made by hand is found by pool_config_index. */
	free(c->roles[1].covers[0]);
	c->roles[1].covers[0] = strdup("zz1");
	free(c->roles[0].id);
	c->roles[0].id = strdup("hbo-v");
	CHECK_INT(pool_config_index(c, &e), -1, "duplicate by hand");
	CHECK_STR(errtext(&e), "duplicate role id 'hbo-v'",
	    "duplicate by hand: message");
	free(c->roles[0].id);
	c->roles[0].id = NULL;
	CHECK_INT(pool_config_index(c, &e), -1, "no id by hand");
	CHECK_STR(errtext(&e), "role 1 has no id", "no id by hand: message");
	CHECK_INT(pool_config_role_covers(c, "hbo-v", "zz1"), 1,
	    "a failed index leaves the lookups searching");
	pool_config_free(c);
}

static void
test_names(void)
{
	static const char *const m[] = { "hamilton", "dhondt",
	    "sainte-lague", "huntington-hill", "adams" };
	size_t	i;

	for (i = 0; i < 5; i++) {
		CHECK_INT(pool_config_method_parse(m[i]), (int)i,
		    "method %s", m[i]);
		CHECK_STR(pool_config_method_name((enum pool_alloc_method)i),
		    m[i], "method name %zu", i);
	}
	CHECK_INT(pool_config_method_parse("webster"),
	    POOL_METHOD_SAINTE_LAGUE, "webster");
	CHECK_INT(pool_config_method_parse("largest-remainder"),
	    POOL_METHOD_HAMILTON, "largest-remainder");
	CHECK_INT(pool_config_method_parse("Hamilton"), -1,
	    "method names are lower-case");
	CHECK_INT(pool_config_method_parse(""), -1, "empty method");
	CHECK_INT(pool_config_weekday_parse("monday"), 1, "monday");
	CHECK_INT(pool_config_weekday_parse("SUNDAY"), 7, "SUNDAY");
	CHECK_INT(pool_config_weekday_parse("sun"), -1, "sun is not a day");
}

int
main(void)
{
	test_defaults();
	test_presets();
	test_example();
	test_values();
	test_errors();
	test_limits();
	test_covers();
	test_names();
	return test_done();
}
