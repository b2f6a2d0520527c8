/*
 * Command-line plumbing shared by the four programs.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sys/stat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "cli.h"

static const char	*progname = "pool";

/* The open -o output: its path and temporary file. */
static struct {
	FILE	*f;
	char	*path;
	char	*tmp;
} out;

static void
cleanup_tmp(void)
{
	if (out.tmp != NULL)
		unlink(out.tmp);
}

/*
 * jansson does not survive a failed allocation cleanly (it can return a
 * wrong value), so the programs end at once with a clear message.  The
 * -o temporary file is removed by the atexit handler.
 */
static void *
json_alloc(size_t n)
{
	void	*p;

	if ((p = malloc(n)) == NULL) {
		static const char msg[] = ": out of memory\n";

		/* No stdio: this runs inside the JSON parser. */
		(void)!write(STDERR_FILENO, progname, strlen(progname));
		(void)!write(STDERR_FILENO, msg, sizeof(msg) - 1);
		exit(CLI_DATA);
	}
	return p;
}

void
cli_init(const char *name)
{
	const char	*p;

	p = strrchr(name, '/');
	progname = p != NULL ? p + 1 : name;
	/* "| head" ends the program quietly. */
	signal(SIGPIPE, SIG_DFL);
	atexit(cleanup_tmp);
	json_set_alloc_funcs(json_alloc, free);
}

const char *
cli_progname(void)
{
	return progname;
}

void
cli_warnx(const char *fmt, ...)
{
	va_list	ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
cli_warn(const char *fmt, ...)
{
	va_list	ap;
	int	e = errno;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, ": %s\n", strerror(e));
}

void
cli_error(const struct pool_error *err)
{
	char	buf[1024];

	fprintf(stderr, "%s: %s\n", progname,
	    pool_error_format(err, buf, sizeof(buf)));
}

void
cli_errx(int status, const char *fmt, ...)
{
	va_list	ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(status);
}

void
cli_usage_hint(void)
{
	fprintf(stderr, "%s: try '%s --help' for more information\n",
	    progname, progname);
	exit(CLI_USAGE);
}

void
cli_version(void)
{
	printf("%s %s\n", progname, POOL_VERSION);
	if (fflush(stdout) == EOF || ferror(stdout))
		exit(CLI_DATA);
	exit(CLI_OK);
}

struct pool_config *
cli_config(const char *path)
{
	struct pool_config	*conf;
	struct pool_error	 err;
	const char		*env;

	pool_error_clear(&err);
	if (path == NULL && (env = getenv("POOL_CONFIG")) != NULL &&
	    *env != '\0')
		path = env;
	if (path == NULL && access("pool.yaml", F_OK) == 0)
		path = "pool.yaml";
	if (path != NULL)
		conf = pool_config_load(path, &err);
	else
		conf = pool_config_new_default(&err);
	if (conf == NULL) {
		if (err.source[0] == '\0' && path != NULL)
			pool_error_locate(&err, path, 0);
		cli_error(&err);
		exit(CLI_USAGE);
	}
	return conf;
}

long long
cli_number(const char *name, const char *arg, long long min, long long max)
{
	char		*end;
	long long	 v;

	errno = 0;
	v = strtoll(arg, &end, 10);
	if (*arg == '\0' || *end != '\0')
		cli_errx(CLI_USAGE, "--%s: '%s' is not a whole number", name, arg);
	if (errno == ERANGE || v < min)
		cli_errx(CLI_USAGE, "--%s: '%s' is too %s", name, arg,
		    v < min ? "small" : "large");
	if (v > max)
		cli_errx(CLI_USAGE, "--%s: '%s' is too large", name, arg);
	return v;
}

FILE *
cli_output_open(const char *path)
{
	struct stat	 sb;
	size_t		 len;
	mode_t		 mask;
	int		 fd;

	if (path == NULL || strcmp(path, "-") == 0)
		return stdout;
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		/* A device or a FIFO is written in place, never replaced. */
		if ((out.f = fopen(path, "w")) == NULL) {
			cli_warn("cannot open '%s'", path);
			exit(CLI_USAGE);
		}
		if ((out.path = strdup(path)) == NULL)
			cli_errx(CLI_USAGE, "out of memory");
		return out.f;
	}
	len = strlen(path) + 16;
	if ((out.path = strdup(path)) == NULL || (out.tmp = malloc(len)) == NULL)
		cli_errx(CLI_USAGE, "out of memory");
	snprintf(out.tmp, len, "%s.tmpXXXXXX", path);
	if ((fd = mkstemp(out.tmp)) == -1) {
		free(out.tmp);
		out.tmp = NULL;
		cli_warn("cannot create '%s'", path);
		exit(CLI_USAGE);
	}
	/* mkstemp makes the file 0600: give it what open(2) would. */
	mask = umask(0);
	umask(mask);
	(void)fchmod(fd, 0666 & ~mask);
	if ((out.f = fdopen(fd, "w")) == NULL) {
		cli_warn("cannot create '%s'", path);
		exit(CLI_USAGE);
	}
	return out.f;
}

int
cli_output_close(FILE *f, int ok)
{
	const char	*name = f == stdout ? "standard output" : out.path;
	int		 bad = 0;

	if (fflush(f) == EOF || ferror(f)) {
		cli_warn("write error on %s%s%s", f == stdout ? "" : "'",
		    name, f == stdout ? "" : "'");
		bad = 1;
	}
	if (f == stdout) {
		if (fclose(stdout) == EOF && !bad) {
			cli_warn("write error on standard output");
			bad = 1;
		}
		return bad ? -1 : 0;
	}
	if (out.tmp == NULL) {
		/* Written in place (a device or FIFO): nothing to rename. */
		if (fclose(f) == EOF && !bad) {
			cli_warn("cannot write '%s'", name);
			bad = 1;
		}
		out.f = NULL;
		free(out.path);
		out.path = NULL;
		return bad ? -1 : 0;
	}
	if (!bad && fsync(fileno(f)) == -1 && errno != EINVAL) {
		cli_warn("cannot write '%s'", name);
		bad = 1;
	}
	if (fclose(f) == EOF && !bad) {
		cli_warn("cannot write '%s'", name);
		bad = 1;
	}
	out.f = NULL;
	if (bad || !ok) {
		unlink(out.tmp);
	} else if (rename(out.tmp, out.path) == -1) {
		cli_warn("cannot rename to '%s'", out.path);
		unlink(out.tmp);
		bad = 1;
	}
	free(out.tmp);
	free(out.path);
	out.tmp = out.path = NULL;
	return bad ? -1 : 0;
}

FILE *
cli_input_open(const char *path, const char **name)
{
	FILE	*f;

	if (strcmp(path, "-") == 0) {
		*name = "<stdin>";
		return stdin;
	}
	*name = path;
	if ((f = fopen(path, "r")) == NULL) {
		cli_warn("cannot open '%s'", path);
		return NULL;
	}
	return f;
}

void
cli_input_close(FILE *f)
{
	if (f != NULL && f != stdin)
		fclose(f);
}
