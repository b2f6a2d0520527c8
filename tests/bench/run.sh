#!/bin/sh
# make bench: every speed and quality bar of SPEC section 6, measured in
# one run on generated pools of three sizes, each program against the
# tool a user would otherwise use, on the same input in the same run:
#
#   size      workers   shifts     weeks
#   region        120     3,500     13   (the elderly-care quarter)
#   large       2,000    50,000     13   (a large region)
#   national  100,000 1,000,000     13   (25 regions)
#
#   pool-ingest   the shifts as a ';' CSV export -> NDJSON   vs Miller
#   pool-report   the weekly report over the matched records vs jq, and
#                 a bare jansson parse of the same input (poolgen parse)
#   pool-match    time and peak memory against the fixed bars; cover
#                 against CBC's exact optimum (tests/bench/match.sh)
#
# Per-program scripts tests/bench/<program>.sh, when present, are run
# too (see run_script below for what they are given and what they
# print).  The table goes to standard output and to
# tests/bench/RESULTS.md with the machine and the date.
#
# Environment: POOL_BUILD (build folder, default build); BENCH_SIZES
# ("small" = region only, as in CI; default "region large national", or
# any list of those); BENCH_REPEAT (runs per small measurement, best
# taken; default 3); BENCH_RESULTS (default tests/bench/RESULTS.md).

set -u
LC_ALL=C; export LC_ALL
TZ=UTC; export TZ
unset POOL_CONFIG
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
build=${POOL_BUILD:-build}
case $build in /*) ;; *) build=$top/$build ;; esac
bin=$build/bin
tools=$build/tools
work=$top/tests/bench/work
results=${BENCH_RESULTS:-$top/tests/bench/RESULTS.md}
sizes=${BENCH_SIZES:-region large national}
[ "$sizes" = small ] && sizes=region
repeat=${BENCH_REPEAT:-3}
cfg=$top/testdata/elderly-care/pool.yaml
map=$top/testdata/elderly-care/diensten.mapping.yaml
PATH=$bin:$PATH; export PATH
mkdir -p "$work"
table=$work/table.md
: > "$table"
failed=0
say() { printf 'bench: %s\n' "$*" >&2; }

if [ ! -x "$tools/poolgen" ]; then
	say "$tools/poolgen is missing: run make first"
	exit 2
fi
if [ ! -x /usr/bin/time ]; then
	say "/usr/bin/time is missing (Debian package 'time')"
	exit 2
fi

# measure OUT CMD...: run CMD with stdout to OUT; sets T (seconds, the
# best of $reps runs) and M (peak resident MiB of that run) and RC.
reps=1
measure() {
	o=$1
	shift
	T=; M=; RC=0
	i=0
	while [ $i -lt $reps ]; do
		/usr/bin/time -f '%e %M' -o "$work/time.out" "$@" > "$o" \
		    2> "$work/stderr.out"
		rc=$?
		[ $rc -gt $RC ] && RC=$rc
		read -r t m < "$work/time.out"
		if [ -z "$T" ] || awk "BEGIN { exit !($t < $T) }"; then
			T=$t
			M=$((m / 1024))
		fi
		i=$((i + 1))
	done
	# /usr/bin/time has 10 ms resolution: never divide by zero.
	awk "BEGIN { exit !($T < 0.01) }" && T=0.01
	return 0
}

calc() { awk "BEGIN { printf \"%$1\", $2 }"; }

# row PROGRAM SIZE TIME RATE PEAK PEER PEER-FIGURE RATIO BAR PASS
row() {
	printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
	    "$@" >> "$table"
	[ "${10}" = pass ] || [ "${10}" = - ] || failed=$((failed + 1))
}

mb() { calc .1f "$(wc -c < "$1") / 1048576"; }

# A per-program script: sh tests/bench/PROG.sh with BENCH_SIZE,
# BENCH_POOL (NDJSON pool), BENCH_CSV (shift export), BENCH_PLAN (the
# matched records), BENCH_WORK (a scratch folder), BENCH_BIN and
# BENCH_TOOLS in the environment.  It prints table rows in the format
# of row() above ("| program | size | ... | pass |"); other lines are
# shown as they are.
run_script() {
	s=$top/tests/bench/$1.sh
	[ -f "$s" ] || return 1
	mkdir -p "$work/$2/$1"
	BENCH_SIZE=$2 BENCH_POOL=$work/$2/pool.ndjson \
	    BENCH_CSV=$work/$2/shifts.csv BENCH_PLAN=$work/$2/plan.ndjson \
	    BENCH_WORK=$work/$2/$1 BENCH_BIN=$bin BENCH_TOOLS=$tools \
	    sh "$s" > "$work/$2/$1.out" 2> "$work/$2/$1.err"
	grep '^|' "$work/$2/$1.out" >> "$table"
	grep -v '^|' "$work/$2/$1.out" | sed "s/^/bench: $1: /" >&2
	n=$(grep '^|' "$work/$2/$1.out" | grep -c '| fail |$')
	failed=$((failed + n))
	return 0
}

for size in $sizes; do
	case $size in
	region)   w=120;    n=3500;    r=1;  reps=$repeat ;;
	large)    w=2000;   n=50000;   r=1;  reps=1 ;;
	national) w=100000; n=1000000; r=25; reps=1 ;;
	*) say "unknown size '$size' (region, large, national, small)"
	   exit 2 ;;
	esac
	d=$work/$size
	mkdir -p "$d"
	say "$size: generating $w workers, $n shifts, 13 weeks"
	"$tools/poolgen" bench -w $w -n $n -r $r > "$d/pool.ndjson" &&
	    "$tools/poolgen" bench -f csv -w $w -n $n -r $r > "$d/shifts.csv" ||
	    { say "poolgen failed"; exit 2; }

	# pool-ingest against Miller converting the same CSV to NDJSON.
	if run_script ingest "$size"; then :
	elif [ -x "$bin/pool-ingest" ]; then
		say "$size: pool-ingest"
		measure "$d/ingest.ndjson" pool-ingest -c "$cfg" -m "$map" \
		    --rejects "$d/ingest.rejects" "$d/shifts.csv"
		ti=$T; mi=$M; rci=$RC
		rows=$(($(wc -l < "$d/shifts.csv") - 1))
		got=$(($(wc -l < "$d/ingest.ndjson") + \
		    $(cat "$d/ingest.rejects" 2>/dev/null | wc -l)))
		peer=-; ratio=-; pass=fail
		if command -v mlr >/dev/null 2>&1; then
			measure "$d/mlr.ndjson" mlr --icsv --ifs ';' --ojsonl \
			    cat "$d/shifts.csv"
			peer="mlr $T s"
			ratio=$(calc .1f "$T / $ti")
			awk "BEGIN { exit !($ratio >= 5) }" && pass=pass
		fi
		if [ $rci -ge 2 ] || [ "$got" -ne "$rows" ]; then
			pass=fail
			say "$size: pool-ingest exit $rci, $rows rows in," \
			    "$got records + rejects out"
		fi
		row pool-ingest "$size" "$ti s" \
		    "$(calc .1f "$(mb "$d/shifts.csv") / $ti") MB/s" \
		    "$mi MB" Miller "$peer" "${ratio}x" ">= 5x Miller" $pass
	else
		row pool-ingest "$size" - - - Miller - - ">= 5x Miller" \
		    "not built"
	fi

	# pool-match: time and memory bars; the matched records are the
	# input of the report benchmark.
	case $size in
	region)   tbar=1;   bar="< 1 s" ;;
	large)    tbar=10;  bar="< 10 s" ;;
	national) tbar=120; bar="< 2 min, < 4 GiB" ;;
	esac
	if [ -x "$bin/pool-match" ]; then
		say "$size: pool-match"
		measure "$d/plan.ndjson" pool-match -c "$cfg" "$d/pool.ndjson"
		tm=$T; mm=$M
		filled=$(grep -c '"type":"assignment"' "$d/plan.ndjson")
		pass=pass
		awk "BEGIN { exit !($tm < $tbar) }" || pass=fail
		[ $mm -lt 4096 ] || pass=fail
		[ $RC -le 1 ] || pass=fail
		row pool-match "$size" "$tm s" \
		    "$(calc .0f "$n / $tm") shifts/s" "$mm MB" - \
		    "$filled of $n filled" - "$bar" $pass
	else
		row pool-match "$size" - - - - - - "$bar" "not built"
		"$tools/poolgen" bench -a -w $w -n $n -r $r > "$d/plan.ndjson"
	fi
	run_script match "$size" || [ "$size" != region ] ||
	    row pool-match region - - - CBC - - \
	    "cover = ILP optimum" "no match.sh"

	# pool-report against the same aggregation in jq, and against a
	# bare jansson parse of the input.
	if run_script report "$size"; then :
	elif [ -x "$bin/pool-report" ]; then
		say "$size: pool-report"
		measure "$d/report.json" pool-report -c "$cfg" --format json \
		    "$d/plan.ndjson"
		tr=$T; mr=$M; rcr=$RC
		measure "$d/parse.out" "$tools/poolgen" parse "$d/plan.ndjson"
		tp=$T
		measure "$d/jq.out" jq -n -c -f "$top/tests/bench/report.jq" \
		    "$d/plan.ndjson"
		tj=$T
		ratio=$(calc .1f "$tj / $tr")
		pratio=$(calc .2f "$tr / $tp")
		pass=fail
		awk "BEGIN { exit !($ratio >= 5 && $pratio <= 2) }" && pass=pass
		[ $rcr -le 1 ] || pass=fail
		row pool-report "$size" "$tr s" \
		    "$(calc .1f "$(mb "$d/plan.ndjson") / $tr") MB/s" \
		    "$mr MB" "jq; jansson parse" "jq $tj s; parse $tp s" \
		    "${ratio}x jq; ${pratio}x parse" \
		    ">= 5x jq, <= 2x parse" $pass
	else
		row pool-report "$size" - - - jq - - ">= 5x jq, <= 2x parse" \
		    "not built"
	fi
done

# The machine and the table.
cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo \
    2>/dev/null)
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo \
    2>/dev/null)
{
	echo "# Benchmark results"
	echo
	echo "Written by \`make bench\` (tests/bench/run.sh); do not edit."
	echo
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "- machine: $(nproc) CPUs, ${cpu:-unknown CPU}, ${mem:-unknown memory}"
	echo "- system: $(uname -sr); $(${CC:-cc} --version 2>/dev/null | head -1)"
	echo "- sizes: $sizes"
	echo "- peers: $(mlr --version 2>/dev/null | head -1);" \
	    "$(jq --version 2>/dev/null);" \
	    "CBC $(cbc -quit 2>/dev/null | awk '/^Version/ { print $2 }')"
	echo "- times are wall-clock seconds on one core (best of" \
	    "$repeat for the region size); peak is the maximum resident set"
	echo
	echo "| program | size | time | rate | peak | peer | peer figure | ratio | bar | result |"
	echo "|---|---|---|---|---|---|---|---|---|---|"
	cat "$table"
} > "$results.tmp" && mv "$results.tmp" "$results"
cat "$results"
[ $failed -eq 0 ]
