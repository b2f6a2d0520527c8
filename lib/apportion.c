/*
 * Apportionment by the methods of Hamilton, D'Hondt, Sainte-Lague,
 * Huntington-Hill and Adams, in exact integer arithmetic, with per-item
 * bounds.  See pool_apportion.h for the contract.
 *
 * Outline:
 *  1. Items of positive weight first get the bounded quota
 *     q_i = clamp(lambda * w_i, lower_i, upper_i) with lambda such that
 *     the q_i add up to the units; lambda is found by fixing, round by
 *     round, the items that must sit at a bound (exact rationals).
 *  2. hamilton: every free item gets floor(q_i); the units left go to
 *     the largest remainders.
 *     Divisor methods: the units are the largest "signposts"
 *     w_i / d(k), k = 0, 1, ... of each item (units below the lower
 *     bound come first, units at or above the upper bound never).  We
 *     start from floor(q_i) and correct by single moves (add the best
 *     signpost not held, drop the worst held, or swap them) until the
 *     held set is the top of the order.  The number of moves is bounded
 *     by the distance of the start from the result, which is O(n);
 *     two indexed heaps (best signpost not held, worst held) make each
 *     move O(log n).
 *  3. Items of weight 0 get their minimum, and what no positive item
 *     can take is divided among them as if their weights were equal.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool.h"
#include "pool_apportion.h"
#include "pool_config.h"
#include "pool_int.h"

typedef unsigned __int128 u128;

/* A 256-bit unsigned number as two 128-bit halves. */
struct u256 {
	u128	hi, lo;
};

static struct u256
mul128(u128 a, u128 b)
{
	uint64_t	a0 = (uint64_t)a, a1 = (uint64_t)(a >> 64);
	uint64_t	b0 = (uint64_t)b, b1 = (uint64_t)(b >> 64);
	u128		p00 = (u128)a0 * b0, p01 = (u128)a0 * b1;
	u128		p10 = (u128)a1 * b0, p11 = (u128)a1 * b1;
	u128		mid, lo;
	struct u256	r;

	/* mid = p01 + p10 + (p00 >> 64), with carry into hi. */
	mid = (p00 >> 64) + (uint64_t)p01 + (uint64_t)p10;
	lo = (mid << 64) | (uint64_t)p00;
	r.lo = lo;
	r.hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
	return r;
}

static int
cmp256(struct u256 a, struct u256 b)
{
	if (a.hi != b.hi)
		return a.hi < b.hi ? -1 : 1;
	if (a.lo != b.lo)
		return a.lo < b.lo ? -1 : 1;
	return 0;
}

static u128
gcd128(u128 a, u128 b)
{
	while (b != 0) {
		u128 t = a % b;
		a = b;
		b = t;
	}
	return a;
}

static char *
u128_str(u128 v, char *buf, size_t len)
{
	char	tmp[48];
	size_t	i = sizeof(tmp);

	tmp[--i] = '\0';
	do {
		tmp[--i] = (char)('0' + (int)(v % 10));
		v /= 10;
	} while (v != 0);
	snprintf(buf, len, "%s", tmp + i);
	return buf;
}

/* Store the exact quota num/den (reduced) and its approximation. */
static void
set_quota(struct pool_apportion_item *it, u128 num, u128 den)
{
	char	a[48], b[48];
	u128	g;

	if (num == 0 || den == 0) {
		snprintf(it->quota, sizeof(it->quota), "0");
		it->quota_approx = 0;
		return;
	}
	g = gcd128(num, den);
	num /= g;
	den /= g;
	u128_str(num, a, sizeof(a));
	if (den == 1)
		snprintf(it->quota, sizeof(it->quota), "%s", a);
	else
		snprintf(it->quota, sizeof(it->quota), "%s/%s", a,
		    u128_str(den, b, sizeof(b)));
	it->quota_approx = (double)(long double)num / (double)(long double)den;
}

/*
 * Tie-break between items i and j when their priorities are equal:
 * > 0 if i goes first (larger weight, then smaller id, then index).
 */
static int
tiebreak(const struct pool_apportion_item *v, size_t i, size_t j)
{
	int	c;

	if (v[i].weight != v[j].weight)
		return v[i].weight > v[j].weight ? 1 : -1;
	if (v[i].id != NULL && v[j].id != NULL &&
	    (c = strcmp(v[i].id, v[j].id)) != 0)
		return c < 0 ? 1 : -1;
	if (i != j)
		return i < j ? 1 : -1;
	return 0;
}

/*
 * The priority of the (k+1)-th unit of an item: class 2 (below the
 * lower bound: always first), class 1 (divisor 0: infinite), or class 0
 * with the ratio num/den.
 */
struct prio {
	int	cls;
	u128	num, den;
};

static struct prio
prio_of(enum pool_alloc_method m, const struct pool_apportion_item *it,
    uint64_t k)
{
	struct prio	p;
	u128		w = it->weight;

	p.cls = 0;
	p.num = 0;
	p.den = 1;
	if (k < it->lower) {
		p.cls = 2;
		return p;
	}
	switch (m) {
	case POOL_METHOD_DHONDT:
		p.num = w;
		p.den = (u128)k + 1;
		break;
	case POOL_METHOD_SAINTE_LAGUE:
		p.num = 2 * w;
		p.den = 2 * (u128)k + 1;
		break;
	case POOL_METHOD_ADAMS:
		p.num = w;
		p.den = k;
		break;
	case POOL_METHOD_HUNTINGTON_HILL:
	default:
		p.num = w * w;
		p.den = (u128)k * ((u128)k + 1);
		break;
	}
	if (p.den == 0)
		p.cls = 1;
	return p;
}

/* Compare priorities only (no tie-break): <0, 0, >0. */
static int
prio_cmp(struct prio a, struct prio b)
{
	if (a.cls != b.cls)
		return a.cls < b.cls ? -1 : 1;
	if (a.cls != 0)
		return 0;
	return cmp256(mul128(a.num, b.den), mul128(b.num, a.den));
}

/* Total order of signposts (i, ki) and (j, kj): > 0 if the first ranks higher. */
static int
sign_cmp(enum pool_alloc_method m, const struct pool_apportion_item *v,
    size_t i, uint64_t ki, size_t j, uint64_t kj)
{
	int	c;

	c = prio_cmp(prio_of(m, &v[i], ki), prio_of(m, &v[j], kj));
	if (c != 0)
		return c;
	return tiebreak(v, i, j);
}

/*
 * Bounded quotas of the items idx[0..n) (all of positive weight) for
 * `units` units: fills num[] with numerators over the common
 * denominator *den (fixed items get bound * den).  Returns 0.
 */
static void
bounded_quotas(const struct pool_apportion_item *v, const size_t *idx,
    size_t n, uint64_t units, u128 *num, u128 *den, unsigned char *fixed)
{
	u128	R, S, ex, de;
	size_t	k;
	int	changed;

	memset(fixed, 0, n);	/* 0 free, 1 at upper, 2 at lower */
	for (;;) {
		R = units;
		S = 0;
		for (k = 0; k < n; k++) {
			const struct pool_apportion_item *it = &v[idx[k]];

			if (fixed[k] == 1)
				R -= it->upper;
			else if (fixed[k] == 2)
				R -= it->lower;
			else
				S += it->weight;
		}
		if (S == 0)
			break;
		/* t_k = R w_k / S; excess and deficit over the bounds, times S. */
		ex = de = 0;
		for (k = 0; k < n; k++) {
			const struct pool_apportion_item *it = &v[idx[k]];
			u128 t;

			if (fixed[k])
				continue;
			t = R * it->weight;
			if (it->upper != POOL_APPORTION_NOLIMIT &&
			    t > (u128)it->upper * S)
				ex += t - (u128)it->upper * S;
			else if (t < (u128)it->lower * S)
				de += (u128)it->lower * S - t;
		}
		if (ex == 0 && de == 0)
			break;
		changed = 0;
		for (k = 0; k < n; k++) {
			const struct pool_apportion_item *it = &v[idx[k]];
			u128 t;

			if (fixed[k])
				continue;
			t = R * it->weight;
			if (ex >= de && it->upper != POOL_APPORTION_NOLIMIT &&
			    t > (u128)it->upper * S) {
				fixed[k] = 1;
				changed = 1;
			} else if (ex < de && t < (u128)it->lower * S) {
				fixed[k] = 2;
				changed = 1;
			}
		}
		if (!changed)
			break;
	}
	if (S == 0)
		S = 1;
	*den = S;
	for (k = 0; k < n; k++) {
		const struct pool_apportion_item *it = &v[idx[k]];

		if (fixed[k] == 1)
			num[k] = (u128)it->upper * S;
		else if (fixed[k] == 2)
			num[k] = (u128)it->lower * S;
		else
			num[k] = R * it->weight;
	}
}

/* Context for sorting remainders in hamilton. */
struct hrem {
	size_t	item;
	u128	rem;
};

/* Remainders, largest first; arg: the items, for the tiebreak. */
static int
hrem_cmp(const void *a, const void *b, void *arg)
{
	const struct hrem	*x = a, *y = b;
	const struct pool_apportion_item *sort_items = arg;

	if (x->rem != y->rem)
		return x->rem > y->rem ? -1 : 1;
	return -tiebreak(sort_items, x->item, y->item);
}

static int
hamilton(struct pool_apportion_item *v, const size_t *idx, size_t n,
    uint64_t units, const u128 *num, u128 den, const unsigned char *fixed,
    struct pool_error *err)
{
	struct hrem	*r;
	size_t		 k, nr = 0;
	uint64_t	 given = 0, left;

	if ((r = calloc(n ? n : 1, sizeof(*r))) == NULL)
		return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
	for (k = 0; k < n; k++) {
		struct pool_apportion_item *it = &v[idx[k]];

		it->units = (uint64_t)(num[k] / den);
		given += it->units;
		if (!fixed[k] && num[k] % den != 0) {
			r[nr].item = idx[k];
			r[nr].rem = num[k] % den;
			nr++;
		}
	}
	left = units - given;
	pool_sort(r, nr, sizeof(*r), hrem_cmp, v);
	for (k = 0; k < left && k < nr; k++)
		v[r[k].item].units++;
	if (left > 0 && left < nr && r[left - 1].rem == r[left].rem) {
		for (k = 0; k < nr; k++)
			if (r[k].rem == r[left].rem)
				v[r[k].item].tie = 1;
	}
	free(r);
	return 0;
}

/*
 * An indexed binary heap of the items idx[0..n) (local indexes k): with
 * held 0 the item whose next unit ranks highest is on top, with held 1
 * the item whose last unit above its minimum ranks lowest.  Items that
 * cannot move (at the maximum, or at the minimum) sink to the bottom.
 */
struct heap {
	enum pool_alloc_method		 m;
	const struct pool_apportion_item *v;
	const size_t			*idx;
	size_t				*h, *pos, n;
	int				 held;
};

static int
heap_movable(const struct heap *hp, size_t k)
{
	const struct pool_apportion_item *x = &hp->v[hp->idx[k]];

	if (!hp->held)
		return x->units < x->upper;
	return x->units > 0 && x->units > x->lower;
}

/* > 0 if local a belongs above local b. */
static int
heap_above(const struct heap *hp, size_t a, size_t b)
{
	const struct pool_apportion_item *x = &hp->v[hp->idx[a]];
	const struct pool_apportion_item *y = &hp->v[hp->idx[b]];
	int	ma = heap_movable(hp, a), mb = heap_movable(hp, b);

	if (ma != mb)
		return ma - mb;
	if (!ma)
		return 0;
	if (!hp->held)
		return sign_cmp(hp->m, hp->v, hp->idx[a], x->units, hp->idx[b],
		    y->units);
	return -sign_cmp(hp->m, hp->v, hp->idx[a], x->units - 1, hp->idx[b],
	    y->units - 1);
}

static void
heap_swap(struct heap *hp, size_t i, size_t j)
{
	size_t	t = hp->h[i];

	hp->h[i] = hp->h[j];
	hp->h[j] = t;
	hp->pos[hp->h[i]] = i;
	hp->pos[hp->h[j]] = j;
}

static void
heap_down(struct heap *hp, size_t i)
{
	size_t	l, r, best;

	for (;;) {
		l = 2 * i + 1;
		r = l + 1;
		best = i;
		if (l < hp->n && heap_above(hp, hp->h[l], hp->h[best]) > 0)
			best = l;
		if (r < hp->n && heap_above(hp, hp->h[r], hp->h[best]) > 0)
			best = r;
		if (best == i)
			return;
		heap_swap(hp, i, best);
		i = best;
	}
}

/* Restore the heap after the units of local k changed. */
static void
heap_fix(struct heap *hp, size_t k)
{
	size_t	i = hp->pos[k];

	while (i > 0 && heap_above(hp, hp->h[i], hp->h[(i - 1) / 2]) > 0) {
		heap_swap(hp, i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
	heap_down(hp, i);
}

static int
heap_init(struct heap *hp, enum pool_alloc_method m,
    const struct pool_apportion_item *v, const size_t *idx, size_t n,
    int held)
{
	size_t	i;

	hp->m = m;
	hp->v = v;
	hp->idx = idx;
	hp->n = n;
	hp->held = held;
	hp->h = malloc(n * sizeof(*hp->h));
	hp->pos = malloc(n * sizeof(*hp->pos));
	if (hp->h == NULL || hp->pos == NULL) {
		free(hp->h);
		free(hp->pos);
		return -1;
	}
	for (i = 0; i < n; i++)
		hp->h[i] = hp->pos[i] = i;
	for (i = n / 2; i-- > 0; )
		heap_down(hp, i);
	return 0;
}

/* The local index on top, or -1 if no item can move. */
static long
heap_top(const struct heap *hp)
{
	if (hp->n == 0 || !heap_movable(hp, hp->h[0]))
		return -1;
	return (long)hp->h[0];
}

static int
divisor(enum pool_alloc_method m, struct pool_apportion_item *v,
    const size_t *idx, size_t n, uint64_t units, const u128 *num, u128 den)
{
	struct heap	up, down;
	uint64_t	sum = 0;
	size_t		k;
	long		i, j;
	struct prio	pi, pj;

	for (k = 0; k < n; k++) {
		struct pool_apportion_item *it = &v[idx[k]];
		uint64_t a = (uint64_t)(num[k] / den);

		if (a < it->lower)
			a = it->lower;
		if (a > it->upper)
			a = it->upper;
		it->units = a;
		sum += a;
	}
	if (heap_init(&up, m, v, idx, n, 0) != 0)
		return -1;
	if (heap_init(&down, m, v, idx, n, 1) != 0) {
		free(up.h);
		free(up.pos);
		return -1;
	}
	for (;;) {
		j = heap_top(&up);
		i = heap_top(&down);
		if (sum < units) {
			if (j < 0)
				break;
			v[idx[j]].units++;
			sum++;
		} else if (sum > units) {
			if (i < 0)
				break;
			v[idx[i]].units--;
			sum--;
		} else {
			if (i < 0 || j < 0 || sign_cmp(m, v, idx[j],
			    v[idx[j]].units, idx[i], v[idx[i]].units - 1) <= 0)
				break;
			v[idx[i]].units--;
			v[idx[j]].units++;
		}
		if (j >= 0) {
			heap_fix(&up, (size_t)j);
			heap_fix(&down, (size_t)j);
		}
		if (i >= 0 && i != j) {
			heap_fix(&up, (size_t)i);
			heap_fix(&down, (size_t)i);
		}
	}
	j = heap_top(&up);
	i = heap_top(&down);
	free(up.h);
	free(up.pos);
	free(down.h);
	free(down.pos);
	/* Flag a tie at the margin: equal priorities across the cut. */
	if (i < 0 || j < 0)
		return 0;
	pi = prio_of(m, &v[idx[i]], v[idx[i]].units - 1);
	pj = prio_of(m, &v[idx[j]], v[idx[j]].units);
	if (pi.cls == 2 || prio_cmp(pi, pj) != 0)
		return 0;
	for (k = 0; k < n; k++) {
		struct pool_apportion_item *it = &v[idx[k]];

		if ((it->units > it->lower &&
		    prio_cmp(prio_of(m, it, it->units - 1), pi) == 0) ||
		    (it->units < it->upper &&
		    prio_cmp(prio_of(m, it, it->units), pi) == 0))
			it->tie = 1;
	}
	return 0;
}

/* Apportion among the items idx[0..n) (positive weights). */
static int
apportion_set(enum pool_alloc_method m, struct pool_apportion_item *v,
    const size_t *idx, size_t n, uint64_t units, struct pool_error *err)
{
	u128		*num, den;
	unsigned char	*fixed;
	size_t		 k;
	int		 rc = 0;

	if (n == 0)
		return 0;
	num = calloc(n, sizeof(*num));
	fixed = calloc(n, 1);
	if (num == NULL || fixed == NULL) {
		free(num);
		free(fixed);
		return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
	}
	bounded_quotas(v, idx, n, units, num, &den, fixed);
	for (k = 0; k < n; k++)
		set_quota(&v[idx[k]], num[k], den);
	if (m == POOL_METHOD_HAMILTON)
		rc = hamilton(v, idx, n, units, num, den, fixed, err);
	else if (divisor(m, v, idx, n, units, num, den) != 0)
		rc = pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
	free(num);
	free(fixed);
	return rc;
}

int
pool_apportion(enum pool_alloc_method m, struct pool_apportion_item *v,
    size_t n, uint64_t units, struct pool_error *err)
{
	struct pool_apportion_item	*z = NULL;
	size_t				*pos, *zer, npos = 0, nzer = 0, k;
	uint64_t			 lo = 0, posmax = 0, zlo = 0, rest;
	int				 nolimit = 0, rc;
	char				 a[32], b[32];

	if (n > POOL_APPORTION_MAXITEMS)
		return pool_error_set(err, POOL_ELIMIT, NULL,
		    "more than %d parties", POOL_APPORTION_MAXITEMS);
	if (units > POOL_UNITS_MAX)
		return pool_error_set(err, POOL_ELIMIT, NULL,
		    "%" PRIu64 " units: at most %llu", units,
		    (unsigned long long)POOL_UNITS_MAX);
	for (k = 0; k < n; k++) {
		v[k].units = 0;
		v[k].tie = 0;
		snprintf(v[k].quota, sizeof(v[k].quota), "0");
		v[k].quota_approx = 0;
		if (v[k].weight > POOL_WEIGHT_MAX)
			return pool_error_set(err, POOL_ELIMIT, "weight",
			    "'%s': above 10^12", v[k].id ? v[k].id : "?");
		if (v[k].lower > v[k].upper)
			return pool_error_set(err, POOL_EFIELD, NULL,
			    "'%s': minimum %" PRIu64 " above maximum %" PRIu64,
			    v[k].id ? v[k].id : "?", v[k].lower, v[k].upper);
		lo += v[k].lower;
		if (v[k].weight > 0) {
			if (v[k].upper == POOL_APPORTION_NOLIMIT)
				nolimit = 1;
			else
				posmax += v[k].upper;
		} else
			zlo += v[k].lower;
	}
	if (lo > units)
		return pool_error_set(err, POOL_EFIELD, NULL,
		    "the minimums add up to %" PRIu64 ", more than the %"
		    PRIu64 " units", lo, units);
	pos = calloc(n ? n : 1, sizeof(*pos));
	zer = calloc(n ? n : 1, sizeof(*zer));
	if (pos == NULL || zer == NULL) {
		free(pos);
		free(zer);
		return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
	}
	for (k = 0; k < n; k++) {
		if (v[k].weight > 0)
			pos[npos++] = k;
		else
			zer[nzer++] = k;
	}
	/* Units for the positive weights; the rest goes to weight 0. */
	rest = units - zlo;
	if (!nolimit && rest > posmax)
		rest = posmax;
	rc = apportion_set(m, v, pos, npos, rest, err);
	rest = units - rest;	/* for the weight-0 items, minimums included */
	if (rc == 0 && nzer > 0) {
		uint64_t zmax = 0;
		int znolimit = 0;

		for (k = 0; k < nzer; k++) {
			if (v[zer[k]].upper == POOL_APPORTION_NOLIMIT)
				znolimit = 1;
			else
				zmax += v[zer[k]].upper;
		}
		if (!znolimit && rest > zmax)
			rc = pool_error_set(err, POOL_EFIELD, NULL,
			    "the %" PRIu64 " units exceed the maximums (%s)",
			    units, u128_str((u128)zmax + posmax, a, sizeof(a)));
		else if (npos == 0 && rest > zlo)
			rc = pool_error_set(err, POOL_EFIELD, "weight",
			    "all weights are 0: cannot divide %" PRIu64
			    " units", units);
		else if ((z = calloc(nzer, sizeof(*z))) == NULL)
			rc = pool_error_set(err, POOL_ENOMEM, NULL,
			    "out of memory");
		else {
			for (k = 0; k < nzer; k++) {
				z[k] = v[zer[k]];
				z[k].weight = 1;
				zer[k] = k;
			}
			rc = apportion_set(m, z, zer, nzer, rest, err);
			nzer = 0;
			for (k = 0; k < n && rc == 0; k++)
				if (v[k].weight == 0) {
					v[k].units = z[nzer].units;
					v[k].tie = z[nzer].tie;
					if (rest > zlo) {
						memcpy(v[k].quota, z[nzer].quota,
						    sizeof(v[k].quota));
						v[k].quota_approx =
						    z[nzer].quota_approx;
					} else
						set_quota(&v[k], v[k].lower, 1);
					nzer++;
				}
			free(z);
		}
	} else if (rc == 0 && rest > 0) {
		if (npos == 0)
			rc = pool_error_set(err, POOL_EFIELD, "weight",
			    "all weights are 0: cannot divide %" PRIu64
			    " units", units);
		else
			rc = pool_error_set(err, POOL_EFIELD, NULL,
			    "the %" PRIu64 " units exceed the maximums (%s)",
			    units, u128_str(posmax, b, sizeof(b)));
	}
	free(pos);
	free(zer);
	return rc;
}

/* Weights. */

int
pool_weight_parse(const char *s, uint64_t *w, struct pool_error *err)
{
	const char	*p = s;
	u128		 mant = 0;
	int		 digits = 0, frac = 0, exp = 0, esign = 1, e = 0, scale;
	int		 seen_dot = 0, any = 0, neg = 0;

	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	for (; *p != '\0'; p++) {
		if (*p == '.' && !seen_dot) {
			seen_dot = 1;
			continue;
		}
		if (*p < '0' || *p > '9')
			break;
		any = 1;
		if (mant == 0 && *p == '0') {
			if (seen_dot)
				frac++;
			continue;
		}
		if (++digits > 30)
			return pool_error_set(err, POOL_EFIELD, "weight",
			    "must be at most 10^12");
		mant = mant * 10 + (u128)(*p - '0');
		if (seen_dot)
			frac++;
	}
	if (!any)
		return pool_error_set(err, POOL_EFIELD, "weight",
		    "must be a non-negative number");
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			esign = *p++ == '-' ? -1 : 1;
		if (*p < '0' || *p > '9')
			return pool_error_set(err, POOL_EFIELD, "weight",
			    "must be a non-negative number");
		for (; *p >= '0' && *p <= '9'; p++)
			if (e < 1000)
				e = e * 10 + (*p - '0');
		exp = esign * e;
	}
	if (*p != '\0')
		return pool_error_set(err, POOL_EFIELD, "weight",
		    "must be a non-negative number");
	/* value = mant * 10^(exp - frac); want value * 10^6. */
	scale = exp - frac + 6;
	if (neg && mant != 0)
		return pool_error_set(err, POOL_EFIELD, "weight",
		    "must be a non-negative number");
	if (mant == 0) {
		*w = 0;
		return 0;
	}
	while (scale < 0) {
		if (mant % 10 != 0)
			return pool_error_set(err, POOL_EFIELD, "weight",
			    "has more than 6 decimals");
		mant /= 10;
		scale++;
	}
	while (scale > 0) {
		if (mant > (u128)POOL_WEIGHT_MAX)
			break;
		mant *= 10;
		scale--;
	}
	if (scale > 0 || mant > (u128)POOL_WEIGHT_MAX)
		return pool_error_set(err, POOL_EFIELD, "weight",
		    "must be at most 10^12");
	*w = (uint64_t)mant;
	return 0;
}

int
pool_weight_from_double(double d, uint64_t *w, struct pool_error *err)
{
	char	buf[40];
	int	prec;

	if (isnan(d) || d < 0)
		return pool_error_set(err, POOL_EFIELD, "weight",
		    "must be a non-negative number");
	if (isinf(d) || d > 1e12)
		return pool_error_set(err, POOL_EFIELD, "weight",
		    "must be at most 10^12");
	for (prec = 1; prec <= 17; prec++) {
		snprintf(buf, sizeof(buf), "%.*g", prec, d);
		if (strtod(buf, NULL) == d)
			break;
	}
	return pool_weight_parse(buf, w, err);
}

char *
pool_weight_format(uint64_t w, char *buf, size_t len)
{
	uint64_t	ip = w / POOL_WEIGHT_SCALE, fp = w % POOL_WEIGHT_SCALE;
	char		frac[8];
	int		n;

	if (fp == 0) {
		snprintf(buf, len, "%" PRIu64, ip);
		return buf;
	}
	snprintf(frac, sizeof(frac), "%06" PRIu64, fp);
	for (n = 5; n > 0 && frac[n] == '0'; n--)
		frac[n] = '\0';
	snprintf(buf, len, "%" PRIu64 ".%s", ip, frac);
	return buf;
}
