#!/bin/sh
# make bench: every speed and quality bar of SPEC section 6, measured in
# one run on generated pools of three sizes, each program against the
# tool a user would otherwise use, on the same input in the same run:
#
#   size      workers   shifts     weeks
#   region        120     3,500     13   (the elderly-care quarter)
#   large       2,000    50,000     13   (a large region)
#   national  100,000 1,000,000     13
#
#   pool-ingest   a ';' CSV shift export -> NDJSON     vs Miller (mlr)
#   pool-report   the report over matched records      vs jq, and a bare
#                 jansson parse of the same input (tests/tools/jparse)
#   pool-distribute  time and peak memory against the fixed bars
#   pool-match    time and peak memory against the fixed bars, every
#                 output through the independent checker (matchcheck),
#                 and the cover against CBC's exact optimum of the same
#                 model on small instances
#
# The per-program scripts do the measuring: tests/bench/ingest.sh and
# report.sh print table rows (see row() below), tests/bench/match.sh
# prints "match/check/exact" lines that are turned into rows here.
# When a script is missing, the program is measured here the same way.
# The table goes to standard output and to tests/bench/RESULTS.md with
# the machine and the date.  Exits 1 if a bar is missed or a program is
# missing.
#
# Environment: POOL_BUILD (build folder, default build); BENCH_SIZES
# ("small" = region only, as in CI; default "region large national",
# or any list of those); BENCH_RESULTS (default tests/bench/RESULTS.md);
# BENCH_WORKDIR (scratch folder, default tests/bench/work).

set -u
LC_ALL=C; export LC_ALL
TZ=UTC; export TZ
unset POOL_CONFIG
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
build=${POOL_BUILD:-build}
case $build in /*) ;; *) build=$top/$build ;; esac
POOL_BUILD=$build; export POOL_BUILD
bin=$build/bin
tools=$build/tools
work=${BENCH_WORKDIR:-$top/tests/bench/work}
results=${BENCH_RESULTS:-$top/tests/bench/RESULTS.md}
sizes=${BENCH_SIZES:-region large national}
[ "$sizes" = small ] && sizes=region
cfg=$top/testdata/elderly-care/pool.yaml
map=$top/testdata/elderly-care/diensten.mapping.yaml
PATH=$bin:$PATH; export PATH
rm -rf "$work"
mkdir -p "$work"
load_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
table=$work/table.md
: > "$table"
say() { printf 'bench: %s\n' "$*" >&2; }

for t in poolgen jparse; do
	if [ ! -x "$tools/$t" ]; then
		say "$tools/$t is missing: run make first"
		exit 2
	fi
done
if [ ! -x /usr/bin/time ]; then
	say "/usr/bin/time is missing (Debian package 'time')"
	exit 2
fi
for s in $sizes; do
	case $s in
	region|large|national) ;;
	*) say "unknown size '$s' (region, large, national, small)"; exit 2 ;;
	esac
done
has_size() { case " $sizes " in *" $1 "*) return 0 ;; esac; return 1; }

calc() { awk "BEGIN { printf \"%$1\", $2 }"; }

# row PROGRAM SIZE TIME RATE PEAK PEER PEER-FIGURE RATIO BAR RESULT
row() {
	printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
	    "$@" >> "$table"
}

# measure OUT CMD...: run CMD with stdout to OUT; sets T (wall seconds),
# M (peak resident MiB) and RC.
measure() {
	o=$1
	shift
	/usr/bin/time -f '%e %M' -o "$work/time.out" "$@" > "$o" \
	    2> "$work/stderr.out"
	RC=$?
	read -r T M < "$work/time.out"
	M=$((M / 1024))
	awk "BEGIN { exit !($T < 0.01) }" && T=0.01
}

# gen SIZE: the pool of that size, as NDJSON records.
gen() {
	case $1 in
	region)   set -- "$1" 120 3500 1 ;;
	large)    set -- "$1" 2000 50000 1 ;;
	national) set -- "$1" 100000 1000000 25 ;;
	esac
	"$tools/poolgen" bench -w "$2" -n "$3" -r "$4" > "$work/$1/pool.ndjson"
}

# script NAME SIZE: run tests/bench/NAME.sh for one size; copy its table
# rows, show its other lines.  Returns 1 if there is no such script.
script() {
	s=$top/tests/bench/$1.sh
	[ -f "$s" ] || return 1
	mkdir -p "$work/$2/$1"
	say "$2: $1.sh"
	BENCH_SIZE=$2 BENCH_WORK=$work/$2/$1 BENCH_BIN=$bin \
	    BENCH_TOOLS=$tools BENCH_PLAN=$work/$2/plan.ndjson \
	    BENCH_INGEST_ROWS=$3 sh "$s" > "$work/$2/$1.out" \
	    2> "$work/$2/$1.err"
	grep '^|' "$work/$2/$1.out" >> "$table"
	grep -v '^|' "$work/$2/$1.out" "$work/$2/$1.err" |
	    sed "s/^[^:]*:/bench: $2: $1: /" >&2
	return 0
}

# pool-match: tests/bench/match.sh measures the region and large sizes
# (quick) and with them the national one (full); its lines become rows.
match_rows() {
	awk -v sizes=" $sizes " '
	function size(n) {
		if (n == "elderly") return "region"
		if (n == "region") return "large"
		return n
	}
	function field(k,   i) {
		for (i = 1; i <= NF; i++)
			if (index($i, k "=") == 1)
				return substr($i, length(k) + 2)
		return ""
	}
	function out(a, b, c, d, e, f, g, h, i, j) {
		printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
		    a, b, c, d, e, f, g, h, i, j
	}
	$1 == "match" {
		s = size($2)
		if (index(sizes, " " s " ") == 0 && $2 !~ /^small/)
			next
		t = field("time"); sub(/s$/, "", t)
		cpu = field("cpu"); sub(/s$/, "", cpu)
		mem = field("rss"); sub(/MB$/, "", mem)
		bar = s == "region" ? 1 : s == "large" ? 10 : 120
		# One core: on a shared machine CPU time is the fair figure.
		tt = cpu != "" ? cpu : t
		ok = field("status") <= 1 && tt + 0 < bar && mem + 0 < 4096
		if ($2 ~ /^small/)
			ok = field("status") <= 1
		out("pool-match", s " (" field("workers") " x " \
		    field("shifts") ")", t " s" (cpu != "" ? " (" cpu " s cpu)" : ""), \
		    sprintf("%.0f shifts/s", field("shifts") / (tt > 0 ? tt : 0.01)), \
		    mem " MB", "own bound", "cover " field("cover") \
		    " of bound " field("bound"), "gap " field("gap"), \
		    $2 ~ /^small/ ? "-" : (s == "national" ? \
		    "< 2 min, < 4 GiB" : "< " bar " s"), ok ? "pass" : "fail")
	}
	$1 == "check" {
		s = size($2)
		if (index(sizes, " " s " ") == 0 && $2 !~ /^small/)
			next
		out("pool-match hard rules", s, "-", "-", "-", "matchcheck", \
		    $3 == "ok" ? "no violation" : "violations", "-", \
		    "none broken", $3 == "ok" ? "pass" : "fail")
	}
	$1 == "exact" {
		n = $2
		m[n] += field("match"); c[n] += field("cbc")
		if (field("gap") != 0)
			bad[n] = 1
		seen[n] = 1
	}
	END {
		for (n in seen)
			out("pool-match cover", n, "-", "-", "-", "CBC (exact)", \
			    "optimum " c[n], sprintf("%d / %d = %.2f%%", m[n], \
			    c[n], c[n] > 0 ? 100 * m[n] / c[n] : 100), \
			    "= optimum per priority", bad[n] ? "fail" : "pass")
	}' "$@" >> "$table"
}

# 1. pool-match.
if [ -f "$top/tests/bench/match.sh" ] && [ -x "$bin/pool-match" ]; then
	mode=quick
	has_size national && mode=full
	say "match.sh $mode"
	mkdir -p "$work/match"
	sh "$top/tests/bench/match.sh" $mode > "$work/match/match.out" \
	    2> "$work/match/match.err"
	sed 's/^/bench: match: /' "$work/match/match.out" >&2
	match_rows "$work/match/match.out"
	grep -q '^exact ' "$work/match/match.out" ||
	    row pool-match cover - - - "CBC (exact)" - - \
	    "= optimum per priority" "not measured"
else
	for size in $sizes; do
		mkdir -p "$work/$size"
		case $size in
		region) bar="< 1 s"; tbar=1 ;;
		large) bar="< 10 s"; tbar=10 ;;
		national) bar="< 2 min, < 4 GiB"; tbar=120 ;;
		esac
		if [ ! -x "$bin/pool-match" ]; then
			row pool-match "$size" - - - - - - "$bar" "not built"
			continue
		fi
		gen "$size"
		say "$size: pool-match"
		measure "$work/$size/plan.ndjson" pool-match -c "$cfg" \
		    "$work/$size/pool.ndjson"
		n=$(grep -c '"type":"shift"' "$work/$size/pool.ndjson")
		filled=$(grep -c '"type":"assignment"' \
		    "$work/$size/plan.ndjson")
		r=pass
		awk "BEGIN { exit !($T < $tbar) }" || r=fail
		[ "$M" -lt 4096 ] && [ "$RC" -le 1 ] || r=fail
		row pool-match "$size" "$T s" "$(calc .0f "$n / $T") shifts/s" \
		    "$M MB" - "$filled of $n filled" - "$bar" $r
	done
	row pool-match cover - - - "CBC (exact)" - - \
	    "= optimum per priority" "not measured (no match.sh)"
fi

for size in $sizes; do
	mkdir -p "$work/$size"
	case $size in
	region) rows=100000 ;;
	large) rows=500000 ;;
	national) rows=1000000 ;;
	esac

	# 2. pool-ingest against Miller converting the same CSV to NDJSON.
	if script ingest "$size" $rows; then :
	elif [ -x "$bin/pool-ingest" ]; then
		say "$size: pool-ingest"
		csv=$work/$size/shifts.csv
		"$tools/poolgen" bench -f csv -w 100 -n $rows > "$csv"
		measure "$work/$size/ingest.ndjson" pool-ingest -c "$cfg" \
		    -m "$map" -r "$work/$size/ingest.rejects" "$csv"
		ti=$T; mi=$M; rci=$RC
		out=$(($(wc -l < "$work/$size/ingest.ndjson") + \
		    $(wc -l < "$work/$size/ingest.rejects")))
		measure /dev/null mlr --icsv --ifs ';' --ojsonl cat "$csv"
		ratio=$(calc .1f "$T / $ti")
		r=fail
		awk "BEGIN { exit !($ratio >= 5) }" && r=pass
		[ "$rci" -le 1 ] && [ "$out" -eq "$rows" ] || r=fail
		mb=$(calc .1f "$(wc -c < "$csv") / 1048576")
		row pool-ingest "$size ($rows rows, $mb MB)" "$ti s" \
		    "$(calc .1f "$mb / $ti") MB/s" "$mi MB" Miller \
		    "mlr $T s" "${ratio}x" ">= 5x Miller" $r
	else
		row pool-ingest "$size" - - - Miller - - ">= 5x Miller" \
		    "not built"
	fi

	# 3. pool-report against jq and a bare jansson parse.
	if script report "$size" 0; then :
	elif [ -x "$bin/pool-report" ]; then
		say "$size: pool-report"
		plan=$work/$size/plan.ndjson
		case $size in
		region) set -- -w 120 -n 3500 ;;
		large) set -- -w 2000 -n 50000 ;;
		national) set -- -w 100000 -n 1000000 -r 25 ;;
		esac
		[ -s "$plan" ] || "$tools/poolgen" bench -a "$@" > "$plan"
		measure "$work/$size/report.json" pool-report -c "$cfg" \
		    --format json "$plan"
		tr=$T; mr=$M; rcr=$RC
		measure /dev/null "$tools/jparse" "$plan"
		tp=$T
		measure /dev/null jq -n -c -f "$top/tests/bench/report.jq" \
		    "$plan"
		tj=$T
		ratio=$(calc .1f "$tj / $tr")
		pratio=$(calc .2f "$tr / $tp")
		r=fail
		awk "BEGIN { exit !($ratio >= 5 && $pratio <= 2) }" && r=pass
		[ "$rcr" -le 1 ] || r=fail
		row pool-report "$size" "$tr s" \
		    "$(calc .1f "$(wc -c < "$plan") / 1048576 / $tr") MB/s" \
		    "$mr MB" "jq; jansson parse" "jq $tj s; parse $tp s" \
		    "${ratio}x jq; ${pratio}x parse" \
		    ">= 5x jq, <= 2x parse" $r
	else
		row pool-report "$size" - - - jq - - ">= 5x jq, <= 2x parse" \
		    "not built"
	fi
done

# 4. pool-distribute: the allocation key over the same pools (no peer:
# the bars of issue 12, judged on CPU time).
for size in $sizes; do
	case $size in
	region) bar="< 1 s"; tbar=1 ;;
	large) bar="< 2 s"; tbar=2 ;;
	national) bar="< 2 min, < 4 GiB"; tbar=120 ;;
	esac
	if [ ! -x "$bin/pool-distribute" ]; then
		row pool-distribute "$size" - - - - - - "$bar" "not built"
		continue
	fi
	mkdir -p "$work/$size"
	[ -s "$work/$size/pool.ndjson" ] || gen "$size"
	say "$size: pool-distribute"
	/usr/bin/time -f '%e %U %S %M' -o "$work/time.out" \
	    pool-distribute -c "$cfg" -v "$work/$size/pool.ndjson" \
	    > /dev/null 2> "$work/$size/distribute.err"
	RC=$?
	read -r T U S M < "$work/time.out"
	M=$((M / 1024))
	C=$(calc .2f "$U + $S")
	n=$(grep -c '"type":"shift"' "$work/$size/pool.ndjson")
	scarce=$(sed -n 's/.*roles*, \([0-9]*\) scarce$/\1/p' \
	    "$work/$size/distribute.err")
	r=pass
	awk "BEGIN { exit !($C < $tbar) }" || r=fail
	[ "$M" -lt 4096 ] && [ "$RC" -le 1 ] || r=fail
	row pool-distribute "$size" "$T s ($C s cpu)" \
	    "$(calc .0f "$n / ($C > 0 ? $C : 0.01)") shifts/s" "$M MB" - \
	    "${scarce:-?} scarce periods and roles" - "$bar" $r
done

# The machine and the table.
cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo \
    2>/dev/null)
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' \
    /proc/meminfo 2>/dev/null)
failed=$(grep -c -v '| pass |$\|| - |$' "$table")
{
	echo "# Benchmark results"
	echo
	echo "Written by \`make bench\` (tests/bench/run.sh); do not edit."
	echo
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "- machine: $(nproc) CPUs, ${cpu:-unknown CPU}," \
	    "${mem:-unknown memory}"
	echo "- system: $(uname -sr); $(${CC:-cc} --version 2>/dev/null |
	    head -1)"
	echo "- sizes: $sizes"
	echo "- peers: $(mlr --version 2>/dev/null | head -1);" \
	    "$(jq --version 2>/dev/null);" \
	    "CBC $(cbc -quit 2>/dev/null | awk '/^Version/ { print $2 }')"
	echo "- load average at the start: ${load_start:-unknown}; at the" \
	    "end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" \
	    "(above the CPU count, wall times are inflated)"
	echo "- one core per program; times in seconds, wall clock and CPU" \
	    "where the row says cpu (bars are judged on CPU time when" \
	    "given); peak = maximum resident set"
	echo "- bars missed or not measured: $failed"
	echo
	echo "| program | size | time | rate | peak | peer | peer figure |" \
	    "ratio | bar | result |"
	echo "|---|---|---|---|---|---|---|---|---|---|"
	cat "$table"
} > "$results.tmp" && mv "$results.tmp" "$results"
cat "$results"
[ "$failed" -eq 0 ]
