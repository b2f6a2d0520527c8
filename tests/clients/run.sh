#!/bin/sh
# Real-client checks of pool-report's output: HTML in headless Chromium,
# calendars in python3-icalendar, CSV in Python's csv module.  Run from
# the repository root; POOL_BUILD names the build folder (default
# build).  A missing client prints "skip" and does not fail.
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${POOL_BUILD:-build}
case $build in /*) ;; *) build=$top/$build ;; esac
PATH=$build/bin:$PATH; export PATH
LC_ALL=C.UTF-8; export LC_ALL
cd "$top" || exit 1
rc=0
for t in html html-nl ics csv; do
	echo "# clients/$t"
	sh tests/clients/$t.sh || { echo "not ok - clients/$t"; rc=1; }
done
exit $rc
