#!/bin/sh
# The ingest benchmark: a shift export of N rows (';' separators, Dutch
# dates, overnight nights, quoted notes; tests/tools/ingestgen.c from a
# fixed seed) converted to NDJSON by pool-ingest with the elderly-care
# mapping, against Miller (mlr --icsv --ifs ';' --ojsonl cat) on the
# same file in the same run.  Prints one table row per measurement in
# the format of tests/bench/run.sh:
#   | program | size | time | rate | peak | peer | peer figure | ratio |
#     bar | pass |
# (elapsed time, which the bar is on; CPU time, user + system, with its
# ratio; the load average, as elapsed times on a loaded machine say
# little) and checks that rows in = records + rejects.
#
# Run by tests/bench/run.sh (BENCH_SIZE, BENCH_WORK, BENCH_BIN and
# BENCH_TOOLS set), or alone from the repository root after make:
#   sh tests/bench/ingest.sh            (1,000,000 rows, build/; with
#                                        run.sh: region 100,000 rows,
#                                        large 300,000, national 10^6)
#   BENCH_INGEST_ROWS=100000 POOL_BUILD=/tmp/b sh tests/bench/ingest.sh
set -u
LC_ALL=C; export LC_ALL
unset POOL_CONFIG
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${POOL_BUILD:-build}
case $build in /*) ;; *) build=$top/$build ;; esac
bin=${BENCH_BIN:-$build/bin}
tools=${BENCH_TOOLS:-$build/tools}
size=${BENCH_SIZE:-national}
case $size in
region|small) rows=100000 ;;
large) rows=300000 ;;
*) rows=1000000 ;;
esac
rows=${BENCH_INGEST_ROWS:-$rows}
work=${BENCH_WORK:-}
own=
if [ -z "$work" ]; then
	work=$(mktemp -d)
	own=$work
fi
trap '[ -n "$own" ] && rm -rf "$own"' EXIT
cfg=$top/testdata/elderly-care/pool.yaml
map=$top/testdata/elderly-care/diensten.mapping.yaml
csv=$work/ingest-$rows.csv

for p in "$bin/pool-ingest" "$tools/ingestgen"; do
	if [ ! -x "$p" ]; then
		echo "| pool-ingest | $size | - | - | - | Miller | - | - |" \
		    ">= 5x Miller | not built |"
		exit 0
	fi
done
"$tools/ingestgen" -n "$rows" > "$csv" || exit 1
mb=$(awk "BEGIN { printf \"%.1f\", $(wc -c < "$csv") / 1048576 }")

# run OUT CMD...: sets T (seconds), C (CPU seconds, user + system) and
# M (peak resident MiB).
run() {
	o=$1
	shift
	/usr/bin/time -f '%e %M %U %S' -o "$work/time.out" "$@" > "$o" \
	    2> "$work/stderr.out"
	RC=$?
	read -r T M U S < "$work/time.out"
	M=$((M / 1024))
	C=$(awk "BEGIN { printf \"%.2f\", $U + $S }")
	awk "BEGIN { exit !($T < 0.01) }" && T=0.01
	awk "BEGIN { exit !($C < 0.01) }" && C=0.01
}

run "$work/ingest.ndjson" "$bin/pool-ingest" -c "$cfg" -m "$map" \
    -r "$work/ingest.rejects" "$csv"
ti=$T mi=$M rci=$RC ci=$C
out=$(($(wc -l < "$work/ingest.ndjson") + $(wc -l < "$work/ingest.rejects")))
pass=fail
peer=- ratio=- cpeer=- cratio=-
if command -v mlr >/dev/null 2>&1; then
	run "$work/mlr.ndjson" mlr --icsv --ifs ';' --ojsonl cat "$csv"
	peer="mlr $T s, $M MB"
	ratio=$(awk "BEGIN { printf \"%.1f\", $T / $ti }")
	cpeer="mlr $C s CPU"
	cratio=$(awk "BEGIN { printf \"%.1f\", $C / $ci }")
	awk "BEGIN { exit !($ratio >= 5) }" && pass=pass
	rm -f "$work/mlr.ndjson"
fi
if [ "$rci" -ge 2 ] || [ "$out" -ne "$rows" ]; then
	echo "pool-ingest exit $rci: $rows rows in, $out records + rejects out"
	pass=fail
fi
echo "| pool-ingest | $size ($rows rows, $mb MB) | $ti s |" \
    "$(awk "BEGIN { printf \"%.1f\", $mb / $ti }") MB/s | $mi MB |" \
    "Miller | $peer | ${ratio}x | >= 5x Miller | $pass |"

# CPU time (user + system), which a loaded machine disturbs less.  The
# bar is on elapsed time on an idle machine; on a shared, loaded one
# the CPU ratio is the fairer figure (Miller runs several threads, so
# its elapsed time gains from idle cores that pool-ingest leaves alone).
cpass=-
[ "$cratio" != - ] && awk "BEGIN { exit !($cratio >= 5) }" && cpass=pass
[ "$cratio" != - ] && [ "$cpass" = - ] && cpass=below
echo "| pool-ingest CPU | $size ($rows rows) | $ci s CPU |" \
    "$(awk "BEGIN { printf \"%.1f\", $mb / $ci }") MB/s | - |" \
    "Miller | $cpeer | ${cratio}x | (information: >= 5x) | $cpass |"
load=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo unknown)
echo "| pool-ingest bar | the bar is the elapsed ratio on an idle machine;" \
    "load average $load on $(getconf _NPROCESSORS_ONLN 2>/dev/null ||" \
    "echo ?) cores | - | - | - | - | - | - | - | - |"

# Memory against input size: the same run on a tenth of the rows.
if [ "$rows" -ge 100000 ]; then
	head -n $((rows / 10 + 1)) "$csv" > "$work/tenth.csv"
	run /dev/null "$bin/pool-ingest" -c "$cfg" -m "$map" "$work/tenth.csv"
	echo "| pool-ingest memory | $((rows / 10)) vs $rows rows | - | - |" \
	    "$M MB vs $mi MB | - | - | - | flat but for 32-96 B per id | - |"
	rm -f "$work/tenth.csv"
fi
# Every input shape against its peer, in CPU time (user + system) on
# one core: the records as NDJSON (jq -c .), as one JSON array
# (jq -c '.[]'), and as a ';' CSV with the record fields as header, the
# type in a column and RFC 3339 times, read without a mapping (Miller).
# shape NAME FILE PEER-NAME PEER-CMD...: one table row.
shape() {
	sname=$1 sfile=$2 speer=$3
	shift 3
	smb=$(awk "BEGIN { printf \"%.1f\", $(wc -c < "$sfile") / 1048576 }")
	run "$work/shape.ndjson" "$bin/pool-ingest" -r "$work/shape.rejects" \
	    "$sfile"
	sc=$C sm=$M src=$RC
	sout=$(($(wc -l < "$work/shape.ndjson") + $(wc -l < "$work/shape.rejects")))
	spass=fail sratio=- speerfig=-
	if command -v "$1" >/dev/null 2>&1; then
		run /dev/null "$@"
		speerfig="$speer $C s CPU"
		sratio=$(awk "BEGIN { printf \"%.1f\", $C / $sc }")
		awk "BEGIN { exit !($sratio >= 5) }" && spass=pass
	else
		spass=skip
	fi
	if [ "$src" -ge 2 ] || [ "$sout" -ne "$rows" ]; then
		echo "pool-ingest $sname exit $src: $rows rows in, $sout out"
		spass=fail
	fi
	echo "| pool-ingest $sname | $size ($rows rows, $smb MB) | $sc s CPU |" \
	    "$(awk "BEGIN { printf \"%.1f\", $smb / $sc }") MB/s | $sm MB |" \
	    "$speer | $speerfig | ${sratio}x | >= 5x $speer (CPU) | $spass |"
	rm -f "$work/shape.ndjson" "$work/shape.rejects"
}
if [ "$rci" -lt 2 ]; then
	# The records of the CSV run, without its rejects: every row valid.
	rows=$(wc -l < "$work/ingest.ndjson")
	shape NDJSON "$work/ingest.ndjson" "jq" jq -c . "$work/ingest.ndjson"
	awk 'BEGIN { printf "[" } NR > 1 { printf "," } { printf "%s", $0 }
	    END { print "]" }' "$work/ingest.ndjson" > "$work/shape.json"
	shape "JSON array" "$work/shape.json" "jq" jq -c '.[]' \
	    "$work/shape.json"
	# The array is read as a stream: memory against its length.
	if [ "$rows" -ge 100000 ]; then
		awk -v n=$((rows / 10)) 'BEGIN { printf "[" }
		    NR > n { exit } NR > 1 { printf "," } { printf "%s", $0 }
		    END { print "]" }' "$work/ingest.ndjson" > "$work/tenth.json"
		run /dev/null "$bin/pool-ingest" -r /dev/null "$work/tenth.json"
		echo "| pool-ingest JSON array memory | $((rows / 10)) vs" \
		    "$rows rows | - | - | $M MB vs $sm MB | - | - | - |" \
		    "flat but for 32-96 B per id | - |"
		rm -f "$work/tenth.json"
	fi
	rm -f "$work/shape.json"
	{
		echo "type;id;org;role;start;end;unit;priority;break_minutes"
		sed 's/^{"type":"\([^"]*\)","id":"\([^"]*\)","org":"\([^"]*\)","role":"\([^"]*\)","start":"\([^"]*\)","end":"\([^"]*\)","unit":"\([^"]*\)".*"priority":\([0-9]*\).*"break_minutes":\([0-9]*\)}$/\1;\2;\3;\4;\5;\6;\7;\8;\9/' \
		    "$work/ingest.ndjson" | grep -v '^{'
	} > "$work/shape.csv"
	rows=$(($(wc -l < "$work/shape.csv") - 1))
	shape "CSV, no mapping" "$work/shape.csv" "Miller" mlr --icsv \
	    --ifs ';' --ojsonl cat "$work/shape.csv"
	rm -f "$work/shape.csv"
fi
rm -f "$csv" "$work/ingest.ndjson"
