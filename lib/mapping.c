/*
 * Mapping files: the YAML tree of yaml.c (aliases refused), the
 * mapping keys of pool-mapping(5), date/time patterns and the field
 * types of pool-records(5).
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pool_csv.h"
#include "pool_mapping.h"
#include "pool_record.h"

/* Text from a file in a one-line message: control characters as '?'. */
static int
clean(struct pool_error *err)
{
	char	*p;

	if (err == NULL)
		return -1;
	for (p = err->text; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	for (p = err->field; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	return -1;
}

/* pool_error_set (POOL_ECONFIG, no field), then clean. */
static int
clean_set(struct pool_error *err, const char *fmt, ...)
    POOL_PRINTFLIKE(2, 3);

static int
clean_set(struct pool_error *err, const char *fmt, ...)
{
	char	buf[256];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	pool_error_set(err, POOL_ECONFIG, NULL, "%s", buf);
	return clean(err);
}

/** YAML tree (yaml.c; anchors and aliases refused) */

/*
 * One document (stream 0: a second one is an error) or all of them
 * (stream 1: the root is a sequence of the documents' roots), worded
 * for mapping files and YAML input.
 */
static int
yparse(const char *buf, size_t len, const char *name, size_t maxnodes,
    int stream, struct pool_ynode **root, struct pool_error *err)
{
	struct pool_yopts	 o = { maxnodes, POOL_YAML_MAXDEPTH, stream,
				       0, 0, 0 };
	struct pool_yfault	 f;

	if (pool_yaml_tree(buf, len, &o, root, &f) == 0)
		return 0;
	switch (f.kind) {
	case POOL_YF_NOMEM:
		pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
		break;
	case POOL_YF_SYNTAX:
		pool_error_set(err, POOL_EPARSE, NULL, "YAML: %s%s%s",
		    f.problem ? f.problem : "syntax error",
		    f.context ? " " : "", f.context ? f.context : "");
		break;
	case POOL_YF_ALIAS:
		pool_error_set(err, POOL_EPARSE, NULL,
		    "YAML aliases are not allowed");
		break;
	case POOL_YF_ANCHOR:
		pool_error_set(err, POOL_EPARSE, NULL,
		    "YAML anchors are not allowed");
		break;
	case POOL_YF_NODES:
		pool_error_set(err, POOL_ELIMIT, NULL,
		    "more than %zu YAML nodes", maxnodes);
		break;
	case POOL_YF_DEPTH:
		pool_error_set(err, POOL_ELIMIT, NULL,
		    "YAML nested more than %d deep", POOL_YAML_MAXDEPTH);
		break;
	default:		/* POOL_YF_DOCUMENTS; aliases never get further */
		pool_error_set(err, POOL_EPARSE, NULL, "a second "
		    "YAML document ('---'): one per file");
		break;
	}
	pool_error_locate(err, name, f.line);
	return -1;
}

int
pool_yaml_parse(const char *buf, size_t len, const char *name,
    size_t maxnodes, struct pool_ynode **root, struct pool_error *err)
{
	return yparse(buf, len, name, maxnodes, 0, root, err);
}

int
pool_yaml_parse_stream(const char *buf, size_t len, const char *name,
    size_t maxnodes, struct pool_ynode **root, struct pool_error *err)
{
	return yparse(buf, len, name, maxnodes, 1, root, err);
}

/** Field types */

static const struct {
	const char	*name;
	enum pool_ftype	 type;
} ftypes[] = {
	{ "break_minutes",	POOL_F_INTEGER },
	{ "carry",		POOL_F_NUMBER },
	{ "contract_hours",	POOL_F_NUMBER },
	{ "date",		POOL_F_DATE },
	{ "dedicated",		POOL_F_LIST },
	{ "demand",		POOL_F_NUMBER },
	{ "end",		POOL_F_TIME },
	{ "entitled",		POOL_F_NUMBER },
	{ "line",		POOL_F_INTEGER },
	{ "location.lat",	POOL_F_NUMBER },
	{ "location.lon",	POOL_F_NUMBER },
	{ "max_hours_week",	POOL_F_NUMBER },
	{ "max_travel_km",	POOL_F_NUMBER },
	{ "night_exempt",	POOL_F_BOOL },
	{ "priority",		POOL_F_INTEGER },
	{ "rank",		POOL_F_INTEGER },
	{ "rate",		POOL_F_NUMBER },
	{ "roles",		POOL_F_LIST },
	{ "score",		POOL_F_NUMBER },
	{ "skills",		POOL_F_LIST },
	{ "start",		POOL_F_TIME },
	{ "tags",		POOL_F_LIST },
	{ "units",		POOL_F_NUMBER },
	{ "valid_from",		POOL_F_DATE },
	{ "valid_until",	POOL_F_DATE },
	{ "weight",		POOL_F_NUMBER },
};

enum pool_ftype
pool_mapping_ftype(const char *field)
{
	size_t	lo = 0, hi = sizeof(ftypes) / sizeof(ftypes[0]), mid;
	int	c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if ((c = strcmp(field, ftypes[mid].name)) == 0)
			return ftypes[mid].type;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return POOL_F_STRING;
}

/** Date/time patterns */

enum tok {
	T_LIT, T_YEAR4, T_YEAR2, T_MONTH, T_DAY, T_HOUR, T_MIN, T_SEC
};

/* The token at p and its length in the pattern. */
static enum tok
token(const char *p, size_t *n)
{
	static const struct {
		const char	*s;
		enum tok	 t;
	} toks[] = {
		{ "yyyy", T_YEAR4 }, { "yy", T_YEAR2 }, { "mm", T_MONTH },
		{ "m", T_MONTH }, { "dd", T_DAY }, { "d", T_DAY },
		{ "HH", T_HOUR }, { "H", T_HOUR }, { "MM", T_MIN },
		{ "SS", T_SEC }
	};
	size_t	i, l;

	switch (*p) {
	case 'y':
	case 'm':
	case 'd':
	case 'H':
	case 'M':
	case 'S':
		break;
	default:
		*n = 1;
		return T_LIT;
	}
	for (i = 0; i < sizeof(toks) / sizeof(toks[0]); i++) {
		if (toks[i].s[0] != *p)
			continue;
		l = strlen(toks[i].s);
		if (strncmp(p, toks[i].s, l) == 0) {
			*n = l;
			return toks[i].t;
		}
	}
	*n = 1;
	return T_LIT;
}

int
pool_mapping_pattern(const char *pat, struct pool_error *err)
{
	unsigned int	seen = 0;
	size_t		n;
	enum tok	t;
	int		bits = 0;
	const char	*p;

	if (*pat == '\0')
		return clean_set(err,
		    "empty date/time format");
	for (p = pat; *p != '\0'; p += n) {
		t = token(p, &n);
		if (t == T_LIT)
			continue;
		if (t == T_YEAR2)
			t = T_YEAR4;
		if (seen & (1u << t))
			return clean_set(err,
			    "format '%s' has '%.*s' twice", pat, (int)n, p);
		seen |= 1u << t;
	}
#define DATE_BITS ((1u << T_YEAR4) | (1u << T_MONTH) | (1u << T_DAY))
	if (seen & DATE_BITS) {
		if ((seen & DATE_BITS) != DATE_BITS)
			return clean_set(err,
			    "format '%s' needs a year (yyyy), month (mm) and "
			    "day (dd)", pat);
		bits |= POOL_PAT_DATE;
	}
	if (seen & ((1u << T_HOUR) | (1u << T_MIN) | (1u << T_SEC))) {
		if (!(seen & (1u << T_HOUR)) || !(seen & (1u << T_MIN)))
			return clean_set(err,
			    "format '%s' needs hours (HH) and minutes (MM)",
			    pat);
		bits |= POOL_PAT_TIME;
	}
	if (bits == 0)
		return clean_set(err,
		    "format '%s' has no date or time in it (yyyy mm dd HH MM)",
		    pat);
	return bits;
}

/*
 * Input text for a one-line message: control characters become '?',
 * and long text is cut with "...".
 */
const char *
pool_mapping_printable(const char *s, size_t len, char *buf, size_t size)
{
	size_t	i, n = 0;

	for (i = 0; i < len && n + 4 < size; i++)
		buf[n++] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ?
		    '?' : s[i];
	if (i < len) {
		memcpy(buf + n, "...", 3);
		n += 3;
	}
	buf[n] = '\0';
	return buf;
}

int
pool_mapping_parse_civil(const char *pat, const char *s,
    struct pool_civil *c, struct pool_error *err)
{
	char		 qb[80];
	const char	*p, *q, *e;
	size_t		 n, maxd, k;
	enum tok	 t;
	int		 v, bits = 0;
	struct pool_civil tmp = *c;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	for (p = pat, q = s; *p != '\0'; p += n) {
		t = token(p, &n);
		if (t == T_LIT) {
			if (q == e || *q != *p)
				goto nomatch;
			q++;
			continue;
		}
		maxd = t == T_YEAR4 ? 4 : 2;
		for (k = 0, v = 0; k < maxd && q < e &&
		    isdigit((unsigned char)*q); k++, q++)
			v = v * 10 + (*q - '0');
		if (k == 0 || (t == T_YEAR4 && k != 4) ||
		    (t == T_YEAR2 && k != 2))
			goto nomatch;
		switch (t) {
		case T_YEAR4:
			tmp.year = v;
			bits |= POOL_PAT_DATE;
			break;
		case T_YEAR2:
			tmp.year = 2000 + v;
			bits |= POOL_PAT_DATE;
			break;
		case T_MONTH:
			tmp.month = v;
			break;
		case T_DAY:
			tmp.day = v;
			break;
		case T_HOUR:
			tmp.hour = v;
			bits |= POOL_PAT_TIME;
			break;
		case T_MIN:
			tmp.min = v;
			break;
		case T_SEC:
			tmp.sec = v;
			break;
		default:
			break;
		}
	}
	if (q != e)
		goto nomatch;
	if ((bits & POOL_PAT_DATE) &&
	    !pool_time_valid_date(tmp.year, tmp.month, tmp.day))
		return pool_error_set(err, POOL_EFIELD, NULL,
		    "'%s' is not a valid date",
		    pool_mapping_printable(s, (size_t)(e - s), qb,
		    sizeof(qb)));
	if ((bits & POOL_PAT_TIME) && (tmp.min > 59 || tmp.sec > 59 ||
	    tmp.hour > 24 || (tmp.hour == 24 && (tmp.min || tmp.sec))))
		return pool_error_set(err, POOL_EFIELD, NULL,
		    "'%s' is not a valid time",
		    pool_mapping_printable(s, (size_t)(e - s), qb,
		    sizeof(qb)));
	*c = tmp;
	return 0;
nomatch:
	pool_error_set(err, POOL_EFIELD, NULL,
	    "'%s' does not match the format '%s'",
	    pool_mapping_printable(s, (size_t)(e - s), qb,
		    sizeof(qb)), pat);
	return clean(err);
}

/** Mappings */

static struct pool_mapping *
mapping_new(const char *name)
{
	struct pool_mapping	*m;

	if ((m = calloc(1, sizeof(*m))) == NULL)
		return NULL;
	m->header = 1;
	m->encoding = POOL_CSV_AUTO;
	if ((m->source = strdup(name)) == NULL ||
	    (m->date_format = strdup("yyyy-mm-dd")) == NULL ||
	    (m->time_format = strdup("HH:MM")) == NULL ||
	    (m->fields = calloc(POOL_MAPPING_MAXFIELDS,
	    sizeof(*m->fields))) == NULL) {
		pool_mapping_free(m);
		return NULL;
	}
	return m;
}

static void
field_release(struct pool_map_field *f)
{
	size_t	i;

	free(f->field);
	free(f->column);
	free(f->constant);
	free(f->split);
	free(f->format);
	free(f->date_column);
	free(f->time_column);
	for (i = 0; i < f->nmap; i++) {
		free(f->map[i].from);
		free(f->map[i].to);
	}
	free(f->map);
}

void
pool_mapping_free(struct pool_mapping *m)
{
	size_t	i;

	if (m == NULL)
		return;
	for (i = 0; i < m->nfields; i++)
		field_release(&m->fields[i]);
	free(m->fields);
	free(m->source);
	free(m->type);
	free(m->timezone);
	free(m->date_format);
	free(m->time_format);
	free(m);
}

struct pool_mapping *
pool_mapping_new_identity(struct pool_error *err)
{
	struct pool_mapping	*m;

	if ((m = mapping_new("(header)")) == NULL)
		pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
	else
		m->identity = 1;
	return m;
}

/* State of one load, for errors. */
struct load {
	struct pool_mapping	*m;
	struct pool_error	*err;
	size_t			 nvalues;
	int			 stype;		/* maps a shift_type: start
						   and end may have a date
						   column only */
};

static int
lerr(struct load *l, const struct pool_ynode *y, const char *fmt, ...)
    POOL_PRINTFLIKE(3, 4);

static int
lerr(struct load *l, const struct pool_ynode *y, const char *fmt, ...)
{
	char	buf[256];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	pool_error_set(l->err, POOL_ECONFIG, NULL, "%s", buf);
	pool_error_locate(l->err, l->m->source, y ? y->line : 0);
	return clean(l->err);
}

static int
scalar(struct load *l, const struct pool_ynode *y, const char *key,
    char **out)
{
	if (y->kind != POOL_Y_SCALAR)
		return lerr(l, y, "'%s' must be a single value", key);
	if (y->len != strlen(y->value))
		return lerr(l, y, "'%s' must not contain a NUL character",
		    key);
	free(*out);
	if ((*out = strdup(y->value)) == NULL)
		return lerr(l, y, "out of memory");
	return 0;
}

static int
boolean(struct load *l, const struct pool_ynode *y, const char *key,
    int *out)
{
	if (y->kind == POOL_Y_SCALAR) {
		if (strcmp(y->value, "true") == 0 ||
		    strcmp(y->value, "yes") == 0) {
			*out = 1;
			return 0;
		}
		if (strcmp(y->value, "false") == 0 ||
		    strcmp(y->value, "no") == 0) {
			*out = 0;
			return 0;
		}
	}
	return lerr(l, y, "'%s' must be true or false", key);
}

static struct pool_map_field *
field_get(struct load *l, const struct pool_ynode *y, const char *name)
{
	struct pool_mapping	*m = l->m;
	struct pool_map_field	*f;
	size_t			 i;

	for (i = 0; i < m->nfields; i++)
		if (strcmp(m->fields[i].field, name) == 0)
			return &m->fields[i];
	if (*name == '\0' || strlen(name) > 63) {
		lerr(l, y, "field name must have 1 to 63 characters");
		return NULL;
	}
	if (m->nfields == POOL_MAPPING_MAXFIELDS) {
		lerr(l, y, "more than %d fields", POOL_MAPPING_MAXFIELDS);
		return NULL;
	}
	f = &m->fields[m->nfields];
	memset(f, 0, sizeof(*f));
	if ((f->field = strdup(name)) == NULL) {
		lerr(l, y, "out of memory");
		return NULL;
	}
	f->type = pool_mapping_ftype(name);
	f->line = y->line;
	f->index = f->date_index = f->time_index = -1;
	m->nfields++;
	return f;
}

static int
map_cmp(const void *a, const void *b)
{
	return strcasecmp(((const struct pool_map_value *)a)->from,
	    ((const struct pool_map_value *)b)->from);
}

static int
load_valuemap(struct load *l, struct pool_map_field *f,
    const struct pool_ynode *y)
{
	size_t	i;

	if (y->kind != POOL_Y_MAP)
		return lerr(l, y, "'map' of field '%s' must be a mapping "
		    "of values", f->field);
	if (f->nmap > 0)
		return lerr(l, y, "field '%s' has two value maps", f->field);
	l->nvalues += y->n / 2;
	if (l->nvalues > POOL_MAPPING_MAXVALUES)
		return lerr(l, y, "more than %d mapped values",
		    POOL_MAPPING_MAXVALUES);
	if ((f->map = calloc(y->n / 2 + 1, sizeof(*f->map))) == NULL)
		return lerr(l, y, "out of memory");
	for (i = 0; i + 1 < y->n; i += 2) {
		struct pool_map_value *v = &f->map[f->nmap];

		if (scalar(l, y->kids[i], "map", &v->from) == -1)
			return -1;
		f->nmap++;
		if (scalar(l, y->kids[i + 1], v->from, &v->to) == -1)
			return -1;
	}
	qsort(f->map, f->nmap, sizeof(*f->map), map_cmp);
	for (i = 1; i < f->nmap; i++)
		if (strcasecmp(f->map[i - 1].from, f->map[i].from) == 0)
			return lerr(l, y, "value '%s' of field '%s' is "
			    "mapped twice", f->map[i].from, f->field);
	return 0;
}

/* A column reference: a name, or a number when there is no header. */
static int
load_column(struct load *l, struct pool_map_field *f,
    const struct pool_ynode *y)
{
	char	*end;
	long	 n;

	if (f->column != NULL || f->colno != 0 || f->date_column != NULL)
		return lerr(l, y, "field '%s' is mapped twice", f->field);
	if (scalar(l, y, "column", &f->column) == -1)
		return -1;
	if (*f->column == '\0')
		return lerr(l, y, "empty column name for field '%s'",
		    f->field);
	if (!l->m->header) {
		errno = 0;
		n = strtol(f->column, &end, 10);
		if (*end != '\0' || n < 1 || n > POOL_CSV_MAXFIELDS)
			return lerr(l, y, "column of field '%s' must be a "
			    "number from 1 (the file has no header)",
			    f->field);
		f->colno = n;
	}
	return 0;
}

static int
load_fieldspec(struct load *l, const char *name, const struct pool_ynode *y)
{
	struct pool_map_field	*f;
	const struct pool_ynode	*k, *v;
	const char		*key;
	size_t			 i;
	int			 bits;

	if ((f = field_get(l, y, name)) == NULL)
		return -1;
	if (y->kind == POOL_Y_SCALAR)
		return load_column(l, f, y);
	if (y->kind != POOL_Y_MAP)
		return lerr(l, y, "field '%s' must be a column name or a "
		    "mapping (column, map, split, format, date, time)", name);
	for (i = 0; i + 1 < y->n; i += 2) {
		k = y->kids[i];
		v = y->kids[i + 1];
		if (k->kind != POOL_Y_SCALAR)
			return lerr(l, k, "keys must be plain names");
		key = k->value;
		if (strcmp(key, "column") == 0) {
			if (load_column(l, f, v) == -1)
				return -1;
		} else if (strcmp(key, "map") == 0) {
			if (load_valuemap(l, f, v) == -1)
				return -1;
		} else if (strcmp(key, "split") == 0) {
			if (scalar(l, v, key, &f->split) == -1)
				return -1;
			if (*f->split == '\0')
				return lerr(l, v, "'split' must not be empty");
		} else if (strcmp(key, "format") == 0) {
			if (scalar(l, v, key, &f->format) == -1)
				return -1;
			if ((bits = pool_mapping_pattern(f->format,
			    l->err)) == -1) {
				pool_error_locate(l->err, l->m->source,
				    v->line);
				return -1;
			}
			if (f->type == POOL_F_TIME && bits !=
			    (POOL_PAT_DATE | POOL_PAT_TIME))
				return lerr(l, v, "format of '%s' needs a "
				    "date and a time", name);
			if (f->type == POOL_F_DATE && bits != POOL_PAT_DATE)
				return lerr(l, v, "format of '%s' must be a "
				    "date only", name);
		} else if (strcmp(key, "date") == 0) {
			if (scalar(l, v, key, &f->date_column) == -1)
				return -1;
		} else if (strcmp(key, "time") == 0) {
			if (scalar(l, v, key, &f->time_column) == -1)
				return -1;
		} else
			return lerr(l, k, "unknown key '%s' in field '%s'",
			    key, name);
	}
	if ((f->date_column != NULL || f->time_column != NULL) &&
	    f->type != POOL_F_TIME)
		return lerr(l, y, "'date' and 'time' columns are for start "
		    "and end only");
	if (f->time_column != NULL ? f->date_column == NULL :
	    f->date_column != NULL && !l->stype)
		return lerr(l, y, "field '%s' needs both a 'date' and a "
		    "'time' column", name);
	if (f->date_column != NULL && f->column != NULL)
		return lerr(l, y, "field '%s' has a column and date and "
		    "time columns", name);
	if (f->split != NULL && f->type != POOL_F_LIST &&
	    f->type != POOL_F_STRING)
		return lerr(l, y, "field '%s' is not a list", name);
	return 0;
}

/* date, start_time, end_time shorthands. */
static int
load_shorthand(struct load *l, const char *key, const struct pool_ynode *y)
{
	struct pool_map_field	*f;
	size_t			 i;

	for (i = 0; i < 2; i++) {
		const char *fname = i == 0 ? "start" : "end";

		if (strcmp(key, "date") != 0 &&
		    strncmp(key, fname, strlen(fname)) != 0)
			continue;
		if ((f = field_get(l, y, fname)) == NULL)
			return -1;
		if (f->column != NULL)
			return lerr(l, y, "field '%s' is mapped twice",
			    fname);
		if (scalar(l, y, key, strcmp(key, "date") == 0 ?
		    &f->date_column : &f->time_column) == -1)
			return -1;
	}
	return 0;
}

static int
load_top(struct load *l, const struct pool_ynode *root)
{
	struct pool_mapping	*m = l->m;
	const struct pool_ynode	*k, *v;
	const char		*key;
	char			*s = NULL;
	size_t			 i, j;
	int			 rc = 0, e, bits;

	if (root == NULL || root->kind != POOL_Y_MAP)
		return lerr(l, root, "a mapping file must be a YAML "
		    "mapping (type, columns, ...)");
	/* header first: it says how columns are named. */
	for (i = 0; i + 1 < root->n; i += 2)
		if (root->kids[i]->kind == POOL_Y_SCALAR &&
		    strcmp(root->kids[i]->value, "header") == 0 &&
		    boolean(l, root->kids[i + 1], "header", &m->header) == -1)
			return -1;
	/* A shift_type column or constant: the type may give the times. */
	for (i = 0; i + 1 < root->n; i += 2) {
		v = root->kids[i + 1];
		if (root->kids[i]->kind != POOL_Y_SCALAR ||
		    (strcmp(root->kids[i]->value, "columns") != 0 &&
		    strcmp(root->kids[i]->value, "constants") != 0) ||
		    v->kind != POOL_Y_MAP)
			continue;
		for (j = 0; j + 1 < v->n; j += 2)
			if (v->kids[j]->kind == POOL_Y_SCALAR &&
			    strcmp(v->kids[j]->value, "shift_type") == 0)
				l->stype = 1;
	}
	m->identity = 1;
	for (i = 0; i + 1 < root->n && rc == 0; i += 2) {
		k = root->kids[i];
		v = root->kids[i + 1];
		if (k->kind != POOL_Y_SCALAR) {
			rc = lerr(l, k, "keys must be plain names");
			break;
		}
		if (strcmp(k->value, "columns") == 0 ||
		    strcmp(k->value, "date") == 0 ||
		    strcmp(k->value, "start_time") == 0 ||
		    strcmp(k->value, "end_time") == 0)
			m->identity = 0;
		key = k->value;
		for (j = 0; j < i; j += 2)
			if (root->kids[j]->kind == POOL_Y_SCALAR &&
			    strcmp(root->kids[j]->value, key) == 0)
				break;
		if (j < i) {
			rc = lerr(l, k, "key '%s' given twice", key);
			break;
		}
		if (strcmp(key, "header") == 0)
			continue;
		if (strcmp(key, "type") == 0) {
			if ((rc = scalar(l, v, key, &m->type)) == 0 &&
			    pool_rtype_parse(m->type) == POOL_R_UNKNOWN)
				rc = lerr(l, v, "unknown record type '%s'",
				    m->type);
		} else if (strcmp(key, "delimiter") == 0) {
			if ((rc = scalar(l, v, key, &s)) == -1)
				break;
			if (strcmp(s, "tab") == 0 || strcmp(s, "\t") == 0)
				m->delim = '\t';
			else if (strlen(s) == 1 && s[0] != '"' &&
			    s[0] != '\n' && s[0] != '\r')
				m->delim = (unsigned char)s[0];
			else
				rc = lerr(l, v, "delimiter must be one "
				    "character or 'tab'");
		} else if (strcmp(key, "encoding") == 0) {
			if ((rc = scalar(l, v, key, &s)) == -1)
				break;
			if ((e = pool_csv_enc_parse(s)) == -1)
				rc = lerr(l, v, "unknown encoding '%s' (utf-8, "
				    "windows-1252)", s);
			m->encoding = e;
		} else if (strcmp(key, "timezone") == 0) {
			rc = scalar(l, v, key, &m->timezone);
		} else if (strcmp(key, "date_format") == 0 ||
		    strcmp(key, "time_format") == 0) {
			char **dst = key[0] == 'd' ? &m->date_format :
			    &m->time_format;
			int want = key[0] == 'd' ? POOL_PAT_DATE :
			    POOL_PAT_TIME;

			if ((rc = scalar(l, v, key, dst)) == -1)
				break;
			if ((bits = pool_mapping_pattern(*dst, l->err)) == -1) {
				pool_error_locate(l->err, m->source, v->line);
				rc = -1;
			} else if (bits != want)
				rc = lerr(l, v, "%s must hold a %s only", key,
				    want == POOL_PAT_DATE ? "date" : "time");
		} else if (strcmp(key, "ambiguous") == 0) {
			if ((rc = scalar(l, v, key, &s)) == -1)
				break;
			if (strcmp(s, "first") == 0)
				m->ambiguous = POOL_AMBIG_FIRST;
			else if (strcmp(s, "second") == 0)
				m->ambiguous = POOL_AMBIG_SECOND;
			else if (strcmp(s, "reject") == 0)
				m->ambiguous = POOL_AMBIG_REJECT;
			else
				rc = lerr(l, v, "ambiguous must be first, "
				    "second or reject");
		} else if (strcmp(key, "overnight") == 0) {
			if ((rc = scalar(l, v, key, &s)) == -1)
				break;
			if (strcmp(s, "next-day") == 0)
				m->overnight = POOL_OVERNIGHT_NEXT_DAY;
			else if (strcmp(s, "reject") == 0)
				m->overnight = POOL_OVERNIGHT_REJECT;
			else
				rc = lerr(l, v, "overnight must be next-day "
				    "or reject");
		} else if (strcmp(key, "date") == 0 ||
		    strcmp(key, "start_time") == 0 ||
		    strcmp(key, "end_time") == 0) {
			rc = load_shorthand(l, key, v);
		} else if (strcmp(key, "columns") == 0 ||
		    strcmp(key, "constants") == 0) {
			if (v->kind != POOL_Y_MAP) {
				rc = lerr(l, v, "'%s' must be a mapping of "
				    "field names", key);
				break;
			}
			for (j = 0; j + 1 < v->n && rc == 0; j += 2) {
				struct pool_map_field *f;

				if (v->kids[j]->kind != POOL_Y_SCALAR) {
					rc = lerr(l, v->kids[j],
					    "keys must be plain names");
					break;
				}
				if (key[1] == 'o' && key[2] == 'l') {
					rc = load_fieldspec(l,
					    v->kids[j]->value, v->kids[j + 1]);
					continue;
				}
				if ((f = field_get(l, v->kids[j],
				    v->kids[j]->value)) == NULL) {
					rc = -1;
					break;
				}
				if (f->constant != NULL || f->column != NULL ||
				    f->date_column != NULL)
					rc = lerr(l, v->kids[j], "field '%s' "
					    "is mapped twice", f->field);
				else
					rc = scalar(l, v->kids[j + 1],
					    f->field, &f->constant);
			}
		} else
			rc = lerr(l, k, "unknown key '%s'", key);
	}
	free(s);
	if (rc == -1)
		return -1;
	if (m->identity && !m->header)
		return lerr(l, NULL, "a file without a header needs "
		    "'columns'");
	for (i = 0; i < m->nfields; i++) {
		struct pool_map_field *f = &m->fields[i];

		if (f->time_column != NULL ? f->date_column == NULL :
		    f->date_column != NULL && !l->stype)
			return lerr(l, NULL, "field '%s' needs both a date "
			    "and a time column", f->field);
		if (f->column == NULL && f->constant == NULL &&
		    f->date_column == NULL)
			return lerr(l, NULL, "field '%s' has no column",
			    f->field);
		if (f->type == POOL_F_LIST && f->split == NULL &&
		    (f->split = strdup(",")) == NULL)
			return lerr(l, NULL, "out of memory");
	}
	return 0;
}

struct pool_mapping *
pool_mapping_load_buffer(const char *buf, size_t len, const char *name,
    struct pool_error *err)
{
	struct pool_ynode	*root;
	struct load		 l;

	if (len > POOL_MAPPING_MAXSIZE) {
		pool_error_set(err, POOL_ELIMIT, NULL,
		    "mapping file larger than %d bytes", POOL_MAPPING_MAXSIZE);
		pool_error_locate(err, name, 0);
		return NULL;
	}
	if (pool_yaml_parse(buf, len, name, 100000, &root, err) == -1)
		return NULL;
	memset(&l, 0, sizeof(l));
	l.err = err;
	if ((l.m = mapping_new(name)) == NULL) {
		pool_ynode_free(root);
		pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
		return NULL;
	}
	if (load_top(&l, root) == -1) {
		pool_mapping_free(l.m);
		l.m = NULL;
	}
	pool_ynode_free(root);
	return l.m;
}

struct pool_mapping *
pool_mapping_load(const char *path, struct pool_error *err)
{
	struct pool_mapping	*m;
	FILE			*f;
	char			*buf;
	size_t			 n;

	if ((f = fopen(path, "r")) == NULL) {
		pool_error_set(err, POOL_ESYS, NULL, "cannot open '%s'", path);
		return NULL;
	}
	if ((buf = malloc(POOL_MAPPING_MAXSIZE + 1)) == NULL) {
		fclose(f);
		pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
		return NULL;
	}
	n = fread(buf, 1, POOL_MAPPING_MAXSIZE + 1, f);
	if (ferror(f)) {
		pool_error_set(err, POOL_ESYS, NULL, "cannot read '%s'", path);
		m = NULL;
	} else
		m = pool_mapping_load_buffer(buf, n, path, err);
	fclose(f);
	free(buf);
	return m;
}

/*
 * Index of a header name; exact match first, then ignoring case.  -1 if
 * it is not there, -2 if it is there twice (which one is meant?).
 */
static long
find_column(const char *const *names, size_t n, const char *col)
{
	size_t	i;
	long	k = -1;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], col) == 0) {
			if (k >= 0)
				return -2;
			k = (long)i;
		}
	if (k >= 0)
		return k;
	for (i = 0; i < n; i++)
		if (strcasecmp(names[i], col) == 0) {
			if (k >= 0)
				return -2;
			k = (long)i;
		}
	return k;
}

static int
bind_one(struct pool_mapping *m, struct pool_map_field *f, const char *col,
    long colno, long *index, const char *const *names, size_t n,
    struct pool_error *err)
{
	char	*end;
	long	 k;

	if (col == NULL)
		return 0;
	if (m->header && colno == 0) {
		if ((*index = find_column(names, n, col)) == -1) {
			pool_error_set(err, POOL_ECONFIG, NULL, "column '%s' "
			    "of field '%s' is not in the header", col,
			    f->field);
			return clean(err);
		}
		if (*index == -2) {
			pool_error_set(err, POOL_ECONFIG, NULL, "column '%s' "
			    "of field '%s' is in the header twice", col,
			    f->field);
			return clean(err);
		}
		return 0;
	}
	k = colno;
	if (k == 0)
		k = strtol(col, &end, 10);
	if (k < 1 || (size_t)k > n) {
		pool_error_set(err, POOL_ECONFIG, NULL, "column %s of field "
		    "'%s': the first row has %zu columns", col, f->field, n);
		return clean(err);
	}
	*index = k - 1;
	return 0;
}

int
pool_mapping_bind(struct pool_mapping *m, const char *const *names,
    size_t n, struct pool_error *err)
{
	struct pool_map_field	*f;
	size_t			 i, j;

	if (m->identity && names == NULL)
		return pool_error_set(err, POOL_ECONFIG, NULL, "a file "
		    "without a header needs 'columns'");
	if (m->identity) {
		/* Drop the columns of an earlier header; keep constants. */
		for (i = j = 0; i < m->nfields; i++) {
			if (m->fields[i].from_header)
				field_release(&m->fields[i]);
			else
				m->fields[j++] = m->fields[i];
		}
		m->nfields = j;
		for (i = 0; i < n; i++) {
			if (*names[i] == '\0')
				continue;	/* values there: rejects */
			for (j = 0; j < m->nfields; j++)
				if (strcmp(m->fields[j].field, names[i]) == 0)
					break;
			if (j < m->nfields && m->fields[j].from_header) {
				pool_error_set(err, POOL_ECONFIG, NULL,
				    "column '%s' is in the header twice "
				    "(columns %ld and %zu)", names[i],
				    m->fields[j].index + 1, i + 1);
				return clean(err);
			}
			if (j < m->nfields)
				continue;
			if (m->nfields == POOL_MAPPING_MAXFIELDS) {
				pool_error_set(err, POOL_ECONFIG, NULL,
				    "more than %d named columns in the header",
				    POOL_MAPPING_MAXFIELDS);
				return -1;
			}
			f = &m->fields[m->nfields];
			memset(f, 0, sizeof(*f));
			f->from_header = 1;
			f->index = f->date_index = f->time_index = -1;
			m->nfields++;
			if ((f->field = strdup(names[i])) == NULL ||
			    (f->column = strdup(names[i])) == NULL)
				return pool_error_set(err, POOL_ENOMEM, NULL,
				    "out of memory");
			f->type = pool_mapping_ftype(f->field);
			if (f->type == POOL_F_LIST &&
			    (f->split = strdup(",")) == NULL)
				return pool_error_set(err, POOL_ENOMEM, NULL,
				    "out of memory");
			f->index = (long)i;
		}
		return 0;
	}
	for (i = 0; i < m->nfields; i++) {
		f = &m->fields[i];
		f->index = f->date_index = f->time_index = -1;
		if (bind_one(m, f, f->column, f->colno, &f->index, names, n,
		    err) == -1 ||
		    bind_one(m, f, f->date_column, 0, &f->date_index, names,
		    n, err) == -1 ||
		    bind_one(m, f, f->time_column, 0, &f->time_index, names,
		    n, err) == -1)
			return -1;
	}
	return 0;
}

const char *
pool_mapping_value(const struct pool_map_field *f, const char *s)
{
	struct pool_map_value	 key, *v;

	if (f->nmap == 0)
		return s;
	key.from = (char *)(uintptr_t)s;
	v = bsearch(&key, f->map, f->nmap, sizeof(*f->map), map_cmp);
	return v != NULL ? v->to : s;
}
