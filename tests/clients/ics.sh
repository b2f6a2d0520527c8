#!/bin/sh
# Run ics.py with a Python that has the icalendar module (Debian's
# python3-icalendar lives in /usr/bin/python3); skip when there is none.
for py in ${PYTHON:-} python3 /usr/bin/python3; do
	if "$py" -c 'import icalendar' 2>/dev/null; then
		exec "$py" "$(dirname "$0")/ics.py"
	fi
done
echo "skip: python3-icalendar not installed"
exit 0
