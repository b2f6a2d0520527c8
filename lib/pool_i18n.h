/*
 * Languages of the reports: the words a reader sees (headings, column
 * names, statuses, rule names and their details) and the Dutch ways of
 * writing numbers, amounts, dates and weeks.
 *
 * The translations live in GNU gettext catalogs, po/<lang>.po; the
 * catalog is turned into a C table (lib/i18n_<lang>.c, by `make po`)
 * that is compiled into libpool, so that a report in Dutch needs no
 * locale, no catalog file at run time and no setlocale(3).  A message
 * that was made by a printf format ("rest 9.5 h < 11 h") is found by
 * matching it against the catalog's c-format entries; its arguments
 * are written the language's way (a decimal comma, Dutch dates).
 */
#ifndef POOL_I18N_H
#define POOL_I18N_H

#include <stddef.h>
#include <stdint.h>

enum pool_lang {
	POOL_LANG_EN = 0,	/* English: the words as the code has them */
	POOL_LANG_NL		/* Dutch */
};

/** "en" or "nl" to a language; -1 if unknown. */
int	pool_lang_parse(const char *);

/** The code of a language: "en", "nl". */
const char *pool_lang_name(enum pool_lang);

/**
 * The language of the environment: the first of LC_ALL, LC_MESSAGES
 * and LANG that is set and not empty decides; a value beginning with
 * "nl" is Dutch, anything else English.
 */
enum pool_lang pool_lang_from_env(void);

/**
 * The translation of msgid in context ctxt (NULL: none), or msgid
 * itself when the catalog has none (always for English).
 */
const char *pool_i18n_get(enum pool_lang, const char *ctxt,
	    const char *msgid);

/**
 * Translate a message that may have been made by a printf format: an
 * exact entry first, else the first c-format entry of context ctxt
 * whose msgid matches s, with the matched arguments written the
 * language's way (see pool_i18n_arg) into buf of len bytes.  Returns
 * the translation (buf or a catalog string) or s when there is none.
 */
const char *pool_i18n_text(enum pool_lang, const char *ctxt, const char *s,
	    char *buf, size_t len);

/**
 * Write an argument of a message the language's way into buf: a number
 * "9.5" as "9,5", a date "2026-12-21" as "21-12-2026", an ISO week
 * "2026-W52" as "week 52".  Anything else, and every value in English,
 * is copied.  Returns buf.
 */
char	*pool_i18n_arg(enum pool_lang, const char *s, char *buf, size_t len);

/**
 * A number with d decimals (0..6): English "1816.88" (as printf),
 * Dutch "1.816,88" (thousands point when group is set, decimal comma).
 * No "-0".  Returns buf.
 */
char	*pool_i18n_num(enum pool_lang, double v, int d, int group, char *buf,
	    size_t len);

/* How pool_i18n_when writes a date or time. */
enum pool_when {
	POOL_WHEN_LONG = 0,	/* nl "21-12-2026", "21-12-2026 07:00" */
	POOL_WHEN_DAY,		/* nl "ma 21-12-2026" */
	POOL_WHEN_SHORT		/* nl "ma 21 dec", "ma 21 dec 07:00" */
};

/**
 * A date "YYYY-MM-DD", a local time "YYYY-MM-DD HH:MM" or an RFC 3339
 * time "YYYY-MM-DDTHH:MM:SS+hh:mm" (shown in its own offset) written
 * in language lang and style w into buf; an ISO week "YYYY-Www" becomes
 * "week 52".  Returns buf, or NULL when s is none of these (or the
 * language is English, where dates stay as they are).
 */
char	*pool_i18n_when(enum pool_lang, const char *s, enum pool_when w,
	    char *buf, size_t len);

/** Short Dutch name of a weekday 1 (Monday) .. 7: "ma". */
const char *pool_i18n_weekday(enum pool_lang, int wd);

/* One entry of a compiled catalog. */
struct pool_i18n_msg {
	const char	*ctxt;		/* msgctxt, or NULL */
	const char	*id;		/* msgid */
	const char	*str;		/* msgstr */
	int		 fmt;		/* 1: c-format, matched as a pattern */
};

/* The Dutch catalog (lib/i18n_nl.c, made from po/nl.po): its n entries. */
const struct pool_i18n_msg *pool_i18n_nl(size_t *n);

#endif /* POOL_I18N_H */
