/*
 * Fuzz the NDJSON line reader and the record parser (lib/ndjson.c,
 * lib/record.c, lib/strtab.c, the time parsers they call).  The input
 * is a stream of lines; the first byte picks a small line limit or the
 * default one.  Every line is parsed, good records are added to one
 * data set, which is then indexed and searched.  Checks: no crash, no
 * leak, the reader ends, every error is well formed and names its
 * line, good records keep the invariants of pool_record.h (interned
 * strings, end after start, priority 1-5, at least one role).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "pool_ndjson.h"
#include "pool_record.h"

#include "fuzz.h"

static void
check_interned(struct pool_data *d, const char *s)
{
	if (s != NULL)
		FUZZ_ASSERT(pool_data_intern(d, s, strlen(s)) == s);
}

static void
check_record(struct pool_data *d, const struct pool_record *r)
{
	uint32_t	i;

	switch (r->type) {
	case POOL_R_ORG:
		FUZZ_ASSERT(r->u.org.id != NULL && r->u.org.id[0] != '\0');
		check_interned(d, r->u.org.id);
		break;
	case POOL_R_WORKER:
		FUZZ_ASSERT(r->u.worker.id != NULL);
		check_interned(d, r->u.worker.id);
		FUZZ_ASSERT(r->u.worker.roles.n >= 1);
		for (i = 0; i < r->u.worker.roles.n; i++)
			check_interned(d, r->u.worker.roles.v[i]);
		FUZZ_ASSERT(r->u.worker.nights <= POOL_NIGHTS_ONLY);
		break;
	case POOL_R_SHIFT:
		FUZZ_ASSERT(r->u.shift.end > r->u.shift.start);
		FUZZ_ASSERT(r->u.shift.priority >= 1 &&
		    r->u.shift.priority <= 5);
		check_interned(d, r->u.shift.id);
		check_interned(d, r->u.shift.org);
		check_interned(d, r->u.shift.role);
		for (i = 0; i < r->u.shift.skills.n; i++)
			check_interned(d, r->u.shift.skills.v[i]);
		break;
	case POOL_R_AVAILABILITY:
	case POOL_R_ABSENCE:
		FUZZ_ASSERT(r->u.interval.worker != NULL);
		break;
	default:
		break;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pool_data	 d;
	struct pool_record	 r;
	struct pool_error	 err;
	struct pool_ndjson	*nd;
	FILE			*f;
	const char		*line;
	size_t			 len, maxline = 0, lines = 0, i;
	unsigned long		 lineno;
	int			 rc;

	if (size > 0) {
		maxline = (data[0] & 1) ? 48 : 0;
		data++;
		size--;
	}
	FUZZ_ASSERT(pool_data_init(&d, NULL) == 0);
	f = fuzz_open(data, size);
	FUZZ_ASSERT((nd = pool_ndjson_new(f, "fuzz.ndjson", maxline,
	    NULL)) != NULL);
	for (;;) {
		pool_error_clear(&err);
		rc = pool_ndjson_next(nd, &line, &len, &err);
		if (rc == 0)
			break;
		FUZZ_ASSERT(++lines <= size + 1);
		lineno = pool_ndjson_lineno(nd);
		if (rc < 0) {
			fuzz_check_error(&err);
			FUZZ_ASSERT(err.line == lineno);
			FUZZ_ASSERT(strcmp(err.source, "fuzz.ndjson") == 0);
			if (err.code == POOL_ESYS)
				break;
			continue;
		}
		FUZZ_ASSERT(len > 0 && line[len] == '\0');
		FUZZ_ASSERT(maxline == 0 || len <= maxline);
		FUZZ_ASSERT(pool_utf8_valid(line, len));
		pool_error_clear(&err);
		if (pool_record_parse(&d, line, len, &r, &err) == -1) {
			fuzz_check_error(&err);
			continue;
		}
		check_record(&d, &r);
		FUZZ_ASSERT(pool_data_add(&d, &r, NULL) == 0);
	}
	FUZZ_ASSERT(pool_data_index(&d, NULL) == 0);
	for (i = 0; i < d.workers.n; i++)
		FUZZ_ASSERT(pool_data_worker(&d, d.workers.v[i].id) >= 0);
	for (i = 0; i < d.shifts.n; i++)
		FUZZ_ASSERT(pool_data_shift(&d, d.shifts.v[i].id) >= 0);
	FUZZ_ASSERT(pool_data_worker(&d, "\x01no such worker") == -1);
	pool_ndjson_free(nd);
	fclose(f);
	pool_data_release(&d);
	return 0;
}
