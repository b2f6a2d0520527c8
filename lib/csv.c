/*
 * CSV reader (RFC 4180) with separator and encoding detection.  The
 * input goes through one fixed buffer; a row is copied once into a raw
 * buffer (for rejects) and once, unquoted, into a field buffer.  Runs
 * of ordinary bytes are copied with memcpy; only the separator, quote,
 * CR, LF and (in Windows-1252 input) bytes >= 0x80 stop the scan.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pool_csv.h"

#define IBUF	(64 * 1024)

/* Where the scanner is within a row. */
enum state {
	S_START,	/* at the start of a field */
	S_PLAIN,	/* inside an unquoted field */
	S_QUOTED,	/* inside a quoted field */
	S_QUOTE		/* a quote seen inside a quoted field */
};

/* Bytes of a word: HASZERO(w) marks its zero bytes (the lowest exactly). */
#define ONES		0x0101010101010101ULL
#define HIGHS		0x8080808080808080ULL
#define HASZERO(w)	(((w) - ONES) & ~(w) & HIGHS)

/* Bits of the byte class table. */
#define C_PLAIN		1	/* stops a run in an unquoted field */
#define C_QUOTED	2	/* stops a run in a quoted field */

struct pool_csv {
	FILE			*f;
	char			*source;
	int			 delim;
	enum pool_csv_enc	 enc;
	size_t			 maxrow, maxfields;
	unsigned char		 cls[256];
	uint64_t		 wdelim;	/* the separator in each byte */
	uint64_t		 whigh;		/* HIGHS if bytes >= 0x80 stop
						   a field, else 0 */

	unsigned char		*ibuf;
	size_t			 cap;		/* of ibuf: IBUF, more while a
						   row spans lines */
	size_t			 ipos, iend;
	size_t			 mark;		/* start of the row being
						   scanned, kept in ibuf */
	int			 marked;
	int			 eof;
	int			 ioerr;
	int			 cronly;	/* lines end with a lone CR */

	char			*raw;		/* maxrow + 1 */
	size_t			 rawlen;
	char			*fbuf;		/* maxrow + maxfields + 1 */
	size_t			 flen;
	size_t			*foff;		/* maxfields + 1 */
	size_t			 nf;

	unsigned long		 line, nextline, skipped;
	int			 toolong, toomany, badquote, nul;
	int			 multi;		/* a line break inside quotes */
};

/* Windows-1252 0x80-0x9f as Unicode (undefined bytes: the C1 control). */
static const unsigned short cp1252_hi[32] = {
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
	0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178
};

int
pool_csv_enc_parse(const char *s)
{
	if (strcasecmp(s, "utf-8") == 0 || strcasecmp(s, "utf8") == 0)
		return POOL_CSV_UTF8;
	if (strcasecmp(s, "windows-1252") == 0 ||
	    strcasecmp(s, "cp1252") == 0 || strcasecmp(s, "latin1") == 0 ||
	    strcasecmp(s, "iso-8859-1") == 0)
		return POOL_CSV_CP1252;
	if (strcasecmp(s, "auto") == 0)
		return POOL_CSV_AUTO;
	return -1;
}

/*
 * Length of the valid UTF-8 prefix of s[0..len).  If partial_ok, an
 * incomplete sequence at the very end counts as valid (the rest of it
 * is in the next block).
 */
static size_t
utf8_prefix(const unsigned char *s, size_t len, int partial_ok)
{
	size_t	i = 0, n, k;
	unsigned int c, min;

	while (i < len) {
		c = s[i];
		if (c < 0x80) {
			uint64_t w;

			/* Eight ASCII bytes at a time. */
			while (i + 8 <= len && (memcpy(&w, s + i, 8),
			    (w & 0x8080808080808080ULL) == 0))
				i += 8;
			if (i < len && s[i] < 0x80)
				i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			n = 1; c &= 0x1f; min = 0x80;
		} else if (c >= 0xe0 && c <= 0xef) {
			n = 2; c &= 0x0f; min = 0x800;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 3; c &= 0x07; min = 0x10000;
		} else
			return i;
		for (k = 1; k <= n; k++) {
			if (i + k >= len)
				return partial_ok ? len : i;
			if ((s[i + k] & 0xc0) != 0x80)
				return i;
			c = (c << 6) | (s[i + k] & 0x3f);
		}
		if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
			return i;
		i += n + 1;
	}
	return i;
}

/*
 * Read more input.  The bytes from ipos on are kept; while a row is
 * scanned (marked), from its start on, so that a row that spans lines
 * can be read again from its second line (resync); the buffer grows
 * for that, bounded by the row limit (a longer row drops the mark).
 */
static int
fill(struct pool_csv *r)
{
	size_t		 n, keep = r->marked ? r->mark : r->ipos;
	unsigned char	*nb;

	if (r->eof)
		return 0;
	if (keep < r->iend)
		memmove(r->ibuf, r->ibuf + keep, r->iend - keep);
	r->iend -= keep;
	r->ipos -= keep;
	if (r->marked)
		r->mark = 0;
	if (r->iend == r->cap) {
		if ((nb = realloc(r->ibuf, r->cap * 2)) == NULL) {
			r->ioerr = ENOMEM;
			r->eof = 1;
			return 0;
		}
		r->ibuf = nb;
		r->cap *= 2;
	}
	n = fread(r->ibuf + r->iend, 1, r->cap - r->iend, r->f);
	r->iend += n;
	if (n == 0) {
		if (ferror(r->f))
			r->ioerr = errno ? errno : EIO;
		r->eof = 1;
		return 0;
	}
	return 1;
}

/*
 * 1 if the first line of the buffer ends with a lone CR (old Mac
 * files, Excel for Mac): then a CR ends a row.
 */
static int
detect_cr(const unsigned char *p, size_t len, int eof)
{
	size_t	i;
	int	q = 0;

	for (i = 0; i < len; i++) {
		if (p[i] == '"')
			q = !q;
		else if (!q && p[i] == '\n')
			return 0;
		else if (!q && p[i] == '\r')
			return i + 1 < len ? p[i + 1] != '\n' : eof;
	}
	return 0;
}

/* Count separators outside quotes in the first row of the buffer. */
static int
detect_delim(const unsigned char *p, size_t len)
{
	static const char cand[] = { ';', '\t', ',' };
	size_t	count[3] = { 0, 0, 0 }, i, best;
	int	q = 0;

	for (i = 0; i < len; i++) {
		if (p[i] == '"')
			q = !q;
		else if (!q && (p[i] == '\n' || p[i] == '\r'))
			break;
		else if (!q && p[i] == ';')
			count[0]++;
		else if (!q && p[i] == '\t')
			count[1]++;
		else if (!q && p[i] == ',')
			count[2]++;
	}
	best = 2;
	for (i = 0; i < 3; i++)
		if (count[i] > count[best] ||
		    (count[i] == count[best] && count[i] > 0 && i < best))
			best = i;
	return cand[best];
}

struct pool_csv *
pool_csv_new(FILE *f, const char *source, const struct pool_csv_opts *opts,
    struct pool_error *err)
{
	struct pool_csv	*r;
	size_t		 i;

	if ((r = calloc(1, sizeof(*r))) == NULL)
		goto nomem;
	r->f = f;
	r->line = r->nextline = 1;
	r->maxrow = opts && opts->maxrow ? opts->maxrow : POOL_CSV_MAXROW;
	r->maxfields = opts && opts->maxfields ? opts->maxfields :
	    POOL_CSV_MAXFIELDS;
	if ((r->source = strdup(source)) == NULL ||
	    (r->ibuf = malloc(r->cap = IBUF)) == NULL ||
	    (r->raw = malloc(r->maxrow + 1)) == NULL ||
	    (r->fbuf = malloc(r->maxrow + r->maxfields + 1)) == NULL ||
	    (r->foff = calloc(r->maxfields + 1, sizeof(*r->foff))) == NULL)
		goto nomem;
	r->raw[0] = '\0';

	while (r->iend < POOL_CSV_DETECT && fill(r))
		;
	if (r->ioerr) {
		errno = r->ioerr;
		pool_error_set(err, POOL_ESYS, NULL, "read error");
		pool_error_locate(err, source, 0);
		pool_csv_free(r);
		return NULL;
	}
	if (r->iend >= 2 && ((r->ibuf[0] == 0xff && r->ibuf[1] == 0xfe) ||
	    (r->ibuf[0] == 0xfe && r->ibuf[1] == 0xff))) {
		pool_error_set(err, POOL_EPARSE, NULL,
		    "UTF-16 input is not supported: save it as UTF-8");
		pool_error_locate(err, source, 1);
		pool_csv_free(r);
		return NULL;
	}
	r->enc = opts ? opts->enc : POOL_CSV_AUTO;
	if (r->iend >= 3 && memcmp(r->ibuf, "\xef\xbb\xbf", 3) == 0) {
		r->ipos = 3;
		if (r->enc == POOL_CSV_AUTO)
			r->enc = POOL_CSV_UTF8;
	}
	if (r->enc == POOL_CSV_AUTO) {
		size_t n = r->iend - r->ipos;

		r->enc = utf8_prefix(r->ibuf + r->ipos, n, !r->eof) == n ?
		    POOL_CSV_UTF8 : POOL_CSV_CP1252;
	}
	r->delim = opts && opts->delim ? opts->delim :
	    detect_delim(r->ibuf + r->ipos, r->iend - r->ipos);
	r->cronly = detect_cr(r->ibuf + r->ipos, r->iend - r->ipos, r->eof);

	r->cls['\n'] = C_PLAIN | C_QUOTED;
	r->cls['\r'] = C_PLAIN | C_QUOTED;
	r->cls['"'] = C_PLAIN | C_QUOTED;
	r->cls['\0'] = C_PLAIN | C_QUOTED;
	r->cls[(unsigned char)r->delim] |= C_PLAIN;
	if (r->enc == POOL_CSV_CP1252)
		for (i = 0x80; i < 0x100; i++)
			r->cls[i] = C_PLAIN | C_QUOTED;
	r->wdelim = ONES * (unsigned char)r->delim;
	r->whigh = r->enc == POOL_CSV_CP1252 ? HIGHS : 0;
	return r;
nomem:
	pool_error_set(err, POOL_ENOMEM, NULL, "out of memory");
	pool_csv_free(r);
	return NULL;
}

void
pool_csv_free(struct pool_csv *r)
{
	if (r == NULL)
		return;
	free(r->source);
	free(r->ibuf);
	free(r->raw);
	free(r->fbuf);
	free(r->foff);
	free(r);
}

/* Append n bytes to the raw text and, if field, to the current field. */
static inline void
put(struct pool_csv *r, const void *p, size_t n, int field)
{
	if (r->toolong)
		return;
	if (r->rawlen + n > r->maxrow) {
		r->toolong = 1;
		return;
	}
	memcpy(r->raw + r->rawlen, p, n);
	r->rawlen += n;
	if (field && !r->toomany) {
		memcpy(r->fbuf + r->flen, p, n);
		r->flen += n;
	}
}

/* Append one byte >= 0x80 of Windows-1252 input as UTF-8. */
static void
put_cp1252(struct pool_csv *r, unsigned char c, int field)
{
	unsigned int	u = c < 0xa0 ? cp1252_hi[c - 0x80] : c;
	unsigned char	b[3];

	if (u < 0x800) {
		b[0] = 0xc0 | (u >> 6);
		b[1] = 0x80 | (u & 0x3f);
		put(r, b, 2, field);
	} else {
		b[0] = 0xe0 | (u >> 12);
		b[1] = 0x80 | ((u >> 6) & 0x3f);
		b[2] = 0x80 | (u & 0x3f);
		put(r, b, 3, field);
	}
}

static void
end_field(struct pool_csv *r)
{
	if (r->toolong || r->toomany) {
		r->nf++;
		return;
	}
	if (r->nf >= r->maxfields) {
		r->toomany = 1;
		r->nf++;
		return;
	}
	r->fbuf[r->flen++] = '\0';
	r->nf++;
	r->foff[r->nf] = r->flen;
}

/*
 * A CR not inside quotes: the end of a row (1) if it is followed by LF
 * (the LF, read next, ends it) or the file ends its lines with a lone
 * CR; else data (0).  Sets *crlf if an LF follows.
 */
static int
cr_ends(struct pool_csv *r, int *crlf)
{
	if (r->ipos == r->iend)
		fill(r);
	*crlf = r->ipos < r->iend && r->ibuf[r->ipos] == '\n';
	return *crlf || r->cronly;
}

/*
 * Scan one row into raw and the fields.  Returns 1 if a row (perhaps
 * empty) was read, 0 at end of input.  A row that grows too long after
 * a line break inside quotes stops there (then resync reads on from
 * its second line).
 */
static int
scan_row(struct pool_csv *r, int *unterminated)
{
	enum state	 st = S_START;
	unsigned char	 c;
	size_t		 s;
	int		 any = 0, crlf;

	r->mark = r->ipos;
	r->marked = 1;
	for (;;) {
		if (r->toolong) {
			if (r->multi)
				return 1;
			/* Past the limit on one line: resync at LF. */
			r->marked = 0;
			if (st == S_QUOTED)
				st = S_PLAIN;
		}
		if (r->ipos == r->iend && !fill(r)) {
			if (!any)
				return 0;
			if (st == S_QUOTED)
				*unterminated = 1;
			end_field(r);
			return 1;
		}
		any = 1;
		if (st == S_PLAIN || st == S_QUOTED) {
			unsigned char bit = st == S_PLAIN ? C_PLAIN : C_QUOTED;

			s = r->ipos;
			while (r->ipos < r->iend &&
			    !(r->cls[r->ibuf[r->ipos]] & bit))
				r->ipos++;
			if (r->ipos > s)
				put(r, r->ibuf + s, r->ipos - s, 1);
			if (r->ipos == r->iend || (r->toolong &&
			    (r->multi || st == S_QUOTED)))
				continue;
		}
		c = r->ibuf[r->ipos++];
		if (c == '\0') {
			/* Data, but the row is marked (pool_csv_nul). */
			r->nul = 1;
			put(r, &c, 1, 1);
			if (st == S_START)
				st = S_PLAIN;
			else if (st == S_QUOTE) {
				r->badquote = 1;
				st = S_PLAIN;
			}
			continue;
		}
		if (c >= 0x80 && r->enc == POOL_CSV_CP1252) {
			put_cp1252(r, c, 1);
			if (st == S_START)
				st = S_PLAIN;
			else if (st == S_QUOTE) {
				r->badquote = 1;
				st = S_PLAIN;
			}
			continue;
		}
		switch (st) {
		case S_START:
		case S_PLAIN:
			if (c == (unsigned char)r->delim) {
				put(r, &c, 1, 0);
				end_field(r);
				st = S_START;
			} else if (c == '\n') {
				r->nextline++;
				end_field(r);
				return 1;
			} else if (c == '\r') {
				if (cr_ends(r, &crlf)) {
					if (crlf)
						continue; /* LF ends it */
					r->nextline++;
					end_field(r);
					return 1;
				}
				put(r, &c, 1, 1);
				st = S_PLAIN;
			} else if (c == '"' && st == S_START) {
				put(r, &c, 1, 0);
				st = S_QUOTED;
			} else {
				/* A quote inside an unquoted field is data. */
				put(r, &c, 1, 1);
				st = S_PLAIN;
			}
			break;
		case S_QUOTED:
			if (c == '"') {
				put(r, &c, 1, 0);
				st = S_QUOTE;
			} else {
				/* A line break inside quotes. */
				if (c == '\n' || c == '\r') {
					r->multi = 1;
					if (c == '\n' || r->cronly)
						r->nextline++;
				}
				put(r, &c, 1, 1);
			}
			break;
		case S_QUOTE:
			if (c == '"') {
				put(r, &c, 1, 1);
				st = S_QUOTED;
			} else if (c == (unsigned char)r->delim) {
				put(r, &c, 1, 0);
				end_field(r);
				st = S_START;
			} else if (c == '\n') {
				r->nextline++;
				end_field(r);
				return 1;
			} else if (c == '\r' && cr_ends(r, &crlf)) {
				if (crlf)
					continue;
				r->nextline++;
				end_field(r);
				return 1;
			} else {
				r->badquote = 1;
				put(r, &c, 1, 1);
				st = S_PLAIN;
			}
			break;
		}
	}
}

/*
 * The current row spans lines (a line break inside quotes) and is bad:
 * cut it to its first line and read on from the second.  The row's
 * bytes are still in the buffer (marked), and its first line break is
 * the one inside quotes: a line break outside them ends a row.
 */
static void
resync(struct pool_csv *r)
{
	unsigned char	*p = r->ibuf + r->mark, *e = r->ibuf + r->ipos;
	char		*q;
	size_t		 i;

	while (p < e && *p != '\n' && *p != '\r')
		p++;
	if (p < e && *p == '\r' && p + 1 < r->ibuf + r->iend && p[1] == '\n')
		p++;
	r->ipos = (size_t)(p + (p < e) - r->ibuf);
	r->nextline = r->line + 1;
	for (i = 0, q = r->raw; i < r->rawlen && q[i] != '\n' && q[i] != '\r';
	    i++)
		;
	r->rawlen = i;
	r->raw[i] = '\0';
	r->nf = 0;
	r->marked = 0;
}

/*
 * The common row, read without the scanner: wholly in the buffer and
 * ended by LF (or CR LF); no CR, NUL or (in Windows-1252 input) byte
 * >= 0x80 in it; quotes only around whole fields, closed on the same
 * line; within the limits.  The fields are unquoted into fbuf, each
 * ended by a NUL, which is the layout scan_row gives, and the line is
 * copied into raw.  Returns 1 if the row was read, 0 if scan_row must
 * read it (then nothing was consumed).
 */
static int
quick_row(struct pool_csv *r)
{
	const unsigned char	*s, *nl, *e, *q;
	const unsigned char	*cls = r->cls;
	unsigned char		*fb = (unsigned char *)r->fbuf, delim;
	size_t			 len, i, o = 0, nf = 0, n;

	s = r->ibuf + r->ipos;
	if ((nl = memchr(s, '\n', r->iend - r->ipos)) == NULL) {
		/* A full buffer holds no more: fill() would see no input. */
		if (r->eof || r->iend - r->ipos >= r->cap || !fill(r))
			return 0;
		s = r->ibuf + r->ipos;
		if ((nl = memchr(s, '\n', r->iend - r->ipos)) == NULL)
			return 0;
	}
	e = nl;
	if (e > s && e[-1] == '\r')
		e--;
	if ((len = (size_t)(e - s)) > r->maxrow)
		return 0;
	delim = (unsigned char)r->delim;
	for (i = 0;;) {
		if (i < len && s[i] == '"') {
			/* A quoted field: runs up to each quote. */
			for (i++;;) {
				for (q = s + i; q < e && !(cls[*q] & C_QUOTED);
				    q++)
					;
				if (q == e || *q != '"')
					return 0;
				n = (size_t)(q - s) - i;
				memcpy(fb + o, s + i, n);
				o += n;
				i += n + 1;
				if (i < len && s[i] == '"') {
					fb[o++] = '"';
					i++;
					continue;
				}
				break;
			}
			if (i < len && s[i] != delim)
				return 0;
		} else {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			/* Eight bytes at a time up to the first that stops
			   the field (the lowest one marked is exact). */
			while (i + 8 <= len) {
				uint64_t w, m;

				memcpy(&w, s + i, 8);
				memcpy(fb + o, &w, 8);
				m = HASZERO(w ^ r->wdelim) |
				    HASZERO(w ^ (ONES * '"')) |
				    HASZERO(w ^ (ONES * '\r')) | HASZERO(w) |
				    (w & r->whigh);
				if (m != 0) {
					n = (size_t)__builtin_ctzll(m) / 8;
					i += n;
					o += n;
					break;
				}
				i += 8;
				o += 8;
			}
#endif
			for (; i < len && !(cls[s[i]] & C_PLAIN); i++)
				fb[o++] = s[i];
			if (i < len && s[i] != delim)
				return 0;
		}
		fb[o++] = '\0';
		r->foff[++nf] = o;
		if (i == len)
			break;
		if (nf >= r->maxfields)
			return 0;	/* one more field than allowed */
		i++;
	}
	r->nf = nf;
	r->flen = o;
	memcpy(r->raw, s, len);
	r->rawlen = len;
	r->ipos = (size_t)(nl + 1 - r->ibuf);
	r->nextline++;
	return 1;
}

int
pool_csv_next(struct pool_csv *r, struct pool_error *err)
{
	size_t	i;
	int	unterminated, empty, cut;
	char	why[64];

	for (;;) {
		r->rawlen = r->flen = r->nf = 0;
		r->foff[0] = 0;
		r->toolong = r->toomany = r->badquote = r->nul = 0;
		r->marked = r->multi = 0;
		r->line = r->nextline;
		unterminated = 0;
		if ((r->cronly || !quick_row(r)) &&
		    !scan_row(r, &unterminated)) {
			r->raw[0] = '\0';
			if (r->ioerr) {
				errno = r->ioerr;
				pool_error_set(err, POOL_ESYS, NULL,
				    "read error");
				pool_error_locate(err, r->source, r->line);
				return -1;
			}
			return 0;
		}
		r->raw[r->rawlen] = '\0';
		if (r->toolong || r->toomany || r->badquote || unterminated)
			break;
		empty = 1;
		for (i = 0; i < r->nf && empty; i++)
			if (r->foff[i + 1] - r->foff[i] > 1)
				empty = 0;
		if (!empty)
			break;
		r->skipped++;
	}
	if (r->toolong || r->toomany)
		r->nf = 0;
	cut = r->multi && r->marked && (r->toolong || r->toomany ||
	    r->badquote || unterminated);
	if (cut) {
		/* A quote that does not close within the row. */
		if (r->toolong)
			snprintf(why, sizeof(why), "a row longer than %zu "
			    "bytes", r->maxrow);
		else if (r->toomany)
			snprintf(why, sizeof(why), "more than %zu fields",
			    r->maxfields);
		else
			snprintf(why, sizeof(why), "%s", unterminated ?
			    "the end of input" : "a character after a quote");
		resync(r);
		pool_error_set(err, POOL_EPARSE, NULL, "quoted field not "
		    "closed on its line (it runs into %s): the line is "
		    "rejected alone", why);
	} else if (r->toolong)
		pool_error_set(err, POOL_ELIMIT, NULL,
		    "row longer than %zu bytes", r->maxrow);
	else if (r->toomany)
		pool_error_set(err, POOL_ELIMIT, NULL,
		    "row has more than %zu fields", r->maxfields);
	else if (unterminated)
		pool_error_set(err, POOL_EPARSE, NULL,
		    "quoted field not closed at end of input");
	else if (r->badquote)
		pool_error_set(err, POOL_EPARSE, NULL,
		    "character after the closing quote of a field");
	else if (r->enc == POOL_CSV_UTF8 && utf8_prefix(
	    (unsigned char *)r->raw, r->rawlen, 0) != r->rawlen)
		pool_error_set(err, POOL_EPARSE, NULL,
		    "invalid UTF-8 (is the file in windows-1252?)");
	else
		return 1;
	pool_error_locate(err, r->source, r->line);
	return -1;
}

int
pool_csv_resync(struct pool_csv *r)
{
	if (!r->multi || !r->marked)
		return 0;
	resync(r);
	return 1;
}

size_t
pool_csv_nfields(const struct pool_csv *r)
{
	return r->nf;
}

const char *
pool_csv_field(const struct pool_csv *r, size_t i, size_t *len)
{
	if (i >= r->nf)
		return NULL;
	if (len != NULL)
		*len = r->foff[i + 1] - r->foff[i] - 1;
	return r->fbuf + r->foff[i];
}

const char *
pool_csv_raw(const struct pool_csv *r, size_t *len)
{
	if (len != NULL)
		*len = r->rawlen;
	return r->raw;
}

unsigned long
pool_csv_line(const struct pool_csv *r)
{
	return r->line;
}

int
pool_csv_delim(const struct pool_csv *r)
{
	return r->delim;
}

enum pool_csv_enc
pool_csv_encoding(const struct pool_csv *r)
{
	return r->enc;
}

unsigned long
pool_csv_skipped(const struct pool_csv *r)
{
	return r->skipped;
}

int
pool_csv_nul(const struct pool_csv *r)
{
	return r->nul;
}
