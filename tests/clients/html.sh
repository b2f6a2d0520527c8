#!/bin/sh
# Render pool-report's HTML page in headless Chromium and fail on a
# broken page: the DOM Chromium builds must hold every section, table and
# chart of the page, no element that came from the input, and the
# screenshot must be a PNG.  Run from the repository root with the
# programs on PATH.  Skips (exit 0) when Chromium is not installed.
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
	echo "skip: chromium not installed (Debian package chromium)"
	exit 0
fi
set -e
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
r=tests/cli/pool-report/records.ndjson
c=tests/cli/pool-report/pool.yaml

# The sample, plus a shift whose unit and note try to break out.
{ cat $r
  echo '{"type":"shift","id":"x1","org":"a","role":"helpende","unit":"</td></tr></table><script>document.title=\"pwned\"</script><b>","note":"<img src=x onerror=alert(1)>","start":"2026-10-23T07:00:00+02:00","end":"2026-10-23T15:00:00+02:00"}'
} > "$tmp/in.ndjson"
pool-report -c $c --week 2026-W43 -f html -o "$tmp/report.html" "$tmp/in.ndjson"

run() {
	"$chromium" --headless --no-sandbox --disable-gpu \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --no-first-run --user-data-dir="$tmp/profile" \
	    "$@" 2>>"$tmp/chromium.log"
}
run --dump-dom "file://$tmp/report.html" > "$tmp/dom.html" || {
	echo "FAIL: chromium could not load the page"; cat "$tmp/chromium.log"
	exit 1
}
run --screenshot="$tmp/shot.png" --window-size=1200,3000 \
    "file://$tmp/report.html" >/dev/null || {
	echo "FAIL: chromium could not take a screenshot"; exit 1
}

fail=0
check() {	# description, expected count, actual count
	if [ "$2" = "$3" ]; then
		echo "ok - $1"
	else
		echo "not ok - $1: want $2, got $3"; fail=1
	fi
}
count() { grep -o "$1" "$2" | wc -l | tr -d ' '; }

# Every table and section of the page survived parsing.
check "sections in the DOM" "$(count '<section' "$tmp/report.html")" \
    "$(count '<section' "$tmp/dom.html")"
check "tables in the DOM" "$(count '<table' "$tmp/report.html")" \
    "$(count '<table' "$tmp/dom.html")"
check "table rows in the DOM" "$(count '<tr' "$tmp/report.html")" \
    "$(count '<tr' "$tmp/dom.html")"
check "charts (inline SVG): 3, and the outlook of each of the 2 roles" 5 "$(count '<svg' "$tmp/dom.html")"
check "chart bars" "$(count '<rect' "$tmp/report.html")" \
    "$(count '<rect' "$tmp/dom.html")"
# Nothing from the input became an element.
check "no script element" 0 "$(count '<script' "$tmp/dom.html")"
check "no img element" 0 "$(count '<img' "$tmp/dom.html")"
check "the title is the pool's" 1 \
    "$(count '<title>Testpool Eemland: capacity report, 2026-W43</title>' "$tmp/dom.html")"
check "the hostile unit is shown as text (units, unfilled)" 2 \
    "$(count '&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;' "$tmp/dom.html")"
# A PNG came out.
if head -c 8 "$tmp/shot.png" | od -An -c | grep -q 'P   N   G'; then
	echo "ok - screenshot is a PNG ($(wc -c < "$tmp/shot.png") bytes)"
else
	echo "not ok - screenshot is not a PNG"; fail=1
fi
exit $fail
