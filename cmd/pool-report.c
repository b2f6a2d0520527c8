/*
 * pool-report: the end of the pipe.  Reads the NDJSON records of a pool
 * and writes the weekly capacity report (text, md, csv, json, html), the
 * workers' calendars (ics), or with --check an audit of every assignment
 * against the hard rules.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "pool.h"
#include "pool_config.h"
#include "pool_ndjson.h"
#include "pool_record.h"
#include "pool_report.h"
#include "pool_rules.h"
#include "pool_time.h"

struct opts {
	const char	*config, *output, *split, *week, *from, *to;
	const char	*sections;
	int		 format, check, detail, min_cell, weeks, verbose;
	int		 backtest, allow_empty;
	int		 lang;		/* enum pool_lang, -1: not given */
	int		 audience;	/* enum pool_audience */
	const char	*org;		/* --org: the member */
};

static _Noreturn void	usage(FILE *, int);

/* --backtest: keep only the outlook's backtest table. */
static void
only_backtest(struct pool_report *rep)
{
	size_t	 i, j;

	for (i = j = 0; i < rep->ntables; i++)
		if (strcmp(rep->tables[i]->name, "outlook-backtest") == 0)
			rep->tables[j++] = rep->tables[i];
		else
			pool_table_free(rep->tables[i]);
	rep->ntables = j;
}

static void
feed_file(struct pool_reportctx *ctx, FILE *f, const char *name, int *status)
{
	struct pool_ndjson	*nd;
	struct pool_error	 err;
	const char		*line;
	size_t			 len;
	int			 r, tty = isatty(STDERR_FILENO);

	pool_error_clear(&err);
	if ((nd = pool_ndjson_new(f, name, 0, &err)) == NULL) {
		cli_error(&err);
		exit(CLI_DATA);		/* out of memory: keep the old -o */
	}
	while ((r = pool_ndjson_next(nd, &line, &len, &err)) != 0) {
		/* A progress line for long runs, on a terminal only. */
		if (tty && pool_ndjson_lineno(nd) % 1000000 == 0)
			fprintf(stderr, "\r%s: %s: %lu records", cli_progname(),
			    name, pool_ndjson_lineno(nd));
		if (r == 1) {
			if (pool_report_feed(ctx, line, len, &err) == 0)
				continue;
			if (err.code == POOL_ENOMEM)
				cli_errx(CLI_DATA, "out of memory");
			pool_error_locate(&err, name, pool_ndjson_lineno(nd));
		}
		cli_error(&err);
		*status = CLI_DATA;
		if (err.code == POOL_ENOMEM)
			exit(CLI_DATA);		/* keep the old -o file */
		if (r == -1 && err.code == POOL_ESYS)
			break;
		pool_error_clear(&err);
	}
	if (tty && pool_ndjson_lineno(nd) >= 1000000)
		fputs("\r\033[K", stderr);
	pool_ndjson_free(nd);
}

/* The period: --week, or --from/--to (local dates, inclusive). */
static void
set_period(const struct opts *o, struct pool_report_opts *ro)
{
	struct pool_error	 err;
	int64_t			 d;

	pool_error_clear(&err);
	if (o->week != NULL) {
		if (o->from != NULL || o->to != NULL)
			cli_errx(CLI_USAGE, "--week and --from/--to exclude "
			    "each other");
		if (pool_time_parse_iso_week(o->week, &d, &err) == -1)
			cli_errx(CLI_USAGE, "--week: %s", err.text);
		ro->from = d;
		ro->to = d + 6;
		ro->period = o->week;
	}
	if (o->from != NULL) {
		if (pool_time_parse_date(o->from, &d, &err) == -1)
			cli_errx(CLI_USAGE, "--from: %s", err.text);
		ro->from = d;
	}
	if (o->to != NULL) {
		if (pool_time_parse_date(o->to, &d, &err) == -1)
			cli_errx(CLI_USAGE, "--to: %s", err.text);
		ro->to = d;
	}
	if (ro->from != INT64_MIN && ro->to != INT64_MAX && ro->to < ro->from)
		cli_errx(CLI_USAGE, "--to is before --from");
}

struct audit {
	const struct pool_data	*data;
	const struct pool_tz	*tz;
	const struct pool_report_opts *ro;
	struct pool_table	*t;
	long			 n;
};

static void
on_violation(void *arg, const struct pool_violation *v)
{
	struct audit		*a = arg;
	const struct pool_shift	*s = &a->data->shifts.v[v->shift];
	int64_t			 day = pool_tz_local_day(a->tz, s->start);
	char			 when[26];

	if (day < a->ro->from || day > a->ro->to)
		return;
	a->n++;
	if (pool_table_row(a->t, NULL) == -1 ||
	    pool_table_text(a->t, a->data->workers.v[v->worker].id, NULL) ||
	    pool_table_text(a->t, s->id, NULL) ||
	    pool_table_text(a->t, pool_time_format(a->tz, s->start, when),
	    NULL) || pool_table_text(a->t, v->rule, NULL) ||
	    pool_table_text(a->t, v->detail, NULL))
		cli_errx(CLI_DATA, "out of memory");
}

/* One row of the audit table that is not a hard rule of the rules
 * module: shift s (-1 if unknown), the worker and shift ids as read. */
static void
audit_row(struct audit *a, const char *worker, const char *shift, long s,
    const char *rule, const char *detail)
{
	char	when[26];

	a->n++;
	if (pool_table_row(a->t, NULL) == -1 ||
	    pool_table_text(a->t, worker, NULL) ||
	    pool_table_text(a->t, shift, NULL) ||
	    (s >= 0 ? pool_table_text(a->t, pool_time_format(a->tz,
	    a->data->shifts.v[s].start, when), NULL) :
	    pool_table_empty(a->t, NULL)) ||
	    pool_table_text(a->t, rule, NULL) ||
	    pool_table_text(a->t, detail, NULL))
		cli_errx(CLI_DATA, "out of memory");
}

/*
 * What an auditor looks for before the hard rules: an assignment to a
 * worker or a shift that no record gives (its period unknown: always
 * reported), and a shift of the period booked more than once, to one
 * worker or to two.
 */
static void
audit_records(struct audit *a)
{
	const struct pool_data	*d = a->data;
	long			*by = NULL, s, w;
	size_t			 i;
	int64_t			 day;
	char			 detail[160];

	if ((by = malloc((d->shifts.n + 1) * sizeof(*by))) == NULL)
		cli_errx(CLI_DATA, "out of memory");
	for (i = 0; i < d->shifts.n; i++)
		by[i] = -1;
	for (i = 0; i < d->assignments.n; i++) {
		const struct pool_assignment *as = &d->assignments.v[i];

		s = pool_data_shift(d, as->shift);
		w = pool_data_worker(d, as->worker);
		if (s >= 0) {
			day = pool_tz_local_day(a->tz, d->shifts.v[s].start);
			if (day < a->ro->from || day > a->ro->to)
				continue;
		}
		if (w < 0) {
			snprintf(detail, sizeof(detail), "no worker record "
			    "'%.60s'", as->worker);
			audit_row(a, as->worker, as->shift, s,
			    "unknown-worker", detail);
		}
		if (s < 0) {
			snprintf(detail, sizeof(detail), "no shift record "
			    "'%.60s'", as->shift);
			audit_row(a, as->worker, as->shift, s,
			    "unknown-shift", detail);
			continue;
		}
		if (by[s] < 0) {
			by[s] = (long)i;
			continue;
		}
		if (d->assignments.v[by[s]].worker == as->worker)
			snprintf(detail, sizeof(detail), "the same assignment "
			    "again: the shift's hours count once");
		else
			snprintf(detail, sizeof(detail), "also booked to "
			    "'%.60s': the shift's hours count once",
			    d->assignments.v[by[s]].worker);
		audit_row(a, as->worker, as->shift, s, "double-booking",
		    detail);
	}
	free(by);
}

/* --check: every assignment of the period against the hard rules. */
static long
check(struct pool_reportctx *ctx, const struct pool_config *conf,
    const struct pool_tz *tz, const struct pool_report_opts *ro,
    struct pool_report *rep)
{
	struct pool_error	 err;
	struct pool_rulectx	*rc;
	struct audit		 a = { pool_report_data(ctx), tz, ro, NULL, 0 };

	pool_error_clear(&err);
	a.t = pool_table_new("check", "check", "Hard-rule violations",
	    "report.violation", &err);
	if (a.t == NULL ||
	    pool_table_col(a.t, "worker", "worker", POOL_CELL_TEXT, &err) ||
	    pool_table_col(a.t, "shift", "shift", POOL_CELL_TEXT, &err) ||
	    pool_table_col(a.t, "start", "start", POOL_CELL_TEXT, &err) ||
	    pool_table_col(a.t, "rule", "rule", POOL_CELL_TEXT, &err) ||
	    pool_table_col(a.t, "detail", "detail", POOL_CELL_TEXT, &err))
		cli_errx(CLI_DATA, "out of memory");
	if ((rc = pool_rules_new(conf, a.data, tz, 0, &err)) == NULL ||
	    pool_rules_audit_all(rc, on_violation, &a, &err) == -1) {
		cli_error(&err);
		exit(CLI_DATA);
	}
	pool_rules_free(rc);
	audit_records(&a);
	if (pool_report_add(rep, a.t, &err) == -1)
		cli_errx(CLI_DATA, "out of memory");
	return a.n;
}

static int
write_file(int dirfd, const char *dir, const char *name, const char *ext,
    unsigned long *seq, int lang, const struct pool_table *t,
    const struct pool_ics *ics,
    const struct pool_event *ev, size_t n)
{
	struct pool_error	 err;
	struct pool_ics		 one;
	char			 fname[POOL_FILENAME_MAX + 1];
	FILE			*f;
	int			 ok;

	pool_report_filename(name, ext, seq, fname);
	f = cli_output_openat(dirfd, dir, fname);
	pool_error_clear(&err);
	if (t != NULL)
		ok = pool_report_write_table(f, t, POOL_FMT_CSV,
		    lang == POOL_LANG_NL ? POOL_REPORT_NL : 0, &err) == 0;
	else {
		one = *ics;
		one.f = f;
		ok = pool_ics_calendar(&one, name, ev, n, &err) == 0;
	}
	/* A write error is said by cli_output_close. */
	if (!ok && !ferror(f)) {
		if (err.code != POOL_EOK)
			cli_error(&err);
		else
			cli_warnx("cannot write the report");
	}
	return cli_output_close(f, ok) == 0 && ok ? 0 : -1;
}

/*
 * The --split folder: made 0700, or one that exists, is no symbolic
 * link, belongs to the user (or root) and others cannot write to.
 * Returns its descriptor; the files are created in it by name only.
 */
static int
split_dir(const char *dir)
{
	struct stat	sb;
	int		fd;

	if (mkdir(dir, 0700) == -1 && errno != EEXIST)
		cli_errx(CLI_USAGE, "cannot create '%s': %s", dir,
		    strerror(errno));
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd == -1 && (errno == ELOOP || errno == ENOTDIR) &&
	    lstat(dir, &sb) == 0 && S_ISLNK(sb.st_mode))
		cli_errx(CLI_USAGE, "--split: '%s' is a symbolic link", dir);
	if (fd == -1)
		cli_errx(CLI_USAGE, "cannot open '%s': %s", dir,
		    strerror(errno));
	if (fstat(fd, &sb) == -1)
		cli_errx(CLI_USAGE, "cannot open '%s': %s", dir,
		    strerror(errno));
	if (sb.st_uid != geteuid() && sb.st_uid != 0)
		cli_errx(CLI_USAGE, "--split: '%s' belongs to another user",
		    dir);
	if (sb.st_mode & S_IWOTH)
		cli_errx(CLI_USAGE, "--split: others may write to '%s'", dir);
	return fd;
}

static int
write_split(const struct opts *o, const struct pool_report *rep,
    const struct pool_ics *ics, const struct pool_event *ev, size_t n)
{
	unsigned long	 seq = 0;
	size_t		 i, j;
	int		 rc = 0, dirfd = split_dir(o->split);

	if (o->format == POOL_FMT_CSV) {
		for (i = 0; i < rep->ntables; i++)
			if (write_file(dirfd, o->split, rep->tables[i]->name,
			    ".csv", &seq, rep->lang, rep->tables[i], NULL, NULL,
			    0) == -1)
				rc = -1;
	} else {
		/* One calendar per worker (events are sorted by worker). */
		for (i = 0; i < n; i = j) {
			for (j = i; j < n && strcmp(ev[j].worker,
			    ev[i].worker) == 0; j++)
				;
			if (write_file(dirfd, o->split, ev[i].worker, ".ics",
			    &seq, rep->lang, NULL, ics, ev + i, j - i) == -1)
				rc = -1;
		}
	}
	/* The new names, on disk. */
	if (fsync(dirfd) == -1 && errno != EINVAL) {
		cli_warn("cannot write '%s'", o->split);
		rc = -1;
	}
	close(dirfd);
	return rc;
}

/* DTSTAMP: $SOURCE_DATE_EPOCH if set, else the latest shift end read. */
static int64_t
stamp(const struct pool_reportctx *ctx)
{
	const char	*s = getenv("SOURCE_DATE_EPOCH");
	char		*end;
	long long	 v;

	if (s != NULL && *s != '\0') {
		/* A DTSTAMP is UTC: years 1970 to 9999. */
		errno = 0;
		v = strtoll(s, &end, 10);
		if (errno != 0 || *end != '\0' || *s < '0' || *s > '9' ||
		    v > 253402300799LL)
			cli_errx(CLI_USAGE, "SOURCE_DATE_EPOCH: '%.64s' is not "
			    "a whole number of seconds from 0 to 253402300799 "
			    "(9999-12-31T23:59:59Z)", s);
		return v;
	}
	return pool_report_stamp(ctx);
}

static int
write_out(const struct opts *o, struct pool_reportctx *ctx,
    const struct pool_report *rep, const struct pool_tz *tz)
{
	struct pool_error	 err;
	struct pool_ics		 ics;
	const struct pool_event	*ev;
	struct pool_event	*own_ev = NULL;
	const char		*nc = getenv("NO_COLOR");
	size_t			 n;
	FILE			*f;
	int			 ok, flags = 0;

	ev = pool_report_events(ctx, &n);
	/* A member's calendars hold the shifts at that member. */
	if (rep->audience == POOL_AUD_MEMBER && n > 0) {
		struct pool_event *mine;
		size_t	 i, k = 0;

		if ((mine = malloc(n * sizeof(*mine))) == NULL)
			cli_errx(CLI_DATA, "out of memory");
		for (i = 0; i < n; i++)
			if (strcmp(ev[i].org, rep->member) == 0)
				mine[k++] = ev[i];
		ev = own_ev = mine;
		n = k;
	}
	ics.f = NULL;
	ics.tz = tz;
	ics.dtstamp = o->format == POOL_FMT_ICS ? stamp(ctx) : 0;
	ics.with_worker = o->split == NULL;
	ics.lang = rep->lang;
	ics.names = rep->lang == POOL_LANG_NL ? rep->conf : NULL;
	if (o->split != NULL) {
		ok = write_split(o, rep, &ics, ev, n);
		free(own_ev);
		return ok;
	}
	if (o->format == POOL_FMT_TEXT && o->output == NULL &&
	    isatty(STDOUT_FILENO) && (nc == NULL || *nc == '\0'))
		flags |= POOL_REPORT_COLOR;
	f = cli_output_open(o->output);
	pool_error_clear(&err);
	if (o->format == POOL_FMT_ICS) {
		ics.f = f;
		ok = pool_ics_calendar(&ics, rep->pool, ev, n, &err) == 0;
	} else
		ok = pool_report_write(f, rep, o->format, flags, &err) == 0;
	/* A write error is said by cli_output_close. */
	if (!ok && !ferror(f)) {
		if (err.code != POOL_EOK)
			cli_error(&err);
		else
			cli_warnx("cannot write the report");
	}
	free(own_ev);
	return cli_output_close(f, ok) == 0 && ok ? 0 : -1;
}

/* The sections that speak of shifts: without shifts they say nothing. */
#define SHIFT_SECTIONS	(POOL_REPORT_ALL & ~(1u << POOL_SEC_CONTACTS | \
	    1u << POOL_SEC_RECORDS))

/*
 * A report of a period without shifts is most likely a report of a
 * missing export: say so and write nothing (an -o file keeps its old
 * contents), unless --allow-empty.
 */
static void
check_empty(const struct opts *o, struct pool_reportctx *ctx,
    const struct pool_report_opts *ro)
{
	const struct pool_data	*d = pool_report_data(ctx);
	char			 a[16], b[16];
	size_t			 i;
	int64_t			 day;

	if (o->allow_empty || o->check || (ro->sections & SHIFT_SECTIONS) == 0)
		return;
	for (i = 0; i < d->shifts.n; i++) {
		day = pool_tz_local_day(ro->tz, d->shifts.v[i].start);
		if (day >= ro->from && day <= ro->to)
			return;
	}
	if (ro->period != NULL)
		cli_errx(CLI_DATA, "no shifts in %s: nothing written (a missing "
		    "export? --allow-empty writes the report anyway)",
		    ro->period);
	if (ro->from == INT64_MIN && ro->to == INT64_MAX)
		cli_errx(CLI_DATA, "no shifts in the input: nothing written (a "
		    "missing export? --allow-empty writes the report anyway)");
	cli_errx(CLI_DATA, "no shifts from %s to %s: nothing written (a "
	    "missing export? --allow-empty writes the report anyway)",
	    ro->from == INT64_MIN ? "the start" :
	    pool_time_format_date(ro->from, a),
	    ro->to == INT64_MAX ? "the end" : pool_time_format_date(ro->to, b));
}

static int
run(struct opts *o, int argc, char *argv[])
{
	struct pool_config	*conf = cli_config(o->config);
	struct pool_report_opts	 ro;
	struct pool_reportctx	*ctx;
	struct pool_report	 rep;
	struct pool_error	 err;
	struct pool_tz		*tz;
	const char		*name;
	FILE			*f;
	int			 i, status = CLI_OK;
	unsigned		 mask = POOL_REPORT_ALL;

	pool_error_clear(&err);
	if (o->sections != NULL && pool_report_sections(o->sections, &mask,
	    &err) == -1)
		cli_errx(CLI_USAGE, "--section: %s", err.text);
	if (o->check && o->sections == NULL)
		mask = 0;
	if (o->backtest)
		mask = 1u << POOL_SEC_OUTLOOK;
	if ((tz = pool_tz_load(conf->timezone, NULL, &err)) == NULL) {
		cli_error(&err);
		exit(CLI_USAGE);
	}
	pool_report_opts_init(&ro);
	ro.conf = conf;
	ro.tz = tz;
	ro.sections = mask;
	ro.detail = o->detail;
	/* Suppression is for reports that leave the pool. */
	ro.min_cell = o->min_cell >= 0 ? o->min_cell :
	    o->audience == POOL_AUD_PUBLIC ? conf->min_cell : 0;
	if (o->audience == POOL_AUD_MEMBER && conf->norgs > 0 &&
	    pool_config_org(conf, o->org) == NULL)
		cli_errx(CLI_USAGE, "--org: unknown organisation '%s'", o->org);
	ro.weeks = o->weeks;
	ro.keep_all = o->check;
	ro.events = o->format == POOL_FMT_ICS;
	set_period(o, &ro);
	if ((ctx = pool_report_new(&ro, &err)) == NULL)
		cli_errx(CLI_DATA, "out of memory");
	for (i = 0; i < argc || (i == 0 && argc == 0); i++) {
		if ((f = cli_input_open(argc ? argv[i] : "-", &name)) == NULL) {
			status = CLI_DATA;
			continue;
		}
		feed_file(ctx, f, name, &status);
		cli_input_close(f);
	}
	pool_report_init(&rep);
	/* --lang, else pool.yaml, else the locale. */
	rep.lang = o->lang >= 0 ? o->lang : conf->language >= 0 ?
	    conf->language : (int)pool_lang_from_env();
	/* Dutch reports name what English ones show by id. */
	rep.conf = rep.lang == POOL_LANG_NL ? conf : NULL;
	if (pool_report_finish(ctx, &rep, &err) == -1) {
		cli_error(&err);
		exit(CLI_DATA);
	}
	check_empty(o, ctx, &ro);
	/* Hours nobody pays for: never dropped in silence, listed in
	 * the settlement section, and status 1. */
	if (o->format != POOL_FMT_ICS && (ro.sections & 1u <<
	    POOL_SEC_SETTLEMENT) && pool_report_unpriced(ctx) > 0) {
		cli_warnx("settlement: %.1f hours without a rate are not in "
		    "the cost (listed in the report)",
		    pool_report_unpriced(ctx));
		status = CLI_DATA;
	}
	if (o->backtest)
		only_backtest(&rep);
	if (o->check && check(ctx, conf, tz, &ro, &rep) > 0)
		status = CLI_DATA;
	if (pool_report_audience(&rep, o->audience, o->org, &err) == -1) {
		cli_error(&err);
		exit(CLI_DATA);
	}
	if (write_out(o, ctx, &rep, tz) == -1)
		status = CLI_DATA;
	if (o->verbose)
		cli_warnx("%zu tables written", rep.ntables);
	pool_report_release(&rep);
	pool_report_free(ctx);
	pool_tz_free(tz);
	pool_config_free(conf);
	return status;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "allow-empty", no_argument,		NULL,	'E' },
		{ "backtest",	no_argument,		NULL,	'B' },
		{ "audience",	required_argument,	NULL,	'a' },
		{ "check",	no_argument,		NULL,	'C' },
		{ "config",	required_argument,	NULL,	'c' },
		{ "detail",	no_argument,		NULL,	'd' },
		{ "from",	required_argument,	NULL,	'F' },
		{ "format",	required_argument,	NULL,	'f' },
		{ "help",	no_argument,		NULL,	'h' },
		{ "lang",	required_argument,	NULL,	'l' },
		{ "min-cell",	required_argument,	NULL,	'k' },
		{ "weeks",	required_argument,	NULL,	'n' },
		{ "org",	required_argument,	NULL,	'O' },
		{ "output",	required_argument,	NULL,	'o' },
		{ "split",	required_argument,	NULL,	'S' },
		{ "section",	required_argument,	NULL,	's' },
		{ "to",		required_argument,	NULL,	'T' },
		{ "version",	no_argument,		NULL,	'V' },
		{ "verbose",	no_argument,		NULL,	'v' },
		{ "week",	required_argument,	NULL,	'w' },
		{ NULL,		0,			NULL,	0 }
	};
	struct opts	 o = { NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	    POOL_FMT_TEXT, 0, 0, -1, 4, 0, 0, 0, -1, POOL_AUD_INTERNAL, NULL };
	int		 ch;

	cli_init(argv[0]);
	while ((ch = getopt_long(argc, argv, "a:Cc:dEF:f:hk:l:n:O:o:S:s:T:Vvw:",
	    longopts, NULL)) != -1)
		switch (ch) {
		case 'B':
			o.backtest = 1;
			break;
		case 'E':
			o.allow_empty = 1;
			break;
		case 'a':
			if ((o.audience = pool_report_audience_parse(optarg)) <
			    0)
				cli_errx(CLI_USAGE, "--audience: unknown audience "
				    "'%s' (internal, member or public)", optarg);
			break;
		case 'C':
			o.check = 1;
			break;
		case 'c':
			o.config = optarg;
			break;
		case 'd':
			o.detail = 1;
			break;
		case 'F':
			o.from = optarg;
			break;
		case 'f':
			if ((o.format = pool_report_format_parse(optarg)) < 0)
				cli_errx(CLI_USAGE, "--format: unknown format "
				    "'%s'", optarg);
			break;
		case 'h':
			usage(stdout, CLI_OK);
			/* NOTREACHED */
		case 'k':
			o.min_cell = (int)cli_number("min-cell", optarg, 0,
			    1000000);
			break;
		case 'l':
			if ((o.lang = pool_lang_parse(optarg)) < 0)
				cli_errx(CLI_USAGE, "--lang: unknown language "
				    "'%s' (en or nl)", optarg);
			break;
		case 'n':
			o.weeks = (int)cli_number("weeks", optarg, 0, 520);
			break;
		case 'O':
			o.org = optarg;
			break;
		case 'o':
			o.output = optarg;
			break;
		case 'S':
			o.split = optarg;
			break;
		case 's':
			o.sections = optarg;
			break;
		case 'T':
			o.to = optarg;
			break;
		case 'V':
			cli_version();
			/* NOTREACHED */
		case 'v':
			o.verbose = 1;
			break;
		case 'w':
			o.week = optarg;
			break;
		default:
			cli_usage_hint();
		}
	argc -= optind;
	argv += optind;
	if (o.split != NULL && o.format != POOL_FMT_CSV &&
	    o.format != POOL_FMT_ICS)
		cli_errx(CLI_USAGE, "--split needs --format csv or ics");
	if (o.split != NULL && o.output != NULL)
		cli_errx(CLI_USAGE, "--split and --output exclude each other");
	if ((o.audience == POOL_AUD_MEMBER) != (o.org != NULL))
		cli_errx(CLI_USAGE, o.org != NULL ? "--org needs --audience "
		    "member" : "--audience member needs --org");
	if (o.audience == POOL_AUD_PUBLIC && o.detail)
		cli_errx(CLI_USAGE, "--detail names workers: not in a public "
		    "report");
	if (o.audience == POOL_AUD_PUBLIC && o.format == POOL_FMT_ICS)
		cli_errx(CLI_USAGE, "calendars are per worker: not in a public "
		    "report");
	return run(&o, argc, argv);
}

static void
usage(FILE *f, int status)
{
	fprintf(f, "usage: pool-report [-CdEhVv] [--backtest] [-a audience] "
	    "[-c config] [-F date]\n"
	    "                   [-f format] [-k min-cell] [-l lang] [-n weeks] "
	    "[-O org]\n"
	    "                   [-o file] [-S dir] [-s section,...] [-T date] "
	    "[-w week]\n"
	    "                   [file ...]\n");
	exit(status);
}
