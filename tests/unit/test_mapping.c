/*
 * Unit tests of mapping files: loading, every error with its text and
 * line, binding to a header, value maps and date/time patterns.
 */
#include <stdio.h>
#include <string.h>

#include "pool_csv.h"
#include "pool_mapping.h"
#include "test.h"

static const char good[] =
    "# shifts from the rostering system of Amaris\n"
    "type: shift\n"
    "delimiter: \";\"\n"
    "encoding: windows-1252\n"
    "timezone: Europe/Amsterdam\n"
    "date_format: dd-mm-yyyy\n"
    "time_format: HH:MM\n"
    "ambiguous: reject\n"
    "date: Datum\n"
    "start_time: Van\n"
    "end_time: Tot\n"
    "columns:\n"
    "  id: Dienstnr\n"
    "  role:\n"
    "    column: Functie\n"
    "    map:\n"
    "      Verzorgende IG: verzorgende-ig\n"
    "      Helpende: helpende\n"
    "  skills: {column: Eisen, split: \"/\"}\n"
    "constants:\n"
    "  org: amaris\n";

static void
test_good(void)
{
	static const char *const hdr[] = {
		"Dienstnr", "Datum", "Van", "Tot", "functie", "Eisen", "Extra"
	};
	struct pool_error	 err;
	struct pool_mapping	*m;
	struct pool_map_field	*f;
	size_t			 i;

	m = pool_mapping_load_buffer(good, strlen(good), "m.yaml", &err);
	CHECK(m != NULL, "good mapping loads");
	if (m == NULL) {
		printf("# %s\n", err.text);
		return;
	}
	CHECK_STR(m->type, "shift", "type");
	CHECK_INT(m->delim, ';', "delimiter");
	CHECK_INT(m->encoding, POOL_CSV_CP1252, "encoding");
	CHECK_STR(m->timezone, "Europe/Amsterdam", "timezone");
	CHECK_INT(m->ambiguous, POOL_AMBIG_REJECT, "ambiguous");
	CHECK_INT(m->nfields, 6, "fields: start end id role skills org");
	CHECK_INT(pool_mapping_bind(m, hdr, 7, &err), 0, "bind");
	for (i = 0; i < m->nfields; i++) {
		f = &m->fields[i];
		if (strcmp(f->field, "start") == 0) {
			CHECK_INT(f->date_index, 1, "start date column");
			CHECK_INT(f->time_index, 2, "start time column");
		} else if (strcmp(f->field, "end") == 0) {
			CHECK_INT(f->time_index, 3, "end time column");
		} else if (strcmp(f->field, "role") == 0) {
			CHECK_INT(f->index, 4, "role column, case ignored");
			CHECK_STR(pool_mapping_value(f, "verzorgende ig"),
			    "verzorgende-ig", "value map ignores case");
			CHECK_STR(pool_mapping_value(f, "Helpende"),
			    "helpende", "value map");
			CHECK_STR(pool_mapping_value(f, "Kok"), "Kok",
			    "unmapped value passes");
		} else if (strcmp(f->field, "skills") == 0) {
			CHECK_STR(f->split, "/", "split");
			CHECK_INT(f->type, POOL_F_LIST, "skills is a list");
		} else if (strcmp(f->field, "org") == 0) {
			CHECK_STR(f->constant, "amaris", "constant");
		}
	}
	pool_mapping_free(m);
}

static const struct {
	const char	*name;
	const char	*text;
	const char	*want;		/* "line: text" */
} bad[] = {
	{ "not a mapping", "- a\n- b\n",
	    "1: a mapping file must be a YAML mapping (type, columns, ...)" },
	{ "unknown key", "type: shift\ncolums:\n  id: A\n",
	    "2: unknown key 'colums'" },
	{ "unknown type", "type: shifts\n", "1: unknown record type 'shifts'" },
	{ "bad delimiter", "delimiter: ';;'\n",
	    "1: delimiter must be one character or 'tab'" },
	{ "bad encoding", "encoding: ebcdic\n",
	    "1: unknown encoding 'ebcdic' (utf-8, windows-1252)" },
	{ "bad date format", "date_format: dd-mm\n",
	    "1: format 'dd-mm' needs a year (yyyy), month (mm) and day (dd)" },
	{ "time in date format", "date_format: HH:MM\n",
	    "1: date_format must hold a date only" },
	{ "token twice", "time_format: HH:HH\n",
	    "1: format 'HH:HH' has 'HH' twice" },
	{ "bad ambiguous", "ambiguous: both\n",
	    "1: ambiguous must be first, second or reject" },
	{ "bad overnight", "overnight: never\n",
	    "1: overnight must be next-day or reject" },
	{ "key twice", "type: shift\ntype: worker\n",
	    "2: key 'type' given twice" },
	{ "field twice", "columns:\n  id: A\nconstants:\n  id: x\n",
	    "4: field 'id' is mapped twice" },
	{ "unknown field key", "columns:\n  id: {col: A}\n",
	    "2: unknown key 'col' in field 'id'" },
	{ "date without time", "columns:\n  start: {date: D}\n",
	    "2: field 'start' needs both a 'date' and a 'time' column" },
	{ "date on a non-time", "columns:\n  id: {date: D, time: T}\n",
	    "2: 'date' and 'time' columns are for start and end only" },
	{ "start_time without date", "start_time: Van\n",
	    "0: field 'start' needs both a date and a time column" },
	{ "value mapped twice",
	    "columns:\n  role: {column: F, map: {a: x, a: y}}\n",
	    "2: value 'a' of field 'role' is mapped twice" },
	{ "list value", "columns:\n  id: [a, b]\n",
	    "2: field 'id' must be a column name or a mapping (column, map, "
	    "split, format, date, time)" },
	{ "column number without header", "header: false\ncolumns:\n  id: A\n",
	    "3: column of field 'id' must be a number from 1 (the file has "
	    "no header)" },
	{ "bad header", "header: maybe\n", "1: 'header' must be true or false" },
	{ "key given twice after a value (no leak)",
	    "ambiguous: first\ncolumns:\n  id: A\ncolumns:\n  id: B\n",
	    "4: key 'columns' given twice" },
	{ "newline in a format", "columns:\n  start: {column: S, format: "
	    "\"dd-mm\\nyyyy HH:MM:MM\"}\n",
	    "2: format 'dd-mm?yyyy HH:MM:MM' has 'MM' twice" },
	{ "no header, no columns", "header: false\ntype: org\n",
	    "0: a file without a header needs 'columns'" },
	{ "alias", "a: &x 1\nb: *x\n", "1: YAML anchors are not allowed" },
	{ "syntax", "a: [1, 2\n", "2: YAML: did not find expected ',' or ']' "
	    "while parsing a flow sequence" },
	{ "time format on start needs a date",
	    "columns:\n  start: {column: S, format: 'HH:MM'}\n",
	    "2: format of 'start' needs a date and a time" },
	{ "date only, no shift type",
	    "date: D\ncolumns:\n  shift: T\n",
	    "0: field 'start' needs both a date and a time column" },
	{ "time without date, with a shift type",
	    "columns:\n  shift_type: T\n  start: {time: V}\n",
	    "3: field 'start' needs both a 'date' and a 'time' column" },
};

/* With a shift type, start and end may have a date column only. */
static void
test_shift_type(void)
{
	static const char *const texts[] = {
		"date: D\ncolumns:\n  shift_type: T\n",
		("columns:\n  start: {date: D}\n  shift_type: {column: T, "
		    "map: {V: early}}\n"),
		"date: D\nconstants:\n  shift_type: night\n",
	};
	struct pool_error	 err;
	struct pool_mapping	*m;
	size_t			 i, j;
	int			 ok;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		m = pool_mapping_load_buffer(texts[i], strlen(texts[i]),
		    "m.yaml", &err);
		CHECK(m != NULL, "shift type %zu: loaded (%s)", i,
		    m == NULL ? err.text : "");
		if (m == NULL)
			continue;
		ok = 0;
		for (j = 0; j < m->nfields; j++)
			if (strcmp(m->fields[j].field, "start") == 0 &&
			    m->fields[j].date_column != NULL &&
			    m->fields[j].time_column == NULL)
				ok = 1;
		CHECK(ok, "shift type %zu: start has a date column only", i);
		pool_mapping_free(m);
	}
}

static void
test_bad(void)
{
	struct pool_error	 err;
	struct pool_mapping	*m;
	char			 got[300];
	size_t			 i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		pool_error_clear(&err);
		m = pool_mapping_load_buffer(bad[i].text, strlen(bad[i].text),
		    "m.yaml", &err);
		CHECK(m == NULL, "%s: refused", bad[i].name);
		pool_mapping_free(m);
		snprintf(got, sizeof(got), "%lu: %s", err.line, err.text);
		CHECK_STR(got, bad[i].want, "%s: error", bad[i].name);
		CHECK_STR(err.source, "m.yaml", "%s: source", bad[i].name);
	}
}

static void
test_bind(void)
{
	static const char *const hdr[] = { "id", "roles", "naam" };
	static const char t1[] = "columns:\n  id: Id\n  name: Naam2\n";
	static const char t2[] = "header: false\ncolumns:\n  id: 4\n";
	struct pool_error	 err;
	struct pool_mapping	*m;

	m = pool_mapping_load_buffer(t1, strlen(t1), "m.yaml", &err);
	CHECK(m != NULL, "loads");
	CHECK_INT(pool_mapping_bind(m, hdr, 3, &err), -1,
	    "missing column refused");
	CHECK_STR(err.text, "column 'Naam2' of field 'name' is not in the "
	    "header", "missing column error");
	pool_mapping_free(m);

	m = pool_mapping_load_buffer(t2, strlen(t2), "m.yaml", &err);
	CHECK(m != NULL, "loads without header");
	CHECK_INT(pool_mapping_bind(m, hdr, 3, &err), -1,
	    "column number past the row");
	CHECK_STR(err.text, "column 4 of field 'id': the first row has 3 "
	    "columns", "column number error");
	pool_mapping_free(m);

	m = pool_mapping_new_identity(&err);
	CHECK_INT(pool_mapping_bind(m, hdr, 3, &err), 0, "identity binds");
	CHECK_INT(m->nfields, 3, "identity: one field per column");
	CHECK_INT(m->fields[1].type, POOL_F_LIST, "roles is a list");
	CHECK_STR(m->fields[1].split, ",", "lists split on commas");
	CHECK_INT(m->fields[2].index, 2, "identity index");
	pool_mapping_free(m);
}

static const struct {
	const char	*pat, *in;
	const char	*want;		/* "y-m-d h:m:s" or the error */
} pats[] = {
	{ "dd-mm-yyyy", "23-11-2026", "2026-11-23 0:0:0" },
	{ "dd-mm-yyyy", "3-1-2026", "2026-1-3 0:0:0" },
	{ "d/m/yy", "3/1/26", "2026-1-3 0:0:0" },
	{ "yyyy-mm-dd", " 2026-11-23 ", "2026-11-23 0:0:0" },
	{ "HH:MM", "23:00", "2000-1-1 23:0:0" },
	{ "HH:MM", "7:05", "2000-1-1 7:5:0" },
	{ "HH:MM", "24:00", "2000-1-1 24:0:0" },
	{ "HH.MM:SS", "07.00:30", "2000-1-1 7:0:30" },
	{ "dd-mm-yyyy HH:MM", "29-03-2026 02:30", "2026-3-29 2:30:0" },
	{ "dd-mm-yyyy", "31-02-2026", "'31-02-2026' is not a valid date" },
	{ "dd-mm-yyyy", "2026-11-23",
	    "'2026-11-23' does not match the format 'dd-mm-yyyy'" },
	{ "HH:MM", "24:30", "'24:30' is not a valid time" },
	{ "HH:MM", "7.00", "'7.00' does not match the format 'HH:MM'" },
	{ "HH:MM", "07:00x", "'07:00x' does not match the format 'HH:MM'" },
	{ "HH:MM", "", "'' does not match the format 'HH:MM'" },
	{ "yy", "2026", "'2026' does not match the format 'yy'" },
	{ "dd-mm-yyyy", "23-11\n2026\x1b[1m",
	    "'23-11?2026?[1m' does not match the format 'dd-mm-yyyy'" },
};

static void
test_patterns(void)
{
	struct pool_error	err;
	struct pool_civil	c;
	char			got[300];
	size_t			i;

	for (i = 0; i < sizeof(pats) / sizeof(pats[0]); i++) {
		memset(&c, 0, sizeof(c));
		c.year = 2000;
		c.month = c.day = 1;
		if (pool_mapping_parse_civil(pats[i].pat, pats[i].in, &c,
		    &err) == 0)
			snprintf(got, sizeof(got), "%d-%d-%d %d:%d:%d",
			    c.year, c.month, c.day, c.hour, c.min, c.sec);
		else
			snprintf(got, sizeof(got), "%s", err.text);
		CHECK_STR(got, pats[i].want, "text %zu with '%s'", i,
		    pats[i].pat);
	}
	CHECK_INT(pool_mapping_pattern("dd-mm-yyyy HH:MM", &err),
	    POOL_PAT_DATE | POOL_PAT_TIME, "date and time pattern");
	CHECK_INT(pool_mapping_pattern("xx", &err), -1, "no tokens");
	CHECK_STR(err.text, "format 'xx' has no date or time in it (yyyy mm "
	    "dd HH MM)", "no tokens error");
	CHECK_INT(pool_mapping_ftype("valid_until"), POOL_F_DATE, "ftype");
	CHECK_INT(pool_mapping_ftype("unit"), POOL_F_STRING, "ftype string");
	CHECK_INT(pool_mapping_ftype("break_minutes"), POOL_F_INTEGER,
	    "ftype integer");
}

static void
test_yaml_limits(void)
{
	struct pool_ynode	*root;
	struct pool_error	 err;
	char			 deep[200];
	size_t			 i;

	for (i = 0; i < 40; i++)
		deep[i] = '[';
	deep[i] = '\0';
	CHECK_INT(pool_yaml_parse(deep, strlen(deep), "d.yaml", 1000, &root,
	    &err), -1, "deep nesting refused");
	CHECK_STR(err.text, "YAML nested more than 32 deep", "depth error");
	CHECK_INT(pool_yaml_parse("[1, 2, 3, 4, 5]", 15, "n.yaml", 4, &root,
	    &err), -1, "node limit");
	CHECK_STR(err.text, "more than 4 YAML nodes", "node limit error");
	CHECK_INT(pool_yaml_parse("- {a: 1}\n- {b: 'x'}\n", 20, "y.yaml", 100,
	    &root, &err), 0, "sequence of mappings");
	CHECK(root != NULL && root->kind == POOL_Y_SEQ && root->n == 2 &&
	    root->kids[1]->line == 2 && !root->kids[1]->kids[1]->plain,
	    "tree shape, lines and scalar style");
	pool_ynode_free(root);
	CHECK_INT(pool_yaml_parse("a: 1\n---\nb: 2\n", 14, "two.yaml", 100,
	    &root, &err), -1, "a second document is an error");
	CHECK_STR(err.text, "a second YAML document ('---'): one per file",
	    "second document message");
	CHECK_INT(err.line, 2, "second document line");
	CHECK_INT(pool_yaml_parse_stream("- a\n---\n- b\n---\n", 16, "s.yaml",
	    100, &root, &err), 0, "a stream of documents");
	CHECK(root != NULL && root->kind == POOL_Y_SEQ && root->n == 3 &&
	    root->kids[1]->kind == POOL_Y_SEQ &&
	    strcmp(root->kids[1]->kids[0]->value, "b") == 0,
	    "each document an item");
	pool_ynode_free(root);
	CHECK_INT(pool_yaml_parse("", 0, "e.yaml", 100, &root, &err), 0,
	    "empty document");
	CHECK(root == NULL, "empty document has no tree");
}

int
main(void)
{
	test_good();
	test_bad();
	test_shift_type();
	test_bind();
	test_patterns();
	test_yaml_limits();
	return test_done();
}
