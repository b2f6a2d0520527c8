/*
 * CSV reader (RFC 4180): quoted fields with separators, quotes and
 * newlines inside; the separator (';', ',' or tab) detected from the
 * first row or given; a UTF-8 byte order mark stripped; Windows-1252
 * detected (input that is not valid UTF-8) or given, and converted to
 * UTF-8.  Streaming through one buffer, no allocation per row or field;
 * rows and fields are bounded.  Each row knows the line it starts on.
 * A quote that does not close within its row costs one line, not the
 * rows after it.
 */
#ifndef POOL_CSV_H
#define POOL_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "pool.h"

#define POOL_CSV_MAXROW		(1024u * 1024)	/* bytes of one row */
#define POOL_CSV_MAXFIELDS	1024u		/* fields of one row */
#define POOL_CSV_DETECT		(64u * 1024)	/* bytes looked at to detect */

enum pool_csv_enc {
	POOL_CSV_AUTO = 0,	/* BOM or valid UTF-8: UTF-8, else
				   Windows-1252 */
	POOL_CSV_UTF8,
	POOL_CSV_CP1252
};

struct pool_csv_opts {
	int			delim;		/* 0: detect from row 1 */
	enum pool_csv_enc	enc;
	size_t			maxrow;		/* 0: POOL_CSV_MAXROW */
	size_t			maxfields;	/* 0: POOL_CSV_MAXFIELDS */
};

struct pool_csv;

/**
 * A new reader of f (borrowed, not closed by pool_csv_free).  opts may
 * be NULL (detect everything).  source names the input in errors and is
 * copied.  Reads the first block of input to detect the encoding and
 * the separator; a read error or UTF-16 input fails here.
 * Pair: pool_csv_free.
 */
struct pool_csv	*pool_csv_new(FILE *f, const char *source,
		    const struct pool_csv_opts *opts, struct pool_error *err);

void		 pool_csv_free(struct pool_csv *);

/**
 * Read the next row.  Returns 1 (a row), 0 (end of input) or -1: a bad
 * row (unterminated quote, a character after a closing quote, too long,
 * too many fields, invalid UTF-8), with err located at the row's first
 * line; the row's raw text is still available and the next call reads
 * on.  A bad row that spans lines because of a quote costs its first
 * line only: reading goes on at its second line (pool_csv_resync).
 * Rows end with LF or CR LF; if the first line ends with a lone CR
 * (old Mac files), a lone CR ends rows too, else it is data.  A read error gives -1 with err->code POOL_ESYS: stop then.
 * Empty lines and rows whose fields are all empty are skipped (counted
 * by pool_csv_skipped).
 */
int		 pool_csv_next(struct pool_csv *, struct pool_error *err);

/**
 * If the current row spans more than one line (a line break inside a
 * quoted field), cut it to its first line and read on from its second
 * line: for a row the caller finds bad (its fields do not fit), which
 * most likely holds a quote that was never meant to open a field.
 * Returns 1 (then the row has no fields and pool_csv_raw is its first
 * line), or 0 if the row is one line (nothing changes).  pool_csv_next
 * does this by itself for a row that is bad in itself (a quote not
 * closed before the end of input or the row limit, a character after
 * a closing quote, too many fields).
 */
int		 pool_csv_resync(struct pool_csv *);

/** Number of fields of the current row. */
size_t		 pool_csv_nfields(const struct pool_csv *);

/**
 * Field i of the current row, unquoted and in UTF-8, NUL-terminated;
 * *len (may be NULL) receives its length.  NULL if i is out of range.
 * Valid until the next pool_csv_next.
 */
const char	*pool_csv_field(const struct pool_csv *, size_t i,
		    size_t *len);

/**
 * The current row as read (converted to UTF-8, without the line
 * terminator; at most maxrow bytes), NUL-terminated.
 */
const char	*pool_csv_raw(const struct pool_csv *, size_t *len);

/** First line (1-based) of the current row. */
unsigned long	 pool_csv_line(const struct pool_csv *);

/** The separator in use. */
int		 pool_csv_delim(const struct pool_csv *);

/** The encoding in use (never POOL_CSV_AUTO). */
enum pool_csv_enc pool_csv_encoding(const struct pool_csv *);

/**
 * 1 if the current row holds a NUL byte (then a field's length says
 * more than strlen), else 0.
 */
int		 pool_csv_nul(const struct pool_csv *);

/** Number of empty rows skipped so far. */
unsigned long	 pool_csv_skipped(const struct pool_csv *);

/** Encoding name ("utf-8", "windows-1252") to enum; -1 if unknown. */
int		 pool_csv_enc_parse(const char *);

#endif /* POOL_CSV_H */
