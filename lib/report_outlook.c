/*
 * The outlook section of pool-report: demand per role and ISO week
 * against the supply of the pool's workers.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool_int.h"
#include "pool_report.h"
#include "pool_time.h"

#define TRY(x)	do { if ((x) == -1) goto fail; } while (0)

static int
nomem(struct pool_error *err)
{
	return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
}

static int
hist_cmp(const void *a, const void *b)
{
	const struct pool_hist *x = a, *y = b;
	int	 r;

	if ((r = strcmp(x->role, y->role)) != 0)
		return r;
	return (x->monday > y->monday) - (x->monday < y->monday);
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

#define TREND_WEEKS	8

int
pool_outlook_build(const struct pool_outlook_in *in, struct pool_report *rep,
    struct pool_table **main, long *nsupp, struct pool_error *err)
{
	struct pool_data *d = in->d;
	struct pool_table *t;
	const char	**roles = NULL;
	size_t		 nroles = 0, i, j, k;
	int64_t		 pf, pt, ref, first;
	char		 buf[16];

	*nsupp = 0;
	pf = in->from;
	pt = in->to;
	(void)pf;
	ref = pt - (pool_time_weekday(pt) - 1);	/* Monday of the last week */
	first = ref + 7;
	if (in->nhist > 1)
		qsort(in->hist, in->nhist, sizeof(*in->hist), hist_cmp);
	if ((roles = calloc(in->nhist + d->workers.n + 1, sizeof(*roles)))
	    == NULL)
		return nomem(err);
	for (i = 0; i < in->nhist; i++)
		roles[nroles++] = in->hist[i].role;
	for (i = 0; i < d->workers.n; i++)
		roles[nroles++] = d->workers.v[i].roles.v[0];
	if (nroles > 1)
		qsort(roles, nroles, sizeof(*roles), str_cmp);
	for (i = j = 0; i < nroles; i++)
		if (j == 0 || strcmp(roles[i], roles[j - 1]) != 0)
			roles[j++] = roles[i];
	nroles = j;
	if ((t = pool_table_new("outlook", "outlook",
	    "Outlook: demand trend against supply per role", "report.outlook",
	    err)) == NULL) {
		free(roles);
		return -1;
	}
	TRY(pool_table_col(t, "role", "role", POOL_CELL_TEXT, err));
	TRY(pool_table_col(t, "week", "week", POOL_CELL_TEXT, err));
	TRY(pool_table_col(t, "demand_trend", "demand trend", POOL_CELL_HOURS,
	    err));
	TRY(pool_table_col(t, "booked", "booked", POOL_CELL_HOURS, err));
	TRY(pool_table_col(t, "supply", "supply", POOL_CELL_HOURS, err));
	TRY(pool_table_col(t, "gap", "gap", POOL_CELL_HOURS, err));
	TRY(pool_table_col(t, "workers", "workers", POOL_CELL_INT, err));
	TRY(pool_table_col(t, "starting", "starting", POOL_CELL_INT, err));
	TRY(pool_table_col(t, "ending", "ending", POOL_CELL_INT, err));
	for (i = 0; i < nroles; i++) {
		const char *role = roles[i];
		double	 sx = 0, sy = 0, sxx = 0, sxy = 0, a, b, np = 0;
		int	 wk;

		/* Least squares over the last TREND_WEEKS weeks up to the
		 * period's last week (weeks without shifts count as 0 only
		 * between the first and the last week with shifts). */
		{
			int64_t	 lo = INT64_MAX;

			for (k = 0; k < in->nhist; k++)
				if (in->hist[k].role == role &&
				    in->hist[k].monday <= ref &&
				    in->hist[k].monday > ref - 7 * TREND_WEEKS &&
				    in->hist[k].monday < lo)
					lo = in->hist[k].monday;
			for (int64_t m = lo; lo != INT64_MAX && m <= ref;
			    m += 7) {
				double	 y = 0, x = (double)(m - ref) / 7;

				for (k = 0; k < in->nhist; k++)
					if (in->hist[k].role == role &&
					    in->hist[k].monday == m)
						y = in->hist[k].hours;
				sx += x;
				sy += y;
				sxx += x * x;
				sxy += x * y;
				np++;
			}
		}
		if (np >= 2 && np * sxx - sx * sx != 0) {
			b = (np * sxy - sx * sy) / (np * sxx - sx * sx);
			a = (sy - b * sx) / np;
		} else {
			b = 0;
			a = np > 0 ? sy / np : -1;
		}
		for (wk = 0; wk < in->o->weeks; wk++) {
			int64_t	 mon = first + 7 * wk, sun = mon + 6;
			double	 booked = 0, supply = 0, trend;
			long	 workers = 0, starting = 0, ending = 0;
			int	 y, w;

			for (k = 0; k < in->nhist; k++)
				if (in->hist[k].role == role &&
				    in->hist[k].monday == mon)
					booked = in->hist[k].hours;
			for (k = 0; k < d->workers.n; k++) {
				const struct pool_worker *wr = &d->workers.v[k];

				if (wr->roles.v[0] != role ||
				    pool_data_worker(d, wr->id) != (long)k)
					continue;
				if (wr->valid_from >= mon && wr->valid_from <= sun)
					starting++;
				if (wr->valid_until >= mon &&
				    wr->valid_until <= sun)
					ending++;
				if (wr->valid_from > sun || wr->valid_until < mon)
					continue;
				workers++;
				if (wr->contract_hours >= 0)
					supply += wr->contract_hours;
			}
			pool_time_iso_week(mon, &y, &w);
			snprintf(buf, sizeof(buf), "%04d-W%02d", y, w);
			TRY(pool_table_row(t, err));
			TRY(pool_table_text(t, role, err));
			TRY(pool_table_text(t, buf, err));
			trend = a + b * (double)(wk + 1);
			if (a < 0)
				trend = -1;
			else if (trend < 0)
				trend = 0;
			if (trend >= 0)
				TRY(pool_table_num(t, trend, err));
			else
				TRY(pool_table_empty(t, err));
			TRY(pool_table_num(t, booked, err));
			if (pool_report_suppress(in->o, workers)) {
				(*nsupp)++;
				TRY(pool_table_suppressed(t, err));
				TRY(pool_table_suppressed(t, err));
				TRY(pool_table_suppressed(t, err));
			} else {
				double need = trend > booked ? trend : booked;

				TRY(pool_table_num(t, supply, err));
				TRY(pool_table_num(t, supply - need, err));
				TRY(pool_table_num(t, (double)workers, err));
			}
			TRY(pool_table_num(t, (double)starting, err));
			TRY(pool_table_num(t, (double)ending, err));
		}
	}
	free(roles);
	if (pool_report_add(rep, t, err) == -1)
		return -1;
	*main = t;
	return 0;
fail:
	free(roles);
	pool_table_free(t);
	return -1;
}

