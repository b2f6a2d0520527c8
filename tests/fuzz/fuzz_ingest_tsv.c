/* Fuzz the TSV reader of pool-ingest (see fuzz_ingest.h). */
#include "fuzz_ingest.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_ingest(data, size, POOL_FMT_TSV);
}
