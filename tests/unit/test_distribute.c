/*
 * Tests of lib/distribute.c: units mode, weights from pool.yaml and org
 * records and their errors, pass-through and replacement of allocation
 * records, pool mode (supply bound honouring roles, skills,
 * availability, absence, overlap, nights, dedicated workers), the key
 * under scarcity, carry-over and the hour unit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "pool.h"
#include "pool_config.h"
#include "pool_distribute.h"
#include "test.h"

struct result {
	int	 add_errors;
	int	 rc;
	char	 err[512];
	char	*out;
	char	*explain;
};

static void
result_free(struct result *r)
{
	free(r->out);
	free(r->explain);
	memset(r, 0, sizeof(*r));
}

/* Run over a config text and NDJSON input text (lines end in \n). */
static void
run(const char *yaml, const struct pool_distribute_opts *o,
    const char *input, struct result *r)
{
	struct pool_config	*conf;
	struct pool_dist	*d;
	struct pool_error	 err;
	const char		*p, *nl;
	unsigned long		 lineno = 0;
	size_t			 len;
	FILE			*f;

	memset(r, 0, sizeof(*r));
	pool_error_clear(&err);
	conf = yaml ? pool_config_load_buffer(yaml, strlen(yaml), "pool.yaml",
	    &err) : pool_config_new_default(&err);
	if (conf == NULL) {
		pool_error_format(&err, r->err, sizeof(r->err));
		r->rc = -2;
		return;
	}
	if ((d = pool_dist_new(conf, o, &err)) == NULL) {
		pool_error_format(&err, r->err, sizeof(r->err));
		r->rc = -3;
		pool_config_free(conf);
		return;
	}
	for (p = input; *p != '\0'; p = nl + 1) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p) - 1;
		lineno++;
		if (pool_dist_add(d, p, (size_t)(nl - p), "in.ndjson", lineno,
		    &err) != 0)
			r->add_errors++;
	}
	r->rc = pool_dist_run(d, &err);
	if (r->rc != 0)
		pool_error_format(&err, r->err, sizeof(r->err));
	f = open_memstream(&r->out, &len);
	pool_dist_write(d, f);
	fclose(f);
	f = open_memstream(&r->explain, &len);
	pool_dist_explain(d, f, 1);
	fclose(f);
	pool_dist_free(d);
	pool_config_free(conf);
}

/* The new allocation lines only (after the passed-through input). */
static const char *
tail_after(const char *out, const char *input)
{
	size_t	n = strlen(input);

	return strncmp(out, input, n) == 0 ? out + n : "(input not passed on)";
}

static const char orgs_yaml[] =
    "organisations:\n"
    "  - id: vivium\n"
    "    weight: 140\n"
    "  - id: amaris\n"
    "    weight: 12.5\n"
    "  - id: zorgbalans\n"
    "    weight: 0.125\n";

static void
test_units(void)
{
	struct pool_distribute_opts	o;
	struct result			r;
	const char			*in =
	    "{\"type\":\"note\",  \"x\" : 1}\n"
	    "{\"type\":\"allocation\",\"org\":\"old\",\"period\":\"all\","
	    "\"units\":1,\"entitled\":1}\n"
	    "{\"type\":\"allocation\",\"org\":\"old\",\"period\":\"2026\","
	    "\"units\":1,\"entitled\":1}\n"
	    "{\"type\":\"org\",\"id\":\"amaris\",\"weight\":47.5}\n";

	pool_distribute_opts_init(&o);
	o.units_mode = 1;
	o.units = 10;
	o.method = POOL_METHOD_DHONDT;
	run(orgs_yaml, &o, in, &r);
	CHECK_INT(r.rc, 0, "units mode runs (%s)", r.err);
	CHECK(strncmp(r.out, in, strlen(in) - strlen(strstr(in,
	    "{\"type\":\"allocation\",\"org\":\"old\",\"period\":\"all\""))) == 0,
	    "unknown record passed on byte for byte");
	CHECK(strstr(r.out, "\"period\":\"all\",\"units\":1,") == NULL,
	    "old allocation of period 'all' replaced");
	CHECK(strstr(r.out, "\"period\":\"2026\"") != NULL,
	    "allocation of another period kept");
	CHECK(strstr(r.out,
	    "{\"type\":\"allocation\",\"org\":\"amaris\",\"period\":\"all\","
	    "\"units\":2,\"entitled\":2,\"weight\":47.5,\"quota\":\"200/79\","
	    "\"method\":\"dhondt\",\"total\":10,\"tie\":false}\n"
	    "{\"type\":\"allocation\",\"org\":\"vivium\",\"period\":\"all\","
	    "\"units\":8,\"entitled\":8,\"weight\":140,\"quota\":\"11200/1501\","
	    "\"method\":\"dhondt\",\"total\":10,\"tie\":false}\n"
	    "{\"type\":\"allocation\",\"org\":\"zorgbalans\",\"period\":\"all\","
	    "\"units\":0,\"entitled\":0,\"weight\":0.125,\"quota\":\"10/1501\","
	    "\"method\":\"dhondt\",\"total\":10,\"tie\":false}\n") != NULL,
	    "records override pool.yaml; sorted by id; exact quotas");
	result_free(&r);

	o.weights = POOL_WEIGHTS_CONFIG;
	o.period = "2026-Q4";
	o.method = POOL_METHOD_HAMILTON;
	run(orgs_yaml, &o, in, &r);
	CHECK(strstr(r.out, "\"org\":\"amaris\",\"period\":\"2026-Q4\","
	    "\"units\":1,\"entitled\":1,\"weight\":12.5,\"quota\":\"1250/1525\"")
	    == NULL && strstr(r.out, "\"org\":\"amaris\",\"period\":\"2026-Q4\","
	    "\"units\":1,\"entitled\":1,\"weight\":12.5,\"quota\":\"1000/1221\"")
	    != NULL, "--weights config ignores org records; --period label");
	CHECK(strstr(r.out, "\"period\":\"all\",\"units\":1,") != NULL,
	    "allocation of 'all' kept when another period is computed");
	result_free(&r);

	o.weights = POOL_WEIGHTS_RECORDS;
	o.period = NULL;
	run(orgs_yaml, &o, in, &r);
	CHECK_STR(tail_after(r.out, "{\"type\":\"note\",  \"x\" : 1}\n"
	    "{\"type\":\"allocation\",\"org\":\"old\",\"period\":\"2026\","
	    "\"units\":1,\"entitled\":1}\n"
	    "{\"type\":\"org\",\"id\":\"amaris\",\"weight\":47.5}\n"),
	    "{\"type\":\"allocation\",\"org\":\"amaris\",\"period\":\"all\","
	    "\"units\":10,\"entitled\":10,\"weight\":47.5,\"quota\":\"10\","
	    "\"method\":\"hamilton\",\"total\":10,\"tie\":false}\n",
	    "--weights records: only org records");
	CHECK(strstr(r.explain, "all: 10 units by hamilton\n"
	    "  org     weight    quota  entitled\n"
	    "  amaris    47.5  10.0000        10\n") != NULL,
	    "explain table");
	result_free(&r);
}

/*
 * Weights of org records are read by the record reader, as pool.yaml's
 * are: exact for every weight with at most 15 significant digits.
 */
static void
test_exact_weights(void)
{
	struct pool_distribute_opts	o;
	struct result			r;

	pool_distribute_opts_init(&o);
	o.units_mode = 1;
	o.units = 3;
	o.weights = POOL_WEIGHTS_RECORDS;
	run(NULL, &o, "{\"type\":\"org\",\"id\":\"a\",\"name\":\"x,"
	    "\\\"weight\\\":5\",\"n\":{\"weight\":[7]},"
	    "\"weight\":123456789012.123456}\n"
	    "{\"type\":\"org\",\"id\":\"b\",\"weight\":2.5E-1}\n"
	    "{\"type\":\"org\",\"id\":\"c\",\"weight\":1234567890.1234567}\n",
	    &r);
	CHECK_INT(r.rc, -1, "7 decimals refused");
	CHECK_STR(r.err, "in.ndjson:3: org 'c': field 'weight': has more than "
	    "6 decimals", "error names the line, org and field");
	result_free(&r);
	run(NULL, &o, "{\"type\":\"org\",\"id\":\"a\",\"name\":\"x,"
	    "\\\"weight\\\":5\",\"n\":{\"weight\":[7]},"
	    "\"weight\":123456789012.123}\n"
	    "{\"type\":\"org\",\"id\":\"b\",\"weight\":2.5E-1}\n", &r);
	CHECK_INT(r.rc, 0, "15 significant digits run");
	CHECK(strstr(r.out, "\"weight\":123456789012.123,\"quota\":"
	    "\"370370367036369/123456789012373\"") != NULL,
	    "15 significant digits kept exactly; keys inside strings and "
	    "nested objects ignored");
	CHECK(strstr(r.out, "\"org\":\"b\",\"period\":\"all\",\"units\":0,"
	    "\"entitled\":0,\"weight\":0.25,") != NULL, "exponent form");
	result_free(&r);
}

static void
test_weight_errors(void)
{
	static const struct {
		const char	*yaml;
		const char	*input;
		int		 weights;
		const char	*want;
	} t[] = {
		{ "organisations:\n  - id: amaris\n    weight: 0.1234567\n", "",
		  POOL_WEIGHTS_BOTH,
		  "pool.yaml: organisation 'amaris': field 'weight': has more "
		  "than 6 decimals" },
		{ "organisations:\n  - id: amaris\n", "", POOL_WEIGHTS_BOTH,
		  "pool.yaml: organisation 'amaris': field 'weight': missing" },
		{ NULL, "{\"type\":\"org\",\"id\":\"x\",\"weight\":1e13}\n",
		  POOL_WEIGHTS_BOTH,
		  "in.ndjson:1: org 'x': field 'weight': must be at most 10^12" },
		{ NULL, "{\"type\":\"shift\",\"id\":\"s\"}\n"
		  "{\"type\":\"org\",\"id\":\"x\"}\n", POOL_WEIGHTS_BOTH,
		  "in.ndjson:2: org 'x': field 'weight': missing" },
		{ orgs_yaml, "", POOL_WEIGHTS_RECORDS,
		  "no organisations: give them in pool.yaml or as org records" },
	};
	struct pool_distribute_opts	o;
	struct result			r;
	size_t				i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		pool_distribute_opts_init(&o);
		o.units_mode = 1;
		o.units = 5;
		o.weights = t[i].weights;
		run(t[i].yaml, &o, t[i].input, &r);
		CHECK_INT(r.rc, -1, "bad weights %zu refused", i);
		CHECK_STR(r.err, t[i].want, "error text %zu", i);
		CHECK(strstr(r.out, "\"type\":\"allocation\"") == NULL,
		    "no allocation written after an error %zu", i);
		result_free(&r);
	}
	/* Bad weights that the record parser refuses: line errors. */
	pool_distribute_opts_init(&o);
	o.units_mode = 1;
	o.units = 5;
	run(orgs_yaml, &o, "{\"type\":\"org\",\"id\":\"x\",\"weight\":-1}\n"
	    "{\"type\":\"org\",\"id\":\"y\",\"weight\":\"heavy\"}\n", &r);
	CHECK_INT(r.add_errors, 2, "negative and non-numeric weights are "
	    "line errors");
	CHECK(strstr(r.out, "{\"type\":\"org\",\"id\":\"x\",\"weight\":-1}\n")
	    == r.out, "the bad line is passed on unchanged");
	CHECK_STR(r.err, "2 org records refused: nothing divided",
	    "no division without every org record");
	result_free(&r);
}

static const char *pool_yaml =
    "timezone: Europe/Amsterdam\n"
    "allocation:\n"
    "  method: hamilton\n"
    "  unit: shift\n"
    "  period: week\n"
    "  carry_over: false\n"
    "roles:\n"
    "  - id: helpende\n"
    "  - id: verzorgende-ig\n"
    "    covers: [helpende]\n"
    "organisations:\n"
    "  - id: amaris\n"
    "    weight: 300\n"
    "  - id: vivium\n"
    "    weight: 100\n";

#define SHIFT(id, org, role, day, from, to, extra)			\
	"{\"type\":\"shift\",\"id\":\"" id "\",\"org\":\"" org "\","	\
	"\"role\":\"" role "\",\"start\":\"2026-11-" day "T" from	\
	":00+01:00\",\"end\":\"2026-11-" day "T" to ":00+01:00\"" extra "}\n"

/* Four Monday day shifts and one Tuesday shift of role helpende. */
static const char *week48 =
    SHIFT("a1", "amaris", "helpende", "23", "07:00", "15:00", "")
    SHIFT("a2", "amaris", "helpende", "23", "07:00", "15:00", "")
    SHIFT("a3", "amaris", "helpende", "23", "07:00", "15:00", "")
    SHIFT("v1", "vivium", "helpende", "23", "07:00", "15:00", "")
    SHIFT("v2", "vivium", "helpende", "24", "07:00", "15:00", "");

static char *
cat(const char *a, const char *b)
{
	size_t	la = strlen(a), lb = strlen(b);
	char	*s = malloc(la + lb + 1);

	if (s == NULL)
		abort();
	memcpy(s, a, la);
	memcpy(s + la, b, lb + 1);
	return s;
}

/* The value of "key": in the allocation line of org (a number). */
static long
field(const char *out, const char *org, const char *key)
{
	char		 pat[96];
	const char	*p, *q;

	snprintf(pat, sizeof(pat), "\"type\":\"allocation\",\"org\":\"%s\"",
	    org);
	if ((p = strstr(out, pat)) == NULL)
		return -1;
	while ((q = strstr(p + 1, pat)) != NULL)
		p = q;		/* the last one: ours follow the input */
	snprintf(pat, sizeof(pat), "\"%s\":", key);
	if ((q = strstr(p, pat)) == NULL || (strchr(p, '\n') < q))
		return -1;
	return strtol(q + strlen(pat), NULL, 10);
}

static void
test_supply(void)
{
	static const struct {
		const char	*workers;
		long		 supply;
		const char	*what;
	} t[] = {
		{ "", 0, "no workers: supply 0" },
		{ "{\"type\":\"worker\",\"id\":\"w\",\"roles\":[\"helpende\"]}\n",
		  2, "one worker: one Monday shift and the Tuesday shift" },
		{ "{\"type\":\"worker\",\"id\":\"w\",\"roles\":[\"verzorgende-ig\"]}\n",
		  2, "a role that covers the shift's role counts" },
		{ "{\"type\":\"worker\",\"id\":\"w\",\"roles\":[\"mbo\"]}\n",
		  0, "a role that does not cover it does not" },
		{ "{\"type\":\"worker\",\"id\":\"w\",\"roles\":[\"helpende\"]}\n"
		  "{\"type\":\"worker\",\"id\":\"x\",\"roles\":[\"helpende\"]}\n"
		  "{\"type\":\"worker\",\"id\":\"y\",\"roles\":[\"helpende\"]}\n",
		  4, "three workers: three Monday shifts and Tuesday" },
		{ "{\"type\":\"worker\",\"id\":\"w\",\"roles\":[\"helpende\"]}\n"
		  "{\"type\":\"absence\",\"worker\":\"w\",\"start\":"
		  "\"2026-11-24T00:00:00+01:00\",\"end\":"
		  "\"2026-11-25T00:00:00+01:00\"}\n",
		  1, "absence on Tuesday" },
		{ "{\"type\":\"worker\",\"id\":\"w\",\"roles\":[\"helpende\"]}\n"
		  "{\"type\":\"availability\",\"worker\":\"w\",\"start\":"
		  "\"2026-11-23T06:00:00+01:00\",\"end\":"
		  "\"2026-11-23T16:00:00+01:00\"}\n",
		  1, "available on Monday only" },
		{ "{\"type\":\"worker\",\"id\":\"w\",\"roles\":[\"helpende\"],"
		  "\"skills\":[\"covid\"]}\n", 2, "skills the shifts do not need" },
		{ "{\"type\":\"worker\",\"id\":\"w\",\"roles\":[\"helpende\"],"
		  "\"dedicated\":[\"covid\"]}\n", 0,
		  "a dedicated worker takes only shifts with that tag" },
		{ "{\"type\":\"worker\",\"id\":\"w\",\"roles\":[\"helpende\"]}\n"
		  SHIFT("z", "amaris", "helpende", "24", "06:00", "08:00", "")
		  "{\"type\":\"assignment\",\"shift\":\"z\",\"worker\":\"w\","
		  "\"status\":\"confirmed\"}\n",
		  1, "a confirmed overlapping assignment blocks Tuesday" },
	};
	struct pool_distribute_opts	o;
	struct result			r;
	size_t				i;
	char				*in;

	pool_distribute_opts_init(&o);
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		in = cat(t[i].workers, week48);
		run(pool_yaml, &o, in, &r);
		CHECK(r.rc == 0 && r.add_errors == 0, "pool mode runs %zu (%s)",
		    i, r.err);
		CHECK_INT(field(r.out, "amaris", "supply"), t[i].supply,
		    "supply: %s", t[i].what);
		result_free(&r);
		free(in);
	}
	/* A shift that needs a skill and one at night. */
	in = cat("{\"type\":\"worker\",\"id\":\"w\",\"roles\":[\"helpende\"],"
	    "\"night_exempt\":true}\n",
	    SHIFT("n1", "amaris", "helpende", "25", "23:00", "23:59", "")
	    SHIFT("n2", "amaris", "helpende", "26", "00:00", "07:00", "")
	    SHIFT("k1", "amaris", "helpende", "27", "07:00", "15:00",
	    ",\"skills\":[\"covid\"]")
	    SHIFT("k2", "vivium", "helpende", "28", "07:00", "15:00", ""));
	run(pool_yaml, &o, in, &r);
	CHECK_INT(field(r.out, "amaris", "supply"), 2,
	    "night-exempt worker: not the night shift, not the skilled one "
	    "(but 23:00-23:59 is no night)");
	result_free(&r);
	free(in);
}

static void
test_scarce(void)
{
	struct pool_distribute_opts	o;
	struct result			r;
	char				*in, *in2;
	const char			*w1 =
	    "{\"type\":\"worker\",\"id\":\"w\",\"roles\":[\"helpende\"]}\n";
	const char			*w2 =
	    "{\"type\":\"worker\",\"id\":\"w\",\"roles\":[\"helpende\"]}\n"
	    "{\"type\":\"worker\",\"id\":\"x\",\"roles\":[\"helpende\"]}\n";

	pool_distribute_opts_init(&o);
	in = cat(w2, week48);
	run(pool_yaml, &o, in, &r);
	/* supply 3 (two Monday, one Tuesday); demand amaris 3, vivium 2;
	 * quotas 2.25 and 0.75: hamilton 2 and 1 */
	CHECK_INT(field(r.out, "amaris", "entitled"), 2, "amaris entitled 2");
	CHECK_INT(field(r.out, "vivium", "entitled"), 1, "vivium entitled 1");
	CHECK(strstr(r.out, "\"quota\":\"9/4\"") != NULL, "quota 9/4");
	CHECK(strstr(r.out, "\"scarce\":true") != NULL, "scarce flagged");
	CHECK(strstr(r.explain, "2026-W48 helpende: supply 3 < demand 5 "
	    "(shifts), hamilton\n") != NULL, "explain header");
	result_free(&r);

	/* One worker: supply 2, quotas 1.5 and .5, both remainders .5:
	 * the larger weight wins; amaris 2, vivium 0 */
	free(in);
	in = cat(w1, week48);
	run(pool_yaml, &o, in, &r);
	CHECK_INT(field(r.out, "amaris", "entitled"), 2, "tie: amaris 2");
	CHECK_INT(field(r.out, "vivium", "entitled"), 0, "tie: vivium 0");
	CHECK(strstr(r.out, "\"tie\":true") != NULL, "tie flagged");
	result_free(&r);

	/* Carry-over: vivium got 0 of 2 entitled in W47: repaid first. */
	in2 = cat(in, "{\"type\":\"allocation\",\"org\":\"vivium\",\"period\":"
	    "\"2026-W47\",\"role\":\"helpende\",\"units\":0,\"entitled\":2}\n"
	    "{\"type\":\"allocation\",\"org\":\"vivium\",\"period\":"
	    "\"2026-W46\",\"role\":\"helpende\",\"units\":1,\"entitled\":3,"
	    "\"carry\":2}\n"
	    "{\"type\":\"allocation\",\"org\":\"amaris\",\"period\":"
	    "\"2026-W48\",\"role\":\"helpende\",\"units\":5,\"entitled\":5}\n");
	run(pool_yaml, &o, in2, &r);
	CHECK_INT(field(r.out, "vivium", "entitled"), 0,
	    "carry_over false: no repayment");
	result_free(&r);
	{
		char *y = cat(pool_yaml, "");
		char *p = strstr(y, "carry_over: false");

		memcpy(p, "carry_over: true ", 17);
		run(y, &o, in2, &r);
		CHECK_INT(field(r.out, "vivium", "carry"), 2,
		    "carry: W47 deficit 2 + W46 deficit 2 minus carry 2");
		CHECK_INT(field(r.out, "vivium", "entitled"), 2,
		    "the repayment comes first");
		CHECK_INT(field(r.out, "amaris", "entitled"), 0,
		    "nothing left for the key");
		free(y);
	}
	CHECK(strstr(r.out, "\"period\":\"2026-W48\",\"role\":\"helpende\","
	    "\"units\":5") == NULL, "old W48 allocation replaced");
	result_free(&r);
	/* A report row (received, no carry) after the distribute record of
	 * the same week: the carry of the earlier record still counts. */
	free(in2);
	in2 = cat(in, "{\"type\":\"allocation\",\"org\":\"vivium\",\"period\":"
	    "\"2026-W47\",\"role\":\"helpende\",\"units\":3,\"entitled\":3,"
	    "\"carry\":2}\n"
	    "{\"type\":\"allocation\",\"org\":\"vivium\",\"period\":"
	    "\"2026-W47\",\"role\":\"helpende\",\"units\":2,\"entitled\":3}\n");
	{
		char *y = cat(pool_yaml, "");
		char *p = strstr(y, "carry_over: false");

		memcpy(p, "carry_over: true ", 17);
		run(y, &o, in2, &r);
		CHECK_INT(field(r.out, "vivium", "carry"), 0,
		    "deficit 1 minus the carry 2 of W47: nothing owed");
		free(y);
	}
	result_free(&r);
	free(in2);
	free(in);
}

static void
test_hours(void)
{
	struct pool_distribute_opts	o;
	struct result			r;
	char				*y, *p, *in;

	y = cat(pool_yaml, "");
	p = strstr(y, "unit: shift");
	memcpy(p, "unit: hour ", 11);
	pool_distribute_opts_init(&o);
	in = cat("{\"type\":\"worker\",\"id\":\"w\",\"roles\":[\"helpende\"]}\n",
	    week48);
	run(y, &o, in, &r);
	CHECK_INT(r.rc, 0, "hour unit runs (%s)", r.err);
	CHECK(strstr(r.out, "\"org\":\"amaris\",\"period\":\"2026-W48\","
	    "\"role\":\"helpende\",\"units\":12,\"entitled\":12,\"demand\":24,"
	    "\"weight\":300,\"quota\":\"12\",\"method\":\"hamilton\","
	    "\"unit\":\"hour\",\"supply\":16") != NULL,
	    "hours: supply 16 h, amaris 12 h of its quota");
	result_free(&r);
	free(in);
	free(y);
}

/* A jansson allocator that fails: the org names cannot be quoted. */
static void *
fail_alloc(size_t n)
{
	(void)n;
	return NULL;
}

/*
 * A failed allocation or write while writing is an error, never a
 * half-written record such as "org":, with success.
 */
static void
test_write_failure(void)
{
	struct pool_distribute_opts	 o;
	struct pool_config		*conf;
	struct pool_dist		*d;
	struct pool_error		 err;
	char				*buf = NULL;
	size_t				 len = 0;
	FILE				*f;
	int				 rc;

	pool_distribute_opts_init(&o);
	o.units_mode = 1;
	o.units = 10;
	pool_error_clear(&err);
	conf = pool_config_load_buffer(orgs_yaml, strlen(orgs_yaml),
	    "pool.yaml", &err);
	CHECK(conf != NULL, "config loads (%s)", err.text);
	if (conf == NULL)
		return;
	d = pool_dist_new(conf, &o, &err);
	CHECK(d != NULL && pool_dist_run(d, &err) == 0, "units run (%s)",
	    err.text);
	if (d == NULL) {
		pool_config_free(conf);
		return;
	}

	f = open_memstream(&buf, &len);
	json_set_alloc_funcs(fail_alloc, free);
	rc = pool_dist_write(d, f);
	json_set_alloc_funcs(malloc, free);
	fclose(f);
	CHECK_INT(rc, -1, "a failed allocation fails the write");
	CHECK(buf != NULL && strstr(buf, "\"org\":,") == NULL,
	    "no invalid JSON before the failure: '%s'", buf ? buf : "");
	free(buf);

	if ((f = fopen("/dev/full", "w")) != NULL) {
		setvbuf(f, NULL, _IONBF, 0);
		CHECK_INT(pool_dist_write(d, f), -1,
		    "a failed write fails the write");
		fclose(f);
	}
	pool_dist_free(d);
	pool_config_free(conf);
}

int
main(void)
{
	test_units();
	test_exact_weights();
	test_weight_errors();
	test_supply();
	test_scarce();
	test_hours();
	test_write_failure();
	return test_done();
}
