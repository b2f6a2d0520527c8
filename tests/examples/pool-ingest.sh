#!/bin/sh
# The EXAMPLES of pool-ingest(1) and pool-mapping(5), run as the pages
# show them on the samples in testdata/ingest.  Run from the repository
# root with the built programs on PATH; exits 0 when they work.
set -eu
top=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset POOL_CONFIG
td=testdata/ingest

# pool-ingest(1): the shift export, rejects kept (there are none).
pool-ingest -c $td/pool.yaml -m $td/diensten.mapping.yaml \
    -r "$tmp/rejects.ndjson" $td/diensten.csv > "$tmp/shifts.ndjson"
[ "$(wc -l < "$tmp/shifts.ndjson")" -eq 5 ]
[ ! -s "$tmp/rejects.ndjson" ]
grep -q '"id":"HZ-102".*"end":"2026-11-24T07:00:00+01:00"' \
    "$tmp/shifts.ndjson"

# The worker list with pseudonyms: no personnel number, no name left.
pool-ingest -m $td/medewerkers.mapping.yaml -p $td/pseudo.key \
    $td/medewerkers.json > "$tmp/pseudo.ndjson"
[ "$(grep -c '"id":"w-[0-9a-f]\{16\}"' "$tmp/pseudo.ndjson")" -eq 3 ]
! grep -q 'FW00\|"name"' "$tmp/pseudo.ndjson"

# All exports in one run, each with its mapping, into the matcher.
(cd $td && pool-ingest -c pool.yaml aanmeldingen.ndjson beschikbaarheid.yaml \
    -m medewerkers.mapping.yaml medewerkers.json \
    -m diensten.mapping.yaml diensten.csv) > "$tmp/all.ndjson"
[ "$(wc -l < "$tmp/all.ndjson")" -eq 14 ]
(cd $td && pool-ingest -c pool.yaml aanmeldingen.ndjson beschikbaarheid.yaml \
    -m medewerkers.mapping.yaml medewerkers.json \
    -m diensten.mapping.yaml diensten.csv |
    pool-match -c pool.yaml) > "$tmp/plan.ndjson"
[ "$(wc -l < "$tmp/plan.ndjson")" -ge 14 ]

# New signups checked against records ingested before.
pool-ingest -m $td/medewerkers.mapping.yaml $td/medewerkers.json \
    > "$tmp/workers.ndjson"
(cd "$tmp" && pool-ingest workers.ndjson shifts.ndjson \
    "$top/$td/aanmeldingen.ndjson") > "$tmp/all2.ndjson"
[ "$(wc -l < "$tmp/all2.ndjson")" -eq 11 ]

# Hand-made NDJSON: passed unchanged, summary with -v.
pool-ingest -nv < $td/aanmeldingen.ndjson > "$tmp/out" 2> "$tmp/err"
cmp -s "$tmp/out" $td/aanmeldingen.ndjson
grep -q '^pool-ingest: 3 rows: 3 records (signup 3), 0 rejected' "$tmp/err"

# pool-mapping(5): the mapping of EXAMPLES is the sample's, and its row
# becomes the record shown.
sed -n '/^\.Sh EXAMPLES/,/^\.Sh /p' man/pool-mapping.5 |
    sed -n '/^\.Bd -literal/,/^\.Ed/{/^\.Bd/d;/^\.Ed/q;p;}' > "$tmp/m.yaml"
grep -v '^#' $td/diensten.mapping.yaml | cmp -s - "$tmp/m.yaml"
sed -n '/^\.Sh EXAMPLES/,/^\.Sh /p' man/pool-mapping.5 |
    awk '/^\.Bd -literal/ { n++; lit = 1; next } /^\.Ed/ { lit = 0; next }
	n == 3 && lit { printf "%s", $0 }' > "$tmp/want"
echo >> "$tmp/want"
grep '"id":"HZ-102"' "$tmp/shifts.ndjson" | cmp -s - "$tmp/want"
echo "pool-ingest examples: ok"
