/*
 * pool-ingest: read planning-system exports (CSV/TSV, JSON arrays,
 * NDJSON, YAML), map their columns to record fields, validate every
 * record and write the good ones as NDJSON; every other row goes to
 * the rejects, so nothing is lost.
 */
#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/crypto.h>

#include "cli.h"
#include "pool.h"
#include "pool_config.h"
#include "pool_csv.h"
#include "pool_ingest.h"
#include "pool_mapping.h"
#include "pool_pseudo.h"

#define MAXMAPS	64

/* An input operand and the mapping (-m) it is read with. */
struct input {
	const char	*path;
	int		 map;		/* index in mpath, or -1 */
};

struct args {
	struct pool_ingest_opts	 o;
	const char		*cpath, *opath, *rpath, *kpath;
	const char		*mpath[MAXMAPS];
	int			 nmaps;
	struct input		*in;
	int			 nin;
	int			 verbose;
};

static _Noreturn void	usage(FILE *, int);

/*
 * OpenSSL (the pseudonyms) does not survive a failed allocation: it
 * can crash, or fail an HMAC that a row would be rejected for.  Like
 * jansson's (cmd/cli.c), its allocations end the program at once.
 */
static _Noreturn void
ossl_nomem(void)
{
	static const char msg[] = ": out of memory\n";
	const char	*p = cli_progname();

	(void)!write(STDERR_FILENO, p, strlen(p));
	(void)!write(STDERR_FILENO, msg, sizeof(msg) - 1);
	exit(CLI_DATA);
}

static void *
ossl_malloc(size_t n, const char *file, int line)
{
	void	*p;

	(void)file;
	(void)line;
	if ((p = malloc(n)) == NULL && n > 0)
		ossl_nomem();
	return p;
}

static void *
ossl_realloc(void *q, size_t n, const char *file, int line)
{
	void	*p;

	(void)file;
	(void)line;
	if ((p = realloc(q, n)) == NULL && n > 0)
		ossl_nomem();
	return p;
}

static void
ossl_free(void *p, const char *file, int line)
{
	(void)file;
	(void)line;
	free(p);
}

static void
diag(void *arg, int warning, const struct pool_error *err)
{
	char	buf[1024];

	(void)arg;
	if (!warning) {
		cli_error(err);
		return;
	}
	snprintf(buf, sizeof(buf), "%s%s%s", err->field[0] ? "field '" : "",
	    err->field, err->field[0] ? "': " : "");
	cli_warnx("%s:%lu: warning: %s%s", err->source, err->line, buf,
	    err->text);
}

static int	progressed;

/* A progress line on a terminal, for long runs. */
static void
progress(void *arg, const struct pool_ingest_stats *st)
{
	(void)arg;
	fprintf(stderr, "\r%s: %lu rows read", cli_progname(), st->rows);
	progressed = 1;
}

static void
summary(const struct pool_ingest_stats *st)
{
	char	types[512];
	size_t	n = 0;
	int	i;

	types[0] = '\0';
	for (i = 1; i <= POOL_R_NTYPES; i++) {
		int t = i % POOL_R_NTYPES;	/* unknown types last */

		if (st->per_type[t] == 0 || n >= sizeof(types))
			continue;
		n += (size_t)snprintf(types + n, sizeof(types) - n, "%s%s %lu",
		    n ? ", " : " (", t ? pool_rtype_name(t) : "other",
		    st->per_type[t]);
	}
	if (n > 0 && n < sizeof(types) - 1)
		strcat(types, ")");
	cli_warnx("%lu rows: %lu records%s, %lu rejected, %lu merged, "
	    "%lu replaced", st->rows, st->records, types, st->rejects,
	    st->merged, st->replaced);
}

/* Load the mappings and the key; exit 2 on an error. */
static struct pool_mapping **
load_maps(struct args *a, struct pool_pseudo **ps)
{
	struct pool_mapping	**maps;
	struct pool_error	  err;
	int			  i;

	pool_error_clear(&err);
	if ((maps = calloc((size_t)a->nmaps + 1, sizeof(*maps))) == NULL)
		cli_errx(CLI_USAGE, "out of memory");
	for (i = 0; i < a->nmaps; i++)
		if (strcmp(a->mpath[i], "-") != 0 &&
		    (maps[i] = pool_mapping_load(a->mpath[i], &err)) == NULL) {
			cli_error(&err);
			exit(CLI_USAGE);
		}
	if (a->kpath != NULL && (*ps = pool_pseudo_load(a->kpath, &err)) ==
	    NULL) {
		cli_error(&err);
		exit(CLI_USAGE);
	}
	return maps;
}

static char	outbuf[1 << 20];

static int
run(struct args *a)
{
	struct pool_config	*conf = cli_config(a->cpath);
	struct pool_pseudo	*ps = NULL;
	struct pool_mapping	**maps = load_maps(a, &ps);
	struct pool_ingest	*g;
	struct pool_error	 err;
	struct input		 in = { "-", a->nmaps - 1 };
	const char		*name;
	FILE			*f;
	int			 i, status = CLI_OK, ok = 1, keep = 0;

	a->o.config = conf;
	a->o.pseudo = ps;
	a->o.diag = diag;
	if (isatty(STDERR_FILENO))
		a->o.progress = progress;
	a->o.out = cli_output_open(a->opath);
	/*
	 * Big exports: write in large blocks.  The buffer is given, as
	 * glibc keeps its own size (st_blksize, often 4 KiB) when it is
	 * not; it is static, as the stream is closed at the very end.
	 */
	(void)setvbuf(a->o.out, outbuf, _IOFBF, sizeof(outbuf));
	a->o.rejects = a->rpath ? cli_output_open(a->rpath) : NULL;
	/* Every mapping's zone is checked before anything is read. */
	if ((g = pool_ingest_new(&a->o, &err)) == NULL)
		goto bad;
	for (i = a->nmaps - 1; i >= 0; i--)
		if (pool_ingest_mapping(g, maps[i], &err) == -1)
			goto bad;
	for (i = 0; ok && (i < a->nin || (i == 0 && a->nin == 0)); i++) {
		if (a->nin > 0)
			in = a->in[i];
		if (pool_ingest_mapping(g, in.map < 0 ? NULL : maps[in.map],
		    &err) == -1) {
			cli_error(&err);
			status = CLI_DATA;
			keep = 1;
			continue;
		}
		if ((f = cli_input_open(in.path, &name)) == NULL) {
			status = CLI_DATA;
			continue;
		}
		/*
		 * An input that cannot be read on leaves the output short:
		 * the old -o file (and rejects file) is kept.  Out of
		 * memory or a write error ends the run.
		 */
		if (pool_ingest_file(g, f, name, &err) == -1) {
			status = CLI_DATA;
			keep = 1;
			if (err.code == POOL_ESYS && err.source[0] == '\0')
				ok = 0;		/* a write error: said below */
			else {
				cli_error(&err);
				if (err.code == POOL_ENOMEM)
					ok = 0;
			}
		}
		cli_input_close(f);
	}
	if (progressed)
		fprintf(stderr, "\r%*s\r", 40, "");
	if (ok && pool_ingest_finish(g, &err) == -1) {
		if (err.code != POOL_ESYS || err.source[0] != '\0')
			cli_error(&err);
		ok = 0;		/* a write error is said on closing */
	}
	if (pool_ingest_stats(g)->rejects > 0)
		status = CLI_DATA;
	if (a->verbose || pool_ingest_stats(g)->rejects > 0)
		summary(pool_ingest_stats(g));
	if (a->o.rejects != NULL && cli_output_close(a->o.rejects,
	    ok && !keep) == -1)
		ok = 0;
	if (cli_output_close(a->o.out, ok && !keep) == -1 || !ok)
		status = CLI_DATA;
	pool_ingest_free(g);
	pool_pseudo_free(ps);
	for (i = 0; i < a->nmaps; i++)
		pool_mapping_free(maps[i]);
	free(maps);
	free(a->in);
	pool_config_free(conf);
	return status;
bad:
	cli_error(&err);
	if (a->o.rejects != NULL)
		cli_output_close(a->o.rejects, 0);
	cli_output_close(a->o.out, 0);
	exit(CLI_USAGE);
}

/* An operand: a file read with the mapping given last before it. */
static void
add_input(struct args *a, const char *path)
{
	struct input	*n;

	if ((n = realloc(a->in, ((size_t)a->nin + 1) * sizeof(*n))) == NULL)
		cli_errx(CLI_USAGE, "out of memory");
	a->in = n;
	a->in[a->nin].path = path;
	a->in[a->nin++].map = a->nmaps - 1;
}

static int
parse_delim(const char *s)
{
	if (strcmp(s, "tab") == 0 || strcmp(s, "\\t") == 0)
		return '\t';
	if (strlen(s) == 1 && *s != '"' && *s != '\n' && *s != '\r')
		return (unsigned char)*s;
	cli_errx(CLI_USAGE, "--delimiter: one character or 'tab', not '%s'",
	    s);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "config",		required_argument,	NULL, 'c' },
		{ "delimiter",		required_argument,	NULL, 'd' },
		{ "encoding",		required_argument,	NULL, 'e' },
		{ "format",		required_argument,	NULL, 'f' },
		{ "help",		no_argument,		NULL, 'h' },
		{ "mapping",		required_argument,	NULL, 'm' },
		{ "no-references",	no_argument,		NULL, 'n' },
		{ "output",		required_argument,	NULL, 'o' },
		{ "pseudonymize",	required_argument,	NULL, 'p' },
		{ "rejects",		required_argument,	NULL, 'r' },
		{ "type",		required_argument,	NULL, 't' },
		{ "update",		no_argument,		NULL, 'u' },
		{ "verbose",		no_argument,		NULL, 'v' },
		{ "version",		no_argument,		NULL, 'V' },
		{ NULL,			0,			NULL, 0 }
	};
	struct args	a;
	int		ch, v;

	cli_init(argv[0]);
	/*
	 * Before OpenSSL allocates anything (else it refuses: harmless).
	 * No OpenSSL cleanup at exit, which would wait for a lock held
	 * by the allocation that ended the program.
	 */
	(void)CRYPTO_set_mem_functions(ossl_malloc, ossl_realloc, ossl_free);
	if (OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, NULL) != 1)
		cli_errx(CLI_DATA, "out of memory");
	memset(&a, 0, sizeof(a));
	a.o.references = 1;
	/* "-" first: operands come in order, so each -m applies to the
	 * files after it. */
	while ((ch = getopt_long(argc, argv, "-c:d:e:f:hm:no:p:r:t:uvV",
	    longopts, NULL)) != -1)
		switch (ch) {
		case 1:
			add_input(&a, optarg);
			break;
		case 'c':
			a.cpath = optarg;
			break;
		case 'd':
			a.o.delim = parse_delim(optarg);
			break;
		case 'e':
			if ((v = pool_csv_enc_parse(optarg)) == -1)
				cli_errx(CLI_USAGE, "--encoding: unknown "
				    "encoding '%s' (utf-8, windows-1252)",
				    optarg);
			a.o.encoding = v;
			break;
		case 'f':
			if ((v = pool_ingest_format_parse(optarg)) == -1)
				cli_errx(CLI_USAGE, "--format: unknown format "
				    "'%s' (csv, tsv, json, ndjson, yaml)",
				    optarg);
			a.o.format = (enum pool_ingest_format)v;
			break;
		case 'h':
			usage(stdout, CLI_OK);
			/* NOTREACHED */
		case 'm':
			if (a.nmaps == MAXMAPS)
				cli_errx(CLI_USAGE, "--mapping: more than %d",
				    MAXMAPS);
			a.mpath[a.nmaps++] = optarg;
			break;
		case 'n':
			a.o.references = 0;
			break;
		case 'o':
			a.opath = optarg;
			break;
		case 'p':
			a.kpath = optarg;
			break;
		case 'r':
			a.rpath = optarg;
			break;
		case 't':
			if (pool_rtype_parse(optarg) == POOL_R_UNKNOWN)
				cli_errx(CLI_USAGE, "--type: unknown record "
				    "type '%s'", optarg);
			a.o.type = optarg;
			break;
		case 'u':
			a.o.update = 1;
			break;
		case 'v':
			a.verbose = 1;
			break;
		case 'V':
			cli_version();
			/* NOTREACHED */
		default:
			usage(stderr, CLI_USAGE);
		}
	for (; optind < argc; optind++)		/* after "--" */
		add_input(&a, argv[optind]);
	if (a.nin > 0 && a.nmaps > 0 && a.in[a.nin - 1].map != a.nmaps - 1)
		cli_errx(CLI_USAGE, "--mapping '%s': no file after it (a "
		    "mapping applies to the files that follow it)",
		    a.mpath[a.nmaps - 1]);
	return run(&a);
}

static _Noreturn void
usage(FILE *fp, int status)
{
	fprintf(fp, "usage: pool-ingest [-nuvV] [-c config] [-d delimiter] "
	    "[-e encoding] [-f format]\n"
	    "                   [-o file] [-p keyfile] [-r rejects] "
	    "[-t type]\n"
	    "                   [[-m mapping] file ...]\n");
	if (status != CLI_OK)
		cli_usage_hint();
	exit(status);
}
