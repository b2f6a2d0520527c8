/*
 * String table and pointer maps: the interning behind struct pool_data,
 * usable on their own by modules that need a fast id -> index map.
 */
#ifndef POOL_STRTAB_H
#define POOL_STRTAB_H

#include <stddef.h>

struct pool_strtab;

/** A new, empty string table, or NULL.  Pair: pool_strtab_free. */
struct pool_strtab *pool_strtab_new(void);
void		 pool_strtab_free(struct pool_strtab *);

/** Intern len bytes of s; the copy lives as long as the table. */
const char	*pool_strtab_intern(struct pool_strtab *, const char *s,
		    size_t len);

/** The interned copy of a NUL-terminated s, or NULL if not interned. */
const char	*pool_strtab_lookup(const struct pool_strtab *, const char *s);

/** len bytes of memory (8-aligned) that live as long as the table. */
void		*pool_strtab_alloc(struct pool_strtab *, size_t len);

/* A map from pointers (interned strings) to indexes.  Zero-initialise;
 * pair: pool_ptrmap_release. */
struct pool_ptrmap {
	const void	**key;
	long		 *val;
	size_t		  cap, n;
};

/** Set key -> val (replacing).  Returns 0 or -1 (out of memory). */
int		 pool_ptrmap_put(struct pool_ptrmap *, const void *key, long val);

/** The value of key, or -1. */
long		 pool_ptrmap_get(const struct pool_ptrmap *, const void *key);

void		 pool_ptrmap_release(struct pool_ptrmap *);

#endif /* POOL_STRTAB_H */
