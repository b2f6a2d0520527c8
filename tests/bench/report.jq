# What a user would write in jq instead of pool-report: per organisation
# the shifts asked and filled and their hours, over the records of
# pool-match.  Run as: jq -n -c -f tests/bench/report.jq plan.ndjson
# Flat objects as the state: jq 1.6 copies a nested object on every
# update, which would make the peer quadratic and the ratio unfair.
def minutes(t): (t[11:13] | tonumber) * 60 + (t[14:16] | tonumber);
# Working time: the length less the break, as pool-report counts it.
# (No "//" here: its backtracking point holds a second reference to the
# state, and then jq 1.6 copies the whole state on every update.)
def hours: ((minutes(.end) - minutes(.start) + 1440) % 1440
    - (.break_minutes | if . == null then 0 else . end)) / 60;
reduce inputs as $r ({};
	if $r.type == "shift" then .["o" + $r.id] = $r.org
	    | .["h" + $r.id] = ($r | hours)
	elif $r.type == "assignment" then .["a" + $r.shift] = 1
	else . end)
| . as $d
| reduce (keys_unsorted[] | select(startswith("o")) | .[1:]) as $id ({};
	$d["o" + $id] as $org
	| .["n" + $org] += 1
	| .["h" + $org] += $d["h" + $id]
	| .["f" + $org] += ($d["a" + $id] | if . == null then 0 else . end))
| . as $t
| keys[] | select(startswith("n")) | .[1:]
| {org: ., asked: $t["n" + .], filled: $t["f" + .], hours: $t["h" + .]}
