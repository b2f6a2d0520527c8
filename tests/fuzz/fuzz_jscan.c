/*
 * Differential fuzzing of the JSON scanner (lib/jscan.c) and the fast
 * path of pool_record_parse (lib/record.c).  The input is a stream of
 * lines; for each line: what the scanner accepts jansson must accept
 * with the same values, and pool_record_parse must give the same record
 * or the same error (code, context, field, text) as json_loadb followed
 * by pool_record_from_json.  Any difference aborts.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "pool_jscan.h"
#include "pool_record.h"

#include "fuzz.h"
#include "../unit/jscan_diff.h"

static void
check_line(struct pool_data *d, const char *line, size_t len)
{
	static struct pool_jtok	 tok[128];
	static char		 buf[4096];
	struct pool_jscan	 sc;
	struct pool_record	 ra, rb;
	struct pool_error	 ea, eb;
	json_error_t		 je;
	json_t			*o;
	int			 rca, rcb;

	o = json_loadb(line, len, JSON_REJECT_DUPLICATES, &je);
	pool_jscan_init(&sc, tok, 128, buf, sizeof(buf));
	if (pool_jscan_object(&sc, line, len) == 0) {
		FUZZ_ASSERT(o != NULL);
		FUZZ_ASSERT(same_object(&sc, o));
	}
	json_decref(o);

	pool_error_clear(&ea);
	pool_error_clear(&eb);
	rca = pool_record_parse(d, line, len, &ra, &ea);
	rcb = parse_jansson(d, line, len, &rb, &eb);
	FUZZ_ASSERT(rca == rcb);
	if (rca == 0) {
		FUZZ_ASSERT(same_record(&ra, &rb));
		pool_record_release(&ra);
		pool_record_release(&rb);
	} else {
		fuzz_check_error(&ea);
		FUZZ_ASSERT(ea.code == eb.code);
		FUZZ_ASSERT(strcmp(ea.text, eb.text) == 0);
		FUZZ_ASSERT(strcmp(ea.field, eb.field) == 0);
		FUZZ_ASSERT(strcmp(ea.context, eb.context) == 0);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pool_data	 d;
	const char		*p = (const char *)data, *end = p + size, *nl;

	FUZZ_ASSERT(pool_data_init(&d, NULL) == 0);
	while (p < end) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		check_line(&d, p, (size_t)(nl - p));
		p = nl + 1;
	}
	pool_data_release(&d);
	return 0;
}
