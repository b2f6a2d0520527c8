#!/bin/sh
# The pool-match benchmark: for generated pools of realistic shape
# (tests/tools/matchgen.c) it times pool-match, measures its peak RSS,
# checks every output with the independent checker (matchcheck), and for
# small instances solves the cover model exactly with CBC (Debian
# coinor-cbc) and prints the gap per priority.  One line per
# measurement.
#
#	sh tests/bench/match.sh [quick|full|random]
#
# random: MATCH_POOLS (40) pools of drawn shape from seeds MATCH_SEED+1,
# ... (MATCH_SEED 1000): 30-120 workers, 14-42 days, 2-12
# organisations, 2-6 available days a week for every worker, scarce or
# ample, some across the spring or autumn clock change.  Each goes
# through pool-match, the rule checker, the no-improving-move checker
# (matchmoves) and CBC per priority; a table, and "N of N optimal":
# optimal when CBC proves the optimum of its model (an upper bound, see
# below) at every priority and pool-match meets it.
#
# quick (default): the elderly-care quarter (120 x 3,500 over 13 weeks),
# 2,000 x 50,000, and one CBC instance (40 x 600).  full adds CBC on
# 60 x 1,000 and 80 x 1,500 and the national 100,000 x 1,000,000.
# POOL_BUILD names the build folder (default build).
#
# The CBC model (matchcheck -l, the comment above write_rests there):
# a binary x per worker-shift pair that passes every rule against the
# confirmed assignments (so every rule that does not depend on other
# proposals); each shift at most once; per worker, shifts running at
# the same moment exclude each other (cliques); a pair closer than the
# shortened daily rest (8 h) is one shift in the sense of the law and
# excludes itself when too long for shift_max, when no legal daily rest
# is left in its 24 h, when it lacks its break or when it follows a
# late night; shortened daily rests and shortened rests after a late
# night, at most one of a kind per 7 x 24 h; per worker and ATW week,
# hours within week-max and the worker's own maximum.  Confirmed shifts
# count as cover.  It leaves out 46 h after a night series, consecutive
# shifts, 4- and 16-week averages, late nights per 16 weeks, weekly
# rest and quotas, so its optimum is an upper bound on the true
# optimum: a gap of 0 proves pool-match optimal.  pool-match's answer
# is CBC's MIP start: CBC can only confirm it or find better.  An
# answer above CBC's optimum would mean the model forbids something
# legal; the table says "MODEL ERROR" then.  CBC gets CBC_SECONDS (600,
# random set 20) per priority; when it stops on time the row says "not
# proven" with CBC's upper bound per priority.  Priorities are solved
# lexicographically: priority 1 first, then each next one with the
# covers found so far kept.
set -u
mode=${1:-quick}
build=${POOL_BUILD:-build}
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
bin=$build/bin
tools=$build/tools
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
LC_ALL=C; export LC_ALL

cat > "$tmp/pool.yaml" <<'EOF'
pool: bench
roles:
  - id: helpende
    level: 2
  - id: vig
    level: 3
    covers: [helpende]
  - id: mbo-v
    level: 4
    covers: [vig]
  - id: hbo-v
    level: 5
    covers: [mbo-v]
EOF

# run NAME WORKERS SHIFTS WEEKS SEED
run() {
	name=$1
	"$tools/matchgen" "$2" "$3" "$4" "$5" > "$tmp/$name.ndjson" || return
	/usr/bin/time -f '%e %M %U %S' -o "$tmp/$name.time" \
	    "$bin/pool-match" -v -c "$tmp/pool.yaml" "$tmp/$name.ndjson" \
	    > "$tmp/$name.out" 2> "$tmp/$name.err"
	rc=$?
	read -r secs kb user sys < "$tmp/$name.time"
	pairs=$(grep -o 'pairs [0-9]*' "$tmp/$name.err" | cut -d' ' -f2)
	bound=$(grep -o 'bound [0-9]*;' "$tmp/$name.err" | tr -dc 0-9)
	cover=$(grep -o '^cover [0-9]*' "$tmp/$name.err" | cut -d' ' -f2)
	echo "match $name workers=$2 shifts=$3 weeks=$4 status=$rc" \
	    "time=${secs}s cpu=$(echo "$user $sys" | awk '{ print $1 + $2 }')s" \
	    "rss=$((kb / 1024))MB pairs=${pairs:-?}" \
	    "cover=$cover bound=$bound gap=$((bound - cover))"
	if "$tools/matchcheck" -c "$tmp/pool.yaml" "$tmp/$name.ndjson" \
	    "$tmp/$name.out" > "$tmp/$name.check" 2> "$tmp/$name.cerr"; then
		echo "check $name ok $(cat "$tmp/$name.check")"
	else
		echo "check $name FAILED $(head -3 "$tmp/$name.cerr" |
		    tr '\n' ' ')"
	fi
}

# exact NAME: solve the cover model of NAME with CBC, priority by priority
exact() {
	name=$1
	: > "$tmp/$name.fixed"
	line="cbc $name optimum/time"
	for p in 1 2 3 4 5; do
		"$tools/matchcheck" -c "$tmp/pool.yaml" -l "$tmp/$name.lp" \
		    -m "$tmp/$name.mst" -p $p -f "$tmp/$name.fixed" \
		    "$tmp/$name.ndjson" "$tmp/$name.out" || return
		start=$(date +%s)
		cbc "$tmp/$name.lp" mips "$tmp/$name.mst" \
		    sec "${CBC_SECONDS:-600}" solve solu "$tmp/$name.sol" \
		    > "$tmp/$name.cbclog" 2>&1
		end=$(date +%s)
		status=$(head -1 "$tmp/$name.sol" | cut -d' ' -f1)
		[ "$status" = Optimal ] || echo "cbc $name p$p: $status," \
		    "upper bound $(awk '/^Upper bound:/ { print $3 }' \
		    "$tmp/$name.cbclog")"
		opt=$(head -1 "$tmp/$name.sol" |
		    sed 's/.*objective value *//' | awk '{ printf "%d", $1 + 0.5 }')
		echo "$opt" >> "$tmp/$name.fixed"
		line="$line p$p=$opt/$((end - start))s"
	done
	echo "$line"
	# pool-match's proposals per priority against the optimum
	awk -v fixed="$tmp/$name.fixed" -v name="$name" '
	    BEGIN { p = 0; while ((getline v < fixed) > 0) opt[++p] = v }
	    FILENAME ~ /ndjson$/ && /"type":"shift"/ {
		id = $0; sub(/.*"id":"/, "", id); sub(/".*/, "", id)
		pr = 3
		if (match($0, /"priority":[0-9]/))
			pr = substr($0, RSTART + 11, 1)
		prio[id] = pr
		next
	    }
	    /"status":"(proposed|confirmed)"/ {
		id = $0; sub(/.*"shift":"/, "", id); sub(/".*/, "", id)
		got[prio[id]]++
	    }
	    END {
		for (p = 1; p <= 5; p++) {
			printf "exact %s p%d match=%d cbc=%d gap=%d\n", name, p,
			    got[p], opt[p], opt[p] - got[p]
		}
	    }' "$tmp/$name.ndjson" "$tmp/$name.out"
}

# shape SEED: the arguments of matchgen for a pool drawn from SEED
shape() {
	awk -v s="$1" 'BEGIN {
		srand(s)
		w = 30 + int(rand() * 91); d = 14 + int(rand() * 29)
		o = 2 + int(rand() * 11); a = 2 + int(rand() * 5)
		c = int(rand() * 3); scarce = rand() < 0.5
		# shifts: per worker about half (ample) or 1.3 times
		# (scarce) of the days they are available
		n = int(w * a * d / 7 * (scarce ? 1.3 : 0.5))
		start = c == 0 ? "2026-11-23" : c == 1 ? "2027-03-15" : \
		    "2026-10-12"
		printf "-a %d -d %d -o %d -s %s %d %d 0 %d %s\n", a, d, o, \
		    start, w, n, s, scarce ? "scarce" : "ample"
	}'
}

# random_set: the randomized pools against CBC, see the top
random_set() {
	n=${MATCH_POOLS:-40}
	base=${MATCH_SEED:-1000}
	opt=0
	echo "| seed | shape | workers x shifts | time | pool-match cover | CBC | rules | moves | result |"
	echo "|---|---|---|---|---|---|---|---|---|"
	i=1
	while [ "$i" -le "$n" ]; do
		seed=$((base + i))
		set -- $(shape "$seed")
		kind=${13}
		"$tools/matchgen" "$1" "$2" "$3" "$4" "$5" "$6" "$7" "$8" \
		    "$9" "${10}" "${11}" "$seed" > "$tmp/r.ndjson" || return
		/usr/bin/time -f '%U %S' -o "$tmp/r.time" "$bin/pool-match" \
		    -c "$tmp/pool.yaml" "$tmp/r.ndjson" > "$tmp/r.out" \
		    2> /dev/null
		cpu=$(awk '{ print $1 + $2 }' "$tmp/r.time")
		cover=$("$tools/matchcheck" -c "$tmp/pool.yaml" \
		    "$tmp/r.ndjson" "$tmp/r.out" 2> /dev/null)
		rules=ok
		[ $? -eq 0 ] || rules=FAILED
		got=$(echo "$cover" | awk '{ for (p = 2; p <= 6; p++) {
			split($p, a, "[=/]"); printf "%s%s", (p > 2 ? "," : ""), a[2] } }')
		moves=none
		"$tools/matchmoves" -c "$tmp/pool.yaml" "$tmp/r.out" \
		    > /dev/null 2>&1 || moves=LEFT
		: > "$tmp/r.fixed"
		proven=1
		bounds=
		for p in 1 2 3 4 5; do
			"$tools/matchcheck" -c "$tmp/pool.yaml" -l "$tmp/r.lp" \
			    -m "$tmp/r.mst" -p $p -f "$tmp/r.fixed" \
			    "$tmp/r.ndjson" "$tmp/r.out" || return
			# CBC does not look at its clock while it
			# preprocesses: timeout stops it for good
			rm -f "$tmp/r.sol"
			timeout $((${CBC_SECONDS:-20} * 3 + 30)) \
			    cbc "$tmp/r.lp" mips "$tmp/r.mst" \
			    sec "${CBC_SECONDS:-20}" solve \
			    solu "$tmp/r.sol" > "$tmp/r.cbclog" 2>&1
			[ -s "$tmp/r.sol" ] ||
			    echo "Killed - objective value $(echo "$got" |
			    cut -d, -f$p)" > "$tmp/r.sol"
			best=$(head -1 "$tmp/r.sol" |
			    sed 's/.*objective value *//' |
			    awk '{ printf "%d", $1 + 0.5 }')
			if [ "$(head -1 "$tmp/r.sol" | cut -d' ' -f1)" = \
			    Optimal ]; then
				bound=$best
			else
				# stopped: pool-match's cover is a
				# lower bound CBC may not have reached
				mine=$(echo "$got" | cut -d, -f$p)
				[ "$best" -ge "$mine" ] || best=$mine
				proven=0
				bound=$(awk '/^Upper bound:/ {
				    printf "%d", $3 + 0.999 }' "$tmp/r.cbclog")
			fi
			bounds="$bounds${bounds:+,}${bound:-?}"
			echo "$best" >> "$tmp/r.fixed"
		done
		want=$(paste -sd, "$tmp/r.fixed")
		# lexicographic: -1, 0, 1 as pool-match is below, at, above
		cmp=$(echo "$got $want" | awk '{ n = split($1, g, ",");
		    split($2, c, ","); for (i = 1; i <= n; i++)
		    if (g[i] != c[i]) { print (g[i] < c[i] ? -1 : 1); exit }
		    print 0 }')
		if [ "$cmp" = 1 ]; then
			result="MODEL ERROR: pool-match above CBC"
		elif [ "$cmp" = -1 ]; then
			result="below CBC (relaxation or pool-match)"
		elif [ $proven = 1 ]; then
			result=optimal
			opt=$((opt + 1))
		else
			result="not proven in ${CBC_SECONDS:-20} s: bound $bounds"
		fi
		echo "| $seed | $kind, $4 days from $8, $6 orgs, $2 days/week |" \
		    "$9 x ${10} | ${cpu} s | $got | $want | $rules | $moves |" \
		    "$result |"
		i=$((i + 1))
	done
	echo "random: $opt of $n optimal"
}

if [ "$mode" = random ]; then
	if command -v cbc > /dev/null 2>&1; then
		random_set
	else
		echo "cbc not installed: random set skipped"
	fi
	exit 0
fi

if command -v cbc > /dev/null 2>&1; then
	run small40 40 600 4 11
	exact small40
	if [ "$mode" = full ]; then
		run small60 60 1000 6 12
		exact small60
		run small80 80 1500 8 13
		exact small80
	fi
else
	echo "cbc not installed: exact reference skipped"
fi
run elderly 120 3500 13 1
run region 2000 50000 13 2
if [ "$mode" = full ]; then
	run national 100000 1000000 13 3
fi
