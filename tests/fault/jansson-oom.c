/*
 * jansson-oom: shows that json_loads of jansson 2.14 does not survive
 * a failed allocation: its lexer drops the byte it could not save
 * (lex_save ignores the error of strbuffer_append_byte) and then reads
 * past the end of its buffer, or returns a wrong value as if all went
 * well.  Not part of the test run; build and run it by hand:
 *
 *	cc -fsanitize=address -g tests/fault/jansson-oom.c -ljansson
 *	for n in $(seq 1 30); do ./a.out $n; done
 *
 * An allocation failure inside jansson therefore has to end the
 * program (an allocator given to json_set_alloc_funcs that exits with
 * "out of memory"), not be handled as a bad record.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

static int	calls, fail_at;

static void *
failing_malloc(size_t n)
{
	return ++calls == fail_at ? NULL : malloc(n);
}

int
main(int argc, char *argv[])
{
	static const char	 rec[] = "{\"type\":\"worker\",\"skills\":"
	    "[\"his:medicom-and-much-more-text\",\"his:cgm-aaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaa\"],\"contract_hours_long_key_name_here\":24}";
	json_error_t		 e;
	json_t			*j;
	char			*back;

	if (argc != 2)
		return 2;
	fail_at = atoi(argv[1]);
	json_set_alloc_funcs(failing_malloc, free);
	j = json_loads(rec, 0, &e);
	fail_at = 0;
	if (j == NULL) {
		printf("%d: error '%s'\n", atoi(argv[1]), e.text);
		return 0;
	}
	back = json_dumps(j, JSON_COMPACT);
	printf("%d: %s\n", atoi(argv[1]), back != NULL && strcmp(back, rec) == 0 ?
	    "same value" : "A DIFFERENT VALUE");
	free(back);
	json_decref(j);
	return 0;
}
