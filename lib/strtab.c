/*
 * The string table of a data set (interned strings in arena blocks) and
 * the hash maps of the library: pointer -> index (workers and shifts by
 * id), (pointer, pointer, number) -> index, and a set of string hashes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pool_record.h"
#include "pool_strtab.h"

#define BLOCK	(64 * 1024)

struct block {
	struct block	*next;
	size_t		 used, cap;
	char		 mem[];
};

struct pool_strtab {
	struct block	 *blocks;
	const char	**slot;		/* open addressing, NULL = empty */
	uint32_t	 *hash;
	size_t		  cap, n;
};

static uint64_t
hash_bytes(const char *s, size_t len)
{
	uint64_t	h = 1469598103934665603ULL;	/* FNV-1a */

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h ^ (h >> 29);
}

struct pool_strtab *
pool_strtab_new(void)
{
	struct pool_strtab	*t;

	if ((t = calloc(1, sizeof(*t))) == NULL)
		return NULL;
	t->cap = 1024;
	t->slot = calloc(t->cap, sizeof(*t->slot));
	t->hash = calloc(t->cap, sizeof(*t->hash));
	if (t->slot == NULL || t->hash == NULL) {
		pool_strtab_free(t);
		return NULL;
	}
	return t;
}

void
pool_strtab_free(struct pool_strtab *t)
{
	struct block	*b, *next;

	if (t == NULL)
		return;
	for (b = t->blocks; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(t->slot);
	free(t->hash);
	free(t);
}

void *
pool_strtab_alloc(struct pool_strtab *t, size_t len)
{
	struct block	*b;
	size_t		 cap;
	void		*p;

	len = (len + 7) & ~(size_t)7;
	b = t->blocks;
	if (b == NULL || b->cap - b->used < len) {
		cap = len > BLOCK / 4 ? len : BLOCK;
		if ((b = malloc(sizeof(*b) + cap)) == NULL)
			return NULL;
		b->used = 0;
		b->cap = cap;
		if (len > BLOCK / 4 && t->blocks != NULL) {
			/* A big one goes behind the current block. */
			b->next = t->blocks->next;
			t->blocks->next = b;
		} else {
			b->next = t->blocks;
			t->blocks = b;
		}
	}
	p = b->mem + b->used;
	b->used += len;
	return p;
}

static int
grow(struct pool_strtab *t)
{
	const char	**slot;
	uint32_t	 *hash;
	size_t		  cap = t->cap * 2, i, j;

	slot = calloc(cap, sizeof(*slot));
	hash = calloc(cap, sizeof(*hash));
	if (slot == NULL || hash == NULL) {
		free(slot);
		free(hash);
		return -1;
	}
	for (i = 0; i < t->cap; i++) {
		if (t->slot[i] == NULL)
			continue;
		for (j = t->hash[i] & (cap - 1); slot[j] != NULL;
		    j = (j + 1) & (cap - 1))
			continue;
		slot[j] = t->slot[i];
		hash[j] = t->hash[i];
	}
	free(t->slot);
	free(t->hash);
	t->slot = slot;
	t->hash = hash;
	t->cap = cap;
	return 0;
}

const char *
pool_strtab_intern(struct pool_strtab *t, const char *s, size_t len)
{
	uint32_t	 h = (uint32_t)hash_bytes(s, len);
	size_t		 i;
	char		*p;

	if ((t->n + 1) * 4 > t->cap * 3 && grow(t) == -1)
		return NULL;
	for (i = h & (t->cap - 1); t->slot[i] != NULL; i = (i + 1) & (t->cap - 1))
		if (t->hash[i] == h && memcmp(t->slot[i], s, len) == 0 &&
		    t->slot[i][len] == '\0')
			return t->slot[i];
	if ((p = pool_strtab_alloc(t, len + 1)) == NULL)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	t->slot[i] = p;
	t->hash[i] = h;
	t->n++;
	return p;
}

const char *
pool_strtab_lookup(const struct pool_strtab *t, const char *s)
{
	size_t		len = strlen(s), i;
	uint32_t	h = (uint32_t)hash_bytes(s, len);

	for (i = h & (t->cap - 1); t->slot[i] != NULL; i = (i + 1) & (t->cap - 1))
		if (t->hash[i] == h && strcmp(t->slot[i], s) == 0)
			return t->slot[i];
	return NULL;
}

/* The bits of x mixed (the finaliser of MurmurHash3). */
static uint64_t
mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

/* Pointer -> index map. */

static size_t
ptr_hash(const void *p)
{
	return (size_t)mix((uint64_t)(uintptr_t)p);
}

void
pool_ptrmap_release(struct pool_ptrmap *m)
{
	free(m->key);
	free(m->val);
	memset(m, 0, sizeof(*m));
}

int
pool_ptrmap_put(struct pool_ptrmap *m, const void *key, long val)
{
	size_t	i;

	if ((m->n + 1) * 2 > m->cap) {
		struct pool_ptrmap	nm = { NULL, NULL, 0, 0 };

		nm.cap = m->cap ? m->cap * 2 : 64;
		nm.key = calloc(nm.cap, sizeof(*nm.key));
		nm.val = calloc(nm.cap, sizeof(*nm.val));
		if (nm.key == NULL || nm.val == NULL) {
			pool_ptrmap_release(&nm);
			return -1;
		}
		for (i = 0; i < m->cap; i++)
			if (m->key[i] != NULL)
				pool_ptrmap_put(&nm, m->key[i], m->val[i]);
		pool_ptrmap_release(m);
		*m = nm;
	}
	for (i = ptr_hash(key) & (m->cap - 1); m->key[i] != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (m->key[i] == key) {
			m->val[i] = val;
			return 0;
		}
	m->key[i] = key;
	m->val[i] = val;
	m->n++;
	return 0;
}

long
pool_ptrmap_get(const struct pool_ptrmap *m, const void *key)
{
	size_t	i;

	if (m->cap == 0 || key == NULL)
		return -1;
	for (i = ptr_hash(key) & (m->cap - 1); m->key[i] != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (m->key[i] == key)
			return m->val[i];
	return -1;
}

/* (pointer, pointer, number) -> index map. */

static size_t
key_hash(const void *a, const void *b, int64_t c)
{
	return (size_t)mix((uint64_t)(uintptr_t)a * 31 +
	    (uint64_t)(uintptr_t)b * 17 + (uint64_t)c);
}

static int
keymap_grow(struct pool_keymap *m)
{
	struct pool_keyent	*old = m->e;
	size_t			 oldcap = m->cap, i, j;

	m->cap = m->cap ? m->cap * 2 : 64;
	if ((m->e = malloc(m->cap * sizeof(*m->e))) == NULL) {
		m->e = old;
		m->cap = oldcap;
		return -1;
	}
	for (i = 0; i < m->cap; i++)
		m->e[i].v = -1;
	for (i = 0; i < oldcap; i++) {
		if (old[i].v < 0)
			continue;
		j = key_hash(old[i].a, old[i].b, old[i].c) & (m->cap - 1);
		while (m->e[j].v >= 0)
			j = (j + 1) & (m->cap - 1);
		m->e[j] = old[i];
	}
	free(old);
	return 0;
}

/* The slot of key (a, b, c): its own, or the free one it would take. */
static size_t
keymap_slot(const struct pool_keymap *m, const void *a, const void *b,
    int64_t c)
{
	size_t	 j;

	for (j = key_hash(a, b, c) & (m->cap - 1); m->e[j].v >= 0;
	    j = (j + 1) & (m->cap - 1))
		if (m->e[j].a == a && m->e[j].b == b && m->e[j].c == c)
			break;
	return j;
}

long
pool_keymap_get(struct pool_keymap *m, const void *a, const void *b,
    int64_t c, long next, int *added)
{
	size_t	 j;

	*added = 0;
	if ((m->n + 1) * 2 > m->cap && keymap_grow(m) == -1)
		return -1;
	j = keymap_slot(m, a, b, c);
	if (m->e[j].v >= 0)
		return m->e[j].v;
	m->e[j].a = a;
	m->e[j].b = b;
	m->e[j].c = c;
	m->e[j].v = next;
	m->n++;
	*added = 1;
	return next;
}

long
pool_keymap_find(const struct pool_keymap *m, const void *a, const void *b,
    int64_t c)
{
	if (m->cap == 0)
		return -1;
	return m->e[keymap_slot(m, a, b, c)].v;
}

void
pool_keymap_release(struct pool_keymap *m)
{
	free(m->e);
	memset(m, 0, sizeof(*m));
}

/* A set of string hashes. */

static uint64_t
str_hash(const char *s)
{
	uint64_t	h = hash_bytes(s, strlen(s));

	return h ? h : 1;
}

/* The slot of hash x: its own, or the free one it would take. */
static size_t
hashset_slot(const struct pool_hashset *h, uint64_t x)
{
	size_t	 j;

	for (j = mix(x) & (h->cap - 1); h->v[j] != 0 && h->v[j] != x;
	    j = (j + 1) & (h->cap - 1))
		;
	return j;
}

int
pool_hashset_add(struct pool_hashset *h, const char *s)
{
	uint64_t	 x = str_hash(s);
	size_t		 i, j;

	if ((h->n + 1) * 2 > h->cap) {
		struct pool_hashset	nh = { NULL, 0, 0 };

		nh.cap = h->cap ? h->cap * 2 : 1024;
		if ((nh.v = calloc(nh.cap, sizeof(*nh.v))) == NULL)
			return -1;
		for (i = 0; i < h->cap; i++)
			if (h->v[i] != 0)
				nh.v[hashset_slot(&nh, h->v[i])] = h->v[i];
		nh.n = h->n;
		free(h->v);
		*h = nh;
	}
	j = hashset_slot(h, x);
	if (h->v[j] == 0) {
		h->v[j] = x;
		h->n++;
	}
	return 0;
}

int
pool_hashset_has(const struct pool_hashset *h, const char *s)
{
	if (h->cap == 0)
		return 0;
	return h->v[hashset_slot(h, str_hash(s))] != 0;
}

void
pool_hashset_release(struct pool_hashset *h)
{
	free(h->v);
	memset(h, 0, sizeof(*h));
}
