/*
 * jparse: the baseline of the pool-report benchmark.  Reads NDJSON
 * lines from the files named (or standard input) and parses each with
 * jansson's json_loadb, nothing else; prints the number of lines parsed
 * and exits 1 if any failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

static int
parse(FILE *f, unsigned long *n, unsigned long *bad)
{
	char		*line = NULL;
	size_t		 cap = 0;
	ssize_t		 len;
	json_error_t	 je;
	json_t		*o;

	while ((len = getline(&line, &cap, f)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			len--;
		if ((o = json_loadb(line, (size_t)len, JSON_REJECT_DUPLICATES,
		    &je)) == NULL)
			(*bad)++;
		json_decref(o);
		(*n)++;
	}
	free(line);
	return ferror(f) ? -1 : 0;
}

int
main(int argc, char *argv[])
{
	unsigned long	 n = 0, bad = 0;
	FILE		*f;
	int		 i, rc = 0;

	if (argc < 2)
		rc = parse(stdin, &n, &bad);
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0)
			f = stdin;
		else if ((f = fopen(argv[i], "r")) == NULL) {
			perror(argv[i]);
			rc = -1;
			continue;
		}
		if (parse(f, &n, &bad) == -1)
			rc = -1;
		if (f != stdin)
			fclose(f);
	}
	printf("%lu lines, %lu bad\n", n, bad);
	return rc == -1 || bad > 0;
}
