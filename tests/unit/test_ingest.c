/*
 * Unit tests of ingest: each input format, mappings with Dutch dates
 * and overnight shifts, both DST changes of 2026, duplicates, held
 * references, pseudonyms, and a property test on corrupted input:
 * rows read = records + rejects + merged + replaced.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "pool_config.h"
#include "pool_ingest.h"
#include "pool_mapping.h"
#include "pool_pseudo.h"
#include "test.h"

static const struct pool_config *run_config;	/* io.config of run() */

struct result {
	char				*out, *rej;
	char				 diag[4096];
	struct pool_ingest_stats	 st;
	int				 rc;
};

static void
on_diag(void *arg, int warning, const struct pool_error *e)
{
	struct result	*r = arg;
	size_t		 n = strlen(r->diag);
	char		 b[600];

	snprintf(r->diag + n, sizeof(r->diag) - n, "%s%s\n",
	    warning ? "W " : "", pool_error_format(e, b, sizeof(b)));
}

struct opt {
	enum pool_ingest_format	 fmt;
	const char		*mapping;
	const char		*type;
	int			 update;
	const char		*key;
	const char		*source;
	int			 slow;
};

/* Ingest one input (or two, split at "\f") with options o. */
static void
run(const struct opt *o, const char *in, struct result *r)
{
	struct pool_ingest_opts	 io;
	struct pool_ingest	*g;
	struct pool_error	 err;
	struct pool_mapping	*m = NULL;
	struct pool_pseudo	*ps = NULL;
	size_t			 outlen, rejlen;
	FILE			*out, *rej, *f;
	const char		*part, *ff;
	char			 name[64];
	int			 i = 0;

	memset(r, 0, sizeof(*r));
	memset(&io, 0, sizeof(io));
	if (o->mapping != NULL) {
		m = pool_mapping_load_buffer(o->mapping, strlen(o->mapping),
		    "m.yaml", &err);
		if (m == NULL) {
			printf("# mapping: %s\n", err.text);
			r->rc = -2;
			return;
		}
	}
	if (o->key != NULL)
		ps = pool_pseudo_new(o->key, strlen(o->key), &err);
	out = open_memstream(&r->out, &outlen);
	rej = open_memstream(&r->rej, &rejlen);
	io.mapping = m;
	io.config = run_config;
	io.type = o->type;
	io.format = o->fmt;
	io.update = o->update;
	io.slow = o->slow;
	io.references = 1;
	io.pseudo = ps;
	io.out = out;
	io.rejects = rej;
	io.diag = on_diag;
	io.arg = r;
	if ((g = pool_ingest_new(&io, &err)) == NULL) {
		printf("# new: %s\n", err.text);
		r->rc = -2;
		return;
	}
	for (part = in; part != NULL; part = ff ? ff + 1 : NULL, i++) {
		ff = strchr(part, '\f');
		/* source "a.ndjson|b.csv" names two parts. */
		snprintf(name, sizeof(name), "%s", o->source ? o->source : "t");
		if (strchr(name, '|') != NULL) {
			if (i == 0)
				*strchr(name, '|') = '\0';
			else
				memmove(name, strchr(name, '|') + 1,
				    strlen(strchr(name, '|')));
		}
		f = fmemopen((void *)(uintptr_t)part, ff ? (size_t)(ff - part) :
		    strlen(part), "r");
		if (f == NULL)
			f = fopen("/dev/null", "r");
		if (pool_ingest_file(g, f, name, &err) == -1) {
			char b[600];

			snprintf(r->diag + strlen(r->diag), sizeof(r->diag) -
			    strlen(r->diag), "E %s\n",
			    pool_error_format(&err, b, sizeof(b)));
			r->rc = -1;
		}
		fclose(f);
	}
	if (pool_ingest_finish(g, &err) == -1)
		r->rc = -1;
	r->st = *pool_ingest_stats(g);
	pool_ingest_free(g);
	fclose(out);
	fclose(rej);
	pool_mapping_free(m);
	pool_pseudo_free(ps);
}

static void
done(struct result *r)
{
	free(r->out);
	free(r->rej);
}

static int
adds_up(const struct result *r)
{
	return r->st.rows == r->st.records + r->st.rejects + r->st.merged +
	    r->st.replaced;
}

static const char shiftmap[] =
    "type: shift\n"
    "delimiter: \";\"\n"
    "date_format: dd-mm-yyyy\n"
    "time_format: HH:MM\n"
    "date: Datum\n"
    "start_time: Van\n"
    "end_time: Tot\n"
    "columns:\n"
    "  id: Code\n"
    "  org: {column: Org, map: {Heidezicht: heidezicht}}\n"
    "  role: {column: Functie, map: {Verzorgende IG: verzorgende-ig}}\n"
    "  priority: {column: Spoed, map: {ja: '1', nee: '3'}}\n"
    "  skills: {column: Eisen, split: '/'}\n"
    "  break_minutes: Pauze\n";

static const char shifthdr[] = "Code;Org;Functie;Datum;Van;Tot;Spoed;Eisen;"
    "Pauze\n";

static const struct {
	const char	*name;
	struct opt	 o;
	const char	*in;
	const char	*out;
	const char	*diag;		/* reject and warning texts */
	unsigned long	 rows, records, rejects, merged, replaced;
} cases[] = {
	{ "csv, header names the fields",
	    { POOL_FMT_CSV, NULL, NULL, 0, NULL, NULL, 0 },
	    "type;id;roles;contract_hours;night_exempt\n"
	    "worker;w1;helpende, verzorgende-ig;7,5;ja\n",
	    "{\"type\":\"worker\",\"id\":\"w1\",\"roles\":[\"helpende\","
	    "\"verzorgende-ig\"],\"contract_hours\":7.5,\"night_exempt\":true}\n",
	    "", 1, 1, 0, 0, 0 },
	{ "csv with --type",
	    { POOL_FMT_CSV, NULL, "org", 0, NULL, NULL, 0 },
	    "id,name,weight\nheidezicht,Stichting Heidezicht,12\n",
	    "{\"type\":\"org\",\"id\":\"heidezicht\",\"name\":\"Stichting "
	    "Heidezicht\",\"weight\":12}\n", "", 1, 1, 0, 0, 0 },
	{ "csv without a type",
	    { POOL_FMT_CSV, NULL, NULL, 0, NULL, NULL, 0 },
	    "id,name\nx,y\n", "",
	    "t:2: field 'type': missing (give the type in the mapping, a "
	    "'type' column or --type)\n", 1, 0, 1, 0, 0 },
	{ "mapping: dutch dates, value maps, overnight",
	    { POOL_FMT_CSV, shiftmap, NULL, 0, NULL, NULL, 0 },
	    "Code;Org;Functie;Datum;Van;Tot;Spoed;Eisen;Pauze\n"
	    "S1;Heidezicht;Verzorgende IG;23-11-2026;23:00;07:00;ja;"
	    "pg/covid;0\n"
	    "S2;Heidezicht;Verzorgende IG;23-11-2026;07:00;15:00;nee;;30\n",
	    "{\"type\":\"shift\",\"id\":\"S1\",\"org\":\"heidezicht\",\"role\":"
	    "\"verzorgende-ig\",\"start\":\"2026-11-23T23:00:00+01:00\","
	    "\"end\":\"2026-11-24T07:00:00+01:00\",\"skills\":[\"pg\","
	    "\"covid\"],\"priority\":1,\"break_minutes\":0}\n"
	    "{\"type\":\"shift\",\"id\":\"S2\",\"org\":\"heidezicht\",\"role\":"
	    "\"verzorgende-ig\",\"start\":\"2026-11-23T07:00:00+01:00\","
	    "\"end\":\"2026-11-23T15:00:00+01:00\",\"priority\":3,"
	    "\"break_minutes\":30}\n", "", 2, 2, 0, 0, 0 },
	{ "spring forward: a night across the gap lasts 7 h",
	    { POOL_FMT_CSV, shiftmap, NULL, 0, NULL, NULL, 0 },
	    "Code;Org;Functie;Datum;Van;Tot;Spoed;Eisen;Pauze\n"
	    "N1;a;b;28-03-2026;23:00;07:00;;;\n",
	    "{\"type\":\"shift\",\"id\":\"N1\",\"org\":\"a\",\"role\":\"b\","
	    "\"start\":\"2026-03-28T23:00:00+01:00\",\"end\":"
	    "\"2026-03-29T07:00:00+02:00\"}\n", "", 1, 1, 0, 0, 0 },
	{ "spring forward: a time in the gap is rejected",
	    { POOL_FMT_CSV, shiftmap, NULL, 0, NULL, NULL, 0 },
	    "Code;Org;Functie;Datum;Van;Tot;Spoed;Eisen;Pauze\n"
	    "G1;a;b;29-03-2026;02:30;07:00;;;\n", "",
	    "t:2: field 'start': local time 2026-03-29 02:30 does not exist "
	    "in Europe/Amsterdam (the clocks go forward)\n", 1, 0, 1, 0, 0 },
	{ "fall back: a night across the change lasts 9 h",
	    { POOL_FMT_CSV, shiftmap, NULL, 0, NULL, NULL, 0 },
	    "Code;Org;Functie;Datum;Van;Tot;Spoed;Eisen;Pauze\n"
	    "N2;a;b;24-10-2026;23:00;07:00;;;\n",
	    "{\"type\":\"shift\",\"id\":\"N2\",\"org\":\"a\",\"role\":\"b\","
	    "\"start\":\"2026-10-24T23:00:00+02:00\",\"end\":"
	    "\"2026-10-25T07:00:00+01:00\"}\n", "", 1, 1, 0, 0, 0 },
	{ "fall back: an ambiguous time takes the first, with a warning",
	    { POOL_FMT_CSV, shiftmap, NULL, 0, NULL, NULL, 0 },
	    "Code;Org;Functie;Datum;Van;Tot;Spoed;Eisen;Pauze\n"
	    "A1;a;b;25-10-2026;02:30;07:00;;;\n",
	    "{\"type\":\"shift\",\"id\":\"A1\",\"org\":\"a\",\"role\":\"b\","
	    "\"start\":\"2026-10-25T02:30:00+02:00\",\"end\":"
	    "\"2026-10-25T07:00:00+01:00\"}\n",
	    "W t:2: field 'start': local time 2026-10-25 02:30 occurs twice "
	    "in Europe/Amsterdam: the first, 2026-10-25T02:30:00+02:00, is "
	    "taken\n", 1, 1, 0, 0, 0 },
	{ "fall back: ambiguous: second takes the winter time",
	    { POOL_FMT_CSV, "type: shift\nambiguous: second\n", NULL, 0,
	    NULL, NULL, 0 },
	    "id,org,role,start,end\nA2,a,b,25-10-2026 02:30,"
	    "25-10-2026 07:00\n",
	    "{\"type\":\"shift\",\"id\":\"A2\",\"org\":\"a\",\"role\":\"b\","
	    "\"start\":\"2026-10-25T02:30:00+01:00\",\"end\":"
	    "\"2026-10-25T07:00:00+01:00\"}\n",
	    "W t:2: field 'start': local time 2026-10-25 02:30 occurs twice "
	    "in Europe/Amsterdam: the second, 2026-10-25T02:30:00+01:00, is "
	    "taken\n", 1, 1, 0, 0, 0 },
	{ "a mapping without columns: the header names the fields",
	    { POOL_FMT_CSV, "type: worker\nconstants: {org: heidezicht}\n",
	    NULL, 0, NULL, NULL, 0 },
	    "id;roles;org\nw1;a;\nw2;b;vechtstede\n",
	    "{\"type\":\"worker\",\"id\":\"w1\",\"roles\":[\"a\"],\"org\":"
	    "\"heidezicht\"}\n{\"type\":\"worker\",\"id\":\"w2\",\"roles\":"
	    "[\"b\"],\"org\":\"heidezicht\"}\n", "", 2, 2, 0, 0, 0 },
	{ "a mapping without columns over yaml keys",
	    { POOL_FMT_YAML, "type: worker\nconstants: {org: heidezicht}\n",
	    NULL, 0, NULL, NULL, 0 },
	    "- {id: w1, roles: a}\n- {id: w2, roles: b, org: vechtstede}\n",
	    "{\"type\":\"worker\",\"id\":\"w1\",\"roles\":[\"a\"],\"org\":"
	    "\"heidezicht\"}\n{\"type\":\"worker\",\"id\":\"w2\",\"roles\":"
	    "[\"b\"],\"org\":\"heidezicht\"}\n", "", 2, 2, 0, 0, 0 },
	{ "yaml: a key given twice",
	    { POOL_FMT_YAML, NULL, "org", 0, NULL, NULL, 0 },
	    "- id: a\n  id: b\n", "",
	    "t:1: invalid UTF-8, a key that is not text, or a key given "
	    "twice\n", 1, 0, 1, 0, 0 },
	{ "end before start on the same day with a combined column",
	    { POOL_FMT_CSV, NULL, "availability", 0, NULL, NULL, 0 },
	    "worker;start;end\nw1;2026-11-23 17:00;2026-11-23 09:00\n", "",
	    "t:2: availability: field 'end': must be after 'start'\n",
	    1, 0, 1, 0, 0 },
	{ "duplicates: identical merged, conflicting rejected",
	    { POOL_FMT_CSV, NULL, "worker", 0, NULL, NULL, 0 },
	    "id;roles;name\nw1;a;Anna\nw1;a;Anna\nw1;a;Anne\n",
	    "{\"type\":\"worker\",\"id\":\"w1\",\"roles\":[\"a\"],\"name\":"
	    "\"Anna\"}\n",
	    "t:4: worker 'w1': field 'id': conflicts with t:2 (the same id "
	    "with other fields; --update takes the last)\n", 3, 1, 1, 1, 0 },
	{ "duplicates: --update takes the last",
	    { POOL_FMT_CSV, NULL, "worker", 1, NULL, NULL, 0 },
	    "id;roles;name\nw1;a;Anna\nw2;a;Bob\nw1;a;Anne\n",
	    "{\"type\":\"worker\",\"id\":\"w1\",\"roles\":[\"a\"],\"name\":"
	    "\"Anne\"}\n{\"type\":\"worker\",\"id\":\"w2\",\"roles\":[\"a\"],"
	    "\"name\":\"Bob\"}\n", "", 3, 2, 0, 0, 1 },
	{ "ndjson passes byte for byte; a typed duplicate from csv merges",
	    { POOL_FMT_AUTO, NULL, "worker", 0, NULL, "t.ndjson|t.csv", 0 },
	    "{ \"type\": \"worker\", \"roles\": [\"a\"], \"id\": \"w1\" }\n"
	    "{\"type\":\"future-thing\",\"x\":1}\n"
	    "\fid;roles\nw1;a\n",
	    "{ \"type\": \"worker\", \"roles\": [\"a\"], \"id\": \"w1\" }\n"
	    "{\"type\":\"future-thing\",\"x\":1}\n", "", 3, 2, 0, 1, 0 },
	{ "ndjson errors",
	    { POOL_FMT_NDJSON, NULL, NULL, 0, NULL, NULL, 0 },
	    "{\"type\":\"shift\",\"id\":\"S1\"}\n{oops\n[1]\n\n", "",
	    "t:1: shift 'S1': field 'org': missing\n"
	    "t:2: invalid JSON: string or '}' expected near 'oops' "
	    "(column 5)\n"
	    "t:3: not a JSON object\n"
	    "t:4: blank line\n", 4, 0, 4, 0, 0 },
	{ "references held to the end, missing ones rejected",
	    { POOL_FMT_NDJSON, NULL, NULL, 0, NULL, NULL, 0 },
	    "{\"type\":\"signup\",\"worker\":\"w1\",\"shift\":\"s1\"}\n"
	    "{\"type\":\"signup\",\"worker\":\"w2\",\"shift\":\"s1\"}\n"
	    "{\"type\":\"worker\",\"id\":\"w1\",\"roles\":[\"a\"]}\n"
	    "{\"type\":\"shift\",\"id\":\"s1\",\"org\":\"o\",\"role\":\"a\","
	    "\"start\":\"2026-11-23T07:00:00+01:00\",\"end\":"
	    "\"2026-11-23T15:00:00+01:00\"}\n"
	    "{\"type\":\"absence\",\"worker\":\"w1\",\"start\":"
	    "\"2026-11-24T00:00:00+01:00\",\"end\":"
	    "\"2026-11-25T00:00:00+01:00\"}\n",
	    "{\"type\":\"worker\",\"id\":\"w1\",\"roles\":[\"a\"]}\n"
	    "{\"type\":\"shift\",\"id\":\"s1\",\"org\":\"o\",\"role\":\"a\","
	    "\"start\":\"2026-11-23T07:00:00+01:00\",\"end\":"
	    "\"2026-11-23T15:00:00+01:00\"}\n"
	    "{\"type\":\"absence\",\"worker\":\"w1\",\"start\":"
	    "\"2026-11-24T00:00:00+01:00\",\"end\":"
	    "\"2026-11-25T00:00:00+01:00\"}\n"
	    "{\"type\":\"signup\",\"worker\":\"w1\",\"shift\":\"s1\"}\n",
	    "t:2: signup: field 'worker': worker 'w2' is not in the input\n",
	    5, 4, 1, 0, 0 },
	{ "json array with local times and typed values",
	    { POOL_FMT_JSON, NULL, NULL, 0, NULL, NULL, 0 },
	    "[\n  {\"type\": \"worker\", \"id\": \"w1\", \"roles\": \"a, b\","
	    " \"max_hours_week\": 24},\n"
	    "  {\"type\": \"absence\", \"worker\": \"w1\", \"start\": "
	    "\"2026-11-24 00:00\", \"end\": \"2026-11-25T00:00\"},\n"
	    "  {\"type\": \"absence\", \"worker\": \"w1\", \"start\": \"x\"}\n"
	    "]\n",
	    "{\"type\":\"worker\",\"id\":\"w1\",\"roles\":[\"a\",\"b\"],"
	    "\"max_hours_week\":24}\n"
	    "{\"type\":\"absence\",\"worker\":\"w1\",\"start\":"
	    "\"2026-11-24T00:00:00+01:00\",\"end\":"
	    "\"2026-11-25T00:00:00+01:00\"}\n",
	    "t:4: absence: field 'start': 'x' is not a date and time (RFC "
	    "3339, 'yyyy-mm-dd HH:MM' or 'dd-mm-yyyy HH:MM')\n", 3, 2, 1,
	    0, 0 },
	{ "json array cut short",
	    { POOL_FMT_JSON, NULL, "org", 0, NULL, NULL, 0 },
	    "[{\"id\": \"a\"},\n {\"id\": \"b\"\n", "{\"type\":\"org\","
	    "\"id\":\"a\"}\n",
	    "t:2: invalid JSON: '}' expected near end of file; the rest of "
	    "the file is not read\n", 2, 1, 1, 0, 0 },
	{ "yaml sequence of mappings",
	    { POOL_FMT_YAML, NULL, "worker", 0, NULL, NULL, 0 },
	    "# hand-kept\n- id: w1\n  roles: [helpende]\n  night_exempt: ja\n"
	    "- id: w2\n  roles: helpende\n  contract_hours: '24'\n"
	    "- just a string\n",
	    "{\"type\":\"worker\",\"id\":\"w1\",\"roles\":[\"helpende\"],"
	    "\"night_exempt\":true}\n"
	    "{\"type\":\"worker\",\"id\":\"w2\",\"roles\":[\"helpende\"],"
	    "\"contract_hours\":24}\n", "t:8: not a mapping\n", 3, 2, 1, 0,
	    0 },
	{ "pseudonyms: worker ids and references, names dropped",
	    { POOL_FMT_NDJSON, NULL, NULL, 0, "Jefe", NULL, 0 },
	    "{\"type\":\"worker\",\"id\":\"what do ya want for nothing?\","
	    "\"name\":\"Anna\",\"roles\":[\"a\"]}\n"
	    "{\"type\":\"availability\",\"worker\":\"what do ya want for "
	    "nothing?\",\"start\":\"2026-11-23T07:00:00+01:00\",\"end\":"
	    "\"2026-11-23T15:00:00+01:00\"}\n",
	    "{\"type\":\"worker\",\"id\":\"w-5bdcc146bf60754e\",\"roles\":"
	    "[\"a\"]}\n{\"type\":\"availability\",\"worker\":"
	    "\"w-5bdcc146bf60754e\",\"start\":\"2026-11-23T07:00:00+01:00\","
	    "\"end\":\"2026-11-23T15:00:00+01:00\"}\n", "", 2, 2, 0, 0, 0 },
	{ "csv row errors",
	    { POOL_FMT_CSV, shiftmap, NULL, 0, NULL, NULL, 0 },
	    "Code;Org;Functie;Datum;Van;Tot;Spoed;Eisen;Pauze\n"
	    "B1;a;b;31-11-2026;07:00;15:00;;;\n"
	    "B2;a;b;23-11-2026;7.00;15:00;;;\n"
	    "B3;a;b;23-11-2026;07:00;15:00;;;x\n"
	    "B4;a;b;23-11-2026;07:00;15:00;;\n"
	    "B5;a;b;23-11-2026;07:00;15:00;2,5;;\n"
	    "B6;\"a\"x;b;23-11-2026;07:00;15:00;;;\n",
	    "",
	    "t:2: field 'start': '31-11-2026' is not a valid date\n"
	    "t:3: field 'start': '7.00' does not match the format 'HH:MM'\n"
	    "t:4: field 'break_minutes': 'x' is not a number\n"
	    "t:5: row has 8 fields, the header has 9\n"
	    "t:6: shift 'B5': field 'priority': must be a whole number\n"
	    "t:7: character after the closing quote of a field\n",
	    6, 0, 6, 0, 0 },
};

static void
test_cases(void)
{
	struct result	r;
	size_t		i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		run(&cases[i].o, cases[i].in, &r);
		CHECK_STR(r.out, cases[i].out, "%s: output", cases[i].name);
		CHECK_STR(r.diag, cases[i].diag, "%s: messages",
		    cases[i].name);
		CHECK(r.st.rows == cases[i].rows &&
		    r.st.records == cases[i].records &&
		    r.st.rejects == cases[i].rejects &&
		    r.st.merged == cases[i].merged &&
		    r.st.replaced == cases[i].replaced,
		    "%s: counts %lu = %lu + %lu + %lu + %lu", cases[i].name,
		    r.st.rows, r.st.records, r.st.rejects, r.st.merged,
		    r.st.replaced);
		CHECK(adds_up(&r), "%s: counts add up", cases[i].name);
		done(&r);
	}
}

static void
test_rejects_file(void)
{
	static const struct opt o = { POOL_FMT_CSV, NULL, "worker", 0, NULL,
	    "w.csv", 0 };
	struct result	r;

	run(&o, "id;roles\n;a\n\"x\ny\";\n", &r);
	CHECK_STR(r.rej, "{\"type\":\"reject\",\"source\":\"w.csv\",\"line\":2,"
	    "\"field\":\"id\",\"error\":\"worker: missing\",\"raw\":\";a\"}\n"
	    "{\"type\":\"reject\",\"source\":\"w.csv\",\"line\":3,\"field\":"
	    "\"roles\",\"error\":\"worker 'x?y': missing\",\"raw\":"
	    "\"\\\"x\\ny\\\";\"}\n", "reject records");
	done(&r);
}

static void
test_pseudo(void)
{
	struct pool_pseudo	*p;
	struct pool_error	 err;
	char			 b[POOL_PSEUDO_LEN + 1], c[POOL_PSEUDO_LEN + 1];
	FILE			*f;

	/* RFC 4231 test case 2: HMAC-SHA-256("Jefe", ...) = 5bdcc146... */
	p = pool_pseudo_new("Jefe", 4, &err);
	CHECK_INT(pool_pseudo_id(p, "what do ya want for nothing?", 28, b), 0,
	    "pseudonym");
	CHECK_STR(b, "w-5bdcc146bf60754e", "RFC 4231 vector");
	pool_pseudo_free(p);
	f = fopen("ingest/short.key", "w");
	fputs("short\n", f);
	fclose(f);
	CHECK(pool_pseudo_load("ingest/short.key", &err) == NULL,
	    "short key refused");
	CHECK_STR(err.text, "key file 'ingest/short.key' must hold 16 to 4096 "
	    "bytes", "short key error");
	remove("ingest/short.key");
	p = pool_pseudo_load("ingest/test.key", &err);
	CHECK(p != NULL, "key file loads");
	pool_pseudo_id(p, "FW0001", 6, b);
	pool_pseudo_id(p, "FW0001", 6, c);
	CHECK_STR(b, c, "same key, same pseudonym");
	pool_pseudo_id(p, "FW0002", 6, c);
	CHECK(strcmp(b, c) != 0, "other id, other pseudonym");
	pool_pseudo_free(p);
}

/*
 * Property: on randomly corrupted input (bytes flipped, deleted,
 * duplicated rows, quotes and separators thrown in), every row is
 * accounted for.  A fixed seed keeps it deterministic.
 */
static uint64_t seed = 42;

static unsigned int
rnd(unsigned int n)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (unsigned int)(seed % n);
}

static void
test_property(void)
{
	static const char junk[] = ";\"\n,\t\xe9x0:-";
	static const struct opt csv = { POOL_FMT_CSV, shiftmap, NULL, 0, NULL,
	    NULL, 0 };
	static const struct opt upd = { POOL_FMT_CSV, shiftmap, NULL, 1, NULL,
	    NULL, 0 };
	static const struct opt nd = { POOL_FMT_NDJSON, NULL, NULL, 0, NULL,
	    NULL, 0 };
	struct result	 r;
	char		*buf = malloc(200000), line[200];
	size_t		 n, i, k, iter;
	int		 ok = 1, okn = 1, oku = 1;
	unsigned long	 lines;

	for (iter = 0; iter < 40; iter++) {
		n = (size_t)sprintf(buf, "%s", shifthdr);
		for (i = 0; i < 300; i++) {
			k = (size_t)sprintf(line, "S%u;a;b;%02u-%02u-2026;"
			    "%02u:00;%02u:30;%s;pg;%u\n", rnd(200),
			    1 + rnd(30), 1 + rnd(12), rnd(25), rnd(24),
			    rnd(3) ? "ja" : "nee", rnd(3) * 15);
			for (; rnd(4) == 0 && k > 1; )
				line[rnd((unsigned int)k - 1)] =
				    junk[rnd(sizeof(junk) - 1)];
			memcpy(buf + n, line, k);
			n += k;
		}
		buf[n] = '\0';
		run(rnd(2) ? &csv : &upd, buf, &r);
		if (!adds_up(&r) || r.rc != 0 || r.st.rows == 0)
			ok = oku = 0;
		done(&r);
		/* The records as NDJSON, corrupted again. */
		run(&csv, buf, &r);
		n = strlen(r.out);
		memcpy(buf, r.out, n + 1);
		done(&r);
		for (i = 0; i < n / 50; i++)
			if (buf[k = rnd((unsigned int)n)] != '\n')
				buf[k] = junk[rnd(sizeof(junk) - 1)];
		for (lines = 0, i = 0; i < n; i++)
			lines += buf[i] == '\n';
		run(&nd, buf, &r);
		if (!adds_up(&r) || r.st.rows != lines)
			okn = 0;
		done(&r);
	}
	CHECK(ok && oku, "corrupted CSV: rows = records + rejects + merged + "
	    "replaced");
	CHECK(okn, "corrupted NDJSON: lines = records + rejects + merged");
	free(buf);
}

/*
 * Ingest in with o on the fast paths and again on the general path
 * (o->slow is ignored).  Returns 1 when both give the same status,
 * records, rejects, messages and counts; *st gets the counts.
 */
static int
fast_is_general(const struct opt *o, const char *in,
    struct pool_ingest_stats *st)
{
	struct opt	 fast = *o, slow = *o;
	struct result	 a, b;
	int		 same;

	fast.slow = 0;
	slow.slow = 1;
	run(&fast, in, &a);
	run(&slow, in, &b);
	same = a.rc == b.rc && strcmp(a.out, b.out) == 0 &&
	    strcmp(a.rej, b.rej) == 0 && strcmp(a.diag, b.diag) == 0 &&
	    memcmp(&a.st, &b.st, sizeof(a.st)) == 0;
	*st = a.st;
	done(&a);
	done(&b);
	return same;
}

/*
 * The fast path of CSV rows writes what the general path writes, and
 * rejects (through it) what it rejects: both on the same random rows,
 * valid and broken, across the DST changes and with every field kind.
 */
static void
test_fast_path(void)
{
	static const char map[] =
	    "type: shift\n"
	    "delimiter: \";\"\n"
	    "date_format: dd-mm-yyyy\n"
	    "ambiguous: first\n"
	    "date: Datum\n"
	    "start_time: Van\n"
	    "end_time: Tot\n"
	    "columns:\n"
	    "  id: Code\n"
	    "  role: {column: Functie, map: {VIG: verzorgende-ig, X: ''}}\n"
	    "  skills: {column: Eisen, map: {P: pg, Q: ''}}\n"
	    "  tags: Tags\n"
	    "  priority: {column: Spoed, map: {ja: '1'}}\n"
	    "  break_minutes: Pauze\n"
	    "  location.lat: Lat\n"
	    "  location.lon: Lon\n"
	    "  unit: Afd\n"
	    "  note: Opm\n"
	    "constants:\n"
	    "  org: heidezicht\n";
	static const char *const vals[][6] = {
		{ "S1", "S2", "S3", "", "S\"4", "S 5" },		/* Code */
		{ "VIG", "helpende", "X", "", "vig", "a b" },	/* Functie */
		{ "29-03-2026", "25-10-2026", "24-10-2026", "31-11-2026",
		    "1-1-2026", "" },				/* Datum */
		{ "23:00", "02:30", "07:00", "24:00", "7:5", "" },	/* Van */
		{ "07:00", "02:30", "15:00", "24:00", "23:00", "x" },	/* Tot */
		{ "P,covid", "P, ,pg", ",", "Q", "", "a,,b" },	/* Eisen */
		{ "t1", "", "t1,t2", "\"t\"", "\t", "x" },	/* Tags */
		{ "ja", "3", "2,0", "6", "", "0" },		/* Spoed */
		{ "30", "0", "1440", "-1", "7.5", "" },		/* Pauze */
		{ "52.25", "52", "-90.5", "1e1", "", "0.00001" },	/* Lat */
		{ "5.1", "5,25", "", "181", "-0.0", "5" },	/* Lon */
		{ "De Eik", "", "\xc3\xa9", "a\\b", "x", "" },	/* Afd */
		{ "", "\"a;b\"", "n", "", "", "\"\"\"q\"\"\"" }	/* Opm */
	};
	struct opt	 fast = { POOL_FMT_CSV, map, NULL, 0, NULL, NULL, 0 };
	struct pool_ingest_stats st;
	char		*buf = malloc(400000);
	size_t		 n, i, k, iter;
	int		 same = 1, some = 0;

	for (iter = 0; iter < 20; iter++) {
		n = (size_t)sprintf(buf, "Code;Functie;Datum;Van;Tot;Eisen;"
		    "Tags;Spoed;Pauze;Lat;Lon;Afd;Opm\n");
		for (i = 0; i < 500; i++) {
			for (k = 0; k < 13; k++) {
				/* Mostly the first, valid values. */
				unsigned int j = rnd(8) ? rnd(2) : rnd(6);

				if (k == 0 && j < 2)
					n += (size_t)sprintf(buf + n, "S%u",
					    rnd(100000));
				else
					n += (size_t)sprintf(buf + n, "%s",
					    vals[k][j]);
				buf[n++] = k < 12 ? ';' : '\n';
			}
		}
		buf[n] = '\0';
		fast.update = (int)(iter % 2);
		if (!fast_is_general(&fast, buf, &st))
			same = 0;
		if (st.records > 100 && st.rejects > 10)
			some++;
	}
	CHECK(same, "fast and general path: the same records, rejects and "
	    "counts");
	CHECK(some == 20, "the rows mix records and rejects");
	free(buf);
}

/*
 * CSV without a mapping, the type in a column: the fast path takes the
 * rows of the first row's type, the general path the others; both give
 * the same records, rejects and counts.
 */
static void
test_fast_path_typecol(void)
{
	static const char *const vals[][6] = {
		{ "shift", "shift", " shift ", "availability", "Shift",
		    "" },					/* type */
		{ "S1", "S2", "S 3", "", "S\"4", "W1" },		/* id */
		{ "a", "b", "", "a", "\xc3\xa9", "a;b" },		/* org */
		{ "r", "q", "r", "", "r r", "x" },		/* role */
		{ "2026-11-23T07:00:00+01:00", "2026-11-23 07:00",
		    "2026-03-29T02:30:00+01:00", "", "x",
		    "2026-11-23T23:00:00Z" },			/* start */
		{ "2026-11-23T15:00:00+01:00", "2026-11-23T06:00:00+01:00",
		    "2026-03-29T09:00:00+02:00", "", "9999-12-31T23:59:59Z",
		    "2026-11-24T07:00:00+01:00" },		/* end */
		{ "3", "1", "6", "2.0", "", "x" },		/* priority */
		{ "30", "0", "", "-1", "7.5", "1440" },		/* break_minutes */
		{ "t1", "", "t1,t2", "a,,b", " ", "x" },	/* tags */
	};
	struct opt	 fast = { POOL_FMT_CSV, NULL, NULL, 0, NULL, NULL, 0 };
	struct pool_ingest_stats st;
	char		*buf = malloc(400000);
	size_t		 n, i, k, iter;
	int		 same = 1, some = 0;

	for (iter = 0; iter < 20; iter++) {
		n = (size_t)sprintf(buf, "%s", iter % 3 == 2 ?
		    "id;type;org;role;start;end;priority;break_minutes;tags\n" :
		    "type;id;org;role;start;end;priority;break_minutes;tags\n");
		for (i = 0; i < 500; i++) {
			for (k = 0; k < 9; k++) {
				unsigned int j = rnd(8) ? 0 : rnd(6);
				size_t col = iter % 3 == 2 && k < 2 ? 1 - k : k;

				if (col == 1 && j == 0)
					n += (size_t)sprintf(buf + n, "S%u",
					    rnd(300));
				else
					n += (size_t)sprintf(buf + n, "%s",
					    vals[col][j]);
				buf[n++] = k < 8 ? ';' : '\n';
			}
		}
		buf[n] = '\0';
		fast.update = (int)(iter % 2);
		if (!fast_is_general(&fast, buf, &st))
			same = 0;
		if (st.records > 100 && st.rejects > 10)
			some++;
	}
	CHECK(same, "CSV with a type column: fast and general path give the "
	    "same records, rejects and counts");
	CHECK(some == 20, "the rows mix records and rejects");
	free(buf);
}

/*
 * NDJSON: the fast path (scanned lines, no jansson tree) and the
 * general path give the same records, rejects, messages and counts on
 * lines of every kind: valid records in and out of canonical order,
 * duplicates equal in content but not in text, conflicts, escapes,
 * reals, nested values, invalid records and broken JSON.
 */
static void
test_ndjson_fast_path(void)
{
	static const char *const lines[] = {
	    "{\"type\":\"shift\",\"id\":\"S%u\",\"org\":\"a\",\"role\":\"r\","
	    "\"start\":\"2026-11-23T07:00:00+01:00\",\"end\":"
	    "\"2026-11-23T15:00:00+01:00\",\"priority\":%u,\"location\":"
	    "{\"lat\":52.5,\"lon\":5.25},\"tags\":[\"t\",\"u\"]}",
	    /* The same record, other key order and spacing. */
	    "{ \"end\":\"2026-11-23T15:00:00+01:00\", \"tags\":[\"t\",\"u\"],"
	    "\"location\":{\"lon\":5.25,\"lat\":52.50},\"priority\":%u.0e0,"
	    "\"id\":\"S%u\",\"role\":\"r\",\"type\":\"shift\",\"org\":\"a\","
	    "\"start\":\"2026-11-23T07:00:00+01:00\"}",
	    "{\"type\":\"worker\",\"id\":\"W%u\",\"roles\":[\"r\"],"
	    "\"zz\":%u,\"aa\":\"\\u00e9\\t\\\"\",\"name\":\"N\\/\"}",
	    "{\"roles\":[\"r\"],\"name\":\"N/\",\"aa\":\"\xc3\xa9\\t\\\"\","
	    "\"zz\":%u,\"id\":\"W%u\",\"type\":\"worker\"}",
	    "{\"type\":\"availability\",\"worker\":\"W%u\",\"start\":"
	    "\"2026-11-23T00:00:00+01:00\",\"end\":\"2026-11-24T00:00:00+01:00\","
	    "\"n\":%u}",
	    "{\"type\":\"org\",\"id\":\"o%u\",\"weight\":%u.5,\"big\":1e20,"
	    "\"neg\":-0.00001,\"x\":null,\"y\":true,\"z\":false}",
	    "{\"type\":\"shift\",\"id\":\"S%u\",\"org\":\"a\",\"role\":\"r\","
	    "\"start\":\"2026-11-23T07:00:00+01:00\",\"end\":"
	    "\"2026-11-23T06:00:00+01:00\",\"priority\":%u}",
	    /* Too long for the scanner: the general path, same record. */
	    "{\"type\":\"worker\",\"id\":\"W%u\",\"roles\":[\"r\"],"
	    "\"zz\":%u,\"aa\":\"\\u00e9\\t\\\"\",\"name\":\"N\\/\"%4200s}",
	    "{\"type\":\"shift\",\"id\":\"S%u\",\"id\":\"T%u\"}",
	    "{\"type\":\"mystery\",\"id\":\"M%u\",\"n\":%u}",
	    "{\"type\":\"signup\",\"worker\":\"W%u\",\"shift\":\"S%u\"}",
	    "{\"id\":\"S%u\",\"n\":%u}",
	    "{\"type\":\"worker\",\"id\":\"W%u\",\"roles\":[%u]}",
	    "{\"type\":\"shift\",\"id\":\"S%u\" %u",
	    "[%u,%u]",
	};
	struct opt	 fast = { POOL_FMT_NDJSON, NULL, NULL, 0, NULL, NULL, 0 };
	struct pool_ingest_stats st;
	char		*buf = malloc(1000000);
	size_t		 n, i, iter;
	int		 same = 1, some = 0;

	for (iter = 0; iter < 20; iter++) {
		n = 0;
		for (i = 0; i < 800; i++) {
			unsigned int k = rnd(4) ? rnd(8) :
			    rnd(sizeof(lines) / sizeof(lines[0]));
			unsigned int x = rnd(40), y = 1 + rnd(2);

			if (k == 1 || k == 3)
				n += (size_t)sprintf(buf + n, lines[k], y, x);
			else if (k == 7)
				n += (size_t)sprintf(buf + n, lines[k], x, y,
				    "");
			else
				n += (size_t)sprintf(buf + n, lines[k], x, y);
			buf[n++] = '\n';
		}
		buf[n] = '\0';
		fast.update = (int)(iter % 2);
		if (!fast_is_general(&fast, buf, &st))
			same = 0;
		if (st.records > 50 && st.rejects > 10 && st.merged > 10)
			some++;
	}
	CHECK(same, "NDJSON fast and general path: the same records, "
	    "rejects and counts");
	CHECK(some == 20, "the lines mix records, rejects and duplicates");
	free(buf);
}

/*
 * The fast path of JSON array elements and the stream the array is read
 * from, against the general path: the same random arrays read with the
 * option slow (no fast path, and the input read a few bytes at a time,
 * so that every element meets the edge of what was read) must give the
 * same records, rejects and counts.  The elements are of every kind:
 * valid records in and out of canonical order, pretty-printed, strings
 * that the general path converts (a number, a local time, a list,
 * some of them where the record takes any value),
 * typeless objects, values that are not objects, keys given twice,
 * bytes that are not UTF-8, broken syntax, a missing ',', elements too
 * long for the scanner; the array ends well, not at all, or with data
 * after it.  The last round is bigger than what the fast run reads at
 * a time.
 */
static void
test_json_array_fast_path(void)
{
	static const char *const elems[] = {
	    "{\"type\":\"shift\",\"id\":\"S%u\",\"org\":\"a\",\"role\":\"r\","
	    "\"start\":\"2026-11-23T07:00:00+01:00\",\"end\":"
	    "\"2026-11-23T15:00:00+01:00\",\"priority\":%u,\"location\":"
	    "{\"lat\":52.5,\"lon\":5.25},\"tags\":[\"t\",\"u\"]}",
	    "{\n  \"end\": \"2026-11-23T15:00:00+01:00\",\n  \"tags\": [\"t\","
	    " \"u\"],\n  \"location\": {\"lon\": 5.25, \"lat\": 52.50},\n"
	    "  \"priority\": %u.0e0,\n  \"id\": \"S%u\", \"role\": \"r\",\n"
	    "  \"type\": \"shift\", \"org\": \"a\",\n  \"start\": "
	    "\"2026-11-23T07:00:00+01:00\"\n}",
	    "{\"type\":\"worker\",\"id\":\"W%u\",\"roles\":[\"r\"],"
	    "\"zz\":%u,\"aa\":\"\\u00e9\\t\\\"\",\"name\":\"N\\/\"}",
	    "{\"type\":\"availability\",\"worker\":\"W%u\",\"start\":"
	    "\"2026-11-23T00:00:00+01:00\",\"end\":\"2026-11-24T00:00:00+01:00\","
	    "\"n\":%u}",
	    "{\"type\":\"org\",\"id\":\"o%u\",\"weight\":%u.5,\"big\":1e20,"
	    "\"neg\":-0.00001,\"x\":null,\"y\":true,\"z\":false,\"note\":\" \"}",
	    "{\"type\":\"shift\",\"id\":\"S%u\",\"org\":\"a\",\"role\":\"r\","
	    "\"start\":\"2026-11-23T07:00:00+01:00\",\"end\":"
	    "\"2026-11-23T15:00:00+01:00\",\"priority\":\"%u\"}",
	    "{\"type\":\"shift\",\"id\":\"S%u\",\"org\":\"a\",\"role\":\"r\","
	    "\"start\":\"2026-11-23 07:00\",\"end\":"
	    "\"2026-11-23T15:00:00+01:00\",\"priority\":%u,\"skills\":\"p,q\"}",
	    "{\"type\":\"shift\",\"id\":\"S%u\",\"org\":\"a\",\"role\":\"r\","
	    "\"start\":\"2026-11-23T07:00:00+01:00\",\"end\":"
	    "\"2026-11-23T06:00:00+01:00\",\"priority\":%u}",
	    "{\"type\":\"worker\",\"id\":\"W%u\",\"roles\":[\"r\"],"
	    "\"zz\":%u,\"name\":\"N\"%4200s}",
	    "{\"id\":\"W%u\",\"roles\":[\"r\"],\"n\":%u}",
	    "{\"type\":\"shift\",\"id\":\"S%u\",\"id\":\"T%u\"}",
	    "{\"type\":\"worker\",\"id\":\"W%u\xff\",\"roles\":[\"r\"],"
	    "\"n\":%u}",
	    "{\"type\":\"signup\",\"worker\":\"W%u\",\"shift\":\"S%u\"}",
	    "{\"type\":\"mystery\",\"id\":\"M%u\",\"n\":%u}",
	    "{\"type\":\"shift\" \"id\":\"S%u\",\"n\":%u}",
	    "{\"type\":\"worker\",\"id\":\"X%u\",\"roles\":[\"r\"]} {\"n\":%u}",
	    "[%u,%u]",
	    "\"%u%u\"",
	    /* Valid as they are, but the general path converts them. */
	    "{\"type\":\"worker\",\"id\":\"W%u\",\"roles\":[\"r\"],"
	    "\"score\":\"%u.5\",\"start\":\"2026-11-23 07:00\"}",
	    "{\"type\":\"org\",\"id\":\"o%u\",\"weight\":\" %u \"}",
	};
	static const char *const ends[] = { "]", "]\n", "", "] {\"x\":1}",
	    "]\n\n" };
	struct opt	 fast = { POOL_FMT_JSON, NULL, NULL, 0, NULL, NULL, 0 };
	struct pool_ingest_stats st;
	size_t		 n, i, iter, count;
	char		*buf = malloc(8000000);
	int		 same = 1, some = 0, big = 0;

	for (iter = 0; iter < 21; iter++) {
		count = iter == 20 ? 10000 : 300;
		n = 0;
		buf[n++] = '[';
		for (i = 0; i < count; i++) {
			unsigned int k = rnd(3) ? rnd(5) :
			    rnd(sizeof(elems) / sizeof(elems[0]));
			unsigned int x = rnd(40), y = 1 + rnd(2);

			if (i > 0)
				n += (size_t)sprintf(buf + n, "%s", rnd(4) ?
				    "," : ",\n  ");
			if (k == 1)
				n += (size_t)sprintf(buf + n, elems[k], y, x);
			else if (k == 8)
				n += (size_t)sprintf(buf + n, elems[k], x, y,
				    "");
			else
				n += (size_t)sprintf(buf + n, elems[k], x, y);
		}
		n += (size_t)sprintf(buf + n, "%s",
		    ends[iter < 20 ? rnd(5) : 0]);
		buf[n] = '\0';
		fast.update = (int)(iter % 2);
		fast.type = iter % 3 == 2 ? "worker" : NULL;
		if (!fast_is_general(&fast, buf, &st)) {
			printf("# round %zu differs\n", iter);
			same = 0;
		}
		if (st.records > 20 && st.rejects > 10 && st.merged > 10)
			some++;
		if (iter == 20 && n > (1u << 20) && st.records > 1000)
			big = 1;
	}
	CHECK(same, "JSON array fast and general path, read in big and small "
	    "pieces: the same records, rejects and counts");
	CHECK(some == 21, "the arrays mix records, rejects and duplicates");
	CHECK(big, "the big array is read in more than one piece");
	free(buf);
}

/* The canonical writer writes what pool_json_write writes. */
static void
test_canonical(void)
{
	static const struct opt o = { POOL_FMT_JSON, NULL, NULL, 0, NULL,
	    NULL, 0 };
	static const char in[] = "[{\"type\":\"org\",\"id\":\"o\\u0001\\t\\\"/\","
	    "\"weight\":0.1,\"big\":1e20,\"zz\":-0.00001,\"aa\":[1.5,-2,"
	    "true,null,{\"b\":1,\"a\":2}],\"name\":\"\xc3\xa9\"}]";
	struct result	 r;
	json_t		*v;
	char		*s;
	size_t		 len;
	FILE		*f;

	run(&o, in, &r);
	v = json_loads(r.out, 0, NULL);
	f = open_memstream(&s, &len);
	pool_json_write(f, v);
	fclose(f);
	CHECK_STR(r.out, "{\"type\":\"org\",\"id\":\"o\\u0001\\t\\\"/\","
	    "\"name\":\"\xc3\xa9\",\"weight\":0.1,\"aa\":[1.5,-2,true,"
	    "null,{\"a\":2,\"b\":1}],\"big\":1e20,\"zz\":-1e-5}\n",
	    "canonical order and number format");
	CHECK_STR(r.out, s, "the same bytes as pool_json_write");
	free(s);
	json_decref(v);
	done(&r);
}

/* A JSON allocator that fails its nth call (0: none). */
static unsigned long	jcalls, jfail;

static void *
jmalloc(size_t n)
{
	if (++jcalls == jfail)
		return NULL;
	return malloc(n);
}

/*
 * A failed allocation in a row is out of memory, which ends the read
 * with that error: never a reject (such as "invalid UTF-8"), never a
 * short record.
 */
static void
test_out_of_memory(void)
{
	static const struct opt o = { POOL_FMT_CSV, NULL, "worker", 0, NULL,
	    "w.csv", 1 };
	static const char in[] = "id;roles;skills;location.lat;location.lon\n"
	    "W1;da;his:medicom, covid;52.1;4.3\nW2;poh;triage;;\n";
	struct result	 base, r;
	int		 bad = 0;

	run(&o, in, &base);
	CHECK_INT(base.rc, 0, "out of memory: the run without faults");
	for (jfail = 1; jfail < 1000; jfail++) {
		jcalls = 0;
		json_set_alloc_funcs(jmalloc, free);
		run(&o, in, &r);
		json_set_alloc_funcs(malloc, free);
		if (jcalls < jfail) {
			/* No failure: the whole run fitted. */
			CHECK_STR(r.out, base.out, "out of memory: output");
			done(&r);
			break;
		}
		if (r.rc == 0 ? strcmp(r.out, base.out) != 0 :
		    r.st.rejects != 0 || strstr(r.diag, "out of memory") ==
		    NULL || strstr(r.diag, "UTF-8") != NULL) {
			printf("# allocation %lu: rc %d, %lu rejected, %s",
			    jfail, r.rc, r.st.rejects, r.diag);
			bad++;
		}
		done(&r);
	}
	CHECK(jfail > 1 && jfail < 1000, "out of memory: %lu allocations",
	    jfail);
	CHECK_INT(bad, 0, "out of memory: runs said otherwise");
	done(&base);
}

/*
 * Shift types: a code and a date give the agreed times of pool.yaml,
 * overnight types end the next day across both clock changes, a time
 * in the gap is rejected, times in the row win, unknown codes are
 * rejected naming the known ones; the fast path gives the same.
 */
static const char stconf[] =
    "pool: t\n"
    "timezone: Europe/Amsterdam\n"
    "shift_types:\n"
    "  early: \"07:00-15:00\"\n"
    "  late: \"15:00-24:00\"\n"
    "  night: \"22:45-07:15\"\n"
    "  gap: \"02:15-10:00\"\n";

static void
test_shift_types(void)
{
	static const char map[] =
	    "type: shift\n"
	    "date_format: dd-mm-yyyy\n"
	    "date: Datum\n"
	    "columns:\n"
	    "  id: Nr\n"
	    "  org: Org\n"
	    "  role: Functie\n"
	    "  shift_type: {column: Dienst, map: {V: early, L: late, "
	    "N: night}}\n";
	static const char timed[] =
	    "type: shift\n"
	    "date_format: dd-mm-yyyy\n"
	    "date: Datum\n"
	    "start_time: Van\n"
	    "end_time: Tot\n"
	    "columns:\n"
	    "  id: Nr\n"
	    "  org: Org\n"
	    "  role: Functie\n"
	    "  shift_type: Dienst\n";
	struct opt	 o = { POOL_FMT_CSV, map, NULL, 0, NULL, NULL, 0 };
	struct opt	 t = { POOL_FMT_CSV, timed, NULL, 0, NULL, NULL, 0 };
	struct pool_config *c;
	struct pool_error e;
	struct result	 r, r2;

	if ((c = pool_config_load_buffer(stconf, strlen(stconf), "pool.yaml",
	    &e)) == NULL) {
		CHECK(0, "shift types: config: %s", e.text);
		return;
	}
	run_config = c;
	run(&o, "Nr,Org,Functie,Datum,Dienst\n"
	    "E1,a,b,24-10-2026,V\n"
	    "N1,a,b,24-10-2026,N\n"
	    "L1,a,b,28-03-2026,late\n"
	    "N2,a,b,28-03-2026,N\n"
	    "G1,a,b,29-03-2026,gap\n"
	    "X1,a,b,29-03-2026,vroeg\n"
	    "X2,a,b,29-03-2026,\n"
	    "X3,a,b,,V\n", &r);
	CHECK_STR(r.out,
	    "{\"type\":\"shift\",\"id\":\"E1\",\"org\":\"a\",\"role\":\"b\","
	    "\"start\":\"2026-10-24T07:00:00+02:00\","
	    "\"end\":\"2026-10-24T15:00:00+02:00\",\"shift_type\":\"early\"}\n"
	    "{\"type\":\"shift\",\"id\":\"N1\",\"org\":\"a\",\"role\":\"b\","
	    "\"start\":\"2026-10-24T22:45:00+02:00\","
	    "\"end\":\"2026-10-25T07:15:00+01:00\",\"shift_type\":\"night\"}\n"
	    "{\"type\":\"shift\",\"id\":\"L1\",\"org\":\"a\",\"role\":\"b\","
	    "\"start\":\"2026-03-28T15:00:00+01:00\","
	    "\"end\":\"2026-03-29T00:00:00+01:00\",\"shift_type\":\"late\"}\n"
	    "{\"type\":\"shift\",\"id\":\"N2\",\"org\":\"a\",\"role\":\"b\","
	    "\"start\":\"2026-03-28T22:45:00+01:00\","
	    "\"end\":\"2026-03-29T07:15:00+02:00\",\"shift_type\":\"night\"}\n",
	    "shift types: the agreed times, overnight across both changes");
	CHECK_STR(r.diag,
	    "t:6: field 'start': local time 2026-03-29 02:15 does not exist "
	    "in Europe/Amsterdam (the clocks go forward)\n"
	    "t:7: field 'shift_type': unknown shift type 'vroeg' (pool.yaml "
	    "has early, late, night, gap)\n"
	    "t:8: field 'start': no time: the row has no shift type\n"
	    "t:9: field 'start': no date in column 'Datum'\n",
	    "shift types: gap, unknown code, no type, no date");
	CHECK(r.st.records == 4 && r.st.rejects == 4 && adds_up(&r),
	    "shift types: 4 records, 4 rejects");
	/* The fast path does not bind: the general path's results. */
	o.slow = 1;
	run(&o, "Nr,Org,Functie,Datum,Dienst\n"
	    "E1,a,b,24-10-2026,V\n"
	    "N1,a,b,24-10-2026,N\n"
	    "L1,a,b,28-03-2026,late\n"
	    "N2,a,b,28-03-2026,N\n"
	    "G1,a,b,29-03-2026,gap\n"
	    "X1,a,b,29-03-2026,vroeg\n"
	    "X2,a,b,29-03-2026,\n"
	    "X3,a,b,,V\n", &r2);
	CHECK(strcmp(r.out, r2.out) == 0 && strcmp(r.diag, r2.diag) == 0 &&
	    memcmp(&r.st, &r2.st, sizeof(r.st)) == 0,
	    "shift types: fast and general path agree");
	done(&r);
	done(&r2);

	/* Times in the row win; the type is kept, and still checked. */
	run(&t, "Nr,Org,Functie,Datum,Dienst,Van,Tot\n"
	    "A,a,b,24-10-2026,early,07:30,14:00\n"
	    "B,a,b,24-10-2026,early,,\n"
	    "C,a,b,24-10-2026,,22:00,06:00\n"
	    "D,a,b,24-10-2026,vroeg,07:00,15:00\n", &r);
	CHECK_STR(r.out,
	    "{\"type\":\"shift\",\"id\":\"A\",\"org\":\"a\",\"role\":\"b\","
	    "\"start\":\"2026-10-24T07:30:00+02:00\","
	    "\"end\":\"2026-10-24T14:00:00+02:00\",\"shift_type\":\"early\"}\n"
	    "{\"type\":\"shift\",\"id\":\"B\",\"org\":\"a\",\"role\":\"b\","
	    "\"start\":\"2026-10-24T07:00:00+02:00\","
	    "\"end\":\"2026-10-24T15:00:00+02:00\",\"shift_type\":\"early\"}\n"
	    "{\"type\":\"shift\",\"id\":\"C\",\"org\":\"a\",\"role\":\"b\","
	    "\"start\":\"2026-10-24T22:00:00+02:00\","
	    "\"end\":\"2026-10-25T06:00:00+01:00\"}\n",
	    "shift types: times in the row win");
	CHECK_STR(r.diag, "t:5: field 'shift_type': unknown shift type "
	    "'vroeg' (pool.yaml has early, late, night, gap)\n",
	    "shift types: an unknown type with times is still rejected");
	done(&r);

	/* A pool without shift types knows none. */
	run_config = NULL;
	run(&o, "Nr,Org,Functie,Datum,Dienst\nE1,a,b,24-10-2026,V\n", &r);
	CHECK_STR(r.out, "", "shift types: none known, no record");
	CHECK_STR(r.diag, "t:2: field 'shift_type': unknown shift type "
	    "'early' (the configuration has no shift_types)\n",
	    "shift types: none known");
	done(&r);
	pool_config_free(c);
}

int
main(void)
{
	test_cases();
	test_rejects_file();
	test_pseudo();
	test_property();
	test_fast_path();
	test_ndjson_fast_path();
	test_json_array_fast_path();
	test_fast_path_typecol();
	test_canonical();
	test_shift_types();
	test_out_of_memory();
	return test_done();
}
