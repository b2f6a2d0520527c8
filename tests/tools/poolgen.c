/*
 * poolgen: the deterministic generator of flexpool's sample pools and
 * benchmark pools.
 *
 *	poolgen sample gp|elderly DIR
 *	    Write the exports a pool coordinator receives (CSV with ';'
 *	    and Dutch dates, a JSON worker list, a hand-kept YAML list)
 *	    into DIR.  The mapping files and pool.yaml next to them are
 *	    kept by hand; testdata/ holds this output, and regenerating
 *	    must give byte-identical files.
 *
 *	poolgen history elderly [-s seed]
 *	    Write two years of the elderly-care pool's past as NDJSON
 *	    records to standard output: the shifts of the 104 weeks before
 *	    the sample's first week and the workers who left in them
 *	    (valid_from, valid_until).  Input for pool-report's outlook,
 *	    next to the sample's records (make demo does so).
 *
 *	poolgen bench [-a] [-f ndjson|csv] [-n shifts] [-r regions]
 *	    [-s seed] [-w workers] [-W weeks] [-d DIR]
 *	    Write a benchmark pool of that size as NDJSON records (or, with
 *	    -f csv, as open shifts in the elderly-care export format, for
 *	    pool-ingest) to standard output.  With -d, one file per region
 *	    (region-NN.ndjson) goes into DIR: the regions share no workers.
 *	    -a adds proposed assignments (input for pool-report).
 *
 * Every random choice comes from splitmix64 streams with fixed seeds,
 * one stream per output file, so a change in one file does not ripple
 * into the others.  No rand(), no clock, no locale.
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "histgen.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* Monday 23 November 2026 (ISO week 2026-W48): day 0 of every pool. */
#define START_Y		2026
#define START_M		11
#define START_D		23

/** Random numbers: splitmix64. */

struct rng {
	uint64_t	s;
};

static uint64_t
rng_next(struct rng *r)
{
	uint64_t	z;

	z = (r->s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void
rng_seed(struct rng *r, uint64_t seed, const char *stream)
{
	uint64_t	h = 1469598103934665603ULL;	/* FNV-1a of stream */

	for (; *stream != '\0'; stream++)
		h = (h ^ (unsigned char)*stream) * 1099511628211ULL;
	r->s = seed ^ h;
	(void)rng_next(r);
}

/* Uniform in [0, n). */
static uint32_t
rng_below(struct rng *r, uint32_t n)
{
	return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* Uniform in [0, 1). */
static double
rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

static int
rng_chance(struct rng *r, double p)
{
	return rng_unit(r) < p;
}

/* An index drawn with the given weights. */
static size_t
rng_pick(struct rng *r, const double *w, size_t n)
{
	double	sum = 0, x;
	size_t	i;

	for (i = 0; i < n; i++)
		sum += w[i];
	x = rng_unit(r) * sum;
	for (i = 0; i + 1 < n; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return n - 1;
}

/** Output: one file, optionally in Windows-1252 with CRLF. */

struct out {
	FILE	*f;
	char	*path;
	int	 cp1252;
	int	 crlf;
};

static void
die(const char *fmt, ...)
{
	va_list	ap;

	fputs("poolgen: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	if ((p = calloc(n, size)) == NULL)
		die("out of memory");
	return p;
}

static void
out_open(struct out *o, const char *dir, const char *name, int cp1252,
    int crlf)
{
	size_t	len;

	len = strlen(dir) + strlen(name) + 2;
	o->path = xcalloc(1, len);
	snprintf(o->path, len, "%s/%s", dir, name);
	if ((o->f = fopen(o->path, "wb")) == NULL)
		die("cannot create '%s': %s", o->path, strerror(errno));
	o->cp1252 = cp1252;
	o->crlf = crlf;
}

static void
out_stdout(struct out *o)
{
	o->f = stdout;
	o->path = NULL;
	o->cp1252 = 0;
	o->crlf = 0;
}

static void
out_close(struct out *o)
{
	if (o->f == stdout) {
		if (fflush(stdout) == EOF || ferror(stdout))
			die("write error on standard output");
		return;
	}
	if (ferror(o->f) || fclose(o->f) == EOF)
		die("write error on '%s'", o->path);
	free(o->path);
}

/*
 * Write UTF-8 text s, converted to Windows-1252 if the file is in that
 * code page (only Latin-1 letters and the euro sign occur here), and
 * with '\n' as CRLF if asked.
 */
static void
out_write(struct out *o, const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i;
	unsigned		 c;

	if (!o->cp1252 && !o->crlf) {
		fwrite(s, 1, len, o->f);
		return;
	}
	for (i = 0; i < len; i++) {
		c = p[i];
		if (c == '\n' && o->crlf) {
			fputs("\r\n", o->f);
		} else if (c < 0x80 || !o->cp1252) {
			fputc((int)c, o->f);
		} else if ((c & 0xe0) == 0xc0 && i + 1 < len) {
			c = ((c & 0x1f) << 6) | (p[i + 1] & 0x3f);
			i++;
			if (c < 0xa0 || c > 0xff)
				die("no Windows-1252 form of U+%04X", c);
			fputc((int)c, o->f);
		} else if (c == 0xe2 && i + 2 < len && p[i + 1] == 0x82 &&
		    p[i + 2] == 0xac) {
			fputc(0x80, o->f);		/* euro sign */
			i += 2;
		} else
			die("no Windows-1252 form of byte 0x%02x", c);
	}
}

static void
out_printf(struct out *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
out_printf(struct out *o, const char *fmt, ...)
{
	char	 buf[4096];
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(buf))
		die("line too long");
	out_write(o, buf, (size_t)n);
}

/* A CSV field: quoted (RFC 4180) when it holds ';', '"' or a newline. */
static void
out_csvfield(struct out *o, const char *s, int last)
{
	const char	*p;

	if (strpbrk(s, ";\"\n") == NULL)
		out_write(o, s, strlen(s));
	else {
		out_write(o, "\"", 1);
		for (p = s; *p != '\0'; p++) {
			if (*p == '"')
				out_write(o, "\"", 1);
			out_write(o, p, 1);
		}
		out_write(o, "\"", 1);
	}
	out_write(o, last ? "\n" : ";", 1);
}

/* A JSON string (the texts here are UTF-8 without control characters). */
static void
out_jstr(struct out *o, const char *s)
{
	const char	*p;

	out_write(o, "\"", 1);
	for (p = s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			out_write(o, "\\", 1);
		out_write(o, p, 1);
	}
	out_write(o, "\"", 1);
}

/** Calendar. */

static int64_t
days_from_civil(int y, int m, int d)
{
	int64_t		era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t		era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Day of week of pool day n (0 = the first Monday): 0 Monday .. 6 Sunday. */
static int
pool_wday(int n)
{
	return n % 7;
}

/* "23-11-2026" for pool day n (n may be negative). */
static const char *
dutch_date(int n, char buf[16])
{
	int	y, m, d;

	civil_from_days(days_from_civil(START_Y, START_M, START_D) + n,
	    &y, &m, &d);
	snprintf(buf, 16, "%02d-%02d-%04d", d, m, y);
	return buf;
}

/*
 * RFC 3339 for pool day n at minute min (may pass midnight).  Every
 * pool lies in winter time (November to February), so the offset is
 * +01:00 throughout.
 */
static const char *
rfc3339(int n, int min, char buf[32])
{
	int	y, m, d;

	n += min / 1440;
	min %= 1440;
	civil_from_days(days_from_civil(START_Y, START_M, START_D) + n,
	    &y, &m, &d);
	snprintf(buf, 32, "%04d-%02d-%02dT%02d:%02d:00+01:00", y, m, d,
	    min / 60, min % 60);
	return buf;
}

static const char *
hhmm(int min, char buf[8])
{
	min %= 1440;
	snprintf(buf, 8, "%02d:%02d", min / 60, min % 60);
	return buf;
}

/** Names: fictional people from common Dutch first and last names. */

static const char *const first_names[] = {
	"Anouk", "Sanne", "Fleur", "Lotte", "Eva", "Femke", "Iris", "Lieke",
	"Marloes", "Nicole", "Petra", "Sandra", "Ingrid", "Monique", "Wendy",
	"Karin", "Esther", "Linda", "Marieke", "Judith", "Yvonne", "Ilse",
	"Chloë", "Zoë", "Anaïs", "Daniëlle", "Mariëlle", "Noëlle", "Renée",
	"Inès", "Hélène", "José", "Ayşe", "Fatima", "Samira", "Naima", "Priya",
	"Jorien", "Mirjam", "Gerda", "Tineke", "Hanneke", "Romy", "Demi",
	"Britt", "Kim", "Joyce", "Shirley", "Rachida", "Merel", "Jeroen",
	"Mark", "Bas", "Thijs", "Ruben", "Mohamed", "Youssef", "Kevin", "Niels",
	"Sven", "Joël", "Raphaël", "Daan", "Stijn", "Koen", "Pim", "Wouter",
};

static const char *const last_names[] = {
	"de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit",
	"Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters",
	"Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra",
	"Smits", "de Graaf", "van der Meer", "van der Linden", "Kok",
	"Jacobs", "de Haan", "Vermeulen", "van den Berg", "van der Heijden",
	"Schouten", "van Beek", "Willems", "van Vliet", "Hoekstra", "Maas",
	"Verhoeven", "Koster", "Prins", "Blom", "Huisman", "Peeters",
	"de Jong", "Kramer", "Post", "Kuipers", "Veenstra", "Timmermans",
	"Yılmaz", "El Amrani", "Öztürk", "Boukhari", "Şahin", "Ramdin",
	"Hoogendoorn", "Boëtius", "Hoogeveen", "van Rijn", "Groeneveld", "Roos",
	"Verbeek", "Lammers", "Hermans", "Sluijter", "Korteweg", "Noordam",
};

/*
 * A fictional name.  Some of the names carry letters outside Latin-1
 * (ı, ş); those are used only where the file is UTF-8.
 */
static void
person_name(struct rng *r, int latin1, char *buf, size_t len)
{
	const char	*f, *l;

	for (;;) {
		f = first_names[rng_below(r, NELEM(first_names))];
		l = last_names[rng_below(r, NELEM(last_names))];
		if (!latin1 || (strstr(f, "ş") == NULL &&
		    strstr(l, "ı") == NULL && strstr(l, "Ş") == NULL))
			break;
	}
	snprintf(buf, len, "%s %s", f, l);
}

struct town {
	const char	*name;
	double		 lat, lon;
};

static double
jitter(struct rng *r, double span)
{
	return (rng_unit(r) - 0.5) * span;
}

static double
km_between(double lat1, double lon1, double lat2, double lon2)
{
	double	x, y;

	x = (lon2 - lon1) * cos((lat1 + lat2) / 2 * M_PI / 180) * 111.32;
	y = (lat2 - lat1) * 110.57;
	return sqrt(x * x + y * y);
}

/** The elderly-care capacity centre (7 organisations, 55 departments). */

struct eorg {
	const char	*id;
	const char	*name;
	const char	*code;
	int		 ndept;
	const char	*sites[3];	/* towns of its locations */
};

static const struct eorg eorgs[] = {
	{ "heidezicht", "Stichting Heidezicht", "HZ", 10,
	    { "Hilversum", "Loosdrecht", "Kortenhoef" } },
	{ "vechtstede", "Vechtstede Zorg", "VS", 9,
	    { "Weesp", "Naarden", NULL } },
	{ "eemhorst", "Eemhorst Ouderenzorg", "EH", 8,
	    { "Amersfoort", "Leusden", "Bunschoten" } },
	{ "larenhof", "Zorggroep Larenhof", "LH", 8,
	    { "Laren", "Blaricum", "Eemnes" } },
	{ "gooierhof", "Gooierhof Zorg", "GH", 7,
	    { "Huizen", "Blaricum", NULL } },
	{ "baarnwoude", "Zorgkring Baarnwoude", "BW", 7,
	    { "Baarn", "Soest", NULL } },
	{ "bussemhuis", "Stichting Het Bussemhuis", "BH", 6,
	    { "Bussum", "Naarden", NULL } },
};

static const struct town gooi_towns[] = {
	{ "Hilversum", 52.2292, 5.1669 },
	{ "Loosdrecht", 52.2000, 5.0800 },
	{ "Kortenhoef", 52.2390, 5.1050 },
	{ "Weesp", 52.3070, 5.0410 },
	{ "Naarden", 52.2960, 5.1620 },
	{ "Amersfoort", 52.1561, 5.3878 },
	{ "Leusden", 52.1330, 5.4300 },
	{ "Bunschoten", 52.2430, 5.3750 },
	{ "Laren", 52.2570, 5.2270 },
	{ "Blaricum", 52.2720, 5.2420 },
	{ "Eemnes", 52.2540, 5.2570 },
	{ "Huizen", 52.2990, 5.2418 },
	{ "Baarn", 52.2110, 5.2880 },
	{ "Soest", 52.1740, 5.2920 },
	{ "Bussum", 52.2737, 5.1611 },
	{ "Nijkerk", 52.2200, 5.4860 },
	{ "Ankeveen", 52.2640, 5.0970 },
	{ "Muiden", 52.3300, 5.0690 },
};

static const struct town *
find_town(const struct town *t, size_t n, const char *name)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (strcmp(t[i].name, name) == 0)
			return &t[i];
	die("unknown town '%s'", name);
	return NULL;
}

enum ward_kind { W_SOMATIEK, W_PG, W_REVALIDATIE, W_KLEINSCHALIG, W_COHORT };

static const char *const ward_kind_name[] = {
	"Somatiek", "PG", "Revalidatie", "Kleinschalig wonen", "COVID-cohort"
};

static const char *const ward_names[] = {
	"De Linde", "De Eik", "De Beuk", "De Kastanje", "De Wilg", "De Berk",
	"De Esdoorn", "De Els", "De Hazelaar", "De Vlier", "De Iep",
	"De Plataan", "De Meidoorn", "De Lijsterbes", "De Acacia", "De Hulst",
	"De Taxus", "De Ceder", "De Magnolia", "De Seringen", "De Ratel",
	"De Heide", "De Brem", "Het Vlinderhof", "Het Zonnehuis", "De Boomgaard",
	"De Waterhoen", "De Reiger", "De Zwaluw", "De Merel", "De Koekoek",
	"De Fazant", "De Specht", "De Ijsvogel", "De Kievit", "De Grutto",
	"De Tureluur", "De Wielewaal", "De Boomklever", "De Putter",
	"Het Baken", "De Vuurtoren", "De Ankerplaats", "De Haven", "De Sluis",
	"De Molen", "Het Torentje", "De Binnenhof", "De Kloostertuin",
	"Het Koetshuis", "De Oranjerie", "De Dreef", "Het Wandelpad",
	"De Vijverhof", "De Zandhoeve",
};

struct dept {
	int			 org;
	enum ward_kind		 kind;
	char			 code[24];
	char			 name[64];
	double			 lat, lon;
	double			 volume;	/* relative shift demand */
};

/* Roles of the capacity centre, in level order. */
enum { R_HELPENDE, R_VIG, R_MBOV, R_HBOV, NEROLES };

static const char *const erole_id[NEROLES] = {
	"helpende", "verzorgende-ig", "mbo-verpleegkundige",
	"hbo-verpleegkundige"
};

static const char *const erole_export[NEROLES] = {
	"Helpende", "Verzorgende IG", "Verpleegkundige MBO",
	"Verpleegkundige HBO"
};

/* Shift kinds of the export ("Dienst" column). */
enum { S_VROEG, S_LAAT, S_NACHT, S_KORT, S_AVOND, NSKINDS };

static const struct {
	const char	*name;
	int		 start, end;	/* minutes; end < start: next day */
	int		 pause;
} skinds[NSKINDS] = {
	{ "Vroeg", 7 * 60, 15 * 60, 30 },
	{ "Laat", 15 * 60, 23 * 60, 30 },
	{ "Nacht", 23 * 60, 7 * 60, 30 },
	{ "Kort vroeg", 7 * 60, 12 * 60, 0 },
	{ "Avond", 17 * 60, 22 * 60, 0 },
};

struct eworker {
	char		 id[32];
	char		 name[64];
	int		 role;
	int		 org;		/* -1: employed by the pool */
	const char	*nights;	/* "any", "prefer", ... */
	int		 covid;		/* has the covid skill */
	int		 dedicated;	/* may only work covid shifts */
	int		 pg;		/* psychogeriatrics skill */
	int		 night_exempt;
	int		 gives_availability;
	int		 contract, max_week, max_km;
	double		 lat, lon;
	const char	*town;
};

struct eshift {
	int		 day, kind, dept, role, prio;
	int		 need_pg;
	char		 id[32];
	const char	*note;
};

static int
eshift_cmp(const void *a, const void *b)
{
	const struct eshift	*x = a, *y = b;
	int			 xs = skinds[x->kind].start;
	int			 ys = skinds[y->kind].start;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->dept != y->dept)
		return x->dept < y->dept ? -1 : 1;
	if (xs != ys)
		return xs < ys ? -1 : 1;
	if (x->role != y->role)
		return x->role < y->role ? -1 : 1;
	return 0;
}

#define E_WEEKS		13
#define E_DAYS		(E_WEEKS * 7)
#define E_SHIFTS	3500
#define E_WORKERS	120

/* Demand per week: the flu season peaks around Christmas. */
static const double e_week_factor[E_WEEKS] = {
	0.85, 0.9, 0.95, 1.1, 1.2, 1.3, 1.15, 1.05, 1.0, 0.95, 0.9, 0.85, 0.8
};

static const char *const e_notes[] = {
	"Overdracht om 06:45; sleutelkast bij de receptie",
	"Inwerken door vaste collega",
	"Extra dienst i.v.m. griepgolf",
	"Graag ervaring met tilliften",
	"Let op: \"dubbele\" bezetting op deze afdeling",
	"Parkeren achter het gebouw",
	"Medicatieronde om 08:00 en 12:00",
};

static void
elderly_depts(struct dept *d, size_t *nd)
{
	struct rng		 r;
	const struct town	*t;
	size_t			 n = 0, o, i, next_name = 0;
	int			 k;

	rng_seed(&r, 7, "elderly-depts");
	for (o = 0; o < NELEM(eorgs); o++) {
		for (i = 0; i < (size_t)eorgs[o].ndept; i++, n++) {
			d[n].org = (int)o;
			/* Three orgs run a COVID cohort ward (their first). */
			if (i == 0 && (o == 0 || o == 2 || o == 4))
				d[n].kind = W_COHORT;
			else {
				k = (int)rng_below(&r, 10);
				d[n].kind = k < 4 ? W_SOMATIEK : k < 7 ? W_PG :
				    k < 8 ? W_REVALIDATIE : W_KLEINSCHALIG;
			}
			snprintf(d[n].code, sizeof(d[n].code), "%s-%02zu",
			    eorgs[o].code, i + 1);
			if (d[n].kind == W_COHORT)
				snprintf(d[n].name, sizeof(d[n].name),
				    "COVID-cohort %s", eorgs[o].sites[0]);
			else
				snprintf(d[n].name, sizeof(d[n].name),
				    "%s %s", ward_kind_name[d[n].kind],
				    ward_names[next_name++ %
				    NELEM(ward_names)]);
			k = eorgs[o].sites[2] != NULL ? 3 :
			    eorgs[o].sites[1] != NULL ? 2 : 1;
			t = find_town(gooi_towns, NELEM(gooi_towns),
			    eorgs[o].sites[i % (size_t)k]);
			d[n].lat = t->lat + jitter(&r, 0.01);
			d[n].lon = t->lon + jitter(&r, 0.015);
			d[n].volume = d[n].kind == W_COHORT ? 1.7 :
			    d[n].kind == W_PG ? 1.1 : d[n].kind ==
			    W_KLEINSCHALIG ? 0.7 : 1.0;
			d[n].volume *= 0.8 + 0.4 * rng_unit(&r);
		}
	}
	*nd = n;
}

static void
elderly_workers(struct eworker *w, size_t n)
{
	struct rng		 r;
	const struct town	*t;
	double			 roleweights[NEROLES] = { 20, 50, 32, 18 };
	size_t			 i;
	int			 x;

	rng_seed(&r, 7, "elderly-workers");
	for (i = 0; i < n; i++) {
		snprintf(w[i].id, sizeof(w[i].id), "FW%04zu", i + 1);
		person_name(&r, 1, w[i].name, sizeof(w[i].name));
		w[i].role = (int)rng_pick(&r, roleweights, NEROLES);
		w[i].org = rng_chance(&r, 0.3) ? -1 :
		    (int)rng_below(&r, NELEM(eorgs));
		x = (int)rng_below(&r, 100);
		w[i].nights = x < 9 ? "only" : x < 15 ? "prefer" :
		    x < 32 ? "avoid" : x < 42 ? "never" : "any";
		w[i].covid = w[i].role != R_HELPENDE && rng_chance(&r, 0.3);
		w[i].dedicated = w[i].covid && rng_chance(&r, 0.45);
		w[i].pg = w[i].role != R_HELPENDE && rng_chance(&r, 0.4);
		w[i].night_exempt = strcmp(w[i].nights, "only") != 0 &&
		    rng_chance(&r, 0.04);
		w[i].gives_availability = rng_chance(&r, 0.5);
		/* Flex hours next to a job: scarce at the winter peak. */
		w[i].contract = 8 + 4 * (int)rng_below(&r, 6);
		w[i].max_week = w[i].contract + 4 * (int)rng_below(&r, 2);
		w[i].max_km = 15 + 5 * (int)rng_below(&r, 6);
		t = &gooi_towns[rng_below(&r, NELEM(gooi_towns))];
		w[i].town = t->name;
		w[i].lat = t->lat + jitter(&r, 0.02);
		w[i].lon = t->lon + jitter(&r, 0.03);
	}
}

static int
elderly_shifts(struct eshift *s, const struct dept *d, size_t nd)
{
	struct rng	 r;
	double		*cell;
	double		 kw[NSKINDS], rw[NEROLES];
	size_t		 c, ncell = nd * E_DAYS;
	int		 i, seq[NELEM(eorgs)] = { 0 };

	rng_seed(&r, 7, "elderly-shifts");
	cell = xcalloc(ncell, sizeof(*cell));
	for (c = 0; c < ncell; c++)
		cell[c] = d[c / E_DAYS].volume *
		    e_week_factor[(c % E_DAYS) / 7] *
		    (pool_wday((int)(c % E_DAYS)) >= 5 ? 1.15 : 1.0);
	for (i = 0; i < E_SHIFTS; i++) {
		c = rng_pick(&r, cell, ncell);
		s[i].dept = (int)(c / E_DAYS);
		s[i].day = (int)(c % E_DAYS);
		kw[S_VROEG] = 40; kw[S_LAAT] = 32; kw[S_NACHT] = 16;
		kw[S_KORT] = 7; kw[S_AVOND] = 5;
		s[i].kind = (int)rng_pick(&r, kw, NSKINDS);
		rw[R_HELPENDE] = 22; rw[R_VIG] = 45; rw[R_MBOV] = 22;
		rw[R_HBOV] = 11;
		if (s[i].kind == S_NACHT || d[s[i].dept].kind == W_COHORT) {
			rw[R_HELPENDE] = 0; rw[R_VIG] = 48; rw[R_MBOV] = 37;
			rw[R_HBOV] = 15;
		}
		s[i].role = (int)rng_pick(&r, rw, NEROLES);
		s[i].prio = d[s[i].dept].kind == W_COHORT ||
		    s[i].kind == S_NACHT ? 2 : 3;
		if (rng_chance(&r, 0.05))
			s[i].prio = 1;
		else if (rng_chance(&r, 0.1))
			s[i].prio = 4;
		s[i].need_pg = d[s[i].dept].kind == W_PG &&
		    s[i].role != R_HELPENDE && rng_chance(&r, 0.35);
		s[i].note = rng_chance(&r, 0.04) ?
		    e_notes[rng_below(&r, NELEM(e_notes))] : NULL;
	}
	free(cell);
	qsort(s, E_SHIFTS, sizeof(*s), eshift_cmp);
	for (i = 0; i < E_SHIFTS; i++) {
		const struct eorg *o = &eorgs[d[s[i].dept].org];

		snprintf(s[i].id, sizeof(s[i].id), "%s-%05d", o->code,
		    ++seq[d[s[i].dept].org]);
	}
	return E_SHIFTS;
}

static int
role_covers(int have, int want)
{
	return have >= want;
}

static void
elderly_write_shifts(const char *dir, const struct eshift *s, int ns,
    const struct dept *d)
{
	struct out	 o;
	char		 date[16], t1[8], t2[8], buf[64];
	int		 i;

	out_open(&o, dir, "diensten.csv", 0, 0);
	out_write(&o, "\xef\xbb\xbf", 3);	/* Excel's "CSV UTF-8" */
	out_printf(&o, "Dienstcode;Organisatie;Afdelingscode;Afdeling;"
	    "Functie;Datum;Dienst;Begintijd;Eindtijd;Pauze (min);"
	    "Deskundigheid;Kenmerk;Urgentie;Breedtegraad;Lengtegraad;"
	    "Opmerking\n");
	for (i = 0; i < ns; i++) {
		const struct dept *dp = &d[s[i].dept];
		static const char *const prio[] = {
			"", "Spoed", "Hoog", "Normaal", "Laag", "Laag"
		};

		out_csvfield(&o, s[i].id, 0);
		out_csvfield(&o, eorgs[dp->org].name, 0);
		out_csvfield(&o, dp->code, 0);
		out_csvfield(&o, dp->name, 0);
		out_csvfield(&o, erole_export[s[i].role], 0);
		out_csvfield(&o, dutch_date(s[i].day, date), 0);
		out_csvfield(&o, skinds[s[i].kind].name, 0);
		out_csvfield(&o, hhmm(skinds[s[i].kind].start, t1), 0);
		out_csvfield(&o, hhmm(skinds[s[i].kind].end, t2), 0);
		snprintf(buf, sizeof(buf), "%d", skinds[s[i].kind].pause);
		out_csvfield(&o, buf, 0);
		out_csvfield(&o, dp->kind == W_COHORT ? "covid" :
		    s[i].need_pg ? "pg" : "", 0);
		out_csvfield(&o, dp->kind == W_COHORT ? "covid" : "", 0);
		out_csvfield(&o, prio[s[i].prio], 0);
		snprintf(buf, sizeof(buf), "%.4f", dp->lat);
		out_csvfield(&o, buf, 0);
		snprintf(buf, sizeof(buf), "%.4f", dp->lon);
		out_csvfield(&o, buf, 0);
		out_csvfield(&o, s[i].note != NULL ? s[i].note : "", 1);
		/*
		 * Two rows as planners really send them: a date that does
		 * not exist and a function the pool does not know.  They
		 * must end up in pool-ingest's rejects, not in the records.
		 */
		if (i == 1200)
			out_printf(&o, "HZ-99001;Stichting Heidezicht;HZ-03;"
			    "%s;Verzorgende IG;31-11-2026;Vroeg;07:00;15:00;"
			    "30;;;Normaal;%.4f;%.4f;\n", d[2].name, d[2].lat,
			    d[2].lon);
		if (i == 2400)
			out_printf(&o, "VS-99002;Vechtstede Zorg;VS-02;%s;"
			    "Stagiair;05-01-2027;Laat;15:00;23:00;30;;;"
			    "Normaal;%.4f;%.4f;Stageplek\n", d[11].name,
			    d[11].lat, d[11].lon);
	}
	out_close(&o);
}

/* The app's wording of the night preference. */
static const char *
nights_export(const char *nights)
{
	static const char *const tab[][2] = {
		{ "any", "geen voorkeur" }, { "prefer", "graag" },
		{ "avoid", "liever niet" }, { "never", "nooit" },
		{ "only", "alleen nachten" },
	};
	size_t	i;

	for (i = 0; i < NELEM(tab); i++)
		if (strcmp(tab[i][0], nights) == 0)
			return tab[i][1];
	die("nights '%s'", nights);
	return NULL;
}

static void
elderly_write_workers(const char *dir, const struct eworker *w, size_t n)
{
	struct out	 o;
	size_t		 i;

	out_open(&o, dir, "medewerkers.json", 0, 0);
	out_printf(&o, "[\n");
	for (i = 0; i < n; i++) {
		out_printf(&o, "  {\"personeelsnummer\": ");
		out_jstr(&o, w[i].id);
		out_printf(&o, ", \"naam\": ");
		out_jstr(&o, w[i].name);
		out_printf(&o, ", \"functie\": ");
		out_jstr(&o, erole_export[w[i].role]);
		out_printf(&o, ", \"werkgever\": ");
		if (w[i].org < 0)
			out_printf(&o, "null");
		else
			out_jstr(&o, eorgs[w[i].org].id);
		out_printf(&o, ", \"deskundigheden\": [");
		out_printf(&o, "%s", w[i].covid ? "\"covid\"" : "");
		out_printf(&o, "%s", w[i].pg ? (w[i].covid ? ", \"pg\"" :
		    "\"pg\"") : "");
		out_printf(&o, "], \"uitsluitendInzetbaarOp\": [%s]",
		    w[i].dedicated ? "\"covid\"" : "");
		out_printf(&o, ", \"nachtdiensten\": \"%s\"",
		    nights_export(w[i].nights));
		out_printf(&o, ", \"nachtvrijstelling\": %s",
		    w[i].night_exempt ? "true" : "false");
		out_printf(&o, ", \"woonplaats\": ");
		out_jstr(&o, w[i].town);
		out_printf(&o, ", \"lat\": %.4f, \"lon\": %.4f", w[i].lat,
		    w[i].lon);
		out_printf(&o, ", \"maxReisafstandKm\": %d, \"contracturen\": "
		    "%d, \"maxUrenPerWeek\": %d}%s\n", w[i].max_km,
		    w[i].contract, w[i].max_week, i + 1 < n ? "," : "");
	}
	out_printf(&o, "]\n");
	out_close(&o);
}

/*
 * Availability as the planning app exports it: Windows-1252 with CRLF,
 * one row per worker and day.  Night windows end the next morning.
 */
static void
elderly_write_availability(const char *dir, const struct eworker *w,
    size_t n)
{
	static const int win[][2] = {
		{ 6 * 60 + 30, 23 * 60 + 30 },	/* the whole day */
		{ 6 * 60 + 30, 15 * 60 + 30 },	/* early */
		{ 14 * 60 + 30, 23 * 60 + 30 },	/* late */
		{ 22 * 60 + 30, 7 * 60 + 30 },	/* night */
	};
	struct out	 o;
	struct rng	 r;
	char		 date[16], t1[8], t2[8];
	size_t		 i;
	int		 wk, day, k, ndays;

	rng_seed(&r, 7, "elderly-availability");
	out_open(&o, dir, "beschikbaarheid.csv", 1, 1);
	out_printf(&o, "Personeelsnummer;Naam;Datum;Van;Tot\n");
	for (i = 0; i < n; i++) {
		if (!w[i].gives_availability)
			continue;
		for (wk = 0; wk < E_WEEKS; wk++) {
			ndays = 2 + (int)rng_below(&r, 4);
			for (day = 0; day < 7; day++) {
				if (rng_below(&r, 7) >= (unsigned)ndays)
					continue;
				if (strcmp(w[i].nights, "only") == 0)
					k = 3;
				else if (strcmp(w[i].nights, "prefer") == 0 ||
				    strcmp(w[i].nights, "any") == 0)
					k = (int)rng_below(&r, 4);
				else
					k = (int)rng_below(&r, 3);
				out_csvfield(&o, w[i].id, 0);
				out_csvfield(&o, w[i].name, 0);
				out_csvfield(&o, dutch_date(wk * 7 + day, date),
				    0);
				out_csvfield(&o, hhmm(win[k][0], t1), 0);
				out_csvfield(&o, hhmm(win[k][1], t2), 1);
			}
		}
	}
	out_close(&o);
}

/*
 * Absences, kept by hand by the coordinator in YAML: whole days, from
 * and to inclusive.  Never a reason.
 */
static void
elderly_write_absences(const char *dir, const struct eworker *w, size_t n)
{
	struct out	 o;
	struct rng	 r;
	char		 d1[16], d2[16];
	int		 i, k, from, len;

	rng_seed(&r, 7, "elderly-absences");
	out_open(&o, dir, "afwezigheid.yaml", 0, 0);
	out_printf(&o, "# Afwezigheid van flexmedewerkers, bijgehouden door "
	    "de poolcoördinator.\n"
	    "# Alleen van en tot (tot 24:00 is tot en met die dag); nooit "
	    "een reden vermelden.\n");
	for (i = 0; i < 28; i++) {
		k = (int)rng_below(&r, (uint32_t)n);
		from = (int)rng_below(&r, E_DAYS - 3);
		len = rng_chance(&r, 0.3) ? 1 : 3 + (int)rng_below(&r, 9);
		if (from + len > E_DAYS)
			len = E_DAYS - from;
		out_printf(&o, "- medewerker: %s\n  naam: %s\n  van: %s 00:00\n"
		    "  tot: %s 24:00\n", w[k].id, w[k].name,
		    dutch_date(from, d1), dutch_date(from + len - 1, d2));
	}
	out_close(&o);
}

static int
can_take(const struct eworker *w, const struct eshift *s,
    const struct dept *d)
{
	if (!role_covers(w->role, s->role))
		return 0;
	if (w->dedicated && d[s->dept].kind != W_COHORT)
		return 0;
	if (d[s->dept].kind == W_COHORT && !w->covid)
		return 0;
	if (s->need_pg && !w->pg)
		return 0;
	if (s->kind == S_NACHT && (strcmp(w->nights, "never") == 0 ||
	    w->night_exempt))
		return 0;
	if (s->kind != S_NACHT && strcmp(w->nights, "only") == 0)
		return 0;
	return 1;
}

/* Signups: workers volunteering for open shifts in the app. */
static void
elderly_write_signups(const char *dir, const struct eworker *w, size_t n,
    const struct eshift *s, int ns, const struct dept *d)
{
	struct out	 o;
	struct rng	 r;
	char		 date[16], t[8];
	int		 i, tries, k, signed_up, when;
	size_t		 j;

	rng_seed(&r, 7, "elderly-signups");
	out_open(&o, dir, "aanmeldingen.csv", 0, 0);
	out_printf(&o, "Personeelsnummer;Dienstcode;Aangemeld op\n");
	for (i = 0; i < ns; i++) {
		if (!rng_chance(&r, 0.12))
			continue;
		signed_up = 1 + (int)rng_below(&r, 2);
		for (tries = 0; tries < 40 && signed_up > 0; tries++) {
			j = rng_below(&r, (uint32_t)n);
			if (!can_take(&w[j], &s[i], d) ||
			    km_between(w[j].lat, w[j].lon, d[s[i].dept].lat,
			    d[s[i].dept].lon) > w[j].max_km)
				continue;
			signed_up--;
			/* A few days before the shift, during the day. */
			k = s[i].day - 1 - (int)rng_below(&r, 10);
			when = 8 * 60 + (int)rng_below(&r, 13 * 60);
			out_printf(&o, "%s;%s;%s %s\n", w[j].id, s[i].id,
			    dutch_date(k, date), hhmm(when, t));
		}
	}
	out_close(&o);
}

/* Contacts with the organisations: the planners' meetings. */
static void
elderly_write_contacts(const char *dir)
{
	static const char *const coord[] = {
		"Marloes Verbeek", "Sandra Kuipers", "Jeroen Blom"
	};
	struct out	 o;
	struct rng	 r;
	char		 date[16];
	size_t		 i;
	int		 day;

	rng_seed(&r, 7, "elderly-contacts");
	out_open(&o, dir, "overleggen.csv", 0, 0);
	out_printf(&o, "Organisatie;Datum;Niveau;Met;Notitie\n");
	/* The twelve weeks before the planning quarter. */
	for (day = -84; day < 0; day += 7) {
		for (i = 0; i < NELEM(eorgs); i++) {
			/* Weekly planner meeting, some skipped. */
			if (rng_chance(&r, 0.85))
				out_printf(&o, "%s;%s;Operationeel;"
				    "Planner %s;Weekoverleg planning\n",
				    eorgs[i].name, dutch_date(day + 1, date),
				    eorgs[i].code);
			/* Every two weeks the managers. */
			if (((day + 84) / 7) % 2 == 0 && rng_chance(&r, 0.8))
				out_printf(&o, "%s;%s;Tactisch;"
				    "Manager zorg;Inzet en knelpunten\n",
				    eorgs[i].name, dutch_date(day + 3, date));
		}
		if (((day + 84) / 7) % 6 == 0) {
			/* Separate statements: argument order is unspecified. */
			i = rng_below(&r, NELEM(eorgs));
			out_printf(&o, "%s;%s;Strategisch;", eorgs[i].name,
			    dutch_date(day + 2, date));
			out_printf(&o, "%s;Stuurgroep capaciteitscentrum\n",
			    coord[rng_below(&r, NELEM(coord))]);
		}
	}
	out_close(&o);
}

static void
sample_elderly(const char *dir)
{
	struct dept	 depts[64];
	struct eworker	*w;
	struct eshift	*s;
	size_t		 nd;
	int		 ns;

	elderly_depts(depts, &nd);
	if (nd != 55)
		die("elderly: %zu departments, want 55", nd);
	w = xcalloc(E_WORKERS, sizeof(*w));
	elderly_workers(w, E_WORKERS);
	s = xcalloc(E_SHIFTS, sizeof(*s));
	ns = elderly_shifts(s, depts, nd);
	elderly_write_shifts(dir, s, ns, depts);
	elderly_write_workers(dir, w, E_WORKERS);
	elderly_write_availability(dir, w, E_WORKERS);
	elderly_write_absences(dir, w, E_WORKERS);
	elderly_write_signups(dir, w, E_WORKERS, s, ns, depts);
	elderly_write_contacts(dir);
	free(w);
	free(s);
}

/** The GP care-group pool: three care groups on the South Holland islands. */

struct cgroup {
	const char		*id;
	const char		*name;
	const char		*region;
	int			 npractices;
	const struct town	*towns;
	size_t			 ntowns;
};

static const struct town go_towns[] = {
	{ "Middelharnis", 51.7570, 4.1660 },
	{ "Sommelsdijk", 51.7570, 4.1480 },
	{ "Dirksland", 51.7490, 4.1000 },
	{ "Oude-Tonge", 51.6920, 4.2130 },
	{ "Ouddorp", 51.8110, 3.9340 },
	{ "Goedereede", 51.8170, 3.9800 },
	{ "Stellendam", 51.8030, 4.0350 },
	{ "Den Bommel", 51.7130, 4.2840 },
	{ "Ooltgensplaat", 51.6830, 4.3460 },
	{ "Nieuwe-Tonge", 51.7100, 4.1610 },
	{ "Herkingen", 51.7080, 4.0880 },
	{ "Melissant", 51.7700, 4.0720 },
};

static const struct town vp_towns[] = {
	{ "Spijkenisse", 51.8450, 4.3290 },
	{ "Hellevoetsluis", 51.8330, 4.1330 },
	{ "Brielle", 51.9020, 4.1620 },
	{ "Rockanje", 51.8720, 4.0710 },
	{ "Oostvoorne", 51.9120, 4.0990 },
	{ "Zuidland", 51.8200, 4.2600 },
	{ "Geervliet", 51.8620, 4.2620 },
	{ "Heenvliet", 51.8640, 4.2370 },
	{ "Zwartewaal", 51.8760, 4.2170 },
	{ "Hekelingen", 51.8270, 4.3400 },
	{ "Nieuwenhoorn", 51.8530, 4.1470 },
	{ "Abbenbroek", 51.8520, 4.2410 },
};

static const struct town hw_towns[] = {
	{ "Oud-Beijerland", 51.8240, 4.4120 },
	{ "'s-Gravendeel", 51.7780, 4.6170 },
	{ "Puttershoek", 51.8020, 4.5660 },
	{ "Maasdam", 51.7880, 4.5570 },
	{ "Numansdorp", 51.7320, 4.4370 },
	{ "Strijen", 51.7450, 4.5500 },
	{ "Klaaswaal", 51.7710, 4.4440 },
	{ "Mijnsheerenland", 51.7980, 4.4880 },
	{ "Westmaas", 51.7860, 4.4720 },
	{ "Heinenoord", 51.8260, 4.4970 },
	{ "Zuid-Beijerland", 51.7500, 4.3700 },
	{ "Goudswaard", 51.7950, 4.2780 },
};

static const struct cgroup cgroups[] = {
	{ "deltaweide", "Zorggroep Deltaweide Huisartsen",
	    "Goeree-Overflakkee", 30, go_towns, NELEM(go_towns) },
	{ "bernisse", "Huisartsenkring Bernisse-Putten",
	    "Voorne-Putten", 68, vp_towns, NELEM(vp_towns) },
	{ "waardse", "Waardse Huisartsen Coöperatie",
	    "Hoeksche Waard", 50, hw_towns, NELEM(hw_towns) },
};

enum { HIS_MEDICOM, HIS_CGM, HIS_MICROHIS, HIS_BRICKS, HIS_SANDAY, HIS_HIX,
	NHIS };

/* As people write them in the sheets and forms. */
static const char *const his_export[NHIS] = {
	"Medicom", "CGM Huisarts", "MicroHIS", "Bricks Huisarts", "Sanday",
	"HiX"
};

static const char *const practice_words[] = {
	"De Kreek", "Havenzicht", "Het Haringvliet", "De Dijk", "Molenweg",
	"De Polder", "Zeedijk", "Het Spui", "De Vliet", "Kerkstraat",
	"De Bernisse", "Het Hof", "De Schans", "Voorstraat", "Het Kanaal",
	"De Linie", "Oosthaven", "Westhaven", "De Kaai", "Het Duin",
	"De Vesting", "Ring", "Dorpsstraat", "De Zoom", "Het Veer",
};

static const char *const practice_kinds[] = {
	"Huisartsenpraktijk", "Huisartsenpraktijk", "Huisartsenpraktijk",
	"Gezondheidscentrum", "Huisartsen", "Medisch Centrum",
};

struct practice {
	char		 code[32];
	char		 name[80];
	int		 group;
	const char	*town;
	double		 lat, lon;
	int		 his;
};

enum { G_DA, G_TRIAGE, G_POHS, G_POHGGZ, NGROLES };

static const char *const grole_export[NGROLES] = {
	"Doktersassistent", "Triagist", "POH-S", "POH-GGZ"
};

#define G_WORKERS	64

struct gworker {
	char		 id[32];
	char		 name[64];
	int		 role;
	int		 group;		/* -1: employed by the pool */
	int		 his[NHIS];
	int		 zorgdomein;
	const char	*town;
	double		 lat, lon;
	int		 max_km, hours;
	double		 rate;
};

static size_t
gp_practices(struct practice *p)
{
	struct rng		 r;
	const struct town	*t;
	double			 hisw[NHIS] = { 35, 20, 15, 10, 12, 8 };
	size_t			 n = 0, g, i;

	rng_seed(&r, 7, "gp-practices");
	for (g = 0; g < NELEM(cgroups); g++) {
		for (i = 0; i < (size_t)cgroups[g].npractices; i++, n++) {
			t = &cgroups[g].towns[i % cgroups[g].ntowns];
			snprintf(p[n].code, sizeof(p[n].code), "%c%c%03zu",
			    cgroups[g].region[0], cgroups[g].region[
			    strcspn(cgroups[g].region, "- ") + 1], i + 1);
			snprintf(p[n].name, sizeof(p[n].name), "%s %s",
			    practice_kinds[rng_below(&r,
			    NELEM(practice_kinds))],
			    i < cgroups[g].ntowns ? t->name :
			    practice_words[(i * 7 + g * 3) %
			    NELEM(practice_words)]);
			/* Two practices of a kind in one town: add the town. */
			if (i >= cgroups[g].ntowns) {
				size_t l = strlen(p[n].name);

				snprintf(p[n].name + l, sizeof(p[n].name) - l,
				    " %s", t->name);
			}
			p[n].group = (int)g;
			p[n].town = t->name;
			p[n].lat = t->lat + jitter(&r, 0.012);
			p[n].lon = t->lon + jitter(&r, 0.018);
			p[n].his = (int)rng_pick(&r, hisw, NHIS);
		}
	}
	return n;
}

static void
gp_workers(struct gworker *w, size_t n)
{
	struct rng		 r;
	const struct cgroup	*g;
	const struct town	*t;
	double			 rolew[NGROLES] = { 28, 12, 13, 11 };
	double			 hisw[NHIS] = { 35, 20, 15, 10, 12, 8 };
	size_t			 i;
	int			 k, m;

	rng_seed(&r, 7, "gp-workers");
	for (i = 0; i < n; i++) {
		snprintf(w[i].id, sizeof(w[i].id), "HF%03zu", i + 1);
		person_name(&r, 1, w[i].name, sizeof(w[i].name));
		w[i].role = (int)rng_pick(&r, rolew, NGROLES);
		k = (int)rng_below(&r, NELEM(cgroups));
		g = &cgroups[k];
		w[i].group = rng_chance(&r, 0.6) ? -1 : k;
		t = &g->towns[rng_below(&r, (uint32_t)g->ntowns)];
		w[i].town = t->name;
		w[i].lat = t->lat + jitter(&r, 0.02);
		w[i].lon = t->lon + jitter(&r, 0.03);
		memset(w[i].his, 0, sizeof(w[i].his));
		m = 1 + (int)rng_below(&r, 3);
		while (m-- > 0)
			w[i].his[rng_pick(&r, hisw, NHIS)] = 1;
		w[i].zorgdomein = rng_chance(&r, 0.6);
		w[i].max_km = 15 + 5 * (int)rng_below(&r, 6);
		w[i].hours = 8 + 4 * (int)rng_below(&r, 5);
		w[i].rate = w[i].role == G_DA ? 29.50 : w[i].role == G_TRIAGE ?
		    32.75 : w[i].role == G_POHS ? 41.00 : 43.50;
	}
}

/*
 * The coordinator's worker sheet, saved from Excel: Windows-1252, CRLF,
 * decimal points as the pool's sheet has them.
 */
static void
gp_write_workers(const char *dir, const struct gworker *w, size_t n)
{
	struct out	 o;
	char		 buf[128];
	size_t		 i, l;
	int		 h;

	out_open(&o, dir, "flexmedewerkers.csv", 1, 1);
	out_printf(&o, "Code;Naam;Telefoon;Functie;Zorggroep;Kennis;"
	    "Woonplaats;Breedtegraad;Lengtegraad;Max reisafstand (km);"
	    "Uren per week;Uurtarief\n");
	for (i = 0; i < n; i++) {
		out_csvfield(&o, w[i].id, 0);
		out_csvfield(&o, w[i].name, 0);
		/* a mobile number from the row, not from the generator's
		 * stream, so that the rest of the sample stays as it was */
		snprintf(buf, sizeof(buf), "06-%08lu",
		    (unsigned long)((i + 1) * 2654435761u % 100000000u));
		out_csvfield(&o, buf, 0);
		out_csvfield(&o, grole_export[w[i].role], 0);
		out_csvfield(&o, w[i].group < 0 ? "" :
		    cgroups[w[i].group].name, 0);
		buf[0] = '\0';
		for (h = 0; h < NHIS; h++) {
			if (!w[i].his[h])
				continue;
			l = strlen(buf);
			snprintf(buf + l, sizeof(buf) - l, "%s%s",
			    l > 0 ? ", " : "", his_export[h]);
		}
		if (w[i].zorgdomein) {
			l = strlen(buf);
			snprintf(buf + l, sizeof(buf) - l, ", ZorgDomein");
		}
		out_csvfield(&o, buf, 0);
		out_csvfield(&o, w[i].town, 0);
		snprintf(buf, sizeof(buf), "%.4f", w[i].lat);
		out_csvfield(&o, buf, 0);
		snprintf(buf, sizeof(buf), "%.4f", w[i].lon);
		out_csvfield(&o, buf, 0);
		snprintf(buf, sizeof(buf), "%d", w[i].max_km);
		out_csvfield(&o, buf, 0);
		snprintf(buf, sizeof(buf), "%d", w[i].hours);
		out_csvfield(&o, buf, 0);
		snprintf(buf, sizeof(buf), "%.2f", w[i].rate);
		out_csvfield(&o, buf, 1);
	}
	out_close(&o);
}

static void
gp_write_practices(const char *dir, const struct practice *p, size_t n)
{
	struct out	 o;
	size_t		 i;

	out_open(&o, dir, "praktijken.csv", 0, 0);
	out_printf(&o, "Praktijkcode;Praktijk;Zorggroep;Plaats;HIS;"
	    "Breedtegraad;Lengtegraad\n");
	for (i = 0; i < n; i++) {
		out_csvfield(&o, p[i].code, 0);
		out_csvfield(&o, p[i].name, 0);
		out_csvfield(&o, cgroups[p[i].group].name, 0);
		out_csvfield(&o, p[i].town, 0);
		out_csvfield(&o, his_export[p[i].his], 0);
		out_printf(&o, "%.4f;%.4f\n", p[i].lat, p[i].lon);
	}
	out_close(&o);
}

#define G_DAYS		5	/* Monday to Friday of week 48 */

static const char *const gp_notes[] = {
	"Balie en telefoon",
	"Telefonische triage ochtend",
	"Spreekuur diabetes; dossiers klaar in HIS",
	"Spreekuur astma/COPD",
	"GGZ-consulten, ruimte 2",
	"Griepvaccinatie; extra handen aan de balie",
	"Assistente afwezig, vervanging nodig",
	"Inwerken niet nodig, protocolmap aanwezig",
};

/*
 * A week of short-notice requests from the practices, as the care
 * groups' request form exports them: received the same morning or the
 * day before, for today or tomorrow.
 */
static void
gp_write_requests(const char *dir, const struct practice *p, size_t np)
{
	static const int part[][2] = {
		{ 8 * 60, 17 * 60 },		/* day */
		{ 8 * 60, 12 * 60 + 30 },	/* morning */
		{ 13 * 60, 17 * 60 },		/* afternoon */
		{ 8 * 60, 12 * 60 },		/* triage morning */
	};
	struct out	 o;
	struct rng	 r;
	double		 rolew[NGROLES] = { 50, 18, 18, 14 };
	char		 rdate[32], date[16], t1[8], t2[8], tr[8], id[32];
	int		 day, i, nreq, k, role, received, rday, seq = 0;
	size_t		 j;

	rng_seed(&r, 7, "gp-requests");
	out_open(&o, dir, "hulpvragen-week48.csv", 0, 0);
	out_printf(&o, "Aanvraagnr;Ontvangen;Zorggroep;Praktijkcode;Praktijk;"
	    "Plaats;Functie;HIS;Datum;Van;Tot;Spoed;Breedtegraad;"
	    "Lengtegraad;Toelichting\n");
	for (day = 0; day < G_DAYS; day++) {
		/* Monday is the worst: weekend sick reports. */
		nreq = (day == 0 ? 22 : 12) + (int)rng_below(&r, 6);
		for (i = 0; i < nreq; i++) {
			j = rng_below(&r, (uint32_t)np);
			role = (int)rng_pick(&r, rolew, NGROLES);
			k = role == G_TRIAGE ? 3 : (int)rng_below(&r, 3);
			/* Today (received early) or tomorrow. */
			if (rng_chance(&r, 0.55)) {
				rday = day;
				received = 7 * 60 + 15 +
				    (int)rng_below(&r, 60);
			} else {
				rday = day - 1;
				if (day == 0)
					rday = -3;	/* Friday before */
				received = 12 * 60 + (int)rng_below(&r,
				    5 * 60);
			}
			snprintf(id, sizeof(id), "HV-2026-%04d", 1201 + seq++);
			out_csvfield(&o, id, 0);
			snprintf(rdate, sizeof(rdate), "%s %s",
			    dutch_date(rday, date), hhmm(received, tr));
			out_csvfield(&o, rdate, 0);
			out_csvfield(&o, cgroups[p[j].group].name, 0);
			out_csvfield(&o, p[j].code, 0);
			out_csvfield(&o, p[j].name, 0);
			out_csvfield(&o, p[j].town, 0);
			out_csvfield(&o, grole_export[role], 0);
			out_csvfield(&o, his_export[p[j].his], 0);
			out_csvfield(&o, dutch_date(day, date), 0);
			out_csvfield(&o, hhmm(part[k][0], t1), 0);
			out_csvfield(&o, hhmm(part[k][1], t2), 0);
			out_csvfield(&o, rday == day ? "ja" : "nee", 0);
			out_printf(&o, "%.4f;%.4f;", p[j].lat, p[j].lon);
			out_csvfield(&o, rng_chance(&r, 0.3) ?
			    gp_notes[role == G_TRIAGE ? 1 : role == G_POHS ?
			    2 + rng_below(&r, 2) : role == G_POHGGZ ? 4 :
			    (rng_below(&r, 2) ? 0 : 5 + rng_below(&r, 3))] :
			    "", 1);
		}
	}
	out_close(&o);
}

/* The hand-kept YAML list of who can work when this week. */
static void
gp_write_availability(const char *dir, const struct gworker *w, size_t n)
{
	static const int win[][2] = {
		{ 8 * 60, 17 * 60 },
		{ 8 * 60, 12 * 60 + 30 },
		{ 12 * 60 + 30, 17 * 60 + 30 },
	};
	struct out	 o;
	struct rng	 r;
	char		 date[16], t1[8], t2[8];
	size_t		 i;
	int		 day, k;

	rng_seed(&r, 7, "gp-availability");
	out_open(&o, dir, "beschikbaarheid-week48.yaml", 0, 0);
	out_printf(&o, "# Beschikbaarheid flexmedewerkers week 48, "
	    "bijgehouden door de poolcoördinator.\n"
	    "# Wie hier niet staat, is niet gebeld; wie hier staat, is "
	    "alleen op deze tijden beschikbaar.\n");
	for (i = 0; i < n; i++) {
		if (rng_chance(&r, 0.25))
			continue;		/* not in the list this week */
		out_printf(&o, "\n# %s\n", w[i].name);
		for (day = 0; day < G_DAYS; day++) {
			if (!rng_chance(&r, 0.55))
				continue;
			k = (int)rng_below(&r, 3);
			out_printf(&o, "- medewerker: %s\n  datum: %s\n"
			    "  van: \"%s\"\n  tot: \"%s\"\n", w[i].id,
			    dutch_date(day, date), hhmm(win[k][0], t1),
			    hhmm(win[k][1], t2));
		}
	}
	out_close(&o);
}

static void
sample_gp(const char *dir)
{
	struct practice	*p;
	struct gworker	*w;
	size_t		 np;

	p = xcalloc(200, sizeof(*p));
	np = gp_practices(p);
	w = xcalloc(G_WORKERS, sizeof(*w));
	gp_workers(w, G_WORKERS);
	gp_write_practices(dir, p, np);
	gp_write_workers(dir, w, G_WORKERS);
	gp_write_requests(dir, p, np);
	gp_write_availability(dir, w, G_WORKERS);
	free(p);
	free(w);
}

/** Benchmark pools. */

struct bench_opts {
	long	workers, shifts, weeks, regions;
	int	csv, assign;
	uint64_t seed;
	const char *dir;
};

struct bworker {
	int	role, org, dedicated, covid, pg;
	double	lat, lon;
	int	km;
	int	nights;
};

static const char *const nights_name[] = {
	"any", "prefer", "avoid", "never", "only"
};

#define B_ORGS_PER_REGION	7

/*
 * One region: its own organisations, workers and shifts, ids prefixed
 * by the region, inside a 30 km square around its centre so that no
 * worker of another region is within travel distance.
 */
static void
bench_region(struct out *o, const struct bench_opts *bo, long reg,
    long nw, long nsh)
{
	struct rng	 r;
	struct bworker	*w;
	char		 rs[48], id[96], t1[32], t2[32], date[16], b1[8], b2[8];
	double		 clat, clon, lat, lon, roleweights[NEROLES] = { 20, 50, 32, 18 };
	double		 kw[NSKINDS] = { 40, 32, 16, 7, 5 };
	double		 rw[NEROLES] = { 22, 45, 22, 11 };
	long		 i, k, days = bo->weeks * 7;
	int		 kind, role, org, day, prio;

	snprintf(rs, sizeof(rs), "bench-region-%ld", reg);
	rng_seed(&r, bo->seed, rs);
	/*
	 * Regions on a grid, 55 km apart: workers live within 15 km of the
	 * centre, shifts lie within 11 km and nobody travels more than
	 * 25 km, so no worker can reach another region's shifts.
	 */
	for (k = 1; k * k < bo->regions; k++)
		continue;
	clat = 50.9 + 0.5 * (double)(reg % k);
	clon = 3.6 + 0.8 * (double)(reg / k);
	if (bo->regions > 1)
		snprintf(rs, sizeof(rs), "r%02ld-", reg + 1);
	else
		rs[0] = '\0';
	if (bo->csv)
		goto shifts;
	for (k = 0; k < B_ORGS_PER_REGION; k++) {
		lat = 150 + 50 * (long)rng_below(&r, 8);	/* weight */
		lon = 40.0 + 0.25 * rng_below(&r, 24);		/* rate */
		out_printf(o, "{\"type\":\"org\",\"id\":\"%so%ld\",\"name\":"
		    "\"Zorgorganisatie %ld-%ld\",\"weight\":%.0f,\"rate\":%.2f,"
		    "\"region\":\"regio-%02ld\"}\n", rs, k + 1, reg + 1, k + 1,
		    lat, lon, reg + 1);
	}
	w = xcalloc((size_t)nw, sizeof(*w));
	for (i = 0; i < nw; i++) {
		w[i].role = (int)rng_pick(&r, roleweights, NEROLES);
		w[i].org = rng_chance(&r, 0.3) ? -1 :
		    (int)rng_below(&r, B_ORGS_PER_REGION);
		k = rng_below(&r, 100);
		w[i].nights = k < 8 ? 4 : k < 14 ? 1 : k < 32 ? 2 :
		    k < 42 ? 3 : 0;
		w[i].covid = w[i].role != R_HELPENDE && rng_chance(&r, 0.3);
		w[i].dedicated = w[i].covid && rng_chance(&r, 0.3);
		w[i].pg = w[i].role != R_HELPENDE && rng_chance(&r, 0.4);
		w[i].lat = clat + jitter(&r, 0.27);
		w[i].lon = clon + jitter(&r, 0.44);
		w[i].km = 10 + 5 * (int)rng_below(&r, 4);
		out_printf(o, "{\"type\":\"worker\",\"id\":\"%sw%06ld\","
		    "\"roles\":[\"%s\"]", rs, i + 1, erole_id[w[i].role]);
		if (w[i].org >= 0)
			out_printf(o, ",\"org\":\"%so%d\"", rs, w[i].org + 1);
		if (w[i].covid || w[i].pg)
			out_printf(o, ",\"skills\":[%s%s%s]",
			    w[i].covid ? "\"covid\"" : "",
			    w[i].covid && w[i].pg ? "," : "",
			    w[i].pg ? "\"pg\"" : "");
		if (w[i].dedicated)
			out_printf(o, ",\"dedicated\":[\"covid\"]");
		out_printf(o, ",\"location\":{\"lat\":%.4f,\"lon\":%.4f},"
		    "\"max_travel_km\":%d,\"contract_hours\":%d,"
		    "\"max_hours_week\":36,\"nights\":\"%s\"}\n", w[i].lat,
		    w[i].lon, w[i].km, 12 + 4 * (int)rng_below(&r, 6),
		    nights_name[w[i].nights]);
	}
	/* A third of the workers give availability: 3 windows a week. */
	for (i = 0; i < nw; i += 3)
		for (day = 0; day < days; day++)
			if (rng_below(&r, 7) < 3) {
				k = w[i].nights == 4 ? 22 * 60 + 30 :
				    6 * 60 + 30;
				out_printf(o, "{\"type\":\"availability\","
				    "\"worker\":\"%sw%06ld\",\"start\":\"%s\","
				    "\"end\":\"%s\"}\n", rs, i + 1,
				    rfc3339(day, (int)k, t1),
				    rfc3339(day, (int)k + 17 * 60, t2));
			}
	/* One absence per 20 workers. */
	for (i = 0; i < nw; i += 20) {
		day = (int)rng_below(&r, (uint32_t)days);
		out_printf(o, "{\"type\":\"absence\",\"worker\":\"%sw%06ld\","
		    "\"start\":\"%s\",\"end\":\"%s\"}\n", rs, i + 1,
		    rfc3339(day, 0, t1), rfc3339(day + 4, 0, t2));
	}
	free(w);
shifts:
	if (bo->csv && (reg == 0 || bo->dir != NULL))
		out_printf(o, "Dienstcode;Organisatie;Afdelingscode;Afdeling;"
		    "Functie;Datum;Dienst;Begintijd;Eindtijd;Pauze (min);"
		    "Deskundigheid;Kenmerk;Urgentie;Breedtegraad;Lengtegraad;"
		    "Opmerking\n");
	for (i = 0; i < nsh; i++) {
		/* Shifts in date order, as the planning systems list them. */
		day = (int)((i * days) / nsh);
		kind = (int)rng_pick(&r, kw, NSKINDS);
		org = (int)rng_below(&r, B_ORGS_PER_REGION);
		k = rng_below(&r, 8);		/* department */
		role = (int)rng_pick(&r, rw, NEROLES);
		prio = k == 0 ? 2 : rng_chance(&r, 0.05) ? 1 : 3;
		lat = clat + jitter(&r, 0.2);
		lon = clon + jitter(&r, 0.3);
		snprintf(id, sizeof(id), "%ss%07ld", rs, i + 1);
		if (bo->csv) {
			static const char *const orgname[] = {
				"Stichting Heidezicht", "Vechtstede Zorg",
				"Eemhorst Ouderenzorg", "Zorggroep Larenhof",
				"Gooierhof Zorg", "Zorgkring Baarnwoude",
				"Stichting Het Bussemhuis"
			};

			out_printf(o, "%s;%s;%s-%02ld;Afdeling %ld;%s;%s;%s;"
			    "%s;%s;%d;%s;%s;%s;%.4f;%.4f;\n", id,
			    orgname[org], eorgs[org].code, k + 1, k + 1,
			    erole_export[role], dutch_date(day, date),
			    skinds[kind].name, hhmm(skinds[kind].start, b1),
			    hhmm(skinds[kind].end, b2), skinds[kind].pause,
			    k == 0 ? "covid" : "", k == 0 ? "covid" : "",
			    prio == 1 ? "Spoed" : prio == 2 ? "Hoog" :
			    "Normaal", lat, lon);
			continue;
		}
		out_printf(o, "{\"type\":\"shift\",\"id\":\"%s\",\"org\":"
		    "\"%so%d\",\"role\":\"%s\",\"unit\":\"%so%d-u%ld\","
		    "\"start\":\"%s\",\"end\":\"%s\"", id, rs, org + 1,
		    erole_id[role], rs, org + 1, k + 1,
		    rfc3339(day, skinds[kind].start, t1),
		    rfc3339(day, skinds[kind].start +
		    ((skinds[kind].end - skinds[kind].start + 1440) % 1440),
		    t2));
		if (k == 0)
			out_printf(o, ",\"skills\":[\"covid\"],\"tags\":"
			    "[\"covid\"]");
		out_printf(o, ",\"priority\":%d,\"location\":{\"lat\":%.4f,"
		    "\"lon\":%.4f},\"break_minutes\":%d}\n", prio, lat, lon,
		    skinds[kind].pause);
	}
	if (bo->csv)
		return;
	/* Signups: 3% of shifts; assignments with -a: 80% of shifts. */
	for (i = 0; i < nsh; i++) {
		if (rng_chance(&r, 0.03))
			out_printf(o, "{\"type\":\"signup\",\"worker\":"
			    "\"%sw%06u\",\"shift\":\"%ss%07ld\"}\n", rs,
			    rng_below(&r, (uint32_t)nw) + 1, rs, i + 1);
		if (bo->assign && rng_chance(&r, 0.8))
			out_printf(o, "{\"type\":\"assignment\",\"shift\":"
			    "\"%ss%07ld\",\"worker\":\"%sw%06u\",\"status\":"
			    "\"proposed\"}\n", rs, i + 1, rs,
			    rng_below(&r, (uint32_t)nw) + 1);
	}
}

static void
bench(const struct bench_opts *bo)
{
	struct out	 o;
	char		 name[64];
	long		 reg, nw, nsh;

	if (bo->dir == NULL)
		out_stdout(&o);
	for (reg = 0; reg < bo->regions; reg++) {
		/* Spread the remainder over the first regions. */
		nw = bo->workers / bo->regions +
		    (reg < bo->workers % bo->regions);
		nsh = bo->shifts / bo->regions +
		    (reg < bo->shifts % bo->regions);
		if (bo->dir != NULL) {
			snprintf(name, sizeof(name), "region-%02ld.%s",
			    reg + 1, bo->csv ? "csv" : "ndjson");
			out_open(&o, bo->dir, name, 0, 0);
		}
		bench_region(&o, bo, reg, nw, nsh);
		if (bo->dir != NULL)
			out_close(&o);
	}
	if (bo->dir == NULL)
		out_close(&o);
}

static long
number(const char *opt, const char *s, long min, long max)
{
	char	*end;
	long	 v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < min || v > max)
		die("-%s: '%s' is not a number from %ld to %ld", opt, s, min,
		    max);
	return v;
}

/** History: two years of past shifts and memberships (the outlook). */

/*
 * The weekly hours per role follow histgen.h: the level of the sample's
 * weeks, a little growth, the winter (flu) peak, a summer dip, and the
 * Christmas weeks busier still (the regular staff's holidays); 8-hour
 * shifts are spread over the days and organisations.  Memberships: the
 * flex workers who left the pool in those two years, at a leaving rate
 * per role, with the day they joined and the day they left.
 */
#define H_WEEKS		104

/* Mean hours per week of the sample's 13 weeks, per role. */
static const double h_level[NEROLES] = { 340, 940, 485, 250 };
/* Leaving rate per year, per role (of about E_WORKERS in the pool). */
static const double h_leave[NEROLES] = { 0.30, 0.18, 0.15, 0.12 };

/* "2025-07-14T07:00:00+02:00" for the day number z (days since
 * 1970-01-01) at local hour hh: summer time from the last Sunday of
 * March to the last Sunday of October. */
static const char *
h_time(int64_t z, int hh, char buf[32])
{
	int	 y, m, d, off = 1;
	int64_t	 a, b;

	civil_from_days(z, &y, &m, &d);
	a = days_from_civil(y, 3, 31);
	a -= (a + 3) % 7;	/* last Sunday of March (1970-01-01: Thu) */
	b = days_from_civil(y, 10, 31);
	b -= (b + 3) % 7;
	if (z >= a && z < b)
		off = 2;
	snprintf(buf, 32, "%04d-%02d-%02dT%02d:00:00+%02d:00", y, m, d, hh,
	    off);
	return buf;
}

static void
history_elderly(uint64_t seed)
{
	struct out	 o;
	struct rng	 r;
	uint64_t	 hs = seed;
	int64_t		 day0 = days_from_civil(START_Y, START_M, START_D);
	int64_t		 mon0 = day0 - 7 * H_WEEKS;
	struct histgen	 g[NEROLES];
	char		 b1[32], b2[32], name[64];
	long		 seq = 0, nleft = 0;
	int		 role, wk, k, y, m, d;

	out_stdout(&o);
	rng_seed(&r, seed, "elderly-history");
	for (role = 0; role < NEROLES; role++) {
		hg_draw(&g[role], &hs, 0, 0);
		g[role].growth = 0.02 + 0.04 * hg_unif(&hs);
		g[role].base = h_level[role] / (1 + 2 * g[role].growth);
		g[role].winter = 0.10;
		g[role].peak = 1;
		g[role].xmas = -0.12;
		g[role].noise = 0.04;
	}
	for (wk = 0; wk < H_WEEKS; wk++) {
		int64_t	 mon = mon0 + 7 * wk;

		for (role = 0; role < NEROLES; role++) {
			double	 h = hg_week(&g[role], mon, wk / 52.18, &hs);
			int	 n = (int)(h / 7.5 + 0.5);

			for (k = 0; k < n; k++) {
				int64_t	 day = mon + rng_below(&r, 7);
				int	 org = (int)rng_below(&r, NELEM(eorgs));
				int	 late = rng_chance(&r, 0.4);

				out_printf(&o, "{\"type\":\"shift\",\"id\":"
				    "\"H-%s-%06ld\",\"org\":\"%s\",\"role\":"
				    "\"%s\",\"start\":\"%s\",", eorgs[org].code,
				    ++seq, eorgs[org].id, erole_id[role],
				    h_time(day, late ? 15 : 7, b1));
				out_printf(&o, "\"end\":\"%s\","
				    "\"break_minutes\":30}\n",
				    h_time(day, late ? 23 : 15, b2));
			}
		}
	}
	/* Those who left: per role about rate x (pool share) x 2 years. */
	for (role = 0; role < NEROLES; role++) {
		static const double share[NEROLES] = { 20, 50, 32, 18 };
		int	 n = (int)(h_leave[role] * 2 * E_WORKERS * share[role] /
		    120.0 + 0.5);

		for (k = 0; k < n; k++) {
			int64_t	 until = mon0 + rng_below(&r, 7 * H_WEEKS);
			int64_t	 from = until - 60 - rng_below(&r, 5 * 365);

			person_name(&r, 0, name, sizeof(name));
			out_printf(&o, "{\"type\":\"worker\",\"id\":\"FX%04ld\","
			    "\"name\":", ++nleft);
			out_jstr(&o, name);
			civil_from_days(from, &y, &m, &d);
			out_printf(&o, ",\"roles\":[\"%s\"],\"contract_hours\":"
			    "%d,\"valid_from\":\"%04d-%02d-%02d\"",
			    erole_id[role], 8 + 4 * (int)rng_below(&r, 6), y,
			    m, d);
			civil_from_days(until, &y, &m, &d);
			out_printf(&o, ",\"valid_until\":\"%04d-%02d-%02d\"}\n",
			    y, m, d);
		}
	}
	out_close(&o);
}

static void __attribute__((noreturn))
usage(FILE *f, int status)
{
	fputs("usage: poolgen sample gp|elderly dir\n"
	    "       poolgen history elderly [-s seed]\n"
	    "       poolgen bench [-a] [-d dir] [-f ndjson|csv] [-n shifts] "
	    "[-r regions]\n"
	    "                     [-s seed] [-W weeks] [-w workers]\n", f);
	exit(status);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "assign",	no_argument,		NULL,	'a' },
		{ "dir",	required_argument,	NULL,	'd' },
		{ "format",	required_argument,	NULL,	'f' },
		{ "help",	no_argument,		NULL,	'h' },
		{ "shifts",	required_argument,	NULL,	'n' },
		{ "regions",	required_argument,	NULL,	'r' },
		{ "seed",	required_argument,	NULL,	's' },
		{ "weeks",	required_argument,	NULL,	'W' },
		{ "workers",	required_argument,	NULL,	'w' },
		{ NULL,		0,			NULL,	0 }
	};
	struct bench_opts	bo = { 120, 3500, 13, 1, 0, 0, 7, NULL };
	int			ch;

	while ((ch = getopt_long(argc, argv, "ad:f:hn:r:s:W:w:", longopts,
	    NULL)) != -1)
		switch (ch) {
		case 'a':
			bo.assign = 1;
			break;
		case 'd':
			bo.dir = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "csv") == 0)
				bo.csv = 1;
			else if (strcmp(optarg, "ndjson") != 0)
				die("-f: '%s' is not ndjson or csv", optarg);
			break;
		case 'h':
			usage(stdout, 0);
		case 'n':
			bo.shifts = number("n", optarg, 1, 100000000);
			break;
		case 'r':
			bo.regions = number("r", optarg, 1, 64);
			break;
		case 's':
			bo.seed = (uint64_t)number("s", optarg, 0, 1L << 30);
			break;
		case 'W':
			bo.weeks = number("W", optarg, 1, 13);
			break;
		case 'w':
			bo.workers = number("w", optarg, 1, 10000000);
			break;
		default:
			usage(stderr, 2);
		}
	argc -= optind;
	argv += optind;
	if (argc == 2 && strcmp(argv[0], "bench") == 0)
		usage(stderr, 2);
	if (argc == 1 && strcmp(argv[0], "bench") == 0) {
		if (bo.regions > bo.workers || bo.regions > bo.shifts)
			die("more regions than workers or shifts");
		bench(&bo);
		return 0;
	}
	if (argc == 2 && strcmp(argv[0], "history") == 0 &&
	    strcmp(argv[1], "elderly") == 0) {
		history_elderly(bo.seed);
		return 0;
	}
	if (argc != 3 || strcmp(argv[0], "sample") != 0)
		usage(stderr, 2);
	if (mkdir(argv[2], 0777) == -1 && errno != EEXIST)
		die("cannot create '%s': %s", argv[2], strerror(errno));
	if (strcmp(argv[1], "gp") == 0)
		sample_gp(argv[2]);
	else if (strcmp(argv[1], "elderly") == 0)
		sample_elderly(argv[2]);
	else
		usage(stderr, 2);
	return 0;
}
