#!/usr/bin/env python3
# take-screenshots.py BUILDDIR OUTDIR — the screenshots of the metainfo,
# taken from the real app as built in BUILDDIR
#
# Run it under a virtual display and a session bus, from the source tree:
#
#   xvfb-run -a -s "-screen 0 1280x800x24 -noreset" dbus-run-session -- \
#     build-aux/take-screenshots.py build data/screenshots
#
# It fills a scratch store the way a user would: `bandi-cli sync` against a
# local stand-in for the Funding & Tenders search API that serves sample
# topics in the API's real format (every metadata value an array of strings,
# the 17:00 Brussels deadline carried as 17:00 UTC with Brussels' offset).
# Then it starts `bandi` with scratch settings (no sync at start-up, every
# source pointed at the stand-in), moves through the app with xdotool and
# saves each view, cropped to the window, as OUTDIR/NAME.png.
#
# Needs xdotool, ImageMagick (import, convert) and the en_GB.UTF-8 locale
# (localedef -i en_GB -f UTF-8 en_GB.UTF-8). Nothing reaches the
# internet, and the user's own data and settings are not touched.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

APP_ID = 'io.github.bandi.Bandi'
OPEN, FORTHCOMING = '31094502', '31094501'
WIDTH, HEIGHT = 1180, 740
RIA = 'HORIZON-RIA HORIZON Research and Innovation Actions'
IA = 'HORIZON-IA HORIZON Innovation Actions'

# identifier, call title, title, status, opening, deadlines, type of action,
# budget, expected grants, keywords, description
TOPICS = [
    ('HORIZON-CL5-2027-D3-01-05', 'Sustainable, secure and competitive energy supply',
     'Next-generation thermal energy storage for industrial heat', OPEN, '2026-09-16',
     ['2027-01-20'], RIA, 15000000, 3, ['Energy storage', 'Industrial heat', 'Decarbonisation'],
     'Projects will demonstrate thermal storage that delivers process heat above 400 °C '
     'to energy-intensive industries, cutting their use of fossil fuels.'),
    ('HORIZON-CL5-2027-D4-01-03', 'Efficient, sustainable and inclusive energy use',
     'Smart energy communities in mixed-use urban districts', OPEN, '2026-10-01',
     ['2027-02-24'], IA, 12000000, 2, ['Energy communities', 'Buildings', 'Smart grids'],
     'Pilots in at least three Member States that combine renewable self-consumption, '
     'flexibility services and building renovation.'),
    ('HORIZON-CL6-2027-FARM2FORK-01-04', 'Fair, healthy and environmentally-friendly food systems',
     'Reducing food loss in fresh produce supply chains with digital tools', FORTHCOMING,
     '2027-01-14', ['2027-02-18', '2027-09-09'], RIA, 9000000, 3,
     ['Food waste', 'Agri-food', 'Digital traceability'],
     'Solutions that track quality along the chain and predict shelf life, developed '
     'with farmers, processors and retailers.'),
    ('HORIZON-CL6-2027-CIRCBIO-02-01', 'Circular economy and bioeconomy sectors',
     'Bio-based chemicals from agri-food residues in regional biorefineries', OPEN, '2026-09-24',
     ['2027-02-18'], IA, 8000000, 2, ['Biorefinery', 'Green chemistry', 'Bioeconomy'],
     'Demonstrate the conversion of agri-food side streams into bio-based platform '
     'chemicals at pilot scale.'),
    ('HORIZON-CL4-2027-TWIN-TRANSITION-01-07', 'Twin green and digital transition',
     'AI-driven zero-defect manufacturing for small and medium-sized producers', OPEN,
     '2026-10-15', ['2027-03-10'], IA, 20000000, 4,
     ['Advanced manufacturing', 'Artificial intelligence', 'SMEs'],
     'Quality-control systems that learn from production data and are affordable for '
     'SMEs, validated in real factories.'),
    ('HORIZON-CL4-2027-SPACE-01-41', 'Space research and innovation',
     'In-orbit demonstration of modular satellite platforms', FORTHCOMING, '2027-02-03',
     ['2027-04-21'], RIA, 10000000, 2, ['Space', 'Satellites', 'Aerospace'],
     'Modular small-satellite buses with standard interfaces, flown in orbit by the end '
     'of the project.'),
    ('HORIZON-HLTH-2027-TOOL-05-02', 'Tools and technologies for a healthy society',
     'Digital twins for personalised rehabilitation after stroke', OPEN, '2026-09-30',
     ['2026-12-16', '2027-04-13'], RIA, 24000000, 4,
     ['Digital health', 'Rehabilitation', 'Medical devices'],
     'Patient-specific models that adapt rehabilitation plans, tested in clinical '
     'settings across Europe.'),
    ('HORIZON-CL3-2027-INFRA-01-02', 'Resilient infrastructure',
     'Resilience of urban mobility networks to extreme weather', FORTHCOMING, '2027-03-04',
     ['2027-06-17'], IA, 7000000, 2, ['Smart cities', 'Mobility', 'Climate adaptation'],
     'Tools to anticipate and manage the disruption of public transport and road '
     'networks during floods and heatwaves.'),
    ('HORIZON-CL5-2027-D5-01-11', 'Clean and competitive solutions for all transport modes',
     'Battery swapping for light commercial electric vehicles', OPEN, '2026-09-16',
     ['2027-01-20'], IA, 18000000, 3, ['Electric vehicles', 'Batteries', 'Logistics'],
     'Standardised swapping stations and packs for urban delivery fleets, demonstrated '
     'in two metropolitan areas.'),
    ('HORIZON-CL2-2027-TRANSFORMATIONS-01-06', 'Social and economic transformations',
     'Skills for the digital transition of regional manufacturing ecosystems', OPEN,
     '2026-10-08', ['2027-03-03'], RIA, 6000000, 2,
     ['Skills', 'Regional innovation', 'Industry 5.0'],
     'Evidence on how clusters and training providers can close skills gaps in '
     'manufacturing regions.'),
    ('HORIZON-CL4-2027-DIGITAL-EMERGING-01-12', 'Digital and emerging technologies',
     'Trustworthy edge AI for collaborative robots', OPEN, '2026-11-05',
     ['2027-04-01'], RIA, 14000000, 3, ['Robotics', 'Edge computing', 'Artificial intelligence'],
     'Robots that learn tasks on site from few examples while keeping data on the '
     'factory floor.'),
    ('HORIZON-CL6-2027-BIODIV-01-08', 'Biodiversity and ecosystem services',
     'Nature-based solutions for water retention in agricultural landscapes', FORTHCOMING,
     '2027-01-21', ['2027-05-12'], IA, 11000000, 2, ['Water', 'Agriculture', 'Nature-based solutions'],
     'Large-scale demonstrations of landscape features that keep water in the soil and '
     'reduce drought damage.'),
]


def api_date(day, hour_utc):
    """@day at @hour_utc UTC, written as the API writes it: with the offset
    of Brussels on that day, and no colon in the offset."""
    d = datetime.date.fromisoformat(day)

    def last_sunday(month):
        last = datetime.date(d.year, month, 31)
        return last - datetime.timedelta(days=(last.weekday() + 1) % 7)

    offset = 2 if last_sunday(3) <= d < last_sunday(10) else 1
    return f'{day}T{hour_utc + offset:02d}:00:00.000+0{offset}00'


def result(topic):
    (ident, call_title, title, status, opening, deadlines, action,
     budget, grants, keywords, description) = topic
    call_id = ident.rsplit('-', 1)[0]
    model = 'two-stage' if len(deadlines) == 2 else 'single-stage'
    overview = {'budgetTopicActionMap': {'1': [{
        'action': f'{ident} - {action}', 'plannedOpeningDate': opening, 'deadlineModel': model,
        'deadlineDates': deadlines, 'budgetYearMap': {deadlines[0][:4]: budget},
        'expectedGrants': grants, 'minContribution': budget // grants // 2,
        'maxContribution': budget // grants}]},
        'budgetYearsColumns': [deadlines[0][:4]]}
    return {
        'reference': ident + 'en',
        'url': 'https://ec.europa.eu/info/funding-tenders/opportunities/data/topicDetails/'
               f'{ident.lower()}.json',
        'content': title, 'language': 'en', 'database': 'SEDIA',
        'metadata': {
            'identifier': [ident], 'callIdentifier': [call_id], 'callTitle': [call_title],
            'title': [title], 'status': [status], 'type': ['1'],
            'startDate': [api_date(opening, 0)],
            # 17:00 Brussels, carried as 17:00 UTC: the API's own trap.
            'deadlineDate': [api_date(d, 17) for d in deadlines],
            'deadlineModel': [model], 'typesOfAction': [action],
            'frameworkProgramme': ['43108390'], 'keywords': keywords,
            'budgetOverview': [json.dumps(overview)],
            'descriptionByte': [f'<p>{description}</p>'],
            'programmePeriod': ['2021 - 2027'], 'language': ['en'], 'DATASOURCE': ['SEDIA'],
        }}


class PortalStandIn(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get('Content-Length') or 0))
        body = json.dumps({'totalResults': len(TOPICS), 'pageNumber': 1, 'pageSize': 100,
                           'results': [result(t) for t in TOPICS]}).encode()
        self.send_response(200)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def run(argv, env, **kwargs):
    print('+ ' + ' '.join(argv), flush=True)
    return subprocess.run(argv, env=env, check=True, text=True, **kwargs)


def xdotool(env, *args):
    return run(['xdotool'] + [str(a) for a in args], env, stdout=subprocess.PIPE).stdout


def find_window(env, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', '^Bandi'],
                               env=env, text=True, stdout=subprocess.PIPE).stdout.split()
        if found:
            return found[-1]
        time.sleep(0.5)
    raise SystemExit('bandi showed no window')


def screen(env):
    """The screen's pixels, as a binary PPM."""
    return subprocess.run(['import', '-window', 'root', 'ppm:-'], env=env, check=True,
                          stdout=subprocess.PIPE).stdout


def settle(env, timeout=60):
    """Waits until the screen shows something and stays the same for a
    second: the app is slow to draw on a loaded machine."""
    deadline = time.monotonic() + timeout
    last = screen(env)
    while time.monotonic() < deadline:
        time.sleep(1)
        now = screen(env)
        # A screen not drawn yet is of one colour: few distinct bytes.
        if now == last and len(set(now[::997])) > 16:
            return
        last = now
    raise SystemExit('the screen did not settle')


def shoot(env, window, path):
    settle(env)
    geometry = dict(line.split('=', 1) for line in
                    xdotool(env, 'getwindowgeometry', '--shell', window).split())
    full = path + '.full.png'
    run(['import', '-window', 'root', full], env)
    crop = '{WIDTH}x{HEIGHT}+{X}+{Y}'.format(**geometry)
    run(['convert', full, '-crop', crop, '+repage', '-strip', path], env)
    os.unlink(full)


def main():
    builddir, outdir = (os.path.abspath(a) for a in sys.argv[1:3])
    for tool in ('xdotool', 'import', 'convert', 'gsettings'):
        if not shutil.which(tool):
            raise SystemExit(f'{tool} is not installed')
    if not os.environ.get('DISPLAY'):
        raise SystemExit('no DISPLAY: run this under xvfb-run')
    bandi = os.path.join(builddir, 'app', 'gui', 'bandi')
    cli = os.path.join(builddir, 'app', 'cli', 'bandi-cli')

    server = HTTPServer(('127.0.0.1', 0), PortalStandIn)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    endpoint = f'http://127.0.0.1:{server.server_address[1]}/search-api/prod/rest/search'

    with tempfile.TemporaryDirectory(prefix='bandi-screenshots-') as tmp:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(('LC_', 'LANG', 'XDG_', 'GSETTINGS_', 'BANDI_'))}
        plugins = os.path.join(builddir, 'plugins')
        env.update(LANG='en_GB.UTF-8', LANGUAGE='en', TZ='Europe/Rome',
                   GDK_BACKEND='x11', NO_AT_BRIDGE='1',
                   GSETTINGS_BACKEND='keyfile',
                   GSETTINGS_SCHEMA_DIR=os.path.join(builddir, 'data'),
                   BANDI_PLUGIN_PATH=':'.join(os.path.join(plugins, p)
                                              for p in sorted(os.listdir(plugins))
                                              if os.path.isdir(os.path.join(plugins, p))))
        for var in ('XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME'):
            env[var] = os.path.join(tmp, var.lower())
            os.makedirs(env[var])
        # No GTK_THEME: it would replace libadwaita's style with GTK's own.
        # Only a close button on windows, as GNOME sets it.
        os.makedirs(os.path.join(env['XDG_CONFIG_HOME'], 'gtk-4.0'))
        with open(os.path.join(env['XDG_CONFIG_HOME'], 'gtk-4.0', 'settings.ini'), 'w') as f:
            f.write('[Settings]\ngtk-decoration-layout=appmenu:close\n')

        # Scratch settings: a window of the screenshots' size, a cluster to
        # rank for, no sync at start-up, and only the stand-in enabled.
        run(['gsettings', 'set', APP_ID, 'window-width', str(WIDTH)], env)
        run(['gsettings', 'set', APP_ID, 'window-height', str(HEIGHT)], env)
        run(['gsettings', 'set', APP_ID, 'selected-cluster', 'LE2C'], env)
        run(['gsettings', 'set', APP_ID, 'sync-on-startup', 'false'], env)
        sources = run([cli, 'sources'], env, stdout=subprocess.PIPE).stdout
        for line in sources.splitlines():
            if line and not line[0].isspace():
                source = line.split(' ', 1)[0]
                schema = f'{APP_ID}.Source:/io/github/bandi/Bandi/sources/{source}/'
                run(['gsettings', 'set', schema, 'enabled', str(source == 'horizon').lower()], env)
        run([cli, '--endpoint', f'horizon={endpoint}', 'sync', 'horizon'], env)

        os.makedirs(outdir, exist_ok=True)
        app = subprocess.Popen([bandi], env=env)
        try:
            window = find_window(env)
            settle(env)
            # Clicks go to the window under the pointer; between shots the
            # pointer rests on the sidebar's empty end, where no tooltip shows.
            rest = ('mousemove', '--window', window, 100, HEIGHT - 40)
            xdotool(env, *rest)
            # Alt+N shows the N-th section of the sidebar.
            xdotool(env, 'key', '--clearmodifiers', 'alt+1')
            shoot(env, window, os.path.join(outdir, 'main.png'))
            # The second call of the list (the first relevant to the
            # cluster); one click opens its details.
            xdotool(env, 'mousemove', '--window', window, 800, 181, 'click', 1)
            xdotool(env, *rest)
            shoot(env, window, os.path.join(outdir, 'details.png'))
            # The calendar, three months on: the month with most deadlines.
            xdotool(env, 'key', '--clearmodifiers', 'alt+4')
            for _ in range(3):
                settle(env)
                # The "next month" button, right of "Today".
                xdotool(env, 'mousemove', '--window', window, 358, 74, 'click', 1)
            xdotool(env, *rest)
            shoot(env, window, os.path.join(outdir, 'calendar.png'))
        finally:
            app.terminate()
            app.wait(timeout=10)
            server.shutdown()


if __name__ == '__main__':
    main()
