/*
 * failmalloc: an LD_PRELOAD library that makes one allocation fail, to
 * test that the programs survive running out of memory.
 *
 *   FAILMALLOC_N=N      fail the Nth call of malloc, calloc, realloc,
 *                       strdup or strndup (counted together, from 1);
 *                       0 or unset: fail none, only count
 *   FAILMALLOC_ALL=1    fail every call from the Nth on, not only the Nth
 *   FAILMALLOC_COUNT=F  at exit, write the number of calls counted to
 *                       file F (to learn how far to sweep N)
 *
 * Counting starts when the library is loaded, so allocations of the C
 * library's start-up are counted too.  A failed call returns NULL with
 * errno ENOMEM, as the real one would.  The real allocator is glibc's
 * (__libc_malloc and friends), which avoids dlsym's own allocations.
 */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern void	*__libc_malloc(size_t);
extern void	*__libc_calloc(size_t, size_t);
extern void	*__libc_realloc(void *, size_t);

void	*malloc(size_t);
void	*calloc(size_t, size_t);
void	*realloc(void *, size_t);
char	*strdup(const char *);
char	*strndup(const char *, size_t);

static unsigned long	fail_at, calls;
static int		fail_all, inited;
static const char	*count_file;

static unsigned long
env_number(const char *name)
{
	const char	*s = getenv(name);

	return s != NULL ? strtoul(s, NULL, 10) : 0;
}

static void
write_count(void)
{
	char	buf[32];
	int	fd, n;

	if (count_file == NULL)
		return;
	if ((fd = open(count_file, O_WRONLY | O_CREAT | O_TRUNC, 0644)) == -1)
		return;
	n = snprintf(buf, sizeof(buf), "%lu\n", calls);
	if (write(fd, buf, (size_t)n) != n)
		(void)0;
	close(fd);
}

__attribute__((constructor)) static void
init(void)
{
	fail_at = env_number("FAILMALLOC_N");
	fail_all = env_number("FAILMALLOC_ALL") != 0;
	count_file = getenv("FAILMALLOC_COUNT");
	inited = 1;
	atexit(write_count);
}

/* 1 if this call must fail. */
static int
should_fail(void)
{
	if (!inited)
		return 0;
	calls++;
	if (fail_at == 0)
		return 0;
	if (calls == fail_at || (fail_all && calls > fail_at)) {
		errno = ENOMEM;
		return 1;
	}
	return 0;
}

void *
malloc(size_t n)
{
	return should_fail() ? NULL : __libc_malloc(n);
}

void *
calloc(size_t n, size_t size)
{
	return should_fail() ? NULL : __libc_calloc(n, size);
}

void *
realloc(void *p, size_t n)
{
	return should_fail() ? NULL : __libc_realloc(p, n);
}

char *
strdup(const char *s)
{
	size_t	 n = strlen(s) + 1;
	char	*p;

	if ((p = malloc(n)) != NULL)
		memcpy(p, s, n);
	return p;
}

char *
strndup(const char *s, size_t max)
{
	size_t	 n = strnlen(s, max);
	char	*p;

	if ((p = malloc(n + 1)) != NULL) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}
