#!/bin/sh
# Ingest the exports of the GP care-group pool (the worker sheet, the
# week's requests from the practices and the availability list) into one
# stream of records on standard output; see ../elderly-care/ingest.sh.
# praktijken.csv is the practices' reference list: the requests already
# carry each practice's code, HIS and location.
#
#   sh testdata/gp-pool/ingest.sh rejects.ndjson > records.ndjson

dir=$(cd "$(dirname "$0")" && pwd)
rejects=${1:-/dev/null}
case $rejects in /*) ;; *) rejects=$(pwd)/$rejects ;; esac
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
cd "$dir" || exit 2
: > "$tmp/records"
status=0
for pair in flexmedewerkers.csv:flexmedewerkers \
    hulpvragen-week48.csv:hulpvragen \
    beschikbaarheid-week48.yaml:beschikbaarheid; do
	f=${pair%%:*}
	pool-ingest -c pool.yaml -m "${pair#*:}.mapping.yaml" -r "$tmp/rej" \
	    "$tmp/records" "$f" > "$tmp/next"
	rc=$?
	[ $rc -gt $status ] && status=$rc
	[ $rc -ge 2 ] && exit $rc
	cat "$tmp/rej" >> "$rejects"
	mv "$tmp/next" "$tmp/records"
done
cat "$tmp/records"
exit $status
