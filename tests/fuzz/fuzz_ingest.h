/*
 * The ingest readers under fuzzing (lib/ingest.c over lib/csv.c,
 * lib/ndjson.c and libyaml/jansson): one target per input format, each
 * a few lines that call fuzz_ingest.  The first byte picks the options
 * (bit 0: a mapping with Dutch column names, bit 1: --update, bit 2:
 * never the CSV fast path, bit 3: --type shift for rows without one);
 * the rest is the file.  Checks: no crash, no leak, no hang, every
 * reject well-formed, and the row accounting of pool-ingest(1): rows
 * read = records + rejects + merged + replaced, with as many records
 * and reject records written.
 */
#ifndef FUZZ_INGEST_H
#define FUZZ_INGEST_H

#include "pool_ingest.h"
#include "pool_mapping.h"

#include "fuzz.h"

static const char fuzz_mapping_text[] =
    "type: shift\n"
    "timezone: Europe/Amsterdam\n"
    "date_format: dd-mm-yyyy\n"
    "time_format: HH:MM\n"
    "overnight: next-day\n"
    "date: Datum\n"
    "start_time: Begin\n"
    "end_time: Eind\n"
    "columns:\n"
    "  id: Dienstnr\n"
    "  org: Organisatie\n"
    "  role: Functie\n"
    "  skills: {column: Deskundigheid, split: \",\"}\n"
    "  priority:\n"
    "    column: Urgentie\n"
    "    map: {Spoed: \"1\", Hoog: \"2\", Normaal: \"3\"}\n"
    "  break_minutes: Pauze\n"
    "  note: Opmerking\n";

static void
fuzz_diag(void *arg, int warning, const struct pool_error *e)
{
	(void)arg;
	(void)warning;
	fuzz_check_error(e);
}

static size_t
fuzz_lines(const char *s, size_t len)
{
	size_t	i, n = 0;

	for (i = 0; i < len; i++)
		if (s[i] == '\n')
			n++;
	return n;
}

static inline int
fuzz_ingest(const uint8_t *data, size_t size, enum pool_ingest_format fmt)
{
	struct pool_ingest_opts		 o;
	const struct pool_ingest_stats	*st;
	struct pool_mapping		*m = NULL;
	struct pool_ingest		*g;
	struct pool_error		 err;
	char				*out = NULL, *rej = NULL;
	size_t				 outlen = 0, rejlen = 0;
	unsigned int			 opt = 0;
	FILE				*f;

	if (size > 0) {
		opt = data[0];
		data++;
		size--;
	}
	memset(&o, 0, sizeof(o));
	pool_error_clear(&err);
	if (opt & 1) {
		m = pool_mapping_load_buffer(fuzz_mapping_text,
		    sizeof(fuzz_mapping_text) - 1, "fuzz.mapping.yaml", &err);
		FUZZ_ASSERT(m != NULL);
	}
	o.mapping = m;
	o.format = fmt;
	o.update = (opt & 2) != 0;
	o.slow = (opt & 4) != 0;
	o.type = (opt & 8) ? "shift" : NULL;
	o.references = 1;
	o.diag = fuzz_diag;
	FUZZ_ASSERT((o.out = open_memstream(&out, &outlen)) != NULL);
	FUZZ_ASSERT((o.rejects = open_memstream(&rej, &rejlen)) != NULL);
	FUZZ_ASSERT((g = pool_ingest_new(&o, &err)) != NULL);
	f = fuzz_open(data, size);
	if (pool_ingest_file(g, f, "fuzz", &err) == -1) {
		fuzz_check_error(&err);
		FUZZ_ASSERT(err.code != POOL_ESYS);	/* no write error */
	}
	fclose(f);
	FUZZ_ASSERT(pool_ingest_finish(g, &err) == 0);
	st = pool_ingest_stats(g);
	FUZZ_ASSERT(st->rows == st->records + st->rejects + st->merged +
	    st->replaced);
	fclose(o.out);
	fclose(o.rejects);
	FUZZ_ASSERT(fuzz_lines(out, outlen) == st->records);
	FUZZ_ASSERT(fuzz_lines(rej, rejlen) == st->rejects);
	free(out);
	free(rej);
	pool_ingest_free(g);
	pool_mapping_free(m);
	return 0;
}

#endif /* FUZZ_INGEST_H */
