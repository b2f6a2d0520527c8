/*
 * Mapping files (pool-mapping(5)): how the columns of a planning
 * system's export become record fields.  A YAML file read into the
 * bounded tree of pool_yaml.h (aliases refused), then checked key by key.
 * Also the date/time format patterns ("dd-mm-yyyy", "HH:MM") and the
 * field types of pool-records(5) that the conversion of text needs.
 */
#ifndef POOL_MAPPING_H
#define POOL_MAPPING_H

#include <stddef.h>

#include "pool.h"
#include "pool_time.h"
#include "pool_yaml.h"

#define POOL_MAPPING_MAXSIZE	(1024 * 1024)	/* bytes of a mapping file */
#define POOL_MAPPING_MAXFIELDS	256		/* fields mapped */
#define POOL_MAPPING_MAXVALUES	10000		/* value map entries */
#define POOL_YAML_MAXDEPTH	32		/* nesting of collections */

/**
 * Parse YAML text (one document) into a tree of at most maxnodes nodes
 * and POOL_YAML_MAXDEPTH levels; aliases and anchors are refused; a
 * second document is an error.  An empty document gives a NULL tree
 * and 0.  Returns 0 with *root set, or -1 with err (POOL_EPARSE or
 * POOL_ELIMIT, located in name).  Pair: pool_ynode_free.
 */
int	pool_yaml_parse(const char *buf, size_t len, const char *name,
	    size_t maxnodes, struct pool_ynode **root, struct pool_error *err);

/**
 * pool_yaml_parse for any number of documents: *root is a sequence
 * (never NULL on success) whose items are the documents' roots, one
 * level less deep.
 */
int	pool_yaml_parse_stream(const char *buf, size_t len, const char *name,
	    size_t maxnodes, struct pool_ynode **root, struct pool_error *err);

/** Types of record fields, for converting text (pool-records(5)). */
enum pool_ftype {
	POOL_F_STRING = 0,
	POOL_F_NUMBER,			/* a decimal; "7,5" is 7.5 */
	POOL_F_INTEGER,
	POOL_F_BOOL,			/* true/false, ja/nee, yes/no, 1/0 */
	POOL_F_LIST,			/* split on a separator (",") */
	POOL_F_TIME,			/* an instant, written RFC 3339 */
	POOL_F_DATE			/* a day, written YYYY-MM-DD */
};

/** The type of a record field by name ("start": POOL_F_TIME). */
enum pool_ftype pool_mapping_ftype(const char *field);

enum pool_ambiguous {
	POOL_AMBIG_FIRST = 0,		/* the first occurrence, warned */
	POOL_AMBIG_SECOND,		/* the second occurrence, warned */
	POOL_AMBIG_REJECT		/* reject the row */
};

enum pool_overnight {
	POOL_OVERNIGHT_NEXT_DAY = 0,	/* end <= start: end is next day */
	POOL_OVERNIGHT_REJECT		/* end <= start: reject the row */
};

struct pool_map_value {
	char	*from;
	char	*to;
};

/* One record field and where its value comes from. */
struct pool_map_field {
	char			*field;		/* "start", "location.lat" */
	char			*column;	/* column name; NULL: none */
	long			 colno;		/* 1-based column number given
						   in the file; 0: by name */
	char			*constant;	/* constant value; NULL: none */
	char			*split;		/* list separator */
	char			*format;	/* date/time pattern; NULL */
	char			*date_column;	/* date + time columns */
	char			*time_column;
	struct pool_map_value	*map;		/* value map, sorted by from */
	size_t			 nmap;
	enum pool_ftype		 type;
	unsigned long		 line;		/* in the mapping file */
	int			 from_header;	/* added by pool_mapping_bind */
	/* Set by pool_mapping_bind: 0-based indices, -1 if unused. */
	long			 index, date_index, time_index;
};

struct pool_mapping {
	char			*source;
	char			*type;		/* record type; NULL: from a
						   "type" column or --type */
	int			 delim;		/* 0: detect */
	int			 encoding;	/* enum pool_csv_enc */
	char			*timezone;	/* NULL: the pool's zone */
	int			 header;	/* 1: the first row names the
						   columns (default) */
	char			*date_format;	/* "yyyy-mm-dd" */
	char			*time_format;	/* "HH:MM" */
	enum pool_ambiguous	 ambiguous;
	enum pool_overnight	 overnight;
	struct pool_map_field	*fields;
	size_t			 nfields;
	int			 identity;	/* no columns: the header (or
						   the keys) name the fields */
};

/**
 * Load a mapping file (at most POOL_MAPPING_MAXSIZE bytes).  Unknown
 * keys, wrong types and bad values are errors naming the line.
 * Returns a new mapping or NULL.  Pair: pool_mapping_free.
 */
struct pool_mapping *pool_mapping_load(const char *path,
	    struct pool_error *err);

/** Load from a buffer; name is used in errors. */
struct pool_mapping *pool_mapping_load_buffer(const char *buf, size_t len,
	    const char *name, struct pool_error *err);

/**
 * A mapping with no file: every column of the header is the field of
 * the same name (type from a "type" column or the caller).
 */
struct pool_mapping *pool_mapping_new_identity(struct pool_error *err);

void	pool_mapping_free(struct pool_mapping *);

/**
 * Resolve column names against a header row (names[0..n)), or column
 * numbers when the mapping has no header.  For an identity mapping (no
 * columns given), the fields are the columns of this header, besides
 * the constants; a column without a name is left out (the caller
 * rejects a row with a value there).  A mapped column missing from the
 * header, a header column named twice (identity mapping) and a mapped
 * column that two header columns match are errors naming it.  Returns
 * 0 or -1.
 */
int	pool_mapping_bind(struct pool_mapping *, const char *const *names,
	    size_t n, struct pool_error *err);

/** The mapped value of s for field f (s itself if not in the map). */
const char *pool_mapping_value(const struct pool_map_field *f,
	    const char *s);

/* What a date/time pattern holds. */
#define POOL_PAT_DATE	1
#define POOL_PAT_TIME	2

/**
 * Check a date/time pattern: tokens yyyy, yy, mm, m, dd, d (date) and
 * HH, H, MM, SS (time; lower-case m is the month, upper-case M the
 * minute); any other character stands for itself.  Returns the
 * POOL_PAT_* bits it holds, or -1 with err.
 */
int	pool_mapping_pattern(const char *pat, struct pool_error *err);

/**
 * Parse s with a pattern into c: fields the pattern lacks are left as
 * they are.  Leading and trailing blanks of s are ignored.  Hour 24
 * with minute 0 is accepted (the end of the day).  Returns 0 or -1
 * with err saying what does not match ("'31-02-2026' is not a date").
 */
int	pool_mapping_parse_civil(const char *pat, const char *s,
	    struct pool_civil *c, struct pool_error *err);

/**
 * Input text fit for a one-line message into buf (size bytes, at least
 * 8): control characters become '?', text that does not fit is cut
 * with "...".  Returns buf.
 */
const char *pool_mapping_printable(const char *s, size_t len, char *buf,
	    size_t size);

#endif /* POOL_MAPPING_H */
