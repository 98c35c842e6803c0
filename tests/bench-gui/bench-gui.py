#!/usr/bin/env python3
# bench-gui.py FILL_STORE BANDI BARE_WINDOW BENCH_SEARCH — the main window
# on a store of 20,000 calls and 500 proposals (written by FILL_STORE).
#
# Start-up of the real app against a bare AdwApplicationWindow started in
# the same run.
# Each program is started ROUNDS times, alternately (after one start of
# each to warm the caches); the medians are reported:
#   first-frame     process start → the frame clock's first paint
#                   (ref: the same for the bare window; target ≤ 1.25×)
#   content-frame   process start → the first frame showing the stored calls
#   peak-rss        the app's peak resident memory, with the calls shown
#                   (ref: the bare window's)
# Search as you type (BENCH_SEARCH): a title word and a call identifier
# typed a character at a time, then cleared:
#   search-keystroke        the slowest keystroke, from the text change to
#                           the calls filtered (target ≤ 8 ms); the median
#                           is reported too
#   search-keystroke-frame  the slowest, to the end of the next frame drawn
# Times come from the children (g_get_monotonic_time () at after-paint,
# CLOCK_MONOTONIC, as Python's time.monotonic_ns ()).
#
# Output is TAP with `# bench NAME VALUE UNIT [ref REF]` lines
# (build-aux/bench-report).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time

N_CALLS = 20000
N_PROPOSALS = 500
ROUNDS = 7
TARGET_RATIO = 1.25
TARGET_KEYSTROKE_MS = 8
# A word of the titles, and the identifier of call 1234 of fill-store
QUERIES = ['hydrogen', 'HORIZON-CL5-2027-FOOD-01234']
TIMEOUT = 60


def run(argv, env):
    """Starts argv; returns ({'first-frame': µs after start, ...}, peak RSS in KiB)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic_ns() // 1000
        proc = subprocess.Popen(argv, env=env, stdout=out, stderr=err)
        watchdog = threading.Timer(TIMEOUT, proc.kill)
        watchdog.start()
        _, status, usage = os.wait4(proc.pid, 0)
        watchdog.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            sys.exit('Bail out! %s exited with %d: %s'
                     % (argv[0], proc.returncode, err.read().decode(errors='replace')))
        times = {}
        for line in out.read().decode().splitlines():
            name, _, value = line.partition(' ')
            if name in ('first-frame', 'content-frame'):
                times[name] = int(value) - start
        return times, usage.ru_maxrss


def startup(bandi, bare, env):
    app_argv = [bandi, '--no-sync']
    run(app_argv, env)
    run([bare], env)
    app_first, app_content, app_rss, bare_first, bare_rss = [], [], [], [], []
    for _ in range(ROUNDS):
        times, rss = run(app_argv, env)
        if 'first-frame' not in times or 'content-frame' not in times:
            sys.exit('Bail out! bandi did not report its frames (BANDI_EXIT_AFTER_FIRST_FRAME)')
        app_first.append(times['first-frame'] / 1000)
        app_content.append(times['content-frame'] / 1000)
        app_rss.append(rss / 1024)
        times, rss = run([bare], env)
        bare_first.append(times['first-frame'] / 1000)
        bare_rss.append(rss / 1024)

    first, ref = statistics.median(app_first), statistics.median(bare_first)
    content = statistics.median(app_content)
    ratio = first / ref
    print('# bandi first frame, ms: %s' % ' '.join('%.0f' % v for v in app_first))
    print('# bandi content frame, ms: %s' % ' '.join('%.0f' % v for v in app_content))
    print('# bare window first frame, ms: %s' % ' '.join('%.0f' % v for v in bare_first))
    print('# bench first-frame %.1f ms ref %.1f' % (first, ref))
    print('# bench content-frame %.1f ms ref %.1f' % (content, ref))
    print('# bench peak-rss %.1f MiB ref %.1f' % (statistics.median(app_rss), statistics.median(bare_rss)))
    print('%s 1 first frame within %.2f× the bare window\'s (%.2f×)'
          % ('ok' if ratio <= TARGET_RATIO else 'not ok', TARGET_RATIO, ratio))


def search(bench_search, env):
    env = dict(env)
    del env['BANDI_EXIT_AFTER_FIRST_FRAME']
    proc = subprocess.run([bench_search] + QUERIES, env=env, stdout=subprocess.PIPE,
                          timeout=TIMEOUT * 2, check=True)
    keystrokes = []
    for line in proc.stdout.decode().splitlines():
        if line.startswith('keystroke '):
            text, filter_us, frame_us, shown = line[len('keystroke '):].rsplit(' ', 3)
            keystrokes.append((text, int(filter_us) / 1000, int(frame_us) / 1000, int(shown)))
    expected = sum(len(q) + 1 for q in QUERIES)
    if len(keystrokes) != expected:
        sys.exit('Bail out! %d keystrokes reported, not %d' % (len(keystrokes), expected))
    for text, filtered, frame, shown in keystrokes:
        print('# %-32s %6.2f ms filtered, %6.2f ms to the frame, %5d calls' % (text, filtered, frame, shown))

    worst = max(keystrokes, key=lambda k: k[1])
    print('# bench search-keystroke %.2f ms' % worst[1])
    print('# bench search-keystroke-median %.2f ms' % statistics.median(k[1] for k in keystrokes))
    print('# bench search-keystroke-frame %.2f ms' % max(k[2] for k in keystrokes))
    print('# bench search-keystroke-frame-median %.2f ms' % statistics.median(k[2] for k in keystrokes))
    identifier = [k for k in keystrokes if k[0] == QUERIES[1]]
    print('%s 2 the identifier %s finds one call (%d shown)'
          % ('ok' if identifier and identifier[0][3] == 1 else 'not ok', QUERIES[1],
             identifier[0][3] if identifier else -1))
    print('%s 3 each keystroke filtered within %.0f ms (slowest: "%s", %.2f ms)'
          % ('ok' if worst[1] <= TARGET_KEYSTROKE_MS else 'not ok', TARGET_KEYSTROKE_MS, worst[0], worst[1]))


def main():
    fill_store, bandi, bare, bench_search = sys.argv[1:5]

    with tempfile.TemporaryDirectory(prefix='bandi-bench-') as tmp:
        env = dict(os.environ)
        for var in ('XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME'):
            env[var] = os.path.join(tmp, var.lower())
            os.makedirs(env[var])
        env['BANDI_EXIT_AFTER_FIRST_FRAME'] = '1'

        print('1..3')
        t = time.monotonic()
        subprocess.run([fill_store, str(N_CALLS), str(N_PROPOSALS)], env=env, check=True)
        print('# filled the store with %d calls and %d proposals in %.1f s'
              % (N_CALLS, N_PROPOSALS, time.monotonic() - t))
        startup(bandi, bare, env)
        search(bench_search, env)


if __name__ == '__main__':
    main()
