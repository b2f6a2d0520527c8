#!/bin/sh
# The EXAMPLES of pool-match(1), run from the repository root with the
# built programs on PATH.  Exits 0 when every example works and gives
# what the page says.
set -e
fail() { echo "pool-match example: $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pool=tests/cli/pool-match/shortlist-shift/pool.ndjson

# 1. Plan with a summary.
pool-match -v "$pool" > "$tmp/plan.ndjson" 2> "$tmp/summary"
grep -q '^cover 2 of bound 2' "$tmp/summary" || fail "summary: $(cat "$tmp/summary")"
[ "$(grep -c '"proposed"' "$tmp/plan.ndjson")" = 2 ] || fail "plan"

# 2. Whom to call for shift x.
n=$(pool-match --shift x -k 3 "$pool" | grep -c candidate)
[ "$n" = 3 ] || fail "shortlist: $n candidates"

# 3. Re-plan after a new absence.
day1=tests/cli/pool-match/pin-minimal-change/day1.ndjson
pool-match "$day1" > "$tmp/plan.ndjson"
cat "$tmp/plan.ndjson" tests/cli/pool-match/pin-minimal-change/absence.ndjson |
    pool-match > "$tmp/plan2.ndjson"
[ "$(grep -c '"proposed"' "$tmp/plan2.ndjson")" = 7 ] || fail "re-plan"

# 4. The chain with an audit (pool.yaml from the sample pool).
cp testdata/elderly-care/pool.yaml "$tmp/pool.yaml"
cp "$pool" "$tmp/pool.ndjson"
(cd "$tmp" && pool-match -c pool.yaml pool.ndjson | pool-report --check > /dev/null) ||
    fail "audit of the plan"
exit 0
