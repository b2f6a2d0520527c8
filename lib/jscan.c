/*
 * A strict, allocation-free JSON scanner for flat NDJSON records: see
 * pool_jscan.h for what it accepts.  It reads JSON the way jansson does
 * (same escapes, UTF-8 checks and number conversion), so that a record
 * parsed here is the record jansson would have given; whatever it does
 * not handle it refuses, and the caller asks jansson.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "pool_jscan.h"

struct rd {
	const char		*p;
	const char		*end;
	char			*d;	/* next free byte of the string buffer */
	struct pool_jscan	*sc;
};

/* Bytes that end the quick copy of a string: '"', '\\', controls, non-ASCII. */
static const unsigned char special[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
};

void
pool_jscan_init(struct pool_jscan *sc, struct pool_jtok *tok, size_t maxtok,
    char *buf, size_t buflen)
{
	sc->tok = tok;
	sc->maxtok = maxtok;
	sc->buf = buf;
	sc->buflen = buflen;
	sc->ntok = 0;
	sc->nmembers = 0;
}

#define ONES	0x0101010101010101ULL

/* Bytes of x that are zero have their high bit set (and maybe others). */
static uint64_t
has_zero(uint64_t x)
{
	return (x - ONES) & ~x;
}

/* The index of the lowest byte of mask (not 0) that has its high bit. */
static size_t
first_byte(uint64_t mask)
{
#if defined(__GNUC__) || defined(__clang__)
	return (size_t)__builtin_ctzll(mask) >> 3;
#else
	size_t	n = 0;

	while ((mask & 0x80) == 0) {
		mask >>= 8;
		n++;
	}
	return n;
#endif
}

static void
skip_ws(struct rd *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' ||
	    *r->p == '\n' || *r->p == '\r'))
		r->p++;
}

static int
hex4(const char *p, const char *end, unsigned *out)
{
	unsigned	v = 0;

	if (end - p < 4)
		return -1;
	for (int k = 0; k < 4; k++) {
		unsigned char	c = (unsigned char)p[k];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	*out = v;
	return 0;
}

/*
 * Length of the UTF-8 sequence at p if it is one jansson accepts (no
 * overlong forms, no surrogates, nothing above U+10FFFF), else 0.
 */
static size_t
utf8_len(const unsigned char *p, const unsigned char *end)
{
	unsigned	c = p[0], v;
	size_t		n, k;

	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		v = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		v = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		v = c & 0x07;
	} else
		return 0;
	if ((size_t)(end - p) < n)
		return 0;
	for (k = 1; k < n; k++) {
		if ((p[k] & 0xc0) != 0x80)
			return 0;
		v = (v << 6) | (p[k] & 0x3f);
	}
	if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff) ||
	    (n == 3 && v < 0x800) || (n == 4 && v < 0x10000))
		return 0;
	return n;
}

static char *
put_utf8(char *d, unsigned v)
{
	if (v < 0x80)
		*d++ = (char)v;
	else if (v < 0x800) {
		*d++ = (char)(0xc0 | (v >> 6));
		*d++ = (char)(0x80 | (v & 0x3f));
	} else if (v < 0x10000) {
		*d++ = (char)(0xe0 | (v >> 12));
		*d++ = (char)(0x80 | ((v >> 6) & 0x3f));
		*d++ = (char)(0x80 | (v & 0x3f));
	} else {
		*d++ = (char)(0xf0 | (v >> 18));
		*d++ = (char)(0x80 | ((v >> 12) & 0x3f));
		*d++ = (char)(0x80 | ((v >> 6) & 0x3f));
		*d++ = (char)(0x80 | (v & 0x3f));
	}
	return d;
}

/*
 * A string, r->p at its opening quote: decoded into the buffer with a
 * NUL.  The caller made sure the buffer is longer than the line, and a
 * decoded string is shorter than its quoted form, so it always fits.
 */
static int
scan_string(struct rd *r, const char **out, size_t *outlen)
{
	const unsigned char	*p = (const unsigned char *)r->p + 1;
	const unsigned char	*end = (const unsigned char *)r->end;
	char			*d = r->d, *start = r->d;
	unsigned		 u, lo;
	size_t			 n;

	for (;;) {
		/*
		 * Eight bytes at a time: all are copied (the buffer has the
		 * room), and the lowest flagged byte is the first special
		 * one; the last few bytes one by one.
		 */
		while (end - p >= 8) {
			uint64_t	x, mask;

			memcpy(&x, p, 8);
			memcpy(d, p, 8);
			mask = ((x - ONES * 0x20) | x |
			    has_zero(x ^ (ONES * '"')) |
			    has_zero(x ^ (ONES * '\\'))) & (ONES * 0x80);
			if (mask != 0) {
				n = first_byte(mask);
				d += n;
				p += n;
				goto special_byte;
			}
			d += 8;
			p += 8;
		}
		while (p < end && !special[*p])
			*d++ = (char)*p++;
		if (p == end)
			return -1;
special_byte:
		if (*p == '"')
			break;
		if (*p < 0x20)
			return -1;
		if (*p >= 0x80) {
			if ((n = utf8_len(p, end)) == 0)
				return -1;
			memcpy(d, p, n);
			d += n;
			p += n;
			continue;
		}
		/* A backslash. */
		if (end - p < 2)
			return -1;
		switch (p[1]) {
		case '"':
		case '\\':
		case '/':
			*d++ = (char)p[1];
			break;
		case 'b':
			*d++ = '\b';
			break;
		case 'f':
			*d++ = '\f';
			break;
		case 'n':
			*d++ = '\n';
			break;
		case 'r':
			*d++ = '\r';
			break;
		case 't':
			*d++ = '\t';
			break;
		case 'u':
			if (hex4((const char *)p + 2, (const char *)end,
			    &u) == -1 || u == 0)
				return -1;
			if (u >= 0xdc00 && u <= 0xdfff)
				return -1;
			if (u >= 0xd800 && u <= 0xdbff) {
				/* The low half must follow at once. */
				if (end - p < 12 || p[6] != '\\' ||
				    p[7] != 'u' || hex4((const char *)p + 8,
				    (const char *)end, &lo) == -1 ||
				    lo < 0xdc00 || lo > 0xdfff)
					return -1;
				u = 0x10000 + ((u - 0xd800) << 10) +
				    (lo - 0xdc00);
				p += 6;
			}
			d = put_utf8(d, u);
			p += 4;
			break;
		default:
			return -1;
		}
		p += 2;
	}
	*d++ = '\0';
	*out = start;
	*outlen = (size_t)(d - start) - 1;
	r->d = d;
	r->p = (const char *)p + 1;
	return 0;
}

static int
is_digit(const char *p, const char *end)
{
	return p < end && *p >= '0' && *p <= '9';
}

/*
 * The common numbers without strtod and strtoll, with the same values:
 * an integer of at most 18 digits, or a real without an exponent of at
 * most 15 digits, whose digits and power of ten are exact doubles, so
 * that one division rounds as strtod does.  s .. end is a number the
 * grammar accepts.  Returns -1 for any other.
 */
static int
quick_number(const char *s, const char *end, int real, struct pool_jtok *t)
{
	static const double	 p10[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6,
	    1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
	const char		*p = s;
	long long		 m = 0;
	int			 neg = 0, digits = 0, frac = -1;

	if (*p == '-') {
		neg = 1;
		p++;
	}
	for (; p < end; p++) {
		if (*p == '.') {
			frac = 0;
			continue;
		}
		if (*p < '0' || *p > '9' || ++digits > 18)
			return -1;	/* an exponent, or too long */
		m = m * 10 + (*p - '0');
		if (frac >= 0)
			frac++;
	}
	if (real) {
		if (digits > 15 || frac < 0)
			return -1;
		t->type = POOL_J_REAL;
		t->x = (double)m / p10[frac];
		if (neg)
			t->x = -t->x;
		return 0;
	}
	t->type = POOL_J_INTEGER;
	t->i = neg ? -m : m;
	t->x = (double)t->i;
	return 0;
}

/* A number, r->p at its first character, per the JSON grammar. */
static int
scan_number(struct rd *r, struct pool_jtok *t)
{
	const char	*p = r->p, *end = r->end, *s = r->p;
	char		*e;
	int		 real = 0;

	if (p < end && *p == '-')
		p++;
	if (p < end && *p == '0')
		p++;
	else if (is_digit(p, end))
		while (is_digit(p, end))
			p++;
	else
		return -1;
	if (p < end && *p == '.') {
		p++;
		if (!is_digit(p, end))
			return -1;
		while (is_digit(p, end))
			p++;
		real = 1;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if (!is_digit(p, end))
			return -1;
		while (is_digit(p, end))
			p++;
		real = 1;
	}
	/*
	 * What follows must end the value, so that strtod and strtoll,
	 * which read up to the first character they cannot use, stop
	 * exactly there and never past the end of the line.
	 */
	if (p == end || !(*p == ',' || *p == '}' || *p == ']' || *p == ' ' ||
	    *p == '\t' || *p == '\n' || *p == '\r'))
		return -1;
	if (quick_number(s, p, real, t) == 0) {
		r->p = p;
		return 0;
	}
	errno = 0;
	if (real) {
		t->type = POOL_J_REAL;
		t->x = strtod(s, &e);
	} else {
		t->type = POOL_J_INTEGER;
		t->i = strtoll(s, &e, 10);
		t->x = (double)t->i;
	}
	if (errno != 0 || e != p)
		return -1;
	r->p = p;
	return 0;
}

static int
scan_word(struct rd *r, const char *w, size_t n)
{
	if ((size_t)(r->end - r->p) < n || memcmp(r->p, w, n) != 0)
		return -1;
	r->p += n;
	return 0;
}

/* A string, number, true, false or null. */
static int
scan_scalar(struct rd *r, struct pool_jtok *t)
{
	t->n = 0;
	switch (*r->p) {
	case '"':
		t->type = POOL_J_STRING;
		return scan_string(r, &t->s, &t->len);
	case 't':
		t->type = POOL_J_TRUE;
		return scan_word(r, "true", 4);
	case 'f':
		t->type = POOL_J_FALSE;
		return scan_word(r, "false", 5);
	case 'n':
		t->type = POOL_J_NULL;
		return scan_word(r, "null", 4);
	default:
		return scan_number(r, t);
	}
}

static struct pool_jtok *
new_tok(struct rd *r)
{
	struct pool_jscan	*sc = r->sc;

	if (sc->ntok == sc->maxtok)
		return NULL;
	return &sc->tok[sc->ntok++];
}

/* Scalars have n == 0, so a member's next sibling is n + 1 tokens on. */
#define children(t)	((t)->n)

/* 1 if an earlier one of the members from m up to t has t's name. */
static int
is_duplicate(const struct pool_jtok *m, const struct pool_jtok *t)
{
	for (; m < t; m += 1 + children(m))
		if (m->klen == t->klen && memcmp(m->key, t->key, t->klen) == 0)
			return 1;
	return 0;
}

/* A small hash of a member name, for a first test of duplicates. */
static unsigned
key_bit(const struct pool_jtok *t)
{
	if (t->klen == 0)
		return 0;
	return (unsigned)(t->klen + (unsigned char)t->key[0] * 7u +
	    (unsigned char)t->key[t->klen - 1] * 13u) & 63u;
}

/*
 * The elements of an array of scalars, r->p just after its '['.
 * Returns their number, or -1.
 */
static long
scan_elements(struct rd *r)
{
	struct pool_jtok	*t;
	long			 n = 0;

	skip_ws(r);
	if (r->p < r->end && *r->p == ']') {
		r->p++;
		return 0;
	}
	for (;;) {
		if (r->p == r->end || *r->p == '[' || *r->p == '{' ||
		    (t = new_tok(r)) == NULL)
			return -1;
		t->key = NULL;
		t->klen = 0;
		if (scan_scalar(r, t) == -1)
			return -1;
		n++;
		skip_ws(r);
		if (r->p == r->end)
			return -1;
		if (*r->p == ']') {
			r->p++;
			return n;
		}
		if (*r->p != ',')
			return -1;
		r->p++;
		skip_ws(r);
	}
}

/*
 * The members of an object, r->p just after its '{'; depth 0 is the
 * top object, whose members may be arrays or objects of scalars.
 * Returns the number of members, or -1.
 */
static long
scan_members(struct rd *r, int depth)
{
	struct pool_jtok	*t, *first = NULL;
	uint64_t		 seen = 0, bit;
	long			 n = 0, k;

	skip_ws(r);
	if (r->p < r->end && *r->p == '}') {
		r->p++;
		return 0;
	}
	for (;;) {
		if (r->p == r->end || *r->p != '"' || (t = new_tok(r)) == NULL)
			return -1;
		if (first == NULL)
			first = t;
		if (scan_string(r, &t->key, &t->klen) == -1)
			return -1;
		/* Names seen are marked in a bit set; only when the bit of
		 * a name is taken are the earlier names compared. */
		bit = (uint64_t)1 << key_bit(t);
		if ((seen & bit) && is_duplicate(first, t))
			return -1;
		seen |= bit;
		skip_ws(r);
		if (r->p == r->end || *r->p != ':')
			return -1;
		r->p++;
		skip_ws(r);
		if (r->p == r->end)
			return -1;
		if (*r->p == '{' || *r->p == '[') {
			if (depth > 0)
				return -1;
			if (*r->p++ == '{') {
				t->type = POOL_J_OBJECT;
				k = scan_members(r, 1);
			} else {
				t->type = POOL_J_ARRAY;
				k = scan_elements(r);
			}
			if (k == -1)
				return -1;
			t->n = (uint32_t)k;
		} else if (scan_scalar(r, t) == -1)
			return -1;
		n++;
		skip_ws(r);
		if (r->p == r->end)
			return -1;
		if (*r->p == '}') {
			r->p++;
			break;
		}
		if (*r->p != ',')
			return -1;
		r->p++;
		skip_ws(r);
	}
	return n;
}

/* One object at r->p (after white space); r->p just past its '}'. */
static int
scan_top(struct pool_jscan *sc, struct rd *r, const char *text, size_t len)
{
	long	n;

	sc->ntok = 0;
	sc->nmembers = 0;
	/* Room for every decoded string, each with its NUL. */
	if (len >= sc->buflen)
		return -1;
	r->p = text;
	r->end = text + len;
	r->d = sc->buf;
	r->sc = sc;
	skip_ws(r);
	if (r->p == r->end || *r->p != '{')
		return -1;
	r->p++;
	if ((n = scan_members(r, 0)) == -1)
		return -1;
	sc->nmembers = (size_t)n;
	return 0;
}

int
pool_jscan_object(struct pool_jscan *sc, const char *line, size_t len)
{
	struct rd	r;

	if (scan_top(sc, &r, line, len) == -1)
		return -1;
	skip_ws(&r);
	if (r.p != r.end) {
		sc->ntok = 0;
		sc->nmembers = 0;
		return -1;
	}
	return 0;
}

int
pool_jscan_object_prefix(struct pool_jscan *sc, const char *text, size_t len,
    size_t *used)
{
	struct rd	r;

	if (scan_top(sc, &r, text, len) == -1)
		return -1;
	*used = (size_t)(r.p - text);
	return 0;
}

const struct pool_jtok *
pool_jscan_find(const struct pool_jtok *m, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++, m += 1 + children(m))
		if (m->key[0] == key[0] && strcmp(m->key, key) == 0)
			return m;
	return NULL;
}
