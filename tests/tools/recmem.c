/*
 * recmem: measure the resident memory a shift record costs in a data
 * set.  Parses N generated shift records (distinct ids, a realistic mix
 * of orgs, roles, units and skills) into struct pool_data and prints the
 * growth of the resident set size divided by N.
 *
 * usage: recmem [N]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool_record.h"

static long
rss_kib(void)
{
	FILE	*f = fopen("/proc/self/status", "r");
	char	 line[256];
	long	 kib = -1;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL)
		if (strncmp(line, "VmRSS:", 6) == 0)
			kib = strtol(line + 6, NULL, 10);
	fclose(f);
	return kib;
}

int
main(int argc, char *argv[])
{
	static const char *const roles[] = {
		"helpende", "verzorgende-ig", "mbo-verpleegkundige",
		"hbo-verpleegkundige"
	};
	struct pool_data	 d;
	struct pool_error	 err;
	struct pool_record	 r;
	long			 n = argc > 1 ? atol(argv[1]) : 1000000;
	long			 before, after;
	char			 line[512];

	if (n <= 0 || pool_data_init(&d, &err) == -1)
		return 2;
	before = rss_kib();
	for (long i = 0; i < n; i++) {
		int	day = (int)(i % 28) + 1, h = (int)(i % 2) * 8 + 7;

		snprintf(line, sizeof(line),
		    "{\"type\":\"shift\",\"id\":\"S%07ld\",\"org\":\"org-%ld\","
		    "\"role\":\"%s\",\"unit\":\"unit-%ld\","
		    "\"start\":\"2026-02-%02dT%02d:00:00+01:00\","
		    "\"end\":\"2026-02-%02dT%02d:00:00+01:00\","
		    "\"skills\":[\"covid\"],\"priority\":%ld}",
		    i, i % 7, roles[i % 4], i % 55, day, h, day, h + 8,
		    i % 5 + 1);
		if (pool_record_parse(&d, line, strlen(line), &r, &err) == -1 ||
		    pool_data_add(&d, &r, &err) == -1) {
			fprintf(stderr, "recmem: record %ld: %s\n", i, err.text);
			return 1;
		}
	}
	if (pool_data_index(&d, &err) == -1)
		return 1;
	after = rss_kib();
	printf("%ld shift records: %.0f bytes resident per record "
	    "(RSS %ld KiB -> %ld KiB)\n", n,
	    (double)(after - before) * 1024.0 / (double)n, before, after);
	pool_data_release(&d);
	return 0;
}
