/*
 * The outlook section of pool-report: demand per role and ISO week
 * against the supply of the pool's workers.
 */
#include <math.h>
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

/* ---- the demand forecast ---- */

/*
 * The model, per role, on the weekly hours y[0..n) (week t starts on
 * Monday mon0 + 7t; weeks without shifts between the first week with
 * shifts and the last week of the period count as 0):
 *
 *   y_t = a + b t/52 + sum_k=1..4 (c_k cos 2 pi k p_t + d_k sin 2 pi k p_t)
 *         + x X_t + e_w(t) + noise,
 *
 * p_t the phase of t's ISO week in the year, X_t 1 in the Christmas and
 * New Year weeks (ISO weeks 52, 53 and 1), e_w a correction of ISO week
 * w: other holidays, a week that lies off the smooth season every year.
 * a, b, c, d, x are least squares, with a weak prior that pulls the
 * trend b towards flat (FC_RIDGE added to its diagonal: with one year of
 * history a trend and a season are hard to tell apart).  e_w is the mean
 * residual of week w over the years, shrunk towards 0 (James-Stein,
 * positive part, at FC_EFFECT_Z standard errors; the noise measured by
 * the median absolute residual); the two are fitted in turn a few
 * times.  The trend is damped when extrapolated: h weeks ahead it adds
 * b/52 (phi + ... + phi^h).  The 80% interval is +-1.28 sigma sqrt(1 +
 * leverage of the forecast point + 1/years behind e_w), sigma the
 * residual standard deviation.
 *
 * With less than FC_SEASON weeks of history there is no season to see:
 * the model is the damped line alone (a + b t/52); with fewer than 3
 * weeks it is their mean, without an interval.
 */
#define FC_SEASON	52
#define FC_HARMONICS	4
#define FC_Z80		1.2815515655446004
#define FC_EFFECT_Z	2.0
#define FC_PHI		0.95
#define FC_RIDGE	5.0
#define FC_ROUNDS	3
#define FC_MAXP		(3 + 2 * FC_HARMONICS)
#define FC_LINE_WEEKS	8	/* the straight line of the backtest */
#define FC_BT_HORIZON	13	/* backtest: a quarter ahead */

static double
fc_phase(int64_t monday)
{
	int	 y, w;

	pool_time_iso_week(monday, &y, &w);
	return ((double)w - 0.5) / 52.1775;
}

static int
fc_week(int64_t monday)
{
	int	 y, w;

	pool_time_iso_week(monday, &y, &w);
	return w;
}

/* The regressors of week t (trend position tt, in weeks). */
static void
fc_row(double *x, int p, double tt, int64_t monday)
{
	double	 ph = fc_phase(monday);
	int	 k;

	x[0] = 1;
	x[1] = tt / FC_SEASON;
	for (k = 1; 2 * k + 1 < p; k++) {
		x[2 * k] = cos(2 * M_PI * k * ph);
		x[2 * k + 1] = sin(2 * M_PI * k * ph);
	}
	if (p > 2) {
		int	 w = fc_week(monday);

		x[p - 1] = w == 52 || w == 53 || w == 1;
	}
}

/* Invert the symmetric positive p x p matrix a in place (Gauss-Jordan
 * with a small ridge); -1 if singular. */
static int
fc_invert(double *a, int p)
{
	double	 inv[FC_MAXP * FC_MAXP];
	int	 i, j, k, piv;

	for (i = 0; i < p; i++)
		for (j = 0; j < p; j++)
			inv[i * p + j] = i == j;
	for (i = 0; i < p; i++)
		a[i * p + i] += 1e-9 * (1 + fabs(a[i * p + i]));
	for (k = 0; k < p; k++) {
		double	 m, f;

		piv = k;
		for (i = k + 1; i < p; i++)
			if (fabs(a[i * p + k]) > fabs(a[piv * p + k]))
				piv = i;
		if (fabs(a[piv * p + k]) < 1e-12)
			return -1;
		if (piv != k)
			for (j = 0; j < p; j++) {
				double	 t = a[k * p + j];

				a[k * p + j] = a[piv * p + j];
				a[piv * p + j] = t;
				t = inv[k * p + j];
				inv[k * p + j] = inv[piv * p + j];
				inv[piv * p + j] = t;
			}
		m = a[k * p + k];
		for (j = 0; j < p; j++) {
			a[k * p + j] /= m;
			inv[k * p + j] /= m;
		}
		for (i = 0; i < p; i++) {
			if (i == k || (f = a[i * p + k]) == 0)
				continue;
			for (j = 0; j < p; j++) {
				a[i * p + j] -= f * a[k * p + j];
				inv[i * p + j] -= f * inv[k * p + j];
			}
		}
	}
	memcpy(a, inv, sizeof(double) * (size_t)(p * p));
	return 0;
}

static int
dbl_cmp(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

struct fc_fit {
	int	 model, p;
	double	 beta[FC_MAXP];
	double	 xtxi[FC_MAXP * FC_MAXP];	/* (X'X)^-1 */
	double	 eff[54];			/* per ISO week */
	int	 neff[54];			/* years behind eff */
	double	 sigma;
	size_t	 n;
	int64_t	 mon0;
};

/* Fit the model to y[0..n); tmp holds 2n doubles. */
static void
fc_fit(struct fc_fit *f, const double *y, size_t n, int64_t mon0, double *tmp)
{
	double	 x[FC_MAXP], xty[FC_MAXP], sum[54], *r = tmp, *ar = tmp + n;
	int	 cnt[54], p, round, i, j, w;
	size_t	 t;

	memset(f, 0, sizeof(*f));
	f->n = n;
	f->mon0 = mon0;
	if (n == 0)
		return;
	if (n < 3) {
		f->model = POOL_FC_MEAN;
		f->p = 1;
		for (t = 0; t < n; t++)
			f->beta[0] += y[t] / (double)n;
		f->sigma = NAN;
		return;
	}
	f->model = n >= FC_SEASON ? POOL_FC_SEASONAL : POOL_FC_TREND;
	p = f->p = f->model == POOL_FC_SEASONAL ? FC_MAXP : 2;
	for (round = 0; round < (f->model == POOL_FC_SEASONAL ? FC_ROUNDS : 1);
	    round++) {
		double	 mad, sd, e;

		memset(f->xtxi, 0, sizeof(f->xtxi));
		memset(xty, 0, sizeof(xty));
		for (t = 0; t < n; t++) {
			double	 z = y[t] - f->eff[fc_week(mon0 + 7 * (int64_t)t)];

			fc_row(x, p, (double)t, mon0 + 7 * (int64_t)t);
			for (i = 0; i < p; i++) {
				xty[i] += x[i] * z;
				for (j = 0; j < p; j++)
					f->xtxi[i * p + j] += x[i] * x[j];
			}
		}
		f->xtxi[1 * p + 1] += FC_RIDGE;
		if (fc_invert(f->xtxi, p) == -1) {
			/* A degenerate design (cannot happen with distinct
			 * weeks): fall back to the mean. */
			memset(f->beta, 0, sizeof(f->beta));
			f->model = POOL_FC_MEAN;
			f->p = 1;
			for (t = 0; t < n; t++)
				f->beta[0] += y[t] / (double)n;
			f->sigma = NAN;
			return;
		}
		for (i = 0; i < p; i++) {
			f->beta[i] = 0;
			for (j = 0; j < p; j++)
				f->beta[i] += f->xtxi[i * p + j] * xty[j];
		}
		for (t = 0; t < n; t++) {
			double	 m = 0;

			fc_row(x, p, (double)t, mon0 + 7 * (int64_t)t);
			for (i = 0; i < p; i++)
				m += x[i] * f->beta[i];
			r[t] = y[t] - m;
			ar[t] = fabs(r[t]);
		}
		if (f->model != POOL_FC_SEASONAL)
			break;
		/* Week corrections: the mean residual of an ISO week, where
		 * it stands out of the noise. */
		qsort(ar, n, sizeof(*ar), dbl_cmp);
		mad = n % 2 ? ar[n / 2] : (ar[n / 2 - 1] + ar[n / 2]) / 2;
		sd = 1.4826 * mad;
		memset(sum, 0, sizeof(sum));
		memset(cnt, 0, sizeof(cnt));
		for (t = 0; t < n; t++) {
			w = fc_week(mon0 + 7 * (int64_t)t);
			sum[w] += r[t];
			cnt[w]++;
		}
		for (w = 0; w < 54; w++) {
			e = cnt[w] ? sum[w] / cnt[w] : 0;
			if (cnt[w] && fabs(e) * sqrt(cnt[w]) > FC_EFFECT_Z * sd) {
				f->eff[w] = e * (1 - FC_EFFECT_Z * FC_EFFECT_Z *
				    sd * sd / (cnt[w] * e * e));
				f->neff[w] = cnt[w];
			} else {
				f->eff[w] = 0;
				f->neff[w] = 0;
			}
		}
	}
	/* Residual standard deviation of the final fit. */
	{
		double	 ss = 0;
		long	 dof = (long)n - p;

		for (t = 0; t < n; t++) {
			w = fc_week(mon0 + 7 * (int64_t)t);
			ss += (r[t] - f->eff[w]) * (r[t] - f->eff[w]);
		}
		for (w = 0; w < 54; w++)
			if (f->neff[w] > 0)
				dof--;
		if (dof < 1)
			dof = 1;
		f->sigma = sqrt(ss / (double)dof);
	}
}

/* The forecast h weeks after the last week of the fit. */
static void
fc_predict(const struct fc_fit *f, int h, double *mean, double *lo,
    double *hi)
{
	double	 x[FC_MAXP], tt, damp = 0, ph = 1, m = 0, lev = 0, var;
	int64_t	 mon = f->mon0 + 7 * ((int64_t)f->n - 1 + h);
	int	 i, j, w, p = f->p;

	if (f->model == POOL_FC_NONE) {
		*mean = *lo = *hi = NAN;
		return;
	}
	if (f->model == POOL_FC_MEAN) {
		*mean = f->beta[0];
		*lo = *hi = NAN;
		return;
	}
	for (i = 1; i <= h; i++)
		damp += (ph *= FC_PHI);
	tt = (double)f->n - 1 + damp;
	fc_row(x, p, tt, mon);
	for (i = 0; i < p; i++)
		m += x[i] * f->beta[i];
	for (i = 0; i < p; i++)
		for (j = 0; j < p; j++)
			lev += x[i] * f->xtxi[i * p + j] * x[j];
	w = fc_week(mon);
	m += f->eff[w];
	var = f->sigma * f->sigma * (1 + lev +
	    (f->neff[w] > 0 ? 1.0 / f->neff[w] : 0));
	*mean = m > 0 ? m : 0;
	*lo = m - FC_Z80 * sqrt(var);
	*hi = m + FC_Z80 * sqrt(var);
	if (*lo < 0)
		*lo = 0;
	if (*hi < 0)
		*hi = 0;
}

int
pool_outlook_forecast(const double *y, size_t n, int64_t mon0, int h,
    double *mean, double *lo, double *hi)
{
	struct fc_fit	 f;
	double		*tmp;
	int		 k;

	if ((tmp = malloc(sizeof(double) * (2 * n + 1))) == NULL)
		return -1;
	fc_fit(&f, y, n, mon0, tmp);
	free(tmp);
	for (k = 0; k < h; k++)
		fc_predict(&f, k + 1, &mean[k], &lo[k], &hi[k]);
	return f.model;
}

/* The straight line of the old outlook: least squares over the last
 * FC_LINE_WEEKS weeks, h weeks ahead, not below 0. */
static double
fc_line(const double *y, size_t n, int h)
{
	double	 sx = 0, sy = 0, sxx = 0, sxy = 0, np = 0, a, b, v;
	size_t	 t = n > FC_LINE_WEEKS ? n - FC_LINE_WEEKS : 0;

	for (; t < n; t++) {
		double	 x = (double)t - (double)(n - 1);

		sx += x;
		sy += y[t];
		sxx += x * x;
		sxy += x * y[t];
		np++;
	}
	if (np >= 2 && np * sxx - sx * sx != 0) {
		b = (np * sxy - sx * sy) / (np * sxx - sx * sx);
		a = (sy - b * sx) / np;
	} else {
		b = 0;
		a = np > 0 ? sy / np : 0;
	}
	v = a + b * h;
	return v > 0 ? v : 0;
}

int
pool_outlook_backtest(const double *y, size_t n, int64_t mon0,
    struct pool_fc_score *s)
{
	struct fc_fit	 f;
	double		*tmp, m, lo, hi, sn, ln;
	size_t		 o;
	int		 h;

	memset(s, 0, sizeof(*s));
	if (n <= FC_SEASON)
		return 0;
	if ((tmp = malloc(sizeof(double) * (2 * n + 1))) == NULL)
		return -1;
	for (o = FC_SEASON; o < n; o++) {
		fc_fit(&f, y, o, mon0, tmp);
		for (h = 1; h <= FC_BT_HORIZON && o + (size_t)h - 1 < n; h++) {
			double	 a = y[o + (size_t)h - 1];

			if (a <= 0)
				continue;
			fc_predict(&f, h, &m, &lo, &hi);
			sn = y[o + (size_t)h - 1 - FC_SEASON];
			ln = fc_line(y, o, h);
			s->n++;
			s->mape += fabs(m - a) / a;
			s->mape_snaive += fabs(sn - a) / a;
			s->mape_line += fabs(ln - a) / a;
			if (a >= lo && a <= hi)
				s->covered++;
		}
	}
	free(tmp);
	if (s->n > 0) {
		s->mape *= 100.0 / (double)s->n;
		s->mape_snaive *= 100.0 / (double)s->n;
		s->mape_line *= 100.0 / (double)s->n;
		s->coverage = 100.0 * (double)s->covered / (double)s->n;
	}
	return 0;
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

