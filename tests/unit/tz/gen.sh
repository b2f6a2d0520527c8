#!/bin/sh
# Rebuild the TZif fixtures from fixture.zi: fat/ holds files with every
# transition up to 2037, slim/ files that leave the future to the POSIX
# TZ footer.  The outputs are committed; run this only after editing
# fixture.zi.
set -e
cd "$(dirname "$0")"
rm -rf fat slim
zic -b fat -d fat fixture.zi
zic -b slim -d slim fixture.zi
