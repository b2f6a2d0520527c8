#!/bin/sh
# The Dutch HTML page in headless Chromium: the page says lang="nl",
# opens with the Dutch headline, every chart has its legend, and nothing
# is wider than the window at the width of an A4 page (794 px) and of a
# phone held sideways (640 px).  The check loads a copy of the page with
# one script added that measures it; the page itself has none.  Skips
# (exit 0) when Chromium is not installed.
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
	echo "skip: chromium not installed (Debian package chromium)"
	exit 0
fi
set -e
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
r=tests/cli/pool-report/records.ndjson
c=tests/cli/pool-report/pool-nl.yaml

pool-report -c $c --lang nl --week 2026-W43 -f html -o "$tmp/report.html" $r

run() {
	"$chromium" --headless --no-sandbox --disable-gpu \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --no-first-run --user-data-dir="$tmp/profile" \
	    "$@" 2>>"$tmp/chromium.log"
}
fail=0
check() {	# description, expected, actual
	if [ "$2" = "$3" ]; then
		echo "ok - $1"
	else
		echo "not ok - $1: want '$2', got '$3'"; fail=1
	fi
}

run --dump-dom "file://$tmp/report.html" > "$tmp/dom.html" || {
	echo "not ok - chromium could not load the page"
	cat "$tmp/chromium.log"; exit 1
}
check "the page is Dutch" 1 "$(grep -c '<html lang="nl">' "$tmp/dom.html")"
check "the Dutch headline" 1 "$(grep -c '<p class="headline">4 van 5 diensten gevuld (80,0%); 1 open, waarvan 1 met prioriteit 1</p>' "$tmp/dom.html")"
check "a legend for each of the 3 charts" 3 \
    "$(grep -o '<p class="legend">' "$tmp/dom.html" | wc -l | tr -d ' ')"
check "organisations by name in the chart" 1 \
    "$(grep -c '<text x="0" y="17">Zorg A</text>' "$tmp/dom.html")"
check "no script in the page" 0 "$(grep -c '<script' "$tmp/report.html" || true)"

# The measuring copy: the page and its widest element against the
# window; on a narrow window a table may scroll inside its box
# (div.wide), at A4 width nothing may.
sed 's#</body>#<script>var w = document.documentElement.scrollWidth, m = 0,\
a4 = window.innerWidth >= 794;\
document.querySelectorAll("body *").forEach(function (e) {\
if (!a4 \&\& e.closest(".wide table")) return;\
var r = e.getBoundingClientRect().right; if (r > m) m = r; });\
document.title = "W" + w + "/" + window.innerWidth + "/" + Math.ceil(m);\
</script></body>#' "$tmp/report.html" > "$tmp/measure.html"
for width in 794 640; do
	run --dump-dom --window-size=$width,1200 "file://$tmp/measure.html" \
	    > "$tmp/m.html"
	t=$(sed -n 's#.*<title>W\([0-9]*\)/\([0-9]*\)/\([0-9]*\)</title>.*#\1 \2 \3#p' "$tmp/m.html")
	set -- $t
	if [ -n "$t" ] && [ "$1" -le "$2" ] && [ "$3" -le "$2" ]; then
		echo "ok - no overflow at $width px (page $1, widest $3, window $2)"
	else
		echo "not ok - overflow at $width px: '$t'"; fail=1
	fi
	run --screenshot="$tmp/shot-$width.png" --window-size=$width,2400 \
	    "file://$tmp/report.html" >/dev/null
	if head -c 8 "$tmp/shot-$width.png" | od -An -c | grep -q 'P   N   G'
	then
		echo "ok - screenshot at $width px is a PNG"
	else
		echo "not ok - no screenshot at $width px"; fail=1
	fi
	[ -z "${POOL_SHOTS:-}" ] || cp "$tmp/shot-$width.png" "$POOL_SHOTS/"
done
exit $fail
