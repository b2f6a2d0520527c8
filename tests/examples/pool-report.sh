#!/bin/sh
# The EXAMPLES of pool-report(1), run from the repository root with the
# programs on PATH.  Exits 0 when every example works.
set -e
r=tests/cli/pool-report/records.ndjson
c=tests/cli/pool-report/pool.yaml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pool-report -c $c --week 2026-W43 $r > "$tmp/report.txt"
grep -q '^Summary' "$tmp/report.txt"
pool-report -c $c --week 2026-W43 -f html -o "$tmp/report.html" $r
grep -q '<svg' "$tmp/report.html"

"${POOL_BUILD:-build}/tools/poolgen" history elderly > "$tmp/history.ndjson"
pool-report -c testdata/elderly-care/pool.yaml --week 2026-W47 \
    --backtest "$tmp/history.ndjson" > "$tmp/backtest.txt"
grep -q '^  verzorgende-ig  *seasonal ' "$tmp/backtest.txt"

pool-report --week 2026-W43 -s unfilled -f csv -o "$tmp/open.csv" $r
grep -q '^s4,1,' "$tmp/open.csv"

(cd "$tmp" && pool-report --week 2026-W43 -f ics --split calendars \
    "$OLDPWD/$r")
test -f "$tmp/calendars/w1.ics"

if command -v jq >/dev/null 2>&1; then
	pool-report -c $c -s settlement -f json $r |
	    jq -r 'select(.type == "report.settlement_net") |
	        "\(.debtor) owes \(.creditor) \(.amount)"' > "$tmp/owes.txt"
	grep -q '^a owes b 55' "$tmp/owes.txt"
else
	echo "jq not installed: the jq example is not run"
fi

# --check exits 0 here: the sample has no violation.
pool-report --check --week 2026-W43 $r > "$tmp/check.txt"

pool-report -c tests/cli/pool-report/pool-nl.yaml --lang nl \
    --audience member --org a --week 2026-W43 -f html \
    -o "$tmp/zorg-a.html" $r
grep -q 'ledenrapport Zorg A' "$tmp/zorg-a.html"

pool-distribute -c $c $r |
    pool-match -c $c | pool-report -c $c --week 2026-W43 -s summary,fairness \
    > "$tmp/pipe.txt"
grep -q '^Fairness' "$tmp/pipe.txt"
echo "pool-report examples: ok"
