/*
 * Keyed-hash pseudonyms for worker ids: "w-" and the first 16 hex
 * digits of HMAC-SHA-256(key, id), through OpenSSL libcrypto.  The same
 * key gives the same pseudonym in every run and every file, so
 * references between records stay intact; without the key the id
 * cannot be recomputed from the pseudonym.
 */
#ifndef POOL_PSEUDO_H
#define POOL_PSEUDO_H

#include <stddef.h>

#include "pool.h"

#define POOL_PSEUDO_LEN		18	/* "w-" + 16 hex digits */
#define POOL_PSEUDO_MINKEY	16	/* bytes of a key file, at least */
#define POOL_PSEUDO_MAXKEY	4096	/* bytes of a key file, at most */

struct pool_pseudo;

/**
 * A pseudonymiser with the key of len bytes (copied; any length).
 * Pair: pool_pseudo_free.
 */
struct pool_pseudo *pool_pseudo_new(const void *key, size_t len,
	    struct pool_error *err);

/**
 * Read the key from a file: its bytes without a final newline, at
 * least POOL_PSEUDO_MINKEY and at most POOL_PSEUDO_MAXKEY of them.
 */
struct pool_pseudo *pool_pseudo_load(const char *path,
	    struct pool_error *err);

/** Free a pseudonymiser (the key is wiped). */
void	pool_pseudo_free(struct pool_pseudo *);

/**
 * The pseudonym of id[0..len) into buf (POOL_PSEUDO_LEN + 1 bytes,
 * NUL-terminated).  Returns 0, or -1 if libcrypto fails.
 */
int	pool_pseudo_id(const struct pool_pseudo *, const char *id,
	    size_t len, char buf[POOL_PSEUDO_LEN + 1]);

#endif /* POOL_PSEUDO_H */
