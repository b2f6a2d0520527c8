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

#include "pool_record.h"
#include "pool_strtab.h"
#include "pool_time.h"

struct pool_index {
	struct pool_ptrmap	workers;
	struct pool_ptrmap	shifts;
};

static const char *const rtype_names[POOL_R_NTYPES] = {
	NULL, "org", "worker", "shift", "availability", "absence", "signup",
	"assignment", "unfilled", "candidate", "allocation", "contact", "reject"
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

/* Field readers.  Each returns 0 (present and valid), 1 (absent and not
 * required) or -1 (error set). */

static int
nomem(struct pool_error *err)
{
	return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
}

static int
get_str(struct pool_data *d, json_t *o, const char *key, int required,
    const char **out, struct pool_error *err)
{
	json_t	*v = json_object_get(o, key);

	*out = NULL;
	if (v == NULL || json_is_null(v)) {
		if (required)
			return pool_error_set(err, POOL_EFIELD, key, "missing");
		return 1;
	}
	if (!json_is_string(v))
		return pool_error_set(err, POOL_EFIELD, key, "must be a string");
	if (json_string_length(v) == 0 && required)
		return pool_error_set(err, POOL_EFIELD, key, "must not be empty");
	if (strlen(json_string_value(v)) != json_string_length(v))
		return pool_error_set(err, POOL_EFIELD, key,
		    "must not contain a NUL character");
	if ((*out = pool_data_intern(d, json_string_value(v),
	    json_string_length(v))) == NULL)
		return nomem(err);
	return 0;
}

static int
get_num(json_t *o, const char *key, int required, double min, double max,
    double *out, struct pool_error *err)
{
	json_t	*v = json_object_get(o, key);
	double	 x;

	*out = POOL_NONE;
	if (v == NULL || json_is_null(v)) {
		if (required)
			return pool_error_set(err, POOL_EFIELD, key, "missing");
		return 1;
	}
	if (!json_is_number(v))
		return pool_error_set(err, POOL_EFIELD, key, "must be a number");
	x = json_number_value(v);
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
get_int(json_t *o, const char *key, int required, long long min,
    long long max, long long *out, struct pool_error *err)
{
	json_t		*v = json_object_get(o, key);
	long long	 x;

	if (v == NULL || json_is_null(v)) {
		if (required)
			return pool_error_set(err, POOL_EFIELD, key, "missing");
		return 1;
	}
	if (!json_is_integer(v))
		return pool_error_set(err, POOL_EFIELD, key,
		    "must be a whole number");
	x = json_integer_value(v);
	if (x < min || x > max)
		return pool_error_set(err, POOL_EFIELD, key,
		    "%lld out of range %lld to %lld", x, min, max);
	*out = x;
	return 0;
}

static int
get_bool(json_t *o, const char *key, int *out, struct pool_error *err)
{
	json_t	*v = json_object_get(o, key);

	*out = 0;
	if (v == NULL || json_is_null(v))
		return 1;
	if (!json_is_boolean(v))
		return pool_error_set(err, POOL_EFIELD, key,
		    "must be true or false");
	*out = json_is_true(v);
	return 0;
}

static int
get_time(json_t *o, const char *key, int64_t *out, struct pool_error *err)
{
	json_t			*v = json_object_get(o, key);
	struct pool_error	 e;

	if (v == NULL || json_is_null(v))
		return pool_error_set(err, POOL_EFIELD, key, "missing");
	if (!json_is_string(v))
		return pool_error_set(err, POOL_EFIELD, key,
		    "must be an RFC 3339 date-time string");
	if (pool_time_parse(json_string_value(v), out, NULL, &e) == -1)
		return pool_error_set(err, POOL_EFIELD, key, "%s", e.text);
	return 0;
}

static int
get_date(json_t *o, const char *key, int required, int32_t *out,
    struct pool_error *err)
{
	json_t			*v = json_object_get(o, key);
	struct pool_error	 e;
	int64_t			 days;

	if (v == NULL || json_is_null(v)) {
		if (required)
			return pool_error_set(err, POOL_EFIELD, key, "missing");
		return 1;
	}
	if (!json_is_string(v))
		return pool_error_set(err, POOL_EFIELD, key,
		    "must be a date string (YYYY-MM-DD)");
	if (pool_time_parse_date(json_string_value(v), &days, &e) == -1)
		return pool_error_set(err, POOL_EFIELD, key, "%s", e.text);
	*out = (int32_t)days;
	return 0;
}

static int
get_list(struct pool_data *d, json_t *o, const char *key, int required,
    struct pool_strlist *out, struct pool_error *err)
{
	json_t		*v = json_object_get(o, key), *e;
	size_t		 i, n;

	out->v = NULL;
	out->n = 0;
	if (v == NULL || json_is_null(v)) {
		if (required)
			return pool_error_set(err, POOL_EFIELD, key, "missing");
		return 1;
	}
	if (!json_is_array(v))
		return pool_error_set(err, POOL_EFIELD, key,
		    "must be a list of strings");
	n = json_array_size(v);
	if (n == 0 && required)
		return pool_error_set(err, POOL_EFIELD, key,
		    "must have at least one element");
	if (n > 65535)
		return pool_error_set(err, POOL_EFIELD, key, "too many elements");
	if (n == 0)
		return 0;
	if ((out->v = pool_strtab_alloc(d->strtab, n * sizeof(*out->v))) == NULL)
		return nomem(err);
	json_array_foreach(v, i, e) {
		if (!json_is_string(e) || json_string_length(e) == 0 ||
		    strlen(json_string_value(e)) != json_string_length(e))
			return pool_error_set(err, POOL_EFIELD, key,
			    "element %zu must be a non-empty string", i + 1);
		if ((out->v[i] = pool_data_intern(d, json_string_value(e),
		    json_string_length(e))) == NULL)
			return nomem(err);
	}
	out->n = (uint32_t)n;
	return 0;
}

static int
get_enum(json_t *o, const char *key, const char *const *names, int *out,
    struct pool_error *err)
{
	json_t	*v = json_object_get(o, key);
	char	 list[160];
	size_t	 n = 0;

	if (v == NULL || json_is_null(v))
		return 1;
	if (json_is_string(v))
		for (int i = 0; names[i] != NULL; i++)
			if (strcmp(json_string_value(v), names[i]) == 0) {
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
get_location(json_t *o, const char *key, double *lat, double *lon,
    struct pool_error *err)
{
	json_t	*v = json_object_get(o, key);
	char	 f[64];

	if (v == NULL || json_is_null(v))
		return 1;
	if (!json_is_object(v))
		return pool_error_set(err, POOL_EFIELD, key,
		    "must be an object {\"lat\": ..., \"lon\": ...}");
	if (get_num(v, "lat", 1, -90, 90, lat, err) == -1 ||
	    get_num(v, "lon", 1, -180, 180, lon, err) == -1) {
		if (err != NULL) {
			cut(f, sizeof(f), "%s.%s", key, err->field);
			snprintf(err->field, sizeof(err->field), "%s", f);
		}
		return -1;
	}
	return 0;
}

#define TRY(x)	do { if ((x) == -1) return -1; } while (0)

static const char *const nights_names[] = {
	"any", "prefer", "avoid", "never", "only", NULL
};
static const char *const status_names[] = { "confirmed", "proposed", NULL };
static const char *const level_names[] = {
	"operational", "tactical", "strategic", NULL
};

static int
parse_org(struct pool_data *d, json_t *o, struct pool_org *r,
    struct pool_error *err)
{
	json_t	*c;

	TRY(get_str(d, o, "id", 1, &r->id, err));
	TRY(get_str(d, o, "name", 0, &r->name, err));
	TRY(get_str(d, o, "region", 0, &r->region, err));
	TRY(get_num(o, "weight", 0, 0, 1e15, &r->weight, err));
	TRY(get_num(o, "rate", 0, 0, 1e9, &r->rate, err));
	c = json_object_get(o, "contacts");
	if (c != NULL && !json_is_null(c) && !json_is_array(c))
		return pool_error_set(err, POOL_EFIELD, "contacts",
		    "must be a list");
	r->contacts = c != NULL && json_is_array(c) ? json_incref(c) : NULL;
	return 0;
}

static int
parse_worker(struct pool_data *d, json_t *o, struct pool_worker *r,
    struct pool_error *err)
{
	int	b = 0, nights = 0, rc;

	TRY(get_str(d, o, "id", 1, &r->id, err));
	TRY(get_list(d, o, "roles", 1, &r->roles, err));
	TRY(get_str(d, o, "name", 0, &r->name, err));
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
parse_shift(struct pool_data *d, json_t *o, struct pool_shift *r,
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
	TRY(get_list(d, o, "skills", 0, &r->skills, err));
	TRY(get_list(d, o, "tags", 0, &r->tags, err));
	TRY(get_int(o, "priority", 0, 1, 5, &prio, err));
	r->priority = (uint8_t)prio;
	TRY(get_int(o, "break_minutes", 0, 0, 1440, &brk, err));
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
parse_interval(struct pool_data *d, json_t *o, struct pool_interval *r,
    struct pool_error *err)
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
parse_assignment(struct pool_data *d, json_t *o, struct pool_assignment *r,
    struct pool_error *err)
{
	int	status = POOL_CONFIRMED;

	TRY(get_str(d, o, "shift", 1, &r->shift, err));
	TRY(get_str(d, o, "worker", 1, &r->worker, err));
	TRY(get_enum(o, "status", status_names, &status, err));
	r->status = (uint8_t)status;
	TRY(get_num(o, "score", 0, -1e15, 1e15, &r->score, err));
	return 0;
}

static int
parse_allocation(struct pool_data *d, json_t *o, struct pool_allocation *r,
    struct pool_error *err)
{
	TRY(get_str(d, o, "org", 1, &r->org, err));
	TRY(get_str(d, o, "period", 1, &r->period, err));
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
parse_contact(struct pool_data *d, json_t *o, struct pool_contact *r,
    struct pool_error *err)
{
	int	level = 0;

	TRY(get_str(d, o, "org", 1, &r->org, err));
	TRY(get_date(o, "date", 1, &r->date, err));
	if (json_object_get(o, "level") == NULL)
		return pool_error_set(err, POOL_EFIELD, "level", "missing");
	TRY(get_enum(o, "level", level_names, &level, err));
	r->level = level_names[level];
	TRY(get_str(d, o, "with", 0, &r->with, err));
	return 0;
}

static int
parse_jrecord(struct pool_data *d, json_t *o, enum pool_rtype t,
    struct pool_jrecord *r, struct pool_error *err)
{
	const char	*s;
	long long	 n;
	double		 x;

	r->shift = NULL;
	r->obj = NULL;
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
	r->obj = json_incref(o);
	return 0;
}

int
pool_record_from_json(struct pool_data *d, json_t *o, struct pool_record *out,
    struct pool_error *err)
{
	json_t	*t;
	int	 rc;

	memset(out, 0, sizeof(*out));
	if (!json_is_object(o))
		return pool_error_set(err, POOL_EPARSE, NULL,
		    "not a JSON object");
	t = json_object_get(o, "type");
	if (t == NULL)
		return pool_error_set(err, POOL_EFIELD, "type", "missing");
	if (!json_is_string(t))
		return pool_error_set(err, POOL_EFIELD, "type",
		    "must be a string");
	out->type = pool_rtype_parse(json_string_value(t));
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
	case POOL_R_UNFILLED:
	case POOL_R_CANDIDATE:
	case POOL_R_REJECT:
		rc = parse_jrecord(d, o, out->type, &out->u.jrecord, err);
		break;
	default:
		rc = 0;
		break;
	}
	if (rc == -1) {
		if (err != NULL && err->code == POOL_EFIELD &&
		    out->type != POOL_R_UNKNOWN) {
			/* Say which record: "shift 'S1'". */
			json_t	*id = json_object_get(o, "id");

			if (json_is_string(id) && json_string_length(id) > 0)
				cut(err->context, sizeof(err->context),
				    "%s '%.60s'", pool_rtype_name(out->type),
				    json_string_value(id));
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
pool_record_parse(struct pool_data *d, const char *line, size_t len,
    struct pool_record *out, struct pool_error *err)
{
	json_error_t	 je;
	json_t		*o;
	int		 rc;

	memset(out, 0, sizeof(*out));
	o = json_loadb(line, len, JSON_REJECT_DUPLICATES, &je);
	if (o == NULL)
		return pool_error_set(err, POOL_EPARSE, NULL,
		    "invalid JSON: %s (column %d)", je.text, je.column);
	rc = pool_record_from_json(d, o, out, err);
	json_decref(o);
	return rc;
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
