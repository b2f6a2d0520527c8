/*
 * A small, strict JSON scanner for the common shape of an NDJSON
 * record: one object whose members are strings, numbers, true, false,
 * null, arrays of those, or objects of those (one level of nesting).
 *
 * The scanner never allocates: the caller gives it an array of tokens
 * and a buffer for the decoded strings.  What it accepts is valid JSON
 * (RFC 8259) read exactly as jansson's json_loadb reads it with
 * JSON_REJECT_DUPLICATES: the same string escapes, \uXXXX and surrogate
 * pairs decoded to UTF-8, the same UTF-8 checks, numbers told apart as
 * integers (no '.', 'e' or 'E') and reals and converted with strtoll
 * and strtod.  Anything else is refused: invalid JSON, but also valid
 * JSON it does not handle (deeper nesting, a \u0000 escape, a duplicate
 * key, an integer or real out of range, more tokens or decoded text
 * than the caller made room for).  A caller falls back to jansson for
 * what the scanner refuses.
 */
#ifndef POOL_JSCAN_H
#define POOL_JSCAN_H

#include <stddef.h>
#include <stdint.h>

enum pool_jtype {
	POOL_J_NULL = 0,
	POOL_J_FALSE,
	POOL_J_TRUE,
	POOL_J_INTEGER,		/* i holds it, x holds (double)i */
	POOL_J_REAL,		/* x holds it */
	POOL_J_STRING,		/* s, len: decoded, NUL-terminated */
	POOL_J_ARRAY,		/* n elements follow this token */
	POOL_J_OBJECT		/* n members follow this token */
};

/*
 * One value.  The members of the top-level object are tokens in input
 * order; an array or object member is followed by its n elements or
 * members (which have no children of their own).  key is the decoded,
 * NUL-terminated member name, or NULL for an array element.
 */
struct pool_jtok {
	const char	*key;
	const char	*s;
	size_t		 klen;
	size_t		 len;
	long long	 i;
	double		 x;
	uint32_t	 n;
	enum pool_jtype	 type;
};

struct pool_jscan {
	struct pool_jtok	*tok;		/* the caller's token array */
	size_t			 maxtok;
	char			*buf;		/* the caller's string buffer */
	size_t			 buflen;
	size_t			 ntok;		/* tokens used */
	size_t			 nmembers;	/* members of the top object */
};

/**
 * Prepare a scanner over the caller's tokens (maxtok of them) and
 * string buffer (buflen bytes; the decoded strings of a line, each with
 * a NUL, never take more room than the line itself).  Nothing to free.
 */
void	pool_jscan_init(struct pool_jscan *, struct pool_jtok *tok,
	    size_t maxtok, char *buf, size_t buflen);

/**
 * Scan one line (len bytes, need not be NUL-terminated) holding one
 * JSON object, optionally surrounded by white space.  Returns 0 with
 * the members in sc->tok[0 .. sc->ntok), or -1 if the line is not JSON
 * or not of the shape handled (see above).
 */
int	pool_jscan_object(struct pool_jscan *sc, const char *line,
	    size_t len);

/**
 * Scan one JSON object at the start of text (len bytes, optionally
 * after white space) that may be followed by anything, such as the
 * next element of an array: as pool_jscan_object, and *used is set to
 * the bytes up to and including the object's closing '}'.  An object
 * that does not end within len bytes is refused.
 */
int	pool_jscan_object_prefix(struct pool_jscan *sc, const char *text,
	    size_t len, size_t *used);

/**
 * Find the member named key among the n members starting at m (the
 * top object: sc->tok, sc->nmembers; a nested object: the tokens after
 * it).  Returns the member or NULL.
 */
const struct pool_jtok *pool_jscan_find(const struct pool_jtok *m,
	    size_t n, const char *key);

struct pool_data;
struct pool_record;

/**
 * The typed record of a scanned line (lib/record.c): what
 * pool_record_parse gives for it, or -1 when the scanned values are not
 * a valid record of a known type (the caller then takes the general
 * path, which words the error).  Strings are interned in data.
 */
int	pool_record_from_jscan(struct pool_data *,
	    const struct pool_jscan *sc, struct pool_record *out);

#endif /* POOL_JSCAN_H */
