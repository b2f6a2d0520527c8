#!/bin/sh
# The EXAMPLES of pool-distribute(1), run from the repository root with
# the built programs on PATH.  Exits 0 when every example works and
# gives what the page says.
set -e
fail() { echo "pool-distribute example: $*" >&2; exit 1; }

# 1. The US House of 2020: Texas gets 38 seats.
out=$(pool-distribute --units 435 --method huntington-hill \
    --weights records tests/cli/pool-distribute/units-us-house-2020/stdin |
    grep '"org":"Texas","period"')
echo "$out" | grep -q '"units":38,' || fail "Texas: $out"

# 2. 10 shifts among the elderly-care members by beds, with the table.
out=$(pool-distribute -c testdata/elderly-care/pool.yaml --units 10 \
    --explain < /dev/null 2>&1)
echo "$out" | grep -q '^all: 10 units by hamilton$' || fail "explain: $out"
[ "$(echo "$out" | grep -c '"type":"allocation"')" -gt 0 ] || fail "no records"

# 3. The weekly run into pool-match.
c=tests/cli/pool-distribute/pool-scarce
pool-distribute -c $c/pool.yaml -v $c/stdin | pool-match -c $c/pool.yaml \
    > /dev/null || fail "pipeline"

# 4. The same week with D'Hondt.
out=$(pool-distribute -c tests/cli/pool-distribute/pool-scarce/pool.yaml \
    -m dhondt -p 2026-W48 tests/cli/pool-distribute/pool-scarce/stdin |
    grep '"type":"allocation"')
echo "$out" | grep -q '"method":"dhondt"' || fail "dhondt: $out"
echo "examples ok"
