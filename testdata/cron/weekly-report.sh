#!/bin/bash
# The weekly HTML report of a pool, for cron.  Copy it next to the
# pool's files (pool.yaml, ingest.sh, the exports), adjust the settings
# below, and add a crontab line:
#
#   0 6 * * 1  bash /srv/pool/weekly-report.sh
#
# cron runs with a minimal PATH: the script sets PATH itself.  It runs
# the pipeline with pipefail, into a new file next to the page, and
# puts the new page in place only when no stage failed with status 2 or
# more (1 is normal: some rows rejected, which pool-ingest reports).
# When the week has no shifts (a missing export) pool-report writes
# nothing and exits 1: last week's page stays.  The exit status is the
# pipeline's; cron mails what goes to standard error.
set -u
set -o pipefail

# Settings: the pool's folder, where the programs live, the page.
POOL_DIR=${POOL_DIR:-/srv/pool}
POOL_BIN=${POOL_BIN:-/usr/local/bin}
PAGE=${PAGE:-/srv/www/week.html}
WEEK=${WEEK:-$(date +%G-W%V)}

PATH=$POOL_BIN:/usr/local/bin:/usr/bin:/bin
export PATH

cd "$POOL_DIR" || exit 2
new=$PAGE.new
rm -f "$new"
sh ingest.sh rejects.ndjson | pool-distribute -c pool.yaml |
    pool-match -c pool.yaml |
    pool-report -c pool.yaml -f html -w "$WEEK" -o "$new"
rc=$?
if [ $rc -ge 2 ] || [ ! -s "$new" ]; then
	rm -f "$new"
	echo "weekly-report: $WEEK not published (status $rc)" >&2
	[ $rc -eq 0 ] && rc=1
	exit $rc
fi
mv "$new" "$PAGE" || exit 1
exit $rc
