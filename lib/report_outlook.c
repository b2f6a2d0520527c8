/*
 * The outlook section of pool-report: demand per role and ISO week
 * against the supply of the pool's workers.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool_config.h"
#include "pool_int.h"
#include "pool_report.h"
#include "pool_time.h"

#define TRY(x)	do { if ((x) == -1) goto fail; } while (0)

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
 * a, b, c, d, x are least squares, with a prior that pulls the trend b
 * towards flat as far as it is lost in the noise: with one year of
 * history a trend and a season are hard to tell apart.  The prior's
 * variance is b squared from the round before (empirical Bayes: sigma^2 /
 * b^2 added to the diagonal of b), so a clear trend stays and a trend the
 * noise could have made shrinks.  The line without a season has no
 * prior.  e_w is the mean residual of week w over the years, shrunk
 * towards 0 (James-Stein, positive part, at FC_EFFECT_Z standard errors;
 * the noise measured by the median absolute residual); the two are
 * fitted in turn a few times.  The trend is damped when extrapolated: h weeks ahead it adds
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
#define FC_ROUNDS	3
#define FC_MAXP		(3 + 2 * FC_HARMONICS)
#define FC_LINE_WEEKS	8	/* the straight line of the backtest */
#define FC_BT_HORIZON	13	/* backtest: a quarter ahead */
#define FC_MAX_WEEKS	520	/* history read: ten years at most */

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
	double	 x[FC_MAXP], xty[FC_MAXP], sum[54], *r = tmp, *ar = tmp + n, lam;
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
	lam = 0;
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
		if (f->model == POOL_FC_SEASONAL)
			f->xtxi[1 * p + 1] += lam;
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
		/* The prior on the trend for the next round: as wide as
		 * the trend found. */
		lam = sd * sd / (f->beta[1] * f->beta[1] + 1e-12);
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

/* ---- outflow: leaving rates from the pool's own memberships ---- */

/*
 * A worker's membership runs from valid_from to valid_until.  Leaving
 * is a constant hazard within two tenure bands (first year, later
 * years): per role and band, leavings / days at risk, over the history
 * observed (from its first day, or the worker's start if later, to the
 * end of the period).  A membership that ended on or before the end of
 * the period is a leaving; one still running, or ending later, is
 * counted up to the end of the period.  A role with less than
 * OF_MIN_DAYS days at risk in a band borrows the rate of all roles.
 */
#define OF_BAND		365	/* days: the first tenure band */
#define OF_MIN_DAYS	365.0

struct outflow {
	double	 ev[2], days[2];	/* leavings and days at risk */
	double	 rate[2];		/* per day */
};

/* Days of [a, b) (tenure) in band 0 and band 1. */
static void
of_split(double a, double b, double *d0, double *d1)
{
	*d0 = *d1 = 0;
	if (b <= a)
		return;
	if (a < OF_BAND)
		*d0 = (b < OF_BAND ? b : OF_BAND) - a;
	if (b > OF_BAND)
		*d1 = b - (a > OF_BAND ? a : OF_BAND);
}

/* The cumulative hazard between tenures a and b. */
static double
of_hazard(const struct outflow *o, double a, double b)
{
	double	 d0, d1;

	of_split(a, b, &d0, &d1);
	return o->rate[0] * d0 + o->rate[1] * d1;
}

static int64_t
of_start(const struct pool_worker *w, int64_t obs)
{
	return w->valid_from != INT32_MIN ? w->valid_from : obs;
}

/* Add a worker's exposure and leaving (observation from day obs to the
 * end of the period pt). */
static void
of_add(struct outflow *o, const struct pool_worker *w, int64_t obs,
    int64_t pt)
{
	int64_t	 st = of_start(w, obs), from = st > obs ? st : obs, to;
	int	 left = w->valid_until != INT32_MAX && w->valid_until <= pt;
	double	 d0, d1;

	to = left ? w->valid_until + 1 : pt + 1;
	if (to <= from)
		return;
	of_split((double)(from - st), (double)(to - st), &d0, &d1);
	o->days[0] += d0;
	o->days[1] += d1;
	if (left)
		o->ev[to - st - 1 < OF_BAND ? 0 : 1]++;
}

static void
of_rates(struct outflow *o, const struct outflow *all)
{
	int	 b;

	for (b = 0; b < 2; b++) {
		if (o->days[b] >= OF_MIN_DAYS)
			o->rate[b] = o->ev[b] / o->days[b];
		else if (all != NULL && all->days[b] > 0)
			o->rate[b] = all->rate[b];
		else if (all != NULL && all->days[0] + all->days[1] > 0)
			o->rate[b] = (all->ev[0] + all->ev[1]) /
			    (all->days[0] + all->days[1]);
		else
			o->rate[b] = o->days[b] > 0 ? o->ev[b] / o->days[b] : 0;
	}
}

/*
 * The chance that worker w works on day day, seen from the end of the
 * period pt: 0 outside its known dates; a known end is certain; without
 * one it may leave by the rates of o from pt (or its later start) on.
 */
static double
of_present(const struct outflow *o, const struct pool_worker *w, int64_t obs,
    int64_t pt, int64_t day)
{
	int64_t	 st = of_start(w, obs), from;

	if ((w->valid_from != INT32_MIN && day < w->valid_from) ||
	    day > w->valid_until)
		return 0;
	if (w->valid_until != INT32_MAX)
		return 1;
	from = st > pt ? st : pt;
	if (day <= from)
		return 1;
	return exp(-of_hazard(o, (double)(from - st), (double)(day - st)));
}

/* ---- the tables ---- */

/* The words of the outlook for people, in one place. */
static const struct {
	const char	*t_rows, *t_outflow, *t_trust, *t_lines;
	const char	*models[4];
	const char	*months[12];
	const char	*short_range, *short_one, *short_upto, *short_point;
	const char	*covered;
	const char	*note_trust, *note_short, *note_rows;
} txt = {
	"Outlook: demand forecast against supply per role",
	"Outlook: expected leavers per role and quarter",
	"Outlook: how far to trust the demand forecast (backtest)",
	"Outlook: shortages per role and month",
	{ "none", "mean", "damped line", "seasonal" },
	{ "January", "February", "March", "April", "May", "June", "July",
	  "August", "September", "October", "November", "December" },
	"%s: %.0f-%.0f h per week short in %s (80%%)",
	"%s: %.0f h per week short in %s (80%%)",
	"%s: up to %.0f h per week short in %s (80%%)",
	"%s: %.0f h per week short in %s (no interval: too little history)",
	"%s: covered in %s (80%%)",
	"Rolling origin: from every week after the first year, 1 to 13 weeks "
	    "ahead; mean absolute error in % of the actual hours, of this "
	    "forecast, of the same week a year before and of a straight line "
	    "through the last 8 weeks; coverage: actual weeks inside the 80% "
	    "interval.  Models: seasonal (a year of history or more), damped "
	    "line (less), mean (under 3 weeks).",
	"Shortage: demand (80% interval, or booked hours if more) above the "
	    "expected supply, mean per week of the month.",
	"Supply: contract hours of the workers expected to stay (leaving "
	    "rates of the outflow table); outflow: contract hours expected to "
	    "have left."
};

/* The role's name for people: pool.yaml's name, else its id. */
static const char *
role_label(const struct pool_outlook_in *in, const char *role)
{
	const struct pool_role_conf *rc;

	if (in->o->conf != NULL &&
	    (rc = pool_config_role(in->o->conf, role)) != NULL &&
	    rc->name != NULL)
		return rc->name;
	return role;
}

/* One role's forecast, per week of the horizon. */
struct fweek {
	double	 demand, lo, hi, booked, supply, known, leavers;
	long	 workers, starting, ending;
	int	 supp;
};

static int
add_num_or_empty(struct pool_table *t, double v, struct pool_error *err)
{
	return isnan(v) ? pool_table_empty(t, err) : pool_table_num(t, v, err);
}

static int
outlook_cols(struct pool_table *t, struct pool_error *err)
{
	static const struct { const char *key, *label; int type; } c[] = {
		{ "role", "role", POOL_CELL_TEXT },
		{ "week", "week", POOL_CELL_TEXT },
		{ "demand", "demand", POOL_CELL_HOURS },
		{ "demand_low", "low", POOL_CELL_HOURS },
		{ "demand_high", "high", POOL_CELL_HOURS },
		{ "booked", "booked", POOL_CELL_HOURS },
		{ "supply", "supply", POOL_CELL_HOURS },
		{ "outflow", "outflow", POOL_CELL_HOURS },
		{ "gap", "gap", POOL_CELL_HOURS },
		{ "gap_low", "gap low", POOL_CELL_HOURS },
		{ "gap_high", "gap high", POOL_CELL_HOURS },
		{ "workers", "workers", POOL_CELL_INT },
		{ "starting", "starting", POOL_CELL_INT },
		{ "ending", "ending", POOL_CELL_INT },
		{ "leavers", "exp. leavers", POOL_CELL_HOURS }
	};
	size_t	 i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++)
		if (pool_table_col(t, c[i].key, c[i].label,
		    (enum pool_cell_type)c[i].type, err) == -1)
			return -1;
	return 0;
}

/* The steering lines of one role: per calendar month of the horizon,
 * the mean shortage per week. */
static int
outlook_lines(const struct pool_outlook_in *in, struct pool_table *t,
    const char *role, const struct fweek *fw, int nw, int64_t first,
    struct pool_error *err)
{
	char	 line[256];
	int	 k = 0;

	while (k < nw) {
		int	 y, mon, d, y2, mon2, n = 0, point = 0;
		double	 lo = 0, hi = 0;
		char	 mbuf[16];

		pool_time_civil_from_days(first + 7 * k + 3, &y, &mon, &d);
		for (; k < nw; k++) {
			const struct fweek *w = &fw[k];
			double	 nl, nh;

			pool_time_civil_from_days(first + 7 * k + 3, &y2, &mon2,
			    &d);
			if (y2 != y || mon2 != mon)
				break;
			if (w->supp || isnan(w->demand))
				continue;
			if (isnan(w->lo)) {
				point = 1;
				nl = nh = w->demand;
			} else {
				nl = w->lo;
				nh = w->hi;
			}
			if (w->booked > nl)
				nl = w->booked;
			if (w->booked > nh)
				nh = w->booked;
			lo += nl > w->supply ? nl - w->supply : 0;
			hi += nh > w->supply ? nh - w->supply : 0;
			n++;
		}
		if (n == 0)
			continue;
		lo /= n;
		hi /= n;
		snprintf(mbuf, sizeof(mbuf), "%04d-%02d", y, mon);
		if (point && hi >= 0.5)
			snprintf(line, sizeof(line), txt.short_point,
			    role_label(in, role), hi, txt.months[mon - 1]);
		else if (hi < 0.5)
			snprintf(line, sizeof(line), txt.covered,
			    role_label(in, role), txt.months[mon - 1]);
		else if (lo < 0.5)
			snprintf(line, sizeof(line), txt.short_upto,
			    role_label(in, role), hi, txt.months[mon - 1]);
		else if (floor(lo + 0.5) == floor(hi + 0.5))
			snprintf(line, sizeof(line), txt.short_one,
			    role_label(in, role), hi, txt.months[mon - 1]);
		else
			snprintf(line, sizeof(line), txt.short_range,
			    role_label(in, role), lo, hi, txt.months[mon - 1]);
		TRY(pool_table_row(t, err));
		TRY(pool_table_text(t, role, err));
		TRY(pool_table_text(t, mbuf, err));
		TRY(pool_table_num(t, lo, err));
		TRY(pool_table_num(t, hi, err));
		TRY(pool_table_text(t, line, err));
	}
	return 0;
fail:
	return -1;
}

int
pool_outlook_build(const struct pool_outlook_in *in, struct pool_report *rep,
    struct pool_table **main, long *nsupp, struct pool_error *err)
{
	struct pool_data *d = in->d;
	struct pool_table *t = NULL, *tl = NULL, *to = NULL, *tt = NULL;
	struct outflow	 all, *of = NULL;
	struct fweek	*fw = NULL;
	const char	**roles = NULL;
	double		*y = NULL, *mean = NULL, *lo = NULL, *hi = NULL;
	size_t		 nroles = 0, i, j, k, h0;
	int64_t		 pt, ref, first, obs;
	int		 nw = in->o->weeks, wk;
	char		 buf[32];

	*nsupp = 0;
	pt = in->to;
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

	/* Outflow: observed from the first week of the shift history
	 * (without one, from the earliest start) to the end of the
	 * period. */
	obs = pt;
	for (i = 0; i < in->nhist; i++)
		if (in->hist[i].monday < obs)
			obs = in->hist[i].monday;
	for (i = 0; in->nhist == 0 && i < d->workers.n; i++)
		if (d->workers.v[i].valid_from != INT32_MIN &&
		    d->workers.v[i].valid_from < obs)
			obs = d->workers.v[i].valid_from;
	memset(&all, 0, sizeof(all));
	if ((of = calloc(nroles + 1, sizeof(*of))) == NULL ||
	    (fw = calloc((size_t)nw + 1, sizeof(*fw))) == NULL ||
	    (mean = calloc((size_t)nw + 1, sizeof(*mean))) == NULL ||
	    (lo = calloc((size_t)nw + 1, sizeof(*lo))) == NULL ||
	    (hi = calloc((size_t)nw + 1, sizeof(*hi))) == NULL)
		goto oom;
	for (k = 0; k < d->workers.n; k++) {
		const struct pool_worker *wr = &d->workers.v[k];
		const char **rp;

		if (pool_data_worker(d, wr->id) != (long)k)
			continue;
		rp = bsearch(&wr->roles.v[0], roles, nroles, sizeof(*roles),
		    str_cmp);
		of_add(&of[rp - roles], wr, obs, pt);
		of_add(&all, wr, obs, pt);
	}
	of_rates(&all, NULL);
	for (i = 0; i < nroles; i++)
		of_rates(&of[i], &all);

	if ((t = pool_table_new("outlook", "outlook", txt.t_rows,
	    "report.outlook", err)) == NULL)
		goto fail;
	TRY(outlook_cols(t, err));
	TRY(pool_table_set_note(t, txt.note_rows, err));
	if ((tl = pool_table_new("outlook", "outlook-lines", txt.t_lines,
	    "report.outlook_lines", err)) == NULL)
		goto fail;
	TRY(pool_table_col(tl, "role", "role", POOL_CELL_TEXT, err));
	TRY(pool_table_col(tl, "month", "month", POOL_CELL_TEXT, err));
	TRY(pool_table_col(tl, "short_low", "short low", POOL_CELL_HOURS,
	    err));
	TRY(pool_table_col(tl, "short_high", "short high", POOL_CELL_HOURS,
	    err));
	TRY(pool_table_col(tl, "line", "outlook", POOL_CELL_TEXT, err));
	TRY(pool_table_set_note(tl, txt.note_short, err));
	if ((to = pool_table_new("outlook", "outlook-outflow", txt.t_outflow,
	    "report.outlook_outflow", err)) == NULL)
		goto fail;
	TRY(pool_table_col(to, "role", "role", POOL_CELL_TEXT, err));
	TRY(pool_table_col(to, "quarter", "quarter", POOL_CELL_TEXT, err));
	TRY(pool_table_col(to, "workers", "workers", POOL_CELL_INT, err));
	TRY(pool_table_col(to, "known_ends", "known ends", POOL_CELL_INT,
	    err));
	TRY(pool_table_col(to, "expected_leavers", "expected leavers",
	    POOL_CELL_HOURS, err));
	TRY(pool_table_col(to, "leaving_rate", "leaving rate/year",
	    POOL_CELL_PERCENT, err));
	TRY(pool_table_col(to, "leavings_seen", "leavings seen",
	    POOL_CELL_INT, err));
	to->min_cell = in->o->min_cell;
	if ((tt = pool_table_new("outlook", "outlook-backtest", txt.t_trust,
	    "report.outlook_backtest", err)) == NULL)
		goto fail;
	TRY(pool_table_col(tt, "role", "role", POOL_CELL_TEXT, err));
	TRY(pool_table_col(tt, "model", "model", POOL_CELL_TEXT, err));
	TRY(pool_table_col(tt, "history_weeks", "weeks", POOL_CELL_INT, err));
	TRY(pool_table_col(tt, "mape", "error", POOL_CELL_PERCENT, err));
	TRY(pool_table_col(tt, "mape_seasonal_naive", "same week last year",
	    POOL_CELL_PERCENT, err));
	TRY(pool_table_col(tt, "mape_line", "straight line",
	    POOL_CELL_PERCENT, err));
	TRY(pool_table_col(tt, "coverage", "in 80% interval",
	    POOL_CELL_PERCENT, err));
	TRY(pool_table_col(tt, "forecasts", "forecasts", POOL_CELL_INT, err));
	TRY(pool_table_set_note(tt, txt.note_trust, err));

	h0 = 0;
	for (i = 0; i < nroles; i++) {
		const char *role = roles[i];
		struct pool_fc_score sc;
		int64_t	 m0 = INT64_MAX;
		size_t	 n = 0, h1;
		int	 model;

		/* The role's weekly series up to the period's last week. */
		while (h0 < in->nhist && in->hist[h0].role != role)
			h0++;
		for (h1 = h0; h1 < in->nhist && in->hist[h1].role == role; h1++)
			if (in->hist[h1].monday <= ref && m0 == INT64_MAX)
				m0 = in->hist[h1].monday;
		if (m0 != INT64_MAX) {
			/* At most the last FC_MAX_WEEKS weeks. */
			if ((ref - m0) / 7 + 1 > FC_MAX_WEEKS)
				m0 = ref - 7 * (FC_MAX_WEEKS - 1);
			n = (size_t)((ref - m0) / 7 + 1);
			free(y);
			if ((y = calloc(n, sizeof(*y))) == NULL)
				goto oom;
			for (k = h0; k < h1; k++)
				if (in->hist[k].monday <= ref &&
				    in->hist[k].monday >= m0)
					y[(in->hist[k].monday - m0) / 7] +=
					    in->hist[k].hours;
			/* Cut at the first week with hours. */
			for (k = 0; k < n && y[k] == 0; k++)
				;
			if (k > 0 && k < n) {
				memmove(y, y + k, (n - k) * sizeof(*y));
				n -= k;
				m0 += 7 * (int64_t)k;
			}
		}
		if ((model = pool_outlook_forecast(y, n, m0, nw, mean, lo, hi))
		    == -1 || pool_outlook_backtest(y, n, m0, &sc) == -1)
			goto oom;
		for (wk = 0; wk < nw; wk++) {
			int64_t	 mon = first + 7 * wk, sun = mon + 6;
			struct fweek *w = &fw[wk];

			memset(w, 0, sizeof(*w));
			w->demand = mean[wk];
			w->lo = lo[wk];
			w->hi = hi[wk];
			for (k = h0; k < h1; k++)
				if (in->hist[k].monday == mon)
					w->booked = in->hist[k].hours;
			for (k = 0; k < d->workers.n; k++) {
				const struct pool_worker *wr = &d->workers.v[k];
				double	 p;

				if (wr->roles.v[0] != role ||
				    pool_data_worker(d, wr->id) != (long)k)
					continue;
				if (wr->valid_from >= mon && wr->valid_from <= sun)
					w->starting++;
				if (wr->valid_until >= mon &&
				    wr->valid_until <= sun)
					w->ending++;
				if (wr->valid_from > sun || wr->valid_until < mon)
					continue;
				w->workers++;
				p = of_present(&of[i], wr, obs, pt, mon + 3);
				if (wr->valid_until == INT32_MAX)
					w->leavers += 1 - p;
				if (wr->contract_hours >= 0) {
					w->known += wr->contract_hours;
					w->supply += p * wr->contract_hours;
				}
			}
			w->supp = pool_report_suppress(in->o, w->workers);
		}
		for (wk = 0; wk < nw; wk++) {
			const struct fweek *w = &fw[wk];
			double	 nd = w->demand, nl = w->lo, nh = w->hi;
			int	 yy, ww;

			pool_time_iso_week(first + 7 * wk, &yy, &ww);
			if (yy > 9999)
				break;	/* no week after the year 9999 */
			TRY(pool_table_row(t, err));
			TRY(pool_table_text(t, role, err));
			pool_time_format_iso_week(first + 7 * wk, buf);
			TRY(pool_table_text(t, buf, err));
			TRY(add_num_or_empty(t, nd, err));
			TRY(add_num_or_empty(t, nl, err));
			TRY(add_num_or_empty(t, nh, err));
			TRY(pool_table_num(t, w->booked, err));
			if (!isnan(nd) && w->booked > nd)
				nd = w->booked;
			if (!isnan(nl) && w->booked > nl)
				nl = w->booked;
			if (!isnan(nh) && w->booked > nh)
				nh = w->booked;
			if (isnan(nd))
				nd = nl = nh = w->booked;
			if (w->supp) {
				(*nsupp)++;
				for (k = 0; k < 6; k++)
					TRY(pool_table_suppressed(t, err));
			} else {
				TRY(pool_table_num(t, w->supply, err));
				TRY(pool_table_num(t, w->known - w->supply,
				    err));
				TRY(pool_table_num(t, w->supply - nd, err));
				TRY(add_num_or_empty(t, w->supply - nh, err));
				TRY(add_num_or_empty(t, w->supply - nl, err));
				TRY(pool_table_num(t, (double)w->workers, err));
			}
			TRY(pool_table_num(t, (double)w->starting, err));
			TRY(pool_table_num(t, (double)w->ending, err));
			if (w->supp)
				TRY(pool_table_suppressed(t, err));
			else
				TRY(pool_table_num(t, w->leavers, err));
		}
		TRY(outlook_lines(in, tl, role, fw, nw, first, err));

		/* Outflow per quarter: the quarters of the horizon, at least
		 * the next 13 weeks. */
		{
			int64_t	 qa, qb, hend = first + 7 * (nw > 13 ? nw : 13);
			int	 yy, mm, dd;

			pool_time_civil_from_days(first, &yy, &mm, &dd);
			qa = pool_time_days_from_civil(yy, 3 * ((mm - 1) / 3) + 1,
			    1);
			while (qa < hend) {
				double	 ex = 0;
				long	 nwork = 0, ends = 0;
				int	 osupp = 0;
				int	 y2, m2;

				pool_time_civil_from_days(qa, &yy, &mm, &dd);
				if (yy > 9999)
					break;	/* no quarter after 9999 */
				m2 = mm + 3;
				y2 = yy;
				if (m2 > 12) {
					m2 -= 12;
					y2++;
				}
				qb = pool_time_days_from_civil(y2, m2, 1);
				for (k = 0; k < d->workers.n; k++) {
					const struct pool_worker *wr =
					    &d->workers.v[k];
					int64_t	 a = qa > pt ? qa : pt;

					if (wr->valid_from != INT32_MIN &&
					    wr->valid_from > a)
						a = wr->valid_from;

					if (wr->roles.v[0] != role ||
					    pool_data_worker(d, wr->id) !=
					    (long)k)
						continue;
					if (wr->valid_from != INT32_MIN &&
					    wr->valid_from >= qb)
						continue;
					if (wr->valid_until < a)
						continue;
					nwork++;
					if (wr->valid_until < qb) {
						ends++;
						continue;
					}
					ex += of_present(&of[i], wr, obs, pt,
					    a) - of_present(&of[i], wr, obs,
					    pt, qb - 1);
				}
				snprintf(buf, sizeof(buf), "%04d-Q%d", yy,
				    (mm - 1) / 3 + 1);
				TRY(pool_table_row(to, err));
				TRY(pool_table_text(to, role, err));
				TRY(pool_table_text(to, buf, err));
				if (pool_report_suppress(in->o, nwork)) {
					osupp = 1;
					TRY(pool_table_suppressed(to, err));
					TRY(pool_table_suppressed(to, err));
					TRY(pool_table_suppressed(to, err));
				} else {
					TRY(pool_table_num(to, (double)nwork,
					    err));
					TRY(pool_table_num(to, (double)ends,
					    err));
					TRY(pool_table_num(to, ex, err));
				}
				TRY(pool_table_num(to, 100 * (1 - exp(-365 *
				    (of[i].days[0] + of[i].days[1] > 0 ?
				    (of[i].rate[0] * of[i].days[0] +
				    of[i].rate[1] * of[i].days[1]) /
				    (of[i].days[0] + of[i].days[1]) :
				    of[i].rate[0]))), err));
				if (osupp)
					TRY(pool_table_suppressed(to, err));
				else
					TRY(pool_table_num(to, of[i].ev[0] +
					    of[i].ev[1], err));
				qa = qb;
			}
		}

		TRY(pool_table_row(tt, err));
		TRY(pool_table_text(tt, role, err));
		TRY(pool_table_text(tt, txt.models[model], err));
		TRY(pool_table_num(tt, (double)n, err));
		if (sc.n > 0) {
			TRY(pool_table_num(tt, sc.mape, err));
			TRY(pool_table_num(tt, sc.mape_snaive, err));
			TRY(pool_table_num(tt, sc.mape_line, err));
			TRY(pool_table_num(tt, sc.coverage, err));
		} else
			for (k = 0; k < 4; k++)
				TRY(pool_table_empty(tt, err));
		TRY(pool_table_num(tt, (double)sc.n, err));
		h0 = h1;
	}
	free(roles);
	free(of);
	free(fw);
	free(y);
	free(mean);
	free(lo);
	free(hi);
	roles = NULL;
	of = NULL;
	fw = NULL;
	y = mean = lo = hi = NULL;
	*main = t;
	if (pool_report_add(rep, t, err) == -1) {
		t = NULL;
		goto fail;
	}
	t = NULL;
	if (pool_report_add(rep, tl, err) == -1) {
		tl = NULL;
		goto fail;
	}
	tl = NULL;
	if (pool_report_add(rep, to, err) == -1) {
		to = NULL;
		goto fail;
	}
	to = NULL;
	return pool_report_add(rep, tt, err);
oom:
	nomem(err);
fail:
	free(roles);
	free(of);
	free(fw);
	free(y);
	free(mean);
	free(lo);
	free(hi);
	pool_table_free(t);
	pool_table_free(tl);
	pool_table_free(to);
	pool_table_free(tt);
	return -1;
}
