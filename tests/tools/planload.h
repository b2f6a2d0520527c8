/*
 * Load a plan for the plan checkers (matchmoves, quotacheck,
 * signupcheck): the configuration (or the built-in one), its time zone,
 * and every record of the file that parses, indexed.  Prints what went
 * wrong as "prog: ..." and returns -1; the caller exits 2 then.
 */
#ifndef PLANLOAD_H
#define PLANLOAD_H

#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>

#include "pool.h"
#include "pool_config.h"
#include "pool_record.h"
#include "pool_time.h"

static int
plan_load(const char *prog, const char *cpath, const char *path,
    struct pool_config **conf, struct pool_tz **tz, struct pool_data *data)
{
	struct pool_error	 err;
	struct pool_record	 r;
	char			*line = NULL;
	size_t			 cap = 0;
	ssize_t			 len;
	FILE			*f;

	*conf = cpath ? pool_config_load(cpath, &err) :
	    pool_config_new_default(&err);
	if (*conf == NULL || (*tz = pool_tz_load((*conf)->timezone, NULL,
	    &err)) == NULL) {
		fprintf(stderr, "%s: %s\n", prog, err.text);
		return -1;
	}
	if ((f = fopen(path, "r")) == NULL) {
		perror(path);
		return -1;
	}
	pool_data_init(data, &err);
	while ((len = getline(&line, &cap, f)) != -1) {
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r'))
			len--;
		if (pool_record_parse(data, line, (size_t)len, &r, &err) == 0)
			pool_data_add(data, &r, &err);
	}
	free(line);
	fclose(f);
	if (pool_data_index(data, &err) == -1) {
		fprintf(stderr, "%s: %s\n", prog, err.text);
		return -1;
	}
	return 0;
}

#endif
