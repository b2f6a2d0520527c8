/*
 * Time zones: read from TZif files (RFC 8536) with their POSIX TZ
 * footer rule, without touching TZ or the C library's notion of local
 * time, so that several zones can be used at once; local time, the
 * instant of a local time, and the overlap of a span with a daily
 * window.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pool_int.h"
#include "pool_time.h"

/*
 * A zone is the table of a TZif file (transition instants, each with
 * the index of a local time type; the types with their UTC offsets)
 * plus, from version 2 on, a POSIX TZ string (the footer) that gives
 * the rule for instants from the last transition on.
 */
#define TZ_FILE_MAX	(256 * 1024)	/* larger TZif files are refused */
#define TZ_STRING_MAX	256		/* longest footer accepted */
#define TZ_PATH_MAX	4096

/* One date rule of a POSIX TZ string: Jn, n or Mm.w.d, then /time. */
struct tz_rule {
	char		kind;		/* 'J', 'N' (plain n) or 'M' */
	int		day;		/* Jn: 1-365; n: 0-365 */
	int		month, week, wday;	/* Mm.w.d */
	int32_t		time;		/* local seconds after midnight */
};

struct pool_tz {
	char		*name;
	size_t		 ntrans;
	int64_t		*trans;		/* ntrans instants, ascending */
	unsigned char	*trans_type;	/* ntrans indices into utoff */
	size_t		 ntypes;
	int32_t		*utoff;		/* ntypes offsets, seconds east */
	int		 has_footer;	/* the POSIX rule below applies */
	int		 has_dst;
	int32_t		 std_off;	/* seconds east of UTC */
	int32_t		 dst_off;
	struct tz_rule	 start, end;	/* DST starts, ends */
	/*
	 * The footer rule's transitions worked out at load time, from the
	 * last transition of the table up to EXT_YEAR: ext[0] is where
	 * the footer takes over, and from ext[i] on the offset is
	 * ext_off[i], up to ext_hi.  Later instants use the rule itself.
	 */
	size_t		 next;
	int64_t		*ext;
	int32_t		*ext_off;
	int64_t		 ext_hi;
};

#define EXT_YEAR_LO	1900
#define EXT_YEAR	2200

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static int64_t
be64(const unsigned char *p)
{
	uint64_t	u = (uint64_t)be32(p) << 32 | be32(p + 4);

	if (u & UINT64_C(0x8000000000000000))
		return -(int64_t)(~u) - 1;
	return (int64_t)u;
}

static int32_t
be32s(const unsigned char *p)
{
	uint32_t	u = be32(p);

	/* Two's complement without implementation-defined conversion. */
	if (u & 0x80000000U)
		return -(int32_t)(~u) - 1;
	return (int32_t)u;
}

/*
 * POSIX TZ strings (the TZif footer), with the RFC 8536 extensions:
 * transition times from -167 to 167 hours.
 */
struct tzs {
	const char	*p, *end;
};

static int
tzs_name(struct tzs *z)
{
	const char	*q = z->p;

	if (q < z->end && *q == '<') {
		q++;
		while (q < z->end && *q != '>') {
			if (!(is_digit((unsigned char)*q) || *q == '+' ||
			    *q == '-' || (*q >= 'A' && *q <= 'Z') ||
			    (*q >= 'a' && *q <= 'z')))
				return -1;
			q++;
		}
		if (q >= z->end || q - z->p < 4)
			return -1;
		z->p = q + 1;
		return 0;
	}
	while (q < z->end && ((*q >= 'A' && *q <= 'Z') ||
	    (*q >= 'a' && *q <= 'z')))
		q++;
	if (q - z->p < 3)
		return -1;
	z->p = q;
	return 0;
}

/* [+-]hh[:mm[:ss]] with hh at most maxh; seconds into *v. */
static int
tzs_hms(struct tzs *z, int maxh, int32_t *v)
{
	int	sign = 1, part[3] = { 0, 0, 0 }, i, n, digits;

	if (z->p < z->end && (*z->p == '+' || *z->p == '-'))
		sign = *z->p++ == '-' ? -1 : 1;
	for (i = 0; i < 3; i++) {
		if (i > 0) {
			if (z->p >= z->end || *z->p != ':')
				break;
			z->p++;
		}
		n = 0;
		digits = 0;
		while (z->p < z->end && is_digit((unsigned char)*z->p) &&
		    digits < 3) {
			n = n * 10 + (*z->p++ - '0');
			digits++;
		}
		if (digits == 0 || (i > 0 && (digits != 2 || n > 59)))
			return -1;
		part[i] = n;
	}
	if (part[0] > maxh)
		return -1;
	*v = sign * (part[0] * 3600 + part[1] * 60 + part[2]);
	return 0;
}

static int
tzs_num(struct tzs *z, int lo, int hi, int *v)
{
	int	n = 0, digits = 0;

	while (z->p < z->end && is_digit((unsigned char)*z->p) && digits < 4) {
		n = n * 10 + (*z->p++ - '0');
		digits++;
	}
	if (digits == 0 || n < lo || n > hi)
		return -1;
	*v = n;
	return 0;
}

static int
tzs_rule(struct tzs *z, struct tz_rule *r)
{
	if (z->p >= z->end)
		return -1;
	if (*z->p == 'J') {
		z->p++;
		r->kind = 'J';
		if (tzs_num(z, 1, 365, &r->day) == -1)
			return -1;
	} else if (*z->p == 'M') {
		z->p++;
		r->kind = 'M';
		if (tzs_num(z, 1, 12, &r->month) == -1 ||
		    z->p >= z->end || *z->p++ != '.' ||
		    tzs_num(z, 1, 5, &r->week) == -1 ||
		    z->p >= z->end || *z->p++ != '.' ||
		    tzs_num(z, 0, 6, &r->wday) == -1)
			return -1;
	} else {
		r->kind = 'N';
		if (tzs_num(z, 0, 365, &r->day) == -1)
			return -1;
	}
	r->time = 2 * 3600;
	if (z->p < z->end && *z->p == '/') {
		z->p++;
		if (tzs_hms(z, 167, &r->time) == -1)
			return -1;
	}
	return 0;
}

/* Parse the footer s[0..len) into tz; an empty footer means no rule. */
static int
tz_parse_footer(struct pool_tz *tz, const char *s, size_t len)
{
	struct tzs	z = { s, s + len };
	int32_t		v;

	if (len == 0)
		return 0;
	if (tzs_name(&z) == -1 || tzs_hms(&z, 24, &v) == -1)
		return -1;
	tz->std_off = -v;
	tz->dst_off = tz->std_off + 3600;
	if (z.p < z.end) {
		if (tzs_name(&z) == -1)
			return -1;
		tz->has_dst = 1;
		if (z.p < z.end && *z.p != ',') {
			if (tzs_hms(&z, 24, &v) == -1)
				return -1;
			tz->dst_off = -v;
		}
		if (z.p < z.end) {
			if (*z.p++ != ',' || tzs_rule(&z, &tz->start) == -1 ||
			    z.p >= z.end || *z.p++ != ',' ||
			    tzs_rule(&z, &tz->end) == -1)
				return -1;
		} else {
			/* POSIX leaves it open; this is the usual default. */
			tz->start = (struct tz_rule){ 'M', 0, 3, 2, 0, 7200 };
			tz->end = (struct tz_rule){ 'M', 0, 11, 1, 0, 7200 };
		}
	}
	if (z.p != z.end)
		return -1;
	tz->has_footer = 1;
	return 0;
}

/* Day number of the day a rule names in year y. */
static int64_t
tz_rule_day(const struct tz_rule *r, int y)
{
	int64_t	d;
	int	first;

	switch (r->kind) {
	case 'J':
		/* Jn counts 1-365 and never the leap day. */
		d = pool_time_days_from_civil(y, 1, 1) + r->day - 1;
		if (is_leap(y) && r->day >= 60)
			d++;
		return d;
	case 'N':
		return pool_time_days_from_civil(y, 1, 1) + r->day;
	default:
		d = pool_time_days_from_civil(y, r->month, 1);
		first = pool_time_weekday(d) % 7;	/* 0 = Sunday */
		d += (r->wday - first + 7) % 7 + (int64_t)(r->week - 1) * 7;
		while (d >= pool_time_days_from_civil(y, r->month, 1) +
		    days_in_month(y, r->month))
			d -= 7;
		return d;
	}
}

/*
 * The DST transitions of the footer rule in year y: *start is the
 * instant DST begins (a local time in standard time), *end the instant
 * it ends (a local time in DST).
 */
static void
tz_rule_year(const struct pool_tz *tz, int y, int64_t *start, int64_t *end)
{
	*start = tz_rule_day(&tz->start, y) * SECS_PER_DAY + tz->start.time -
	    tz->std_off;
	*end = tz_rule_day(&tz->end, y) * SECS_PER_DAY + tz->end.time -
	    tz->dst_off;
}

static int
tz_year_of(int64_t t)
{
	int	y, m, d;

	pool_time_civil_from_days(floor_div(t, SECS_PER_DAY), &y, &m, &d);
	return y;
}

/*
 * Offset by the footer rule at t: the state set by the last transition
 * at or before t, looking at the years around t.  When DST ends and
 * starts at the same instant (a zone on DST all year), DST wins.
 */
static int32_t
tz_rule_offset(const struct pool_tz *tz, int64_t t)
{
	int64_t	s, e, best = INT64_MIN;
	int	y, yy, dst = 0;

	if (!tz->has_dst)
		return tz->std_off;
	y = tz_year_of(t);
	for (yy = y - 1; yy <= y + 1; yy++) {
		tz_rule_year(tz, yy, &s, &e);
		if (e <= t && (e > best)) {
			best = e;
			dst = 0;
		}
		if (s <= t && s >= best) {
			best = s;
			dst = 1;
		}
	}
	return dst ? tz->dst_off : tz->std_off;
}

/* The first footer-rule transition after t; 0 if there is none. */
static int
tz_rule_next(const struct pool_tz *tz, int64_t t, int64_t *next)
{
	int64_t	s, e, best = INT64_MAX;
	int	y, yy;

	if (!tz->has_dst)
		return 0;
	y = tz_year_of(t);
	for (yy = y - 1; yy <= y + 2; yy++) {
		tz_rule_year(tz, yy, &s, &e);
		if (s > t && s < best)
			best = s;
		if (e > t && e < best)
			best = e;
	}
	if (best == INT64_MAX)
		return 0;
	*next = best;
	return 1;
}

/* 1 if the footer rule governs instant t. */
static int
tz_in_footer(const struct pool_tz *tz, int64_t t)
{
	return tz->has_footer &&
	    (tz->ntrans == 0 || t >= tz->trans[tz->ntrans - 1]);
}

/* Index of the last of trans[0..n) at or before t; -1 if none is. */
static long
tz_find(const int64_t *trans, size_t n, int64_t t)
{
	const int64_t	*base = trans;
	size_t		 half;

	if (n == 0 || t < base[0])
		return -1;
	/* Keep base[0] <= t; the compiler can do this without branches. */
	while (n > 1) {
		half = n / 2;
		base = base[half] <= t ? base + half : base;
		n -= half;
	}
	return (long)(base - trans);
}

int
pool_tz_offset(const struct pool_tz *tz, int64_t t)
{
	long	i;

	if (tz == NULL)
		return 0;
	t = clamp_instant(t);
	if (tz_in_footer(tz, t)) {
		if (t < tz->ext_hi && (i = tz_find(tz->ext, tz->next, t)) >= 0)
			return tz->ext_off[i];
		return tz_rule_offset(tz, t);
	}
	i = tz_find(tz->trans, tz->ntrans, t);
	if (i < 0)
		return tz->utoff[0];
	return tz->utoff[tz->trans_type[i]];
}

/* The first instant after t at which the offset may change. */
static int
tz_next(const struct pool_tz *tz, int64_t t, int64_t *next)
{
	long	i;

	if (tz == NULL)
		return 0;
	if (tz_in_footer(tz, t)) {
		i = t < tz->ext_hi ? tz_find(tz->ext, tz->next, t) : -1;
		if (i >= 0 && (size_t)(i + 1) < tz->next) {
			*next = tz->ext[i + 1];
			return 1;
		}
		return tz_rule_next(tz, t, next);
	}
	i = tz_find(tz->trans, tz->ntrans, t);
	if ((size_t)(i + 1) < tz->ntrans) {
		*next = tz->trans[i + 1];
		return 1;
	}
	return 0;
}

/* Local seconds since 1970-01-01T00:00 (wall clock) of instant t. */
static int64_t
tz_local(const struct pool_tz *tz, int64_t t)
{
	t = clamp_instant(t);
	return t + pool_tz_offset(tz, t);
}

void
pool_tz_to_civil(const struct pool_tz *tz, int64_t t, struct pool_civil *out)
{
	int64_t	local, secs;

	local = tz_local(tz, t);
	pool_time_civil_from_days(floor_div(local, SECS_PER_DAY), &out->year,
	    &out->month, &out->day);
	secs = floor_mod(local, SECS_PER_DAY);
	out->hour = (int)(secs / 3600);
	out->min = (int)(secs / 60 % 60);
	out->sec = (int)(secs % 60);
}

int64_t
pool_tz_local_day(const struct pool_tz *tz, int64_t t)
{
	return floor_div(tz_local(tz, t), SECS_PER_DAY);
}

/*
 * A local time L has a solution t = L - o in every stretch of constant
 * offset o that contains L - o.  Offsets lie within 26 hours of UTC, so
 * only the stretches that meet [L - 26 h, L + 25 h] can hold one; when
 * no offset changes there (nearly always) L is simply unique.  A local
 * time in no stretch lies in a gap between two of them.
 */
#define OFF_MAX	93600		/* beyond every UTC offset, seconds */
#define OFF_MIN	(-90000)

enum pool_local_kind
pool_tz_from_civil(const struct pool_tz *tz, const struct pool_civil *c,
    int64_t *t, int64_t *t2)
{
	int64_t	local, s, e, first = 0, last = 0, gap = 0;
	int	o, no, has, nsol = 0, ngap = 0;

	local = clamp_instant(civil_seconds(c));
	s = local - OFF_MAX;
	o = pool_tz_offset(tz, s);
	for (;;) {
		has = tz_next(tz, s, &e);
		/* The stretch [s, e) (to the end of time if !has) at o. */
		if (local - o >= s && (!has || local - o < e)) {
			if (nsol++ == 0)
				first = local - o;
			last = local - o;
		}
		if (!has || e > local - OFF_MIN)
			break;
		no = pool_tz_offset(tz, e);
		if (local >= e + o && local < e + no && ngap++ == 0)
			gap = local - o;
		s = e;
		o = no;
	}
	if (nsol == 0) {
		/*
		 * In a gap: RFC 5545 reads it with the offset before the
		 * gap, which lands as far after the gap's start as L is.
		 */
		*t = ngap > 0 ? gap : local - o;
		if (t2 != NULL)
			*t2 = *t;
		return POOL_LOCAL_GAP;
	}
	*t = first;
	if (t2 != NULL)
		*t2 = last;
	return nsol > 1 && first != last ? POOL_LOCAL_AMBIGUOUS :
	    POOL_LOCAL_UNIQUE;
}

/* Write v (0 <= v < 10^n) as n decimal digits. */
static void
put_digits(char *p, int v, int n)
{
	while (n-- > 0) {
		p[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

char *
pool_time_format(const struct pool_tz *tz, int64_t t, char buf[26])
{
	static const int64_t	lo = -62135596800LL;	/* 0001-01-01 */
	static const int64_t	hi = 253402300799LL;	/* 9999-12-31 */
	struct pool_civil	c;
	int64_t			local, secs;
	int			off, m;

	/*
	 * RFC 3339 offsets have whole minutes: round old local mean time
	 * offsets (Amsterdam +00:19:32) and show the local time that goes
	 * with the rounded offset, so the string still names instant t.
	 */
	t = clamp_instant(t);
	off = pool_tz_offset(tz, t);
	m = (int)floor_div(off + 30, 60);
	local = t + (int64_t)m * 60;
	if (local < lo)
		local = lo;
	if (local > hi)
		local = hi;
	pool_time_civil_from_days(floor_div(local, SECS_PER_DAY), &c.year,
	    &c.month, &c.day);
	secs = floor_mod(local, SECS_PER_DAY);
	put_digits(buf, c.year, 4);
	buf[4] = '-';
	put_digits(buf + 5, c.month, 2);
	buf[7] = '-';
	put_digits(buf + 8, c.day, 2);
	buf[10] = 'T';
	put_digits(buf + 11, (int)(secs / 3600), 2);
	buf[13] = ':';
	put_digits(buf + 14, (int)(secs / 60 % 60), 2);
	buf[16] = ':';
	put_digits(buf + 17, (int)(secs % 60), 2);
	buf[19] = m < 0 ? '-' : '+';
	if (m < 0)
		m = -m;
	put_digits(buf + 20, m / 60, 2);
	buf[22] = ':';
	put_digits(buf + 23, m % 60, 2);
	buf[25] = '\0';
	return buf;
}

/*
 * Measure of the local seconds x in [0, x1) whose time of day lies in
 * [fs, ts) (0 <= fs < ts <= 86400).
 */
static int64_t
window_upto(int64_t x1, int64_t fs, int64_t ts)
{
	int64_t	q, r, part;

	q = floor_div(x1, SECS_PER_DAY);
	r = floor_mod(x1, SECS_PER_DAY);
	part = r - fs;
	if (part < 0)
		part = 0;
	if (part > ts - fs)
		part = ts - fs;
	return q * (ts - fs) + part;
}

/* Local seconds in [x0, x1) inside the daily window [fs, ts). */
static int64_t
window_measure(int64_t x0, int64_t x1, int64_t fs, int64_t ts)
{
	if (fs < ts)
		return window_upto(x1, fs, ts) - window_upto(x0, fs, ts);
	/* Wraps over midnight: [fs, 24:00) and [00:00, ts). */
	return window_upto(x1, fs, SECS_PER_DAY) -
	    window_upto(x0, fs, SECS_PER_DAY) +
	    window_upto(x1, 0, ts) - window_upto(x0, 0, ts);
}

/*
 * Split [a, b) where the offset changes; in each piece local time runs
 * in step with absolute time, so the window is measured on local time.
 * A gap thus adds nothing and an overlap counts twice, as the clock
 * shows those times twice.
 */
int64_t
pool_tz_overlap_window(const struct pool_tz *tz, int64_t a, int64_t b,
    int from_min, int to_min)
{
	int64_t	s, e, n, fs, ts, total = 0;
	int	o;

	a = clamp_instant(a);
	b = clamp_instant(b);
	if (b <= a || from_min == to_min || from_min < 0 || to_min < 0 ||
	    from_min > 1440 || to_min > 1440)
		return 0;
	fs = (int64_t)from_min * 60 % SECS_PER_DAY;
	ts = (int64_t)to_min * 60;
	if (ts == 0)
		ts = SECS_PER_DAY;
	if (fs == 0 && ts == SECS_PER_DAY)
		return b - a;
	for (s = a; s < b; s = e) {
		o = pool_tz_offset(tz, s);
		e = b;
		if (tz_next(tz, s, &n) && n < b)
			e = n;
		total += window_measure(s + o, e + o, fs, ts);
	}
	return total;
}

/*
 * TZif parsing.  Every count is checked against the bytes that are
 * left before anything is allocated, so a hostile file costs at most
 * its own size.
 */
struct tzif_hdr {
	uint32_t	isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt;
};

static int
tz_fail(struct pool_error *err, const char *name, const char *reason)
{
	char	q[QUOTE_MAX + 4];

	return pool_error_set(err, POOL_EPARSE, NULL,
	    "invalid TZif data for time zone '%s': %s", pool_time_quote(name, q),
	    reason);
}

/* Read a 44-byte header at buf[off]; 0 or -1 with the reason in *why. */
static int
tzif_header(const unsigned char *buf, size_t len, size_t off,
    struct tzif_hdr *h, int *version, const char **why)
{
	const unsigned char	*p = buf + off;

	if (len - off < 44) {
		*why = "truncated header";
		return -1;
	}
	if (memcmp(p, "TZif", 4) != 0) {
		*why = "not a TZif file (bad magic)";
		return -1;
	}
	if (p[4] == 0)
		*version = 1;
	else if (p[4] >= '2' && p[4] <= '4')
		*version = p[4] - '0';
	else {
		*why = "unsupported version";
		return -1;
	}
	h->isutcnt = be32(p + 20);
	h->isstdcnt = be32(p + 24);
	h->leapcnt = be32(p + 28);
	h->timecnt = be32(p + 32);
	h->typecnt = be32(p + 36);
	h->charcnt = be32(p + 40);
	return 0;
}

/*
 * The counts of the header whose data is used (a version 2+ reader
 * skips the version 1 data, so its counts only need to fit the file).
 */
static int
tzif_counts_ok(const struct tzif_hdr *h, const char **why)
{
	if (h->typecnt == 0 || h->typecnt > 256) {
		*why = "bad count of local time types";
		return -1;
	}
	if (h->charcnt == 0) {
		*why = "no time zone designations";
		return -1;
	}
	if ((h->isutcnt != 0 && h->isutcnt != h->typecnt) ||
	    (h->isstdcnt != 0 && h->isstdcnt != h->typecnt)) {
		*why = "bad count of standard/UT indicators";
		return -1;
	}
	return 0;
}

/* Size of the data block after a header, for times of tsize bytes. */
static uint64_t
tzif_block_size(const struct tzif_hdr *h, unsigned tsize)
{
	return (uint64_t)h->timecnt * tsize + h->timecnt +
	    (uint64_t)h->typecnt * 6 + h->charcnt +
	    (uint64_t)h->leapcnt * (tsize + 4) + h->isstdcnt + h->isutcnt;
}

/* Fill tz from the data block at buf[off] (already bounds-checked). */
/*
 * 1 if UTC offset off (seconds east), rounded to whole minutes as
 * pool_time_format writes it, is an RFC 3339 offset: within +-23:59.
 */
static int
tz_off_ok(int32_t off)
{
	int64_t	m = floor_div((int64_t)off + 30, 60);

	return m >= -(23 * 60 + 59) && m <= 23 * 60 + 59;
}

#define TZ_OFF_WHY	"UTC offset not within -23:59 and +23:59"

static int
tzif_block(struct pool_tz *tz, const unsigned char *buf, size_t off,
    const struct tzif_hdr *h, unsigned tsize, const char **why)
{
	const unsigned char	*p = buf + off, *types;
	size_t			 i;

	if (h->leapcnt != 0) {
		*why = "leap-second tables are not supported";
		return -1;
	}
	tz->ntrans = h->timecnt;
	tz->ntypes = h->typecnt;
	if (tz->ntrans > 0) {
		tz->trans = calloc(tz->ntrans, sizeof(*tz->trans));
		tz->trans_type = calloc(tz->ntrans, 1);
	}
	tz->utoff = calloc(tz->ntypes, sizeof(*tz->utoff));
	if ((tz->ntrans > 0 && (tz->trans == NULL ||
	    tz->trans_type == NULL)) || tz->utoff == NULL) {
		*why = NULL;
		return -1;
	}
	for (i = 0; i < tz->ntrans; i++) {
		tz->trans[i] = tsize == 8 ? be64(p + i * 8) : be32s(p + i * 4);
		if (i > 0 && tz->trans[i] <= tz->trans[i - 1]) {
			*why = "transition times not ascending";
			return -1;
		}
	}
	p += (size_t)tz->ntrans * tsize;
	for (i = 0; i < tz->ntrans; i++) {
		if (p[i] >= tz->ntypes) {
			*why = "transition to an unknown local time type";
			return -1;
		}
		tz->trans_type[i] = p[i];
	}
	types = p + tz->ntrans;
	for (i = 0; i < tz->ntypes; i++) {
		tz->utoff[i] = be32s(types + i * 6);
		if (!tz_off_ok(tz->utoff[i])) {
			*why = TZ_OFF_WHY;
			return -1;
		}
		if (types[i * 6 + 4] > 1 || types[i * 6 + 5] >= h->charcnt) {
			*why = "bad local time type";
			return -1;
		}
	}
	return 0;
}

static int
cmp_instant(const void *a, const void *b)
{
	int64_t	x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/*
 * Work out the footer rule's transitions from where the footer takes
 * over (the last transition of the table, but not before EXT_YEAR_LO)
 * up to EXT_YEAR, so that offsets there are a binary search like in
 * the table.  Returns 0, or -1 when out of memory.
 */
static int
tz_extend(struct pool_tz *tz)
{
	int64_t	lo, hi, s, e;
	size_t	n, cap, i;
	int	y, y0;

	if (!tz->has_dst)
		return 0;
	lo = pool_time_days_from_civil(EXT_YEAR_LO, 1, 1) * SECS_PER_DAY;
	if (tz->ntrans > 0 && tz->trans[tz->ntrans - 1] > lo)
		lo = tz->trans[tz->ntrans - 1];
	if (lo > INSTANT_MAX)
		return 0;
	y0 = tz_year_of(lo) - 1;
	if (y0 >= EXT_YEAR)
		return 0;
	/*
	 * No transition of a year before y0 or after EXT_YEAR falls in
	 * [lo, hi): rule times are within 167 hours of their day.
	 */
	hi = (pool_time_days_from_civil(EXT_YEAR, 1, 1) - 10) * SECS_PER_DAY;
	cap = (size_t)(EXT_YEAR - y0 + 1) * 2 + 1;
	if ((tz->ext = calloc(cap, sizeof(*tz->ext))) == NULL ||
	    (tz->ext_off = calloc(cap, sizeof(*tz->ext_off))) == NULL)
		return -1;
	n = 0;
	tz->ext[n++] = lo;
	for (y = y0; y <= EXT_YEAR; y++) {
		tz_rule_year(tz, y, &s, &e);
		if (s > lo && s < hi)
			tz->ext[n++] = s;
		if (e > lo && e < hi && e != s)
			tz->ext[n++] = e;
	}
	if (n > 1)
		qsort(tz->ext, n, sizeof(*tz->ext), cmp_instant);
	/* Drop repeats, then note the offset from each instant on. */
	for (i = 1, cap = 1; i < n; i++)
		if (tz->ext[i] != tz->ext[cap - 1])
			tz->ext[cap++] = tz->ext[i];
	n = cap;
	for (i = 0; i < n; i++)
		tz->ext_off[i] = tz_rule_offset(tz, tz->ext[i]);
	tz->next = n;
	tz->ext_hi = hi;
	return 0;
}

void
pool_tz_free(struct pool_tz *tz)
{
	if (tz == NULL)
		return;
	free(tz->name);
	free(tz->trans);
	free(tz->trans_type);
	free(tz->utoff);
	free(tz->ext);
	free(tz->ext_off);
	free(tz);
}

const char *
pool_tz_name(const struct pool_tz *tz)
{
	return tz == NULL ? "UTC" : tz->name;
}

static struct pool_tz *
tz_new(const char *name, struct pool_error *err)
{
	struct pool_tz	*tz;

	if ((tz = calloc(1, sizeof(*tz))) == NULL ||
	    (tz->name = strdup(name)) == NULL) {
		free(tz);
		pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
		return NULL;
	}
	return tz;
}

struct pool_tz *
pool_tz_parse(const char *name, const unsigned char *buf, size_t len,
    struct pool_error *err)
{
	struct pool_tz		*tz;
	struct tzif_hdr		 h;
	const char		*why = NULL, *nl;
	size_t			 off, flen;
	uint64_t		 bsize;
	int			 version, v2;
	unsigned		 tsize;

	if ((tz = tz_new(name, err)) == NULL)
		return NULL;
	if (tzif_header(buf, len, 0, &h, &version, &why) == -1 ||
	    (version == 1 && tzif_counts_ok(&h, &why) == -1))
		goto bad;
	off = 44;
	tsize = 4;
	bsize = tzif_block_size(&h, 4);
	if (bsize > len - off) {
		why = "truncated data";
		goto bad;
	}
	if (version >= 2) {
		/* Skip the 32-bit data; use the 64-bit header and data. */
		off += (size_t)bsize;
		if (tzif_header(buf, len, off, &h, &v2, &why) == -1 ||
		    tzif_counts_ok(&h, &why) == -1)
			goto bad;
		off += 44;
		tsize = 8;
		bsize = tzif_block_size(&h, 8);
		if (bsize > len - off) {
			why = "truncated data";
			goto bad;
		}
	}
	if (tzif_block(tz, buf, off, &h, tsize, &why) == -1)
		goto bad;
	off += (size_t)bsize;
	if (version >= 2) {
		/* The footer: newline, POSIX TZ string, newline. */
		if (off >= len || buf[off] != '\n') {
			why = "missing footer";
			goto bad;
		}
		off++;
		nl = memchr(buf + off, '\n', len - off);
		if (nl == NULL) {
			why = "unterminated footer";
			goto bad;
		}
		flen = (size_t)(nl - (const char *)(buf + off));
		if (flen > TZ_STRING_MAX) {
			why = "footer too long";
			goto bad;
		}
		if (tz_parse_footer(tz, (const char *)(buf + off), flen)
		    == -1) {
			why = "bad TZ string in footer";
			goto bad;
		}
		if (tz->has_footer && (!tz_off_ok(tz->std_off) ||
		    (tz->has_dst && !tz_off_ok(tz->dst_off)))) {
			why = TZ_OFF_WHY " in footer";
			goto bad;
		}
		if (tz_extend(tz) == -1)
			goto bad;	/* why is NULL: out of memory */
	}
	return tz;
bad:
	if (why == NULL)
		pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
	else
		tz_fail(err, name, why);
	pool_tz_free(tz);
	return NULL;
}

/*
 * A zone name is one or more path components of letters, digits, '_',
 * '-', '+' and '.', where no component starts with '.'; so no "..", no
 * absolute path, no hidden file.
 */
static int
tz_name_ok(const char *name)
{
	const char	*p;
	int		 start = 1;

	if (name[0] == '\0' || strlen(name) > 255)
		return 0;
	for (p = name; *p != '\0'; p++) {
		if (*p == '/') {
			if (start)
				return 0;
			start = 1;
			continue;
		}
		if (start && *p == '.')
			return 0;
		start = 0;
		if (!(is_digit((unsigned char)*p) || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= 'a' && *p <= 'z') || *p == '_' || *p == '-' ||
		    *p == '+' || *p == '.'))
			return 0;
	}
	return !start;
}

static struct pool_tz *
tz_utc(struct pool_error *err)
{
	struct pool_tz	*tz;

	if ((tz = tz_new("UTC", err)) == NULL)
		return NULL;
	tz->ntypes = 1;
	if ((tz->utoff = calloc(1, sizeof(*tz->utoff))) == NULL) {
		pool_tz_free(tz);
		pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
		return NULL;
	}
	return tz;
}

struct pool_tz *
pool_tz_load(const char *name, const char *dir, struct pool_error *err)
{
	struct pool_tz	*tz;
	struct stat	 st;
	unsigned char	*buf;
	char		 path[TZ_PATH_MAX], q[QUOTE_MAX + 4];
	size_t		 n;
	ssize_t		 r;
	int		 fd, w;

	if (strcmp(name, "UTC") == 0)
		return tz_utc(err);
	if (!tz_name_ok(name)) {
		pool_error_set(err, POOL_ECONFIG, NULL,
		    "invalid time zone name '%s'", pool_time_quote(name, q));
		return NULL;
	}
	if (dir == NULL)
		dir = "/usr/share/zoneinfo";
	w = snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (w < 0 || (size_t)w >= sizeof(path)) {
		pool_error_set(err, POOL_ECONFIG, NULL,
		    "time zone path too long for '%s'", name);
		return NULL;
	}
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		if (errno == ENOENT || errno == ENOTDIR)
			pool_error_set(err, POOL_ECONFIG, NULL,
			    "unknown time zone '%s'", name);
		else
			pool_error_set(err, POOL_ESYS, NULL,
			    "cannot open time zone file '%s'", path);
		return NULL;
	}
	if (fstat(fd, &st) == -1) {
		pool_error_set(err, POOL_ESYS, NULL,
		    "cannot read time zone file '%s'", path);
		close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		pool_error_set(err, POOL_ECONFIG, NULL,
		    "unknown time zone '%s'", name);
		close(fd);
		return NULL;
	}
	if ((buf = malloc(TZ_FILE_MAX + 1)) == NULL) {
		pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
		close(fd);
		return NULL;
	}
	n = 0;
	while (n < TZ_FILE_MAX + 1) {
		r = read(fd, buf + n, TZ_FILE_MAX + 1 - n);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			pool_error_set(err, POOL_ESYS, NULL,
			    "cannot read time zone file '%s'", path);
			free(buf);
			close(fd);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	if (n > TZ_FILE_MAX) {
		pool_error_set(err, POOL_ELIMIT, NULL,
		    "time zone file '%s' too large (over %d KiB)", path,
		    TZ_FILE_MAX / 1024);
		free(buf);
		return NULL;
	}
	tz = pool_tz_parse(name, buf, n, err);
	free(buf);
	return tz;
}
