/*
 * Comparisons of the scanner of lib/jscan.c and of the fast path of
 * pool_record_parse with jansson, shared by tests/unit/test_jscan.c and
 * tests/fuzz/fuzz_jscan.c.  Include once, after jansson.h, pool_jscan.h
 * and pool_record.h.
 */
#ifndef JSCAN_DIFF_H
#define JSCAN_DIFF_H

#include <stdint.h>
#include <string.h>

/* 1 if the scanned value t (and its children) equals the json value. */
static int
same_value(const struct pool_jtok *t, json_t *j)
{
	switch (t->type) {
	case POOL_J_NULL:
		return json_is_null(j);
	case POOL_J_TRUE:
		return json_is_true(j);
	case POOL_J_FALSE:
		return json_is_false(j);
	case POOL_J_INTEGER:
		return json_is_integer(j) && json_integer_value(j) == t->i &&
		    t->x == (double)t->i;
	case POOL_J_REAL:
		return json_is_real(j) &&
		    memcmp(&t->x, &(double){ json_real_value(j) },
		    sizeof(double)) == 0;
	case POOL_J_STRING:
		return json_is_string(j) && json_string_length(j) == t->len &&
		    memcmp(json_string_value(j), t->s, t->len) == 0 &&
		    t->s[t->len] == '\0';
	case POOL_J_ARRAY:
		if (!json_is_array(j) || json_array_size(j) != t->n)
			return 0;
		for (uint32_t i = 0; i < t->n; i++)
			if (!same_value(t + 1 + i, json_array_get(j, i)))
				return 0;
		return 1;
	case POOL_J_OBJECT:
		if (!json_is_object(j) || json_object_size(j) != t->n)
			return 0;
		for (uint32_t i = 0; i < t->n; i++)
			if (strlen(t[1 + i].key) != t[1 + i].klen ||
			    json_object_get(j, t[1 + i].key) == NULL ||
			    !same_value(t + 1 + i,
			    json_object_get(j, t[1 + i].key)))
				return 0;
		return 1;
	}
	return 0;
}

/* 1 if the top object scanned equals the json object. */
static int
same_object(const struct pool_jscan *sc, json_t *o)
{
	if (!json_is_object(o) || json_object_size(o) != sc->nmembers)
		return 0;
	for (const struct pool_jtok *m = sc->tok, *e = sc->tok + sc->ntok;
	    m < e; m += 1 + (m->type == POOL_J_ARRAY ||
	    m->type == POOL_J_OBJECT ? m->n : 0)) {
		json_t	*v = json_object_get(o, m->key);

		if (strlen(m->key) != m->klen || v == NULL ||
		    !same_value(m, v))
			return 0;
	}
	return 1;
}

static int
same_num(double a, double b)
{
	return memcmp(&a, &b, sizeof(a)) == 0;
}

static int
same_list(const struct pool_strlist *a, const struct pool_strlist *b)
{
	if (a->n != b->n)
		return 0;
	for (uint32_t i = 0; i < a->n; i++)
		if (a->v[i] != b->v[i])
			return 0;
	return 1;
}

/* 1 if two records read into one data set are the same. */
static int
same_record(const struct pool_record *a, const struct pool_record *b)
{
	if (a->type != b->type)
		return 0;
	switch (a->type) {
	case POOL_R_ORG: {
		const struct pool_org *x = &a->u.org, *y = &b->u.org;

		return x->id == y->id && x->name == y->name &&
		    x->region == y->region && same_num(x->weight, y->weight) &&
		    same_num(x->rate, y->rate) &&
		    (x->contacts == NULL) == (y->contacts == NULL) &&
		    (x->contacts == NULL ||
		    json_equal(x->contacts, y->contacts));
	}
	case POOL_R_WORKER: {
		const struct pool_worker *x = &a->u.worker, *y = &b->u.worker;

		return x->id == y->id && x->name == y->name &&
		    x->org == y->org && same_list(&x->roles, &y->roles) &&
		    same_list(&x->skills, &y->skills) &&
		    same_list(&x->dedicated, &y->dedicated) &&
		    x->has_location == y->has_location &&
		    (!x->has_location || (same_num(x->lat, y->lat) &&
		    same_num(x->lon, y->lon))) &&
		    same_num(x->max_travel_km, y->max_travel_km) &&
		    same_num(x->contract_hours, y->contract_hours) &&
		    same_num(x->max_hours_week, y->max_hours_week) &&
		    same_num(x->rate, y->rate) &&
		    x->valid_from == y->valid_from &&
		    x->valid_until == y->valid_until &&
		    x->nights == y->nights &&
		    x->night_exempt == y->night_exempt;
	}
	case POOL_R_SHIFT: {
		const struct pool_shift *x = &a->u.shift, *y = &b->u.shift;

		return x->id == y->id && x->org == y->org &&
		    x->role == y->role && x->unit == y->unit &&
		    x->note == y->note && x->start == y->start &&
		    x->end == y->end && same_list(&x->skills, &y->skills) &&
		    same_list(&x->tags, &y->tags) &&
		    x->has_location == y->has_location &&
		    (!x->has_location || (same_num(x->lat, y->lat) &&
		    same_num(x->lon, y->lon))) &&
		    x->break_minutes == y->break_minutes &&
		    x->priority == y->priority;
	}
	case POOL_R_AVAILABILITY:
	case POOL_R_ABSENCE:
		return a->u.interval.worker == b->u.interval.worker &&
		    a->u.interval.start == b->u.interval.start &&
		    a->u.interval.end == b->u.interval.end;
	case POOL_R_SIGNUP:
		return a->u.signup.worker == b->u.signup.worker &&
		    a->u.signup.shift == b->u.signup.shift;
	case POOL_R_ASSIGNMENT:
		return a->u.assignment.shift == b->u.assignment.shift &&
		    a->u.assignment.worker == b->u.assignment.worker &&
		    a->u.assignment.status == b->u.assignment.status &&
		    same_num(a->u.assignment.score, b->u.assignment.score);
	case POOL_R_ALLOCATION: {
		const struct pool_allocation *x = &a->u.allocation,
		    *y = &b->u.allocation;

		return x->org == y->org && x->period == y->period &&
		    x->role == y->role && x->method == y->method &&
		    same_num(x->units, y->units) &&
		    same_num(x->entitled, y->entitled) &&
		    same_num(x->weight, y->weight) &&
		    same_num(x->demand, y->demand) &&
		    same_num(x->carry, y->carry);
	}
	case POOL_R_CONTACT:
		return a->u.contact.org == b->u.contact.org &&
		    a->u.contact.level == b->u.contact.level &&
		    a->u.contact.with == b->u.contact.with &&
		    a->u.contact.date == b->u.contact.date;
	case POOL_R_WORKED:
		return a->u.worked.shift == b->u.worked.shift &&
		    a->u.worked.worker == b->u.worked.worker &&
		    a->u.worked.start == b->u.worked.start &&
		    a->u.worked.end == b->u.worked.end &&
		    a->u.worked.break_minutes == b->u.worked.break_minutes;
	case POOL_R_UNFILLED:
	case POOL_R_CANDIDATE:
	case POOL_R_REJECT:
		return a->u.jrecord.shift == b->u.jrecord.shift &&
		    json_equal(a->u.jrecord.obj, b->u.jrecord.obj);
	default:
		return 1;
	}
}

/* The jansson path alone: what pool_record_parse did before the scanner. */
static int
parse_jansson(struct pool_data *d, const char *line, size_t len,
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

#endif /* JSCAN_DIFF_H */
