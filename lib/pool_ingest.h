/*
 * Ingest: exports in (CSV/TSV, JSON arrays, NDJSON, YAML sequences of
 * mappings), validated records out, nothing lost.  Every row becomes a
 * record on the output, a merged duplicate, a record replaced by a
 * later one (--update), or a reject record; the counts add up to the
 * rows read.
 *
 * Order of the output: records are written as they are read, except
 *  - with update set, records with an id (org, worker, shift) are held
 *    and written at pool_ingest_finish, in the order their id first
 *    appeared, each in its last version;
 *  - a signup, assignment, availability or absence whose worker or
 *    shift has not been read yet is held and written (or rejected) at
 *    pool_ingest_finish, after the held records with ids.
 * Memory: per record with an id, one 24-byte slot of an open hash table
 * (hashes of the id and of the record, and where it was read) -- never
 * the record itself, except with update; the table is at most 3/4 full
 * and doubles, so 32 to 64 bytes per id, 96 while it grows.  Plus the
 * held references.  Everything else is bounded by the longest row.
 */
#ifndef POOL_INGEST_H
#define POOL_INGEST_H

#include <stdio.h>

#include "pool.h"
#include "pool_config.h"
#include "pool_mapping.h"
#include "pool_pseudo.h"
#include "pool_record.h"

enum pool_ingest_format {
	POOL_FMT_AUTO = 0,	/* from the file name; NDJSON for stdin */
	POOL_FMT_CSV,
	POOL_FMT_TSV,
	POOL_FMT_JSON,		/* a JSON array of objects (or NDJSON) */
	POOL_FMT_NDJSON,
	POOL_FMT_YAML
};

struct pool_ingest_stats;

struct pool_ingest_opts {
	const struct pool_config *config;	/* may be NULL: no org/role
						   checks, zone UTC unless
						   the mapping names one */
	struct pool_mapping	*mapping;	/* may be NULL: the header
						   names the fields */
	const char		*type;		/* record type for rows
						   without one; may be NULL */
	enum pool_ingest_format	 format;
	int			 delim;		/* CSV separator; 0: mapping
						   or detect */
	int			 encoding;	/* enum pool_csv_enc; AUTO:
						   mapping or detect */
	int			 update;	/* the last record with an id
						   wins */
	int			 references;	/* check references (1) */
	const struct pool_pseudo *pseudo;	/* may be NULL */
	const char		*tzdir;		/* NULL: the system's */
	int			 slow;		/* for tests: never take a
						   fast path, and read a JSON
						   array a few bytes at a
						   time */
	FILE			*out;		/* records */
	FILE			*rejects;	/* reject records, or NULL */
	/* Called for each reject (warning 0) and warning (1) to print it;
	 * may be NULL. */
	void			(*diag)(void *arg, int warning,
				    const struct pool_error *err);
	/* Called every 65536 rows read, for a progress line; may be
	 * NULL. */
	void			(*progress)(void *arg,
				    const struct pool_ingest_stats *st);
	void			*arg;
};

struct pool_ingest_stats {
	unsigned long	rows;		/* rows read */
	unsigned long	records;	/* records written */
	unsigned long	rejects;
	unsigned long	merged;		/* identical duplicates */
	unsigned long	replaced;	/* older versions dropped (update) */
	unsigned long	warnings;
	unsigned long	per_type[POOL_R_NTYPES];	/* [0]: unknown types */
};

struct pool_ingest;

/**
 * A new ingest run (opts is copied; what it points to is borrowed and
 * must outlive the run).  Loads the time zone.  Pair: pool_ingest_free.
 */
struct pool_ingest *pool_ingest_new(const struct pool_ingest_opts *opts,
	    struct pool_error *err);

void	pool_ingest_free(struct pool_ingest *);

/**
 * Use mapping m (borrowed; NULL: the header names the fields) for the
 * inputs read from now on, and load its time zone.  Returns 0 or -1
 * (an unknown zone), when the mapping stays as it was.
 */
int	pool_ingest_mapping(struct pool_ingest *, struct pool_mapping *m,
	    struct pool_error *err);

/**
 * Read one input (f borrowed; source names it in rejects and errors).
 * Bad rows are rejected and reading goes on.  Returns 0, or -1 if the
 * input cannot be read on (a read error, a header the mapping does not
 * fit, an unreadable JSON array) or on a write error (err->code
 * POOL_ESYS with err->source empty).
 */
int	pool_ingest_file(struct pool_ingest *, FILE *f, const char *source,
	    struct pool_error *err);

/**
 * End the run: check the held references and write the held records.
 * Returns 0 or -1 (write error).
 */
int	pool_ingest_finish(struct pool_ingest *, struct pool_error *err);

const struct pool_ingest_stats *pool_ingest_stats(const struct pool_ingest *);

/** Format name ("csv", "tsv", "json", "ndjson", "yaml") to enum; -1. */
int	pool_ingest_format_parse(const char *name);

/** Format of a file name by its extension; POOL_FMT_AUTO if unknown. */
enum pool_ingest_format pool_ingest_format_guess(const char *path);

#endif /* POOL_INGEST_H */
