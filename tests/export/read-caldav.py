#!/usr/bin/python3
# read-caldav.py URL [USER PASSWORD] — reads a calendar collection with
# python3-caldav (a REPORT calendar-query) and prints its events as JSON,
# for test-caldav.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import sys

import caldav
import icalendar


def when(prop):
    value = prop.dt
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise SystemExit('floating time: %s' % value)
        return {'unix': int(value.timestamp()), 'tzid': prop.params.get('TZID')}
    return {'date': value.isoformat()}


def main():
    url = sys.argv[1]
    auth = {'username': sys.argv[2], 'password': sys.argv[3]} if len(sys.argv) > 3 else {}
    client = caldav.DAVClient(url, **auth)
    items = []
    for resource in client.calendar(url=url).events():
        calendar = icalendar.Calendar.from_ical(resource.data)
        for component in calendar.walk():
            if component.name not in ('VEVENT', 'VTODO'):
                continue
            items.append({
                'href': str(resource.url),
                'uid': str(component['UID']),
                'summary': str(component['SUMMARY']),
                'sequence': int(component.get('SEQUENCE', 0)),
                'start': when(component.get('DTSTART') or component.get('DUE')),
            })
    items.sort(key=lambda item: item['uid'])
    json.dump({'items': items}, sys.stdout)


main()
