/*
 * Calendars (RFC 5545) of assigned shifts: content lines folded at 75
 * octets on UTF-8 boundaries and ended by CRLF, TEXT escaping, a
 * VTIMEZONE for the pool's zone, and one VEVENT per assignment with a
 * stable UID.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool_report.h"

int
pool_ics_line(FILE *f, const char *name, const char *value)
{
	size_t	 used, n, i, len;
	const char *parts[2] = { name, value };
	const char *s;
	int	 p;

	/* The name and value form one line; fold it every 75 octets (the
	 * leading space of a continuation counts). */
	used = 0;
	for (p = 0; p < 2; p++) {
		s = parts[p];
		len = strlen(s);
		for (i = 0; i < len; i += n) {
			/* Length of the UTF-8 sequence at s[i]. */
			unsigned char c = (unsigned char)s[i];

			n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 :
			    c >= 0xC0 ? 2 : 1;
			if (i + n > len)
				n = len - i;
			if (used + n > 75) {
				fputs("\r\n ", f);
				used = 1;
			}
			fwrite(s + i, 1, n, f);
			used += n;
		}
		if (p == 0) {
			if (used + 1 > 75) {
				fputs("\r\n ", f);
				used = 1;
			}
			putc(':', f);
			used++;
		}
	}
	fputs("\r\n", f);
	return ferror(f) ? -1 : 0;
}

char *
pool_ics_text(const char *s, char *buf, size_t len)
{
	size_t	 o = 0, need, slen = strlen(s), i, n;
	char	 esc[4];

	if (len == 0)
		return buf;
	for (i = 0; i < slen; i += n) {
		unsigned char c = (unsigned char)s[i];

		/* One character at a time, so that a truncated value never
		 * ends inside a UTF-8 sequence. */
		n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 :
		    c >= 0xC0 ? 2 : 1;
		if (i + n > slen)
			n = slen - i;
		memcpy(esc, s + i, n);
		need = n;
		if (c == '\\' || c == ';' || c == ',') {
			esc[0] = '\\';
			esc[1] = (char)c;
			need = 2;
		} else if (c == '\n') {
			esc[0] = '\\';
			esc[1] = 'n';
			need = 2;
		} else if (c == '\r') {
			continue;
		} else if ((c < 0x20 && c != '\t') || c == 0x7f) {
			esc[0] = ' ';	/* CONTROL is not allowed in TEXT */
		}
		if (o + need >= len)
			break;
		memcpy(buf + o, esc, need);
		o += need;
	}
	buf[o] = '\0';
	return buf;
}

static void
fmt_offset(char *buf, size_t len, int off)
{
	char	 sign = off < 0 ? '-' : '+';

	if (off < 0)
		off = -off;
	if (off % 60 != 0)
		snprintf(buf, len, "%c%02d%02d%02d", sign, off / 3600,
		    off / 60 % 60, off % 60);
	else
		snprintf(buf, len, "%c%02d%02d", sign, off / 3600,
		    off / 60 % 60);
}

static void
fmt_civil(char *buf, size_t len, const struct pool_civil *c)
{
	snprintf(buf, len, "%04d%02d%02dT%02d%02d%02d", c->year, c->month,
	    c->day, c->hour, c->min, c->sec);
}

/* Local time of instant t at a fixed offset. */
static void
civil_at(int64_t t, int off, struct pool_civil *c)
{
	int64_t	 s = t + off, days, rem;

	days = s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
	rem = s - days * 86400;
	pool_time_civil_from_days(days, &c->year, &c->month, &c->day);
	c->hour = (int)(rem / 3600);
	c->min = (int)(rem / 60 % 60);
	c->sec = (int)(rem % 60);
}

static const char amsterdam[] =
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/Amsterdam\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0200\r\n"
    "TZNAME:CEST\r\n"
    "DTSTART:19700329T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "TZOFFSETFROM:+0200\r\n"
    "TZOFFSETTO:+0100\r\n"
    "TZNAME:CET\r\n"
    "DTSTART:19701025T030000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

static void
tz_part(FILE *f, const char *kind, int64_t t, int from, int to)
{
	struct pool_civil c;
	char	 buf[32];

	fprintf(f, "BEGIN:%s\r\n", kind);
	fmt_offset(buf, sizeof(buf), from);
	pool_ics_line(f, "TZOFFSETFROM", buf);
	fmt_offset(buf, sizeof(buf), to);
	pool_ics_line(f, "TZOFFSETTO", buf);
	/* The onset is given in the local time before the change. */
	civil_at(t, from, &c);
	fmt_civil(buf, sizeof(buf), &c);
	pool_ics_line(f, "DTSTART", buf);
	fprintf(f, "END:%s\r\n", kind);
}

int
pool_ics_vtimezone(FILE *f, const struct pool_tz *tz, int from_year,
    int to_year)
{
	char	 tzid[256];
	int64_t	 t, end, lo, hi, mid;
	int	 off, o2;

	if (strcmp(pool_tz_name(tz), "Europe/Amsterdam") == 0) {
		fputs(amsterdam, f);
		return ferror(f) ? -1 : 0;
	}
	fputs("BEGIN:VTIMEZONE\r\n", f);
	pool_ics_line(f, "TZID", pool_ics_text(pool_tz_name(tz), tzid,
	    sizeof(tzid)));
	t = pool_time_days_from_civil(from_year, 1, 1) * 86400;
	end = pool_time_days_from_civil(to_year + 1, 1, 1) * 86400;
	off = pool_tz_offset(tz, t);
	t -= off;		/* local midnight of 1 January */
	off = pool_tz_offset(tz, t);
	/* The offset in force at the start of the range. */
	tz_part(f, "STANDARD", t, off, off);
	/* Each change, found day by day and then to the second. */
	for (; t < end; t += 86400) {
		o2 = pool_tz_offset(tz, t + 86400);
		if (o2 == off)
			continue;
		lo = t;
		hi = t + 86400;
		while (hi - lo > 1) {
			mid = lo + (hi - lo) / 2;
			if (pool_tz_offset(tz, mid) == off)
				lo = mid;
			else
				hi = mid;
		}
		tz_part(f, o2 > off ? "DAYLIGHT" : "STANDARD", hi, off, o2);
		off = o2;
	}
	fputs("END:VTIMEZONE\r\n", f);
	return ferror(f) ? -1 : 0;
}

/* DTSTART/DTEND: local time with TZID, or UTC when the local time is
 * ambiguous and would be read as the other instant (RFC 5545 §3.3.5). */
static void
ics_time(FILE *f, const struct pool_ics *ics, const char *name, int64_t t)
{
	struct pool_civil c;
	char	 prop[300], val[32], tzid[256];
	int64_t	 back, back2;

	pool_tz_to_civil(ics->tz, t, &c);
	(void)pool_tz_from_civil(ics->tz, &c, &back, &back2);
	if (back != t) {
		civil_at(t, 0, &c);
		fmt_civil(val, sizeof(val), &c);
		strncat(val, "Z", sizeof(val) - strlen(val) - 1);
		pool_ics_line(f, name, val);
		return;
	}
	fmt_civil(val, sizeof(val), &c);
	pool_ics_text(pool_tz_name(ics->tz), tzid, sizeof(tzid));
	snprintf(prop, sizeof(prop), "%s;TZID=%s", name, tzid);
	pool_ics_line(f, prop, val);
}

/* A new string from fmt, any length; NULL when out of memory. */
static char *
dupf(const char *fmt, ...) POOL_PRINTFLIKE(1, 2);

static char *
dupf(const char *fmt, ...)
{
	va_list	 ap;
	char	*p;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || (p = malloc((size_t)n + 1)) == NULL)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

/* The TEXT escape of s, whole (each byte becomes at most two). */
static char *
text_dup(const char *s)
{
	size_t	 len = 2 * strlen(s) + 1;
	char	*p;

	if ((p = malloc(len)) == NULL)
		return NULL;
	return pool_ics_text(s, p, len);
}

/*
 * id for a UID, whole, with '%', '/' and '@' percent-escaped, so that
 * "shift/worker" can be split again and no two pairs share a UID.
 */
static char *
uid_part(const char *id)
{
	const char	*q;
	size_t		 n = 0;
	char		*p;

	for (q = id; *q != '\0'; q++)
		n += *q == '%' || *q == '/' || *q == '@' ? 3 : 1;
	if ((p = malloc(n + 1)) == NULL)
		return NULL;
	for (n = 0; *id != '\0'; id++) {
		if (*id == '%' || *id == '/' || *id == '@')
			n += (size_t)snprintf(p + n, 4, "%%%02X",
			    (unsigned char)*id);
		else
			p[n++] = *id;
	}
	p[n] = '\0';
	return p;
}

/* Write one TEXT property from a new string (freed); -1 if it is NULL. */
static int
text_line(FILE *f, const char *name, char *raw)
{
	char	*t;
	int	 rc;

	if (raw == NULL)
		return -1;
	t = text_dup(raw);
	free(raw);
	if (t == NULL)
		return -1;
	rc = pool_ics_line(f, name, t);
	free(t);
	return rc == -1 && !ferror(f) ? -1 : 0;
}

/*
 * One VEVENT.  Ids, names and notes are written whole, whatever their
 * length: lines are folded, never cut.  Returns -1 when out of memory.
 */
static int
ics_event(FILE *f, const struct pool_ics *ics, const struct pool_event *e)
{
	struct pool_civil c;
	char	 buf[32], *sh, *wk, *desc, *note;
	int	 rc;
	enum pool_lang l = ics->lang == POOL_LANG_NL ? POOL_LANG_NL :
		    POOL_LANG_EN;
	const char *at, *role, *org, *unit, *sep, *uname;
	const struct pool_unit_conf *u;

	fputs("BEGIN:VEVENT\r\n", f);
	sh = uid_part(e->shift);
	wk = uid_part(e->worker);
	rc = sh == NULL || wk == NULL ? -1 :
	    text_line(f, "UID", dupf("%s/%s@flexpool", sh, wk));
	free(sh);
	free(wk);
	if (rc == -1)
		return -1;
	civil_at(ics->dtstamp, 0, &c);
	fmt_civil(buf, sizeof(buf), &c);
	strncat(buf, "Z", sizeof(buf) - strlen(buf) - 1);
	pool_ics_line(f, "DTSTAMP", buf);
	ics_time(f, ics, "DTSTART", e->start);
	ics_time(f, ics, "DTEND", e->end);
	/* "verzorgende-ig at vechtstede"; Dutch with names: "Verzorgende
	 * IG — Vechtstede Zorg, afdeling Linde". */
	at = pool_i18n_get(l, "ics", " at ");
	role = pool_report_name(ics->names, "role", e->role, NULL);
	org = pool_report_name(ics->names, "org", e->org, NULL);
	unit = e->unit != NULL ? pool_report_name(ics->names, "unit", e->unit,
	    e->org) : NULL;
	u = ics->names != NULL && e->unit != NULL ?
	    pool_config_unit(ics->names, e->org, e->unit) : NULL;
	sep = ics->names != NULL && unit != NULL ? ", " : "";
	uname = ics->names != NULL && unit != NULL ? unit : "";
	if (text_line(f, "SUMMARY", ics->with_worker ?
	    dupf("%s: %s%s%s%s%s", e->worker, role, at, org, sep, uname) :
	    dupf("%s%s%s%s%s", role, at, org, sep, uname)) == -1)
		return -1;
	if (text_line(f, "LOCATION", u != NULL && u->address != NULL ?
	    dupf("%s, %s, %s", org, unit, u->address) : unit != NULL ?
	    dupf("%s, %s", org, unit) : dupf("%s", org)) == -1)
		return -1;
	/* The note is escaped on its own: the "\n" between is the
	 * escaped newline itself. */
	desc = dupf("%s %s, %s %s", pool_i18n_get(l, "ics", "shift"),
	    e->shift, pool_i18n_get(l, "ics", "worker"), e->worker);
	note = desc == NULL ? NULL : text_dup(desc);
	free(desc);
	if (note == NULL)
		return -1;
	if (e->note != NULL) {
		char	*n2 = text_dup(e->note);

		desc = n2 == NULL ? NULL : dupf("%s\\n%s", note, n2);
		free(n2);
		free(note);
		if (desc == NULL)
			return -1;
		note = desc;
	}
	pool_ics_line(f, "DESCRIPTION", note);
	free(note);
	pool_ics_line(f, "STATUS", e->confirmed ? "CONFIRMED" : "TENTATIVE");
	fputs("END:VEVENT\r\n", f);
	return 0;
}

int
pool_ics_calendar(const struct pool_ics *ics, const char *name,
    const struct pool_event *ev, size_t n, struct pool_error *err)
{
	FILE	*f = ics->f;
	struct pool_civil c;
	char	 buf[256];
	int	 y0 = 1970, y1 = 1970;
	size_t	 i;

	fputs("BEGIN:VCALENDAR\r\n", f);
	pool_ics_line(f, "VERSION", "2.0");
	pool_ics_line(f, "PRODID", "-//flexpool//pool-report " POOL_VERSION
	    "//EN");
	pool_ics_line(f, "CALSCALE", "GREGORIAN");
	if (name != NULL && text_line(f, "X-WR-CALNAME", dupf("%s", name))
	    == -1)
		return pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
	pool_ics_line(f, "X-WR-TIMEZONE", pool_ics_text(pool_tz_name(ics->tz),
	    buf, sizeof(buf)));
	if (n > 0) {
		pool_tz_to_civil(ics->tz, ev[0].start, &c);
		y0 = y1 = c.year;
		for (i = 0; i < n; i++) {
			pool_tz_to_civil(ics->tz, ev[i].start, &c);
			if (c.year < y0)
				y0 = c.year;
			pool_tz_to_civil(ics->tz, ev[i].end, &c);
			if (c.year > y1)
				y1 = c.year;
		}
	}
	pool_ics_vtimezone(f, ics->tz, y0, y1);
	for (i = 0; i < n; i++)
		if (ics_event(f, ics, &ev[i]) == -1)
			return pool_error_set(err, POOL_ENOMEM, NULL,
			    "out of memory");
	fputs("END:VCALENDAR\r\n", f);
	if (ferror(f)) {
		int e = errno;

		pool_error_set(err, POOL_ESYS, NULL, "write error: %s",
		    strerror(e));
		if (err != NULL)
			err->sys_errno = e;
		return -1;
	}
	return 0;
}
