/*
 * Fuzz the mapping loader and its date/time patterns (lib/mapping.c,
 * through libyaml).  The first byte picks the target: a mapping file,
 * the bounded YAML tree reader on its own, or a date/time pattern and a
 * text to parse with it (separated by the first newline).  Checks: no
 * crash, no leak, errors well formed; a mapping that loads binds to a
 * header made of its own column names, and parsed dates are real dates.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool_mapping.h"
#include "pool_time.h"

#include "fuzz.h"

static void
fuzz_mapping(const char *buf, size_t len)
{
	struct pool_error	 err;
	struct pool_mapping	*m;
	const char		**names;
	size_t			 i, n = 0;

	pool_error_clear(&err);
	if ((m = pool_mapping_load_buffer(buf, len, "fuzz.yaml", &err)) ==
	    NULL) {
		fuzz_check_error(&err);
		return;
	}
	FUZZ_ASSERT(m->nfields <= POOL_MAPPING_MAXFIELDS);
	FUZZ_ASSERT((names = calloc(3 * m->nfields + 1,
	    sizeof(*names))) != NULL);
	for (i = 0; i < m->nfields; i++) {
		if (m->fields[i].column != NULL)
			names[n++] = m->fields[i].column;
		if (m->fields[i].date_column != NULL)
			names[n++] = m->fields[i].date_column;
		if (m->fields[i].time_column != NULL)
			names[n++] = m->fields[i].time_column;
	}
	pool_error_clear(&err);
	if (pool_mapping_bind(m, names, n, &err) == -1)
		fuzz_check_error(&err);
	for (i = 0; i < m->nfields; i++) {
		FUZZ_ASSERT(pool_mapping_value(&m->fields[i], "x") != NULL);
		if (m->fields[i].nmap > 0)
			FUZZ_ASSERT(pool_mapping_value(&m->fields[i],
			    m->fields[i].map[0].from) != NULL);
	}
	free(names);
	pool_mapping_free(m);
}

static void
fuzz_yaml(const char *buf, size_t len)
{
	struct pool_error	 err;
	struct pool_ynode	*root = NULL;

	pool_error_clear(&err);
	if (pool_yaml_parse(buf, len, "fuzz.yaml", 1000, &root, &err) == -1) {
		fuzz_check_error(&err);
		FUZZ_ASSERT(root == NULL);
		return;
	}
	pool_ynode_free(root);
}

static void
fuzz_pattern(const char *buf, size_t len)
{
	struct pool_error	 err;
	struct pool_civil	 c;
	char			*pat, *s, *nl;
	int			 bits;

	pat = fuzz_string((const uint8_t *)buf, len);
	if ((nl = strchr(pat, '\n')) == NULL) {
		free(pat);
		return;
	}
	*nl = '\0';
	s = nl + 1;
	pool_error_clear(&err);
	if ((bits = pool_mapping_pattern(pat, &err)) == -1) {
		fuzz_check_error(&err);
		free(pat);
		return;
	}
	FUZZ_ASSERT((bits & ~(POOL_PAT_DATE | POOL_PAT_TIME)) == 0);
	memset(&c, 0, sizeof(c));
	c.year = 2026;
	c.month = 11;
	c.day = 23;
	pool_error_clear(&err);
	if (pool_mapping_parse_civil(pat, s, &c, &err) == -1) {
		fuzz_check_error(&err);
	} else {
		FUZZ_ASSERT(pool_time_valid_date(c.year, c.month, c.day));
		FUZZ_ASSERT(c.hour >= 0 && c.hour <= 24);
		FUZZ_ASSERT(c.min >= 0 && c.min <= 59);
		FUZZ_ASSERT(c.sec >= 0 && c.sec <= 60);
		FUZZ_ASSERT(c.hour < 24 || (c.min == 0 && c.sec == 0));
	}
	free(pat);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	switch (data[0] % 3) {
	case 0:
		fuzz_mapping((const char *)data + 1, size - 1);
		break;
	case 1:
		fuzz_yaml((const char *)data + 1, size - 1);
		break;
	default:
		fuzz_pattern((const char *)data + 1, size - 1);
		break;
	}
	return 0;
}
