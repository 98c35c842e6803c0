#!/usr/bin/env python3
# test-e2e.py FILL_STORE BANDI — the real app, driven over AT-SPI as a user
# would drive it (pyatspi).
#
# A store of 300 calls and 3 proposals is written by FILL_STORE (through
# the core API) in scratch XDG dirs; settings are a keyfile there, so they
# persist across the restart. Then, in bandi:
#   1. search a call by its identifier (Ctrl+F, type, Enter) and see its
#      details open;
#   2. star it;
#   3. open the LE2C cluster, create a proposal there, give it an acronym
#      and one milestone (title and due date);
#   4. quit (Ctrl+Q) and start bandi again;
#   5. find the call under Starred, its star on, and the proposal under
#      LE2C's proposals with its milestone.
# Every control touched is found by its accessible name (a name GTK made
# up from the widget's type does not count).
#
# Needs a display and a session bus with the accessibility bus
# (xvfb-run -a dbus-run-session -- meson test --suite e2e).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import subprocess
import sys
import tempfile
import time

import pyatspi

TIMEOUT = 20          # seconds to wait for any one thing to show
POLL = 0.05
ACRONYM = 'E2ETEST'
MILESTONE = 'Consortium agreement'
MILESTONE_DUE = '2031-03-14 12:00'
CLUSTER = 'LE2C'

fill_store, bandi = sys.argv[1:3]
n_tests = 0


def ok(condition, what):
    global n_tests
    n_tests += 1
    print('%s %d %s' % ('ok' if condition else 'not ok', n_tests, what), flush=True)
    if not condition:
        sys.exit(1)


def note(text):
    print('# ' + text, flush=True)


def wait_for(what, probe, timeout=TIMEOUT):
    """Calls probe() until it returns something true; fails after timeout."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            found = probe()
        except Exception as e:  # the tree changes under our feet
            if 'ServiceUnknown' in str(e):
                raise
            found = None
        if found:
            return found
        if time.monotonic() > deadline:
            print('Bail out! timed out waiting for %s' % what, flush=True)
            sys.exit(1)
        time.sleep(POLL)


def showing(node):
    return node.getState().contains(pyatspi.STATE_SHOWING)


def walk(node, match, found):
    """Depth-first over the showing part of the tree."""
    for child in node:
        if child is None or not showing(child):
            continue
        if match(child):
            found.append(child)
        walk(child, match, found)
    return found


def find_all(root, role, name=None):
    return walk(root, lambda n: n.getRole() == role and (name is None or n.name == name), [])


def find(root, role, name, what=None):
    def probe():
        nodes = find_all(root, role, name)
        return nodes[0] if nodes else None
    return wait_for(what or '%s "%s"' % (pyatspi.Accessible.getRoleName(root) and role, name), probe)


def has_real_name(node):
    """A name given by the app, not GTK's fallback to the widget type."""
    return bool(node.name) and not any(node.name.startswith(p) for p in ('Gtk', 'Adw', 'Bandi'))


def control(root, role, name):
    node = find(root, role, name, '%s named "%s"' % (role.value_nick, name))
    assert has_real_name(node)
    return node


def act(node, action):
    a = node.queryAction()
    names = [a.getName(i) for i in range(a.nActions)]
    if action not in names:
        print('Bail out! "%s" has no action %s (%s)' % (node.name, action, names), flush=True)
        sys.exit(1)
    a.doAction(names.index(action))


def click(node):
    """A click of the primary button in the middle of the widget."""
    x, y, w, h = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    pyatspi.Registry.generateMouseEvent(x + w // 2, y + h // 2, pyatspi.MOUSE_B1C)


def type_into(node, text):
    node.queryEditableText().setTextContents(text)


def text_of(node):
    t = node.queryText()
    return t.getText(0, t.characterCount)


def pressed(node):
    state = node.getState()
    return state.contains(pyatspi.STATE_PRESSED) or state.contains(pyatspi.STATE_CHECKED)


def start(env):
    proc = subprocess.Popen([bandi, '--no-sync'], env=env)

    def probe():
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.get_process_id() == proc.pid:
                for window in app:
                    if window is not None and window.name == 'Bandi' and showing(window):
                        return window
        return None
    window = wait_for('the main window', probe)
    return proc, window


def quit_app(proc, window):
    act(window, 'app.quit') if 'app.quit' in actions(window) else key_quit()
    try:
        proc.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        ok(False, 'bandi quits')
    ok(proc.returncode == 0, 'bandi quits cleanly')


def actions(node):
    a = node.queryAction()
    return [a.getName(i) for i in range(a.nActions)]


def key_quit():
    pyatspi.Registry.generateKeyboardEvent(37, None, pyatspi.KEY_PRESS)      # Control_L
    pyatspi.Registry.generateKeyboardEvent(24, None, pyatspi.KEY_PRESSRELEASE)  # q
    pyatspi.Registry.generateKeyboardEvent(37, None, pyatspi.KEY_RELEASE)


def main():
    print('1..13', flush=True)
    with tempfile.TemporaryDirectory(prefix='bandi-e2e-') as tmp:
        env = dict(os.environ)
        for var in ('XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME'):
            env[var] = os.path.join(tmp, var.lower())
            os.makedirs(env[var])
        env['GSETTINGS_BACKEND'] = 'keyfile'
        subprocess.run([fill_store, '300', '3'], env=env, check=True)
        db = os.path.join(env['XDG_DATA_HOME'], 'bandi', 'bandi.db')
        with sqlite3.connect(db) as conn:
            identifier, title = conn.execute(
                "SELECT external_id, title FROM calls WHERE source = 'horizon' ORDER BY external_id"
                " LIMIT 1 OFFSET 137").fetchone()
        note('the call: %s, %s' % (identifier, title))

        t0 = time.monotonic()
        proc, window = start(env)
        note('window shown after %.1f s' % (time.monotonic() - t0))

        # 1. Search by identifier, Enter opens the first match
        wait_for('the calls to load', lambda: find_all(window, pyatspi.ROLE_TABLE_ROW) or
                 find_all(window, pyatspi.ROLE_TREE_TABLE))
        act(window, 'win.search')
        entry = control(window, pyatspi.ROLE_ENTRY, 'Search calls')
        type_into(entry, identifier)
        find(window, pyatspi.ROLE_LABEL, '1 call', 'the search to list one call')
        find(window, pyatspi.ROLE_LABEL, identifier, 'the call in the list')
        act(entry, 'activate')
        details = wait_for('the call details', lambda: [n for n in find_all(window, pyatspi.ROLE_LABEL, title)])
        ok(details, 'searching "%s" and pressing Enter opens its details' % identifier)

        # 2. Star it
        star = control(window, pyatspi.ROLE_TOGGLE_BUTTON, 'Star') if find_all(window, pyatspi.ROLE_TOGGLE_BUTTON, 'Star') \
            else control(window, pyatspi.ROLE_PUSH_BUTTON, 'Star')
        ok(not pressed(star), 'the call is not starred yet')
        act(star, 'click')
        wait_for('the star to turn on', lambda: pressed(star))
        ok(True, 'the star is on')

        # 3. A proposal for a cluster, with one milestone
        sections = control(window, pyatspi.ROLE_LIST, 'Sections')
        click(control(sections, pyatspi.ROLE_LIST_ITEM, CLUSTER))
        find(window, pyatspi.ROLE_LABEL, CLUSTER, 'the cluster page')
        click(control(window, pyatspi.ROLE_PAGE_TAB, 'Proposals') if find_all(window, pyatspi.ROLE_PAGE_TAB, 'Proposals')
              else control(window, pyatspi.ROLE_TOGGLE_BUTTON, 'Proposals'))
        act(window, 'win.new-proposal')
        acronym = control(window, pyatspi.ROLE_TEXT, 'Acronym')
        cluster = control(window, pyatspi.ROLE_COMBO_BOX, 'Cluster')
        ok(CLUSTER in (cluster.name + ' ' + ' '.join(n.name for n in find_all(cluster, pyatspi.ROLE_LABEL))),
           'the new proposal belongs to %s' % CLUSTER)
        type_into(acronym, ACRONYM)
        act(control(window, pyatspi.ROLE_PUSH_BUTTON, 'Add milestone'), 'click')
        milestone = control(window, pyatspi.ROLE_TEXT, 'Milestone title')
        type_into(milestone, MILESTONE)
        type_into(control(window, pyatspi.ROLE_TEXT, 'Milestone due date'), MILESTONE_DUE)
        ok(text_of(milestone) == MILESTONE, 'the milestone has its title')

        # 4. Quit and start again
        quit_app(proc, window)
        proc, window = start(env)

        # 5. The star and the proposal are still there
        sections = control(window, pyatspi.ROLE_LIST, 'Sections')
        click(control(sections, pyatspi.ROLE_LIST_ITEM, 'Starred'))
        find(window, pyatspi.ROLE_LABEL, identifier, 'the call under Starred')
        ok(True, 'the call is listed under Starred after the restart')
        click(control(sections, pyatspi.ROLE_LIST_ITEM, CLUSTER))
        click(control(window, pyatspi.ROLE_PAGE_TAB, 'Proposals') if find_all(window, pyatspi.ROLE_PAGE_TAB, 'Proposals')
              else control(window, pyatspi.ROLE_TOGGLE_BUTTON, 'Proposals'))
        row = find(window, pyatspi.ROLE_LIST_ITEM, ACRONYM, 'the proposal under %s' % CLUSTER)
        ok(True, 'the proposal is listed under %s after the restart' % CLUSTER)
        click(row)
        milestone = control(window, pyatspi.ROLE_TEXT, 'Milestone title')
        ok(text_of(milestone) == MILESTONE, 'its milestone is kept')
        quit_app(proc, window)


if __name__ == '__main__':
    main()
