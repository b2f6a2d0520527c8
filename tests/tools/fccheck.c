/*
 * fccheck: judge the outlook's demand forecast on generated histories.
 *
 *   fccheck [-v] [-G growth] [-s first-seed] [-n seeds] [-r roles]
 *	     [-w weeks]
 *
 * For each seed it draws a history of weeks (default 104: two years)
 * for each of roles roles (histgen.h), runs the rolling-origin backtest
 * of the report (every origin after the first year, up to 13 weeks
 * ahead) and prints the mean absolute percentage error of the forecast,
 * of the seasonal-naive forecast (same week a year before) and of the
 * straight line (least squares over the last 8 weeks), and the share of
 * actuals inside the 80% interval.  The last lines give the worst case
 * over the seeds; the exit status is 1 if in any seed the forecast's
 * error is not at least 10% below both others' or the coverage lies
 * outside 60-97%.  -v prints each role's drawn shape and scores; -G
 * draws the yearly growth between -growth and +growth instead of
 * -5%..+10% (a harder history: more change from year to year).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "pool_int.h"
#include "pool_time.h"
#include "histgen.h"

int
main(int argc, char **argv)
{
	unsigned long	 seed0 = 1, nseeds = 50, nroles = 3, nweeks = 104;
	double		 worst_sn = 0, worst_ln = 0, cov_lo = 100, cov_hi = 0;
	double		 sum_m = 0, sum_sn = 0, sum_ln = 0, sum_cov = 0;
	unsigned long	 i, r, t, bad = 0;
	double		*y;
	double		 gmax = -1;
	int		 ch, verbose = 0;

	while ((ch = getopt(argc, argv, "G:s:n:r:vw:")) != -1) {
		switch (ch) {
		case 's': seed0 = strtoul(optarg, NULL, 10); break;
		case 'n': nseeds = strtoul(optarg, NULL, 10); break;
		case 'r': nroles = strtoul(optarg, NULL, 10); break;
		case 'G': gmax = strtod(optarg, NULL); break;
		case 'v': verbose = 1; break;
		case 'w': nweeks = strtoul(optarg, NULL, 10); break;
		default:
			fprintf(stderr, "usage: fccheck [-v] [-G growth] [-s seed] [-n seeds] "
			    "[-r roles] [-w weeks]\n");
			return 2;
		}
	}
	if (nseeds == 0 || nroles == 0 || nweeks < 60 || nweeks > 1040) {
		fprintf(stderr, "fccheck: bad -n, -r or -w\n");
		return 2;
	}
	if ((y = malloc(nweeks * sizeof(*y))) == NULL)
		return 1;
	printf("%-8s %8s %8s %8s %8s %6s\n", "seed", "mape", "snaive",
	    "line", "coverage", "n");
	for (i = 0; i < nseeds; i++) {
		uint64_t	 s = seed0 + i;
		int64_t		 mon0;
		double		 m = 0, sn = 0, ln = 0, cov = 0;
		long		 n = 0;

		/* A Monday between 2018 and 2024. */
		mon0 = pool_time_days_from_civil(2018, 1, 1) +
		    (int64_t)(hg_unif(&s) * 6 * 365);
		mon0 -= pool_time_weekday(mon0) - 1;
		for (r = 0; r < nroles; r++) {
			struct histgen		 g;
			struct pool_fc_score	 sc;

			hg_draw(&g, &s, 40, 900);
			if (gmax >= 0)
				g.growth = gmax * (2 * hg_unif(&s) - 1);
			for (t = 0; t < nweeks; t++)
				y[t] = hg_week(&g, mon0 + 7 * (int64_t)t,
				    (double)t / 52.18, &s);
			if (pool_outlook_backtest(y, nweeks, mon0, &sc) == -1) {
				fprintf(stderr, "fccheck: out of memory\n");
				return 1;
			}
			if (verbose)
				printf("  role %lu: base %.0f growth %+.3f winter "
				    "%.3f peak W%.1f summer W%d %.3f xmas %.3f "
				    "noise %.3f: mape %.2f%% snaive %.2f%% line "
				    "%.2f%% coverage %.1f%%\n", r, g.base,
				    g.growth, g.winter, g.peak, g.summer_from,
				    g.summer, g.xmas, g.noise, sc.mape,
				    sc.mape_snaive, sc.mape_line, sc.coverage);
			m += sc.mape * (double)sc.n;
			sn += sc.mape_snaive * (double)sc.n;
			ln += sc.mape_line * (double)sc.n;
			cov += sc.coverage * (double)sc.n;
			n += sc.n;
		}
		m /= (double)n;
		sn /= (double)n;
		ln /= (double)n;
		cov /= (double)n;
		printf("%-8lu %7.2f%% %7.2f%% %7.2f%% %7.1f%% %6ld\n",
		    seed0 + i, m, sn, ln, cov, n);
		if (m / sn > worst_sn)
			worst_sn = m / sn;
		if (m / ln > worst_ln)
			worst_ln = m / ln;
		if (cov < cov_lo)
			cov_lo = cov;
		if (cov > cov_hi)
			cov_hi = cov;
		if (m > 0.9 * sn || m > 0.9 * ln || cov < 60 || cov > 97)
			bad++;
		sum_m += m;
		sum_sn += sn;
		sum_ln += ln;
		sum_cov += cov;
	}
	printf("mean over %lu seeds: mape %.2f%%, seasonal-naive %.2f%%, "
	    "line %.2f%%, coverage %.1f%%\n", nseeds, sum_m / (double)nseeds,
	    sum_sn / (double)nseeds, sum_ln / (double)nseeds,
	    sum_cov / (double)nseeds);
	printf("worst seed: mape/seasonal-naive %.3f, mape/line %.3f, "
	    "coverage %.1f%%..%.1f%%\n", worst_sn, worst_ln, cov_lo, cov_hi);
	printf("%lu of %lu seeds miss the bar (10%% below both, 60-97%% "
	    "covered)\n", bad, nseeds);
	free(y);
	return bad > 0;
}
