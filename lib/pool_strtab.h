/*
 * String table and hash maps: the interning behind struct pool_data,
 * and the maps of modules that need a fast key -> index map or set.
 * All are open addressing with linear probing, at most half full.
 */
#ifndef POOL_STRTAB_H
#define POOL_STRTAB_H

#include <stddef.h>
#include <stdint.h>

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

/* A map from a key of two pointers (interned strings, or NULL) and a
 * number to an index.  Zero-initialise; pair: pool_keymap_release. */
struct pool_keymap {
	struct pool_keyent {
		const void	*a, *b;
		int64_t		 c;
		long		 v;	/* -1: a free slot */
	}		*e;
	size_t		 cap, n;
};

/**
 * The index of key (a, b, c); if absent, store next and return it, with
 * *added set.  Returns -1 when out of memory.
 */
long		 pool_keymap_get(struct pool_keymap *, const void *a,
		    const void *b, int64_t c, long next, int *added);

/** The index of key (a, b, c), or -1. */
long		 pool_keymap_find(const struct pool_keymap *, const void *a,
		    const void *b, int64_t c);

void		 pool_keymap_release(struct pool_keymap *);

/* A set of strings kept as their 64-bit hashes (8 bytes a member): a
 * string not added is found only if its hash is a member's.
 * Zero-initialise; pair: pool_hashset_release. */
struct pool_hashset {
	uint64_t	*v;		/* 0: a free slot */
	size_t		 cap, n;
};

/** Add s.  Returns 0 or -1 (out of memory). */
int		 pool_hashset_add(struct pool_hashset *, const char *s);

/** 1 if s (or a string of the same hash) was added, else 0. */
int		 pool_hashset_has(const struct pool_hashset *, const char *s);

void		 pool_hashset_release(struct pool_hashset *);

#endif /* POOL_STRTAB_H */
