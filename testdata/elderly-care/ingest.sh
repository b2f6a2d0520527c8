#!/bin/sh
# Ingest every export of the elderly-care sample pool into one stream of
# records on standard output, the way a coordinator would: one export
# at a time with its mapping, each run reading the records so far, so
# that availability, absences and signups are checked against the
# workers and shifts already read.  Rejected rows are appended to the
# file named by the first argument (default /dev/null); pool-ingest's
# messages go to standard error.  Exits with the highest status of the
# runs (1: some rows were rejected).  Needs pool-ingest on PATH.
#
#   sh testdata/elderly-care/ingest.sh rejects.ndjson > records.ndjson

dir=$(cd "$(dirname "$0")" && pwd)
rejects=${1:-/dev/null}
case $rejects in /*) ;; *) rejects=$(pwd)/$rejects ;; esac
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
cd "$dir" || exit 2
: > "$tmp/records"
status=0
for f in medewerkers.json diensten.csv beschikbaarheid.csv \
    afwezigheid.yaml aanmeldingen.csv overleggen.csv; do
	pool-ingest -c pool.yaml -m "${f%%.*}.mapping.yaml" -r "$tmp/rej" \
	    "$tmp/records" "$f" > "$tmp/next"
	rc=$?
	[ $rc -gt $status ] && status=$rc
	[ $rc -ge 2 ] && exit $rc
	cat "$tmp/rej" >> "$rejects"
	mv "$tmp/next" "$tmp/records"
done
cat "$tmp/records"
exit $status
