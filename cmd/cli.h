/*
 * Command-line plumbing shared by the four programs: the program name,
 * diagnostics, the config lookup, input operands, atomic output files,
 * write-error checks and the exit status.  Only cmd/ uses this; it may
 * print and exit, the library may not.
 */
#ifndef CLI_H
#define CLI_H

#include <stdio.h>

#include "pool.h"
#include "pool_config.h"

/* Exit statuses, the same in all four programs (see pool(7)). */
#define CLI_OK		0	/* success */
#define CLI_DATA	1	/* input rejected, rule violation or I/O error */
#define CLI_USAGE	2	/* usage or configuration error */

/** Set the program name used in diagnostics (call first in main). */
void	cli_init(const char *progname);

/** The program name. */
const char *cli_progname(void);

/** "prog: message" on stderr. */
void	cli_warnx(const char *fmt, ...) POOL_PRINTFLIKE(1, 2);

/** "prog: message: strerror(errno)" on stderr. */
void	cli_warn(const char *fmt, ...) POOL_PRINTFLIKE(1, 2);

/** "prog: source:line: field: text" on stderr, from an error. */
void	cli_error(const struct pool_error *);

/** cli_warnx, then exit with status. */
_Noreturn void cli_errx(int status, const char *fmt, ...)
	    POOL_PRINTFLIKE(2, 3);

/** Print "prog: try 'prog --help' for more information" and exit 2. */
_Noreturn void cli_usage_hint(void);

/** Print "prog VERSION" to stdout and exit 0. */
_Noreturn void cli_version(void);

/**
 * Load the configuration: path if not NULL, else $POOL_CONFIG, else
 * ./pool.yaml if it exists, else the built-in defaults.  On error prints
 * the error and exits 2.
 */
struct pool_config *cli_config(const char *path);

/**
 * Parse a whole number in [min, max] given to option name; on error
 * prints "prog: --name: ..." and exits 2.
 */
long long cli_number(const char *name, const char *arg, long long min,
	    long long max);

/**
 * Open the output: stdout if path is NULL or "-"; a device or FIFO
 * written in place; else a temporary file beside path (never on
 * descriptors 0-2, removed on exit and on SIGINT, SIGTERM and SIGHUP)
 * that cli_output_close renames to path.  The new file keeps an
 * existing file's mode, owner and group (or loses the group bits);
 * a new one is 0600 less the umask.  Exits 2 if it cannot be created.
 */
FILE	*cli_output_open(const char *path);

/**
 * Like cli_output_open for the file name in the folder open as dirfd
 * (dir names it in messages), but never written in place: a link,
 * FIFO or device of that name is replaced, not followed.
 */
FILE	*cli_output_openat(int dirfd, const char *dir, const char *name);

/**
 * Flush, fsync and close an output of cli_output_open(at).  If ok is
 * nonzero and everything was written, the temporary file is renamed to
 * its path; otherwise it is removed and the old file (if any) stays.  Returns 0, or -1 after
 * printing the write error.
 */
int	cli_output_close(FILE *, int ok);

/**
 * Open an input operand: "-" is standard input (named "<stdin>").
 * Returns NULL after printing "prog: cannot open 'x': ..." (the caller
 * goes on with the next operand and exits 1 at the end).
 */
FILE	*cli_input_open(const char *path, const char **name);

/** Close an input opened by cli_input_open (not stdin). */
void	cli_input_close(FILE *);

#endif /* CLI_H */
