/*
 * Tests of the JSON scanner (lib/jscan.c) and of the fast path of
 * pool_record_parse that uses it: a table of scanner cases, then a
 * differential test over every NDJSON line of testdata/ and tests/cli/
 * and over mutations of those lines (fixed seed).  Whatever the scanner
 * accepts jansson must accept with the same values, and
 * pool_record_parse must give the same record or the same error as
 * jansson followed by pool_record_from_json.
 */
#include <dirent.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "pool_jscan.h"
#include "pool_record.h"

#include "jscan_diff.h"
#include "test.h"

#define MAXTOK	128

static struct pool_jtok	tok[MAXTOK];
static char		buf[8192];

static int
scan(struct pool_jscan *sc, const char *s, size_t len)
{
	pool_jscan_init(sc, tok, MAXTOK, buf, sizeof(buf));
	return pool_jscan_object(sc, s, len);
}

/* A test input fit for one TAP line: controls and non-ASCII as '?'. */
static const char *
show(const char *s)
{
	static char	out[128];
	size_t		i;

	for (i = 0; s[i] != '\0' && i < sizeof(out) - 1; i++)
		out[i] = (unsigned char)s[i] < 0x20 ||
		    (unsigned char)s[i] >= 0x7f ? '?' : s[i];
	out[i] = '\0';
	return out;
}

/* The scanner's verdict on single lines, and what it read. */
static void
test_table(void)
{
	static const struct {
		const char	*in;
		int		 rc;
		const char	*key;	/* a member to look at, or NULL */
		enum pool_jtype	 type;
		const char	*s;	/* its decoded string, or number */
	} cases[] = {
		{ "{}", 0, NULL, 0, NULL },
		{ " \t{ } \r\n", 0, NULL, 0, NULL },
		{ "{\"a\":\"b\"}", 0, "a", POOL_J_STRING, "b" },
		{ "{\"a\" : \"\" }", 0, "a", POOL_J_STRING, "" },
		{ "{\"a\":1}", 0, "a", POOL_J_INTEGER, "1" },
		{ "{\"a\":-0}", 0, "a", POOL_J_INTEGER, "0" },
		{ "{\"a\":3.0}", 0, "a", POOL_J_REAL, "3" },
		{ "{\"a\":1e2}", 0, "a", POOL_J_REAL, "100" },
		{ "{\"a\":1E+2}", 0, "a", POOL_J_REAL, "100" },
		{ "{\"a\":-1.5e-1}", 0, "a", POOL_J_REAL, "-0.15" },
		{ "{\"a\":9223372036854775807}", 0, "a", POOL_J_INTEGER,
		    "9223372036854775807" },
		{ "{\"a\":true,\"b\":false,\"c\":null}", 0, "c", POOL_J_NULL,
		    NULL },
		{ "{\"a\":true}", 0, "a", POOL_J_TRUE, NULL },
		{ "{\"a\":false}", 0, "a", POOL_J_FALSE, NULL },
		{ "{\"a\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"}", 0, "a",
		    POOL_J_STRING, "\"\\/\b\f\n\r\t" },
		{ "{\"a\":\"\\u00e9\\u20AC\"}", 0, "a", POOL_J_STRING,
		    "\xc3\xa9\xe2\x82\xac" },
		{ "{\"a\":\"\\ud83d\\ude00\"}", 0, "a", POOL_J_STRING,
		    "\xf0\x9f\x98\x80" },
		{ "{\"a\":\"caf\xc3\xa9 \xf0\x9f\x98\x80\"}", 0, "a",
		    POOL_J_STRING, "caf\xc3\xa9 \xf0\x9f\x98\x80" },
		{ "{\"a\":\"\x7f\"}", 0, "a", POOL_J_STRING, "\x7f" },
		{ "{\"\\u0069d\":\"x\"}", 0, "id", POOL_J_STRING, "x" },
		{ "{\"a\":[\"x\",1,null]}", 0, "a", POOL_J_ARRAY, NULL },
		{ "{\"a\":[]}", 0, "a", POOL_J_ARRAY, NULL },
		{ "{\"a\":{\"lat\":1,\"lon\":2.5}}", 0, "a", POOL_J_OBJECT,
		    NULL },
		{ "{\"a\":{}}", 0, "a", POOL_J_OBJECT, NULL },
		{ "{\"a\":{\"x\":1},\"x\":2}", 0, "x", POOL_J_INTEGER, "2" },
		/* Not JSON. */
		{ "", -1, NULL, 0, NULL },
		{ "   ", -1, NULL, 0, NULL },
		{ "[]", -1, NULL, 0, NULL },
		{ "\"a\"", -1, NULL, 0, NULL },
		{ "{", -1, NULL, 0, NULL },
		{ "{\"a\":1", -1, NULL, 0, NULL },
		{ "{\"a\":1,}", -1, NULL, 0, NULL },
		{ "{,\"a\":1}", -1, NULL, 0, NULL },
		{ "{\"a\" 1}", -1, NULL, 0, NULL },
		{ "{\"a\":}", -1, NULL, 0, NULL },
		{ "{a:1}", -1, NULL, 0, NULL },
		{ "{'a':1}", -1, NULL, 0, NULL },
		{ "{\"a\":1}}", -1, NULL, 0, NULL },
		{ "{\"a\":1} x", -1, NULL, 0, NULL },
		{ "{\"a\":1}{}", -1, NULL, 0, NULL },
		{ "{\"a\":01}", -1, NULL, 0, NULL },
		{ "{\"a\":+1}", -1, NULL, 0, NULL },
		{ "{\"a\":.5}", -1, NULL, 0, NULL },
		{ "{\"a\":1.}", -1, NULL, 0, NULL },
		{ "{\"a\":1e}", -1, NULL, 0, NULL },
		{ "{\"a\":1e+}", -1, NULL, 0, NULL },
		{ "{\"a\":-}", -1, NULL, 0, NULL },
		{ "{\"a\":0x10}", -1, NULL, 0, NULL },
		{ "{\"a\":NaN}", -1, NULL, 0, NULL },
		{ "{\"a\":Infinity}", -1, NULL, 0, NULL },
		{ "{\"a\":tru}", -1, NULL, 0, NULL },
		{ "{\"a\":truex}", -1, NULL, 0, NULL },
		{ "{\"a\":nul}", -1, NULL, 0, NULL },
		{ "{\"a\":\"x}", -1, NULL, 0, NULL },
		{ "{\"a\":\"\t\"}", -1, NULL, 0, NULL },
		{ "{\"a\":\"\x1f\"}", -1, NULL, 0, NULL },
		{ "{\"a\":\"\\x\"}", -1, NULL, 0, NULL },
		{ "{\"a\":\"\\u12\"}", -1, NULL, 0, NULL },
		{ "{\"a\":\"\\u12g4\"}", -1, NULL, 0, NULL },
		{ "{\"a\":\"\\ud800\"}", -1, NULL, 0, NULL },
		{ "{\"a\":\"\\ud800\\u0041\"}", -1, NULL, 0, NULL },
		{ "{\"a\":\"\\udc00\"}", -1, NULL, 0, NULL },
		{ "{\"a\":\"\xc0\xaf\"}", -1, NULL, 0, NULL },
		{ "{\"a\":\"\xe0\x80\xaf\"}", -1, NULL, 0, NULL },
		{ "{\"a\":\"\xed\xa0\x80\"}", -1, NULL, 0, NULL },
		{ "{\"a\":\"\xf4\x90\x80\x80\"}", -1, NULL, 0, NULL },
		{ "{\"a\":\"\xc3\"}", -1, NULL, 0, NULL },
		{ "{\"a\":\"\x80\"}", -1, NULL, 0, NULL },
		{ "{\"a\":\"\xff\"}", -1, NULL, 0, NULL },
		{ "{\"a\":[1,]}", -1, NULL, 0, NULL },
		{ "{\"a\":[1 2]}", -1, NULL, 0, NULL },
		{ "{\"a\":[}", -1, NULL, 0, NULL },
		{ "{\"a\":{\"b\":1,}}", -1, NULL, 0, NULL },
		/* JSON, but left to jansson. */
		{ "{\"a\":1,\"a\":2}", -1, NULL, 0, NULL },
		{ "{\"a\":1,\"\\u0061\":2}", -1, NULL, 0, NULL },
		{ "{\"o\":{\"a\":1,\"a\":2}}", -1, NULL, 0, NULL },
		{ "{\"a\":\"\\u0000\"}", -1, NULL, 0, NULL },
		{ "{\"a\":[[1]]}", -1, NULL, 0, NULL },
		{ "{\"a\":[{}]}", -1, NULL, 0, NULL },
		{ "{\"a\":{\"b\":{}}}", -1, NULL, 0, NULL },
		{ "{\"a\":{\"b\":[]}}", -1, NULL, 0, NULL },
		{ "{\"a\":9223372036854775808}", -1, NULL, 0, NULL },
		{ "{\"a\":-9223372036854775809}", -1, NULL, 0, NULL },
		{ "{\"a\":1e999}", -1, NULL, 0, NULL },
	};
	struct pool_jscan	 sc;
	const struct pool_jtok	*t;
	char			 num[64];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char	*in = cases[i].in;

		CHECK_INT(scan(&sc, in, strlen(in)), cases[i].rc,
		    "scan %zu '%s'", i, show(in));
		if (cases[i].rc != 0 || cases[i].key == NULL)
			continue;
		t = pool_jscan_find(sc.tok, sc.nmembers, cases[i].key);
		CHECK(t != NULL, "scan %zu: member '%s' found", i,
		    cases[i].key);
		if (t == NULL)
			continue;
		CHECK_INT(t->type, cases[i].type, "scan %zu: type", i);
		if (t->type == POOL_J_STRING) {
			CHECK_STR(t->s, cases[i].s, "scan %zu: string", i);
			CHECK_INT(t->len, strlen(cases[i].s),
			    "scan %zu: length", i);
		} else if (t->type == POOL_J_INTEGER) {
			snprintf(num, sizeof(num), "%lld", t->i);
			CHECK_STR(num, cases[i].s, "scan %zu: integer", i);
		} else if (t->type == POOL_J_REAL) {
			snprintf(num, sizeof(num), "%g", t->x);
			CHECK_STR(num, cases[i].s, "scan %zu: real", i);
		}
	}

	/* Members in order, children after their parent. */
	const char	*s = "{\"a\":[\"x\",\"y\"],\"o\":{\"lat\":1},\"z\":null}";

	CHECK_INT(scan(&sc, s, strlen(s)), 0, "nested: scanned");
	CHECK_INT(sc.nmembers, 3, "nested: members");
	CHECK_INT(sc.ntok, 6, "nested: tokens");
	CHECK_INT(tok[0].n, 2, "nested: array size");
	CHECK(tok[1].key == NULL && strcmp(tok[2].s, "y") == 0,
	    "nested: elements follow the array");
	CHECK_STR(tok[3].key, "o", "nested: object after the elements");
	t = pool_jscan_find(tok + 4, tok[3].n, "lat");
	CHECK(t != NULL && t->type == POOL_J_INTEGER && t->i == 1,
	    "nested: member of the nested object");
	CHECK(pool_jscan_find(sc.tok, sc.nmembers, "lat") == NULL,
	    "nested: not a member of the top object");
	CHECK(pool_jscan_find(sc.tok, sc.nmembers, "z") == tok + 5,
	    "nested: member after the nested object");
	CHECK(pool_jscan_find(sc.tok, sc.nmembers, "") == NULL,
	    "nested: empty key not found");

	/* Limits: the line must fit the buffer, the values the tokens. */
	pool_jscan_init(&sc, tok, 2, buf, sizeof(buf));
	CHECK_INT(pool_jscan_object(&sc, "{\"a\":1,\"b\":2}", 13), 0,
	    "two tokens fit");
	CHECK_INT(pool_jscan_object(&sc, "{\"a\":1,\"b\":2,\"c\":3}", 19), -1,
	    "three tokens do not");
	pool_jscan_init(&sc, tok, MAXTOK, buf, 13);
	CHECK_INT(pool_jscan_object(&sc, "{\"a\":\"1234\"}", 12), 0,
	    "a line shorter than the buffer");
	CHECK_INT(pool_jscan_object(&sc, "{\"a\":\"12345\"}", 13), -1,
	    "a line as long as the buffer");
	/* The length counts, not a NUL. */
	CHECK_INT(scan(&sc, "{\"a\":1}xyz", 7), 0, "length bounds the line");
	CHECK_INT(scan(&sc, "{\"a\":12", 6), -1, "number at the end");
	CHECK_INT(scan(&sc, "{\"a\":\"\0\"}", 8), -1, "NUL byte in a string");
	CHECK_INT(scan(&sc, "{\"a\":1}\0", 8), -1, "NUL byte after");
}

struct stats {
	size_t	lines, scanned, records, errors, bad;
};

/*
 * Compare both ways of reading one line; returns 1 if they agree.  On
 * a difference, says what it was (once per kind, not per line).
 */
static int
differ(struct pool_data *d, const char *line, size_t len, struct stats *st)
{
	struct pool_jscan	 sc;
	struct pool_record	 ra, rb;
	struct pool_error	 ea, eb;
	json_error_t		 je;
	json_t			*o;
	int			 rca, rcb, ok = 1;

	st->lines++;
	o = json_loadb(line, len, JSON_REJECT_DUPLICATES, &je);
	if (scan(&sc, line, len) == 0) {
		st->scanned++;
		if (o == NULL || !same_object(&sc, o))
			ok = 0;
	}
	json_decref(o);

	pool_error_clear(&ea);
	pool_error_clear(&eb);
	rca = pool_record_parse(d, line, len, &ra, &ea);
	rcb = parse_jansson(d, line, len, &rb, &eb);
	if (rca != rcb)
		ok = 0;
	else if (rca == 0) {
		st->records++;
		if (!same_record(&ra, &rb))
			ok = 0;
	} else {
		st->errors++;
		if (ea.code != eb.code || strcmp(ea.text, eb.text) != 0 ||
		    strcmp(ea.field, eb.field) != 0 ||
		    strcmp(ea.context, eb.context) != 0)
			ok = 0;
	}
	if (rca == 0)
		pool_record_release(&ra);
	if (rcb == 0)
		pool_record_release(&rb);
	if (!ok && st->bad++ < 5)
		printf("# differ: '%.*s'\n#   fast: %d %s\n#   jansson: %d %s\n",
		    (int)(len < 300 ? len : 300), line, rca, ea.text, rcb,
		    eb.text);
	return ok;
}

struct lines {
	char	**v;
	size_t	 *len;
	size_t	  n, cap;
};

static void
add_file(struct lines *l, const char *path)
{
	FILE	*f;
	char	*line = NULL;
	size_t	 cap = 0;
	ssize_t	 n;

	if ((f = fopen(path, "r")) == NULL)
		return;
	while ((n = getline(&line, &cap, f)) != -1) {
		if (n > 0 && line[n - 1] == '\n')
			n--;
		if (n == 0 || n > 65536)
			continue;
		if (l->n == l->cap) {
			l->cap = l->cap ? l->cap * 2 : 1024;
			l->v = realloc(l->v, l->cap * sizeof(*l->v));
			l->len = realloc(l->len, l->cap * sizeof(*l->len));
			if (l->v == NULL || l->len == NULL)
				abort();
		}
		if ((l->v[l->n] = malloc((size_t)n + 1)) == NULL)
			abort();
		memcpy(l->v[l->n], line, (size_t)n);
		l->v[l->n][n] = '\0';
		l->len[l->n++] = (size_t)n;
	}
	free(line);
	fclose(f);
}

static int
has_suffix(const char *s, const char *suf)
{
	size_t	a = strlen(s), b = strlen(suf);

	return a >= b && strcmp(s + a - b, suf) == 0;
}

/* Every NDJSON file below dir: *.ndjson, *.jsonl, golden stdin and stdout. */
static void
add_tree(struct lines *l, const char *dir)
{
	DIR		*dp;
	struct dirent	*de;
	struct stat	 st;
	char		 path[4096];

	if ((dp = opendir(dir)) == NULL)
		return;
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if (stat(path, &st) == -1)
			continue;
		if (S_ISDIR(st.st_mode))
			add_tree(l, path);
		else if (S_ISREG(st.st_mode) && st.st_size < (1 << 22) &&
		    (has_suffix(de->d_name, ".ndjson") ||
		    has_suffix(de->d_name, ".jsonl") ||
		    strcmp(de->d_name, "stdin") == 0 ||
		    strcmp(de->d_name, "stdout") == 0))
			add_file(l, path);
	}
	closedir(dp);
}

static uint64_t	rng = 0x9e3779b97f4a7c15ULL;

static uint32_t
rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)((rng >> 11) % n);
}

/* Change line (of *len bytes, room for cap) a little, at random. */
static void
mutate(char *s, size_t *len, size_t cap)
{
	static const char *const bits[] = {
		"\"", "\\", "{", "}", "[", "]", ",", ":", " ", "0", "1", "-",
		".", "e", "E", "+", "3.0", "-0", "1e999", "1e-999",
		"99999999999999999999", "-9223372036854775808",
		"9223372036854775807", "null", "true", "false", "\\u00e9",
		"\\ud83d\\ude00", "\\ud800", "\\udc00", "\\u0000", "\\u0041",
		"\\n", "\\/", "\t", "\x01", "\x7f", "\xc3\xa9", "\xc3",
		"\xed\xa0\x80", "\xf4\x90\x80\x80", "\"type\":\"shift\",",
		"\"id\":\"X\",", "\"priority\":3.0,",
		"\"location\":{\"lat\":1,\"lon\":2},", "\"skills\":[\"a\",\"a\"],", "\"id\":1,",
		"\"roles\":[],", "\"start\":\"2026-11-24T07:00:00Z\",", "\0"
	};
	size_t	 n = strlen(bits[0]), at, k, del;
	const char *b;

	for (int m = 1 + (int)rnd(3); m > 0; m--) {
		at = *len ? rnd((uint32_t)*len + 1) : 0;
		switch (rnd(4)) {
		case 0:		/* insert a piece */
			k = rnd(sizeof(bits) / sizeof(bits[0]));
			b = bits[k];
			n = k == sizeof(bits) / sizeof(bits[0]) - 1 ? 1 :
			    strlen(b);
			if (*len + n >= cap)
				break;
			memmove(s + at + n, s + at, *len - at);
			memcpy(s + at, b, n);
			*len += n;
			break;
		case 1:		/* delete a few bytes */
			del = 1 + rnd(4);
			if (at + del > *len)
				del = *len - at;
			memmove(s + at, s + at + del, *len - at - del);
			*len -= del;
			break;
		case 2:		/* overwrite one byte */
			if (at < *len)
				s[at] = "\"\\{}[],: 0123456789.-eE\x01\xc3\x80"
				    "aZ"[rnd(28)];
			break;
		default:	/* copy a piece of the line elsewhere */
			if (*len == 0)
				break;
			k = rnd((uint32_t)*len);
			n = 1 + rnd(24);
			if (k + n > *len)
				n = *len - k;
			if (*len + n >= cap)
				break;
			{
				char	piece[32];

				memcpy(piece, s + k, n);
				memmove(s + at + n, s + at, *len - at);
				memcpy(s + at, piece, n);
				*len += n;
			}
			break;
		}
	}
}

static void
test_differential(void)
{
	struct lines		 l;
	struct pool_data	 d;
	struct stats		 st;
	char			 m[8192];
	size_t			 i, len, agree = 0, tried = 0;

	memset(&l, 0, sizeof(l));
	add_tree(&l, "../../testdata");
	add_tree(&l, "../cli");
	CHECK(l.n > 500, "differential: %zu lines of testdata/ and tests/cli/",
	    l.n);
	if (pool_data_init(&d, NULL) == -1)
		abort();

	memset(&st, 0, sizeof(st));
	for (i = 0; i < l.n; i++)
		agree += differ(&d, l.v[i], l.len[i], &st);
	CHECK_INT(agree, l.n, "differential: every line read alike "
	    "(%zu scanned, %zu records, %zu errors)", st.scanned, st.records,
	    st.errors);
	CHECK(st.scanned > l.n / 2, "differential: the scanner took most "
	    "lines (%zu of %zu)", st.scanned, l.n);

	memset(&st, 0, sizeof(st));
	agree = 0;
	for (int k = 0; k < 20000; k++) {
		i = rnd((uint32_t)l.n);
		if ((len = l.len[i]) >= sizeof(m) / 2)
			continue;
		memcpy(m, l.v[i], len);
		mutate(m, &len, sizeof(m) / 2);
		tried++;
		agree += differ(&d, m, len, &st);
	}
	CHECK_INT(agree, tried, "mutations: every line read alike "
	    "(%zu scanned, %zu records, %zu errors)", st.scanned, st.records,
	    st.errors);
	CHECK(st.records > 1000 && st.errors > 1000,
	    "mutations: both records and errors (%zu, %zu)", st.records,
	    st.errors);

	pool_data_release(&d);
	for (i = 0; i < l.n; i++)
		free(l.v[i]);
	free(l.v);
	free(l.len);
}

/* The fast path and the jansson path on chosen records. */
static void
test_records(void)
{
	static const char *const lines[] = {
		"{\"type\":\"shift\",\"id\":\"S1\",\"org\":\"o\",\"role\":\"r\","
		"\"start\":\"2026-11-24T07:00:00+01:00\","
		"\"end\":\"2026-11-24T15:00:00+01:00\",\"priority\":3.0}",
		"{\"type\":\"shift\",\"id\":\"S1\",\"org\":\"o\",\"role\":\"r\","
		"\"start\":\"2026-11-24T07:00:00+01:00\","
		"\"end\":\"2026-11-24T15:00:00+01:00\",\"priority\":2,"
		"\"break_minutes\":30,\"skills\":[\"a\",\"b\"],\"tags\":[],"
		"\"location\":{\"lat\":52.1,\"lon\":5.2},\"x\":{\"y\":1}}",
		"{\"type\":\"shift\",\"id\":\"S\\u00e9\",\"org\":\"o\","
		"\"role\":\"r\",\"start\":\"2026-11-24T07:00:00Z\","
		"\"end\":\"2026-11-24T06:00:00Z\"}",
		"{\"type\":\"shift\",\"id\":\"S1\",\"org\":\"o\",\"role\":\"r\","
		"\"start\":\"2026-11-24T07:00:00Z\",\"end\":\"2026-11-24T08:00:00Z\","
		"\"location\":{\"lat\":91,\"lon\":0}}",
		"{\"type\":\"worker\",\"id\":\"W1\",\"roles\":[\"r\"],"
		"\"nights\":\"avoid\",\"night_exempt\":true,"
		"\"valid_from\":\"2026-01-01\",\"max_travel_km\":25,"
		"\"location\":{\"lat\":52,\"lon\":5}}",
		"{\"type\":\"worker\",\"id\":\"W1\",\"roles\":[\"r\",1]}",
		"{\"type\":\"worker\",\"id\":\"W1\",\"roles\":[]}",
		"{\"type\":\"org\",\"id\":\"O\",\"weight\":2.5,\"rate\":null}",
		"{\"type\":\"org\",\"id\":\"O\",\"contacts\":[{\"a\":1}]}",
		"{\"type\":\"org\",\"id\":\"O\",\"contacts\":[]}",
		"{\"type\":\"org\",\"id\":\"O\",\"contacts\":3}",
		"{\"type\":\"availability\",\"worker\":\"W\","
		"\"start\":\"2026-11-24T07:00:00Z\",\"end\":\"2026-11-24T17:00:00Z\"}",
		"{\"type\":\"absence\",\"worker\":\"\","
		"\"start\":\"2026-11-24T07:00:00Z\",\"end\":\"2026-11-24T17:00:00Z\"}",
		"{\"type\":\"signup\",\"worker\":\"W\",\"shift\":\"S\"}",
		"{\"type\":\"assignment\",\"worker\":\"W\",\"shift\":\"S\","
		"\"status\":\"proposed\",\"score\":-1.5e3}",
		"{\"type\":\"assignment\",\"worker\":\"W\",\"shift\":\"S\","
		"\"status\":\"maybe\"}",
		"{\"type\":\"allocation\",\"org\":\"O\",\"period\":\"2026-W48\","
		"\"units\":3,\"entitled\":2.75,\"carry\":-0.25}",
		"{\"type\":\"contact\",\"org\":\"O\",\"date\":\"2026-11-24\","
		"\"level\":\"tactical\"}",
		"{\"type\":\"contact\",\"org\":\"O\",\"date\":\"2026-11-24\","
		"\"level\":null}",
		"{\"type\":\"contact\",\"org\":\"O\",\"date\":\"2026-11-24\"}",
		"{\"type\":\"unfilled\",\"shift\":\"S\"}",
		"{\"type\":\"candidate\",\"shift\":\"S\",\"worker\":\"W\",\"rank\":1}",
		"{\"type\":\"reject\",\"source\":\"x\",\"line\":3,\"error\":\"e\"}",
		"{\"type\":\"worked\",\"shift\":\"S\",\"worker\":\"W\","
		"\"start\":\"2026-11-24T07:00:00+01:00\","
		"\"end\":\"2026-11-24T15:30:00+01:00\",\"break_minutes\":30}",
		"{\"type\":\"worked\",\"shift\":\"S\",\"worker\":\"W\","
		"\"start\":\"2026-11-24T07:00:00+01:00\","
		"\"end\":\"2026-11-24T07:00:00+01:00\"}",
		"{\"type\":\"worked\",\"shift\":\"S\",\"worker\":\"W\","
		"\"start\":\"2026-11-24T07:00:00+01:00\","
		"\"end\":\"2026-11-24T08:00:00+01:00\",\"break_minutes\":60}",
		"{\"type\":\"holiday\",\"id\":\"H\"}",
		"{\"type\":null}",
		"{\"id\":\"x\"}",
		"{\"type\":\"shift\",\"type\":\"shift\"}",
		"{\"type\":\"signup\",\"worker\":\"W\",\"shift\":\"S\"} ,",
	};
	struct pool_data	d;
	struct stats		st;

	if (pool_data_init(&d, NULL) == -1)
		abort();
	memset(&st, 0, sizeof(st));
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		CHECK(differ(&d, lines[i], strlen(lines[i]), &st),
		    "record %zu read alike", i);
	pool_data_release(&d);
}

int
main(void)
{
	test_table();
	test_records();
	test_differential();
	return test_done();
}
