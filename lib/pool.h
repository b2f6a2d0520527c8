/*
 * libpool: the shared library behind the flexpool programs.
 *
 * Conventions (they hold for every pool_* function unless its comment
 * says otherwise):
 *
 *  - Functions returning int return 0 on success and -1 on failure.
 *    Functions returning a pointer return NULL on failure.
 *  - On failure, a caller-provided struct pool_error (which may be NULL)
 *    receives the details: source, line, field and a message.
 *  - The library never prints, never calls exit() and never reads or
 *    writes the environment.  The programs in cmd/ decide what to do.
 *  - NULL arguments are not accepted unless stated; pool_*_free(NULL)
 *    is a no-op.
 *  - Objects come in pairs: _new/_free for heap objects,
 *    _init/_release for caller-owned structs.
 *  - Functions that take a json_t borrow it; functions that return one
 *    return a new reference (the caller calls json_decref).
 *  - Times are int64_t seconds since the Unix epoch (absolute time);
 *    durations are computed on absolute time.  Local-time rules use the
 *    pool's zone through struct pool_tz.
 *  - Threads: an object (a data set, a config, a zone, a report, ...)
 *    is used by one thread at a time; different objects may be used
 *    by different threads at once, and read-only objects (a config, a
 *    zone) may be shared.  Two parts keep state at file scope while
 *    they run and must not run in two threads at once: the matcher
 *    (pool_match_new, _run and _write sort with it) and
 *    pool_report_write_html (the language of the page).
 */
#ifndef POOL_H
#define POOL_H

#include <stddef.h>
#include <stdint.h>

#define POOL_VERSION	"0.1.0"

#if defined(__GNUC__) || defined(__clang__)
#define POOL_PRINTFLIKE(f, a)	__attribute__((format(printf, f, a)))
#define POOL_WUR		__attribute__((warn_unused_result))
#else
#define POOL_PRINTFLIKE(f, a)
#define POOL_WUR
#endif

/** Errors */

enum pool_errcode {
	POOL_EOK = 0,
	POOL_ESYS,		/* system call failed; errno in sys_errno */
	POOL_ENOMEM,		/* out of memory */
	POOL_EPARSE,		/* syntax error in input (JSON, YAML, CSV) */
	POOL_EFIELD,		/* a field is missing, of the wrong type or range */
	POOL_ECONFIG,		/* configuration error */
	POOL_ELIMIT,		/* a size limit was exceeded */
	POOL_ERULE		/* a hard rule was broken */
};

/*
 * Where and why something failed.  line is 0 when unknown; field is
 * empty when the error is not about one field.  text never ends in a
 * newline or a full stop and starts lower-case.
 */
struct pool_error {
	enum pool_errcode	 code;
	int			 sys_errno;
	unsigned long		 line;
	char			 source[256];
	char			 context[96];	/* e.g. "shift 'S1'"; may be empty */
	char			 field[64];
	char			 text[256];
};

/** Clear an error (code POOL_EOK, empty strings). */
void	pool_error_clear(struct pool_error *);

/**
 * Fill an error (err may be NULL: then nothing happens), as a new one:
 * source, line and context are cleared, to be set after it by
 * pool_error_locate and the caller.  field may be NULL.  Returns -1 so that callers can write
 * `return pool_error_set(err, ...)`.
 */
int	pool_error_set(struct pool_error *err, enum pool_errcode code,
	    const char *field, const char *fmt, ...) POOL_PRINTFLIKE(4, 5);

/** Set source and line of an error (err may be NULL). */
void	pool_error_locate(struct pool_error *err, const char *source,
	    unsigned long line);

/**
 * Format an error as "source:line: context: field 'name': text" (parts
 * that are empty or zero are left out) into buf of size len.  Returns
 * buf.
 */
char	*pool_error_format(const struct pool_error *, char *buf, size_t len);

#endif /* POOL_H */
