/*
 * Languages of the reports: catalog lookup, messages matched against
 * c-format entries, and Dutch numbers, dates and weeks.  See
 * pool_i18n.h; the catalogs are po/<lang>.po, compiled into
 * lib/i18n_<lang>.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool_i18n.h"
#include "pool_time.h"

#define MAXARG	8

int
pool_lang_parse(const char *s)
{
	if (strcmp(s, "en") == 0)
		return POOL_LANG_EN;
	if (strcmp(s, "nl") == 0)
		return POOL_LANG_NL;
	return -1;
}

const char *
pool_lang_name(enum pool_lang l)
{
	return l == POOL_LANG_NL ? "nl" : "en";
}

enum pool_lang
pool_lang_from_env(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char	*v;
	size_t		 i;

	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		if ((v = getenv(vars[i])) != NULL && *v != '\0')
			return strncmp(v, "nl", 2) == 0 ? POOL_LANG_NL :
			    POOL_LANG_EN;
	return POOL_LANG_EN;
}

static int
same_ctxt(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

const char *
pool_i18n_get(enum pool_lang l, const char *ctxt, const char *msgid)
{
	const struct pool_i18n_msg *m;
	size_t	 i, n;

	if (l != POOL_LANG_NL || msgid == NULL)
		return msgid;
	m = pool_i18n_nl(&n);
	for (i = 0; i < n; i++)
		if (same_ctxt(m[i].ctxt, ctxt) && strcmp(m[i].id, msgid) == 0)
			return m[i].str;
	return msgid;
}

/* The end of the conversion that starts at p ('%'), or NULL. */
static const char *
conv_end(const char *p)
{
	p++;
	while (*p != '\0' && strchr("0123456789$.-+ #lhzjt", *p) != NULL)
		p++;
	return *p != '\0' ? p + 1 : NULL;
}

struct arg {
	const char	*s;
	size_t		 len;
};

/* Match s against the format p; each conversion takes one or more
 * characters.  Returns the number of arguments, or -1. */
static int
match(const char *p, const char *s, struct arg *a, int n)
{
	const char	*q;
	size_t		 len, max;
	int		 r;

	while (*p != '\0') {
		if (*p == '%' && p[1] == '%') {
			if (*s != '%')
				return -1;
			p += 2;
			s++;
			continue;
		}
		if (*p == '%') {
			if ((q = conv_end(p)) == NULL || n == MAXARG)
				return -1;
			max = strlen(s);
			for (len = 1; len <= max; len++) {
				a[n].s = s;
				a[n].len = len;
				if ((r = match(q, s + len, a, n + 1)) >= 0)
					return r;
			}
			return -1;
		}
		if (*p != *s)
			return -1;
		p++;
		s++;
	}
	return *s == '\0' ? n : -1;
}

static int
isdig(int c)
{
	return c >= '0' && c <= '9';
}

static int
digits(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (!isdig((unsigned char)s[i]))
			return 0;
	return 1;
}

/* Group the whole part of a number "1234567,5" as "1.234.567,5". */
static void
group_thousands(char *buf, size_t len)
{
	char	 tmp[64];
	size_t	 i, o = 0, lead, whole;
	const char *p = buf;

	if (*p == '-')
		tmp[o++] = *p++;
	for (whole = 0; isdig((unsigned char)p[whole]); whole++)
		;
	if (whole <= 3 || strlen(buf) + whole / 3 + 1 > sizeof(tmp))
		return;
	lead = whole % 3;
	for (i = 0; i < whole; i++) {
		if (i > 0 && (i - lead) % 3 == 0 && i >= lead)
			tmp[o++] = '.';
		tmp[o++] = p[i];
	}
	snprintf(tmp + o, sizeof(tmp) - o, "%s", p + whole);
	snprintf(buf, len, "%s", tmp);
}

char *
pool_i18n_num(enum pool_lang l, double v, int d, int group, char *buf,
    size_t len)
{
	char	*p;

	if (d < 0)
		d = 0;
	if (d > 6)
		d = 6;
	snprintf(buf, len, "%.*f", d, v);
	if (buf[0] == '-') {
		for (p = buf + 1; *p == '0' || *p == '.'; p++)
			;
		if (*p == '\0')
			memmove(buf, buf + 1, strlen(buf));
	}
	if (l != POOL_LANG_NL)
		return buf;
	if ((p = strchr(buf, '.')) != NULL)
		*p = ',';
	if (group)
		group_thousands(buf, len);
	return buf;
}

static const char *const wdays[] = { "ma", "di", "wo", "do", "vr", "za",
    "zo" };
static const char *const months[] = { "jan", "feb", "mrt", "apr", "mei",
    "jun", "jul", "aug", "sep", "okt", "nov", "dec" };

const char *
pool_i18n_weekday(enum pool_lang l, int wd)
{
	static const char *const en[] = { "Mon", "Tue", "Wed", "Thu", "Fri",
	    "Sat", "Sun" };

	if (wd < 1 || wd > 7)
		return "";
	return l == POOL_LANG_NL ? wdays[wd - 1] : en[wd - 1];
}

char *
pool_i18n_when(enum pool_lang l, const char *s, enum pool_when w, char *buf,
    size_t len)
{
	size_t	 n = strlen(s);
	int	 y, m, d, hh = -1, mm = 0, wd;
	int64_t	 days;

	if (l != POOL_LANG_NL)
		return NULL;
	if (n == 8 && digits(s, 4) && s[4] == '-' && s[5] == 'W' &&
	    digits(s + 6, 2)) {
		snprintf(buf, len, "week %d", atoi(s + 6));
		return buf;
	}
	if (n < 10 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) ||
	    s[7] != '-' || !digits(s + 8, 2))
		return NULL;
	if (n == 16 && s[10] == ' ' && digits(s + 11, 2) && s[13] == ':' &&
	    digits(s + 14, 2))
		;
	else if ((n == 20 || n == 25) && s[10] == 'T' && digits(s + 11, 2) &&
	    s[13] == ':' && digits(s + 14, 2) && s[16] == ':' &&
	    (s[19] == 'Z' || s[19] == '+' || s[19] == '-'))
		;
	else if (n != 10)
		return NULL;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (n > 10) {
		hh = atoi(s + 11);
		mm = atoi(s + 14);
	}
	if (!pool_time_valid_date(y, m, d))
		return NULL;
	days = pool_time_days_from_civil(y, m, d);
	wd = pool_time_weekday(days);
	switch (w) {
	case POOL_WHEN_SHORT:
		snprintf(buf, len, "%s %d %s", wdays[wd - 1], d, months[m - 1]);
		break;
	case POOL_WHEN_DAY:
		snprintf(buf, len, "%s %02d-%02d-%04d", wdays[wd - 1], d, m, y);
		break;
	default:
		snprintf(buf, len, "%02d-%02d-%04d", d, m, y);
		break;
	}
	if (hh >= 0) {
		size_t o = strlen(buf);

		snprintf(buf + o, len > o ? len - o : 0, " %02d:%02d", hh, mm);
	}
	return buf;
}

char *
pool_i18n_arg(enum pool_lang l, const char *s, char *buf, size_t len)
{
	const char	*p = s;
	char		*c;

	if (l == POOL_LANG_NL &&
	    pool_i18n_when(l, s, POOL_WHEN_LONG, buf, len) != NULL)
		return buf;
	snprintf(buf, len, "%s", s);
	if (l != POOL_LANG_NL)
		return buf;
	/* A plain decimal number: -12, 9.5, 1816.88. */
	if (*p == '-')
		p++;
	if (!isdig((unsigned char)*p))
		return buf;
	while (isdig((unsigned char)*p))
		p++;
	if (*p == '.' && isdig((unsigned char)p[1]))
		for (p++; isdig((unsigned char)*p); p++)
			;
	if (*p != '\0')
		return buf;
	if ((c = strchr(buf, '.')) != NULL)
		*c = ',';
	group_thousands(buf, len);
	return buf;
}

/* Append the n bytes at s to buf (of len, used o); returns the new o. */
static size_t
put(char *buf, size_t len, size_t o, const char *s, size_t n)
{
	if (o + 1 >= len)
		return o;
	if (n > len - o - 1)
		n = len - o - 1;
	memcpy(buf + o, s, n);
	buf[o + n] = '\0';
	return o + n;
}

static const char *text(enum pool_lang, const char *, const char *, char *,
    size_t, int);

const char *
pool_i18n_text(enum pool_lang l, const char *ctxt, const char *s, char *buf,
    size_t len)
{
	return text(l, ctxt, s, buf, len, 0);
}

/* An argument of a message: a number or a date the language's way, or
 * (one level down) a message of the catalog itself. */
static void
arg_text(enum pool_lang l, const char *ctxt, const char *s, char *buf,
    size_t len, int depth)
{
	const char	*t;
	char		 tmp[256];

	pool_i18n_arg(l, s, buf, len);
	if (strcmp(buf, s) != 0 || depth > 0)
		return;
	if ((t = text(l, ctxt, s, tmp, sizeof(tmp), depth + 1)) != s)
		snprintf(buf, len, "%s", t);
}

static const char *
text(enum pool_lang l, const char *ctxt, const char *s, char *buf,
    size_t len, int depth)
{
	const struct pool_i18n_msg *m;
	struct arg	 a[MAXARG];
	const char	*t, *p, *q;
	char		 one[256], tmp[256];
	size_t		 i, o, nm;
	int		 n, k, next;

	if (l != POOL_LANG_NL || s == NULL || len == 0)
		return s;
	if ((t = pool_i18n_get(l, ctxt, s)) != s)
		return t;
	m = pool_i18n_nl(&nm);
	for (i = 0; i < nm; i++) {
		if (!m[i].fmt || !same_ctxt(m[i].ctxt, ctxt) ||
		    (n = match(m[i].id, s, a, 0)) < 0)
			continue;
		o = 0;
		buf[0] = '\0';
		next = 0;
		for (p = m[i].str; *p != '\0'; p++) {
			if (*p != '%') {
				o = put(buf, len, o, p, 1);
				continue;
			}
			if (p[1] == '%') {
				o = put(buf, len, o, "%", 1);
				p++;
				continue;
			}
			if ((q = conv_end(p)) == NULL)
				break;
			/* "%2$s" names its argument; "%s" takes the next. */
			k = isdig((unsigned char)p[1]) && strchr(p, '$') != NULL &&
			    strchr(p, '$') < q ? atoi(p + 1) - 1 : next++;
			if (k >= 0 && k < n) {
				snprintf(tmp, sizeof(tmp), "%.*s",
				    (int)(a[k].len < sizeof(tmp) ? a[k].len :
				    sizeof(tmp) - 1), a[k].s);
				if (a[k].len < sizeof(tmp))
					arg_text(l, ctxt, tmp, one, sizeof(one),
					    depth);
				else
					snprintf(one, sizeof(one), "%.*s",
					    (int)a[k].len, a[k].s);
				o = put(buf, len, o, one, strlen(one));
			}
			p = q - 1;
		}
		return buf;
	}
	return s;
}
