/*
 * Report: the sections of pool-report(1) as tables, and the formats
 * that write them.
 *
 * A table is a small typed grid: named columns, each with a cell type
 * (text, whole number, hours, percent, money), and rows of cells.  The
 * aggregation (pool_report_new/_feed/_finish) turns NDJSON records into
 * a struct pool_report, a list of tables; the formatters (text, md,
 * csv, json, html) write any table the same way, so a section is
 * written once and appears in every format.  The ics format writes the
 * assigned shifts of the period as RFC 5545 calendars instead.
 */
#ifndef POOL_REPORT_H
#define POOL_REPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "pool.h"
#include "pool_config.h"
#include "pool_i18n.h"
#include "pool_time.h"

/** Tables */

enum pool_cell_type {
	POOL_CELL_TEXT = 0,
	POOL_CELL_INT,		/* whole number */
	POOL_CELL_HOURS,	/* hours, one or two decimals */
	POOL_CELL_PERCENT,	/* 0..100 */
	POOL_CELL_MONEY		/* two decimals */
};

/* How a cell holds its value. */
enum pool_cell_state {
	POOL_CELL_VALUE = 0,	/* s (text) or v (numbers) is the value */
	POOL_CELL_EMPTY,	/* no value (a rate of 0 shifts, no rate) */
	POOL_CELL_SUPPRESSED	/* hidden by --min-cell */
};

struct pool_cell {
	char		*s;		/* text cells: owned copy */
	double		 v;		/* number cells */
	uint8_t		 state;		/* enum pool_cell_state */
};

struct pool_column {
	char		*key;		/* json/csv name: "fill_rate" */
	char		*label;		/* header for people: "fill rate" */
	uint8_t		 type;		/* enum pool_cell_type */
};

struct pool_table {
	char		*section;	/* section it belongs to: "settlement" */
	char		*name;		/* unique: "settlement-net"; file names */
	char		*title;		/* heading for people */
	char		*rtype;		/* json "type" of a row: "report.orgs" */
	char		*note;		/* a line under the table, or NULL */
	struct pool_column *cols;
	size_t		 ncols;
	struct pool_cell *cells;	/* nrows * ncols, row-major */
	size_t		 nrows, cap;
	size_t		 fill;		/* cells set in the last row */
	int		 min_cell;	/* suppression threshold shown, 0 = none */
	const struct pool_config *names; /* borrowed: names of orgs, roles
					   and units for Dutch cells (set
					   by pool_report_add), or NULL */
};

/**
 * A new empty table.  section, name, title and rtype are copied.
 * Returns NULL (out of memory).  Pair: pool_table_free.
 */
struct pool_table *pool_table_new(const char *section, const char *name,
	    const char *title, const char *rtype, struct pool_error *);

void	pool_table_free(struct pool_table *);

/** Add a column (before the first row).  Returns 0 or -1. */
int	pool_table_col(struct pool_table *, const char *key,
	    const char *label, enum pool_cell_type, struct pool_error *);

/** Start a new row; its cells are then added in column order. */
int	pool_table_row(struct pool_table *, struct pool_error *);

/*
 * Add the next cell of the current row: text (copied; NULL gives an
 * empty cell), a number, an empty or a suppressed cell.  Adding more
 * cells than columns is an error (-1, POOL_ELIMIT).
 */
int	pool_table_text(struct pool_table *, const char *s, struct pool_error *);
int	pool_table_num(struct pool_table *, double v, struct pool_error *);
int	pool_table_empty(struct pool_table *, struct pool_error *);
int	pool_table_suppressed(struct pool_table *, struct pool_error *);

/** Set the note shown under the table (copied; NULL clears it). */
int	pool_table_set_note(struct pool_table *, const char *note,
	    struct pool_error *);

/** The cell at row r, column c (no bounds check beyond an assert). */
const struct pool_cell *pool_table_cell(const struct pool_table *, size_t r,
	    size_t c);

/** Index of the column with this key, or -1. */
long	pool_table_colidx(const struct pool_table *, const char *key);

/**
 * Format a cell for people (text, md, html): hours "7.5", percent
 * "87.5%", money "1234.50", suppressed "<K" (K the table's min_cell),
 * empty "".  buf of len bytes; text cells are returned as they are
 * (not copied).  Returns the string.
 */
const char *pool_cell_format(const struct pool_table *, size_t r, size_t c,
	    char *buf, size_t len);

/* For whom pool_cell_format_lang writes a cell. */
#define POOL_CELL_PEOPLE	0	/* text, md, html: "€ 1.816,88" */
#define POOL_CELL_SHEET		1	/* csv: "1816,88", dates "21-12-2026" */

/**
 * Format a cell in a language.  English is pool_cell_format for people
 * and the plain machine numbers of csv for a sheet.  Dutch: numbers with
 * a decimal comma (for people also a thousands point, "%" and "€ "),
 * dates "21-12-2026" ("ma 21-12-2026" in a date column, "ma 21 dec
 * 07:00" for a start time), weeks "week 52", and the words of status,
 * priority, level, record, rule, detail, reasons and near-miss cells
 * from the catalog.  A text cell longer than len - 1 bytes is cut.
 */
const char *pool_cell_format_lang(const struct pool_table *, size_t r,
	    size_t c, enum pool_lang, int who, char *buf, size_t len);

/** Report */

struct pool_report {
	char			*pool;		/* pool name, or NULL */
	char			*period;	/* "2026-W48", "2026-11-23 .. 2026-11-29" */
	int			 lang;		/* enum pool_lang of the writers */
	const struct pool_config *conf;	/* borrowed: the names that Dutch
					   reports show for ids, or NULL */
	int			 audience;	/* enum pool_audience */
	char			*member;	/* member org id, or NULL */
	struct pool_table	**tables;
	size_t			 ntables, cap;
};

/** Initialise an empty report.  Pair: pool_report_release. */
void	pool_report_init(struct pool_report *);
void	pool_report_release(struct pool_report *);

/**
 * The name people know for an id in a column: an organisation ("org",
 * "from", "to", "debtor", "creditor"), a role ("role") or a unit
 * ("unit", of organisation org).  Returns id when conf has no name.
 */
const char *pool_report_name(const struct pool_config *conf,
	    const char *key, const char *id, const char *org);

/** Append a table (the report takes it over, also on error). */
int	pool_report_add(struct pool_report *, struct pool_table *,
	    struct pool_error *);

/** Formats */

enum pool_format {
	POOL_FMT_TEXT = 0,
	POOL_FMT_MD,
	POOL_FMT_CSV,
	POOL_FMT_JSON,
	POOL_FMT_HTML,
	POOL_FMT_ICS
};

/**
 * The heading of rep in its language: "capacity report", "member
 * report Zorg A" (Dutch reports name the member), "public report".
 */
char	*pool_report_heading(const struct pool_report *, char *buf,
	    size_t len);

/**
 * The period of rep for people in its language ("2026-W52", Dutch
 * "week 52 (2026)"), into buf of len bytes.  Returns buf.
 */
char	*pool_report_period(const struct pool_report *, char *buf,
	    size_t len);

/** Audiences */

enum pool_audience {
	POOL_AUD_INTERNAL = 0,	/* the coordinator: everything */
	POOL_AUD_MEMBER,	/* one member organisation */
	POOL_AUD_PUBLIC		/* outside the pool */
};

/** "internal", "member", "public" to an audience; -1 if unknown. */
int	pool_report_audience_parse(const char *);

/**
 * Cut a finished report down to its audience.  internal: nothing.
 * member (org): the rows of that organisation in the units, unfilled,
 * workers (with --detail; else the section goes), fairness, settlement
 * and contacts sections; the orgs section keeps its row and a row of
 * the pool's totals; the sections without organisations (summary,
 * roles, days, outlook) are pool totals already.  public: none of the
 * sections per shift, person or pair (unfilled, workers, fairness,
 * settlement, contacts), and a second row suppressed wherever a table has exactly one suppressed row among rows
 * whose totals another table shows (orgs and roles: the summary; units
 * per organisation: orgs; days per role: roles), so that no suppressed
 * cell follows from a difference.
 */
int	pool_report_audience(struct pool_report *, enum pool_audience,
	    const char *org, struct pool_error *);

/** "text" ... "ics" to a format; -1 if unknown. */
int	pool_report_format_parse(const char *);

#define POOL_REPORT_COLOR	0x1	/* text: ANSI colour (bold heads) */
#define POOL_REPORT_NL		0x2	/* Dutch words and formats; csv with
					   ';', decimal comma and a BOM */

/**
 * Write one table in format fmt (text, md, csv or json) to f.  csv
 * writes a header line and CRLF line ends (RFC 4180) and neutralises
 * cells that a spreadsheet would run as a formula by a leading "'".
 * Returns 0 or -1 (write error, errno set; POOL_ESYS in err).
 */
int	pool_report_write_table(FILE *f, const struct pool_table *,
	    enum pool_format fmt, int flags, struct pool_error *);

/**
 * Write the whole report in format fmt (text, md, csv, json or html).
 * csv separates the tables by an empty line, each with its header.
 */
int	pool_report_write(FILE *f, const struct pool_report *,
	    enum pool_format fmt, int flags, struct pool_error *);

/**
 * Write the report as one self-contained HTML page: inline CSS (with a
 * print style), the charts as inline SVG, no JavaScript, every value
 * escaped.  pool_report_write calls this for POOL_FMT_HTML.
 */
int	pool_report_write_html(FILE *f, const struct pool_report *,
	    struct pool_error *);

/**
 * Write s as a CSV field: quoted when it holds a comma, quote, CR or LF,
 * prefixed by "'" when it starts with = + - @ TAB or CR.
 */
int	pool_report_csv_field(FILE *f, const char *s);

/** Write s with & < > " ' escaped for HTML text and attributes. */
int	pool_report_html_escape(FILE *f, const char *s);

#define POOL_FILENAME_MAX	255	/* bytes of a --split file name */

/**
 * The --split file name of an id or section name, different for
 * different ids by construction and lower case only (so also different
 * where case is ignored): the bytes [a-z0-9] are kept, and '-' and '.'
 * except in front ('.' also at the end); an upper-case letter becomes
 * '_' and the letter in lower case; any other byte '%' and two
 * lower-case hex digits; the empty id is "%00"; a name Windows keeps
 * for a device (con, prn, aux, nul, com1-9, lpt1-9, before any '.')
 * has its first byte escaped.  Then ext (lower case, up to 64 bytes)
 * is appended.  A name longer than POOL_FILENAME_MAX bytes is cut on a
 * character and ends in "~N", N = ++*seq ('~' is in no other name).
 */
char	*pool_report_filename(const char *id, const char *ext,
	    unsigned long *seq, char buf[POOL_FILENAME_MAX + 1]);

/** Calendars (RFC 5545) */

/* One assigned shift, as an event. */
struct pool_event {
	const char	*worker;
	const char	*shift;
	const char	*org;
	const char	*role;
	const char	*unit;		/* NULL if none */
	const char	*note;		/* NULL if none */
	int64_t		 start, end;
	int		 confirmed;	/* 1 confirmed, 0 proposed */
};

/* A writer of content lines: folds at 75 octets, ends lines in CRLF. */
struct pool_ics {
	FILE		*f;
	const struct pool_tz *tz;
	int64_t		 dtstamp;	/* DTSTAMP of every event */
	int		 with_worker;	/* put the worker id in SUMMARY */
	int		 lang;		/* enum pool_lang of the texts */
	const struct pool_config *names; /* Dutch: names and addresses of
					   orgs, roles, units; or NULL */
};

/**
 * Write a content line "name:value" (value already escaped) folded at
 * 75 octets on UTF-8 boundaries, with CRLF.  Returns 0 or -1.
 */
int	pool_ics_line(FILE *f, const char *name, const char *value);

/**
 * Escape a TEXT value (\ ; , and newlines) into buf of len bytes
 * (truncated on a UTF-8 boundary if it does not fit).  Returns buf.
 */
char	*pool_ics_text(const char *s, char *buf, size_t len);

/**
 * Write a VTIMEZONE for tz covering the years from_year..to_year: the
 * usual RRULE block for Europe/Amsterdam, otherwise one STANDARD or
 * DAYLIGHT part per offset change found in the zone in those years.
 */
int	pool_ics_vtimezone(FILE *f, const struct pool_tz *tz, int from_year,
	    int to_year);

/**
 * Write one VCALENDAR holding events ev[0..n) (name is X-WR-CALNAME, may
 * be NULL).  Returns 0 or -1 (write error).
 */
int	pool_ics_calendar(const struct pool_ics *, const char *name,
	    const struct pool_event *ev, size_t n, struct pool_error *);

/** Aggregation */

/* Sections, as bits of pool_report_opts.sections. */
enum pool_section {
	POOL_SEC_SUMMARY = 0,
	POOL_SEC_ORGS,
	POOL_SEC_ROLES,
	POOL_SEC_UNITS,
	POOL_SEC_DAYS,
	POOL_SEC_UNFILLED,
	POOL_SEC_WORKERS,
	POOL_SEC_FAIRNESS,
	POOL_SEC_SETTLEMENT,
	POOL_SEC_OUTLOOK,
	POOL_SEC_CONTACTS,
	POOL_SEC_RECORDS,	/* count of records per type */
	POOL_SEC_TYPES,		/* per shift type; written after units */
	POOL_SEC_N
};

/** Section name to enum; -1 if unknown. */
int	pool_report_section_parse(const char *);
const char *pool_report_section_name(enum pool_section);

/**
 * Parse a comma-separated list of section names into a bit mask.
 * Returns 0 or -1 with err naming the unknown section.
 */
int	pool_report_sections(const char *list, unsigned *mask,
	    struct pool_error *);

#define POOL_REPORT_ALL	((1u << POOL_SEC_N) - 1)

struct pool_report_opts {
	const struct pool_config *conf;	/* borrowed */
	const struct pool_tz	*tz;	/* borrowed: the pool's zone */
	int64_t		 from, to;	/* local day numbers, inclusive;
					   INT64_MIN/INT64_MAX: no limit */
	const char	*period;	/* label of the period, or NULL */
	unsigned	 sections;	/* bit mask of enum pool_section */
	int		 detail;	/* names in the workers section */
	int		 min_cell;	/* 0 = no suppression */
	int		 weeks;		/* outlook horizon (4) */
	int		 keep_all;	/* keep every shift and assignment
					   (for --check) */
	int		 events;	/* build the calendar events */
};

/** Defaults: all sections, no period limit, 4 weeks outlook. */
void	pool_report_opts_init(struct pool_report_opts *);

struct pool_reportctx;

/**
 * A new aggregation.  opts is copied (its pointers are borrowed).
 * Pair: pool_report_free.
 */
struct pool_reportctx *pool_report_new(const struct pool_report_opts *,
	    struct pool_error *);

void	pool_report_free(struct pool_reportctx *);

/**
 * Read one NDJSON line.  A bad record gives -1 with err (the caller
 * locates it and goes on); records outside the period are validated
 * and counted, then only what the outlook needs is kept of them.
 */
int	pool_report_feed(struct pool_reportctx *, const char *line,
	    size_t len, struct pool_error *);

/**
 * Build the tables of the selected sections into rep (initialised by
 * the caller).  Returns 0 or -1.
 */
int	pool_report_finish(struct pool_reportctx *, struct pool_report *rep,
	    struct pool_error *);

/**
 * The data set of the records kept (for --check and the calendars);
 * valid until pool_report_free.  Indexed by pool_report_finish.
 */
struct pool_data *pool_report_data(struct pool_reportctx *);

/**
 * The events of the period (assignments of shifts in the period), sorted
 * by worker id, start and shift id, valid until pool_report_free.  Call
 * after pool_report_finish; empty unless opts.events was set.
 */
const struct pool_event *pool_report_events(struct pool_reportctx *,
	    size_t *n);

/**
 * A deterministic DTSTAMP for the calendars: the latest shift end read
 * (0 if none).
 */
int64_t	pool_report_stamp(const struct pool_reportctx *);

/**
 * Hours of the settlement (after pool_report_finish) that have no rate
 * and so are not in its cost; 0 if none or no settlement section.
 */
double	pool_report_unpriced(const struct pool_reportctx *);

#endif /* POOL_REPORT_H */
