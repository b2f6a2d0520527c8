/*
 * Unit tests of lib/sort.c: pool_sort orders by its comparison, keeps
 * equal elements in their order, and hands the comparison its argument.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool_int.h"
#include "test.h"

struct item {
	int	key;
	int	seq;		/* position before the sort */
};

/* By key modulo *arg: many equal keys. */
static int
mod_cmp(const void *a, const void *b, void *arg)
{
	const struct item	*x = a, *y = b;
	int			 m = *(int *)arg;

	return (x->key % m > y->key % m) - (x->key % m < y->key % m);
}

static unsigned long rnd_state = 42;

static int
rnd(int n)
{
	rnd_state = rnd_state * 6364136223846793005UL + 1442695040888963407UL;
	return (int)((rnd_state >> 33) % (unsigned long)n);
}

int
main(void)
{
	static struct item	 v[2000];
	size_t			 n, i, bad;
	int			 m, round;

	for (round = 0; round < 200; round++) {
		n = (size_t)rnd(2000);
		m = 1 + rnd(20);
		for (i = 0; i < n; i++) {
			v[i].key = rnd(1000);
			v[i].seq = (int)i;
		}
		pool_sort(v, n, sizeof(v[0]), mod_cmp, &m);
		for (i = 1, bad = 0; i < n; i++)
			if (mod_cmp(&v[i - 1], &v[i], &m) > 0 ||
			    (mod_cmp(&v[i - 1], &v[i], &m) == 0 &&
			    v[i - 1].seq > v[i].seq))
				bad++;
		CHECK(bad == 0, "round %d: %zu sorted by key %% %d, equal "
		    "ones in their order", round, n, m);
	}
	return test_done();
}
