#!/usr/bin/python3
# read-ics.py — reads an iCalendar file with python3-icalendar and prints
# what it understood as JSON, for test-ical-clients.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import sys

import icalendar


def when(prop):
    if prop is None:
        return None
    value = prop.dt
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise SystemExit('floating time: %s' % value)
        return {'unix': int(value.timestamp()), 'tzid': prop.params.get('TZID')}
    return {'date': value.isoformat()}


def main():
    with open(sys.argv[1], 'rb') as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    items = []
    for component in calendar.walk():
        if component.name not in ('VEVENT', 'VTODO'):
            continue
        categories = component.get('CATEGORIES')
        if categories is None:
            categories = []
        elif not isinstance(categories, list):
            categories = [categories]
        items.append({
            'kind': component.name,
            'uid': str(component['UID']),
            'summary': str(component['SUMMARY']),
            'description': str(component.get('DESCRIPTION', '')),
            'url': str(component.get('URL', '')),
            'sequence': int(component.get('SEQUENCE', 0)),
            'categories': [str(c) for cat in categories for c in cat.cats],
            'start': when(component.get('DTSTART') or component.get('DUE')),
            'end': when(component.get('DTEND')),
            'duration': (int(component['DURATION'].dt.total_seconds())
                         if 'DURATION' in component else None),
            'alarms': len([a for a in component.subcomponents if a.name == 'VALARM']),
        })
    json.dump({'items': items, 'timezones': [str(c['TZID']) for c in calendar.walk('VTIMEZONE')]},
              sys.stdout)


main()
