/*
 * Sorting with a context: a stable merge sort whose comparison gets the
 * caller's argument, so that no sort keeps its state at file scope.
 */
#include <stdlib.h>
#include <string.h>

#include "pool_int.h"

/* Swap two elements of size bytes, a byte at a time. */
static void
swap(unsigned char *a, unsigned char *b, size_t size)
{
	unsigned char	t;

	while (size-- > 0) {
		t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

/* Merge sort of v[0..n) by way of tmp (room for n elements). */
static void
msort(unsigned char *v, unsigned char *tmp, size_t n, size_t size,
    int (*cmp)(const void *, const void *, void *), void *arg)
{
	size_t		 h = n / 2, i = 0, j = h, k = 0;

	if (n < 2)
		return;
	msort(v, tmp, h, size, cmp, arg);
	msort(v + h * size, tmp, n - h, size, cmp, arg);
	if (cmp(v + (h - 1) * size, v + h * size, arg) <= 0)
		return;			/* already in order */
	while (i < h && j < n) {
		/* the left one first when equal: stable */
		if (cmp(v + j * size, v + i * size, arg) < 0)
			memcpy(tmp + k++ * size, v + j++ * size, size);
		else
			memcpy(tmp + k++ * size, v + i++ * size, size);
	}
	if (i < h)
		memcpy(tmp + k * size, v + i * size, (h - i) * size);
	else
		memcpy(tmp + k * size, v + j * size, (n - j) * size);
	memcpy(v, tmp, n * size);
}

void
pool_sort(void *base, size_t n, size_t size,
    int (*cmp)(const void *, const void *, void *), void *arg)
{
	unsigned char	*v = base, *tmp;
	size_t		 i, j;

	if (n < 2 || size == 0)
		return;
	if (n <= SIZE_MAX / size && (tmp = malloc(n * size)) != NULL) {
		msort(v, tmp, n, size, cmp, arg);
		free(tmp);
		return;
	}
	/* No room: insertion sort in place, as stable and slower. */
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && cmp(v + (j - 1) * size, v + j * size,
		    arg) > 0; j--)
			swap(v + (j - 1) * size, v + j * size, size);
}
