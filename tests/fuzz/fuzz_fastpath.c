/*
 * Fuzz pool-ingest's fast paths against its general path (lib/ingest.c):
 * the input is read twice, once as usual and once with the fast paths
 * off (the `slow` option), and both runs must write the same records,
 * the same rejects and the same counts.  The first byte picks the
 * format (NDJSON; CSV without a mapping, the record fields as header,
 * which takes the fast path when the type is in a column or given; a
 * JSON array, whose slow run also reads the input a few bytes at a
 * time) and whether --update is on.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool_ingest.h"

#include "fuzz.h"

struct out {
	char			*out, *rej;
	size_t			 outlen, rejlen;
	struct pool_ingest_stats st;
	int			 rc;
};

static void
ingest(const uint8_t *data, size_t size, int fmt, int update, int slow,
    struct out *o)
{
	struct pool_ingest_opts	 io;
	struct pool_ingest	*g;
	struct pool_error	 err;
	FILE			*out, *rej, *f;

	memset(o, 0, sizeof(*o));
	memset(&io, 0, sizeof(io));
	FUZZ_ASSERT((out = open_memstream(&o->out, &o->outlen)) != NULL);
	FUZZ_ASSERT((rej = open_memstream(&o->rej, &o->rejlen)) != NULL);
	io.format = fmt == 0 ? POOL_FMT_NDJSON : fmt == 3 ? POOL_FMT_JSON :
	    POOL_FMT_CSV;
	io.type = fmt == 2 ? "shift" : NULL;
	io.update = update;
	io.slow = slow;
	io.references = 1;
	io.out = out;
	io.rejects = rej;
	pool_error_clear(&err);
	FUZZ_ASSERT((g = pool_ingest_new(&io, &err)) != NULL);
	f = fuzz_open(data, size);
	o->rc = pool_ingest_file(g, f, "fuzz", &err);
	if (o->rc == 0)
		o->rc = pool_ingest_finish(g, &err);
	if (o->rc == -1)
		fuzz_check_error(&err);
	o->st = *pool_ingest_stats(g);
	pool_ingest_free(g);
	fclose(f);
	fclose(out);
	fclose(rej);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct out	a, b;
	int		fmt = 0, update = 0;

	if (size > 0) {
		fmt = data[0] & 3;
		update = (data[0] >> 2) & 1;
		data++;
		size--;
	}
	ingest(data, size, fmt, update, 0, &a);
	ingest(data, size, fmt, update, 1, &b);
	FUZZ_ASSERT(a.rc == b.rc);
	FUZZ_ASSERT(a.outlen == b.outlen && memcmp(a.out, b.out, a.outlen) == 0);
	FUZZ_ASSERT(a.rejlen == b.rejlen && memcmp(a.rej, b.rej, a.rejlen) == 0);
	FUZZ_ASSERT(memcmp(&a.st, &b.st, sizeof(a.st)) == 0);
	free(a.out);
	free(a.rej);
	free(b.out);
	free(b.rej);
	return 0;
}
