/*
 * Records: JSON objects of pool-records(5) to typed C structs, with
 * validation that names the field, and the data set that holds them.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool_int.h"
#include "pool_jscan.h"
#include "pool_record.h"
#include "pool_strtab.h"
#include "pool_time.h"

struct pool_index {
	struct pool_ptrmap	workers;
	struct pool_ptrmap	shifts;
};

static const char *const rtype_names[POOL_R_NTYPES] = {
	NULL, "org", "worker", "shift", "availability", "absence", "signup",
	"assignment", "unfilled", "candidate", "allocation", "contact", "reject",
	"worked"
};

const char *
pool_rtype_name(enum pool_rtype t)
{
	return t > 0 && t < POOL_R_NTYPES ? rtype_names[t] : NULL;
}

enum pool_rtype
pool_rtype_parse(const char *s)
{
	for (int t = 1; t < POOL_R_NTYPES; t++)
		if (strcmp(s, rtype_names[t]) == 0)
			return (enum pool_rtype)t;
	return POOL_R_UNKNOWN;
}

int
pool_data_init(struct pool_data *d, struct pool_error *err)
{
	memset(d, 0, sizeof(*d));
	if ((d->strtab = pool_strtab_new()) == NULL)
		return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
	return 0;
}

static void
release_jvec(struct pool_jrecord *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		json_decref(v[i].obj);
	free(v);
}

void
pool_data_release(struct pool_data *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < d->orgs.n; i++)
		json_decref(d->orgs.v[i].contacts);
	free(d->orgs.v);
	free(d->workers.v);
	free(d->shifts.v);
	free(d->availability.v);
	free(d->absences.v);
	free(d->signups.v);
	free(d->assignments.v);
	free(d->allocations.v);
	free(d->contacts.v);
	free(d->worked.v);
	release_jvec(d->unfilled.v, d->unfilled.n);
	release_jvec(d->candidates.v, d->candidates.n);
	release_jvec(d->rejects.v, d->rejects.n);
	if (d->index != NULL) {
		pool_ptrmap_release(&d->index->workers);
		pool_ptrmap_release(&d->index->shifts);
		free(d->index);
	}
	pool_strtab_free(d->strtab);
	memset(d, 0, sizeof(*d));
}

const char *
pool_data_intern(struct pool_data *d, const char *s, size_t len)
{
	return pool_strtab_intern(d->strtab, s, len);
}

/* snprintf that may cut, on purpose. */
static void
cut(char *buf, size_t len, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(buf, len, fmt, ap);
	va_end(ap);
}

/*
 * Where a record's fields come from: a jansson object, or the members
 * of an object that the scanner of pool_jscan.h found in the line.  The
 * field readers below work on either, so that both give the same
 * records and the same errors.
 */
struct src {
	json_t			*o;	/* NULL: scanned members */
	const struct pool_jtok	*m;
	size_t			 n;
};

enum vkind {
	V_ABSENT = 0, V_NULL, V_FALSE, V_TRUE, V_INTEGER, V_REAL, V_STRING,
	V_ARRAY, V_OBJECT
};

/* One field's value, as json_object_get and the json_is_* see it. */
struct val {
	enum vkind		 kind;
	const char		*s;	/* V_STRING: NUL-terminated */
	size_t			 len;	/* V_STRING */
	long long		 i;	/* V_INTEGER */
	double			 x;	/* V_INTEGER, V_REAL */
	json_t			*j;	/* V_ARRAY, V_OBJECT from jansson */
	const struct pool_jtok	*m;	/* V_ARRAY, V_OBJECT scanned */
	size_t			 n;	/* V_ARRAY, V_OBJECT scanned */
};

#define val_is_number(v)	((v)->kind == V_INTEGER || (v)->kind == V_REAL)
#define val_is_none(v)		((v)->kind == V_ABSENT || (v)->kind == V_NULL)

static void
val_json(json_t *j, struct val *v)
{
	memset(v, 0, sizeof(*v));
	if (j == NULL)
		return;
	switch (json_typeof(j)) {
	case JSON_OBJECT:
		v->kind = V_OBJECT;
		v->j = j;
		break;
	case JSON_ARRAY:
		v->kind = V_ARRAY;
		v->j = j;
		break;
	case JSON_STRING:
		v->kind = V_STRING;
		v->s = json_string_value(j);
		v->len = json_string_length(j);
		break;
	case JSON_INTEGER:
		v->kind = V_INTEGER;
		v->i = json_integer_value(j);
		v->x = json_number_value(j);
		break;
	case JSON_REAL:
		v->kind = V_REAL;
		v->x = json_real_value(j);
		break;
	case JSON_TRUE:
		v->kind = V_TRUE;
		break;
	case JSON_FALSE:
		v->kind = V_FALSE;
		break;
	default:
		v->kind = V_NULL;
		break;
	}
}

static void
val_tok(const struct pool_jtok *t, struct val *v)
{
	memset(v, 0, sizeof(*v));
	if (t == NULL)
		return;
	switch (t->type) {
	case POOL_J_OBJECT:
	case POOL_J_ARRAY:
		v->kind = t->type == POOL_J_OBJECT ? V_OBJECT : V_ARRAY;
		v->m = t + 1;
		v->n = t->n;
		break;
	case POOL_J_STRING:
		v->kind = V_STRING;
		v->s = t->s;
		v->len = t->len;
		break;
	case POOL_J_INTEGER:
		v->kind = V_INTEGER;
		v->i = t->i;
		v->x = t->x;
		break;
	case POOL_J_REAL:
		v->kind = V_REAL;
		v->x = t->x;
		break;
	case POOL_J_TRUE:
		v->kind = V_TRUE;
		break;
	case POOL_J_FALSE:
		v->kind = V_FALSE;
		break;
	default:
		v->kind = V_NULL;
		break;
	}
}

/* The field key of an object (absent: V_ABSENT). */
static void
field(const struct src *o, const char *key, struct val *v)
{
	if (o->o != NULL)
		val_json(json_object_get(o->o, key), v);
	else
		val_tok(pool_jscan_find(o->m, o->n, key), v);
}

/* An object value as a source of fields. */
static void
val_src(const struct val *v, struct src *o)
{
	o->o = v->j;
	o->m = v->m;
	o->n = v->n;
}

static size_t
array_size(const struct val *v)
{
	return v->j != NULL ? json_array_size(v->j) : v->n;
}

/* Element i of an array value. */
static void
array_get(const struct val *a, size_t i, struct val *v)
{
	if (a->j != NULL)
		val_json(json_array_get(a->j, i), v);
	else
		val_tok(a->m + i, v);
}

/* Field readers.  Each returns 0 (present and valid), 1 (absent and not
 * required) or -1 (error set). */

static int
get_str(struct pool_data *d, const struct src *o, const char *key,
    int required, const char **out, struct pool_error *err)
{
	struct val	v;

	field(o, key, &v);
	*out = NULL;
	if (val_is_none(&v)) {
		if (required)
			return pool_error_set(err, POOL_EFIELD, key, "missing");
		return 1;
	}
	if (v.kind != V_STRING)
		return pool_error_set(err, POOL_EFIELD, key, "must be a string");
	if (v.len == 0 && required)
		return pool_error_set(err, POOL_EFIELD, key, "must not be empty");
	if (strlen(v.s) != v.len)
		return pool_error_set(err, POOL_EFIELD, key,
		    "must not contain a NUL character");
	if ((*out = pool_data_intern(d, v.s, v.len)) == NULL)
		return nomem(err);
	return 0;
}

static int
get_num(const struct src *o, const char *key, int required, double min,
    double max, double *out, struct pool_error *err)
{
	struct val	v;
	double		x;

	field(o, key, &v);
	*out = POOL_NONE;
	if (val_is_none(&v)) {
		if (required)
			return pool_error_set(err, POOL_EFIELD, key, "missing");
		return 1;
	}
	if (!val_is_number(&v))
		return pool_error_set(err, POOL_EFIELD, key, "must be a number");
	x = v.x;
	if (!isfinite(x))
		return pool_error_set(err, POOL_EFIELD, key,
		    "must be a finite number");
	if (x < min)
		return pool_error_set(err, POOL_EFIELD, key,
		    "%g is less than %g", x, min);
	if (x > max)
		return pool_error_set(err, POOL_EFIELD, key,
		    "%g is more than %g", x, max);
	*out = x;
	return 0;
}

static int
get_int(const struct src *o, const char *key, int required, long long min,
    long long max, long long *out, struct pool_error *err)
{
	struct val	v;
	long long	x;

	field(o, key, &v);
	if (val_is_none(&v)) {
		if (required)
			return pool_error_set(err, POOL_EFIELD, key, "missing");
		return 1;
	}
	/* An integral JSON number is whole however written: 1.0, 1e2. */
	if (v.kind == V_REAL && isfinite(v.x) && v.x == floor(v.x)) {
		if (v.x < -9.2e18 || v.x > 9.2e18 || v.x < (double)min ||
		    v.x > (double)max)
			return pool_error_set(err, POOL_EFIELD, key,
			    "%g out of range %lld to %lld", v.x, min, max);
		v.kind = V_INTEGER;
		v.i = (long long)v.x;
	}
	if (v.kind != V_INTEGER)
		return pool_error_set(err, POOL_EFIELD, key,
		    "must be a whole number");
	x = v.i;
	if (x < min || x > max)
		return pool_error_set(err, POOL_EFIELD, key,
		    "%lld out of range %lld to %lld", x, min, max);
	*out = x;
	return 0;
}

static int
get_bool(const struct src *o, const char *key, int *out,
    struct pool_error *err)
{
	struct val	v;

	field(o, key, &v);
	*out = 0;
	if (val_is_none(&v))
		return 1;
	if (v.kind != V_TRUE && v.kind != V_FALSE)
		return pool_error_set(err, POOL_EFIELD, key,
		    "must be true or false");
	*out = v.kind == V_TRUE;
	return 0;
}

static int
get_time(const struct src *o, const char *key, int64_t *out,
    struct pool_error *err)
{
	struct val		v;
	struct pool_error	e;

	field(o, key, &v);
	if (val_is_none(&v))
		return pool_error_set(err, POOL_EFIELD, key, "missing");
	if (v.kind != V_STRING)
		return pool_error_set(err, POOL_EFIELD, key,
		    "must be an RFC 3339 date-time string");
	if (pool_time_parse(v.s, out, NULL, &e) == -1)
		return pool_error_set(err, POOL_EFIELD, key, "%s", e.text);
	return 0;
}

static int
get_date(const struct src *o, const char *key, int required, int32_t *out,
    struct pool_error *err)
{
	struct val		v;
	struct pool_error	e;
	int64_t			days;

	field(o, key, &v);
	if (val_is_none(&v)) {
		if (required)
			return pool_error_set(err, POOL_EFIELD, key, "missing");
		return 1;
	}
	if (v.kind != V_STRING)
		return pool_error_set(err, POOL_EFIELD, key,
		    "must be a date string (YYYY-MM-DD)");
	if (pool_time_parse_date(v.s, &days, &e) == -1)
		return pool_error_set(err, POOL_EFIELD, key, "%s", e.text);
	*out = (int32_t)days;
	return 0;
}

static int
get_list(struct pool_data *d, const struct src *o, const char *key,
    int required, struct pool_strlist *out, struct pool_error *err)
{
	struct val	v, e;
	size_t		i, n;

	field(o, key, &v);
	out->v = NULL;
	out->n = 0;
	if (val_is_none(&v)) {
		if (required)
			return pool_error_set(err, POOL_EFIELD, key, "missing");
		return 1;
	}
	if (v.kind != V_ARRAY)
		return pool_error_set(err, POOL_EFIELD, key,
		    "must be a list of strings");
	n = array_size(&v);
	if (n == 0 && required)
		return pool_error_set(err, POOL_EFIELD, key,
		    "must have at least one element");
	if (n > 65535)
		return pool_error_set(err, POOL_EFIELD, key, "too many elements");
	if (n == 0)
		return 0;
	if ((out->v = pool_strtab_alloc(d->strtab, n * sizeof(*out->v))) == NULL)
		return nomem(err);
	for (i = 0; i < n; i++) {
		array_get(&v, i, &e);
		if (e.kind != V_STRING || e.len == 0 || strlen(e.s) != e.len)
			return pool_error_set(err, POOL_EFIELD, key,
			    "element %zu must be a non-empty string", i + 1);
		if ((out->v[i] = pool_data_intern(d, e.s, e.len)) == NULL)
			return nomem(err);
	}
	out->n = (uint32_t)n;
	return 0;
}

static int
get_enum(const struct src *o, const char *key, const char *const *names,
    int *out, struct pool_error *err)
{
	struct val	v;
	char		list[160];
	size_t		n = 0;

	field(o, key, &v);
	if (val_is_none(&v))
		return 1;
	if (v.kind == V_STRING)
		for (int i = 0; names[i] != NULL; i++)
			if (strcmp(v.s, names[i]) == 0) {
				*out = i;
				return 0;
			}
	list[0] = '\0';
	for (int i = 0; names[i] != NULL && n < sizeof(list); i++)
		n += (size_t)snprintf(list + n, sizeof(list) - n, "%s'%s'",
		    i ? ", " : "", names[i]);
	return pool_error_set(err, POOL_EFIELD, key, "must be one of %s", list);
}

static int
get_location(const struct src *o, const char *key, double *lat, double *lon,
    struct pool_error *err)
{
	struct val	v;
	struct src	loc;
	char		f[64];

	field(o, key, &v);
	if (val_is_none(&v))
		return 1;
	if (v.kind != V_OBJECT)
		return pool_error_set(err, POOL_EFIELD, key,
		    "must be an object {\"lat\": ..., \"lon\": ...}");
	val_src(&v, &loc);
	if (get_num(&loc, "lat", 1, -90, 90, lat, err) == -1 ||
	    get_num(&loc, "lon", 1, -180, 180, lon, err) == -1) {
		if (err != NULL) {
			cut(f, sizeof(f), "%s.%s", key, err->field);
			snprintf(err->field, sizeof(err->field), "%s", f);
		}
		return -1;
	}
	return 0;
}

#define TRY(x)	do { if ((x) == -1) return -1; } while (0)

/* What a reader of scanned fields returns for a record it leaves to
 * jansson (one that keeps json). */
#define NEEDS_JSON	(-2)

static const char *const nights_names[] = {
	"any", "prefer", "avoid", "never", "only", NULL
};
static const char *const status_names[] = { "confirmed", "proposed", NULL };
static const char *const level_names[] = {
	"operational", "tactical", "strategic", NULL
};

static int
parse_org(struct pool_data *d, const struct src *o, struct pool_org *r,
    struct pool_error *err)
{
	struct val	c;

	TRY(get_str(d, o, "id", 1, &r->id, err));
	TRY(get_str(d, o, "name", 0, &r->name, err));
	TRY(get_str(d, o, "region", 0, &r->region, err));
	TRY(get_num(o, "weight", 0, 0, 1e15, &r->weight, err));
	TRY(get_num(o, "rate", 0, 0, 1e9, &r->rate, err));
	field(o, "contacts", &c);
	if (!val_is_none(&c) && c.kind != V_ARRAY)
		return pool_error_set(err, POOL_EFIELD, "contacts",
		    "must be a list");
	if (c.kind == V_ARRAY && c.j == NULL)
		return NEEDS_JSON;
	r->contacts = c.kind == V_ARRAY ? json_incref(c.j) : NULL;
	return 0;
}

/*
 * A worker's phone number: 1 to 32 characters, digits, spaces and
 * "+-()./", at least one digit, so that a stray column is caught.
 */
static int
get_phone(struct pool_data *d, const struct src *o, const char **out,
    struct pool_error *err)
{
	const char	*p;
	int		 rc, digits = 0;

	if ((rc = get_str(d, o, "phone", 0, out, err)) != 0)
		return rc;
	for (p = *out; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (strchr("+-()./ ", *p) == NULL)
			break;
	}
	if (*p != '\0' || digits == 0 || p - *out > 32)
		return pool_error_set(err, POOL_EFIELD, "phone",
		    "not a phone number (digits, spaces and +-()./, at most "
		    "32)");
	return 0;
}

static int
parse_worker(struct pool_data *d, const struct src *o, struct pool_worker *r,
    struct pool_error *err)
{
	int	b = 0, nights = 0, rc;

	TRY(get_str(d, o, "id", 1, &r->id, err));
	TRY(get_list(d, o, "roles", 1, &r->roles, err));
	TRY(get_str(d, o, "name", 0, &r->name, err));
	TRY(get_phone(d, o, &r->phone, err));
	TRY(get_str(d, o, "org", 0, &r->org, err));
	TRY(get_list(d, o, "skills", 0, &r->skills, err));
	TRY(get_list(d, o, "dedicated", 0, &r->dedicated, err));
	if ((rc = get_location(o, "location", &r->lat, &r->lon, err)) == -1)
		return -1;
	r->has_location = rc == 0;
	TRY(get_num(o, "max_travel_km", 0, 0, 40075, &r->max_travel_km, err));
	TRY(get_num(o, "contract_hours", 0, 0, 168, &r->contract_hours, err));
	TRY(get_num(o, "max_hours_week", 0, 0, 168, &r->max_hours_week, err));
	TRY(get_num(o, "rate", 0, 0, 1e9, &r->rate, err));
	TRY(get_enum(o, "nights", nights_names, &nights, err));
	r->nights = (uint8_t)nights;
	TRY(get_bool(o, "night_exempt", &b, err));
	r->night_exempt = (uint8_t)b;
	r->valid_from = INT32_MIN;
	r->valid_until = INT32_MAX;
	TRY(get_date(o, "valid_from", 0, &r->valid_from, err));
	TRY(get_date(o, "valid_until", 0, &r->valid_until, err));
	if (r->valid_until < r->valid_from)
		return pool_error_set(err, POOL_EFIELD, "valid_until",
		    "before 'valid_from'");
	return 0;
}

static int
parse_shift(struct pool_data *d, const struct src *o, struct pool_shift *r,
    struct pool_error *err)
{
	long long	 prio = 3, brk = 0;
	double		 lat, lon;
	int		 rc;

	TRY(get_str(d, o, "id", 1, &r->id, err));
	TRY(get_str(d, o, "org", 1, &r->org, err));
	TRY(get_str(d, o, "role", 1, &r->role, err));
	TRY(get_time(o, "start", &r->start, err));
	TRY(get_time(o, "end", &r->end, err));
	if (r->end <= r->start)
		return pool_error_set(err, POOL_EFIELD, "end",
		    "must be after 'start'");
	TRY(get_str(d, o, "unit", 0, &r->unit, err));
	TRY(get_str(d, o, "note", 0, &r->note, err));
	TRY(get_str(d, o, "shift_type", 0, &r->shift_type, err));
	TRY(get_str(d, o, "series", 0, &r->series, err));
	TRY(get_list(d, o, "skills", 0, &r->skills, err));
	TRY(get_list(d, o, "tags", 0, &r->tags, err));
	TRY(get_int(o, "priority", 0, 1, 5, &prio, err));
	r->priority = (uint8_t)prio;
	TRY(rc = get_int(o, "break_minutes", 0, 0, 1440, &brk, err));
	r->has_break = rc == 0;
	if (brk * 60 >= r->end - r->start)
		return pool_error_set(err, POOL_EFIELD, "break_minutes",
		    "%lld minutes is not shorter than the shift", brk);
	r->break_minutes = (uint16_t)brk;
	if ((rc = get_location(o, "location", &lat, &lon, err)) == -1)
		return -1;
	if (rc == 0) {
		r->lat = (float)lat;
		r->lon = (float)lon;
		r->has_location = 1;
	}
	return 0;
}

static int
parse_interval(struct pool_data *d, const struct src *o,
    struct pool_interval *r, struct pool_error *err)
{
	TRY(get_str(d, o, "worker", 1, &r->worker, err));
	TRY(get_time(o, "start", &r->start, err));
	TRY(get_time(o, "end", &r->end, err));
	if (r->end <= r->start)
		return pool_error_set(err, POOL_EFIELD, "end",
		    "must be after 'start'");
	return 0;
}

static int
parse_assignment(struct pool_data *d, const struct src *o,
    struct pool_assignment *r, struct pool_error *err)
{
	int	status = POOL_CONFIRMED;

	TRY(get_str(d, o, "shift", 1, &r->shift, err));
	TRY(get_str(d, o, "worker", 1, &r->worker, err));
	TRY(get_enum(o, "status", status_names, &status, err));
	r->status = (uint8_t)status;
	TRY(get_num(o, "score", 0, -1e15, 1e15, &r->score, err));
	return 0;
}

/*
 * A period: "all" (the whole input, units mode's default), a year
 * ("2026"), a month ("2026-11"), a quarter ("2026-Q4"), an ISO week
 * ("2026-W48") or a date ("2026-11-23"), each one that exists.
 */
int
pool_record_period_check(const char *p, struct pool_error *err)
{
	struct pool_error	e;
	int64_t			day;
	size_t			i, n = strlen(p);

	if (strcmp(p, "all") == 0)
		return 0;
	for (i = 0; i < 4 && i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			break;
	if (i == 4 && (n == 4 || (n == 7 && p[4] == '-' &&
	    p[5] >= '0' && p[5] <= '1' && p[6] >= '0' && p[6] <= '9' &&
	    (p[5] - '0') * 10 + (p[6] - '0') >= 1 &&
	    (p[5] - '0') * 10 + (p[6] - '0') <= 12) ||
	    (n == 7 && p[4] == '-' && p[5] == 'Q' && p[6] >= '1' &&
	    p[6] <= '4')) && strncmp(p, "0000", 4) != 0)
		return 0;
	pool_error_clear(&e);
	if (i == 4 && n > 5 && p[4] == '-' && (p[5] == 'W' || p[5] == 'w' ||
	    (p[5] >= '0' && p[5] <= '9'))) {
		if (p[5] == 'W' || p[5] == 'w') {
			if (pool_time_parse_iso_week(p, &day, &e) == 0)
				return 0;
		} else if (pool_time_parse_date(p, &day, &e) == 0)
			return 0;
		if (e.text[0] != '\0')
			return pool_error_set(err, POOL_EFIELD, "period", "%s",
			    e.text);
	}
	return pool_error_set(err, POOL_EFIELD, "period", "'%.40s' is not a "
	    "period (all, 2026, 2026-11, 2026-Q4, 2026-W48 or 2026-11-23)",
	    p);
}

static int
parse_allocation(struct pool_data *d, const struct src *o,
    struct pool_allocation *r, struct pool_error *err)
{
	TRY(get_str(d, o, "org", 1, &r->org, err));
	TRY(get_str(d, o, "period", 1, &r->period, err));
	TRY(pool_record_period_check(r->period, err));
	TRY(get_num(o, "units", 1, 0, 1e15, &r->units, err));
	TRY(get_num(o, "entitled", 1, 0, 1e15, &r->entitled, err));
	TRY(get_str(d, o, "role", 0, &r->role, err));
	TRY(get_str(d, o, "method", 0, &r->method, err));
	TRY(get_num(o, "weight", 0, 0, 1e15, &r->weight, err));
	TRY(get_num(o, "demand", 0, 0, 1e15, &r->demand, err));
	TRY(get_num(o, "carry", 0, -1e15, 1e15, &r->carry, err));
	return 0;
}

static int
parse_contact(struct pool_data *d, const struct src *o,
    struct pool_contact *r, struct pool_error *err)
{
	struct val	v;
	int		level = 0;

	TRY(get_str(d, o, "org", 1, &r->org, err));
	TRY(get_date(o, "date", 1, &r->date, err));
	field(o, "level", &v);
	if (v.kind == V_ABSENT)
		return pool_error_set(err, POOL_EFIELD, "level", "missing");
	TRY(get_enum(o, "level", level_names, &level, err));
	r->level = level_names[level];
	TRY(get_str(d, o, "with", 0, &r->with, err));
	return 0;
}

static int
parse_worked(struct pool_data *d, const struct src *o,
    struct pool_worked *r, struct pool_error *err)
{
	long long	b = 0;

	TRY(get_str(d, o, "shift", 1, &r->shift, err));
	TRY(get_str(d, o, "worker", 1, &r->worker, err));
	TRY(get_time(o, "start", &r->start, err));
	TRY(get_time(o, "end", &r->end, err));
	if (r->end <= r->start)
		return pool_error_set(err, POOL_EFIELD, "end",
		    "must be after 'start'");
	TRY(get_int(o, "break_minutes", 0, 0, 1440, &b, err));
	if (b * 60 >= r->end - r->start)
		return pool_error_set(err, POOL_EFIELD, "break_minutes",
		    "%lld minutes is not shorter than the time worked", b);
	r->break_minutes = (uint16_t)b;
	return 0;
}

static int
parse_jrecord(struct pool_data *d, const struct src *o, enum pool_rtype t,
    struct pool_jrecord *r, struct pool_error *err)
{
	const char	*s;
	long long	 n;
	double		 x;

	r->shift = NULL;
	r->obj = NULL;
	if (o->o == NULL)
		return NEEDS_JSON;
	switch (t) {
	case POOL_R_CANDIDATE:
		TRY(get_str(d, o, "worker", 1, &s, err));
		TRY(get_int(o, "rank", 1, 1, INT_MAX, &n, err));
		TRY(get_num(o, "score", 0, -1e15, 1e15, &x, err));
		/* FALLTHROUGH */
	case POOL_R_UNFILLED:
		TRY(get_str(d, o, "shift", 1, &r->shift, err));
		break;
	case POOL_R_REJECT:
		TRY(get_str(d, o, "source", 1, &s, err));
		TRY(get_int(o, "line", 1, 0, LLONG_MAX, &n, err));
		TRY(get_str(d, o, "error", 1, &s, err));
		break;
	default:
		break;
	}
	r->obj = json_incref(o->o);
	return 0;
}

/*
 * A record from its fields.  Returns 0, -1 (error set) or, for scanned
 * fields only, NEEDS_JSON: a record of unknown type, or one that keeps
 * json (no error set).
 */
static int
from_src(struct pool_data *d, const struct src *o, struct pool_record *out,
    struct pool_error *err)
{
	struct val	t, id;
	int		rc;

	memset(out, 0, sizeof(*out));
	field(o, "type", &t);
	if (t.kind == V_ABSENT)
		return pool_error_set(err, POOL_EFIELD, "type", "missing");
	if (t.kind != V_STRING)
		return pool_error_set(err, POOL_EFIELD, "type",
		    "must be a string");
	out->type = pool_rtype_parse(t.s);
	switch (out->type) {
	case POOL_R_ORG:
		rc = parse_org(d, o, &out->u.org, err);
		break;
	case POOL_R_WORKER:
		rc = parse_worker(d, o, &out->u.worker, err);
		break;
	case POOL_R_SHIFT:
		rc = parse_shift(d, o, &out->u.shift, err);
		break;
	case POOL_R_AVAILABILITY:
	case POOL_R_ABSENCE:
		rc = parse_interval(d, o, &out->u.interval, err);
		break;
	case POOL_R_SIGNUP:
		rc = get_str(d, o, "worker", 1, &out->u.signup.worker, err);
		if (rc != -1)
			rc = get_str(d, o, "shift", 1, &out->u.signup.shift, err);
		break;
	case POOL_R_ASSIGNMENT:
		rc = parse_assignment(d, o, &out->u.assignment, err);
		break;
	case POOL_R_ALLOCATION:
		rc = parse_allocation(d, o, &out->u.allocation, err);
		break;
	case POOL_R_CONTACT:
		rc = parse_contact(d, o, &out->u.contact, err);
		break;
	case POOL_R_WORKED:
		rc = parse_worked(d, o, &out->u.worked, err);
		break;
	case POOL_R_UNFILLED:
	case POOL_R_CANDIDATE:
	case POOL_R_REJECT:
		rc = parse_jrecord(d, o, out->type, &out->u.jrecord, err);
		break;
	default:
		rc = o->o == NULL ? NEEDS_JSON : 0;
		break;
	}
	if (rc == NEEDS_JSON) {
		pool_record_release(out);
		return NEEDS_JSON;
	}
	if (rc == -1) {
		if (err != NULL && err->code == POOL_EFIELD &&
		    out->type != POOL_R_UNKNOWN) {
			/* Say which record: "shift 'S1'". */
			field(o, "id", &id);
			if (id.kind == V_STRING && id.len > 0)
				cut(err->context, sizeof(err->context),
				    "%s '%.60s'", pool_rtype_name(out->type),
				    id.s);
			else
				cut(err->context, sizeof(err->context), "%s",
				    pool_rtype_name(out->type));
		}
		pool_record_release(out);
		return -1;
	}
	return 0;
}

int
pool_record_from_json(struct pool_data *d, json_t *o, struct pool_record *out,
    struct pool_error *err)
{
	struct src	s = { o, NULL, 0 };

	memset(out, 0, sizeof(*out));
	if (!json_is_object(o))
		return pool_error_set(err, POOL_EPARSE, NULL,
		    "not a JSON object");
	return from_src(d, &s, out, err);
}

/*
 * Reading a line is two steps: pool_rscan_read finds the object (the
 * scanner of pool_jscan.h, or jansson for what it does not take), and
 * pool_rscan_take makes the record of it in a data set.  Between the
 * two a caller may look at the top-level strings (pool_rscan_str), as
 * the report does to choose the data set.  The record of a scanned
 * line comes from the scanned values; a scanned line that is not a
 * valid record of a known type, or that keeps json, goes to jansson,
 * so that errors keep jansson's wording.
 */
/* The general path: jansson reads the line. */
static int
rscan_load(struct pool_rscan *rs, struct pool_error *err)
{
	json_error_t	 je;

	rs->scanned = 0;
	if ((rs->o = json_loadb(rs->line, rs->len, JSON_REJECT_DUPLICATES,
	    &je)) == NULL)
		return pool_error_set(err, POOL_EPARSE, NULL,
		    "invalid JSON: %s (column %d)", je.text, je.column);
	return 0;
}

int
pool_rscan_read(struct pool_rscan *rs, const char *line, size_t len,
    struct pool_error *err)
{
	rs->o = NULL;
	rs->line = line;
	rs->len = len;
	pool_jscan_init(&rs->sc, rs->tok, POOL_RSCAN_TOKENS, rs->buf,
	    sizeof(rs->buf));
	if ((rs->scanned = pool_jscan_object(&rs->sc, line, len) == 0))
		return 0;
	return rscan_load(rs, err);
}

const char *
pool_rscan_str(const struct pool_rscan *rs, const char *key)
{
	struct src	s = { rs->o, rs->sc.tok, rs->sc.nmembers };
	struct val	v;

	if (!rs->scanned && rs->o == NULL)
		return NULL;
	field(&s, key, &v);
	return v.kind == V_STRING ? v.s : NULL;
}

int
pool_rscan_take(struct pool_data *d, struct pool_rscan *rs,
    struct pool_record *out, struct pool_error *err)
{
	int	 rc;

	if (rs->scanned && pool_record_from_jscan(d, &rs->sc, out) == 0) {
		rs->scanned = 0;
		return 0;
	}
	memset(out, 0, sizeof(*out));
	if (rs->scanned && rscan_load(rs, err) == -1)
		return -1;
	if (rs->o == NULL)
		return pool_error_set(err, POOL_EPARSE, NULL, "no line read");
	rc = pool_record_from_json(d, rs->o, out, err);
	pool_rscan_release(rs);
	return rc;
}

void
pool_rscan_release(struct pool_rscan *rs)
{
	json_decref(rs->o);
	rs->o = NULL;
	rs->scanned = 0;
}

int
pool_record_from_jscan(struct pool_data *d, const struct pool_jscan *sc,
    struct pool_record *out)
{
	struct src	s;

	s.o = NULL;
	s.m = sc->tok;
	s.n = sc->nmembers;
	if (from_src(d, &s, out, NULL) == 0)
		return 0;
	memset(out, 0, sizeof(*out));
	return -1;
}

int
pool_record_parse(struct pool_data *d, const char *line, size_t len,
    struct pool_record *out, struct pool_error *err)
{
	struct pool_rscan	rs;

	if (pool_rscan_read(&rs, line, len, err) == -1) {
		memset(out, 0, sizeof(*out));
		return -1;
	}
	return pool_rscan_take(d, &rs, out, err);
}

int
pool_data_worker_cmp(const void *a, const void *b, void *arg)
{
	const struct pool_data	*d = arg;

	return strcmp(d->workers.v[*(const long *)a].id,
	    d->workers.v[*(const long *)b].id);
}

void
pool_record_release(struct pool_record *r)
{
	switch (r->type) {
	case POOL_R_ORG:
		json_decref(r->u.org.contacts);
		r->u.org.contacts = NULL;
		break;
	case POOL_R_UNFILLED:
	case POOL_R_CANDIDATE:
	case POOL_R_REJECT:
		json_decref(r->u.jrecord.obj);
		r->u.jrecord.obj = NULL;
		break;
	default:
		break;
	}
}

#define PUSH(vec, item) do {						\
	if ((vec).n == (vec).cap) {					\
		size_t	 nc = (vec).cap ? (vec).cap * 2 : 16;		\
		void	*nv = realloc((vec).v, nc * sizeof(*(vec).v));	\
		if (nv == NULL)						\
			goto fail;					\
		(vec).v = nv;						\
		(vec).cap = nc;						\
	}								\
	(vec).v[(vec).n++] = (item);					\
} while (0)

int
pool_data_add(struct pool_data *d, struct pool_record *r,
    struct pool_error *err)
{
	switch (r->type) {
	case POOL_R_ORG:
		PUSH(d->orgs, r->u.org);
		break;
	case POOL_R_WORKER:
		PUSH(d->workers, r->u.worker);
		break;
	case POOL_R_SHIFT:
		PUSH(d->shifts, r->u.shift);
		break;
	case POOL_R_AVAILABILITY:
		PUSH(d->availability, r->u.interval);
		break;
	case POOL_R_ABSENCE:
		PUSH(d->absences, r->u.interval);
		break;
	case POOL_R_SIGNUP:
		PUSH(d->signups, r->u.signup);
		break;
	case POOL_R_ASSIGNMENT:
		PUSH(d->assignments, r->u.assignment);
		break;
	case POOL_R_ALLOCATION:
		PUSH(d->allocations, r->u.allocation);
		break;
	case POOL_R_CONTACT:
		PUSH(d->contacts, r->u.contact);
		break;
	case POOL_R_WORKED:
		PUSH(d->worked, r->u.worked);
		break;
	case POOL_R_UNFILLED:
		PUSH(d->unfilled, r->u.jrecord);
		break;
	case POOL_R_CANDIDATE:
		PUSH(d->candidates, r->u.jrecord);
		break;
	case POOL_R_REJECT:
		PUSH(d->rejects, r->u.jrecord);
		break;
	default:
		break;
	}
	d->count[r->type]++;
	/* The data set owns the references now. */
	memset(&r->u, 0, sizeof(r->u));
	return 0;
fail:
	pool_record_release(r);
	return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
}

int
pool_data_index(struct pool_data *d, struct pool_error *err)
{
	struct pool_index	*ix;
	size_t			 i;

	if (d->index == NULL) {
		if ((d->index = calloc(1, sizeof(*d->index))) == NULL)
			return nomem(err);
	}
	ix = d->index;
	pool_ptrmap_release(&ix->workers);
	pool_ptrmap_release(&ix->shifts);
	for (i = 0; i < d->workers.n; i++)
		if (pool_ptrmap_put(&ix->workers, d->workers.v[i].id,
		    (long)i) == -1)
			return nomem(err);
	for (i = 0; i < d->shifts.n; i++)
		if (pool_ptrmap_put(&ix->shifts, d->shifts.v[i].id,
		    (long)i) == -1)
			return nomem(err);
	return 0;
}

static long
lookup(const struct pool_data *d, const struct pool_ptrmap *m, const char *id)
{
	const char	*s;

	if (id == NULL || d->index == NULL)
		return -1;
	if ((s = pool_strtab_lookup(d->strtab, id)) == NULL)
		return -1;
	return pool_ptrmap_get(m, s);
}

long
pool_data_worker(const struct pool_data *d, const char *id)
{
	return d->index ? lookup(d, &d->index->workers, id) : -1;
}

long
pool_data_shift(const struct pool_data *d, const char *id)
{
	return d->index ? lookup(d, &d->index->shifts, id) : -1;
}

int
pool_strlist_has(const struct pool_strlist *l, const char *s)
{
	for (uint32_t i = 0; i < l->n; i++)
		if (l->v[i] == s)
			return 1;
	return 0;
}

int
pool_json_write(FILE *f, const json_t *v)
{
	if (json_dumpf(v, f, JSON_COMPACT | JSON_REAL_PRECISION(15)) == -1)
		return -1;
	if (putc('\n', f) == EOF)
		return -1;
	return 0;
}
