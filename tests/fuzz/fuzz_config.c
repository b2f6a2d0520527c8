/*
 * Fuzz the pool.yaml loader (lib/config.c, through libyaml).  The input
 * is the file.  Checks: no crash, no leak, errors well formed; a config
 * that loads is written out (pool_config_write), and the text written
 * loads again and writes the same text (the round trip pool_config.h
 * promises); every org and role can be found by its id.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool_config.h"

#include "fuzz.h"

/* Write c to a string; NULL if writing failed. */
static char *
write_config(const struct pool_config *c, size_t *len)
{
	struct pool_error	 err;
	char			*buf = NULL;
	FILE			*f;

	FUZZ_ASSERT((f = open_memstream(&buf, len)) != NULL);
	pool_error_clear(&err);
	FUZZ_ASSERT(pool_config_write(c, f, &err) == 0);
	FUZZ_ASSERT(fclose(f) == 0);
	return buf;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pool_error	 err;
	struct pool_config	*c, *c2;
	char			*text, *text2;
	size_t			 len, len2, i, j;

	pool_error_clear(&err);
	c = pool_config_load_buffer((const char *)data, size, "fuzz.yaml",
	    &err);
	if (c == NULL) {
		fuzz_check_error(&err);
		FUZZ_ASSERT(strcmp(err.source, "fuzz.yaml") == 0);
		return 0;
	}
	for (i = 0; i < c->norgs; i++) {
		FUZZ_ASSERT(pool_config_org(c, c->orgs[i].id) == &c->orgs[i]);
		FUZZ_ASSERT(pool_config_rules(c, c->orgs[i].id) != NULL);
	}
	for (i = 0; i < c->nroles; i++) {
		FUZZ_ASSERT(pool_config_role(c, c->roles[i].id) ==
		    &c->roles[i]);
		for (j = 0; j < c->nroles; j++)
			(void)pool_config_role_covers(c, c->roles[i].id,
			    c->roles[j].id);
	}
	text = write_config(c, &len);
	pool_error_clear(&err);
	c2 = pool_config_load_buffer(text, len, "written.yaml", &err);
	if (c2 == NULL) {
		fprintf(stderr, "written config does not load: %s:%lu: %s\n"
		    "%s\n", err.source, err.line, err.text, text);
		abort();
	}
	FUZZ_ASSERT(c2->norgs == c->norgs && c2->nroles == c->nroles);
	text2 = write_config(c2, &len2);
	if (len != len2 || memcmp(text, text2, len) != 0) {
		fprintf(stderr, "written config changes when loaded again:\n"
		    "%s\n---\n%s\n", text, text2);
		abort();
	}
	free(text);
	free(text2);
	pool_config_free(c2);
	pool_config_free(c);
	return 0;
}
