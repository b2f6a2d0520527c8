/*
 * pool-match: assign pool workers to open shifts without breaking a
 * hard rule, explain every shift left open, and shortlist workers.
 * Reads NDJSON records, passes them on byte for byte (except earlier
 * proposed assignments, unfilled and candidate records, which it
 * recomputes), then writes its assignment, unfilled and candidate
 * records.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "pool.h"
#include "pool_config.h"
#include "pool_match.h"
#include "pool_ndjson.h"
#include "pool_record.h"
#include "pool_time.h"

/* The input lines kept for output, in input order. */
struct lines {
	char	*buf;
	size_t	 len, cap;
};

static _Noreturn void	usage(FILE *, int);

static int
keep(struct lines *l, const char *line, size_t len)
{
	if (l->len + len + 1 > l->cap) {
		size_t nc = l->cap ? l->cap : 1 << 20;
		char *nb;
		while (nc < l->len + len + 1)
			nc *= 2;
		if ((nb = realloc(l->buf, nc)) == NULL)
			return -1;
		l->buf = nb;
		l->cap = nc;
	}
	memcpy(l->buf + l->len, line, len);
	l->buf[l->len + len] = '\n';
	l->len += len + 1;
	return 0;
}

/* Read one input: records into data, lines to pass on into kept. */
static int
read_input(FILE *f, const char *name, struct pool_data *data,
    struct lines *kept)
{
	struct pool_ndjson	*nd;
	struct pool_record	 rec;
	struct pool_error	 err;
	const char		*line;
	size_t			 len;
	int			 r, bad = 0;

	if ((nd = pool_ndjson_new(f, name, 0, &err)) == NULL) {
		cli_error(&err);
		exit(CLI_DATA);		/* out of memory: keep the old -o */
	}
	while ((r = pool_ndjson_next(nd, &line, &len, &err)) != 0) {
		if (r == -1) {
			cli_error(&err);
			bad = 1;
			if (err.code == POOL_ENOMEM)
				exit(CLI_DATA);
			if (err.code == POOL_ESYS)
				break;
			continue;
		}
		if (pool_record_parse(data, line, len, &rec, &err) == -1) {
			pool_error_locate(&err, name, pool_ndjson_lineno(nd));
			cli_error(&err);
			bad = 1;
			if (keep(kept, line, len) == -1)
				cli_errx(CLI_DATA, "out of memory");
			continue;
		}
		if (!pool_match_replaces(&rec) && keep(kept, line, len) == -1)
			cli_errx(CLI_DATA, "out of memory");
		if (pool_data_add(data, &rec, &err) == -1)
			cli_errx(CLI_DATA, "out of memory");
	}
	pool_ndjson_free(nd);
	return bad;
}

static struct pool_tz *
load_zone(const struct pool_config *conf)
{
	struct pool_tz		*tz;
	struct pool_error	 err;

	pool_error_clear(&err);
	if ((tz = pool_tz_load(conf->timezone, NULL, &err)) == NULL) {
		cli_error(&err);
		exit(CLI_USAGE);
	}
	return tz;
}

static int
run(struct pool_match_opts *opts, const char *cpath, const char *opath,
    int verbose, int argc, char *argv[])
{
	struct pool_config	*conf = cli_config(cpath);
	struct pool_tz		*tz = load_zone(conf);
	struct pool_data	 data;
	struct pool_error	 err;
	struct pool_match	*m;
	struct lines		 kept = { NULL, 0, 0 };
	const char		*name;
	FILE			*f, *out;
	int			 i, wrote, status = CLI_OK;

	if (pool_data_init(&data, &err) == -1)
		cli_errx(CLI_DATA, "out of memory");
	for (i = 0; i < argc || (i == 0 && argc == 0); i++) {
		if ((f = cli_input_open(argc ? argv[i] : "-", &name)) == NULL) {
			status = CLI_DATA;
			continue;
		}
		if (read_input(f, name, &data, &kept) != 0)
			status = CLI_DATA;
		cli_input_close(f);
	}
	if (pool_data_index(&data, &err) == -1)
		cli_errx(CLI_DATA, "out of memory");
	if (opts->shift != NULL && pool_data_shift(&data, opts->shift) < 0)
		cli_errx(CLI_USAGE, "--shift: unknown shift '%s'", opts->shift);
	if ((m = pool_match_new(conf, &data, tz, &err)) == NULL ||
	    pool_match_run(m, opts, &err) == -1) {
		cli_error(&err);
		exit(CLI_DATA);
	}
	out = cli_output_open(opath);
	wrote = (kept.len == 0 ||
	    fwrite(kept.buf, 1, kept.len, out) == kept.len) &&
	    pool_match_write(m, out, opts) == 0;
	/* A write error is said by cli_output_close; the rest is memory. */
	if (!wrote && !ferror(out))
		cli_warnx("cannot write the matches: out of memory");
	if (cli_output_close(out, wrote) == -1 || !wrote)
		status = CLI_DATA;
	if (verbose)
		pool_match_summary(m, stderr);
	pool_match_free(m);
	free(kept.buf);
	pool_data_release(&data);
	pool_tz_free(tz);
	pool_config_free(conf);
	return status;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "config",	required_argument,	NULL,	'c' },
		{ "help",	no_argument,		NULL,	'h' },
		{ "shortlist",	required_argument,	NULL,	'k' },
		{ "output",	required_argument,	NULL,	'o' },
		{ "shift",	required_argument,	NULL,	's' },
		{ "time-limit",	required_argument,	NULL,	't' },
		{ "verbose",	no_argument,		NULL,	'v' },
		{ "version",	no_argument,		NULL,	'V' },
		{ NULL,		0,			NULL,	0 }
	};
	struct pool_match_opts	 opts;
	const char		*cpath = NULL, *opath = NULL;
	int			 ch, verbose = 0;

	cli_init(argv[0]);
	memset(&opts, 0, sizeof(opts));
	while ((ch = getopt_long(argc, argv, "c:hk:o:s:t:vV", longopts,
	    NULL)) != -1)
		switch (ch) {
		case 'c':
			cpath = optarg;
			break;
		case 'h':
			usage(stdout, CLI_OK);
			/* NOTREACHED */
		case 'k':
			opts.shortlist = (int)cli_number("shortlist", optarg,
			    1, 1000);
			break;
		case 'o':
			opath = optarg;
			break;
		case 's':
			opts.shift = optarg;
			break;
		case 't':
			opts.time_limit = (double)cli_number("time-limit",
			    optarg, 1, 86400);
			break;
		case 'v':
			verbose = 1;
			break;
		case 'V':
			cli_version();
			/* NOTREACHED */
		default:
			cli_usage_hint();
		}
	argc -= optind;
	argv += optind;
	if (opts.shift != NULL && opts.shortlist == 0)
		opts.shortlist = 5;
	return run(&opts, cpath, opath, verbose, argc, argv);
}

static void
usage(FILE *f, int status)
{
	fprintf(f, "usage: %s [-hVv] [-c config] [-k K] [-o file] "
	    "[-s shift] [-t seconds] [file ...]\n", cli_progname());
	exit(status);
}
