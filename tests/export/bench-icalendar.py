#!/usr/bin/python3
# bench-icalendar.py EVENTS.json OUT.ics — builds the events with
# python3-icalendar and writes them; prints the CPU milliseconds that took
# (reading the JSON left out), for bench-export.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import sys
import time

import icalendar
import pytz


def main():
    with open(sys.argv[1]) as f:
        events = json.load(f)
    start = time.process_time()
    calendar = icalendar.Calendar()
    calendar.add('prodid', '-//Bandi//bench//EN')
    calendar.add('version', '2.0')
    zones = {}
    stamp = datetime.datetime(2024, 1, 1, tzinfo=pytz.utc)
    for e in events:
        event = icalendar.Event()
        event.add('uid', e['uid'])
        event.add('dtstamp', stamp)
        event.add('summary', e['summary'])
        event.add('description', e['description'])
        event.add('url', e['url'])
        event.add('categories', e['categories'])
        y, m, d, hh, mm, ss = e['start']
        if e['zone']:
            zone = zones.setdefault(e['zone'], pytz.timezone(e['zone']))
            event.add('dtstart', zone.localize(datetime.datetime(y, m, d, hh, mm, ss)))
        else:
            event.add('dtstart', datetime.date(y, m, d))
        for days in e['alarms']:
            alarm = icalendar.Alarm()
            alarm.add('action', 'DISPLAY')
            alarm.add('description', e['summary'])
            alarm.add('trigger', datetime.timedelta(days=-days))
            event.add_component(alarm)
        calendar.add_component(event)
    with open(sys.argv[2], 'wb') as f:
        f.write(calendar.to_ical())
    print('%.3f' % ((time.process_time() - start) * 1000))


main()
