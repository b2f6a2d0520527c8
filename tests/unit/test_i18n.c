/*
 * Unit tests of lib/i18n.c: the language of the environment, catalog
 * lookup, messages matched against c-format entries, Dutch numbers,
 * dates and weeks; and the Dutch cells of a report table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool_i18n.h"
#include "pool_report.h"
#include "test.h"

static void
test_env(void)
{
	static const struct {
		const char	*all, *msg, *lang;
		int		 want;
	} c[] = {
		{ NULL, NULL, NULL, POOL_LANG_EN },
		{ NULL, NULL, "nl_NL.UTF-8", POOL_LANG_NL },
		{ NULL, NULL, "nl", POOL_LANG_NL },
		{ NULL, NULL, "en_GB.UTF-8", POOL_LANG_EN },
		{ "", "", "nl_BE", POOL_LANG_NL },
		{ "C", NULL, "nl_NL.UTF-8", POOL_LANG_EN },
		{ NULL, "nl_NL", "en_US", POOL_LANG_NL },
		{ "nl_NL.UTF-8", "en_US", "en_US", POOL_LANG_NL },
		{ "POSIX", "nl_NL", NULL, POOL_LANG_EN },
	};
	size_t	 i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		if (c[i].all) setenv("LC_ALL", c[i].all, 1);
		else unsetenv("LC_ALL");
		if (c[i].msg) setenv("LC_MESSAGES", c[i].msg, 1);
		else unsetenv("LC_MESSAGES");
		if (c[i].lang) setenv("LANG", c[i].lang, 1);
		else unsetenv("LANG");
		CHECK_INT(pool_lang_from_env(), c[i].want,
		    "LC_ALL=%s LC_MESSAGES=%s LANG=%s",
		    c[i].all ? c[i].all : "-", c[i].msg ? c[i].msg : "-",
		    c[i].lang ? c[i].lang : "-");
	}
	CHECK_INT(pool_lang_parse("nl"), POOL_LANG_NL, "parse nl");
	CHECK_INT(pool_lang_parse("en"), POOL_LANG_EN, "parse en");
	CHECK_INT(pool_lang_parse("NL"), -1, "parse NL: unknown");
	CHECK_INT(pool_lang_parse(""), -1, "parse empty: unknown");
}

static void
test_lookup(void)
{
	char	 buf[256];

	CHECK_STR(pool_i18n_get(POOL_LANG_NL, NULL, "Organisations"),
	    "Organisaties", "title");
	CHECK_STR(pool_i18n_get(POOL_LANG_EN, NULL, "Organisations"),
	    "Organisations", "English is the msgid");
	CHECK_STR(pool_i18n_get(POOL_LANG_NL, "rule", "rest-after-night"),
	    "rust na nachtdienst", "rule in its context");
	CHECK_STR(pool_i18n_get(POOL_LANG_NL, NULL, "rest-after-night"),
	    "rest-after-night", "rule outside its context: kept");
	CHECK_STR(pool_i18n_get(POOL_LANG_NL, "column", "no such words"),
	    "no such words", "unknown msgid: kept");
	CHECK_STR(pool_i18n_text(POOL_LANG_NL, "detail", "rest 0 h < 14 h",
	    buf, sizeof(buf)), "rust 0 u < 14 u", "detail by pattern");
	CHECK_STR(pool_i18n_text(POOL_LANG_NL, "detail", "rest 9.5 h < 11 h "
	    "after 3 nights", buf, sizeof(buf)), "rust 9,5 u < 11 u na 3 "
	    "nachten", "longer pattern, decimal comma");
	CHECK_STR(pool_i18n_text(POOL_LANG_NL, "detail", "rest 9.5 h < 11 h, "
	    "shortened rest already taken within 168 h", buf, sizeof(buf)),
	    "rust 9,5 u < 11 u, verkorte rust al genomen binnen 168 u",
	    "three arguments");
	CHECK_STR(pool_i18n_text(POOL_LANG_NL, "detail", "overlaps shift 's, 1'",
	    buf, sizeof(buf)), "overlapt dienst 's, 1'", "text argument kept");
	CHECK_STR(pool_i18n_text(POOL_LANG_NL, NULL, "3 groups of fewer than "
	    "5 workers: worker counts suppressed (--min-cell)", buf,
	    sizeof(buf)), "3 groepen van minder dan 5 medewerkers: aantallen "
	    "verborgen (--min-cell)", "plural note");
	CHECK_STR(pool_i18n_text(POOL_LANG_NL, NULL, "1234.5 hours without a "
	    "rate (worker, org record or pool.yaml) are not in the cost", buf,
	    sizeof(buf)), "1.234,5 uur zonder tarief (medewerker, organisatie "
	    "of pool.yaml) niet in de kosten", "number argument grouped");
	CHECK_STR(pool_i18n_text(POOL_LANG_NL, NULL, "as of 2026-12-21", buf,
	    sizeof(buf)), "peildatum 21-12-2026", "date argument");
	CHECK_STR(pool_i18n_text(POOL_LANG_NL, "period", "2026-11-23 to "
	    "2026-11-29", buf, sizeof(buf)), "23-11-2026 t/m 29-11-2026",
	    "period");
	CHECK_STR(pool_i18n_text(POOL_LANG_NL, "detail", "something new", buf,
	    sizeof(buf)), "something new", "no pattern: kept");
	CHECK_STR(pool_i18n_text(POOL_LANG_NL, "detail", "rest 1 h < 11 h",
	    buf, 8), "rust 1 ", "cut to the buffer");
}

static void
test_formats(void)
{
	char	 buf[64];

	CHECK_STR(pool_i18n_num(POOL_LANG_NL, 1816.875, 2, 1, buf,
	    sizeof(buf)), "1.816,88", "amount");
	CHECK_STR(pool_i18n_num(POOL_LANG_NL, 1816.875, 2, 0, buf,
	    sizeof(buf)), "1816,88", "amount for a sheet");
	CHECK_STR(pool_i18n_num(POOL_LANG_NL, -1234567.26, 1, 1, buf,
	    sizeof(buf)), "-1.234.567,3", "negative, millions");
	CHECK_STR(pool_i18n_num(POOL_LANG_NL, 999, 0, 1, buf, sizeof(buf)),
	    "999", "no point under 1000");
	CHECK_STR(pool_i18n_num(POOL_LANG_NL, 100000, 0, 1, buf, sizeof(buf)),
	    "100.000", "six digits");
	CHECK_STR(pool_i18n_num(POOL_LANG_NL, -0.01, 1, 1, buf, sizeof(buf)),
	    "0,0", "no -0");
	CHECK_STR(pool_i18n_num(POOL_LANG_EN, 1816.875, 2, 1, buf,
	    sizeof(buf)), "1816.88", "English as printf");
	CHECK_STR(pool_i18n_when(POOL_LANG_NL, "2026-12-21", POOL_WHEN_SHORT,
	    buf, sizeof(buf)), "ma 21 dec", "short date");
	CHECK_STR(pool_i18n_when(POOL_LANG_NL, "2026-12-21", POOL_WHEN_LONG,
	    buf, sizeof(buf)), "21-12-2026", "long date");
	CHECK_STR(pool_i18n_when(POOL_LANG_NL, "2026-12-27", POOL_WHEN_DAY,
	    buf, sizeof(buf)), "zo 27-12-2026", "day");
	CHECK_STR(pool_i18n_when(POOL_LANG_NL, "2026-03-29T02:30:00+02:00",
	    POOL_WHEN_SHORT, buf, sizeof(buf)), "zo 29 mrt 02:30",
	    "RFC 3339 time in its own offset");
	CHECK_STR(pool_i18n_when(POOL_LANG_NL, "2026-05-01 07:00",
	    POOL_WHEN_LONG, buf, sizeof(buf)), "01-05-2026 07:00",
	    "local time");
	CHECK_STR(pool_i18n_when(POOL_LANG_NL, "2026-W52", POOL_WHEN_LONG,
	    buf, sizeof(buf)), "week 52", "ISO week");
	CHECK_STR(pool_i18n_when(POOL_LANG_NL, "2026-W05", POOL_WHEN_LONG,
	    buf, sizeof(buf)), "week 5", "ISO week without a zero");
	CHECK(pool_i18n_when(POOL_LANG_NL, "2026-02-30", POOL_WHEN_LONG, buf,
	    sizeof(buf)) == NULL, "no such date: not a date");
	CHECK(pool_i18n_when(POOL_LANG_NL, "vechtstede", POOL_WHEN_LONG, buf,
	    sizeof(buf)) == NULL, "a name is not a date");
	CHECK(pool_i18n_when(POOL_LANG_EN, "2026-12-21", POOL_WHEN_LONG, buf,
	    sizeof(buf)) == NULL, "English dates stay");
	CHECK_STR(pool_i18n_arg(POOL_LANG_NL, "12a.5", buf, sizeof(buf)),
	    "12a.5", "not a number: kept");
}

static void
test_cells(void)
{
	struct pool_table *t;
	char	 buf[256];

	t = pool_table_new("x", "x", "Units", "report.x", NULL);
	if (t == NULL || pool_table_col(t, "date", "date", POOL_CELL_TEXT,
	    NULL) || pool_table_col(t, "status", "status", POOL_CELL_TEXT,
	    NULL) || pool_table_col(t, "reasons", "reasons", POOL_CELL_TEXT,
	    NULL) || pool_table_col(t, "near", "near", POOL_CELL_TEXT, NULL) ||
	    pool_table_col(t, "cost", "cost", POOL_CELL_MONEY, NULL) ||
	    pool_table_col(t, "rate", "rate", POOL_CELL_PERCENT, NULL) ||
	    pool_table_col(t, "org", "org", POOL_CELL_TEXT, NULL) ||
	    pool_table_row(t, NULL) ||
	    pool_table_text(t, "2026-12-21", NULL) ||
	    pool_table_text(t, "over contract", NULL) ||
	    pool_table_text(t, "rest-daily 2, role 1", NULL) ||
	    pool_table_text(t, "w4 (validity), w7", NULL) ||
	    pool_table_num(t, 1816.875, NULL) ||
	    pool_table_num(t, 69.47, NULL) ||
	    pool_table_text(t, "ok", NULL)) {
		CHECK(0, "table built");
		pool_table_free(t);
		return;
	}
#define NL(c)	pool_cell_format_lang(t, 0, (c), POOL_LANG_NL, \
	    POOL_CELL_PEOPLE, buf, sizeof(buf))
#define SH(c)	pool_cell_format_lang(t, 0, (c), POOL_LANG_NL, \
	    POOL_CELL_SHEET, buf, sizeof(buf))
#define EN(c)	pool_cell_format_lang(t, 0, (c), POOL_LANG_EN, \
	    POOL_CELL_PEOPLE, buf, sizeof(buf))
	CHECK_STR(NL(0), "ma 21-12-2026", "date column");
	CHECK_STR(SH(0), "21-12-2026", "date for a sheet");
	CHECK_STR(EN(0), "2026-12-21", "date in English");
	CHECK_STR(NL(1), "boven contract", "status");
	CHECK_STR(NL(2), "dagelijkse rust 2, functie 1", "reasons");
	CHECK_STR(NL(3), "w4 (geldigheid), w7", "near misses");
	CHECK_STR(NL(4), "€ 1.816,88", "money");
	CHECK_STR(SH(4), "1816,88", "money for a sheet");
	CHECK_STR(EN(4), "1816.88", "money in English");
	CHECK_STR(NL(5), "69,5%", "percent");
	CHECK_STR(SH(5), "69,5", "percent for a sheet");
	CHECK_STR(NL(6), "ok", "an org id 'ok' is not a status");
	pool_table_free(t);
}

int
main(void)
{
	test_env();
	test_lookup();
	test_formats();
	test_cells();
	return test_done();
}
