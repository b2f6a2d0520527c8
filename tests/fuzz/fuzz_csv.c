/*
 * Fuzz the CSV reader (lib/csv.c).  The first byte picks the options
 * (separator, encoding, small row and field limits, so that the limit
 * paths are reached with small inputs); the rest is the file.  Checks:
 * no crash, no leak, every row ends, every good row's fields are
 * NUL-terminated valid UTF-8 of the length reported, the raw row is
 * bounded by the row limit, line numbers never go back, and every bad
 * row has a well-formed error.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "pool_csv.h"
#include "pool_ndjson.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int	 delims[4] = { 0, ',', ';', '\t' };
	struct pool_csv_opts	 o;
	struct pool_error	 err;
	struct pool_csv		*r;
	FILE			*f;
	const char		*s;
	unsigned long		 line, last = 0;
	size_t			 i, n, len, rows = 0, maxrow;
	int			 rc;

	memset(&o, 0, sizeof(o));
	if (size > 0) {
		o.delim = delims[data[0] & 3];
		o.enc = (enum pool_csv_enc)((data[0] >> 2) % 3);
		o.maxrow = (data[0] & 0x20) ? 64 : 0;
		o.maxfields = (data[0] & 0x40) ? 4 : 0;
		data++;
		size--;
	}
	maxrow = o.maxrow ? o.maxrow : POOL_CSV_MAXROW;
	f = fuzz_open(data, size);
	pool_error_clear(&err);
	if ((r = pool_csv_new(f, "fuzz.csv", &o, &err)) == NULL) {
		fuzz_check_error(&err);
		fclose(f);
		return 0;
	}
	FUZZ_ASSERT(pool_csv_encoding(r) != POOL_CSV_AUTO);
	n = (size_t)pool_csv_delim(r);
	FUZZ_ASSERT(n == ',' || n == ';' || n == '\t' ||
	    (o.delim != 0 && n == (size_t)o.delim));
	while ((rc = pool_csv_next(r, &err)) != 0) {
		/* Every row or bad row takes at least one byte. */
		FUZZ_ASSERT(++rows <= size + 1);
		line = pool_csv_line(r);
		FUZZ_ASSERT(line >= 1 && line >= last);
		last = line;
		s = pool_csv_raw(r, &len);
		FUZZ_ASSERT(s != NULL && len <= maxrow && s[len] == '\0');
		if (rc < 0) {
			fuzz_check_error(&err);
			FUZZ_ASSERT(err.line == line);
			if (err.code == POOL_ESYS)
				break;
			continue;
		}
		FUZZ_ASSERT(rc == 1);
		n = pool_csv_nfields(r);
		FUZZ_ASSERT(n >= 1);
		FUZZ_ASSERT(o.maxfields == 0 || n <= o.maxfields);
		for (i = 0; i < n; i++) {
			s = pool_csv_field(r, i, &len);
			FUZZ_ASSERT(s != NULL && s[len] == '\0');
			FUZZ_ASSERT(len <= maxrow);
			FUZZ_ASSERT(pool_utf8_valid(s, len));
		}
		FUZZ_ASSERT(pool_csv_field(r, n, NULL) == NULL);
	}
	pool_csv_free(r);
	fclose(f);
	return 0;
}
