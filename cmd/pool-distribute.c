/*
 * pool-distribute: apply the allocation key (verdeelsleutel).  Reads
 * records, passes them on, and writes one allocation record per
 * organisation, period and role: under scarcity the supply is divided
 * in proportion to the organisations' weights.  With --units N it
 * divides N units by weight directly.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "pool.h"
#include "pool_apportion.h"
#include "pool_config.h"
#include "pool_distribute.h"
#include "pool_record.h"
#include "pool_ndjson.h"
#include "pool_time.h"

struct args {
	struct pool_distribute_opts	 o;
	const char			*cpath, *opath;
	int				 verbose, explain;
};

static _Noreturn void	usage(FILE *, int);

/* A progress line on a terminal, for long runs, as pool-ingest's. */
static int	progressed;

static void
progress_read(unsigned long lines)
{
	fprintf(stderr, "\r%s: %lu lines read", cli_progname(), lines);
	progressed = 1;
}

static void
progress_run(void *arg, const char *period, size_t done, size_t total)
{
	(void)arg;
	fprintf(stderr, "\r%s: %s, %zu of %zu open shifts divided ",
	    cli_progname(), period, done, total);
	progressed = 1;
}

static void
progress_end(void)
{
	if (progressed)
		fprintf(stderr, "\r%*s\r", 60, "");
	progressed = 0;
}

/* Read every operand into d; returns CLI_OK or CLI_DATA. */
static int
read_inputs(struct pool_dist *d, int argc, char *argv[])
{
	struct pool_ndjson	*nd;
	struct pool_error	 err;
	const char		*name, *line;
	size_t			 len;
	unsigned long		 nlines = 0;
	FILE			*f;
	int			 i, r, status = CLI_OK, tty;

	tty = isatty(STDERR_FILENO);

	for (i = 0; i < argc || (i == 0 && argc == 0); i++) {
		if ((f = cli_input_open(argc ? argv[i] : "-", &name)) == NULL) {
			status = CLI_DATA;
			continue;
		}
		pool_error_clear(&err);
		if ((nd = pool_ndjson_new(f, name, 0, &err)) == NULL)
			cli_errx(CLI_DATA, "out of memory");
		while ((r = pool_ndjson_next(nd, &line, &len, &err)) != 0) {
			if (tty && (++nlines & 0xffff) == 0)
				progress_read(nlines);
			if (r == 1 && pool_dist_add(d, line, len, name,
			    pool_ndjson_lineno(nd), &err) == 0)
				continue;
			progress_end();
			cli_error(&err);
			status = CLI_DATA;
			/* Without memory no output can be right: keep the old. */
			if (err.code == POOL_ENOMEM)
				exit(CLI_DATA);
			if (err.code == POOL_ESYS)
				break;
		}
		pool_ndjson_free(nd);
		cli_input_close(f);
	}
	return status;
}

static int
run(struct args *a, int argc, char *argv[])
{
	struct pool_config	*conf = cli_config(a->cpath);
	struct pool_dist	*d;
	struct pool_error	 err;
	size_t			 ng, ns;
	FILE			*out;
	int			 status, ran, ok;

	pool_error_clear(&err);
	if ((d = pool_dist_new(conf, &a->o, &err)) == NULL) {
		cli_error(&err);
		exit(CLI_USAGE);
	}
	if (isatty(STDERR_FILENO))
		pool_dist_set_progress(d, progress_run, NULL);
	status = read_inputs(d, argc, argv);
	ran = pool_dist_run(d, &err) == 0;
	progress_end();
	if (!ran) {
		cli_error(&err);
		if (err.code == POOL_ECONFIG)
			exit(CLI_USAGE);	/* nothing written */
		if (err.code == POOL_ENOMEM)
			exit(CLI_DATA);
		status = CLI_DATA;
	}
	if (ran && (a->explain || a->verbose)) {
		pool_dist_counts(d, &ng, &ns);
		if (a->verbose && !a->o.units_mode)
			cli_warnx("%zu period%s and role%s, %zu scarce", ng,
			    ng == 1 ? "" : "s", ng == 1 ? "" : "s", ns);
		fflush(stderr);
		if (pool_dist_explain(d, stderr, a->explain) != 0) {
			cli_warn("cannot write the explanation");
			status = CLI_DATA;
		}
	}
	out = cli_output_open(a->opath);
	ok = pool_dist_write(d, out) == 0;
	if (!ok) {
		/* A write error is said by cli_output_close. */
		if (!ferror(out))
			cli_warn("cannot write the output");
		status = CLI_DATA;
	}
	if (cli_output_close(out, ok) != 0)
		status = CLI_DATA;
	pool_dist_free(d);
	pool_config_free(conf);
	return status;
}

static void
check_period(const struct args *a)
{
	const char		*p = a->o.period;
	struct pool_error	 err;
	int64_t			 day;
	size_t			 i;

	if (p == NULL)
		return;
	for (i = 0; p[i] != '\0'; i++)
		if ((unsigned char)p[i] < ' ' || p[i] == '"' || p[i] == '\\')
			break;
	if (*p == '\0' || p[i] != '\0' || i > 40)
		cli_errx(CLI_USAGE, "--period: '%s' is not a period name", p);
	if (a->o.units_mode && pool_record_period_check(p, &err) == -1)
		cli_errx(CLI_USAGE, "--period: %s", err.text);
	if (!a->o.units_mode && !((i == 8 && p[4] == '-' && p[5] == 'W') ||
	    (i == 10 && p[4] == '-' && p[7] == '-')))
		cli_errx(CLI_USAGE, "--period: '%s' is neither an ISO week "
		    "(2026-W48) nor a date (2026-11-23)", p);
	/* A week or date that does not exist (2026-W99, 2026-11-31). */
	if (!a->o.units_mode && (p[5] == 'W' ?
	    pool_time_parse_iso_week(p, &day, &err) :
	    pool_time_parse_date(p, &day, &err)) == -1)
		cli_errx(CLI_USAGE, "--period: %s", err.text);
}

static int
method_parse(const char *arg)
{
	int	m;

	if ((m = pool_config_method_parse(arg)) < 0)
		cli_errx(CLI_USAGE, "--method: unknown method '%s' (hamilton, "
		    "dhondt, sainte-lague, huntington-hill, adams)", arg);
	return m;
}

static enum pool_weights_src
weights_parse(const char *arg)
{
	if (strcmp(arg, "both") == 0)
		return POOL_WEIGHTS_BOTH;
	if (strcmp(arg, "config") == 0)
		return POOL_WEIGHTS_CONFIG;
	if (strcmp(arg, "records") != 0)
		cli_errx(CLI_USAGE, "--weights: '%s' is not one of both, "
		    "config, records", arg);
	return POOL_WEIGHTS_RECORDS;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "config",	required_argument,	NULL, 'c' },
		{ "explain",	no_argument,		NULL, 'e' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "method",	required_argument,	NULL, 'm' },
		{ "output",	required_argument,	NULL, 'o' },
		{ "period",	required_argument,	NULL, 'p' },
		{ "units",	required_argument,	NULL, 'u' },
		{ "verbose",	no_argument,		NULL, 'v' },
		{ "version",	no_argument,		NULL, 'V' },
		{ "weights",	required_argument,	NULL, 'w' },
		{ NULL,		0,			NULL, 0 }
	};
	struct args	a;
	int		ch;

	cli_init(argv[0]);
	memset(&a, 0, sizeof(a));
	pool_distribute_opts_init(&a.o);
	while ((ch = getopt_long(argc, argv, "c:ehm:o:p:u:vVw:", longopts,
	    NULL)) != -1)
		switch (ch) {
		case 'c':
			a.cpath = optarg;
			break;
		case 'e':
			a.explain = 1;
			break;
		case 'h':
			usage(stdout, CLI_OK);
			/* NOTREACHED */
		case 'm':
			a.o.method = method_parse(optarg);
			break;
		case 'o':
			a.opath = optarg;
			break;
		case 'p':
			a.o.period = optarg;
			break;
		case 'u':
			a.o.units_mode = 1;
			a.o.units = (uint64_t)cli_number("units", optarg, 0,
			    (long long)POOL_UNITS_MAX);
			break;
		case 'v':
			a.verbose = 1;
			break;
		case 'V':
			cli_version();
			/* NOTREACHED */
		case 'w':
			a.o.weights = weights_parse(optarg);
			break;
		default:
			usage(stderr, CLI_USAGE);
		}
	check_period(&a);
	return run(&a, argc - optind, argv + optind);
}

static _Noreturn void
usage(FILE *fp, int status)
{
	fprintf(fp, "usage: pool-distribute [-ehvV] [-c config] [-m method] "
	    "[-o file] [-p period]\n"
	    "                       [-u units] [-w weights] [file ...]\n");
	if (status != CLI_OK)
		cli_usage_hint();
	exit(status);
}
