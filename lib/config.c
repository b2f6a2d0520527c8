/*
 * Configuration: pool.yaml read through libyaml's event parser into
 * struct pool_config (see pool.yaml(5)).
 *
 * The events are first built into a small tree (struct pool_ynode) so that
 * keys can be checked for duplicates and applied in a fixed order
 * (preset before rules, pool rules before organisation rules).  Aliases
 * point at the anchored node instead of copying it; their number and
 * the number of nodes they add are bounded, so an alias bomb is refused
 * while it is being read.
 */
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>


#include "pool_config.h"
#include "pool_int.h"
#include "pool_yaml.h"

#define DAY_MIN		(24 * 60)

/* Defaults of the matching weights (documented in pool.yaml(5)). */
#define DEF_TRAVEL		1.0
#define DEF_PREFERENCE		20.0
#define DEF_SIGNUP		30.0
#define DEF_CONTINUITY		10.0
#define DEF_CONTRACT		2.0
#define DEF_FAIRNESS		1.0
#define DEF_OVERQUALIFIED	15.0
#define DEF_CHANGE		40.0

/** Presets */

/*
 * The Arbeidstijdenwet and Arbeidstijdenbesluit for adults (the
 * limits pool.yaml(5) lists under Rules and Presets); the other presets start
 * from it.
 */
static void
rules_atw(struct pool_rules *r)
{
	memset(r, 0, sizeof(*r));
	r->shift_max = 12 * 60;
	r->rest_daily = 11 * 60;
	r->rest_daily_short = 8 * 60;
	r->rest_short_window = 7 * DAY_MIN;
	r->night_start = 0;
	r->night_end = 6 * 60;
	r->night_min_work = 60;
	r->night_shift_max = 10 * 60;
	r->night_late_end = 2 * 60;
	r->rest_after_night = 14 * 60;
	r->rest_after_night_short = 8 * 60;
	r->rest_after_series = 46 * 60;
	r->night_series = 3;
	r->week_max = 60 * 60;
	r->avg_16w_max = 48 * 60;
	r->avg_16w_night_max = 40 * 60;
	r->avg_16w_night_count = 16;
	r->avg_4w_max = 55 * 60;
	r->nights_16w_max = 36;
	r->consecutive_max = 7;
	r->weekly_rest = 36 * 60;
	r->weekly_rest_14d = 72 * 60;
	r->weekly_rest_block = 32 * 60;
	r->week_start = 7;
	r->night_consecutive_max = 0;
	/* Art. 5:8 lid 2: a night of up to 12 h, 5 times per 14 * 24 h
	 * and 22 times per 52 weeks, 12 h rest after it. */
	r->night_long_max = 12 * 60;
	r->night_long_2w_max = 5;
	r->night_long_52w_max = 22;
	r->night_long_rest = 12 * 60;
	/* Art. 5:4: breaks of 30 min above 5.5 h, 45 min above 10 h. */
	r->break_after = 330;
	r->break_min = 30;
	r->break_long_after = 10 * 60;
	r->break_long_min = 45;
	r->break_part = 15;
	/* Art. 5:6: 13 free Sundays per 52 weeks. */
	r->sundays_free = 13;
}

int
pool_rules_preset(struct pool_rules *r, const char *name,
    struct pool_error *err)
{
	if (strcmp(name, "atw") == 0) {
		rules_atw(r);
		return 0;
	}
	if (strcmp(name, "cao-vvt") == 0) {
		/* CAO VVT: at most 10 h per shift, nights included. */
		rules_atw(r);
		r->shift_max = 10 * 60;
		r->night_long_max = 0;
		return 0;
	}
	if (strcmp(name, "cao-ziekenhuizen") == 0) {
		/* CAO Ziekenhuizen art. 6.11 and 6.12, without overtime. */
		rules_atw(r);
		r->shift_max = 10 * 60;
		r->night_shift_max = 9 * 60;
		r->night_consecutive_max = 5;
		r->night_long_max = 0;
		return 0;
	}
	return pool_error_set(err, POOL_ECONFIG, NULL,
	    "unknown preset '%s' (known: atw, cao-vvt, cao-ziekenhuizen)",
	    name);
}

/** Small helpers */

int
pool_config_weekday_parse(const char *name)
{
	static const char *const days[] = { "monday", "tuesday",
	    "wednesday", "thursday", "friday", "saturday", "sunday" };
	size_t	i;

	for (i = 0; i < 7; i++)
		if (strcasecmp(name, days[i]) == 0)
			return (int)i + 1;
	return -1;
}

static const char *
weekday_name(int d)
{
	static const char *const days[] = { "monday", "tuesday",
	    "wednesday", "thursday", "friday", "saturday", "sunday" };

	return d >= 1 && d <= 7 ? days[d - 1] : "monday";
}

static const struct {
	const char		*name;
	enum pool_alloc_method	 method;
} methods[] = {
	{ "hamilton",		POOL_METHOD_HAMILTON },
	{ "dhondt",		POOL_METHOD_DHONDT },
	{ "sainte-lague",	POOL_METHOD_SAINTE_LAGUE },
	{ "huntington-hill",	POOL_METHOD_HUNTINGTON_HILL },
	{ "adams",		POOL_METHOD_ADAMS },
	/* Other names of the same methods. */
	{ "largest-remainder",	POOL_METHOD_HAMILTON },
	{ "jefferson",		POOL_METHOD_DHONDT },
	{ "webster",		POOL_METHOD_SAINTE_LAGUE }
};

int
pool_config_method_parse(const char *name)
{
	size_t	i;

	for (i = 0; i < sizeof(methods) / sizeof(methods[0]); i++)
		if (strcmp(name, methods[i].name) == 0)
			return (int)methods[i].method;
	return -1;
}

const char *
pool_config_method_name(enum pool_alloc_method m)
{
	switch (m) {
	case POOL_METHOD_HAMILTON:
		return "hamilton";
	case POOL_METHOD_DHONDT:
		return "dhondt";
	case POOL_METHOD_SAINTE_LAGUE:
		return "sainte-lague";
	case POOL_METHOD_HUNTINGTON_HILL:
		return "huntington-hill";
	case POOL_METHOD_ADAMS:
		return "adams";
	}
	return "hamilton";
}

/** Defaults */

static void
defaults(struct pool_config *c)
{
	c->week_start = 1;
	rules_atw(&c->rules);
	c->matching.travel = DEF_TRAVEL;
	c->matching.preference = DEF_PREFERENCE;
	c->matching.signup = DEF_SIGNUP;
	c->matching.continuity = DEF_CONTINUITY;
	c->matching.contract = DEF_CONTRACT;
	c->matching.fairness = DEF_FAIRNESS;
	c->matching.overqualified = DEF_OVERQUALIFIED;
	c->matching.change = DEF_CHANGE;
	c->allocation.method = POOL_METHOD_HAMILTON;
	c->allocation.unit_hours = 0;
	c->allocation.period_day = 0;
	c->allocation.carry_over = 0;
	c->allocation.strict = 0;
	c->min_cell = 5;
	c->language = -1;
	c->pool_rate = -1;
}

static struct pool_config *
config_new(const char *source, struct pool_error *err)
{
	struct pool_config	*c;

	if ((c = calloc(1, sizeof(*c))) == NULL) {
		nomem(err);
		return NULL;
	}
	defaults(c);
	c->source = xstrdup(source);
	c->timezone = xstrdup("Europe/Amsterdam");
	c->preset = xstrdup("atw");
	if (c->source == NULL || c->timezone == NULL || c->preset == NULL) {
		pool_config_free(c);
		nomem(err);
		return NULL;
	}
	return c;
}

struct pool_config *
pool_config_new_default(struct pool_error *err)
{
	return config_new("(built-in)", err);
}

void
pool_config_free(struct pool_config *c)
{
	size_t	i, j;

	if (c == NULL)
		return;
	free(c->source);
	free(c->pool);
	free(c->timezone);
	free(c->preset);
	for (i = 0; i < c->norgs; i++) {
		struct pool_org_conf *o = &c->orgs[i];

		free(o->id);
		free(o->name);
		free(o->region);
		free(o->preset);
		for (j = 0; j < o->ncontacts; j++) {
			free(o->contacts[j].name);
			free(o->contacts[j].level);
		}
		free(o->contacts);
	}
	free(c->orgs);
	for (i = 0; i < c->nunits; i++) {
		free(c->units[i].org);
		free(c->units[i].id);
		free(c->units[i].name);
		free(c->units[i].address);
	}
	free(c->units);
	for (i = 0; i < c->nroles; i++) {
		struct pool_role_conf *r = &c->roles[i];

		free(r->id);
		free(r->name);
		for (j = 0; j < r->ncovers; j++)
			free(r->covers[j]);
		free(r->covers);
	}
	free(c->roles);
	for (i = 0; i < c->nshift_types; i++)
		free(c->shift_types[i].id);
	free(c->shift_types);
	free(c->org_order);
	free(c->role_order);
	free(c->role_cover);
	free(c);
}

/** Lookups */

/* An id and where it is, for sorting. */
struct idref {
	const char	*id;
	size_t		 i;
};

/* By id, ties by position (so the later of two equal ids comes last). */
static int
cmp_idref(const void *a, const void *b)
{
	const struct idref	*x = a, *y = b;
	int			 d;

	if ((d = strcmp(x->id, y->id)) != 0)
		return d;
	return x->i < y->i ? -1 : x->i > y->i;
}

/*
 * Fill order[0..n) with the indices of ids[] (stride bytes apart,
 * starting at base) sorted by id.  Returns 0 or -1 (memory).
 */
static int
sort_ids(const void *base, size_t n, size_t stride, size_t *order)
{
	struct idref	*refs;
	size_t		 i;

	if ((refs = calloc(n + 1, sizeof(*refs))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		refs[i].id = *(char *const *)(const void *)
		    ((const char *)base + i * stride);
		refs[i].i = i;
	}
	if (n > 1)
		qsort(refs, n, sizeof(*refs), cmp_idref);
	for (i = 0; i < n; i++)
		order[i] = refs[i].i;
	free(refs);
	return 0;
}

/* Index of the org with this id, or -1. */
static long
org_find(const struct pool_config *c, const char *id)
{
	size_t	lo, hi, mid, i;
	int	d;

	if (c->org_order == NULL || c->org_indexed != c->norgs) {
		for (i = 0; i < c->norgs; i++)
			if (c->orgs[i].id != NULL &&
			    strcmp(c->orgs[i].id, id) == 0)
				return (long)i;
		return -1;
	}
	lo = 0;
	hi = c->norgs;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		d = strcmp(id, c->orgs[c->org_order[mid]].id);
		if (d == 0)
			return (long)c->org_order[mid];
		if (d < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

/* Index of the role with this id, or -1. */
static long
role_find(const struct pool_config *c, const char *id)
{
	size_t	lo, hi, mid, i;
	int	d;

	if (c->role_order == NULL || c->role_indexed != c->nroles) {
		for (i = 0; i < c->nroles; i++)
			if (c->roles[i].id != NULL &&
			    strcmp(c->roles[i].id, id) == 0)
				return (long)i;
		return -1;
	}
	lo = 0;
	hi = c->nroles;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		d = strcmp(id, c->roles[c->role_order[mid]].id);
		if (d == 0)
			return (long)c->role_order[mid];
		if (d < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

const struct pool_org_conf *
pool_config_org(const struct pool_config *c, const char *id)
{
	long	i;

	if (id == NULL || (i = org_find(c, id)) < 0)
		return NULL;
	return &c->orgs[i];
}

const struct pool_role_conf *
pool_config_role(const struct pool_config *c, const char *id)
{
	long	i;

	if (id == NULL || (i = role_find(c, id)) < 0)
		return NULL;
	return &c->roles[i];
}

const struct pool_unit_conf *
pool_config_unit(const struct pool_config *c, const char *org, const char *id)
{
	size_t	i;

	if (c == NULL || org == NULL || id == NULL)
		return NULL;
	for (i = 0; i < c->nunits; i++)
		if (strcmp(c->units[i].id, id) == 0 &&
		    strcmp(c->units[i].org, org) == 0)
			return &c->units[i];
	return NULL;
}

const struct pool_rules *
pool_config_rules(const struct pool_config *c, const char *org)
{
	const struct pool_org_conf	*o;

	if (org != NULL && (o = pool_config_org(c, org)) != NULL)
		return &o->rules;
	return &c->rules;
}

/*
 * Mark in seen[] every role that role `from` reaches through covers
 * (one step or more): a depth-first search with an explicit stack of
 * nroles entries.  Unknown covers entries are skipped.
 */
static void
covers_reach(const struct pool_config *c, long from, unsigned char *seen,
    long *stack)
{
	size_t	n = 0, j;
	long	r, k;

	stack[n++] = from;
	while (n > 0) {
		r = stack[--n];
		for (j = 0; j < c->roles[r].ncovers; j++) {
			k = role_find(c, c->roles[r].covers[j]);
			if (k < 0 || seen[k])
				continue;
			seen[k] = 1;
			stack[n++] = k;
		}
	}
}

/* Does role `from` reach role `to`?  For configs with a stale table. */
static int
covers_search(const struct pool_config *c, long from, long to)
{
	unsigned char	*seen;
	long		*stack;
	int		 found = 0;

	seen = calloc(c->nroles, 1);
	stack = calloc(c->nroles, sizeof(*stack));
	if (seen != NULL && stack != NULL) {
		covers_reach(c, from, seen, stack);
		found = seen[to];
	}
	free(seen);
	free(stack);
	return found;
}

int
pool_config_role_covers(const struct pool_config *c, const char *have,
    const char *want)
{
	long	h, w;
	size_t	bit;

	if (have == NULL || want == NULL)
		return 0;
	if (strcmp(have, want) == 0)
		return 1;
	if ((h = role_find(c, have)) < 0 || (w = role_find(c, want)) < 0)
		return 0;
	if (c->role_cover == NULL || c->role_indexed != c->nroles)
		return covers_search(c, h, w);
	bit = (size_t)h * c->nroles + (size_t)w;
	return (c->role_cover[bit / 8] >> (bit % 8)) & 1;
}

/*
 * Find a cycle through covers.  Returns 1 and writes the chain
 * "a -> b -> a" into buf, with *role and *entry the role and covers
 * entry that close it; 0 if there is none.  Iterative three-colour
 * depth-first search; unknown covers entries are skipped.
 */
static int
covers_cycle(const struct pool_config *c, char *buf, size_t len,
    size_t *role, size_t *entry)
{
	unsigned char	*colour;
	size_t		*stack, *next, n, s, i, p;
	long		 k;
	int		 found = 0;

	colour = calloc(c->nroles, 1);
	stack = calloc(c->nroles, sizeof(*stack));
	next = calloc(c->nroles, sizeof(*next));
	if (colour == NULL || stack == NULL || next == NULL)
		goto out;
	for (s = 0; s < c->nroles && !found; s++) {
		if (colour[s] != 0)
			continue;
		n = 0;
		stack[n++] = s;
		colour[s] = 1;
		next[s] = 0;
		while (n > 0 && !found) {
			i = stack[n - 1];
			if (next[i] == c->roles[i].ncovers) {
				colour[i] = 2;
				n--;
				continue;
			}
			k = role_find(c, c->roles[i].covers[next[i]++]);
			if (k < 0 || colour[k] == 2)
				continue;
			if (colour[k] == 1) {
				/* The cycle runs from k on the stack to i. */
				found = 1;
				*role = i;
				*entry = next[i] - 1;
				buf[0] = '\0';
				for (p = 0; stack[p] != (size_t)k; p++)
					continue;
				for (; p < n; p++) {
					strncat(buf, c->roles[stack[p]].id,
					    len - strlen(buf) - 1);
					strncat(buf, " -> ",
					    len - strlen(buf) - 1);
				}
				strncat(buf, c->roles[k].id,
				    len - strlen(buf) - 1);
				break;
			}
			colour[k] = 1;
			next[k] = 0;
			stack[n++] = (size_t)k;
		}
	}
out:
	free(colour);
	free(stack);
	free(next);
	return found;
}

/*
 * The transitive closure of covers, one bit per pair, after the ids of
 * every covers list are resolved to role indices once (so that a
 * large, dense file costs integer steps, not string compares).
 */
static int
covers_closure(struct pool_config *c, struct pool_error *err)
{
	size_t		*first, *edge, nedges = 0, i, j, n, bit;
	long		*stack, r, k;
	unsigned char	*seen;
	int		 rc = -1;

	for (i = 0; i < c->nroles; i++)
		nedges += c->roles[i].ncovers;
	first = calloc(c->nroles + 1, sizeof(*first));
	edge = calloc(nedges + 1, sizeof(*edge));
	seen = calloc(c->nroles + 1, 1);
	stack = calloc(c->nroles + 1, sizeof(*stack));
	c->role_cover = calloc((c->nroles * c->nroles + 7) / 8 + 1, 1);
	if (first == NULL || edge == NULL || seen == NULL || stack == NULL ||
	    c->role_cover == NULL) {
		/* Without the table the lookups search. */
		free(c->role_cover);
		c->role_cover = NULL;
		nomem(err);
		goto out;
	}
	for (i = 0, n = 0; i < c->nroles; i++) {
		first[i] = n;
		for (j = 0; j < c->roles[i].ncovers; j++)
			if ((k = role_find(c, c->roles[i].covers[j])) >= 0)
				edge[n++] = (size_t)k;
	}
	first[c->nroles] = n;
	for (i = 0; i < c->nroles; i++) {
		memset(seen, 0, c->nroles);
		n = 0;
		stack[n++] = (long)i;
		while (n > 0) {
			r = stack[--n];
			for (j = first[r]; j < first[r + 1]; j++) {
				if (seen[edge[j]])
					continue;
				seen[edge[j]] = 1;
				stack[n++] = (long)edge[j];
				bit = i * c->nroles + edge[j];
				c->role_cover[bit / 8] |= 1u << (bit % 8);
			}
		}
	}
	rc = 0;
out:
	free(first);
	free(edge);
	free(seen);
	free(stack);
	return rc;
}

/* What config_index found wrong, for the loader to give a line. */
struct index_fault {
	enum { FAULT_NONE, FAULT_ORG_DUP, FAULT_ROLE_DUP, FAULT_COVERS,
	    FAULT_CYCLE } kind;
	size_t	first, item, entry;
};

static int
config_index(struct pool_config *c, struct pool_error *err,
    struct index_fault *f)
{
	size_t		 i, j;
	char		 chain[160];

	free(c->org_order);
	free(c->role_order);
	free(c->role_cover);
	c->org_order = c->role_order = NULL;
	c->role_cover = NULL;
	c->org_indexed = c->role_indexed = 0;

	if (c->nroles > POOL_CONFIG_MAX_ROLES)
		return pool_error_set(err, POOL_ELIMIT, NULL,
		    "more than %d roles", POOL_CONFIG_MAX_ROLES);
	for (i = 0; i < c->norgs; i++)
		if (c->orgs[i].id == NULL)
			return pool_error_set(err, POOL_ECONFIG, NULL,
			    "organisation %zu has no id", i + 1);
	for (i = 0; i < c->nroles; i++) {
		if (c->roles[i].id == NULL)
			return pool_error_set(err, POOL_ECONFIG, NULL,
			    "role %zu has no id", i + 1);
		for (j = 0; j < c->roles[i].ncovers; j++)
			if (c->roles[i].covers[j] == NULL)
				return pool_error_set(err, POOL_ECONFIG, NULL,
				    "role '%s' has an empty covers entry",
				    c->roles[i].id);
	}
	if ((c->org_order = calloc(c->norgs + 1, sizeof(size_t))) == NULL ||
	    (c->role_order = calloc(c->nroles + 1, sizeof(size_t))) == NULL)
		return nomem(err);
	/* The id is the first member of both structs. */
	if (sort_ids(c->orgs, c->norgs, sizeof(c->orgs[0]),
	    c->org_order) == -1 ||
	    sort_ids(c->roles, c->nroles, sizeof(c->roles[0]),
	    c->role_order) == -1)
		return nomem(err);
	/* Ties sort by index, so the later of two equal ids is reported. */
	for (i = 1; i < c->norgs; i++)
		if (strcmp(c->orgs[c->org_order[i - 1]].id,
		    c->orgs[c->org_order[i]].id) == 0) {
			f->kind = FAULT_ORG_DUP;
			f->first = c->org_order[i - 1];
			f->item = c->org_order[i];
			return pool_error_set(err, POOL_ECONFIG, NULL,
			    "duplicate organisation id '%s'",
			    c->orgs[f->item].id);
		}
	for (i = 1; i < c->nroles; i++)
		if (strcmp(c->roles[c->role_order[i - 1]].id,
		    c->roles[c->role_order[i]].id) == 0) {
			f->kind = FAULT_ROLE_DUP;
			f->first = c->role_order[i - 1];
			f->item = c->role_order[i];
			return pool_error_set(err, POOL_ECONFIG, NULL,
			    "duplicate role id '%s'", c->roles[f->item].id);
		}
	c->org_indexed = c->norgs;
	c->role_indexed = c->nroles;

	for (i = 0; i < c->nroles; i++)
		for (j = 0; j < c->roles[i].ncovers; j++)
			if (role_find(c, c->roles[i].covers[j]) < 0) {
				f->kind = FAULT_COVERS;
				f->item = i;
				f->entry = j;
				return pool_error_set(err, POOL_ECONFIG, NULL,
				    "role '%s' covers unknown role '%s'",
				    c->roles[i].id, c->roles[i].covers[j]);
			}
	if (covers_cycle(c, chain, sizeof(chain), &i, &j)) {
		f->kind = FAULT_CYCLE;
		f->item = i;
		f->entry = j;
		return pool_error_set(err, POOL_ECONFIG, NULL,
		    "'covers' forms a cycle: %s", chain);
	}
	return covers_closure(c, err);
}

int
pool_config_index(struct pool_config *c, struct pool_error *err)
{
	struct index_fault	f;

	memset(&f, 0, sizeof(f));
	return config_index(c, err, &f);
}

/** The YAML tree (yaml.c; aliases allowed within the limits) */

struct loader {
	const char		*name;		/* file name in messages */
	struct pool_error	*err;
	struct pool_ynode	*root;
	/* Where things are, for messages after the walk. */
	struct pool_ynode	**org_nodes;	/* the mapping of each org */
	struct pool_ynode	**role_nodes;
	struct pool_ynode	**cover_nodes;	/* each role's covers list */
};

/* Set an error at a line of the file being read.  Returns -1. */
static int
lerr(struct loader *ld, unsigned long line, enum pool_errcode code,
    const char *fmt, ...) POOL_PRINTFLIKE(4, 5);

static int
lerr(struct loader *ld, unsigned long line, enum pool_errcode code,
    const char *fmt, ...)
{
	char	buf[256];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	pool_error_set(ld->err, code, NULL, "%s", buf);
	pool_error_locate(ld->err, ld->name, line);
	return -1;
}

/* A value as quoted in a message: at most 40 bytes, controls as '?'. */
static const char *
shown(const struct pool_ynode *n, char buf[48])
{
	size_t	i, len = n->len;

	if (len > 40)
		len = 40;
	for (i = 0; i < len; i++)
		buf[i] = (unsigned char)n->value[i] < 0x20 ? '?' : n->value[i];
	if (n->len > 40) {
		memcpy(buf + len, "...", 3);
		len += 3;
	}
	buf[len] = '\0';
	return buf;
}

static void
loader_release(struct loader *ld)
{
	pool_ynode_free(ld->root);
	free(ld->org_nodes);
	free(ld->role_nodes);
	free(ld->cover_nodes);
}

/* Read the whole buffer into the tree.  Returns 0 or -1. */
static int
parse_tree(struct loader *ld, const char *buf, size_t len)
{
	struct pool_yopts	 o = { SIZE_MAX, POOL_CONFIG_MAX_DEPTH, 0, 1,
				       POOL_CONFIG_MAX_ALIASES,
				       POOL_CONFIG_MAX_EXPAND };
	struct pool_yfault	 f;

	if (pool_yaml_tree(buf, len, &o, &ld->root, &f) == 0)
		return 0;
	switch (f.kind) {
	case POOL_YF_NOMEM:
		return nomem(ld->err);
	case POOL_YF_SYNTAX:
		if (f.context != NULL)
			return lerr(ld, f.line, POOL_EPARSE,
			    "invalid YAML: %s %s",
			    f.problem ? f.problem : "error", f.context);
		return lerr(ld, f.line, POOL_EPARSE, "invalid YAML: %s",
		    f.problem ? f.problem : "error");
	case POOL_YF_DOCUMENTS:
		return lerr(ld, f.line, POOL_EPARSE,
		    "more than one YAML document");
	case POOL_YF_ALIASES:
		return lerr(ld, f.line, POOL_ELIMIT,
		    "more than %d aliases", POOL_CONFIG_MAX_ALIASES);
	case POOL_YF_UNKNOWN:
		return lerr(ld, f.line, POOL_EPARSE,
		    "unknown alias '*%s'", f.alias);
	case POOL_YF_EXPAND:
		return lerr(ld, f.line, POOL_ELIMIT,
		    "aliases expand to more than %d nodes",
		    POOL_CONFIG_MAX_EXPAND);
	default:		/* POOL_YF_DEPTH; no other limit is set */
		return lerr(ld, f.line, POOL_ELIMIT,
		    "nesting deeper than %d levels", POOL_CONFIG_MAX_DEPTH);
	}
}

/** Values */

static int
is_null(const struct pool_ynode *n)
{
	return n->kind == POOL_Y_SCALAR && n->plain && (n->len == 0 ||
	    strcmp(n->value, "~") == 0 || strcmp(n->value, "null") == 0 ||
	    strcmp(n->value, "Null") == 0 || strcmp(n->value, "NULL") == 0);
}

/* A scalar with a value; else an error naming key. */
static int
want_scalar(struct loader *ld, const struct pool_ynode *v, const char *key)
{
	if (v->kind != POOL_Y_SCALAR)
		return lerr(ld, v->line, POOL_ECONFIG,
		    "'%s' must be a single value, not a %s", key,
		    v->kind == POOL_Y_MAP ? "mapping" : "list");
	if (is_null(v))
		return lerr(ld, v->line, POOL_ECONFIG, "'%s' has no value",
		    key);
	return 0;
}

static int
get_string(struct loader *ld, const struct pool_ynode *v, const char *key,
    char **out)
{
	size_t	i;

	if (want_scalar(ld, v, key) == -1)
		return -1;
	for (i = 0; i < v->len; i++)
		if ((unsigned char)v->value[i] < 0x20 || v->value[i] == 0x7f)
			return lerr(ld, v->line, POOL_ECONFIG,
			    "'%s' must not contain control characters", key);
	free(*out);
	if ((*out = xstrdup(v->value)) == NULL)
		return nomem(ld->err);
	return 0;
}

/* A decimal number: digits, one point, an exponent; finite. */
static int
parse_number(const char *s, double *d)
{
	const char	*p;
	char		*end;

	if (*s == '\0')
		return -1;
	for (p = s; *p != '\0'; p++)
		if (strchr("0123456789.eE+-", *p) == NULL)
			return -1;
	errno = 0;
	*d = strtod(s, &end);
	if (*end != '\0' || end == s || errno == ERANGE || !isfinite(*d))
		return -1;
	return 0;
}

static int
get_number(struct loader *ld, const struct pool_ynode *v, const char *key,
    double *out)
{
	char	b[48];
	double	d;

	if (want_scalar(ld, v, key) == -1)
		return -1;
	if (parse_number(v->value, &d) == -1 || d < 0)
		return lerr(ld, v->line, POOL_ECONFIG,
		    "'%s' must be a non-negative number, not '%s'", key,
		    shown(v, b));
	*out = d;
	return 0;
}

static int
get_hours(struct loader *ld, const struct pool_ynode *v, const char *key,
    int max, int *minutes)
{
	char	b[48];
	double	d;

	if (want_scalar(ld, v, key) == -1)
		return -1;
	if (parse_number(v->value, &d) == -1 || d < 0 || d > max)
		return lerr(ld, v->line, POOL_ECONFIG,
		    "'%s' must be a number of hours from 0 to %d, not '%s'",
		    key, max, shown(v, b));
	*minutes = (int)lround(d * 60);
	return 0;
}

static int
get_count(struct loader *ld, const struct pool_ynode *v, const char *key,
    int min, int max, int *out)
{
	char	b[48];
	double	d;

	if (want_scalar(ld, v, key) == -1)
		return -1;
	if (parse_number(v->value, &d) == -1 || d != floor(d) || d < min ||
	    d > max)
		return lerr(ld, v->line, POOL_ECONFIG,
		    "'%s' must be a whole number from %d to %d, not '%s'",
		    key, min, max, shown(v, b));
	*out = (int)d;
	return 0;
}

/* "HH:MM", 00:00 to 23:59 (24:00 too if allow24); minutes after 00:00. */
static int
parse_hhmm(const char *s, int allow24, int *min)
{
	int	h, m;

	if (strlen(s) != 5 || s[2] != ':' ||
	    strspn(s, "0123456789:") != 5 || strchr(s + 3, ':') != NULL)
		return -1;
	h = (s[0] - '0') * 10 + (s[1] - '0');
	m = (s[3] - '0') * 10 + (s[4] - '0');
	if (m > 59 || h > 24 || (h == 24 && (m != 0 || !allow24)))
		return -1;
	*min = h * 60 + m;
	return 0;
}

static int
get_time(struct loader *ld, const struct pool_ynode *v, const char *key,
    int *out)
{
	char	b[48];

	if (want_scalar(ld, v, key) == -1)
		return -1;
	if (parse_hhmm(v->value, 0, out) == -1)
		return lerr(ld, v->line, POOL_ECONFIG,
		    "'%s' must be a time HH:MM, not '%s'", key, shown(v, b));
	return 0;
}

static int
get_bool(struct loader *ld, const struct pool_ynode *v, const char *key,
    int *out)
{
	char	b[48];

	if (want_scalar(ld, v, key) == -1)
		return -1;
	if (strcmp(v->value, "true") == 0)
		*out = 1;
	else if (strcmp(v->value, "false") == 0)
		*out = 0;
	else
		return lerr(ld, v->line, POOL_ECONFIG,
		    "'%s' must be true or false, not '%s'", key, shown(v, b));
	return 0;
}

static int
get_weekday(struct loader *ld, const struct pool_ynode *v, const char *key,
    int *out)
{
	char	b[48];

	if (want_scalar(ld, v, key) == -1)
		return -1;
	if ((*out = pool_config_weekday_parse(v->value)) == -1)
		return lerr(ld, v->line, POOL_ECONFIG,
		    "'%s' must be a day of the week (monday ... sunday), "
		    "not '%s'", key, shown(v, b));
	return 0;
}

/*
 * One of the words in the NULL-terminated list; *out is its index.
 * The message lists them: "'unit' must be one of shift, hour, not 'x'".
 */
static int
get_word(struct loader *ld, const struct pool_ynode *v, const char *key,
    const char *const *words, int *out)
{
	char	list[160], b[48];
	int	i;

	if (want_scalar(ld, v, key) == -1)
		return -1;
	for (i = 0; words[i] != NULL; i++)
		if (strcmp(v->value, words[i]) == 0) {
			*out = i;
			return 0;
		}
	list[0] = '\0';
	for (i = 0; words[i] != NULL; i++) {
		strncat(list, words[i], sizeof(list) - strlen(list) - 1);
		strncat(list, ", ", sizeof(list) - strlen(list) - 1);
	}
	return lerr(ld, v->line, POOL_ECONFIG,
	    "'%s' must be one of %snot '%s'", key, list, shown(v, b));
}

/*
 * A tz database zone name: "UTC", or parts of letters, digits and
 * "_+-." joined by '/', none empty, none "." or "..", none starting
 * with '-'.  The zone itself is loaded by the programs.
 */
static int
tz_name_ok(const char *s)
{
	const char	*p, *part = s;
	size_t		 len = strlen(s);

	if (len == 0 || len > 64)
		return 0;
	for (p = s; ; p++) {
		if (*p == '/' || *p == '\0') {
			if (p == part || part[0] == '-' ||
			    (p - part == 1 && part[0] == '.') ||
			    (p - part == 2 && part[0] == '.' && part[1] == '.'))
				return 0;
			if (*p == '\0')
				return 1;
			part = p + 1;
			continue;
		}
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("_+-.", *p) != NULL))
			return 0;
	}
}

/** Mappings */

/* Sort key of check_keys: a key node and where it is. */
struct keyref {
	const struct pool_ynode	*key;
	size_t			 i;
};

static int
cmp_keyref(const void *a, const void *b)
{
	const struct keyref	*x = a, *y = b;
	int			 d;

	if ((d = strcmp(x->key->value, y->key->value)) != 0)
		return d;
	return x->i < y->i ? -1 : x->i > y->i;
}

/*
 * Check a mapping: every key a scalar, no key twice.  ctx names the
 * mapping in messages (NULL at the top level).
 */
static int
check_keys(struct loader *ld, const struct pool_ynode *map, const char *ctx)
{
	struct keyref	*refs;
	size_t		 i, n = map->n / 2;
	const struct pool_ynode *k;
	char		 in[80], b[48];

	for (i = 0; i < n; i++) {
		k = map->kids[2 * i];
		if (k->kind != POOL_Y_SCALAR || strlen(k->value) != k->len)
			return lerr(ld, k->line, POOL_ECONFIG,
			    "a key must be a string");
	}
	if (n < 2)
		return 0;
	if ((refs = calloc(n, sizeof(*refs))) == NULL)
		return nomem(ld->err);
	for (i = 0; i < n; i++) {
		refs[i].key = map->kids[2 * i];
		refs[i].i = i;
	}
	if (n > 1)
		qsort(refs, n, sizeof(*refs), cmp_keyref);
	for (i = 1; i < n; i++)
		if (strcmp(refs[i - 1].key->value, refs[i].key->value) == 0)
			break;
	if (i < n) {
		if (ctx != NULL)
			snprintf(in, sizeof(in), " in '%s'", ctx);
		else
			in[0] = '\0';
		lerr(ld, refs[i].key->line, POOL_ECONFIG,
		    "duplicate key '%s'%s (first on line %lu)",
		    shown(refs[i].key, b), in, refs[i - 1].key->line);
		free(refs);
		return -1;
	}
	free(refs);
	return 0;
}

static int
unknown_key(struct loader *ld, const struct pool_ynode *k, const char *ctx)
{
	char	b[48];

	if (ctx == NULL)
		return lerr(ld, k->line, POOL_ECONFIG, "unknown key '%s'",
		    shown(k, b));
	return lerr(ld, k->line, POOL_ECONFIG, "unknown key '%s' in '%s'",
	    shown(k, b), ctx);
}

/*
 * v must be a mapping (checked) or null (empty).  Returns 1 for a
 * mapping, 0 for null, -1 on error.
 */
static int
want_map(struct loader *ld, const struct pool_ynode *v, const char *key)
{
	if (is_null(v))
		return 0;
	if (v->kind != POOL_Y_MAP)
		return lerr(ld, v->line, POOL_ECONFIG,
		    "'%s' must be a mapping", key);
	return check_keys(ld, v, key) == -1 ? -1 : 1;
}

/* Likewise for a list. */
static int
want_seq(struct loader *ld, const struct pool_ynode *v, const char *key)
{
	if (is_null(v))
		return 0;
	if (v->kind != POOL_Y_SEQ)
		return lerr(ld, v->line, POOL_ECONFIG,
		    "'%s' must be a list", key);
	return 1;
}

/** Rules */

enum rkind {
	R_HOURS,	/* hours, stored as minutes */
	R_DAYS,		/* whole days, stored as minutes */
	R_TIME,		/* "HH:MM", stored as minutes after 00:00 */
	R_COUNT,	/* a whole number */
	R_WEEKDAY	/* monday ... sunday, stored as 1-7 */
};

static const struct rulekey {
	const char	*key;
	enum rkind	 kind;
	size_t		 off;
	int		 max;		/* hours, days or count */
} rulekeys[] = {
#define RK(k, kind, f, max) { k, kind, offsetof(struct pool_rules, f), max }
	RK("shift_max_hours",		R_HOURS, shift_max, 24),
	RK("rest_daily_hours",		R_HOURS, rest_daily, 48),
	RK("rest_daily_short_hours",	R_HOURS, rest_daily_short, 48),
	RK("rest_short_window_days",	R_DAYS, rest_short_window, 28),
	RK("night_start",		R_TIME, night_start, 0),
	RK("night_end",			R_TIME, night_end, 0),
	RK("night_min_work_hours",	R_HOURS, night_min_work, 24),
	RK("night_shift_max_hours",	R_HOURS, night_shift_max, 24),
	RK("night_late_end",		R_TIME, night_late_end, 0),
	RK("rest_after_night_hours",	R_HOURS, rest_after_night, 48),
	RK("rest_after_night_short_hours", R_HOURS, rest_after_night_short,
	    48),
	RK("rest_after_series_hours",	R_HOURS, rest_after_series, 168),
	RK("night_series",		R_COUNT, night_series, 28),
	RK("week_max_hours",		R_HOURS, week_max, 168),
	RK("avg_16w_max_hours",		R_HOURS, avg_16w_max, 168),
	RK("avg_16w_night_max_hours",	R_HOURS, avg_16w_night_max, 168),
	RK("avg_16w_night_count",	R_COUNT, avg_16w_night_count, 112),
	RK("avg_4w_max_hours",		R_HOURS, avg_4w_max, 168),
	RK("nights_16w_max",		R_COUNT, nights_16w_max, 112),
	RK("consecutive_max",		R_COUNT, consecutive_max, 28),
	RK("night_consecutive_max",	R_COUNT, night_consecutive_max, 28),
	RK("weekly_rest_hours",		R_HOURS, weekly_rest, 168),
	RK("weekly_rest_14d_hours",	R_HOURS, weekly_rest_14d, 336),
	RK("weekly_rest_block_hours",	R_HOURS, weekly_rest_block, 336),
	RK("week_start",		R_WEEKDAY, week_start, 0),
	RK("night_long_max_hours",	R_HOURS, night_long_max, 24),
	RK("night_long_2w_max",		R_COUNT, night_long_2w_max, 14),
	RK("night_long_52w_max",	R_COUNT, night_long_52w_max, 364),
	RK("night_long_rest_hours",	R_HOURS, night_long_rest, 48),
	RK("break_after_hours",		R_HOURS, break_after, 24),
	RK("break_minutes",		R_COUNT, break_min, 240),
	RK("break_long_after_hours",	R_HOURS, break_long_after, 24),
	RK("break_long_minutes",	R_COUNT, break_long_min, 240),
	RK("break_part_minutes",	R_COUNT, break_part, 240),
	RK("sundays_free",		R_COUNT, sundays_free, 52)
#undef RK
};
#define NRULEKEYS	(sizeof(rulekeys) / sizeof(rulekeys[0]))

/* Pairs of rules where the first may not exceed the second. */
static const struct {
	const char	*small, *big;
	size_t		 soff, boff;
} rulepairs[] = {
	{ "rest_daily_short_hours", "rest_daily_hours",
	    offsetof(struct pool_rules, rest_daily_short),
	    offsetof(struct pool_rules, rest_daily) },
	{ "rest_after_night_short_hours", "rest_after_night_hours",
	    offsetof(struct pool_rules, rest_after_night_short),
	    offsetof(struct pool_rules, rest_after_night) },
	{ "weekly_rest_block_hours", "weekly_rest_14d_hours",
	    offsetof(struct pool_rules, weekly_rest_block),
	    offsetof(struct pool_rules, weekly_rest_14d) },
	{ "break_after_hours", "break_long_after_hours",
	    offsetof(struct pool_rules, break_after),
	    offsetof(struct pool_rules, break_long_after) }
};

static int *
rule_field(struct pool_rules *r, size_t off)
{
	return (int *)(void *)((char *)r + off);
}

/* Apply the overrides of a rules mapping to r (a preset already in it). */
static int
load_rules(struct loader *ld, const struct pool_ynode *map, struct pool_rules *r)
{
	const struct pool_ynode	*k, *v;
	const struct rulekey	*rk;
	size_t			 i, j;
	int			 small, big;

	for (i = 0; i + 1 < map->n; i += 2) {
		k = map->kids[i];
		v = map->kids[i + 1];
		rk = NULL;
		for (j = 0; j < NRULEKEYS; j++)
			if (strcmp(k->value, rulekeys[j].key) == 0)
				rk = &rulekeys[j];
		if (rk == NULL)
			return unknown_key(ld, k, "rules");
		switch (rk->kind) {
		case R_HOURS:
			if (get_hours(ld, v, rk->key, rk->max,
			    rule_field(r, rk->off)) == -1)
				return -1;
			break;
		case R_DAYS:
			if (get_count(ld, v, rk->key, 1, rk->max,
			    rule_field(r, rk->off)) == -1)
				return -1;
			*rule_field(r, rk->off) *= DAY_MIN;
			break;
		case R_TIME:
			if (get_time(ld, v, rk->key,
			    rule_field(r, rk->off)) == -1)
				return -1;
			break;
		case R_COUNT:
			if (get_count(ld, v, rk->key, 0, rk->max,
			    rule_field(r, rk->off)) == -1)
				return -1;
			break;
		case R_WEEKDAY:
			if (get_weekday(ld, v, rk->key,
			    rule_field(r, rk->off)) == -1)
				return -1;
			break;
		}
	}
	for (i = 0; i < sizeof(rulepairs) / sizeof(rulepairs[0]); i++) {
		small = *rule_field(r, rulepairs[i].soff);
		big = *rule_field(r, rulepairs[i].boff);
		if (small > big)
			return lerr(ld, map->line, POOL_ECONFIG,
			    "'%s' (%g) must not exceed '%s' (%g)",
			    rulepairs[i].small, small / 60.0,
			    rulepairs[i].big, big / 60.0);
	}
	if (r->night_start == r->night_end)
		return lerr(ld, map->line, POOL_ECONFIG,
		    "the night window 'night_start' to 'night_end' is empty");
	return 0;
}

/* A preset name; the rules r are set to it. */
static int
get_preset(struct loader *ld, const struct pool_ynode *v, struct pool_rules *r,
    char **name)
{
	char	b[48];

	if (want_scalar(ld, v, "preset") == -1)
		return -1;
	if (pool_rules_preset(r, v->value, NULL) == -1)
		return lerr(ld, v->line, POOL_ECONFIG,
		    "unknown preset '%s' (known: atw, cao-vvt, "
		    "cao-ziekenhuizen)", shown(v, b));
	return get_string(ld, v, "preset", name);
}

/** Sections */

static const char *const levels[] = {
	"operational", "tactical", "strategic", NULL
};

static int
load_contacts(struct loader *ld, const struct pool_ynode *seq,
    struct pool_org_conf *o)
{
	const struct pool_ynode	*m, *k, *v;
	struct pool_contact_rule *ct;
	size_t			 i, j;
	int			 lv, have_level, have_every;

	if ((o->contacts = calloc(seq->n + 1, sizeof(*ct))) == NULL)
		return nomem(ld->err);
	for (i = 0; i < seq->n; i++) {
		m = seq->kids[i];
		ct = &o->contacts[o->ncontacts++];
		if (m->kind != POOL_Y_MAP)
			return lerr(ld, m->line, POOL_ECONFIG,
			    "each entry of 'contacts' must be a mapping");
		if (check_keys(ld, m, "contacts") == -1)
			return -1;
		have_level = have_every = 0;
		for (j = 0; j + 1 < m->n; j += 2) {
			k = m->kids[j];
			v = m->kids[j + 1];
			if (strcmp(k->value, "name") == 0) {
				if (get_string(ld, v, "name", &ct->name) == -1)
					return -1;
			} else if (strcmp(k->value, "level") == 0) {
				if (get_word(ld, v, "level", levels, &lv) == -1)
					return -1;
				free(ct->level);
				if ((ct->level = xstrdup(levels[lv])) == NULL)
					return nomem(ld->err);
				have_level = 1;
			} else if (strcmp(k->value, "every_days") == 0) {
				if (get_count(ld, v, "every_days", 1, 3660,
				    &ct->every_days) == -1)
					return -1;
				have_every = 1;
			} else
				return unknown_key(ld, k, "contacts");
		}
		if (!have_level)
			return lerr(ld, m->line, POOL_ECONFIG,
			    "contact has no 'level'");
		if (!have_every)
			return lerr(ld, m->line, POOL_ECONFIG,
			    "contact has no 'every_days'");
	}
	return 0;
}

static int
load_org(struct loader *ld, const struct pool_ynode *m, struct pool_config *c,
    struct pool_org_conf *o)
{
	const struct pool_ynode	*k, *v, *preset = NULL, *rules = NULL;
	size_t			 j;
	int			 r;

	if (m->kind != POOL_Y_MAP)
		return lerr(ld, m->line, POOL_ECONFIG,
		    "each entry of 'organisations' must be a mapping");
	if (check_keys(ld, m, "organisations") == -1)
		return -1;
	o->weight = -1;
	o->rate = -1;
	for (j = 0; j + 1 < m->n; j += 2) {
		k = m->kids[j];
		v = m->kids[j + 1];
		if (strcmp(k->value, "id") == 0)
			r = get_string(ld, v, "id", &o->id);
		else if (strcmp(k->value, "name") == 0)
			r = get_string(ld, v, "name", &o->name);
		else if (strcmp(k->value, "weight") == 0)
			r = get_number(ld, v, "weight", &o->weight);
		else if (strcmp(k->value, "rate") == 0)
			r = get_number(ld, v, "rate", &o->rate);
		else if (strcmp(k->value, "region") == 0)
			r = get_string(ld, v, "region", &o->region);
		else if (strcmp(k->value, "preset") == 0) {
			preset = v;
			r = 0;
		} else if (strcmp(k->value, "rules") == 0) {
			rules = v;
			r = 0;
		} else if (strcmp(k->value, "contacts") == 0) {
			if ((r = want_seq(ld, v, "contacts")) == 1)
				r = load_contacts(ld, v, o);
		} else
			r = unknown_key(ld, k, "organisations");
		if (r == -1)
			return -1;
	}
	if (o->id == NULL)
		return lerr(ld, m->line, POOL_ECONFIG,
		    "organisation has no 'id'");
	if (o->id[0] == '\0')
		return lerr(ld, m->line, POOL_ECONFIG,
		    "organisation has an empty 'id'");

	/* The org's own preset replaces the pool's rules as the base. */
	o->rules = c->rules;
	if (preset != NULL) {
		if (get_preset(ld, preset, &o->rules, &o->preset) == -1)
			return -1;
		o->has_rules = 1;
	}
	if (rules != NULL) {
		if ((r = want_map(ld, rules, "rules")) == -1)
			return -1;
		if (r == 1 && load_rules(ld, rules, &o->rules) == -1)
			return -1;
		o->has_rules = 1;
	}
	return 0;
}

static int
load_role(struct loader *ld, const struct pool_ynode *m, struct pool_role_conf *rl,
    const struct pool_ynode **covers)
{
	const struct pool_ynode	*k, *v, *e;
	size_t			 j, i;
	int			 r;

	if (m->kind != POOL_Y_MAP)
		return lerr(ld, m->line, POOL_ECONFIG,
		    "each entry of 'roles' must be a mapping");
	if (check_keys(ld, m, "roles") == -1)
		return -1;
	rl->overqualified_penalty = -1;
	for (j = 0; j + 1 < m->n; j += 2) {
		k = m->kids[j];
		v = m->kids[j + 1];
		if (strcmp(k->value, "id") == 0)
			r = get_string(ld, v, "id", &rl->id);
		else if (strcmp(k->value, "name") == 0)
			r = get_string(ld, v, "name", &rl->name);
		else if (strcmp(k->value, "level") == 0)
			r = get_count(ld, v, "level", 0, 99, &rl->level);
		else if (strcmp(k->value, "overqualified_penalty") == 0)
			r = get_number(ld, v, "overqualified_penalty",
			    &rl->overqualified_penalty);
		else if (strcmp(k->value, "covers") == 0) {
			if ((r = want_seq(ld, v, "covers")) == 1) {
				*covers = v;
				rl->covers = calloc(v->n + 1,
				    sizeof(*rl->covers));
				if (rl->covers == NULL)
					return nomem(ld->err);
				for (i = 0; i < v->n; i++) {
					e = v->kids[i];
					if (get_string(ld, e, "covers",
					    &rl->covers[rl->ncovers++]) == -1)
						return -1;
				}
				r = 0;
			}
		} else
			r = unknown_key(ld, k, "roles");
		if (r == -1)
			return -1;
	}
	if (rl->id == NULL)
		return lerr(ld, m->line, POOL_ECONFIG, "role has no 'id'");
	if (rl->id[0] == '\0')
		return lerr(ld, m->line, POOL_ECONFIG,
		    "role has an empty 'id'");
	return 0;
}

static int
load_matching(struct loader *ld, const struct pool_ynode *m, struct pool_matching *w)
{
	static const struct {
		const char	*key;
		size_t		 off;
	} keys[] = {
#define MK(f) { #f, offsetof(struct pool_matching, f) }
		MK(travel), MK(preference), MK(signup), MK(continuity),
		MK(contract), MK(fairness), MK(overqualified), MK(change)
#undef MK
	};
	size_t	i, j;

	for (i = 0; i + 1 < m->n; i += 2) {
		for (j = 0; j < sizeof(keys) / sizeof(keys[0]); j++)
			if (strcmp(m->kids[i]->value, keys[j].key) == 0)
				break;
		if (j == sizeof(keys) / sizeof(keys[0]))
			return unknown_key(ld, m->kids[i], "matching");
		if (get_number(ld, m->kids[i + 1], keys[j].key,
		    (double *)(void *)((char *)w + keys[j].off)) == -1)
			return -1;
	}
	return 0;
}

static int
load_allocation(struct loader *ld, const struct pool_ynode *m,
    struct pool_allocation_conf *a)
{
	static const char *const method_words[] = { "hamilton", "dhondt",
	    "sainte-lague", "huntington-hill", "adams", NULL };
	static const char *const unit_words[] = { "shift", "hour", NULL };
	static const char *const period_words[] = { "week", "day", NULL };
	static const char *const quota_words[] = { "soft", "strict", NULL };
	const struct pool_ynode	*k, *v;
	size_t			 i;
	int			 r, x;

	for (i = 0; i + 1 < m->n; i += 2) {
		k = m->kids[i];
		v = m->kids[i + 1];
		if (strcmp(k->value, "method") == 0) {
			/* Other names of a method are accepted too. */
			if ((r = want_scalar(ld, v, "method")) == 0 &&
			    (x = pool_config_method_parse(v->value)) >= 0)
				a->method = (enum pool_alloc_method)x;
			else if (r == 0)
				r = get_word(ld, v, "method", method_words,
				    &x);
		} else if (strcmp(k->value, "unit") == 0) {
			if ((r = get_word(ld, v, "unit", unit_words, &x)) == 0)
				a->unit_hours = x;
		} else if (strcmp(k->value, "period") == 0) {
			if ((r = get_word(ld, v, "period", period_words,
			    &x)) == 0)
				a->period_day = x;
		} else if (strcmp(k->value, "carry_over") == 0)
			r = get_bool(ld, v, "carry_over", &a->carry_over);
		else if (strcmp(k->value, "quota") == 0) {
			if ((r = get_word(ld, v, "quota", quota_words,
			    &x)) == 0)
				a->strict = x;
		} else
			r = unknown_key(ld, k, "allocation");
		if (r == -1)
			return -1;
	}
	return 0;
}

static int
load_shift_types(struct loader *ld, const struct pool_ynode *m,
    struct pool_config *c)
{
	const struct pool_ynode	*k, *v;
	struct pool_shift_type	*st;
	size_t			 i;
	char			 b[48], t[6];

	c->shift_types = calloc(m->n / 2 + 1, sizeof(*c->shift_types));
	if (c->shift_types == NULL)
		return nomem(ld->err);
	for (i = 0; i + 1 < m->n; i += 2) {
		k = m->kids[i];
		v = m->kids[i + 1];
		st = &c->shift_types[c->nshift_types++];
		if (get_string(ld, k, "shift_types", &st->id) == -1 ||
		    want_scalar(ld, v, k->value) == -1)
			return -1;
		if (v->len != 11 || v->value[5] != '-')
			goto bad;
		memcpy(t, v->value, 5);
		t[5] = '\0';
		if (parse_hhmm(t, 0, &st->start) == -1 ||
		    parse_hhmm(v->value + 6, 1, &st->end) == -1)
			goto bad;
		if (st->end == DAY_MIN)
			st->end = 0;
		if (st->start == st->end)
			return lerr(ld, v->line, POOL_ECONFIG,
			    "shift type '%s' starts and ends at the same time",
			    k->value);
	}
	return 0;
bad:
	return lerr(ld, v->line, POOL_ECONFIG,
	    "'%s' must be a time range HH:MM-HH:MM, not '%s'", k->value,
	    shown(v, b));
}

/* report.units: the names and addresses of units (departments,
 * practices) for the readers of the reports. */
static int
load_units(struct loader *ld, const struct pool_ynode *seq, struct pool_config *c)
{
	const struct pool_ynode	*m, *k, *v;
	struct pool_unit_conf	*u;
	size_t			 i, j;

	if ((c->units = calloc(seq->n + 1, sizeof(*u))) == NULL)
		return nomem(ld->err);
	for (i = 0; i < seq->n; i++) {
		m = seq->kids[i];
		u = &c->units[c->nunits++];
		if (m->kind != POOL_Y_MAP)
			return lerr(ld, m->line, POOL_ECONFIG,
			    "each entry of 'units' must be a mapping");
		if (check_keys(ld, m, "units") == -1)
			return -1;
		for (j = 0; j + 1 < m->n; j += 2) {
			k = m->kids[j];
			v = m->kids[j + 1];
			if (strcmp(k->value, "org") == 0) {
				if (get_string(ld, v, "org", &u->org) == -1)
					return -1;
			} else if (strcmp(k->value, "id") == 0) {
				if (get_string(ld, v, "id", &u->id) == -1)
					return -1;
			} else if (strcmp(k->value, "name") == 0) {
				if (get_string(ld, v, "name", &u->name) == -1)
					return -1;
			} else if (strcmp(k->value, "address") == 0) {
				if (get_string(ld, v, "address",
				    &u->address) == -1)
					return -1;
			} else
				return unknown_key(ld, k, "units");
		}
		if (u->org == NULL || u->id == NULL)
			return lerr(ld, m->line, POOL_ECONFIG,
			    "unit has no '%s'", u->org == NULL ? "org" : "id");
		for (j = 0; j + 1 < c->nunits; j++)
			if (strcmp(c->units[j].org, u->org) == 0 &&
			    strcmp(c->units[j].id, u->id) == 0)
				return lerr(ld, m->line, POOL_ECONFIG,
				    "unit '%s' of '%s' given twice", u->id,
				    u->org);
	}
	return 0;
}

static int
load_report(struct loader *ld, const struct pool_ynode *m, struct pool_config *c)
{
	/* The order of enum pool_lang. */
	static const char *const lang_words[] = { "en", "nl", NULL };
	size_t	i;
	int	r;

	for (i = 0; i + 1 < m->n; i += 2) {
		if (strcmp(m->kids[i]->value, "units") == 0) {
			if ((r = want_seq(ld, m->kids[i + 1], "units")) == -1 ||
			    (r == 1 && load_units(ld, m->kids[i + 1], c) == -1))
				return -1;
			continue;
		}
		if (strcmp(m->kids[i]->value, "language") == 0) {
			if (get_word(ld, m->kids[i + 1], "language", lang_words,
			    &c->language) == -1)
				return -1;
			continue;
		}
		if (strcmp(m->kids[i]->value, "min_cell") != 0)
			return unknown_key(ld, m->kids[i], "report");
		if (get_count(ld, m->kids[i + 1], "min_cell", 0, 1000000,
		    &c->min_cell) == -1)
			return -1;
	}
	return 0;
}

/* settlement: the pool's rate for its own workers' hours. */
static int
load_settlement(struct loader *ld, const struct pool_ynode *m,
    struct pool_config *c)
{
	size_t	i;

	for (i = 0; i + 1 < m->n; i += 2) {
		if (strcmp(m->kids[i]->value, "pool_rate") != 0)
			return unknown_key(ld, m->kids[i], "settlement");
		if (get_number(ld, m->kids[i + 1], "pool_rate",
		    &c->pool_rate) == -1)
			return -1;
	}
	return 0;
}

/** The file */

/*
 * Numbers in the file are read and written with a decimal point,
 * whatever locale the program has set: the thread's LC_NUMERIC is "C"
 * between numeric_c and numeric_restore.
 */
struct numlocale {
	locale_t	c, old;
};

static void
numeric_c(struct numlocale *nl)
{
	nl->old = (locale_t)0;
	if ((nl->c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0)) != 0)
		nl->old = uselocale(nl->c);
}

static void
numeric_restore(struct numlocale *nl)
{
	if (nl->c == (locale_t)0)
		return;
	uselocale(nl->old);
	freelocale(nl->c);
}

/* Top-level keys, in the order they are applied. */
enum topkey {
	T_POOL, T_TIMEZONE, T_WEEK_START, T_PRESET, T_RULES, T_MATCHING,
	T_ALLOCATION, T_SHIFT_TYPES, T_REPORT, T_SETTLEMENT, T_ROLES,
	T_ORGANISATIONS, T_NKEYS
};

static const char *const topkeys[T_NKEYS] = {
	"pool", "timezone", "week_start", "preset", "rules", "matching",
	"allocation", "shift_types", "report", "settlement", "roles",
	"organisations"
};

/* Line of a located index fault. */
static int
index_located(struct loader *ld, struct pool_config *c)
{
	struct index_fault	 f;
	struct pool_error	 e;
	const struct pool_ynode	*n;

	memset(&f, 0, sizeof(f));
	if (config_index(c, &e, &f) == 0)
		return 0;
	switch (f.kind) {
	case FAULT_ORG_DUP:
		return lerr(ld, ld->org_nodes[f.item]->line, POOL_ECONFIG,
		    "duplicate organisation id '%s' (first on line %lu)",
		    c->orgs[f.item].id, ld->org_nodes[f.first]->line);
	case FAULT_ROLE_DUP:
		return lerr(ld, ld->role_nodes[f.item]->line, POOL_ECONFIG,
		    "duplicate role id '%s' (first on line %lu)",
		    c->roles[f.item].id, ld->role_nodes[f.first]->line);
	case FAULT_COVERS:
	case FAULT_CYCLE:
		n = ld->cover_nodes[f.item]->kids[f.entry];
		return lerr(ld, n->line, e.code, "%s", e.text);
	case FAULT_NONE:
		break;
	}
	return lerr(ld, 0, e.code, "%s", e.text);
}

static int
load_tree(struct loader *ld, struct pool_config *c)
{
	const struct pool_ynode	*root = ld->root, *v[T_NKEYS];
	const struct pool_ynode	*k;
	size_t			 i, j;
	int			 r;
	char			 b[48];

	if (root == NULL || is_null(root))
		return 0;		/* an empty file: the defaults */
	if (root->kind != POOL_Y_MAP)
		return lerr(ld, root->line, POOL_ECONFIG,
		    "the file must be a mapping of keys (see pool.yaml(5))");
	if (check_keys(ld, root, NULL) == -1)
		return -1;
	memset(v, 0, sizeof(v));
	for (i = 0; i + 1 < root->n; i += 2) {
		k = root->kids[i];
		for (j = 0; j < T_NKEYS; j++)
			if (strcmp(k->value, topkeys[j]) == 0)
				break;
		if (j == T_NKEYS)
			return unknown_key(ld, k, NULL);
		v[j] = root->kids[i + 1];
	}

	if (v[T_POOL] != NULL && get_string(ld, v[T_POOL], "pool",
	    &c->pool) == -1)
		return -1;
	if (v[T_TIMEZONE] != NULL) {
		if (get_string(ld, v[T_TIMEZONE], "timezone",
		    &c->timezone) == -1)
			return -1;
		if (!tz_name_ok(c->timezone))
			return lerr(ld, v[T_TIMEZONE]->line, POOL_ECONFIG,
			    "'timezone' must be a tz database name such as "
			    "Europe/Amsterdam, not '%s'",
			    shown(v[T_TIMEZONE], b));
	}
	if (v[T_WEEK_START] != NULL && get_weekday(ld, v[T_WEEK_START],
	    "week_start", &c->week_start) == -1)
		return -1;
	if (v[T_PRESET] != NULL && get_preset(ld, v[T_PRESET], &c->rules,
	    &c->preset) == -1)
		return -1;
	if (v[T_RULES] != NULL) {
		if ((r = want_map(ld, v[T_RULES], "rules")) == -1)
			return -1;
		if (r == 1 && load_rules(ld, v[T_RULES], &c->rules) == -1)
			return -1;
	}
	if (v[T_MATCHING] != NULL) {
		if ((r = want_map(ld, v[T_MATCHING], "matching")) == -1)
			return -1;
		if (r == 1 && load_matching(ld, v[T_MATCHING],
		    &c->matching) == -1)
			return -1;
	}
	if (v[T_ALLOCATION] != NULL) {
		if ((r = want_map(ld, v[T_ALLOCATION], "allocation")) == -1)
			return -1;
		if (r == 1 && load_allocation(ld, v[T_ALLOCATION],
		    &c->allocation) == -1)
			return -1;
	}
	if (v[T_SHIFT_TYPES] != NULL) {
		if ((r = want_map(ld, v[T_SHIFT_TYPES], "shift_types")) == -1)
			return -1;
		if (r == 1 && load_shift_types(ld, v[T_SHIFT_TYPES], c) == -1)
			return -1;
	}
	if (v[T_REPORT] != NULL) {
		if ((r = want_map(ld, v[T_REPORT], "report")) == -1)
			return -1;
		if (r == 1 && load_report(ld, v[T_REPORT], c) == -1)
			return -1;
	}
	if (v[T_SETTLEMENT] != NULL) {
		if ((r = want_map(ld, v[T_SETTLEMENT], "settlement")) == -1)
			return -1;
		if (r == 1 && load_settlement(ld, v[T_SETTLEMENT], c) == -1)
			return -1;
	}
	if (v[T_ROLES] != NULL) {
		const struct pool_ynode *s = v[T_ROLES];

		if ((r = want_seq(ld, s, "roles")) == -1)
			return -1;
		if (r == 1 && s->n > POOL_CONFIG_MAX_ROLES)
			return lerr(ld, s->line, POOL_ELIMIT,
			    "more than %d roles", POOL_CONFIG_MAX_ROLES);
		if (r == 1) {
			c->roles = calloc(s->n + 1, sizeof(*c->roles));
			ld->role_nodes = calloc(s->n + 1,
			    sizeof(*ld->role_nodes));
			ld->cover_nodes = calloc(s->n + 1,
			    sizeof(*ld->cover_nodes));
			if (c->roles == NULL || ld->role_nodes == NULL ||
			    ld->cover_nodes == NULL)
				return nomem(ld->err);
			for (i = 0; i < s->n; i++) {
				ld->role_nodes[i] = s->kids[i];
				if (load_role(ld, s->kids[i],
				    &c->roles[c->nroles++],
				    (const struct pool_ynode **)
				    &ld->cover_nodes[i]) == -1)
					return -1;
			}
		}
	}
	for (i = 0; i < c->nroles; i++)
		if (c->roles[i].overqualified_penalty < 0)
			c->roles[i].overqualified_penalty =
			    c->matching.overqualified;
	if (v[T_ORGANISATIONS] != NULL) {
		const struct pool_ynode *s = v[T_ORGANISATIONS];

		if ((r = want_seq(ld, s, "organisations")) == -1)
			return -1;
		if (r == 1) {
			c->orgs = calloc(s->n + 1, sizeof(*c->orgs));
			ld->org_nodes = calloc(s->n + 1,
			    sizeof(*ld->org_nodes));
			if (c->orgs == NULL || ld->org_nodes == NULL)
				return nomem(ld->err);
			for (i = 0; i < s->n; i++) {
				ld->org_nodes[i] = s->kids[i];
				if (load_org(ld, s->kids[i], c,
				    &c->orgs[c->norgs++]) == -1)
					return -1;
			}
		}
	}
	return index_located(ld, c);
}

struct pool_config *
pool_config_load_buffer(const char *buf, size_t len, const char *name,
    struct pool_error *err)
{
	struct pool_config	*c;
	struct loader		 ld;
	struct numlocale	 nl;

	pool_error_clear(err);
	if (name == NULL)
		name = "<buffer>";
	if (len > POOL_CONFIG_MAX_SIZE) {
		pool_error_set(err, POOL_ELIMIT, NULL,
		    "file too large (more than 1 MiB)");
		pool_error_locate(err, name, 0);
		return NULL;
	}
	if ((c = config_new(name, err)) == NULL)
		return NULL;
	memset(&ld, 0, sizeof(ld));
	ld.name = name;
	ld.err = err;
	numeric_c(&nl);
	if (parse_tree(&ld, buf, len) == -1 || load_tree(&ld, c) == -1) {
		pool_config_free(c);
		c = NULL;
	}
	numeric_restore(&nl);
	loader_release(&ld);
	return c;
}

struct pool_config *
pool_config_load(const char *path, struct pool_error *err)
{
	struct pool_config	*c;
	FILE			*fp;
	char			*buf;
	size_t			 len;

	pool_error_clear(err);
	if ((fp = fopen(path, "rb")) == NULL) {
		pool_error_set(err, POOL_ESYS, NULL, "cannot open");
		pool_error_locate(err, path, 0);
		return NULL;
	}
	/* One byte more than allowed tells a too large file. */
	if ((buf = malloc(POOL_CONFIG_MAX_SIZE + 1)) == NULL) {
		fclose(fp);
		nomem(err);
		return NULL;
	}
	len = fread(buf, 1, POOL_CONFIG_MAX_SIZE + 1, fp);
	if (ferror(fp)) {
		pool_error_set(err, POOL_ESYS, NULL, "cannot read");
		pool_error_locate(err, path, 0);
		fclose(fp);
		free(buf);
		return NULL;
	}
	fclose(fp);
	c = pool_config_load_buffer(buf, len, path, err);
	free(buf);
	return c;
}

/** Writing */

/* A string in double quotes, escaped as YAML wants. */
static void
put_str(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(fp, "\\%c", *s);
		else if ((unsigned char)*s < 0x20 || *s == 0x7f)
			fprintf(fp, "\\x%02x", (unsigned char)*s);
		else
			fputc(*s, fp);
	}
	fputc('"', fp);
}

/* The shortest decimal that reads back as the same double. */
static void
put_num(FILE *fp, double d)
{
	char	buf[40];
	int	prec;

	for (prec = 6; prec < 17; prec++) {
		snprintf(buf, sizeof(buf), "%.*g", prec, d);
		if (strtod(buf, NULL) == d)
			break;
	}
	if (prec == 17)
		snprintf(buf, sizeof(buf), "%.17g", d);
	fputs(buf, fp);
}

static void
put_rules(FILE *fp, const struct pool_rules *r, const char *indent)
{
	const struct rulekey	*rk;
	struct pool_rules	 copy = *r;
	size_t			 i;
	int			 x;

	for (i = 0; i < NRULEKEYS; i++) {
		rk = &rulekeys[i];
		x = *rule_field(&copy, rk->off);
		fprintf(fp, "%s%s: ", indent, rk->key);
		switch (rk->kind) {
		case R_HOURS:
			put_num(fp, x / 60.0);
			break;
		case R_DAYS:
			fprintf(fp, "%d", x / DAY_MIN);
			break;
		case R_TIME:
			fprintf(fp, "\"%02d:%02d\"", x / 60, x % 60);
			break;
		case R_COUNT:
			fprintf(fp, "%d", x);
			break;
		case R_WEEKDAY:
			fputs(weekday_name(x), fp);
			break;
		}
		fputc('\n', fp);
	}
}

int
pool_config_write(const struct pool_config *c, FILE *fp,
    struct pool_error *err)
{
	const struct pool_org_conf	*o;
	const struct pool_role_conf	*rl;
	struct numlocale		 nl;
	size_t				 i, j;

	numeric_c(&nl);
	if (c->pool != NULL) {
		fputs("pool: ", fp);
		put_str(fp, c->pool);
		fputc('\n', fp);
	}
	fputs("timezone: ", fp);
	put_str(fp, c->timezone);
	fprintf(fp, "\nweek_start: %s\n", weekday_name(c->week_start));
	fprintf(fp, "preset: %s\nrules:\n", c->preset ? c->preset : "atw");
	put_rules(fp, &c->rules, "  ");
	fputs("matching:\n", fp);
#define PUTW(f) do {							\
	fputs("  " #f ": ", fp);					\
	put_num(fp, c->matching.f);					\
	fputc('\n', fp);						\
} while (0)
	PUTW(travel);
	PUTW(preference);
	PUTW(signup);
	PUTW(continuity);
	PUTW(contract);
	PUTW(fairness);
	PUTW(overqualified);
	PUTW(change);
#undef PUTW
	fprintf(fp, "allocation:\n  method: %s\n  unit: %s\n  period: %s\n"
	    "  carry_over: %s\n  quota: %s\n",
	    pool_config_method_name(c->allocation.method),
	    c->allocation.unit_hours ? "hour" : "shift",
	    c->allocation.period_day ? "day" : "week",
	    c->allocation.carry_over ? "true" : "false",
	    c->allocation.strict ? "strict" : "soft");
	fputs(c->nshift_types ? "shift_types:\n" : "shift_types: {}\n", fp);
	for (i = 0; i < c->nshift_types; i++) {
		fputs("  ", fp);
		put_str(fp, c->shift_types[i].id);
		fprintf(fp, ": \"%02d:%02d-%02d:%02d\"\n",
		    c->shift_types[i].start / 60, c->shift_types[i].start % 60,
		    c->shift_types[i].end / 60, c->shift_types[i].end % 60);
	}
	fprintf(fp, "report:\n  min_cell: %d\n", c->min_cell);
	if (c->language >= 0)
		fprintf(fp, "  language: %s\n", c->language ? "nl" : "en");
	if (c->nunits > 0)
		fputs("  units:\n", fp);
	for (i = 0; i < c->nunits; i++) {
		fputs("    - org: ", fp);
		put_str(fp, c->units[i].org);
		fputs("\n      id: ", fp);
		put_str(fp, c->units[i].id);
		if (c->units[i].name != NULL) {
			fputs("\n      name: ", fp);
			put_str(fp, c->units[i].name);
		}
		if (c->units[i].address != NULL) {
			fputs("\n      address: ", fp);
			put_str(fp, c->units[i].address);
		}
		putc('\n', fp);
	}
	if (c->pool_rate >= 0) {
		fputs("settlement:\n  pool_rate: ", fp);
		put_num(fp, c->pool_rate);
		fputc('\n', fp);
	}
	fputs(c->nroles ? "roles:\n" : "roles: []\n", fp);
	for (i = 0; i < c->nroles; i++) {
		rl = &c->roles[i];
		fputs("  - id: ", fp);
		put_str(fp, rl->id);
		if (rl->name != NULL) {
			fputs("\n    name: ", fp);
			put_str(fp, rl->name);
		}
		fprintf(fp, "\n    level: %d\n    covers: [", rl->level);
		for (j = 0; j < rl->ncovers; j++) {
			if (j > 0)
				fputs(", ", fp);
			put_str(fp, rl->covers[j]);
		}
		fputs("]\n    overqualified_penalty: ", fp);
		put_num(fp, rl->overqualified_penalty);
		fputc('\n', fp);
	}
	fputs(c->norgs ? "organisations:\n" : "organisations: []\n", fp);
	for (i = 0; i < c->norgs; i++) {
		o = &c->orgs[i];
		fputs("  - id: ", fp);
		put_str(fp, o->id);
		fputc('\n', fp);
		if (o->name != NULL) {
			fputs("    name: ", fp);
			put_str(fp, o->name);
			fputc('\n', fp);
		}
		if (o->weight >= 0) {
			fputs("    weight: ", fp);
			put_num(fp, o->weight);
			fputc('\n', fp);
		}
		if (o->rate >= 0) {
			fputs("    rate: ", fp);
			put_num(fp, o->rate);
			fputc('\n', fp);
		}
		if (o->region != NULL) {
			fputs("    region: ", fp);
			put_str(fp, o->region);
			fputc('\n', fp);
		}
		if (o->preset != NULL)
			fprintf(fp, "    preset: %s\n", o->preset);
		if (o->has_rules) {
			fputs("    rules:\n", fp);
			put_rules(fp, &o->rules, "      ");
		}
		if (o->ncontacts > 0)
			fputs("    contacts:\n", fp);
		for (j = 0; j < o->ncontacts; j++) {
			fputs("      - {", fp);
			if (o->contacts[j].name != NULL) {
				fputs("name: ", fp);
				put_str(fp, o->contacts[j].name);
				fputs(", ", fp);
			}
			fprintf(fp, "level: %s, every_days: %d}\n",
			    o->contacts[j].level ? o->contacts[j].level :
			    "operational", o->contacts[j].every_days);
		}
	}
	numeric_restore(&nl);
	if (fflush(fp) == EOF || ferror(fp))
		return pool_error_set(err, POOL_ESYS, NULL,
		    "cannot write the configuration");
	return 0;
}
