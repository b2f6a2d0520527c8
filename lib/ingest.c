/*
 * Ingest: read exports in several formats, turn each row into a JSON
 * record through a mapping, validate it (pool_record_from_json plus the
 * config's organisations and roles), merge or reject duplicates, check
 * references, and write records and rejects.  See pool_ingest.h for the
 * order of the output and the memory it takes.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "pool_csv.h"
#include "pool_ingest.h"
#include "pool_jscan.h"
#include "pool_ndjson.h"
#include "pool_time.h"

#define MAXFILE		(256u * 1024 * 1024)	/* JSON and YAML inputs */
#define MAXYNODES	(4u * 1024 * 1024)
#define RAWMAX		4096		/* raw text kept in a reject */
#define DATA_RESET	65536		/* records between string resets */

/* One id seen: 24 bytes, whatever the size of the record. */
struct ident {
	uint64_t	key;		/* hash of type and id; 0: empty */
	uint64_t	rech;		/* hash of the record */
	uint32_t	line;
	uint32_t	aux;		/* source, or the held index (update) */
};

/* A growing text buffer. */
struct obuf {
	char	*p;
	size_t	 n, cap;
	int	 nomem;
};

/* A record held until the end (update). */
struct held {
	char		*text;
	size_t		 len;
	enum pool_rtype	 type;
};

/* A record whose worker or shift was not read yet. */
struct defer {
	char		*text;
	size_t		 len;
	char		*raw;
	char		*worker;
	char		*shift;		/* NULL if the type has none */
	char		*context;
	uint32_t	 src;
	unsigned long	 line;
	enum pool_rtype	 type;
};

struct pool_ingest {
	struct pool_ingest_opts	 o;
	struct pool_tz		*tz;		/* the pool's: output */
	struct pool_tz		*srctz;		/* the mapping's: input */
	struct pool_data	 data;
	unsigned long		 ndata;
	struct pool_ingest_stats st;

	struct ident		*ids;
	size_t			 idcap, nids;
	struct held		*held;
	size_t			 nheld, heldcap;
	struct defer		*defer;
	size_t			 ndefer, defercap;
	char			**sources;
	size_t			 nsources;

	uint32_t		 src;		/* current input */
	unsigned long		 line;		/* current row */
	char			*tmp;		/* one trimmed value */
	struct obuf		 ob, cb;		/* canonical texts */
	struct obuf		 fs;		/* fast path: trimmed
						   values (fixed size) */
	enum pool_rtype		 fast;		/* the fast path's type, or
						   UNKNOWN: none */
	long			 fidx[16];	/* mapping field of each
						   fast field, or -1 */
	char			 fkey[16][24];	/* its text ,"name": */
	size_t			 fkeylen[16];	/* 0: not cached */
	const char		*fastid;	/* the id of the row on the
						   fast path, with its key */
	uint64_t		 fastkey;
	uint64_t		 keyh;		/* the hash of the name of */
	enum pool_rtype		 keyh_type;	/* this type (id_key) */
	int			 keyh_set;
	struct dtent		*dtc;		/* fast path: date and time
						   texts parsed (DTC) */
	struct itent		*itc;		/* fast path: local times
						   converted (ITC) */
	struct atent		*atc;		/* fast path: RFC 3339 texts
						   read (ATC) */
	long			 ftypecol;	/* mapping field of a type
						   column, or -1 */
	int			 fpending;	/* the first row picks the
						   fast path's type */
	struct ftent		*ftc;		/* JSON fast path: field
						   types of names (FTC) */
	struct ttent		*ttc;		/* and times read (TTC) */
};

/*
 * The fast path's caches, filled as rows are read and emptied when a
 * mapping is bound: exports repeat a few dates and times over and over.
 * A date and a time text (both of one row, untrimmed) with the local
 * time they give; a local time with the instant and the text it is
 * written as.  Both are fixed in size, so memory stays flat.
 */
#define DTC	4096
#define ITC	4096

struct dtent {
	uint64_t		k[3];		/* date text (16 bytes), time
						   text (8), zero-padded */
	unsigned char		dl, tl;		/* their lengths */
	unsigned char		used;
	struct pool_civil	c;
};

/*
 * A time with its own offset ("2026-11-23T07:00:00+01:00"), as read by
 * the fast path without a format: the instant and the text it is
 * written as.  Exports repeat a few times over and over.
 */
#define ATC	1024

struct atent {
	char		in[32];			/* the text read */
	unsigned char	len;			/* 0: empty */
	int64_t		t;
	char		out[26];
};

struct itent {
	uint64_t	key;			/* 0: empty */
	int64_t		t;
	char		text[26];
};

/*
 * The JSON fast path's caches: the field type of a member name
 * (pool_mapping_ftype); times that pool_time_parse reads.
 */
#define FTC	64
#define TTC	1024

struct ftent {
	char		name[24];		/* "": empty */
	enum pool_ftype	type;
};

struct ttent {
	char		text[32];		/* "": empty */
};


/** Hashes and the id table */

/*
 * A 64-bit hash of n bytes, eight at a time (not for adversaries: ids
 * and records are compared by it, and a pool's own exports are not
 * crafted to collide).
 */
static uint64_t
hash(uint64_t h, const void *p, size_t n)
{
	const unsigned char	*s = p;
	uint64_t		 w;

	for (; n >= 8; n -= 8, s += 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 29;
	}
	w = n;
	while (n--)
		w = (w << 8) | s[n];
	h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 31;
	h *= 0x94d049bb133111ebULL;
	return h ^ (h >> 32);
}

#define HASH_INIT	0xcbf29ce484222325ULL

static uint64_t
id_key(struct pool_ingest *g, enum pool_rtype t, const char *id)
{
	const char	*name;
	uint64_t	 h;

	/* The hash of the type's name is kept for the next id. */
	if (!g->keyh_set || g->keyh_type != t) {
		name = pool_rtype_name(t);
		g->keyh = hash(HASH_INIT, name, strlen(name) + 1);
		g->keyh_type = t;
		g->keyh_set = 1;
	}
	h = hash(g->keyh, id, strlen(id));
	/* Mix the last bytes well: ids often differ only at the end. */
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 32;
	return h ? h : 1;
}

static struct ident *
id_find(struct pool_ingest *g, uint64_t key)
{
	size_t	i;

	if (g->idcap == 0)
		return NULL;
	for (i = key & (g->idcap - 1); g->ids[i].key != 0;
	    i = (i + 1) & (g->idcap - 1))
		if (g->ids[i].key == key)
			return &g->ids[i];
	return &g->ids[i];
}

static struct ident *
id_insert(struct pool_ingest *g, uint64_t key)
{
	struct ident	*old = g->ids, *e;
	size_t		 oldcap = g->idcap, i;

	if ((g->nids + 1) * 4 > g->idcap * 3) {
		g->idcap = oldcap ? oldcap * 2 : 1024;
		if ((g->ids = calloc(g->idcap, sizeof(*g->ids))) == NULL) {
			g->ids = old;
			g->idcap = oldcap;
			return NULL;
		}
		g->nids = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i].key != 0) {
				*id_find(g, old[i].key) = old[i];
				g->nids++;
			}
		free(old);
	}
	e = id_find(g, key);
	e->key = key;
	g->nids++;
	return e;
}

static int
id_has(struct pool_ingest *g, enum pool_rtype t, const char *id)
{
	struct ident	*e = id_find(g, id_key(g, t, id));

	return e != NULL && e->key != 0;
}

/*
 * Input text in a message (ids, names): printable and at most 60
 * characters.  Two buffers, so that two can be in one message.
 */
static const char *
pr(const char *s, char buf[2][72], int *n)
{
	char	*b = buf[(*n)++ & 1];

	return pool_mapping_printable(s, strlen(s), b, 72);
}

#define PR(s)	pr((s), prbuf, &prn)
#define PRBUF	char prbuf[2][72]; int prn = 0

/** Output */

/* One more row read; now and then tell the caller. */
static void
count_row(struct pool_ingest *g)
{
	if ((++g->st.rows & 0xffff) == 0 && g->o.progress != NULL)
		g->o.progress(g->o.arg, &g->st);
}


static int
werr(struct pool_error *err)
{
	return pool_error_set(err, POOL_ESYS, NULL, "write error");
}

static int
write_text(struct pool_ingest *g, const char *s, size_t len,
    enum pool_rtype t, struct pool_error *err)
{
	if (fwrite(s, 1, len, g->o.out) != len || putc('\n', g->o.out) == EOF)
		return werr(err);
	g->st.records++;
	g->st.per_type[t]++;
	return 0;
}

/* Copy s[0..len) as valid UTF-8 (bad bytes as U+FFFD), at most RAWMAX. */
static json_t *
raw_string(const char *s, size_t len)
{
	char	*b, *p;
	size_t	 i, k;
	json_t	*v;

	if (len > RAWMAX)
		len = RAWMAX;
	if (pool_utf8_valid(s, len))
		return json_stringn(s, len);
	if ((b = p = malloc(len * 3 + 1)) == NULL)
		return NULL;
	for (i = 0; i < len; ) {
		for (k = 1; k <= 4 && i + k <= len; k++)
			if (pool_utf8_valid(s + i, k))
				break;
		if (k <= 4 && i + k <= len) {
			memcpy(p, s + i, k);
			p += k;
			i += k;
		} else {
			memcpy(p, "\xef\xbf\xbd", 3);
			p += 3;
			i++;
		}
	}
	v = json_stringn(b, (size_t)(p - b));
	free(b);
	return v;
}

/* No control characters in a one-line message (input text is quoted). */
static void
clean_error(struct pool_error *e)
{
	char	*p;

	for (p = e->text; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	for (p = e->context; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	for (p = e->field; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
}

/*
 * Reject a row: count it, tell the caller, write a reject record.
 * Returns 0, or -1 on a write error.
 */
static int
reject(struct pool_ingest *g, const struct pool_error *e, uint32_t src,
    unsigned long line, const char *raw, size_t rawlen,
    struct pool_error *err)
{
	struct pool_error	 c = *e;
	char			 text[512];
	json_t			*o;
	int			 rc = 0, bad = 0;

	if (e->code == POOL_ENOMEM) {
		/* Not the row's fault: the run cannot go on. */
		*err = c;
		pool_error_locate(err, g->sources[src], line);
		return -1;
	}
	g->st.rejects++;
	clean_error(&c);
	pool_error_locate(&c, g->sources[src], line);
	if (g->o.diag != NULL)
		g->o.diag(g->o.arg, 0, &c);
	if (g->o.rejects == NULL)
		return 0;
	if (c.context[0] != '\0')
		snprintf(text, sizeof(text), "%s: %s", c.context, c.text);
	else
		snprintf(text, sizeof(text), "%s", c.text);
	if ((o = json_object()) == NULL)
		return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
	bad |= json_object_set_new(o, "type", json_string("reject"));
	/*
	 * Messages quote input cut to fit (perhaps within a character) and
	 * file names need not be UTF-8: as valid UTF-8, else the reject
	 * would not be written.
	 */
	bad |= json_object_set_new(o, "source", raw_string(g->sources[src],
	    strlen(g->sources[src])));
	bad |= json_object_set_new(o, "line", json_integer((json_int_t)line));
	if (c.field[0] != '\0')
		bad |= json_object_set_new(o, "field", raw_string(c.field,
		    strlen(c.field)));
	bad |= json_object_set_new(o, "error", raw_string(text,
	    strlen(text)));
	if (raw != NULL)
		bad |= json_object_set_new(o, "raw", raw_string(raw, rawlen));
	if (bad)
		rc = pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
	else if (pool_json_write(g->o.rejects, o) == -1)
		rc = werr(err);
	json_decref(o);
	return rc;
}

static void
warning(struct pool_ingest *g, const char *field, const char *fmt, ...)
    POOL_PRINTFLIKE(3, 4);

static void
warning(struct pool_ingest *g, const char *field, const char *fmt, ...)
{
	struct pool_error	e;
	va_list			ap;

	pool_error_clear(&e);
	e.code = POOL_EFIELD;
	if (field != NULL)
		snprintf(e.field, sizeof(e.field), "%s", field);
	va_start(ap, fmt);
	vsnprintf(e.text, sizeof(e.text), fmt, ap);
	va_end(ap);
	clean_error(&e);
	pool_error_locate(&e, g->sources[g->src], g->line);
	g->st.warnings++;
	if (g->o.diag != NULL)
		g->o.diag(g->o.arg, 1, &e);
}

/** Field order of pool-records(5): type, required, optional. */

static const char *const ord_org[] = {
	"type", "id", "name", "weight", "rate", "region", "contacts", NULL
};
static const char *const ord_worker[] = {
	"type", "id", "roles", "name", "phone", "org", "skills", "location",
	"max_travel_km", "contract_hours", "max_hours_week", "nights",
	"dedicated", "night_exempt", "valid_from", "valid_until", "rate", NULL
};
static const char *const ord_shift[] = {
	"type", "id", "org", "role", "start", "end", "shift_type", "unit",
	"series", "skills", "tags", "priority", "location", "break_minutes",
	"note", NULL
};
static const char *const ord_interval[] = {
	"type", "worker", "start", "end", NULL
};
static const char *const ord_signup[] = { "type", "worker", "shift", NULL };
static const char *const ord_assignment[] = {
	"type", "shift", "worker", "status", "score", NULL
};
static const char *const ord_allocation[] = {
	"type", "org", "period", "units", "entitled", "role", "weight",
	"demand", "method", "carry", NULL
};
static const char *const ord_contact[] = {
	"type", "org", "date", "level", "with", "note", NULL
};
static const char *const ord_other[] = { "type", NULL };

static const char *const *
order_of(enum pool_rtype t)
{
	switch (t) {
	case POOL_R_ORG:
		return ord_org;
	case POOL_R_WORKER:
		return ord_worker;
	case POOL_R_SHIFT:
		return ord_shift;
	case POOL_R_AVAILABILITY:
	case POOL_R_ABSENCE:
		return ord_interval;
	case POOL_R_SIGNUP:
		return ord_signup;
	case POOL_R_ASSIGNMENT:
		return ord_assignment;
	case POOL_R_ALLOCATION:
		return ord_allocation;
	case POOL_R_CONTACT:
		return ord_contact;
	default:
		return ord_other;
	}
}

/*
 * The canonical text of a record: compact JSON as pool_json_write
 * writes it (jansson's escapes and number format), the keys of the top
 * object in the order of its type and then the others sorted, the keys
 * of nested objects sorted.  Equal records have equal texts, so the
 * text is also what duplicates are hashed on.
 */
static int
ob_reserve(struct obuf *b, size_t k)
{
	char	*np;
	size_t	 cap;

	if (b->n + k + 1 <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 4096;
	while (cap < b->n + k + 1)
		cap *= 2;
	if ((np = realloc(b->p, cap)) == NULL) {
		b->nomem = 1;
		return -1;
	}
	b->p = np;
	b->cap = cap;
	return 0;
}

static inline void
ob_put(struct obuf *b, const char *s, size_t k)
{
	if (b->n + k + 1 > b->cap && ob_reserve(b, k) == -1)
		return;
	memcpy(b->p + b->n, s, k);
	b->n += k;
}

/* Bytes that a JSON string escapes. */
static const unsigned char jesc[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['"'] = 1, ['\\'] = 1
};

#define ONES	UINT64_C(0x0101010101010101)
#define HIGHS	UINT64_C(0x8080808080808080)

static void
ob_str(struct obuf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t		i, run;
	unsigned char	c;
	char		e[6];

	/* Nothing to escape (nearly always): one copy. */
	for (i = 0; len - i >= 8; i += 8) {
		uint64_t	w, q, bs;

		/* Any byte below 0x20, a '"' or a '\\', eight at a time. */
		memcpy(&w, s + i, 8);
		q = w ^ (ONES * '"');
		bs = w ^ (ONES * '\\');
		if (((w - ONES * 0x20) | (q - ONES) | (bs - ONES)) &
		    ~w & HIGHS)
			break;
	}
	for (; i < len && !jesc[(unsigned char)s[i]]; i++)
		;
	if (i == len) {
		if (b->n + len + 3 > b->cap && ob_reserve(b, len + 2) == -1)
			return;
		b->p[b->n] = '"';
		memcpy(b->p + b->n + 1, s, len);
		b->p[b->n + len + 1] = '"';
		b->n += len + 2;
		return;
	}
	ob_put(b, "\"", 1);
	for (i = 0; i < len; ) {
		for (run = i; run < len; run++) {
			c = (unsigned char)s[run];
			if (c < 0x20 || c == '"' || c == '\\')
				break;
		}
		ob_put(b, s + i, run - i);
		if ((i = run) == len)
			break;
		c = (unsigned char)s[i++];
		e[0] = '\\';
		switch (c) {
		case '"':
		case '\\':
			e[1] = (char)c;
			break;
		case '\b':
			e[1] = 'b';
			break;
		case '\f':
			e[1] = 'f';
			break;
		case '\n':
			e[1] = 'n';
			break;
		case '\r':
			e[1] = 'r';
			break;
		case '\t':
			e[1] = 't';
			break;
		default:
			memcpy(e + 1, "u00", 3);
			e[4] = hex[c >> 4];
			e[5] = hex[c & 15];
			ob_put(b, e, 6);
			continue;
		}
		ob_put(b, e, 2);
	}
	ob_put(b, "\"", 1);
}

static void
ob_int(struct obuf *b, long long v)
{
	char			 d[24], *p = d + sizeof(d);
	unsigned long long	 u = v < 0 ? 0 - (unsigned long long)v :
				    (unsigned long long)v;

	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	if (v < 0)
		*--p = '-';
	ob_put(b, p, (size_t)(d + sizeof(d) - p));
}

/* A real as jansson writes it with JSON_REAL_PRECISION(15). */
static void
ob_real(struct obuf *b, double x)
{
	static const double p10[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
	    1e8 };
	char		 d[40], *e, *start, *end;
	int		 n, k;
	long long	 m, ip;

	if (fabs(x) >= 1e-4 && fabs(x) < 1e14) {
		/*
		 * A decimal with few digits that the double holds exactly
		 * enough (DBL_DIG is 15): "%.15g" gives that decimal, so
		 * write it without printf.
		 */
		for (k = 0; k < 9; k++) {
			m = llround(x * p10[k]);
			if ((double)m / p10[k] != x ||
			    (m < 0 ? -m : m) >= 100000000000000LL)
				continue;
			ip = m / (long long)p10[k];
			if (m < 0 && ip == 0)
				ob_put(b, "-", 1);
			ob_int(b, ip);
			ob_put(b, ".", 1);
			if (k == 0) {
				ob_put(b, "0", 1);
				return;
			}
			m = m < 0 ? -m : m;
			m %= (long long)p10[k];
			for (n = k - 1; n >= 0; n--) {
				d[n] = (char)('0' + m % 10);
				m /= 10;
			}
			ob_put(b, d, (size_t)k);
			return;
		}
	}
	n = snprintf(d, sizeof(d) - 2, "%.15g", x);
	if (n < 0 || (size_t)n >= sizeof(d) - 2)
		return;
	if (strchr(d, '.') == NULL && strchr(d, 'e') == NULL) {
		memcpy(d + n, ".0", 3);
		n += 2;
	}
	if ((e = strchr(d, 'e')) != NULL) {
		/* No '+' and no leading zeros in the exponent. */
		start = e + 1;
		if (*start == '-')
			start++;
		end = start;
		while (*end == '+' || *end == '0')
			end++;
		if (end != start) {
			memmove(start, end, strlen(end) + 1);
			n = (int)strlen(d);
		}
	}
	ob_put(b, d, (size_t)n);
}

static int
key_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void ob_value(struct obuf *, const json_t *, const char *const *);
static void ob_scanned_value(struct obuf *, const struct pool_jtok *);
static void fast_setup(struct pool_ingest *, const struct pool_mapping *,
    const char *);

/* An object: the keys of ord first (if any), then the others sorted. */
static void
ob_object(struct obuf *b, const json_t *o, const char *const *ord)
{
	const char	*key, *small[32], **keys = small;
	json_t		*v;
	size_t		 n = 0, i, k, nkeys = json_object_size(o), found = 0;
	int		 first = 1;

	ob_put(b, "{", 1);
	for (i = 0; ord != NULL && ord[i] != NULL && found < nkeys; i++)
		if ((v = json_object_get(o, ord[i])) != NULL) {
			found++;
			if (!first)
				ob_put(b, ",", 1);
			first = 0;
			ob_str(b, ord[i], strlen(ord[i]));
			ob_put(b, ":", 1);
			ob_value(b, v, NULL);
		}
	if (found == nkeys) {
		ob_put(b, "}", 1);
		return;
	}
	if (nkeys > 32 && (keys = malloc(nkeys * sizeof(*keys))) == NULL) {
		b->nomem = 1;
		return;
	}
	json_object_foreach((json_t *)(uintptr_t)o, key, v) {
		for (k = 0; ord != NULL && ord[k] != NULL; k++)
			if (strcmp(ord[k], key) == 0)
				break;
		if (ord == NULL || ord[k] == NULL)
			keys[n++] = key;
	}
	if (n > 1)
		qsort(keys, n, sizeof(*keys), key_cmp);
	for (i = 0; i < n; i++) {
		if (!first)
			ob_put(b, ",", 1);
		first = 0;
		ob_str(b, keys[i], strlen(keys[i]));
		ob_put(b, ":", 1);
		ob_value(b, json_object_get(o, keys[i]), NULL);
	}
	if (keys != small)
		free(keys);
	ob_put(b, "}", 1);
}

static void
ob_value(struct obuf *b, const json_t *v, const char *const *ord)
{
	size_t	i;

	switch (json_typeof(v)) {
	case JSON_OBJECT:
		ob_object(b, v, ord);
		break;
	case JSON_ARRAY:
		ob_put(b, "[", 1);
		for (i = 0; i < json_array_size(v); i++) {
			if (i > 0)
				ob_put(b, ",", 1);
			ob_value(b, json_array_get(v, i), NULL);
		}
		ob_put(b, "]", 1);
		break;
	case JSON_STRING:
		ob_str(b, json_string_value(v), json_string_length(v));
		break;
	case JSON_INTEGER:
		ob_int(b, (long long)json_integer_value(v));
		break;
	case JSON_REAL:
		ob_real(b, json_real_value(v));
		break;
	case JSON_TRUE:
		ob_put(b, "true", 4);
		break;
	case JSON_FALSE:
		ob_put(b, "false", 5);
		break;
	default:
		ob_put(b, "null", 4);
		break;
	}
}

/* The canonical text of record o of type t into b (from its start). */
static int
canonical(struct obuf *b, const json_t *o, enum pool_rtype t)
{
	b->n = 0;
	b->nomem = 0;
	ob_value(b, o, order_of(t));
	if (b->nomem || ob_reserve(b, 1) == -1)
		return -1;
	b->p[b->n] = '\0';
	return 0;
}

/** Text to values */

/* Trim s[0..len) into g->tmp; returns it (NUL-terminated). */
static char *
trim(struct pool_ingest *g, const char *s, size_t len)
{
	while (len > 0 && isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len > POOL_CSV_MAXROW)
		len = POOL_CSV_MAXROW;
	memcpy(g->tmp, s, len);
	g->tmp[len] = '\0';
	return g->tmp;
}

/*
 * The common case without strtod: [-]digits[.digits] with at most 15
 * digits.  The mantissa and 10^k are exact doubles, so one division
 * gives the correctly rounded value, as strtod does.  Returns -1 for
 * anything else (then the general parser decides).
 */
static int
simple_decimal(const char *s, int *isint, long long *iv, double *dv)
{
	static const double p10[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
	    1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
	const char	*p = s;
	long long	 m = 0;
	int		 neg = 0, digits = 0, k = -1;

	if (*p == '-') {
		neg = 1;
		p++;
	}
	for (; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9') {
			m = m * 10 + (*p - '0');
			if (++digits > 15)
				return -1;
			if (k >= 0)
				k++;
		} else if ((*p == '.' || *p == ',') && k < 0)
			k = 0;
		else
			return -1;
	}
	if (digits == 0 || k == 0)
		return -1;
	if (k < 0) {
		*iv = neg ? -m : m;
		*isint = 1;
		return 0;
	}
	if (p[-1 - k] == '-' || (p - s) - k - 1 == neg)
		return -1;		/* no digit before the point */
	*dv = (double)m / p10[k];
	if (neg)
		*dv = -*dv;
	*isint = 0;
	return 0;
}

/*
 * A number: digits with at most one decimal point or comma, a sign, an
 * exponent.  Text without a point, comma or exponent is a whole number
 * (*isint set).  Returns 0 or -1.
 */
static int
parse_number(const char *s, int *isint, long long *iv, double *dv)
{
	char		 b[64], *end;
	const char	*p;
	int		 integral = 1, commas = 0, dots = 0;
	size_t		 len = strlen(s);

	if (len >= sizeof(b))
		return -1;
	if (simple_decimal(s, isint, iv, dv) == 0)
		return 0;
	for (p = s; *p != '\0'; p++) {
		if (*p == ',')
			commas++;
		else if (*p == '.')
			dots++;
		else if (*p == 'e' || *p == 'E')
			integral = 0;
		else if (!isdigit((unsigned char)*p) &&
		    !((*p == '-' || *p == '+') && (p == s ||
		    p[-1] == 'e' || p[-1] == 'E')))
			return -1;
	}
	if (commas + dots > 1)
		return -1;
	memcpy(b, s, len + 1);
	if (commas) {
		*strchr(b, ',') = '.';
		integral = 0;
	}
	if (dots)
		integral = 0;
	errno = 0;
	if (integral) {
		*iv = strtoll(b, &end, 10);
		if (*end == '\0' && end != b && errno == 0) {
			*isint = 1;
			return 0;
		}
		errno = 0;
	}
	*dv = strtod(b, &end);
	if (*end != '\0' || end == b || !isfinite(*dv))
		return -1;
	*isint = 0;
	return 0;
}

static json_t *
conv_number(const char *s, struct pool_error *err)
{
	long long	i;
	double		d;
	int		isint;
	char		q[80];

	if (parse_number(s, &isint, &i, &d) == -1) {
		pool_error_set(err, POOL_EFIELD, NULL, "'%s' is not a number",
		    pool_mapping_printable(s, strlen(s), q, sizeof(q)));
		return NULL;
	}
	return isint ? json_integer(i) : json_real(d);
}

static json_t *
conv_bool(const char *s, struct pool_error *err)
{
	static const char *const yes[] = { "true", "ja", "yes", "j", "y", "1",
	    "waar", NULL };
	static const char *const no[] = { "false", "nee", "no", "n", "0",
	    "onwaar", NULL };
	size_t	i;
	char	q[80];

	for (i = 0; yes[i] != NULL; i++)
		if (strcasecmp(s, yes[i]) == 0)
			return json_true();
	for (i = 0; no[i] != NULL; i++)
		if (strcasecmp(s, no[i]) == 0)
			return json_false();
	pool_error_set(err, POOL_EFIELD, NULL,
	    "'%s' is not true or false (ja/nee, yes/no, 1/0)",
	    pool_mapping_printable(s, strlen(s), q, sizeof(q)));
	return NULL;
}

static json_t *
str_or_err(const char *s, struct pool_error *err)
{
	json_t	*v;

	if ((v = json_string(s)) == NULL) {
		if (pool_utf8_valid(s, strlen(s)))
			pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
		else
			pool_error_set(err, POOL_EFIELD, NULL, "invalid UTF-8");
	}
	return v;
}

/*
 * The next item of a list field split on sep, cut in place and trimmed
 * of white space (may be empty); *rest moves past it.  NULL at the end.
 */
static char *
list_item(char **rest, const char *sep, size_t seplen)
{
	char	*p = *rest, *e, *q;

	if (p == NULL)
		return NULL;
	if ((e = strstr(p, sep)) != NULL) {
		*e = '\0';
		e += seplen;
	}
	*rest = e;
	while (isspace((unsigned char)*p))
		p++;
	q = p + strlen(p);
	while (q > p && isspace((unsigned char)q[-1]))
		*--q = '\0';
	return p;
}

static json_t *
conv_list(const struct pool_map_field *f, char *s, struct pool_error *err)
{
	const char	*sep = f != NULL && f->split != NULL ? f->split : ",";
	size_t		 seplen = strlen(sep);
	char		*p, *e;
	json_t		*a, *v;

	if ((a = json_array()) == NULL)
		return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory"),
		    NULL;
	for (e = s; (p = list_item(&e, sep, seplen)) != NULL;) {
		if (*p == '\0')
			continue;
		if ((v = str_or_err(f ? pool_mapping_value(f, p) : p,
		    err)) == NULL) {
			json_decref(a);
			return NULL;
		}
		if (json_array_append_new(a, v) == -1) {
			json_decref(a);
			return pool_error_set(err, POOL_ENOMEM, NULL,
			    "out of memory"), NULL;
		}
	}
	return a;
}

static json_t *
conv_date(const struct pool_mapping *m, const struct pool_map_field *f,
    const char *s, struct pool_error *err)
{
	struct pool_civil	c;
	struct pool_error	e;
	char			b[11], q[80];
	const char		*pat = f != NULL ? f->format : NULL;

	memset(&c, 0, sizeof(c));
	if (pat != NULL) {
		if (pool_mapping_parse_civil(pat, s, &c, err) == -1)
			return NULL;
	} else if (pool_mapping_parse_civil("yyyy-mm-dd", s, &c, &e) == -1 &&
	    (m == NULL || pool_mapping_parse_civil(m->date_format, s, &c,
	    &e) == -1) &&
	    pool_mapping_parse_civil("dd-mm-yyyy", s, &c, &e) == -1) {
		pool_error_set(err, POOL_EFIELD, NULL, "'%s' is not a date "
		    "(yyyy-mm-dd or dd-mm-yyyy%s%s)",
		    pool_mapping_printable(s, strlen(s), q, sizeof(q)),
		    m && strcmp(
		    m->date_format, "dd-mm-yyyy") != 0 && strcmp(
		    m->date_format, "yyyy-mm-dd") != 0 ? " or " : "",
		    m && strcmp(m->date_format, "dd-mm-yyyy") != 0 && strcmp(
		    m->date_format, "yyyy-mm-dd") != 0 ? m->date_format : "");
		return NULL;
	}
	snprintf(b, sizeof(b), "%04d-%02d-%02d", c.year, c.month, c.day);
	return json_string(b);
}

/*
 * Parse a date-time: with the field's pattern, else RFC 3339 with an
 * offset (*abs = 1, *t set), else a local ISO date-time, else the
 * mapping's date_format and time_format with a space between.
 */
static int
parse_when(const struct pool_mapping *m, const char *pat, const char *s,
    int64_t *t, int *abs, struct pool_civil *c, struct pool_error *err)
{
	struct pool_error	e;
	char			p[128], q[80];

	memset(c, 0, sizeof(*c));
	*abs = 0;
	if (pat != NULL)
		return pool_mapping_parse_civil(pat, s, c, err);
	if (pool_time_parse(s, t, NULL, &e) == 0) {
		*abs = 1;
		return 0;
	}
	if (e.code == POOL_EFIELD)	/* RFC 3339, but out of range */
		return pool_error_set(err, POOL_EFIELD, NULL, "%s", e.text);
	if (pool_time_parse_local(s, c, &e) == 0)
		return 0;
	/* The mapping's formats, then the Dutch way. */
	snprintf(p, sizeof(p), "%s %s", m ? m->date_format : "dd-mm-yyyy",
	    m ? m->time_format : "HH:MM");
	if (pool_mapping_parse_civil(p, s, c, &e) == 0 ||
	    pool_mapping_parse_civil("dd-mm-yyyy HH:MM", s, c, &e) == 0)
		return 0;
	if (strcmp(p, "dd-mm-yyyy HH:MM") == 0 ||
	    strcmp(p, "yyyy-mm-dd HH:MM") == 0)
		return pool_error_set(err, POOL_EFIELD, NULL, "'%s' is not a "
		    "date and time (RFC 3339, 'yyyy-mm-dd HH:MM' or "
		    "'dd-mm-yyyy HH:MM')",
		    pool_mapping_printable(s, strlen(s), q, sizeof(q)));
	return pool_error_set(err, POOL_EFIELD, NULL, "'%s' is not a date "
	    "and time (RFC 3339, 'yyyy-mm-dd HH:MM', 'dd-mm-yyyy HH:MM' or "
	    "'%s')", pool_mapping_printable(s, strlen(s), q, sizeof(q)), p);
}

/* pool_time_format without printf: it runs for every time read. */
static char *
fmt_time(const struct pool_tz *tz, int64_t t, char b[26])
{
	int		off = pool_tz_offset(tz, t), y, mo, d, sec, a;
	int64_t		lt = t + off, days;

	days = lt >= 0 ? lt / 86400 : -((-lt + 86399) / 86400);
	sec = (int)(lt - days * 86400);
	pool_time_civil_from_days(days, &y, &mo, &d);
	if (off % 60 != 0 || y < 1 || y > 9999)
		return pool_time_format(tz, t, b);
#define D2(p, v) ((p)[0] = (char)('0' + (v) / 10), \
	(p)[1] = (char)('0' + (v) % 10))
	D2(b, y / 100);
	D2(b + 2, y % 100);
	b[4] = '-';
	D2(b + 5, mo);
	b[7] = '-';
	D2(b + 8, d);
	b[10] = 'T';
	D2(b + 11, sec / 3600);
	b[13] = ':';
	D2(b + 14, sec / 60 % 60);
	b[16] = ':';
	D2(b + 17, sec % 60);
	a = off < 0 ? -off : off;
	b[19] = off < 0 ? '-' : '+';
	D2(b + 20, a / 3600);
	b[22] = ':';
	D2(b + 23, a / 60 % 60);
#undef D2
	b[25] = '\0';
	return b;
}

/* A local civil time to an instant in the source zone; DST rules. */
static int
to_instant(struct pool_ingest *g, const struct pool_mapping *m,
    const char *field, struct pool_civil *c, int64_t *t,
    struct pool_error *err)
{
	enum pool_local_kind	 k;
	enum pool_ambiguous	 amb = m != NULL ? m->ambiguous :
				    POOL_AMBIG_FIRST;
	int64_t			 t2, days;
	char			 when[32], b[26];

	if (c->hour == 24) {
		days = pool_time_days_from_civil(c->year, c->month, c->day);
		pool_time_civil_from_days(days + 1, &c->year, &c->month,
		    &c->day);
		c->hour = 0;
	}
	k = pool_tz_from_civil(g->srctz, c, t, &t2);
	/* Within POOL_TIME_MIN and POOL_TIME_MAX, as pool_time_parse
	 * reads them back: never clamped. */
	if (c->year < 1 || c->year > 9999 || *t < POOL_TIME_MIN ||
	    *t > POOL_TIME_MAX)
		return pool_error_set(err, POOL_EFIELD, field, "local time "
		    "%04d-%02d-%02d %02d:%02d is out of range (0001-01-02 to "
		    "9999-12-30 in UTC)", c->year, c->month, c->day, c->hour,
		    c->min);
	if (k != POOL_LOCAL_UNIQUE)
		snprintf(when, sizeof(when), "%04d-%02d-%02d %02d:%02d",
		    c->year, c->month, c->day, c->hour, c->min);
	if (k == POOL_LOCAL_GAP)
		return pool_error_set(err, POOL_EFIELD, field, "local time %s "
		    "does not exist in %s (the clocks go forward)", when,
		    pool_tz_name(g->srctz));
	if (k == POOL_LOCAL_AMBIGUOUS) {
		if (amb == POOL_AMBIG_REJECT)
			return pool_error_set(err, POOL_EFIELD, field, "local "
			    "time %s occurs twice in %s (the clocks go back)",
			    when, pool_tz_name(g->srctz));
		if (amb == POOL_AMBIG_SECOND)
			*t = t2;
		warning(g, field, "local time %s occurs twice in %s: the "
		    "%s, %s, is taken", when, pool_tz_name(g->srctz),
		    amb == POOL_AMBIG_SECOND ? "second" : "first",
		    fmt_time(g->tz, *t, b));
	}
	return 0;
}

/*
 * Set key (which may be "a.b": a nested object) of o to v (stolen; may
 * be NULL, a failed allocation).  Returns 0, or -1 with err: out of
 * memory, or a key that is not UTF-8.
 */
static int
set_path(json_t *o, const char *key, json_t *v, struct pool_error *err)
{
	const char	*dot = strchr(key, '.');
	char		 head[64];
	json_t		*sub;

	if (dot == NULL || (size_t)(dot - key) >= sizeof(head)) {
		if (json_object_set_new(o, key, v) == 0)
			return 0;
		if (v != NULL && !pool_utf8_valid(key, strlen(key)))
			return pool_error_set(err, POOL_EFIELD, NULL, "the "
			    "name is not valid UTF-8");
		return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
	}
	memcpy(head, key, (size_t)(dot - key));
	head[dot - key] = '\0';
	if ((sub = json_object_get(o, head)) == NULL || !json_is_object(sub)) {
		sub = json_object();
		if (json_object_set_new(o, head, sub) == -1) {
			json_decref(v);
			return pool_error_set(err, POOL_ENOMEM, NULL,
			    "out of memory");
		}
	}
	return set_path(sub, dot + 1, v, err);
}

/*
 * Convert the trimmed text s (in g->tmp, may be changed) of a field
 * whose type is t.  Returns a new value, or NULL with err.
 */
static json_t *
conv(struct pool_ingest *g, const struct pool_mapping *m,
    const struct pool_map_field *f, const char *name, char *s,
    struct pool_error *err)
{
	enum pool_ftype		 t = f != NULL ? f->type :
				    pool_mapping_ftype(name);
	struct pool_civil	 c;
	int64_t			 when;
	int			 abs;
	char			 b[26];
	json_t			*v;
	const char		*ms;

	/* A value map applies before the conversion ("Spoed": "1"). */
	ms = f != NULL && t != POOL_F_LIST ? pool_mapping_value(f, s) : s;
	if (ms != s) {
		s = trim(g, ms, strlen(ms));
		if (*s == '\0')
			return pool_error_set(err, POOL_EFIELD, name,
			    "mapped to an empty value"), NULL;
	}
	switch (t) {
	case POOL_F_NUMBER:
	case POOL_F_INTEGER:
		v = conv_number(s, err);
		break;
	case POOL_F_BOOL:
		v = conv_bool(s, err);
		break;
	case POOL_F_LIST:
		v = conv_list(f, s, err);
		break;
	case POOL_F_DATE:
		v = conv_date(m, f, s, err);
		break;
	case POOL_F_TIME:
		if (parse_when(m, f ? f->format : NULL, s, &when, &abs, &c,
		    err) == -1 ||
		    (!abs && to_instant(g, m, name, &c, &when, err) == -1))
			v = NULL;
		else
			v = json_string(fmt_time(g->tz, when, b));
		break;
	default:
		v = str_or_err(s, err);
		break;
	}
	if (v == NULL && err->code == POOL_EOK)
		pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
	if (v == NULL && err->field[0] == '\0')
		snprintf(err->field, sizeof(err->field), "%s", name);
	return v;
}

/** Rows to records */

/* A JSON value that is not a string: arrays of strings are mapped item
 * by item (each converted as the field's type says, for lists); other
 * values are kept. */
static json_t *
conv_json(struct pool_ingest *g, const struct pool_mapping *m,
    const struct pool_map_field *f, json_t *v, struct pool_error *err)
{
	json_t	*a, *x, *item;
	size_t	 i;
	char	*s;

	if (!json_is_array(v))
		return json_incref(v);
	if ((a = json_array()) == NULL)
		goto nomem;
	json_array_foreach(v, i, item) {
		if (!json_is_string(item)) {
			if (json_array_append(a, item) == -1)
				goto nomem;
			continue;
		}
		s = trim(g, json_string_value(item),
		    json_string_length(item));
		if (*s == '\0')
			continue;
		if (f->type == POOL_F_LIST)
			x = str_or_err(pool_mapping_value(f, s), err);
		else
			x = conv(g, m, f, f->field, s, err);
		if (x == NULL) {
			json_decref(a);
			return NULL;
		}
		if (json_array_append_new(a, x) == -1)
			goto nomem;
	}
	return a;
nomem:
	json_decref(a);
	return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory"), NULL;
}

/* Where the cells of a row come from: a CSV row, or a JSON object
 * whose keys are the columns. */
struct row {
	const struct pool_csv	*csv;
	json_t			*obj;
};

/*
 * The text of a cell (column index i of a CSV row, or key col of an
 * object).  A JSON value that is not a string is returned in *jv (and
 * the text is empty); a missing cell is empty.
 */
static const char *
cell(const struct row *r, long i, const char *col, size_t *len, json_t **jv)
{
	const char	*s;
	json_t		*v;

	*len = 0;
	if (jv != NULL)
		*jv = NULL;
	if (r->obj != NULL) {
		if (col == NULL || (v = json_object_get(r->obj, col)) == NULL ||
		    json_is_null(v))
			return "";
		if (json_is_string(v)) {
			*len = json_string_length(v);
			return json_string_value(v);
		}
		if (jv != NULL)
			*jv = v;
		return "";
	}
	if (i < 0 || (s = pool_csv_field(r->csv, (size_t)i, len)) == NULL) {
		*len = 0;
		return "";
	}
	return s;
}

/* A time field from a date column and a time column. */
static int
conv_datetime(struct pool_ingest *g, const struct pool_mapping *m,
    const struct pool_map_field *f, const struct row *r,
    struct pool_civil *c, int *present, struct pool_error *err)
{
	struct pool_civil	 tc;
	const char		*s;
	char			*d;
	size_t			 len;

	*present = 0;
	memset(c, 0, sizeof(*c));
	s = cell(r, f->date_index, f->date_column, &len, NULL);
	d = trim(g, s, len);
	if (*d == '\0') {
		s = cell(r, f->time_index, f->time_column, &len, NULL);
		if (*trim(g, s, len) == '\0')
			return 0;
		return pool_error_set(err, POOL_EFIELD, f->field,
		    "no date in column '%s'", f->date_column);
	}
	if (pool_mapping_parse_civil(m->date_format, d, c, err) == -1) {
		snprintf(err->field, sizeof(err->field), "%s", f->field);
		return -1;
	}
	s = cell(r, f->time_index, f->time_column, &len, NULL);
	d = trim(g, s, len);
	if (*d == '\0')
		return pool_error_set(err, POOL_EFIELD, f->field,
		    "no time in column '%s'", f->time_column);
	tc = *c;
	if (pool_mapping_parse_civil(m->time_format, d, &tc, err) == -1) {
		snprintf(err->field, sizeof(err->field), "%s", f->field);
		return -1;
	}
	*c = tc;
	*present = 1;
	return 0;
}

/*
 * Whether row r gives a start or an end of its own: a time in a time
 * column, a date-time in a column, or a constant.  A row with a shift
 * type that gives neither takes the type's times.
 */
static int
row_gives_times(const struct row *r, const struct pool_mapping *m)
{
	const struct pool_map_field	*f;
	const char			*s;
	size_t				 i, len;
	json_t				*jv;

	for (i = 0; i < m->nfields; i++) {
		f = &m->fields[i];
		if (strcmp(f->field, "start") != 0 &&
		    strcmp(f->field, "end") != 0)
			continue;
		if (f->constant != NULL)
			return 1;
		if (f->date_column != NULL && f->time_column == NULL)
			continue;
		if (f->date_column != NULL)
			s = cell(r, f->time_index, f->time_column, &len, NULL);
		else
			s = cell(r, f->index, f->column, &len, &jv);
		while (len > 0 && (*s == ' ' || *s == '\t'))
			s++, len--;
		if (len > 0 || (f->date_column == NULL && jv != NULL))
			return 1;
	}
	return 0;
}

/* The shift type named id in the pool's configuration, or NULL. */
static const struct pool_shift_type *
find_shift_type(const struct pool_config *c, const char *id)
{
	size_t	i;

	for (i = 0; c != NULL && i < c->nshift_types; i++)
		if (strcmp(c->shift_types[i].id, id) == 0)
			return &c->shift_types[i];
	return NULL;
}

/* The error of a shift type s that the pool does not know. */
static int
unknown_shift_type(const struct pool_config *c, const char *s,
    struct pool_error *err)
{
	char				 known[160], q[80];
	size_t				 i, n = 0;

	pool_mapping_printable(s, strlen(s), q, sizeof(q));
	if (c == NULL || c->nshift_types == 0)
		return pool_error_set(err, POOL_EFIELD, "shift_type",
		    "unknown shift type '%s' (%s has no shift_types)", q,
		    c != NULL ? c->source : "the configuration");
	known[0] = '\0';
	for (i = 0; i < c->nshift_types && n + 8 < sizeof(known); i++)
		n += (size_t)snprintf(known + n, sizeof(known) - n, "%s%s",
		    i > 0 ? ", " : "", c->shift_types[i].id);
	if (n >= sizeof(known))
		memcpy(known + sizeof(known) - 4, "...", 4);
	return pool_error_set(err, POOL_EFIELD, "shift_type", "unknown shift "
	    "type '%s' (%s has %s)", q, c->source, known);
}

/*
 * Check the shift type v of a row (the value of field shift_type) against
 * the pool's; *st is set to it.  An unknown type names the known ones.
 */
static int
conv_shift_type(struct pool_ingest *g, json_t *v,
    const struct pool_shift_type **st, struct pool_error *err)
{
	*st = NULL;
	if (!json_is_string(v))
		return pool_error_set(err, POOL_EFIELD, "shift_type",
		    "must be text, a shift type of the pool");
	if ((*st = find_shift_type(g->o.config,
	    json_string_value(v))) != NULL)
		return 0;
	return unknown_shift_type(g->o.config, json_string_value(v), err);
}

/*
 * The start and end of a shift of type st on the day of the date column
 * of start (else of end): the agreed times in the source zone, the end
 * on the next day when it is at or before the start.
 */
static int
type_times(struct pool_ingest *g, const struct pool_mapping *m,
    const struct row *r, const struct pool_shift_type *st, json_t *o,
    struct pool_error *err)
{
	const struct pool_map_field	*f = NULL;
	struct pool_civil		 c, e;
	const char			*s;
	char				*d, b[26];
	size_t				 i, len;
	int64_t				 t;

	for (i = 0; i < m->nfields; i++)
		if (m->fields[i].date_column != NULL &&
		    (f == NULL || strcmp(m->fields[i].field, "start") == 0) &&
		    (strcmp(m->fields[i].field, "start") == 0 ||
		    strcmp(m->fields[i].field, "end") == 0))
			f = &m->fields[i];
	if (f == NULL)
		return pool_error_set(err, POOL_EFIELD, "start", "shift type "
		    "'%s' gives the times, not the day: the mapping has no "
		    "date column", st->id);
	s = cell(r, f->date_index, f->date_column, &len, NULL);
	d = trim(g, s, len);
	if (*d == '\0')
		return pool_error_set(err, POOL_EFIELD, "start",
		    "no date in column '%s'", f->date_column);
	memset(&c, 0, sizeof(c));
	if (pool_mapping_parse_civil(m->date_format, d, &c, err) == -1) {
		snprintf(err->field, sizeof(err->field), "start");
		return -1;
	}
	e = c;
	c.hour = st->start / 60;
	c.min = st->start % 60;
	if (st->end <= st->start)
		pool_time_civil_from_days(pool_time_days_from_civil(e.year,
		    e.month, e.day) + 1, &e.year, &e.month, &e.day);
	e.hour = st->end / 60;
	e.min = st->end % 60;
	if (to_instant(g, m, "start", &c, &t, err) == -1 ||
	    set_path(o, "start", json_string(fmt_time(g->tz, t, b)),
	    err) == -1 ||
	    to_instant(g, m, "end", &e, &t, err) == -1 ||
	    set_path(o, "end", json_string(fmt_time(g->tz, t, b)), err) == -1)
		return -1;
	return 0;
}

static json_t *
row_to_json(struct pool_ingest *g, const struct pool_mapping *m,
    const struct row *r, struct pool_error *err)
{
	const struct pool_shift_type	*st = NULL;
	const struct pool_map_field	*f, *sf = NULL;
	struct pool_civil		 c, sc;
	const char			*s;
	char				*v;
	size_t				 i, len, pass;
	json_t				*o, *x, *jv;
	int64_t				 t;
	int				 present, have_sc = 0;
	char				 b[26];

	memset(&sc, 0, sizeof(sc));
	if ((o = json_object()) == NULL) {
		pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
		return NULL;
	}
	/* Pass 0: all but times; 1: start; 2: the other times. */
	for (pass = 0; pass < 3; pass++) {
		/*
		 * A shift type gives start and end when the row gives
		 * neither; times of the row win (they are what is worked).
		 */
		if (pass == 1 && (x = json_object_get(o, "shift_type")) !=
		    NULL) {
			if (conv_shift_type(g, x, &st, err) == -1)
				goto bad;
			if (row_gives_times(r, m))
				st = NULL;
			else if (type_times(g, m, r, st, o, err) == -1)
				goto bad;
		}
		for (i = 0; i < m->nfields; i++) {
			f = &m->fields[i];
			if ((pass == 0) != (f->type != POOL_F_TIME) ||
			    (pass == 1 && strcmp(f->field, "start") != 0) ||
			    (pass == 2 && strcmp(f->field, "start") == 0))
				continue;
			if (st != NULL && (strcmp(f->field, "start") == 0 ||
			    strcmp(f->field, "end") == 0))
				continue;
			if (f->date_column != NULL && f->time_column == NULL) {
				/* Only a shift type gives its time. */
				s = cell(r, f->date_index, f->date_column,
				    &len, NULL);
				if (*trim(g, s, len) == '\0')
					continue;
				pool_error_set(err, POOL_EFIELD, f->field,
				    "no time: the row has no shift type");
				goto bad;
			}
			if (f->date_column != NULL) {
				if (conv_datetime(g, m, f, r, &c, &present,
				    err) == -1)
					goto bad;
				if (!present)
					continue;
				if (pass == 1) {
					sf = f;
					sc = c;
					have_sc = 1;
				} else if (have_sc &&
				    strcmp(sf->date_column,
				    f->date_column) == 0 &&
				    c.hour * 60 + c.min <=
				    sc.hour * 60 + sc.min) {
					if (m->overnight ==
					    POOL_OVERNIGHT_REJECT) {
						pool_error_set(err,
						    POOL_EFIELD, f->field,
						    "ends at or before "
						    "'%s' (overnight is "
						    "refused by the mapping)",
						    sf->field);
						goto bad;
					}
					/* Overnight: the next day. */
					pool_time_civil_from_days(
					    pool_time_days_from_civil(c.year,
					    c.month, c.day) + 1, &c.year,
					    &c.month, &c.day);
				}
				if (to_instant(g, m, f->field, &c, &t,
				    err) == -1)
					goto bad;
				if (set_path(o, f->field, json_string(
				    fmt_time(g->tz, t, b)), err) == -1)
					goto bad;
				continue;
			}
			jv = NULL;
			if (f->constant != NULL)
				v = trim(g, f->constant, strlen(f->constant));
			else {
				s = cell(r, f->index, f->column, &len, &jv);
				v = trim(g, s, len);
			}
			if (jv != NULL) {
				/* A typed JSON value: kept, lists mapped. */
				if ((x = conv_json(g, m, f, jv, err)) == NULL ||
				    set_path(o, f->field, x, err) == -1)
					goto bad;
				continue;
			}
			if (*v == '\0')
				continue;
			if ((x = conv(g, m, f, f->field, v, err)) == NULL ||
			    set_path(o, f->field, x, err) == -1)
				goto bad;
		}
	}
	return o;
bad:
	json_decref(o);
	return NULL;
}

/* JSON and YAML objects: convert string values by field type. */
static int
normalize(struct pool_ingest *g, json_t *o, struct pool_error *err)
{
	const struct pool_mapping	*m = g->o.mapping;
	const struct pool_map_field	*f;
	const char			*key;
	json_t				*v, *x;
	void				*it;
	size_t				 i;
	char				*s;
	int64_t				 t;

	for (it = json_object_iter(o); it != NULL;
	    it = json_object_iter_next(o, it)) {
		key = json_object_iter_key(it);
		v = json_object_iter_value(it);
		if (!json_is_string(v) || strcmp(key, "type") == 0)
			continue;
		f = NULL;
		for (i = 0; m != NULL && i < m->nfields; i++)
			if (strcmp(m->fields[i].field, key) == 0)
				f = &m->fields[i];
		if ((f == NULL || f->nmap == 0) &&
		    pool_mapping_ftype(key) == POOL_F_STRING)
			continue;
		if (pool_mapping_ftype(key) == POOL_F_TIME &&
		    (f == NULL || f->format == NULL) &&
		    pool_time_parse(json_string_value(v), &t, NULL, NULL) == 0)
			continue;	/* already RFC 3339 with an offset */
		s = trim(g, json_string_value(v), json_string_length(v));
		if (*s == '\0')
			continue;
		if ((x = conv(g, m, f, key, s, err)) == NULL)
			return -1;
		json_object_iter_set_new(o, it, x);
	}
	return 0;
}

/** Records */

/* Replace the string o[key], if there is one, by its pseudonym. */
static int
pseudo_field(struct pool_ingest *g, json_t *o, const char *key,
    int *changed, struct pool_error *err)
{
	char	 b[POOL_PSEUDO_LEN + 1];
	json_t	*v = json_object_get(o, key);

	if (!json_is_string(v))
		return 0;
	if (pool_pseudo_id(g->o.pseudo, json_string_value(v),
	    json_string_length(v), b) == -1)
		return pool_error_set(err, POOL_ESYS, key,
		    "cannot compute the pseudonym");
	if (json_object_set_new(o, key, json_string(b)) == -1)
		return pool_error_set(err, POOL_ENOMEM, key, "out of memory");
	*changed = 1;
	return 0;
}

/*
 * --pseudonymize: every field that names a worker, nested ones too
 * (see pool-ingest(1)): the id of a worker (its name and phone are
 * dropped), the worker of availabilities, absences, signups,
 * assignments and candidates (with their name and phone), each near
 * miss of an unfilled shift; a reject record
 * loses its raw row and error text, which may quote any of them.
 */
static int
pseudonymize(struct pool_ingest *g, json_t *o, enum pool_rtype t,
    int *changed, struct pool_error *err)
{
	json_t	*near, *v;
	size_t	 i;

	switch (t) {
	case POOL_R_WORKER:
		if (json_object_get(o, "name") != NULL) {
			json_object_del(o, "name");
			*changed = 1;
		}
		if (json_object_get(o, "phone") != NULL) {
			json_object_del(o, "phone");
			*changed = 1;
		}
		return pseudo_field(g, o, "id", changed, err);
	case POOL_R_CANDIDATE:
		if (json_object_get(o, "name") != NULL) {
			json_object_del(o, "name");
			*changed = 1;
		}
		if (json_object_get(o, "phone") != NULL) {
			json_object_del(o, "phone");
			*changed = 1;
		}
		return pseudo_field(g, o, "worker", changed, err);
	case POOL_R_SIGNUP:
	case POOL_R_ASSIGNMENT:
	case POOL_R_AVAILABILITY:
	case POOL_R_ABSENCE:
		return pseudo_field(g, o, "worker", changed, err);
	case POOL_R_UNFILLED:
		near = json_object_get(o, "near");
		json_array_foreach(near, i, v)
			if (json_is_object(v) &&
			    pseudo_field(g, v, "worker", changed, err) == -1)
				return -1;
		return 0;
	case POOL_R_REJECT:
		if (json_object_get(o, "raw") != NULL) {
			json_object_del(o, "raw");
			*changed = 1;
		}
		if (json_is_string(json_object_get(o, "error"))) {
			if (json_object_set_new(o, "error", json_string(
			    "(not shown: --pseudonymize)")) == -1)
				return pool_error_set(err, POOL_ENOMEM,
				    "error", "out of memory");
			*changed = 1;
		}
		return 0;
	default:
		return 0;
	}
}

static int
check_config(struct pool_ingest *g, const struct pool_record *r,
    struct pool_error *err)
{
	const struct pool_config	*c = g->o.config;
	const char			*org = NULL, *role = NULL;
	const struct pool_strlist	*roles = NULL;
	uint32_t			 i;
	PRBUF;

	if (c == NULL)
		return 0;
	switch (r->type) {
	case POOL_R_SHIFT:
		org = r->u.shift.org;
		role = r->u.shift.role;
		break;
	case POOL_R_WORKER:
		org = r->u.worker.org;
		roles = &r->u.worker.roles;
		break;
	case POOL_R_CONTACT:
		org = r->u.contact.org;
		break;
	case POOL_R_ALLOCATION:
		org = r->u.allocation.org;
		role = r->u.allocation.role;
		break;
	default:
		return 0;
	}
	if (r->type == POOL_R_SHIFT && r->u.shift.shift_type != NULL &&
	    c->nshift_types > 0 &&
	    find_shift_type(c, r->u.shift.shift_type) == NULL)
		return unknown_shift_type(c, r->u.shift.shift_type, err);
	if (org != NULL && c->norgs > 0 && pool_config_org(c, org) == NULL)
		return pool_error_set(err, POOL_EFIELD, "org",
		    "unknown organisation '%s' (not in %s)", PR(org),
		    c->source);
	if (c->nroles == 0)
		return 0;
	if (role != NULL && pool_config_role(c, role) == NULL)
		return pool_error_set(err, POOL_EFIELD, "role",
		    "unknown role '%s' (not in %s)", PR(role), c->source);
	for (i = 0; roles != NULL && i < roles->n; i++)
		if (pool_config_role(c, roles->v[i]) == NULL)
			return pool_error_set(err, POOL_EFIELD, "roles",
			    "unknown role '%s' (not in %s)", PR(roles->v[i]),
			    c->source);
	return 0;
}

static void
set_context(struct pool_error *e, json_t *o, enum pool_rtype t)
{
	json_t	*id = json_object_get(o, "id");
	PRBUF;

	if (e->context[0] != '\0' || t == POOL_R_UNKNOWN)
		return;
	if (json_is_string(id))
		snprintf(e->context, sizeof(e->context), "%s '%s'",
		    pool_rtype_name(t), PR(json_string_value(id)));
	else
		snprintf(e->context, sizeof(e->context), "%s",
		    pool_rtype_name(t));
}

static int
hold(struct pool_ingest *g, const char *s, size_t len, enum pool_rtype t,
    uint32_t *index)
{
	struct held	*n;

	if (g->nheld == g->heldcap) {
		g->heldcap = g->heldcap ? g->heldcap * 2 : 256;
		if ((n = realloc(g->held, g->heldcap * sizeof(*n))) == NULL)
			return -1;
		g->held = n;
	}
	if ((g->held[g->nheld].text = malloc(len + 1)) == NULL)
		return -1;
	memcpy(g->held[g->nheld].text, s, len);
	g->held[g->nheld].len = len;
	g->held[g->nheld].type = t;
	*index = (uint32_t)g->nheld++;
	return 0;
}

static char *
dupn(const char *s, size_t n)
{
	char	*d;

	if ((d = malloc(n + 1)) != NULL) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

static int
defer_ref(struct pool_ingest *g, const char *s, size_t len, const char *raw,
    size_t rawlen, const char *worker, const char *shift, enum pool_rtype t,
    const char *context)
{
	struct defer		*d;

	if (g->ndefer == g->defercap) {
		size_t cap = g->defercap ? g->defercap * 2 : 256;

		if ((d = realloc(g->defer, cap * sizeof(*d))) == NULL)
			return -1;
		g->defer = d;
		g->defercap = cap;
	}
	d = &g->defer[g->ndefer];
	memset(d, 0, sizeof(*d));
	if (rawlen > RAWMAX)
		rawlen = RAWMAX;
	if ((d->text = dupn(s, len)) == NULL ||
	    (d->raw = dupn(raw, rawlen)) == NULL ||
	    (d->worker = strdup(worker)) == NULL ||
	    (shift != NULL && (d->shift = strdup(shift)) == NULL) ||
	    (d->context = strdup(context)) == NULL) {
		free(d->text);
		free(d->raw);
		free(d->worker);
		free(d->shift);
		return -1;
	}
	d->len = len;
	d->src = g->src;
	d->line = g->line;
	d->type = t;
	g->ndefer++;
	return 0;
}

/* "shift 'S1'", or the type alone. */
static void
context_of(char *buf, size_t size, enum pool_rtype t, const char *id)
{
	PRBUF;

	if (id != NULL)
		snprintf(buf, size, "%s '%s'", pool_rtype_name(t), PR(id));
	else
		snprintf(buf, size, "%s", pool_rtype_name(t));
}

/*
 * A valid record of type t with the text it is written as: merge or
 * reject duplicates by id, hold references not read yet, write the
 * rest.  rech is the hash of the canonical text (0: hash text).
 * Returns 0, or -1 on a write error or when out of memory.
 */
static int
emit(struct pool_ingest *g, enum pool_rtype t, const char *text, size_t len,
    uint64_t rech, const char *idstr, const char *worker, const char *shift,
    const char *raw, size_t rawlen, struct pool_error *err)
{
	struct pool_error	 e;
	struct ident		*id;
	uint64_t		 key;
	char			 ctx[96];

	if (idstr != NULL) {
		if (idstr == g->fastid && t == g->fast)
			key = g->fastkey;	/* fast_row has it */
		else
			key = id_key(g, t, idstr);
		g->fastid = NULL;
		if (rech == 0)
			rech = hash(HASH_INIT, text, len);
		id = id_find(g, key);
		if (id == NULL || id->key == 0) {
			if ((id = id_insert(g, key)) == NULL)
				goto nomem;
			id->rech = rech;
			id->line = (uint32_t)g->line;
			id->aux = g->src;
			if (!g->o.update)
				return write_text(g, text, len, t, err);
			if (hold(g, text, len, t, &id->aux) == -1)
				goto nomem;
		} else if (id->rech == rech) {
			g->st.merged++;
		} else if (g->o.update) {
			struct held *h = &g->held[id->aux];
			char *n = dupn(text, len);

			if (n == NULL)
				goto nomem;
			free(h->text);
			h->text = n;
			h->len = len;
			id->rech = rech;
			g->st.replaced++;
		} else {
			pool_error_clear(&e);
			pool_error_set(&e, POOL_EFIELD, "id", "conflicts with "
			    "%s:%lu (the same id with other fields; "
			    "--update takes the last)", g->sources[id->aux],
			    (unsigned long)id->line);
			context_of(e.context, sizeof(e.context), t, idstr);
			return reject(g, &e, g->src, g->line, raw, rawlen, err);
		}
		return 0;
	}
	if (worker != NULL && g->o.references &&
	    (!id_has(g, POOL_R_WORKER, worker) ||
	    (shift != NULL && !id_has(g, POOL_R_SHIFT, shift)))) {
		context_of(ctx, sizeof(ctx), t, NULL);
		if (defer_ref(g, text, len, raw, rawlen, worker, shift, t,
		    ctx) == -1)
			goto nomem;
		return 0;
	}
	return write_text(g, text, len, t, err);
nomem:
	return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
}

/* The id of a record with one, or the worker and shift it refers to. */
static void
record_keys(const struct pool_record *rec, const char **idstr,
    const char **worker, const char **shift)
{
	*idstr = *worker = *shift = NULL;
	switch (rec->type) {
	case POOL_R_ORG:
		*idstr = rec->u.org.id;
		break;
	case POOL_R_WORKER:
		*idstr = rec->u.worker.id;
		break;
	case POOL_R_SHIFT:
		*idstr = rec->u.shift.id;
		break;
	case POOL_R_AVAILABILITY:
	case POOL_R_ABSENCE:
		*worker = rec->u.interval.worker;
		break;
	case POOL_R_SIGNUP:
		*worker = rec->u.signup.worker;
		*shift = rec->u.signup.shift;
		break;
	case POOL_R_ASSIGNMENT:
		*worker = rec->u.assignment.worker;
		*shift = rec->u.assignment.shift;
		break;
	default:
		break;
	}
}

/* Interned strings are not needed past one record: drop them now and then. */
static int
data_tick(struct pool_ingest *g, struct pool_error *err)
{
	if (++g->ndata < DATA_RESET)
		return 0;
	pool_data_release(&g->data);
	if (pool_data_init(&g->data, err) == -1)
		return -1;
	g->ndata = 0;
	return 0;
}

/*
 * One record read: validate, deduplicate, check references, write or
 * hold it, or reject it.  o is borrowed; raw is the text as read;
 * verbatim says raw may be written as it is.  Returns 0, or -1 on a
 * write error or when out of memory.
 */
static int
process(struct pool_ingest *g, json_t *o, const char *raw, size_t rawlen,
    int verbatim, struct pool_error *err)
{
	struct pool_record	 rec;
	struct pool_error	 e;
	enum pool_rtype		 t;
	const char		*text, *idstr = NULL, *worker = NULL;
	const char		*shift = NULL;
	json_t			*tv;
	size_t			 len;
	uint64_t		 rech;
	int			 changed = 0, rc = 0;

	pool_error_clear(&e);
	tv = json_object_get(o, "type");
	t = json_is_string(tv) ? pool_rtype_parse(json_string_value(tv)) :
	    POOL_R_UNKNOWN;
	if (g->o.pseudo != NULL && pseudonymize(g, o, t, &changed, &e) == -1)
		goto rejected;
	if (changed)
		verbatim = 0;
	if (pool_record_from_json(&g->data, o, &rec, &e) == -1)
		goto rejected;
	if (check_config(g, &rec, &e) == -1) {
		pool_record_release(&rec);
		set_context(&e, o, t);
		goto rejected;
	}
	if (verbatim) {
		text = raw;
		len = rawlen;
	} else {
		if (canonical(&g->ob, o, t) == -1)
			goto nomem;
		text = g->ob.p;
		len = g->ob.n;
	}
	record_keys(&rec, &idstr, &worker, &shift);
	rech = 0;
	if (idstr != NULL && verbatim) {
		/* Hash what the record would be written as. */
		if (canonical(&g->cb, o, t) == -1)
			goto nomem;
		rech = hash(HASH_INIT, g->cb.p, g->cb.n);
	}
	rc = emit(g, t, text, len, rech, idstr, worker, shift, raw, rawlen,
	    err);
	pool_record_release(&rec);
	if (data_tick(g, err) == -1)
		return -1;
	return rc;
nomem:
	pool_record_release(&rec);
	return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
rejected:
	return reject(g, &e, g->src, g->line, raw, rawlen, err);
}

/*
 * Give a typeless object the type of the mapping or the options.
 * Returns 0, or -1 when out of memory.
 */
static int
default_type(struct pool_ingest *g, json_t *o, int ndjson, int *verbatim,
    struct pool_error *err)
{
	const char	*t = NULL;

	if (json_object_get(o, "type") != NULL)
		return 0;
	if (!ndjson && g->o.mapping != NULL && g->o.mapping->type != NULL)
		t = g->o.mapping->type;
	else if (g->o.type != NULL)
		t = g->o.type;
	if (t != NULL) {
		if (json_object_set_new(o, "type", json_string(t)) == -1)
			return pool_error_set(err, POOL_ENOMEM, NULL,
			    "out of memory");
		*verbatim = 0;
	}
	return 0;
}

/* A row that never became an object. */
static int
reject_text(struct pool_ingest *g, const char *field, const char *raw,
    size_t rawlen, struct pool_error *err, const char *fmt, ...)
    POOL_PRINTFLIKE(6, 7);

static int
reject_text(struct pool_ingest *g, const char *field, const char *raw,
    size_t rawlen, struct pool_error *err, const char *fmt, ...)
{
	struct pool_error	e;
	va_list			ap;

	pool_error_clear(&e);
	e.code = POOL_EPARSE;
	if (field != NULL)
		snprintf(e.field, sizeof(e.field), "%s", field);
	va_start(ap, fmt);
	vsnprintf(e.text, sizeof(e.text), fmt, ap);
	va_end(ap);
	return reject(g, &e, g->src, g->line, raw, rawlen, err);
}

/** The fast path of CSV rows */

/*
 * The rows of big CSV exports (shifts, availability, absences, signups)
 * are turned straight into their canonical text, without a JSON object,
 * when every field the mapping gives is one of the type's own.  A row is
 * written this way only when it passes every check that
 * pool_record_from_json and the config would make; at any doubt (a
 * value that does not convert, a missing field, a local time in a DST
 * gap or overlap, an end not after the start) the row goes down the
 * general path, which says exactly what is wrong.  The text is the same
 * either way: test_ingest compares the two paths.
 */

/* The fields of each type, in canonical order (location expanded). */
static const char *const fast_shift[] = {
	"id", "org", "role", "start", "end", "unit", "skills", "tags",
	"priority", "location.lat", "location.lon", "break_minutes", "note",
	NULL
};
static const char *const fast_interval[] = { "worker", "start", "end", NULL };
static const char *const fast_signup[] = { "worker", "shift", NULL };

enum {
	FS_ID, FS_ORG, FS_ROLE, FS_START, FS_END, FS_UNIT, FS_SKILLS, FS_TAGS,
	FS_PRIORITY, FS_LAT, FS_LON, FS_BREAK, FS_NOTE
};

static const char *const *
fast_fields(enum pool_rtype t)
{
	switch (t) {
	case POOL_R_SHIFT:
		return fast_shift;
	case POOL_R_AVAILABILITY:
	case POOL_R_ABSENCE:
		return fast_interval;
	case POOL_R_SIGNUP:
		return fast_signup;
	default:
		return NULL;
	}
}

/* Decide whether the rows of mapping m can take the fast path. */
static void
fast_bind(struct pool_ingest *g, const struct pool_mapping *m)
{
	const char	*type = m->type ? m->type : g->o.type;
	size_t		 i;

	g->fast = POOL_R_UNKNOWN;
	g->ftypecol = -1;
	g->fpending = 0;
	if (g->dtc == NULL)
		g->dtc = calloc(DTC, sizeof(*g->dtc));
	else
		memset(g->dtc, 0, DTC * sizeof(*g->dtc));
	if (g->itc == NULL)
		g->itc = calloc(ITC, sizeof(*g->itc));
	else
		memset(g->itc, 0, ITC * sizeof(*g->itc));
	if (g->atc == NULL)
		g->atc = calloc(ATC, sizeof(*g->atc));
	else
		memset(g->atc, 0, ATC * sizeof(*g->atc));
	if (g->o.slow || g->o.pseudo != NULL)
		return;
	if (type != NULL) {
		fast_setup(g, m, type);
		return;
	}
	/*
	 * The type in a column of its own: the fast path takes the type of
	 * the first row, and each row of that type (rows of other types go
	 * the general way).
	 */
	for (i = 0; i < m->nfields; i++)
		if (strcmp(m->fields[i].field, "type") == 0 &&
		    m->fields[i].constant == NULL &&
		    m->fields[i].type == POOL_F_STRING &&
		    m->fields[i].nmap == 0 && m->fields[i].index >= 0) {
			g->ftypecol = (long)i;
			g->fpending = 1;
			return;
		}
}

/* Bind the fast path to records of type (a name) and mapping m. */
static void
fast_setup(struct pool_ingest *g, const struct pool_mapping *m,
    const char *type)
{
	const char *const	*names;
	size_t			 i, k;

	if ((names = fast_fields(pool_rtype_parse(type))) == NULL)
		return;
	for (k = 0; names[k] != NULL; k++) {
		g->fidx[k] = -1;
		g->fkeylen[k] = 0;
		if (strlen(names[k]) + 5 <= sizeof(g->fkey[k]))
			g->fkeylen[k] = (size_t)snprintf(g->fkey[k],
			    sizeof(g->fkey[k]), ",\"%s\":", names[k]);
	}
	for (i = 0; i < m->nfields; i++) {
		if ((long)i == g->ftypecol)
			continue;
		for (k = 0; names[k] != NULL; k++)
			if (strcmp(names[k], m->fields[i].field) == 0)
				break;
		if (names[k] == NULL)
			return;		/* "type" or a field of its own,
					   such as "shift_type" */
		if (m->fields[i].date_column != NULL &&
		    m->fields[i].time_column == NULL)
			return;		/* times from a shift type */
		g->fidx[k] = (long)i;
	}
	g->fast = pool_rtype_parse(type);
}

/*
 * The type column's text in row r, trimmed, or NULL when it is not a
 * plain value the fast path can compare.
 */
static const char *
fast_typecell(struct pool_ingest *g, const struct pool_mapping *m,
    const struct row *r)
{
	const struct pool_map_field	*f = &m->fields[g->ftypecol];
	const char			*s;
	size_t				 len;

	s = cell(r, f->index, f->column, &len, NULL);
	return trim(g, s, len);
}

/* The first row decides the type of the fast path (see fast_bind). */
static void
fast_pick(struct pool_ingest *g, const struct pool_mapping *m,
    const struct row *r)
{
	const char	*t = fast_typecell(g, m, r);
	enum pool_rtype	 rt = pool_rtype_parse(t);

	g->fpending = 0;
	if (rt != POOL_R_UNKNOWN && strcmp(pool_rtype_name(rt), t) == 0)
		fast_setup(g, m, t);
}

struct fval {
	int			present;
	int			isint;
	long long		i;
	double			d;
	const char		*dec;		/* the text of d, if a plain
						   decimal */
	int64_t			t;
	struct pool_civil	c;
};

/* A list field: items split, trimmed, mapped; 0 if in doubt. */
static int
fast_list(struct pool_ingest *g, const struct pool_map_field *f, char *s)
{
	const char	*sep = f->split != NULL ? f->split : ",";
	size_t		 seplen = strlen(sep), n = 0;
	char		*p, *e;
	const char	*item;

	ob_put(&g->ob, "[", 1);
	for (e = s; (p = list_item(&e, sep, seplen)) != NULL;) {
		if (*p == '\0')
			continue;
		item = pool_mapping_value(f, p);
		if (*item == '\0' || ++n > 65535)
			return 0;
		if (n > 1)
			ob_put(&g->ob, ",", 1);
		ob_str(&g->ob, item, strlen(item));
	}
	ob_put(&g->ob, "]", 1);
	return 1;
}

/*
 * conv_datetime through the cache of date and time texts: 1 with
 * *present and (if present) *c, or 0 if the texts do not convert.
 */
static int
fast_datetime(struct pool_ingest *g, const struct pool_mapping *m,
    const struct pool_map_field *f, const struct row *r,
    struct pool_civil *c, int *present)
{
	struct pool_error	 e;
	struct dtent		*d;
	const char		*ds, *ts;
	size_t			 dl, tl;
	uint64_t		 k[3] = { 0, 0, 0 }, h;

	ds = cell(r, f->date_index, f->date_column, &dl, NULL);
	ts = cell(r, f->time_index, f->time_column, &tl, NULL);
	if (g->dtc == NULL || dl > 16 || tl > 8)
		return conv_datetime(g, m, f, r, c, present, &e) == 0;
	memcpy(k, ds, dl);
	memcpy(k + 2, ts, tl);
	h = (k[0] * 0x9e3779b97f4a7c15ULL) ^ (k[1] * 0xbf58476d1ce4e5b9ULL) ^
	    ((k[2] ^ (dl << 8 | tl)) * 0x94d049bb133111ebULL);
	h ^= h >> 31;
	h *= 0x9e3779b97f4a7c15ULL;
	d = &g->dtc[h >> 40 & (DTC - 1)];
	if (d->used && d->k[0] == k[0] && d->k[1] == k[1] &&
	    d->k[2] == k[2] && d->dl == dl && d->tl == tl) {
		*c = d->c;
		*present = 1;
		return 1;
	}
	if (conv_datetime(g, m, f, r, c, present, &e) == -1)
		return 0;
	if (*present) {
		memcpy(d->k, k, sizeof(k));
		d->dl = (unsigned char)dl;
		d->tl = (unsigned char)tl;
		d->used = 1;
		d->c = *c;
	}
	return 1;
}

/*
 * A local time (a day later if next) to the instant in the source zone
 * and its text in the pool's zone, through the cache: 1, or 0 if the
 * time is in a DST gap or overlap or out of range.
 */
static int
fast_instant(struct pool_ingest *g, struct pool_civil c, int next,
    int64_t *t, char b[26])
{
	struct itent	*x = NULL;
	uint64_t	 key, h;
	int64_t		 t2;

	if (c.year >= 0 && c.year < 16384 && c.month >= 0 && c.month < 16 &&
	    c.day >= 0 && c.day < 32 && c.hour >= 0 && c.hour < 32 &&
	    c.min >= 0 && c.min < 64 && c.sec >= 0 && c.sec < 64 &&
	    g->itc != NULL) {
		key = (uint64_t)c.year << 26 | (uint64_t)c.month << 22 |
		    (uint64_t)c.day << 17 | (uint64_t)c.hour << 12 |
		    (uint64_t)c.min << 6 | (uint64_t)c.sec;
		key = key << 2 | (next ? 3 : 1);
		h = key * 0x9e3779b97f4a7c15ULL;
		x = &g->itc[h >> 52 & (ITC - 1)];
		if (x->key == key) {
			*t = x->t;
			memcpy(b, x->text, 26);
			return 1;
		}
	}
	if (next)
		pool_time_civil_from_days(pool_time_days_from_civil(c.year,
		    c.month, c.day) + 1, &c.year, &c.month, &c.day);
	if (c.hour == 24) {
		pool_time_civil_from_days(pool_time_days_from_civil(
		    c.year, c.month, c.day) + 1, &c.year, &c.month, &c.day);
		c.hour = 0;
	}
	if (pool_tz_from_civil(g->srctz, &c, t, &t2) != POOL_LOCAL_UNIQUE)
		return 0;
	/* Within POOL_TIME_MIN and POOL_TIME_MAX, as pool_time_parse
	 * reads them back. */
	if (*t < POOL_TIME_MIN || *t > POOL_TIME_MAX)
		return 0;
	fmt_time(g->tz, *t, b);
	if (x != NULL) {
		x->key = key;
		x->t = *t;
		memcpy(x->text, b, 26);
	}
	return 1;
}

/* A time field; 0 if in doubt, else 1 (v->present says if given). */
static int
fast_time(struct pool_ingest *g, const struct pool_mapping *m,
    const struct pool_map_field *f, const struct row *r,
    const struct pool_map_field *sf, const struct fval *sv, struct fval *v)
{
	struct pool_error	 e;
	struct pool_civil	 c;
	const char		*s;
	size_t			 len;
	int			 present, abs = 0, next = 0;
	struct atent		*a;
	char			 b[26];

	if (f->date_column != NULL) {
		if (!fast_datetime(g, m, f, r, &c, &present))
			return 0;
		if (!present)
			return 1;
		v->c = c;
		if (sf != NULL && sv->present && sf->date_column != NULL &&
		    strcmp(sf->date_column, f->date_column) == 0 &&
		    c.hour * 60 + c.min <= sv->c.hour * 60 + sv->c.min) {
			if (m->overnight == POOL_OVERNIGHT_REJECT)
				return 0;
			next = 1;
		}
		if (!fast_instant(g, c, next, &v->t, b))
			return 0;
	} else {
		if (f->column == NULL)
			return 0;
		s = cell(r, f->index, f->column, &len, NULL);
		s = trim(g, s, len);
		if (*s == '\0')
			return 1;
		len = strlen(s);
		a = NULL;
		if (f->format == NULL && g->atc != NULL && len < sizeof(a->in)) {
			a = &g->atc[hash(HASH_INIT, s, len) & (ATC - 1)];
			if (a->len == len && memcmp(a->in, s, len) == 0) {
				v->t = a->t;
				memcpy(b, a->out, sizeof(a->out));
				goto have;
			}
		}
		if (parse_when(m, f->format, s, &v->t, &abs, &c, &e) == -1)
			return 0;
		if (!abs) {
			if (!fast_instant(g, c, 0, &v->t, b))
				return 0;
		} else {
			/* Within POOL_TIME_MIN and POOL_TIME_MAX, as
			   pool_time_parse reads them back. */
			if (v->t < POOL_TIME_MIN || v->t > POOL_TIME_MAX)
				return 0;
			fmt_time(g->tz, v->t, b);
			if (a != NULL) {
				memcpy(a->in, s, len);
				a->len = (unsigned char)len;
				a->t = v->t;
				memcpy(a->out, b, sizeof(a->out));
			}
		}
	}
have:
	v->present = 1;
	ob_put(&g->ob, ",\"", 2);
	ob_put(&g->ob, f->field, strlen(f->field));
	ob_put(&g->ob, "\":\"", 3);
	ob_put(&g->ob, b, 25);
	ob_put(&g->ob, "\"", 1);
	return 1;
}

/*
 * The trimmed text of a cell or constant (len bytes, NUL-terminated,
 * no NUL inside: rows with one take the general path), without a copy
 * when nothing trails it; else copied into g->fs, which is sized for a
 * whole row and never moves.  NULL if g->fs is full.
 */
static const char *
fast_text(struct pool_ingest *g, const char *s, size_t len, size_t *outlen)
{
	const char	*e;
	char		*d;

	e = s + len;
	while (s < e && isspace((unsigned char)*s))
		s++;
	*outlen = (size_t)(e - s);
	if (e == s || !isspace((unsigned char)e[-1]))
		return s;
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	*outlen = (size_t)(e - s);
	if (g->fs.n + (size_t)(e - s) + 1 > g->fs.cap)
		return NULL;
	d = g->fs.p + g->fs.n;
	memcpy(d, s, (size_t)(e - s));
	d[e - s] = '\0';
	g->fs.n += (size_t)(e - s) + 1;
	return d;
}

/*
 * Write a number of the fast path.  A real read as a plain decimal
 * (simple_decimal) of magnitude 1e-4 to 1e14 is written from its text,
 * without leading zeros or trailing zeros after the point: that is
 * the decimal "%.15g" (so ob_real) gives back, as a decimal of at most
 * 15 digits is what the double nearest to it prints as.
 */
static void
fast_number(struct obuf *b, const struct fval *v)
{
	const char	*p, *ip, *fp, *fe;
	char		 d[40];
	size_t		 n = 0;

	if (v->isint) {
		ob_int(b, v->i);
		return;
	}
	if (v->dec == NULL || !(fabs(v->d) >= 1e-4 && fabs(v->d) < 1e14)) {
		ob_real(b, v->d);
		return;
	}
	p = v->dec;
	if (*p == '-') {
		d[n++] = '-';
		p++;
	}
	for (ip = p; *p >= '0' && *p <= '9'; p++)
		;
	fp = *p != '\0' ? p + 1 : p;		/* after '.' or ',' */
	while (ip + 1 < p && *ip == '0')
		ip++;
	for (fe = fp + strlen(fp); fe > fp && fe[-1] == '0'; fe--)
		;
	if ((size_t)(p - ip) + (size_t)(fe - fp) + 3 > sizeof(d) - n) {
		ob_real(b, v->d);
		return;
	}
	memcpy(d + n, ip, (size_t)(p - ip));
	n += (size_t)(p - ip);
	d[n++] = '.';
	if (fe == fp)
		d[n++] = '0';
	memcpy(d + n, fp, (size_t)(fe - fp));
	n += (size_t)(fe - fp);
	ob_put(b, d, n);
}

/* Write ,"name": (k: the field's place, for its cached text). */
static void
fast_key(struct pool_ingest *g, size_t k, const char *name)
{
	if (g->fkeylen[k] > 0) {
		ob_put(&g->ob, g->fkey[k], g->fkeylen[k]);
		return;
	}
	ob_put(&g->ob, ",\"", 2);
	ob_put(&g->ob, name, strlen(name));
	ob_put(&g->ob, "\":", 2);
}

/*
 * One CSV row on the fast path: 1 if done (written, held, merged or
 * rejected as a conflict), 0 if the general path must take it, -1 on a
 * write error or when out of memory.  The canonical text is written
 * into g->ob field by field, in order, and dropped at any doubt.
 */
static int
fast_row(struct pool_ingest *g, const struct pool_mapping *m,
    const struct row *r, const char *raw, size_t rawlen,
    struct pool_error *err)
{
	const char *const		*names = fast_fields(g->fast);
	const struct pool_map_field	*f;
	const struct pool_config	*conf = g->o.config;
	struct fval			 v[16];
	const char			*s, *x, *str[16];
	size_t				 k, len, xlen;
	int				 kstart = -1;

	if (g->ftypecol >= 0 &&
	    strcmp(fast_typecell(g, m, r), pool_rtype_name(g->fast)) != 0)
		return 0;
	g->ob.n = 0;
	g->ob.nomem = 0;
	g->fs.n = 0;
	g->fastid = NULL;
	ob_put(&g->ob, "{\"type\":", 8);
	s = pool_rtype_name(g->fast);
	ob_str(&g->ob, s, strlen(s));
	for (k = 0; names[k] != NULL; k++) {
		v[k].present = 0;
		str[k] = NULL;
		if (g->fidx[k] < 0)
			continue;
		f = &m->fields[g->fidx[k]];
		if (f->type == POOL_F_TIME) {
			if (strcmp(names[k], "start") == 0)
				kstart = (int)k;
			if (!fast_time(g, m, f, r, kstart < 0 ? NULL :
			    &m->fields[g->fidx[kstart]], kstart < 0 ? NULL :
			    &v[kstart], &v[k]))
				return 0;
			continue;
		}
		if (f->constant != NULL)
			s = f->constant;
		else
			s = cell(r, f->index, f->column, &len, NULL);
		if ((x = fast_text(g, s, f->constant ? strlen(s) : len,
		    &xlen)) ==
		    NULL)
			return 0;
		if (*x == '\0')
			continue;
		if (f->type != POOL_F_LIST && f->nmap > 0 &&
		    (s = pool_mapping_value(f, x)) != x &&
		    ((x = fast_text(g, s, strlen(s), &xlen)) == NULL ||
		    *x == '\0'))
			return 0;
		v[k].present = 1;
		switch (f->type) {
		case POOL_F_STRING:
			str[k] = x;
			fast_key(g, k, names[k]);
			ob_str(&g->ob, x, xlen);
#if defined(__GNUC__) || defined(__clang__)
			/* The id's slot, fetched while the row is built. */
			if (k == FS_ID && g->fast == POOL_R_SHIFT &&
			    g->idcap > 0)
				__builtin_prefetch(&g->ids[(g->fastkey =
				    id_key(g, g->fast, g->fastid = x)) &
				    (g->idcap - 1)]);
#endif
			break;
		case POOL_F_NUMBER:
		case POOL_F_INTEGER:
			/* parse_number, which tries simple_decimal first. */
			v[k].dec = NULL;
			if (simple_decimal(x, &v[k].isint, &v[k].i,
			    &v[k].d) == 0)
				v[k].dec = x;
			else if (parse_number(x, &v[k].isint, &v[k].i,
			    &v[k].d) == -1)
				return 0;
			if (g->fast == POOL_R_SHIFT &&
			    (k == FS_LAT || k == FS_LON))
				break;		/* written as "location" */
			fast_key(g, k, names[k]);
			fast_number(&g->ob, &v[k]);
			break;
		case POOL_F_LIST:
			fast_key(g, k, names[k]);
			if (!fast_list(g, f, trim(g, x, xlen)))
				return 0;
			break;
		default:
			return 0;
		}
		if (g->fast == POOL_R_SHIFT && k == FS_LON &&
		    v[FS_LAT].present) {
			ob_put(&g->ob, ",\"location\":{\"lat\":", 19);
			fast_number(&g->ob, &v[FS_LAT]);
			ob_put(&g->ob, ",\"lon\":", 7);
			fast_number(&g->ob, &v[FS_LON]);
			ob_put(&g->ob, "}", 1);
		}
	}
	ob_put(&g->ob, "}", 1);
	if (g->ob.nomem || ob_reserve(&g->ob, 1) == -1)
		return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
	g->ob.p[g->ob.n] = '\0';

	/* The checks of pool_record_from_json and of the config. */
	switch (g->fast) {
	case POOL_R_SHIFT:
		if (!v[FS_ID].present || !v[FS_ORG].present ||
		    !v[FS_ROLE].present || !v[FS_START].present ||
		    !v[FS_END].present || v[FS_END].t <= v[FS_START].t)
			return 0;
		if (v[FS_PRIORITY].present && (!v[FS_PRIORITY].isint ||
		    v[FS_PRIORITY].i < 1 || v[FS_PRIORITY].i > 5))
			return 0;
		if (v[FS_BREAK].present && (!v[FS_BREAK].isint ||
		    v[FS_BREAK].i < 0 || v[FS_BREAK].i > 1440 ||
		    v[FS_BREAK].i * 60 >= v[FS_END].t - v[FS_START].t))
			return 0;
		if (v[FS_LAT].present != v[FS_LON].present)
			return 0;
		if (v[FS_LAT].present) {
			double lat = v[FS_LAT].isint ?
			    (double)v[FS_LAT].i : v[FS_LAT].d;
			double lon = v[FS_LON].isint ?
			    (double)v[FS_LON].i : v[FS_LON].d;

			if (lat < -90 || lat > 90 || lon < -180 || lon > 180)
				return 0;
		}
		if (conf != NULL && ((conf->norgs > 0 &&
		    pool_config_org(conf, str[FS_ORG]) == NULL) ||
		    (conf->nroles > 0 &&
		    pool_config_role(conf, str[FS_ROLE]) == NULL)))
			return 0;
		return emit(g, g->fast, g->ob.p, g->ob.n, 0, str[FS_ID], NULL,
		    NULL, raw, rawlen, err) == -1 ? -1 : 1;
	case POOL_R_SIGNUP:
		if (!v[0].present || !v[1].present)
			return 0;
		return emit(g, g->fast, g->ob.p, g->ob.n, 0, NULL, str[0],
		    str[1], raw, rawlen, err) == -1 ? -1 : 1;
	default:
		if (!v[0].present || !v[1].present || !v[2].present ||
		    v[2].t <= v[1].t)
			return 0;
		return emit(g, g->fast, g->ob.p, g->ob.n, 0, NULL, str[0],
		    NULL, raw, rawlen, err) == -1 ? -1 : 1;
	}
}


/** Readers */

/*
 * Reject a CSV row that holds a NUL byte, naming the first field with
 * one: cut at the NUL, its text would be silently shorter.
 */
static int
reject_nul(struct pool_ingest *g, const struct pool_mapping *m,
    const struct pool_csv *r, char **names, size_t nnames, const char *raw,
    size_t rawlen, struct pool_error *err)
{
	const char	*s, *field = NULL;
	size_t		 i, j, len;
	char		 col[96], q[80];

	for (i = 0; (s = pool_csv_field(r, i, &len)) != NULL; i++)
		if (memchr(s, '\0', len) != NULL)
			break;
	for (j = 0; j < m->nfields; j++)
		if (m->fields[j].index == (long)i ||
		    m->fields[j].date_index == (long)i ||
		    m->fields[j].time_index == (long)i) {
			field = m->fields[j].field;
			break;
		}
	if (names != NULL && i < nnames)
		snprintf(col, sizeof(col), "'%s'", pool_mapping_printable(
		    names[i], strlen(names[i]), q, sizeof(q)));
	else
		snprintf(col, sizeof(col), "%zu", i + 1);
	return reject_text(g, field, raw, rawlen, err, "a NUL byte in column "
	    "%s", col);
}

static int
read_csv(struct pool_ingest *g, FILE *f, const char *source, int tsv,
    struct pool_error *err)
{
	struct pool_mapping	*m = g->o.mapping, *own = NULL;
	struct pool_csv_opts	 co;
	struct pool_csv		*r;
	struct pool_error	 e;
	struct row		 row;
	const char		*raw;
	char			**names = NULL;
	size_t			 nnames = 0, i, rawlen, vlen, nunnamed = 0;
	size_t			*unnamed = NULL; /* columns without a name */
	json_t			*o;
	int			 rc, ret = -1, bound = 0, verbatim = 0;
	unsigned long		 badhead = 0;	/* line of a bad header */

	memset(&co, 0, sizeof(co));
	co.delim = g->o.delim ? g->o.delim : m != NULL && m->delim ?
	    m->delim : tsv ? '\t' : 0;
	co.enc = g->o.encoding ? g->o.encoding : m != NULL ? m->encoding :
	    POOL_CSV_AUTO;
	if ((r = pool_csv_new(f, source, &co, err)) == NULL)
		return -1;
	if (m == NULL && (m = own = pool_mapping_new_identity(err)) == NULL)
		goto out;
	for (;;) {
		rc = pool_csv_next(r, &e);
		g->line = pool_csv_line(r);
		raw = pool_csv_raw(r, &rawlen);
		if (rc == 0)
			break;
		if (rc == -1 && e.code == POOL_ESYS) {
			*err = e;
			goto out;
		}
		if (!bound && m->header && (rc == -1 || pool_csv_nul(r) ||
		    badhead != 0)) {
			/*
			 * A header row that cannot be read: it and every row
			 * after it are rejected, so each is accounted for.
			 */
			count_row(g);
			if (badhead != 0)
				rc = rc == -1 ? reject(g, &e, g->src, g->line,
				    raw, rawlen, err) : reject_text(g, NULL,
				    raw, rawlen, err, "no usable header row "
				    "(line %lu)", badhead);
			else {
				badhead = g->line;
				rc = reject_text(g, NULL, raw, rawlen, err,
				    "header row: %s", rc == -1 ? e.text :
				    "a NUL byte in it");
			}
			if (rc == -1)
				goto out;
			continue;
		}
		if (!bound && m->header) {
			/* The header row. */
			nnames = pool_csv_nfields(r);
			if ((names = calloc(nnames + 1, sizeof(*names))) ==
			    NULL)
				goto nomem;
			for (i = 0; i < nnames; i++) {
				size_t len;
				const char *s = pool_csv_field(r, i, &len);

				if ((names[i] = strdup(trim(g, s, len))) ==
				    NULL)
					goto nomem;
			}
			if (pool_mapping_bind(m, (const char *const *)names,
			    nnames, err) == -1) {
				pool_error_locate(err, source, g->line);
				goto out;
			}
			/*
			 * Without a mapping, the header names the fields: a
			 * value under a column without a name would be lost.
			 */
			if (m->identity && (unnamed = calloc(nnames + 1,
			    sizeof(*unnamed))) == NULL)
				goto nomem;
			for (i = 0; m->identity && i < nnames; i++)
				if (*names[i] == '\0')
					unnamed[nunnamed++] = i;
			bound = 1;
			fast_bind(g, m);
			continue;
		}
		count_row(g);
		if (rc == -1) {
			if (reject(g, &e, g->src, g->line, raw, rawlen,
			    err) == -1)
				goto out;
			continue;
		}
		if (!bound) {
			/* No header: bind column numbers to the first row. */
			if (pool_mapping_bind(m, NULL, pool_csv_nfields(r),
			    err) == -1) {
				pool_error_locate(err, source, g->line);
				g->st.rows--;
				goto out;
			}
			bound = 1;
			fast_bind(g, m);
		}
		if (m->header && pool_csv_nfields(r) != nnames) {
			size_t nf = pool_csv_nfields(r);

			/*
			 * Across lines, the row most likely holds a quote
			 * that opens no field: it costs its first line only.
			 */
			if (pool_csv_resync(r)) {
				raw = pool_csv_raw(r, &rawlen);
				rc = reject_text(g, NULL, raw, rawlen, err,
				    "row has %zu fields, the header has %zu: "
				    "a quote on this line runs into the next; "
				    "the line is rejected alone", nf, nnames);
			} else
				rc = reject_text(g, NULL, raw, rawlen, err,
				    "row has %zu fields, the header has %zu",
				    nf, nnames);
			if (rc == -1)
				goto out;
			continue;
		}
		for (i = 0; i < nunnamed; i++) {
			pool_csv_field(r, unnamed[i], &vlen);
			if (vlen > 0)
				break;
		}
		if (i < nunnamed) {
			if (reject_text(g, NULL, raw, rawlen, err, "a value in "
			    "column %zu, which has no name in the header",
			    unnamed[i] + 1) == -1)
				goto out;
			continue;
		}
		if (pool_csv_nul(r)) {
			if (reject_nul(g, m, r, names, nnames, raw, rawlen,
			    err) == -1)
				goto out;
			continue;
		}
		row.csv = r;
		row.obj = NULL;
		if (g->fpending)
			fast_pick(g, m, &row);
		if (g->fast != POOL_R_UNKNOWN) {
			if ((rc = fast_row(g, m, &row, raw, rawlen, err)) == -1)
				goto out;
			if (rc == 1)
				continue;
			g->fastid = NULL;
		}
		pool_error_clear(&e);
		if ((o = row_to_json(g, m, &row, &e)) == NULL) {
			if (reject(g, &e, g->src, g->line, raw, rawlen,
			    err) == -1)
				goto out;
			continue;
		}
		if (default_type(g, o, 0, &verbatim, err) == -1)
			rc = -1;
		else if (json_object_get(o, "type") == NULL)
			rc = reject_text(g, "type", raw, rawlen, err, "missing "
			    "(give the type in the mapping, a 'type' column "
			    "or --type)");
		else
			rc = process(g, o, raw, rawlen, 0, err);
		json_decref(o);
		if (rc == -1)
			goto out;
	}
	ret = 0;
	goto out;
nomem:
	pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
out:
	for (i = 0; names != NULL && i < nnames; i++)
		free(names[i]);
	free(names);
	free(unnamed);
	pool_mapping_free(own);
	pool_csv_free(r);
	return ret;
}

/* The constants of a mapping without columns: every record gets them. */
static int
add_constants(struct pool_ingest *g, const struct pool_mapping *m, json_t *o,
    struct pool_error *err)
{
	const struct pool_map_field	*f;
	json_t				*x;
	size_t				 i;
	char				*v;

	for (i = 0; i < m->nfields; i++) {
		f = &m->fields[i];
		if (f->constant == NULL)
			continue;
		v = trim(g, f->constant, strlen(f->constant));
		if (*v == '\0')
			continue;
		if ((x = conv(g, m, f, f->field, v, err)) == NULL ||
		    set_path(o, f->field, x, err) == -1)
			return -1;
	}
	return 0;
}

/*
 * One JSON object of NDJSON, a JSON array or YAML.  With a mapping, its
 * keys are the columns; without, it is the record (string values are
 * converted by field type unless it is NDJSON, which is kept verbatim).
 */
static int
one_object(struct pool_ingest *g, json_t *o, const char *raw, size_t rawlen,
    int ndjson, struct pool_error *err)
{
	const struct pool_mapping *m = ndjson ? NULL : g->o.mapping;
	int			 verbatim = ndjson, ident;
	struct pool_error	 e;
	struct row		 row;
	json_t			*r;
	int			 rc;

	count_row(g);
	if (!json_is_object(o))
		return reject_text(g, NULL, raw, rawlen, err,
		    "not a JSON object");
	pool_error_clear(&e);
	ident = m == NULL || m->identity;
	if (!ident) {
		row.csv = NULL;
		row.obj = o;
		if ((r = row_to_json(g, m, &row, &e)) == NULL)
			return reject(g, &e, g->src, g->line, raw, rawlen,
			    err);
		verbatim = 0;
	} else
		r = json_incref(o);
	if (m != NULL && ident && add_constants(g, m, r, &e) == -1) {
		json_decref(r);
		return reject(g, &e, g->src, g->line, raw, rawlen, err);
	}
	if (default_type(g, r, ndjson, &verbatim, err) == -1) {
		json_decref(r);
		return -1;
	}
	if (json_object_get(r, "type") == NULL) {
		json_decref(r);
		return reject_text(g, "type", raw, rawlen, err, "missing "
		    "(give the type in the mapping, a 'type' field or --type)");
	}
	if (!verbatim && ident && normalize(g, r, &e) == -1) {
		json_t	*tv = json_object_get(r, "type");

		/* The type may be anything but a string here ("type: 7"). */
		set_context(&e, r, json_is_string(tv) ?
		    pool_rtype_parse(json_string_value(tv)) : POOL_R_UNKNOWN);
		json_decref(r);
		return reject(g, &e, g->src, g->line, raw, rawlen, err);
	}
	rc = process(g, r, raw, rawlen, verbatim, err);
	json_decref(r);
	return rc;
}

/*
 * The canonical text (see canonical) of a scanned object: the members
 * m[0..n), the keys of ord first, then the others sorted.  A member
 * that is an array or an object is followed by its elements.  Members
 * mostly come in canonical order already (records written by flexpool),
 * so each is ranked once and the order only checked.
 */
struct ranked {
	const struct pool_jtok	*v;
	size_t			 rank;	/* index in ord, or SIZE_MAX */
};

static int
ranked_before(const struct ranked *a, const struct ranked *b)
{
	if (a->rank != b->rank)
		return a->rank < b->rank;
	return strcmp(a->v->key, b->v->key) < 0;
}

static void
ob_scanned(struct obuf *b, const struct pool_jtok *m, size_t n,
    const char *const *ord)
{
	struct ranked	 small[32], *r = small, t;
	size_t		 i, j, k, idx, from = 0, norder = 0;

	if (n > 32 && (r = malloc(n * sizeof(*r))) == NULL) {
		b->nomem = 1;
		return;
	}
	while (ord != NULL && ord[norder] != NULL)
		norder++;
	for (i = 0, idx = 0; i < n; i++) {
		r[i].v = &m[idx];
		r[i].rank = SIZE_MAX;
		/* From just after the last key found: in order, it is near. */
		for (j = 0; j < norder; j++) {
			k = from + j < norder ? from + j : from + j - norder;
			if (ord[k][0] == m[idx].key[0] &&
			    strcmp(ord[k], m[idx].key) == 0) {
				r[i].rank = k;
				from = k + 1;
				break;
			}
		}
		idx += 1 + (m[idx].type == POOL_J_ARRAY ||
		    m[idx].type == POOL_J_OBJECT ? m[idx].n : 0);
		/* Insertion: nothing moves when the order is canonical. */
		for (j = i; j > 0 && ranked_before(&r[j], &r[j - 1]); j--) {
			t = r[j];
			r[j] = r[j - 1];
			r[j - 1] = t;
		}
	}
	ob_put(b, "{", 1);
	for (i = 0; i < n; i++) {
		if (i > 0)
			ob_put(b, ",", 1);
		ob_str(b, r[i].v->key, r[i].v->klen);
		ob_put(b, ":", 1);
		ob_scanned_value(b, r[i].v);
	}
	ob_put(b, "}", 1);
	if (r != small)
		free(r);
}

/* One scanned value; an array or object with the tokens after it. */
static void
ob_scanned_value(struct obuf *b, const struct pool_jtok *v)
{
	uint32_t	i;

	switch (v->type) {
	case POOL_J_OBJECT:
		ob_scanned(b, v + 1, v->n, NULL);
		break;
	case POOL_J_ARRAY:
		ob_put(b, "[", 1);
		for (i = 0; i < v->n; i++) {
			if (i > 0)
				ob_put(b, ",", 1);
			ob_scanned_value(b, v + 1 + i);
		}
		ob_put(b, "]", 1);
		break;
	case POOL_J_STRING:
		ob_str(b, v->s, v->len);
		break;
	case POOL_J_INTEGER:
		ob_int(b, v->i);
		break;
	case POOL_J_REAL:
		ob_real(b, v->x);
		break;
	case POOL_J_TRUE:
		ob_put(b, "true", 4);
		break;
	case POOL_J_FALSE:
		ob_put(b, "false", 5);
		break;
	default:
		ob_put(b, "null", 4);
		break;
	}
}

/*
 * The fast path of NDJSON: a line the scanner reads, holding a valid
 * record of a known type with its "type", that the configuration
 * accepts, is written as it came without a jansson tree; the record is
 * hashed on its canonical text built from the scanned values, which
 * is the text canonical writes.  Anything else (a line the scanner
 * refuses, an invalid or refused record, pseudonyms) returns 1 and
 * takes the general path, which words every error; so both paths
 * write the same bytes and the same rejects.  Returns 0 when the line
 * was handled, 1 for the general path, -1 on a write error or when out
 * of memory.
 */
#define FAST_LINE	4096
#define FAST_TOKENS	128

static int
fast_ndjson(struct pool_ingest *g, const char *line, size_t len,
    struct pool_error *err)
{
	struct pool_jtok	 tok[FAST_TOKENS];
	char			 buf[FAST_LINE];
	struct pool_jscan	 sc;
	struct pool_record	 rec;
	struct pool_error	 e;
	const char		*idstr, *worker, *shift;
	uint64_t		 rech = 0;
	int			 rc;

	if (g->o.slow || g->o.pseudo != NULL || len >= FAST_LINE)
		return 1;
	pool_jscan_init(&sc, tok, FAST_TOKENS, buf, sizeof(buf));
	if (pool_jscan_object(&sc, line, len) == -1)
		return 1;
	if (pool_record_from_jscan(&g->data, &sc, &rec) == -1)
		return 1;
	pool_error_clear(&e);
	if (check_config(g, &rec, &e) == -1) {
		pool_record_release(&rec);
		return 1;
	}
	count_row(g);
	record_keys(&rec, &idstr, &worker, &shift);
	if (idstr != NULL) {
		g->cb.n = 0;
		g->cb.nomem = 0;
		ob_scanned(&g->cb, sc.tok, sc.nmembers, order_of(rec.type));
		if (g->cb.nomem) {
			pool_record_release(&rec);
			return pool_error_set(err, POOL_ENOMEM, NULL,
			    "out of memory");
		}
		rech = hash(HASH_INIT, g->cb.p, g->cb.n);
	}
	rc = emit(g, rec.type, line, len, rech, idstr, worker, shift, line,
	    len, err);
	pool_record_release(&rec);
	if (rc == -1 || data_tick(g, err) == -1)
		return -1;
	return 0;
}

static int
read_ndjson(struct pool_ingest *g, FILE *f, const char *source,
    struct pool_error *err)
{
	struct pool_ndjson	*nd;
	struct pool_error	 e;
	json_error_t		 je;
	const char		*line;
	size_t			 len;
	json_t			*o;
	int			 rc, ret = -1;

	if ((nd = pool_ndjson_new(f, source, 0, err)) == NULL)
		return -1;
	for (;;) {
		pool_error_clear(&e);
		rc = pool_ndjson_next(nd, &line, &len, &e);
		g->line = pool_ndjson_lineno(nd);
		if (rc == 0)
			break;
		if (rc == -1) {
			if (e.code == POOL_ESYS) {
				*err = e;
				goto out;
			}
			count_row(g);
			if (reject(g, &e, g->src, g->line, NULL, 0, err) == -1)
				goto out;
			continue;
		}
		if ((rc = fast_ndjson(g, line, len, err)) == -1)
			goto out;
		if (rc == 0)
			continue;
		if ((o = json_loadb(line, len, JSON_REJECT_DUPLICATES,
		    &je)) == NULL) {
			count_row(g);
			if (reject_text(g, NULL, line, len, err,
			    "invalid JSON: %s (column %d)", je.text,
			    je.column) == -1)
				goto out;
			continue;
		}
		/* Hand-made NDJSON is validated, and written as it came. */
		rc = one_object(g, o, line, len, 1, err);
		json_decref(o);
		if (rc == -1)
			goto out;
	}
	ret = 0;
out:
	pool_ndjson_free(nd);
	return ret;
}

/* Read all of f (at most MAXFILE bytes) into *buf. */
static int
slurp(FILE *f, const char *source, char **buf, size_t *len,
    struct pool_error *err)
{
	size_t	 cap = 65536, n = 0, k;
	char	*b = NULL, *nb;

	for (;;) {
		if ((nb = realloc(b, cap + 1)) == NULL) {
			free(b);
			return pool_error_set(err, POOL_ENOMEM, NULL,
			    "out of memory");
		}
		b = nb;
		k = fread(b + n, 1, cap - n, f);
		n += k;
		if (n < cap)
			break;
		if (cap >= MAXFILE) {
			free(b);
			pool_error_set(err, POOL_ELIMIT, NULL, "larger than "
			    "%u bytes (use NDJSON for big inputs)", MAXFILE);
			pool_error_locate(err, source, 0);
			return -1;
		}
		cap *= 2;
	}
	if (ferror(f)) {
		free(b);
		pool_error_set(err, POOL_ESYS, NULL, "read error");
		pool_error_locate(err, source, 0);
		return -1;
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return 0;
}

/* Length of the valid UTF-8 character at p (left bytes), 0 if none. */
static size_t
utf8_char(const unsigned char *p, size_t left)
{
	size_t	n;

	if (p[0] < 0x80)
		return 1;
	n = p[0] >= 0xc2 && p[0] <= 0xdf ? 2 : p[0] >= 0xe0 && p[0] <= 0xef ?
	    3 : p[0] >= 0xf0 && p[0] <= 0xf4 ? 4 : 0;
	if (n == 0 || n > left)
		return 0;
	return pool_utf8_valid((const char *)p, n) ? n : 0;
}

/*
 * The bytes of a JSON or YAML text that are not UTF-8, which jansson and
 * libyaml refuse for the whole file: each is replaced by 'x' in the text
 * that is parsed, so that the parser reads on, and marked, so that the
 * row holding one is rejected; orig keeps the text as it was, for the
 * rejects (orig is the parsed text itself when all of it is UTF-8).
 */
struct badmap {
	char		*orig;
	uint64_t	*bits;		/* NULL: no bad byte */
};

static int
badmap_make(char *b, size_t n, struct badmap *bm, struct pool_error *err)
{
	size_t	i, k;

	bm->orig = b;
	bm->bits = NULL;
	for (i = 0; i < n; i += k) {
		if ((unsigned char)b[i] < 0x80) {
			k = 1;
			continue;
		}
		if ((k = utf8_char((unsigned char *)b + i, n - i)) != 0)
			continue;
		if (bm->bits == NULL) {
			if ((bm->bits = calloc(n / 64 + 1,
			    sizeof(*bm->bits))) == NULL ||
			    (bm->orig = malloc(n + 1)) == NULL) {
				free(bm->bits);
				bm->bits = NULL;
				bm->orig = b;
				return pool_error_set(err, POOL_ENOMEM, NULL,
				    "out of memory");
			}
			memcpy(bm->orig, b, n + 1);
		}
		bm->bits[i / 64] |= (uint64_t)1 << (i % 64);
		b[i] = 'x';
		k = 1;
	}
	return 0;
}

/* 1 if a byte of [start, end) was not UTF-8. */
static int
badmap_any(const struct badmap *bm, size_t start, size_t end)
{
	size_t	i;

	for (i = start; bm->bits != NULL && i < end; i++)
		if (bm->bits[i / 64] & ((uint64_t)1 << (i % 64)))
			return 1;
	return 0;
}

static void
badmap_free(struct badmap *bm, char *b)
{
	if (bm->orig != b)
		free(bm->orig);
	free(bm->bits);
}

/** JSON arrays, read as a stream */

/*
 * A JSON array is read through a window over the input, not loaded
 * whole: the window holds the element being read and what was read
 * ahead, so memory stays flat however many elements there are.  Bytes
 * that are not UTF-8 are replaced by 'x' in the window as they are
 * read, exactly as badmap_make does for a whole text, and remembered,
 * so that a reject quotes the input as it was.
 *
 * jansson reads an element from the window.  When its answer (a value
 * or an error) came within JS_MARGIN bytes of the end of what was read
 * (jansson reads a character ahead, and a UTF-8 character at a time),
 * it could depend on bytes not read yet: the window grows (doubling)
 * and the element is read again.  So every answer is the one a read of
 * the whole text would give.  With the option slow the window is read
 * a few bytes at a time, so that tests meet every edge.
 */
#define JS_CHUNK	(1u << 20)	/* bytes read at a time */
#define JS_SLOW_CHUNK	13		/* the same with the option slow */
#define JS_MARGIN	16

struct jsbad {
	uint64_t	 at;		/* offset in the input */
	unsigned char	 c;		/* the byte there */
};

struct jstream {
	FILE		*f;
	const char	*source;
	char		*b;		/* the input from offset off on */
	size_t		 n, cap;
	size_t		 ok;		/* b[0 .. ok) checked as UTF-8; the
					   rest: a character cut by a read */
	uint64_t	 off;
	uint64_t	 hold;		/* never drop bytes from here on */
	size_t		 chunk;
	int		 eof;
	unsigned long	 line;		/* of the element, for errors */
	struct jsbad	*bad;		/* bytes not UTF-8 in the window */
	size_t		 nbad, badcap;
	char		 raw[RAWMAX];	/* raw text of a reject */
};

static int
js_nomem(struct pool_error *err)
{
	return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
}

/* 1 when the window holds the input up to its end. */
static int
js_done(const struct jstream *js)
{
	return js->eof && js->ok == js->n;
}

/* The offset just past the bytes ready to be read. */
static uint64_t
js_top(const struct jstream *js)
{
	return js->off + js->ok;
}

static const char *
js_ptr(const struct jstream *js, uint64_t at)
{
	return js->b + (size_t)(at - js->off);
}

/* Check the new bytes of the window: see badmap_make. */
static int
js_check(struct jstream *js, struct pool_error *err)
{
	unsigned char	*b = (unsigned char *)js->b;
	size_t		 i = js->ok, n = js->n, need, k;
	uint64_t	 x;
	struct jsbad	*nb;

	while (i < n) {
		if (b[i] < 0x80) {
			while (n - i >= 8) {
				memcpy(&x, b + i, 8);
				if (x & HIGHS)
					break;
				i += 8;
			}
			while (i < n && b[i] < 0x80)
				i++;
			continue;
		}
		need = b[i] >= 0xc2 && b[i] <= 0xdf ? 2 : b[i] >= 0xe0 &&
		    b[i] <= 0xef ? 3 : b[i] >= 0xf0 && b[i] <= 0xf4 ? 4 : 0;
		if (need > n - i && !js->eof)
			break;		/* the rest comes with the next read */
		if ((k = utf8_char(b + i, n - i)) == 0) {
			if (js->nbad == js->badcap) {
				size_t cap = js->badcap ? js->badcap * 2 : 64;

				if ((nb = realloc(js->bad,
				    cap * sizeof(*nb))) == NULL)
					return js_nomem(err);
				js->bad = nb;
				js->badcap = cap;
			}
			js->bad[js->nbad].at = js->off + i;
			js->bad[js->nbad++].c = b[i];
			b[i] = 'x';
			k = 1;
		}
		i += k;
	}
	js->ok = i;
	return 0;
}

/*
 * Read want bytes or more (at least a chunk) into the window, dropping
 * the bytes before offset keep.  Returns 0, or -1 on a read error, when
 * out of memory, or when one element would not fit in MAXFILE bytes.
 */
static int
js_fill(struct jstream *js, uint64_t keep, size_t want,
    struct pool_error *err)
{
	size_t	 drop, i, k, cap;
	char	*nb;

	if (keep > js->hold)
		keep = js->hold;
	if (keep > js->off) {
		drop = (size_t)(keep - js->off);
		memmove(js->b, js->b + drop, js->n - drop);
		js->n -= drop;
		js->ok -= drop;
		js->off = keep;
		for (i = 0; i < js->nbad && js->bad[i].at < keep; i++)
			;
		if (i > 0) {
			memmove(js->bad, js->bad + i, (js->nbad - i) *
			    sizeof(*js->bad));
			js->nbad -= i;
		}
	}
	if (js->eof)
		return js_check(js, err);
	if (want < js->chunk)
		want = js->chunk;
	if (js->n >= MAXFILE) {
		pool_error_set(err, POOL_ELIMIT, NULL, "an array element "
		    "larger than %u bytes (use NDJSON for big inputs)",
		    MAXFILE);
		pool_error_locate(err, js->source, js->line);
		return -1;
	}
	if (want > MAXFILE - js->n)
		want = MAXFILE - js->n;
	if (js->n + want + 1 > js->cap) {
		cap = js->cap * 2 > js->n + want + 1 ? js->cap * 2 :
		    js->n + want + 1;
		if ((nb = realloc(js->b, cap)) == NULL)
			return js_nomem(err);
		js->b = nb;
		js->cap = cap;
	}
	k = fread(js->b + js->n, 1, want, js->f);
	js->n += k;
	if (k < want) {
		if (ferror(js->f)) {
			pool_error_set(err, POOL_ESYS, NULL, "read error");
			pool_error_locate(err, js->source, 0);
			return -1;
		}
		js->eof = 1;
	}
	return js_check(js, err);
}

/*
 * Make want bytes from offset at ready (or all up to the end of the
 * input), keeping the bytes from keep (at most at) on.  Returns 0 or
 * -1.
 */
static int
js_ready(struct jstream *js, uint64_t keep, uint64_t at, size_t want,
    struct pool_error *err)
{
	while (js_top(js) < at + want && !js_done(js))
		if (js_fill(js, keep, (size_t)(at + want - js_top(js)),
		    err) == -1)
			return -1;
	return 0;
}

static int
js_avail(struct jstream *js, uint64_t at, size_t want, struct pool_error *err)
{
	return js_ready(js, at, at, want, err);
}

/* 1 if offset at is the end of the input, 0 if not, -1 on an error. */
static int
js_end(struct jstream *js, uint64_t at, struct pool_error *err)
{
	if (js_avail(js, at, 1, err) == -1)
		return -1;
	return at >= js_top(js);
}

/*
 * The byte at offset at, after js_end said it is not the end: in the
 * window until the next read.
 */
static int
js_byte(const struct jstream *js, uint64_t at)
{
	return (unsigned char)js->b[at - js->off];
}

/* Skip white space from *at on, counting newlines into *line. */
static int
js_skip_ws(struct jstream *js, uint64_t *at, unsigned long *line,
    struct pool_error *err)
{
	const char	*p;
	uint64_t	 i = *at;

	for (;;) {
		while (i < js_top(js)) {
			p = js_ptr(js, i);
			if (*p == '\n')
				(*line)++;
			else if (*p != ' ' && *p != '\t' && *p != '\r') {
				*at = i;
				return 0;
			}
			i++;
		}
		if (js_done(js)) {
			*at = i;
			return 0;
		}
		if (js_fill(js, i, 0, err) == -1)
			return -1;
	}
}

/* Newlines in [from, from + len), all in the window. */
static unsigned long
js_lines(const struct jstream *js, uint64_t from, size_t len)
{
	const char	*p = js_ptr(js, from), *e = p + len;
	unsigned long	 n = 0;

	while ((p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
		n++;
		p++;
	}
	return n;
}

/* 1 if a byte of [from, from + len) was not UTF-8. */
static int
js_any_bad(const struct jstream *js, uint64_t from, size_t len)
{
	size_t	i;

	for (i = 0; i < js->nbad; i++)
		if (js->bad[i].at >= from && js->bad[i].at < from + len)
			return 1;
	return 0;
}

/*
 * Copy the input of [from, from + len), all in the window, as it was
 * into js->raw: at most RAWMAX bytes, which is all a reject keeps.
 * Returns the length copied.
 */
static size_t
js_raw(struct jstream *js, uint64_t from, size_t len)
{
	size_t	i;

	if (len > RAWMAX)
		len = RAWMAX;
	memcpy(js->raw, js_ptr(js, from), len);
	for (i = 0; i < js->nbad; i++)
		if (js->bad[i].at >= from && js->bad[i].at < from + len)
			js->raw[js->bad[i].at - from] = (char)js->bad[i].c;
	return len;
}

/*
 * Where the element after a syntax error most likely starts: the next
 * ',' followed (after white space) by '{', from offset from on, or the
 * end of the input.  Sets *at to the offset of the ',' (or the end),
 * adds the newlines of [start, *at) to *line and copies the raw text of
 * [start, *at) into js->raw (*rawlen bytes).  The window slides on once
 * the raw text is saved, so the rest of a big input can be skipped.
 */
static int
js_resync(struct jstream *js, uint64_t start, uint64_t from, uint64_t *at,
    unsigned long *line, size_t *rawlen, struct pool_error *err)
{
	uint64_t	 i, j;
	int		 saved = 0, c;

	for (i = start; i < from && i < js_top(js); i++)
		if (js_byte(js, i) == '\n')
			(*line)++;
	i = from;
	for (;;) {
		if (i >= js_top(js)) {
			if (js_done(js)) {
				i = js_top(js);	/* from may be past it */
				break;
			}
			if (!saved && i - start >= RAWMAX) {
				*rawlen = js_raw(js, start, RAWMAX);
				saved = 1;
			}
			if (js_fill(js, saved ? i : start, 0, err) == -1)
				return -1;
			continue;
		}
		c = js_byte(js, i);
		if (c == '\n')
			(*line)++;
		if (c == ',') {
			for (j = i + 1; ; j++) {
				if (j >= js_top(js)) {
					if (!saved && i - start >= RAWMAX) {
						*rawlen = js_raw(js, start,
						    RAWMAX);
						saved = 1;
					}
					if (js_ready(js, saved ? i : start,
					    j, 1, err) == -1)
						return -1;
					if (j >= js_top(js))
						break;
				}
				c = js_byte(js, j);
				if (c != ' ' && c != '\t' && c != '\r' &&
				    c != '\n')
					break;
			}
			if (j < js_top(js) && js_byte(js, j) == '{')
				break;
		}
		i++;
	}
	*at = i;
	if (!saved)
		*rawlen = js_raw(js, start, (size_t)(i - start));
	return 0;
}

/*
 * jansson on the element at offset start, reading again with more of
 * the input while its answer could depend on bytes not read yet.
 * Returns the value (or NULL with je set); *fail is set on an error of
 * the run (err set).
 */
static json_t *
js_load(struct jstream *js, uint64_t start, size_t flags, json_error_t *je,
    int *fail, struct pool_error *err)
{
	json_t	*o;
	size_t	 avail;

	flags |= JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY;
	for (;;) {
		avail = (size_t)(js_top(js) - start);
		o = json_loadb(js_ptr(js, start), avail, flags, je);
		if (js_done(js) || (size_t)je->position + JS_MARGIN < avail)
			return o;
		json_decref(o);
		if (js_fill(js, start, avail, err) == -1) {
			*fail = 1;
			return NULL;
		}
	}
}

/* Ready when a mapping leaves an object as it is (see one_object). */
static int
fast_json_mapping(const struct pool_mapping *m)
{
	size_t	i;

	if (m == NULL)
		return 1;
	if (!m->identity)
		return 0;
	for (i = 0; i < m->nfields; i++)
		if (m->fields[i].constant != NULL)
			return 0;
	return 1;
}

/*
 * 1 if normalize leaves every string of the scanned object as it is:
 * a string field without a value map, a time in RFC 3339 with an
 * offset (unless the mapping gives a pattern), a blank value; any other
 * string it would convert (or refuse).
 */
static int
fast_as_is(const struct pool_mapping *m, struct ftent *ftc,
    struct ttent *ttc, const struct pool_jscan *sc)
{
	const struct pool_map_field	*f;
	const struct pool_jtok		*t = sc->tok;
	struct ftent			*c;
	struct ttent			*tc;
	enum pool_ftype			 ft;
	size_t				 i, j;
	int64_t				 x;

	for (i = 0; i < sc->nmembers; i++, t += 1 +
	    (t->type == POOL_J_ARRAY || t->type == POOL_J_OBJECT ? t->n : 0)) {
		if (t->type != POOL_J_STRING || (t->klen == 4 &&
		    memcmp(t->key, "type", 4) == 0))
			continue;
		f = NULL;
		for (j = 0; m != NULL && j < m->nfields; j++)
			if (strcmp(m->fields[j].field, t->key) == 0)
				f = &m->fields[j];
		/* Records repeat a few names: their types are cached. */
		if (t->klen == 0 || t->klen >= sizeof(c->name))
			ft = pool_mapping_ftype(t->key);
		else {
			c = &ftc[(t->klen * 7 + (unsigned char)t->key[0] * 3 +
			    (unsigned char)t->key[t->klen - 1]) % FTC];
			if (memcmp(c->name, t->key, t->klen + 1) != 0) {
				memcpy(c->name, t->key, t->klen + 1);
				c->type = pool_mapping_ftype(t->key);
			}
			ft = c->type;
		}
		if ((f == NULL || f->nmap == 0) && ft == POOL_F_STRING)
			continue;
		if (ft == POOL_F_TIME && (f == NULL || f->format == NULL)) {
			/* Exports repeat their times: those read are kept. */
			tc = NULL;
			if (t->len > 0 && t->len < sizeof(tc->text)) {
				tc = &ttc[hash(HASH_INIT, t->s, t->len) % TTC];
				if (memcmp(tc->text, t->s, t->len + 1) == 0)
					continue;
			}
			if (pool_time_parse(t->s, &x, NULL, NULL) == 0) {
				if (tc != NULL)
					memcpy(tc->text, t->s, t->len + 1);
				continue;
			}
		}
		for (j = 0; j < t->len && isspace((unsigned char)t->s[j]); j++)
			;
		if (j < t->len)
			return 0;
	}
	return 1;
}

/*
 * The fast path of a JSON array element, at offset start: an object
 * the scanner reads, with no byte that was not UTF-8, whose strings
 * normalize would leave as they are, holding a valid record of a known
 * type with its "type" that the configuration accepts, is written in
 * canonical form built from the scanned values (ob_scanned), without a
 * jansson tree: the text canonical writes for it.  Anything else
 * returns 1 and takes the general path, which words every error.
 * Returns 0 with *used set when the element was handled, 1 for the
 * general path, -1 on a write error or when out of memory.
 */
static int
fast_element(struct pool_ingest *g, struct jstream *js, uint64_t start,
    size_t *used, struct pool_error *err)
{
	struct pool_jtok	 tok[FAST_TOKENS];
	char			 buf[FAST_LINE];
	struct pool_jscan	 sc;
	struct pool_record	 rec;
	struct pool_error	 e;
	const char		*text, *idstr, *worker, *shift;
	size_t			 len;
	int			 rc;

	if (js_avail(js, start, FAST_LINE, err) == -1)
		return -1;
	len = (size_t)(js_top(js) - start);
	if (len >= FAST_LINE)
		len = FAST_LINE - 1;
	text = js_ptr(js, start);
	pool_jscan_init(&sc, tok, FAST_TOKENS, buf, sizeof(buf));
	if (pool_jscan_object_prefix(&sc, text, len, used) == -1 ||
	    (js->nbad > 0 && js_any_bad(js, start, *used)) ||
	    !fast_as_is(g->o.mapping, g->ftc, g->ttc, &sc) ||
	    pool_record_from_jscan(&g->data, &sc, &rec) == -1)
		return 1;
	pool_error_clear(&e);
	if (check_config(g, &rec, &e) == -1) {
		pool_record_release(&rec);
		return 1;
	}
	count_row(g);
	record_keys(&rec, &idstr, &worker, &shift);
	g->ob.n = 0;
	g->ob.nomem = 0;
	ob_scanned(&g->ob, sc.tok, sc.nmembers, order_of(rec.type));
	if (g->ob.nomem) {
		pool_record_release(&rec);
		return js_nomem(err);
	}
	rc = emit(g, rec.type, g->ob.p, g->ob.n, 0, idstr, worker, shift,
	    text, *used, err);
	pool_record_release(&rec);
	if (rc == -1 || data_tick(g, err) == -1)
		return -1;
	return 0;
}

/*
 * Not an array: NDJSON in a .json file, read from the bytes read so far
 * (all in the window) and the rest of the input.
 */
static int
js_ndjson(struct pool_ingest *g, struct jstream *js, struct pool_error *err)
{
	char	*rest, *t;
	size_t	 restlen, i, n;
	FILE	*mf;
	int	 rc;

	if (slurp(js->f, js->source, &rest, &restlen, err) == -1)
		return -1;
	n = js->n + restlen;
	if ((t = malloc(n + 1)) == NULL) {
		free(rest);
		return js_nomem(err);
	}
	memcpy(t, js->b, js->n);
	for (i = 0; i < js->nbad; i++)
		t[js->bad[i].at - js->off] = (char)js->bad[i].c;
	memcpy(t + js->n, rest, restlen);
	t[n] = '\0';
	free(rest);
	rc = 0;
	if ((mf = fmemopen(t, n, "r")) != NULL) {
		rc = read_ndjson(g, mf, js->source, err);
		fclose(mf);
	}
	free(t);
	return rc;
}

/*
 * A JSON array of objects, each element a row: one that is not an
 * object, holds a key twice or bytes that are not UTF-8 is a reject and
 * the next is read; where the syntax breaks, the text up to the next
 * ", {" is one reject.  Data after the closing ']' is a reject.  Not
 * an array: NDJSON.  The array is read as a stream (see above).
 */
static int
read_json(struct pool_ingest *g, FILE *f, const char *source,
    struct pool_error *err)
{
	struct jstream	 js;
	json_error_t	 je, je2;
	json_t		*o, *o2;
	uint64_t	 i, start, at;
	size_t		 k, rawlen;
	unsigned long	 line = 1;
	int		 rc = 0, parsed = 0, fast, fail = 0, e, skipped;

	memset(&js, 0, sizeof(js));
	js.f = f;
	js.source = source;
	js.chunk = g->o.slow ? JS_SLOW_CHUNK : JS_CHUNK;
	js.hold = 0;		/* all of it, until it is an array */
	i = 0;
	if (js_avail(&js, 0, 3, err) == -1)
		goto fail;
	if (js.ok >= 3 && memcmp(js.b, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	if (js_skip_ws(&js, &i, &line, err) == -1 ||
	    (e = js_end(&js, i, err)) == -1)
		goto fail;
	if (e)
		goto out;
	if (js_byte(&js, i) != '[') {
		/* Not an array: NDJSON in a .json file. */
		rc = js_ndjson(g, &js, err);
		goto out;
	}
	js.hold = UINT64_MAX;
	fast = !g->o.slow && g->o.pseudo == NULL &&
	    fast_json_mapping(g->o.mapping);
	if (fast && g->ttc == NULL) {
		free(g->ftc);
		if ((g->ftc = calloc(FTC, sizeof(*g->ftc))) == NULL ||
		    (g->ttc = calloc(TTC, sizeof(*g->ttc))) == NULL)
			goto nomem;
	}
	i++;
	if (js_skip_ws(&js, &i, &line, err) == -1 ||
	    (e = js_end(&js, i, err)) == -1)
		goto fail;
	if (!e && js_byte(&js, i) == ']')
		goto end;
	while (rc == 0) {
		start = i;
		g->line = js.line = line;
		if (fast && !e && js_byte(&js, start) == '{') {
			if ((rc = fast_element(g, &js, start, &k, err)) == -1)
				break;
			if (rc == 0) {
				line += js_lines(&js, start, k);
				parsed = 1;
				goto next;
			}
			rc = 0;
		}
		o = js_load(&js, start, JSON_REJECT_DUPLICATES, &je, &fail,
		    err);
		if (fail)
			goto fail;
		skipped = 0;
		if (o != NULL)
			k = (size_t)je.position;
		else if ((o2 = js_load(&js, start, 0, &je2, &fail,
		    err)) != NULL) {
			/* A key given twice: the element alone. */
			k = (size_t)je2.position;
			json_decref(o2);
		} else if (fail)
			goto fail;
		else {
			if (js_resync(&js, start, start + 1, &at, &line,
			    &rawlen, err) == -1)
				goto fail;
			k = (size_t)(at - start);
			skipped = 1;	/* lines counted, raw text saved */
		}
		if (!skipped)
			line += js_lines(&js, start, k);
		if (o == NULL || (js.nbad > 0 && js_any_bad(&js, start, k))) {
			count_row(g);
			if (!skipped)
				rawlen = js_raw(&js, start, k);
			if ((e = js_end(&js, start + k, err)) == -1) {
				json_decref(o);
				goto fail;
			}
			if (o != NULL)
				rc = reject_text(g, NULL, js.raw, rawlen, err,
				    "invalid UTF-8");
			else
				rc = reject_text(g, NULL, js.raw, rawlen, err,
				    "invalid JSON: %s%s", je.text, e ? "; the "
				    "rest of the file is not read" : "");
		} else
			rc = one_object(g, o, js_ptr(&js, start), k, 0, err);
		parsed = o != NULL;
		json_decref(o);
next:
		i = start + k;
		if (js_skip_ws(&js, &i, &line, err) == -1 ||
		    (e = js_end(&js, i, err)) == -1)
			goto fail;
		if (!e && js_byte(&js, i) == ',') {
			i++;
			if (js_skip_ws(&js, &i, &line, err) == -1 ||
			    (e = js_end(&js, i, err)) == -1)
				goto fail;
			continue;
		}
		if (!e && js_byte(&js, i) == ']')
			goto end;
		if (rc == 0 && !e) {
			/* No ',' or ']': up to the next element. */
			start = i;
			g->line = js.line = line;
			if (js_resync(&js, start, start, &at, &line, &rawlen,
			    err) == -1 || (e = js_end(&js, at, err)) == -1)
				goto fail;
			count_row(g);
			rc = reject_text(g, NULL, js.raw, rawlen, err, "invalid "
			    "JSON: ',' or ']' expected%s", e ? "; the rest of "
			    "the file is not read" : "");
			if (!e) {
				i = at + 1;
				if (js_skip_ws(&js, &i, &line, err) == -1 ||
				    (e = js_end(&js, i, err)) == -1)
					goto fail;
				continue;
			}
		} else if (rc == 0 && parsed) {
			/* The last element was read, then the file ends. */
			count_row(g);
			g->line = line;
			rc = reject_text(g, NULL, "", 0, err, "invalid JSON: "
			    "the array is not closed (']' expected at the end)");
		}
		break;
	}
	goto out;
end:
	/* After the array: nothing but white space. */
	i++;
	if (js_skip_ws(&js, &i, &line, err) == -1 ||
	    (e = js_end(&js, i, err)) == -1 ||
	    js_avail(&js, i, RAWMAX, err) == -1)
		goto fail;
	if (!e) {
		count_row(g);
		g->line = line;
		rawlen = js_raw(&js, i, (size_t)(js_top(&js) - i));
		rc = reject_text(g, NULL, js.raw, rawlen, err, "data after the "
		    "closing ']' of the array (one array per file)");
	}
	goto out;
nomem:
	js_nomem(err);
fail:
	rc = -1;
out:
	free(js.b);
	free(js.bad);
	return rc;
}

/* A YAML node as JSON: scalars as strings, nulls as null. */
static json_t *
ynode_json(const struct pool_ynode *y)
{
	json_t	*v, *k;
	size_t	 i;

	switch (y->kind) {
	case POOL_Y_SCALAR:
		if (y->plain && (y->len == 0 || strcmp(y->value, "~") == 0 ||
		    strcmp(y->value, "null") == 0))
			return json_null();
		return json_stringn(y->value, y->len);
	case POOL_Y_SEQ:
		v = json_array();
		for (i = 0; v != NULL && i < y->n; i++)
			if ((k = ynode_json(y->kids[i])) == NULL ||
			    json_array_append_new(v, k) == -1) {
				json_decref(v);
				return NULL;
			}
		return v;
	default:
		v = json_object();
		for (i = 0; v != NULL && i + 1 < y->n; i += 2) {
			if (y->kids[i]->kind != POOL_Y_SCALAR ||
			    json_object_get(v, y->kids[i]->value) != NULL ||
			    (k = ynode_json(y->kids[i + 1])) == NULL ||
			    json_object_set_new(v, y->kids[i]->value,
			    k) == -1) {
				json_decref(v);
				return NULL;
			}
		}
		return v;
	}
}

/*
 * YAML: every document a sequence of mappings, each mapping a row.  A
 * byte that is not UTF-8 (which libyaml refuses for the whole file) is
 * read as 'x' and costs the row it is in; a document that is not a
 * sequence is a reject (if it is the only one, an error).
 */
static int
read_yaml(struct pool_ingest *g, FILE *f, const char *source,
    struct pool_error *err)
{
	struct pool_ynode	*root, *doc, *y;
	struct badmap		 bm;
	char			*b, *t;
	size_t			 n, i, d;
	json_t			*o;
	int			 rc = 0;

	if (slurp(f, source, &b, &n, err) == -1)
		return -1;
	if (badmap_make(b, n, &bm, err) == -1) {
		free(b);
		return -1;
	}
	t = bm.orig;
	if (pool_yaml_parse_stream(b, n, source, MAXYNODES, &root,
	    err) == -1) {
		badmap_free(&bm, b);
		free(b);
		return -1;
	}
	for (d = 0; d < root->n && rc == 0; d++) {
		doc = root->kids[d];
		if (doc->kind == POOL_Y_SCALAR && doc->plain &&
		    doc->len == 0)
			continue;	/* an empty document */
		if (doc->kind != POOL_Y_SEQ) {
			if (root->n == 1) {
				pool_error_set(err, POOL_EPARSE, NULL, "a YAML "
				    "input must be a sequence of mappings "
				    "(- type: shift ...)");
				pool_error_locate(err, source, doc->line);
				rc = -1;
				break;
			}
			g->line = doc->line;
			count_row(g);
			rc = reject_text(g, NULL, t + doc->start,
			    doc->end - doc->start, err, "a YAML document that "
			    "is not a sequence of mappings (- type: shift ...)");
			continue;
		}
		for (i = 0; i < doc->n && rc == 0; i++) {
			y = doc->kids[i];
			g->line = y->line;
			if (y->kind != POOL_Y_MAP) {
				count_row(g);
				rc = reject_text(g, NULL, t + y->start,
				    y->end - y->start, err, "not a mapping");
				continue;
			}
			if (badmap_any(&bm, y->start, y->end)) {
				count_row(g);
				rc = reject_text(g, NULL, t + y->start,
				    y->end - y->start, err, "invalid UTF-8");
				continue;
			}
			if ((o = ynode_json(y)) == NULL) {
				count_row(g);
				rc = reject_text(g, NULL, t + y->start,
				    y->end - y->start, err, "invalid UTF-8, a "
				    "key that is not text, or a key given "
				    "twice");
				continue;
			}
			rc = one_object(g, o, t + y->start, y->end - y->start,
			    0, err);
			json_decref(o);
		}
	}
	pool_ynode_free(root);
	badmap_free(&bm, b);
	free(b);
	return rc;
}

/** The run */

int
pool_ingest_format_parse(const char *s)
{
	static const char *const names[] = {
		"auto", "csv", "tsv", "json", "ndjson", "yaml", NULL
	};
	int	i;

	for (i = 0; names[i] != NULL; i++)
		if (strcasecmp(s, names[i]) == 0)
			return i;
	if (strcasecmp(s, "jsonl") == 0)
		return POOL_FMT_NDJSON;
	if (strcasecmp(s, "yml") == 0)
		return POOL_FMT_YAML;
	return -1;
}

enum pool_ingest_format
pool_ingest_format_guess(const char *path)
{
	const char	*dot = strrchr(path, '.');
	int		 f;

	if (dot == NULL || strchr(dot, '/') != NULL)
		return POOL_FMT_AUTO;
	if (strcasecmp(dot, ".txt") == 0)
		return POOL_FMT_CSV;
	if (strcasecmp(dot, ".tab") == 0)
		return POOL_FMT_TSV;
	f = pool_ingest_format_parse(dot + 1);
	return f == -1 ? POOL_FMT_AUTO : (enum pool_ingest_format)f;
}

struct pool_ingest *
pool_ingest_new(const struct pool_ingest_opts *opts, struct pool_error *err)
{
	struct pool_ingest	*g;
	const char		*zone;

	if ((g = calloc(1, sizeof(*g))) == NULL) {
		pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
		return NULL;
	}
	g->o = *opts;
	if (pool_data_init(&g->data, err) == -1) {
		free(g);
		return NULL;
	}
	g->fs.cap = 2 * POOL_CSV_MAXROW + POOL_MAPPING_MAXSIZE;
	if ((g->tmp = malloc(POOL_CSV_MAXROW + 1)) == NULL ||
	    (g->fs.p = malloc(g->fs.cap)) == NULL) {
		pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
		goto fail;
	}
	zone = opts->config != NULL && opts->config->timezone != NULL ?
	    opts->config->timezone : "Europe/Amsterdam";
	if ((g->tz = pool_tz_load(zone, opts->tzdir, err)) == NULL ||
	    pool_ingest_mapping(g, opts->mapping, err) == -1)
		goto fail;
	return g;
fail:
	pool_ingest_free(g);
	return NULL;
}

int
pool_ingest_mapping(struct pool_ingest *g, struct pool_mapping *m,
    struct pool_error *err)
{
	struct pool_tz	*tz;
	const char	*zone = pool_tz_name(g->tz);

	if (m != NULL && m->timezone != NULL)
		zone = m->timezone;
	if (g->srctz == NULL || strcmp(pool_tz_name(g->srctz), zone) != 0) {
		if ((tz = pool_tz_load(zone, g->o.tzdir, err)) == NULL) {
			if (m != NULL)
				pool_error_locate(err, m->source, 0);
			return -1;
		}
		pool_tz_free(g->srctz);
		g->srctz = tz;
	}
	g->o.mapping = m;
	return 0;
}

void
pool_ingest_free(struct pool_ingest *g)
{
	size_t	i;

	if (g == NULL)
		return;
	for (i = 0; i < g->nheld; i++)
		free(g->held[i].text);
	for (i = 0; i < g->ndefer; i++) {
		free(g->defer[i].text);
		free(g->defer[i].raw);
		free(g->defer[i].worker);
		free(g->defer[i].shift);
		free(g->defer[i].context);
	}
	for (i = 0; i < g->nsources; i++)
		free(g->sources[i]);
	free(g->sources);
	free(g->held);
	free(g->defer);
	free(g->ids);
	free(g->tmp);
	free(g->ob.p);
	free(g->cb.p);
	free(g->fs.p);
	free(g->dtc);
	free(g->itc);
	free(g->atc);
	free(g->ftc);
	free(g->ttc);
	pool_tz_free(g->tz);
	pool_tz_free(g->srctz);
	pool_data_release(&g->data);
	free(g);
}

int
pool_ingest_file(struct pool_ingest *g, FILE *f, const char *source,
    struct pool_error *err)
{
	enum pool_ingest_format	 fmt = g->o.format;
	char			**ns;

	if ((ns = realloc(g->sources, (g->nsources + 1) *
	    sizeof(*ns))) == NULL ||
	    (g->sources = ns, ns[g->nsources] = strdup(source)) == NULL)
		return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
	g->src = (uint32_t)g->nsources++;
	if (fmt == POOL_FMT_AUTO)
		fmt = pool_ingest_format_guess(source);
	switch (fmt) {
	case POOL_FMT_CSV:
	case POOL_FMT_TSV:
		return read_csv(g, f, source, fmt == POOL_FMT_TSV, err);
	case POOL_FMT_JSON:
		return read_json(g, f, source, err);
	case POOL_FMT_YAML:
		return read_yaml(g, f, source, err);
	default:
		return read_ndjson(g, f, source, err);
	}
}

int
pool_ingest_finish(struct pool_ingest *g, struct pool_error *err)
{
	struct pool_error	 e;
	struct defer		*d;
	size_t			 i;
	PRBUF;

	for (i = 0; i < g->nheld; i++)
		if (write_text(g, g->held[i].text, g->held[i].len,
		    g->held[i].type, err) == -1)
			return -1;
	for (i = 0; i < g->ndefer; i++) {
		d = &g->defer[i];
		pool_error_clear(&e);
		if (!id_has(g, POOL_R_WORKER, d->worker))
			pool_error_set(&e, POOL_EFIELD, "worker", "worker '%s' "
			    "is not in the input", PR(d->worker));
		else if (d->shift != NULL &&
		    !id_has(g, POOL_R_SHIFT, d->shift))
			pool_error_set(&e, POOL_EFIELD, "shift", "shift '%s' "
			    "is not in the input", PR(d->shift));
		else {
			if (write_text(g, d->text, d->len, d->type, err) == -1)
				return -1;
			continue;
		}
		snprintf(e.context, sizeof(e.context), "%s", d->context);
		if (reject(g, &e, d->src, d->line, d->raw, strlen(d->raw),
		    err) == -1)
			return -1;
	}
	if (fflush(g->o.out) == EOF ||
	    (g->o.rejects != NULL && fflush(g->o.rejects) == EOF))
		return werr(err);
	return 0;
}

const struct pool_ingest_stats *
pool_ingest_stats(const struct pool_ingest *g)
{
	return &g->st;
}
