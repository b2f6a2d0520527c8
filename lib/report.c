/*
 * The aggregation of pool-report: the options, and the NDJSON records
 * read into the report's data set.  The sections made of it are
 * report_sec.c's.
 *
 * Memory: shifts of the period, all assignments of those shifts, orgs,
 * workers, allocations, contacts and unfilled records are kept.  Records
 * that are only passed over (availability, absence, signup, candidate,
 * reject, unknown types) are validated in a scratch data set that is
 * emptied every few thousand records; of a shift outside the period only
 * its hours per role and ISO week (for the outlook) and a 64-bit hash of
 * its id (so that its assignments can be dropped) are kept.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "pool_int.h"
#include "pool_record.h"
#include "pool_report.h"
#include "pool_rules.h"
#include "pool_strtab.h"
#include "pool_time.h"

#define SCRATCH_RECORDS	4096

/* ---- sections, options ---- */

static const char *const secnames[POOL_SEC_N] = {
	"summary", "orgs", "roles", "units", "days", "unfilled", "workers",
	"fairness", "settlement", "outlook", "contacts", "records", "types"
};

int
pool_report_section_parse(const char *s)
{
	int	 i;

	for (i = 0; i < POOL_SEC_N; i++)
		if (strcmp(s, secnames[i]) == 0)
			return i;
	return -1;
}

const char *
pool_report_section_name(enum pool_section s)
{
	return s < POOL_SEC_N ? secnames[s] : NULL;
}

int
pool_report_sections(const char *list, unsigned *mask, struct pool_error *err)
{
	char	 name[64];
	const char *p = list, *q;
	size_t	 n;
	int	 s;

	*mask = 0;
	for (;;) {
		q = strchr(p, ',');
		n = q != NULL ? (size_t)(q - p) : strlen(p);
		if (n == 0 || n >= sizeof(name))
			return pool_error_set(err, POOL_ECONFIG, NULL,
			    "unknown section '%.*s'", (int)(n < 60 ? n : 60),
			    p);
		memcpy(name, p, n);
		name[n] = '\0';
		if (strcmp(name, "all") == 0)
			*mask |= POOL_REPORT_ALL;
		else if ((s = pool_report_section_parse(name)) < 0)
			return pool_error_set(err, POOL_ECONFIG, NULL,
			    "unknown section '%s'", name);
		else
			*mask |= 1u << s;
		if (q == NULL)
			break;
		p = q + 1;
	}
	return 0;
}

void
pool_report_opts_init(struct pool_report_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->from = INT64_MIN;
	o->to = INT64_MAX;
	o->sections = POOL_REPORT_ALL;
	o->weeks = 4;
}

struct pool_reportctx *
pool_report_new(const struct pool_report_opts *o, struct pool_error *err)
{
	struct pool_reportctx *c;

	if ((c = calloc(1, sizeof(*c))) == NULL) {
		pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
		return NULL;
	}
	c->o = *o;
	if (pool_data_init(&c->data, err) == -1) {
		free(c);
		return NULL;
	}
	if (pool_data_init(&c->scratch, err) == -1) {
		pool_data_release(&c->data);
		free(c);
		return NULL;
	}
	c->firstday = INT64_MAX;
	c->lastday = INT64_MIN;
	(void)pool_rules_preset(&c->defrules, "atw", NULL);
	return c;
}

void
pool_report_free(struct pool_reportctx *c)
{
	if (c == NULL)
		return;
	pool_data_release(&c->data);
	pool_data_release(&c->scratch);
	pool_keymap_release(&c->histmap);
	free(c->hist);
	pool_keymap_release(&c->daymap);
	free(c->dayu);
	pool_hashset_release(&c->outside);
	free(c->ev);
	free(c);
}

struct pool_data *
pool_report_data(struct pool_reportctx *c)
{
	return &c->data;
}

int64_t
pool_report_stamp(const struct pool_reportctx *c)
{
	return c->maxend;
}

/* Add a shift's hours to the history of its role and ISO week. */
static int
hist_add(struct pool_reportctx *c, const char *role, int64_t day,
    double hours)
{
	int64_t	 monday = day - (pool_time_weekday(day) - 1);
	long	 i;
	int	 added;

	role = pool_data_intern(&c->data, role, strlen(role));
	if (role == NULL)
		return -1;
	i = pool_keymap_get(&c->histmap, role, NULL, monday, (long)c->nhist, &added);
	if (i < 0)
		return -1;
	if (added) {
		if (c->nhist == c->histcap) {
			size_t	 nc = c->histcap ? c->histcap * 2 : 64;
			struct pool_hist *h = realloc(c->hist, nc * sizeof(*h));

			if (h == NULL)
				return -1;
			c->hist = h;
			c->histcap = nc;
		}
		c->hist[i].role = role;
		c->hist[i].monday = monday;
		c->hist[i].hours = 0;
		c->nhist++;
	}
	c->hist[i].hours += hours;
	return 0;
}

/* Count a shift on its day for its org, per role and in all roles. */
static int
dayunits_add(struct pool_reportctx *c, const struct pool_shift *s,
    int64_t day)
{
	const char	*org, *role[2];
	long		 i;
	int		 added, q;

	if ((org = pool_data_intern(&c->data, s->org, strlen(s->org))) ==
	    NULL || (role[0] = pool_data_intern(&c->data, s->role,
	    strlen(s->role))) == NULL)
		return -1;
	role[1] = NULL;
	for (q = 0; q < 2; q++) {
		i = pool_keymap_get(&c->daymap, org, role[q], day, (long)c->ndayu,
		    &added);
		if (i < 0)
			return -1;
		if (added) {
			if (c->ndayu == c->dayucap) {
				size_t nc = c->dayucap ? c->dayucap * 2 : 64;
				struct dayunits *u = realloc(c->dayu,
				    nc * sizeof(*u));

				if (u == NULL)
					return -1;
				c->dayu = u;
				c->dayucap = nc;
			}
			c->dayu[i].shifts = 0;
			c->dayu[i].hours = 0;
			c->ndayu++;
		}
		c->dayu[i].shifts += 1;
		c->dayu[i].hours += shift_hours(s);
	}
	return 0;
}

static int
scratch_tick(struct pool_reportctx *c, struct pool_error *err)
{
	if (++c->nscratch < SCRATCH_RECORDS)
		return 0;
	pool_data_release(&c->scratch);
	c->nscratch = 0;
	return pool_data_init(&c->scratch, err);
}

int
pool_report_feed(struct pool_reportctx *c, const char *line, size_t len,
    struct pool_error *err)
{
	struct pool_rscan	 rs;
	struct pool_record	 rec;
	const char		*v;
	int64_t			 day, start;
	int			 keep;

	/* A look at the line's type, a shift's start (to keep only shifts
	 * of the period) and an assignment's shift decides the data set
	 * the record goes to. */
	if (pool_rscan_read(&rs, line, len, err) == -1)
		return -1;
	switch ((v = pool_rscan_str(&rs, "type")) != NULL ?
	    pool_rtype_parse(v) : POOL_R_UNKNOWN) {
	case POOL_R_SHIFT:
		/* A shift outside the period is validated in the scratch
		 * set, one in it goes to the kept data; decided by a look at
		 * its start (a bad start is reported by the validation). */
		keep = 1;
		if (!c->o.keep_all && (v = pool_rscan_str(&rs, "start")) !=
		    NULL && pool_time_parse(v, &start, NULL, NULL) == 0) {
			int64_t	 m = (c->o.sections & 1u << POOL_SEC_WORKERS) ?
			    6 : 0;

			/* The workers table judges whole weeks of the rules
			 * (rules.week_start) that touch the period: their
			 * days before and after it are kept too. */
			day = pool_tz_local_day(c->o.tz, start);
			keep = (c->o.from == INT64_MIN || day >= c->o.from - m) &&
			    (c->o.to == INT64_MAX || day <= c->o.to + m);
		}
		if (pool_rscan_take(keep ? &c->data : &c->scratch, &rs, &rec,
		    err) == -1)
			return -1;
		day = pool_tz_local_day(c->o.tz, rec.u.shift.start);
		if (rec.u.shift.end > c->maxend)
			c->maxend = rec.u.shift.end;
		if (day < c->firstday)
			c->firstday = day;
		if (day > c->lastday)
			c->lastday = day;
		if ((c->o.sections & 1u << POOL_SEC_OUTLOOK) &&
		    hist_add(c, rec.u.shift.role, day,
		    shift_hours(&rec.u.shift)) == -1)
			return nomem(err);
		if ((c->o.sections & 1u << POOL_SEC_FAIRNESS) &&
		    dayunits_add(c, &rec.u.shift, day) == -1)
			return nomem(err);
		c->count[POOL_R_SHIFT]++;
		if (keep) {
			c->indexed = 0;
			return pool_data_add(&c->data, &rec, err);
		}
		if (pool_hashset_add(&c->outside, rec.u.shift.id) == -1)
			return nomem(err);
		return scratch_tick(c, err);
	case POOL_R_ASSIGNMENT:
		/* Assignments of shifts known to lie outside the period are
		 * passed over. */
		if (!c->o.keep_all && (v = pool_rscan_str(&rs, "shift")) !=
		    NULL && pool_hashset_has(&c->outside, v) &&
		    pool_strtab_lookup(c->data.strtab, v) == NULL) {
			if (pool_rscan_take(&c->scratch, &rs, &rec, err) == -1)
				return -1;
			c->count[POOL_R_ASSIGNMENT]++;
			return scratch_tick(c, err);
		}
		break;
	case POOL_R_ORG:
	case POOL_R_WORKER:
	case POOL_R_ALLOCATION:
	case POOL_R_CONTACT:
	case POOL_R_UNFILLED:
	case POOL_R_WORKED:
		break;
	default:
		/* Passed over: validated and counted only (this is also where
		 * a line that is not a record gets its error). */
		if (pool_rscan_take(&c->scratch, &rs, &rec, err) == -1)
			return -1;
		c->count[rec.type]++;
		pool_record_release(&rec);
		return scratch_tick(c, err);
	}
	if (pool_rscan_take(&c->data, &rs, &rec, err) == -1)
		return -1;
	c->count[rec.type]++;
	c->indexed = 0;
	return pool_data_add(&c->data, &rec, err);
}
