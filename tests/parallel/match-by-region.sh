#!/bin/sh
# Scale beyond one machine: records partition by region.  When regions
# share no workers, pool-match run per region (here through GNU
# parallel, one job per region, as many at once as there are CPUs; on a
# cluster the same command line takes --sshlogin) gives the same
# assignments, and leaves the same shifts unfilled, as one run over all
# regions.
#
#   sh tests/parallel/match-by-region.sh [regions] [workers] [shifts]
#
# Generates a pool of that many regions with tests/tools/poolgen (its
# regions lie too far apart for any worker to reach another region's
# shifts), runs pool-match once over everything and once per region,
# and compares the decisions.  Prints what it compared; exits 0 when
# they are the same, 1 when not, 2 when a tool is missing.  Needs
# pool-match on PATH and poolgen in ../tools beside it.

regions=${1:-4}
workers=${2:-480}
shifts=${3:-6000}
top=$(cd "$(dirname "$0")/../.." && pwd)
cfg=$top/testdata/elderly-care/pool.yaml
match=$(command -v pool-match) || { echo "pool-match not on PATH"; exit 2; }
gen=$(dirname "$match")/../tools/poolgen
[ -x "$gen" ] || { echo "poolgen not built"; exit 2; }
command -v parallel >/dev/null 2>&1 ||
    { echo "GNU parallel not installed (apt-get install parallel)"; exit 2; }
t=$(mktemp -d) || exit 2
trap 'rm -rf "$t"' EXIT

mkdir "$t/regions"
"$gen" bench -r "$regions" -w "$workers" -n "$shifts" -d "$t/regions" ||
    exit 2
echo "$regions regions, $workers workers, $shifts shifts"

# One run over the whole pool.
cat "$t/regions"/region-*.ndjson | pool-match -c "$cfg" > "$t/one.ndjson" ||
    exit 1

# One run per region, in parallel.
parallel --will-cite --halt now,fail=1 \
    pool-match -c "$cfg" -o {.}.out {} ::: "$t/regions"/region-*.ndjson ||
    exit 1
cat "$t/regions"/region-*.out > "$t/split.ndjson"

# The decisions: assignments as whole lines (worker, status, score) and
# the shifts left unfilled.  The reasons of an unfilled record count the
# workers each rule excluded, so in one run they also count the other
# regions' workers (excluded by travel): those are not compared.
decisions() {
	{
		grep '^{"type":"assignment"' "$1"
		sed -n 's/^{"type":"unfilled","shift":"\([^"]*\)".*/unfilled \1/p' \
		    "$1"
	} | LC_ALL=C sort
}
decisions "$t/one.ndjson" > "$t/one.dec"
decisions "$t/split.ndjson" > "$t/split.dec"
echo "shifts decided in one run: $(wc -l < "$t/one.dec" | tr -d ' ')"
echo "shifts decided per region: $(wc -l < "$t/split.dec" | tr -d ' ')"
if cmp -s "$t/one.dec" "$t/split.dec"; then
	echo "same assignments and unfilled shifts"
	exit 0
fi
echo "the decisions differ:"
diff "$t/one.dec" "$t/split.dec" | head -10
exit 1
