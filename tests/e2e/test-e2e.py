#!/usr/bin/env python3
# test-e2e.py BANDI BANDI_FILL_STORE BANDI_CLI LOCALEDIR — the real app,
# driven over AT-SPI (pyatspi) as a user would drive it.
#
# A store of 300 calls and 3 proposals is written by BANDI_FILL_STORE in
# scratch XDG dirs; settings are a keyfile there, so they persist across
# the restart. One of its calls is picked with `bandi-cli list --json`.
# Then, in bandi:
#   1. click Search Calls, type the call's identifier, see it listed alone,
#      press Enter: its details open;
#   2. star it;
#   3. open the LE2C cluster, its Proposals, click New Proposal, type an
#      acronym, add a milestone and type its title, due date and time;
#   4. open Add Call… in the main menu, type a title, a date (ISO) and a
#      time, click Add: the call's details show;
#   5. quit (Ctrl+Q) and start bandi again;
#   6. find the call under Starred, its details with the star on, and the
#      proposal under LE2C's proposals with its milestone;
#   7. by keyboard only: Alt+4 (the calendar), Page Down and Home change
#      the month; Alt+1 (Upcoming), Ctrl+F, the identifier, Down and Enter
#      open its details; Alt+Left goes back to the list;
#   8. `bandi-cli list` gives the call added by hand, due at that time in
#      the user's zone.
#
# Every control touched is found by its accessible name, as a screen
# reader user would find it, never by position in the tree or by the
# widget type GTK names unnamed widgets after. The names are looked up
# through the app's own catalog in LOCALEDIR, so the test runs in any
# language the app is translated into (LANG=it_IT.UTF-8 ...).
#
# Only what is on screen counts: GTK 4.8 marks every widget "visible", and
# the pages of a stack that are not shown keep their last position, so a
# page (the child of a non-widget accessible: a GtkStackPage) is walked
# only when hit-testing the window at some of its widgets finds them.
#
# Needs a display with no window manager (the window's own coordinates
# are the screen's: GTK 4 does not know where its window is) and a session
# bus that can start the accessibility bus:
#   xvfb-run -a -s "-screen 0 1280x1024x24 -noreset" dbus-run-session -- \
#     meson test -C build --suite e2e
#
# SPDX-License-Identifier: GPL-3.0-or-later

import gettext
import json
import locale
import os
import re
import subprocess
import sys
import tempfile
import threading
import time

import pyatspi
from gi.repository import Atspi

TIMEOUT = float(os.environ.get('BANDI_E2E_TIMEOUT', '60'))  # for any one thing to show
POLL = 0.1
N_CALLS = 300
N_PROPOSALS = 3
ACRONYM = 'E2ETEST'
MILESTONE = 'Consortium agreement signed'
MILESTONE_DUE = '2031-03-14'   # ISO 8601 is read in every locale
MILESTONE_DUE_PARTS = ['2031', '03', '14']
MILESTONE_TIME = '12:00'
CLUSTER = 'LE2C'
MANUAL_TITLE = 'Bando Ricerca Sociale (Fondazione Cariplo)'
MANUAL_DATE, MANUAL_TIME = '2031-05-20', '17:00'
CONTROL_L = 37          # keycode of Control_L in Xvfb's keymap
ALT_L = 64              # keycode of Alt_L
KEYSYM_Q = 0x71
KEYSYM_RETURN = 0xff0d
KEYSYM_HOME = 0xff50
KEYSYM_LEFT = 0xff51
KEYSYM_DOWN = 0xff54
KEYSYM_PAGE_DOWN = 0xff56
KEYSYM_F10 = 0xffc7
# How many widgets of a page are hit-tested to tell whether it is shown.
LEAVES = 8

bandi, fill_store, cli, localedir = sys.argv[1:5]

try:
    locale.setlocale(locale.LC_ALL, '')
    _ = gettext.translation('bandi', localedir, fallback=True).gettext
except locale.Error:
    # Without the locale, the app's gettext does not translate either.
    def _(text):
        return text

n_tests = 0
PLAN = 21


def ok(condition, what):
    global n_tests
    n_tests += 1
    print('%s %d - %s' % ('ok' if condition else 'not ok', n_tests, what), flush=True)
    if not condition:
        sys.exit(1)


def note(text):
    print('# ' + text, flush=True)


def bail(text):
    print('Bail out! ' + text, flush=True)
    sys.exit(1)


def wait_for(what, probe, timeout=TIMEOUT):
    """Calls probe() until it returns something true; bails out after
    timeout. The tree changes under our feet: a probe that fails on a
    node that went away is retried."""
    deadline = time.monotonic() + timeout
    error = None
    while True:
        try:
            found = probe()
        except Exception as e:
            if 'ServiceUnknown' in str(e) or 'NoReply' in str(e):
                bail('bandi went away waiting for %s: %s' % (what, e))
            found, error = None, e
        if found:
            return found
        if time.monotonic() > deadline:
            bail('timed out after %.0f s waiting for %s%s' % (timeout, what, ' (%r)' % error if error else ''))
        time.sleep(POLL)


def mnemonic_free(text):
    return text.replace('_', '')


def names_of(msgid):
    """The accessible names a control labelled @msgid may have: its
    translated label without the mnemonic underscore, or GTK 4.8's name
    of a button with a mnemonic label, which is the label as set followed
    by the label shown ("_New Proposal New Proposal")."""
    label = _(msgid)
    return {mnemonic_free(label), '%s %s' % (label, mnemonic_free(label))}


def children(node):
    try:
        n = node.childCount
    except Exception:
        return []
    kids = []
    for i in range(n):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            kids.append(child)
    return kids


def extents(node):
    try:
        return node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    except NotImplementedError:
        return None


def shown_once(node):
    """Whether @node was ever allocated a size: if not, it was never
    shown; if so, it may still be hidden."""
    e = extents(node)
    return e is not None and e[2] > 0 and e[3] > 0


def is_widget(node):
    return 'Component' in node.get_interfaces()


def text_of(node):
    t = node.queryText()
    return t.getText(0, t.characterCount)


def pressed(node):
    state = node.getState()
    return state.contains(pyatspi.STATE_PRESSED) or state.contains(pyatspi.STATE_CHECKED)


def selected(node):
    return node.getState().contains(pyatspi.STATE_SELECTED)


class Window:
    def __init__(self, frame):
        self.frame = frame
        self.component = frame.queryComponent()

    def leaves(self, node, n=LEAVES, budget=200):
        """Up to @n widgets without children shown under @node, breadth
        first, asking for no more than @budget accessibles."""
        found, queue = [], [node]
        while queue and len(found) < n and budget > 0:
            for child in children(queue.pop(0)):
                budget -= 1
                if is_widget(child) and not shown_once(child):
                    continue
                if child.childCount == 0:
                    found.append(child)
                else:
                    queue.append(child)
        return found[:n]

    def on_screen(self, node):
        """Whether hit-testing the window at the middle of the widgets
        inside @node finds them (or what is in them) under @node. GTK 4.8
        only finds a widget whose accessible was asked for: leaves are, by
        being looked for."""
        for leaf in self.leaves(node):
            x, y, w, h = extents(leaf)
            hit = self.component.getAccessibleAtPoint(x + w // 2, y + h // 2, pyatspi.WINDOW_COORDS)
            for _depth in range(100):
                if hit is None or hit == self.frame:
                    break
                if hit == node:
                    return True
                hit = hit.parent
        return False

    def walk(self, node, match, found, tables):
        for child in children(node):
            if not is_widget(child):
                # A stack page: walked if its child is the page shown.
                page = children(child)
                if not page or not shown_once(page[0]) or not self.on_screen(page[0]):
                    continue
            elif not shown_once(child):
                continue
            if match(child):
                found.append(child)
            if child.getRole() == pyatspi.ROLE_TREE_TABLE and not tables:
                continue
            self.walk(child, match, found, tables)
        return found

    def find_all(self, role, names=None, root=None, tables=False):
        """The nodes of @role named one of @names shown under @root. The
        rows of the calls lists are walked only with @tables."""
        return self.walk(root or self.frame,
                         lambda n: n.getRole() == role and (names is None or n.name in names),
                         [], tables)

    def control(self, role, msgid, root=None):
        """The one control of @role shown whose name is @msgid, translated."""
        names = names_of(msgid)

        def probe():
            nodes = self.find_all(role, names, root)
            if len(nodes) > 1:
                bail('%d controls named "%s" are shown' % (len(nodes), _(msgid)))
            return nodes[0] if nodes else None
        return wait_for('a %s named "%s"' % (Atspi.role_get_name(role), _(msgid)), probe)

    def item(self, list_node, name):
        """The item named @name (data, not translated) of @list_node."""
        return wait_for('"%s" in the list "%s"' % (name, list_node.name),
                        lambda: next((n for n in children(list_node) if n.name == name), None))

    def shown_label(self, text, what, tables=False, root=None):
        return wait_for(what, lambda: self.find_all(pyatspi.ROLE_LABEL, {text}, root, tables))


def act(node, action):
    a = node.queryAction()
    names = [a.getName(i) for i in range(a.nActions)]
    if action not in names:
        bail('"%s" has no action %s (%s)' % (node.name, action, names))
    a.doAction(names.index(action))


def click(node):
    """A click of the primary button in the middle of @node: for the rows
    of a list, which GTK 4.8 gives no action."""
    x, y, w, h = extents(node)
    pyatspi.Registry.generateMouseEvent(x + w // 2, y + h // 2, pyatspi.MOUSE_B1C)


def type_text(text):
    pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)


def set_text(node, text):
    """Replaces the text of an entry: what typing does, from its
    ::changed signal on."""
    if not node.queryEditableText().setTextContents(text):
        bail('cannot type into "%s"' % node.name)
    wait_for('"%s" to read "%s"' % (node.name, text), lambda: text_of(node) == text)


def press_ctrl(keysym):
    pyatspi.Registry.generateKeyboardEvent(CONTROL_L, None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    pyatspi.Registry.generateKeyboardEvent(CONTROL_L, None, pyatspi.KEY_RELEASE)


def press_alt(keysym):
    pyatspi.Registry.generateKeyboardEvent(ALT_L, None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    pyatspi.Registry.generateKeyboardEvent(ALT_L, None, pyatspi.KEY_RELEASE)


def press(keysym):
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)


def month_shown(window):
    """The calendar's month and year ("December 2026", "dicembre 2026")."""
    labels = [n.name or text_of(n) for n in window.find_all(pyatspi.ROLE_LABEL)]
    months = [t for t in labels if t and re.fullmatch(r'\w+ \d{4}', t)]
    return months[0] if months else None


def keyboard_walk(window, identifier, title):
    """The calendar, a list and a call's details, by keyboard only."""
    press_alt(ord('4'))
    month = wait_for('the calendar', lambda: month_shown(window))
    press(KEYSYM_PAGE_DOWN)
    ok(wait_for('another month', lambda: month_shown(window) not in (None, month)),
       'Page Down shows the next month (after %s)' % month)
    press(KEYSYM_HOME)
    ok(wait_for('this month again', lambda: month_shown(window) == month),
       'Home shows this month again')

    press_alt(ord('1'))
    press_ctrl(ord('f'))
    entry = window.control(pyatspi.ROLE_ENTRY, 'Search calls')
    wait_for('the search entry to have the focus',
             lambda: entry.getState().contains(pyatspi.STATE_FOCUSED))
    type_text(identifier)
    wait_for('the typed text', lambda: text_of(entry) == identifier)
    wait_for('the search to apply', lambda: window.find_all(pyatspi.ROLE_LABEL, {identifier}, None, True))
    press(KEYSYM_DOWN)
    wait_for('the focus to leave the search entry',
             lambda: not entry.getState().contains(pyatspi.STATE_FOCUSED))
    press(KEYSYM_RETURN)
    ok(window.shown_label(title, 'the details of %s' % identifier),
       'Down from the search, then Enter, opens the details of %s' % identifier)
    press_alt(KEYSYM_LEFT)
    ok(wait_for('the list again', lambda: window.find_all(pyatspi.ROLE_TREE_TABLE, names_of('Calls'))),
       'Alt+Left goes back to the list')


started = []


def launch(env):
    """Starts bandi; what it writes on stderr is passed on to ours."""
    path = os.path.join(os.path.dirname(env['XDG_CACHE_HOME']),
                        'bandi-stderr-%d.txt' % len(started))
    with open(path, 'wb') as log:
        proc = subprocess.Popen([bandi, '--no-sync'], env=env, stderr=log)
    threading.Thread(target=forward, args=(path,), daemon=True).start()
    return proc


def forward(path):
    with open(path, 'rb') as log:
        while True:
            chunk = log.read()
            if chunk:
                sys.stderr.write(chunk.decode('utf-8', 'replace'))
                sys.stderr.flush()
            else:
                time.sleep(0.2)


def start(env):
    proc = launch(env)
    started.append(proc)

    def probe():
        if proc.poll() is not None:
            bail('bandi exited with status %d at start-up' % proc.returncode)
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.get_process_id() == proc.pid:
                for frame in children(app):
                    if frame.getRole() == pyatspi.ROLE_FRAME:
                        return frame
        return None
    window = Window(wait_for('the main window', probe))
    # The calls are read after the first frame; the first section is
    # then selected in the sidebar.
    sections = window.control(pyatspi.ROLE_LIST, 'Sections')
    wait_for('the calls to be read', lambda: selected(window.item(sections, _('Upcoming'))))
    return proc, window


def find_named(node, role, names):
    """The first node of @role named one of @names under @node."""
    for child in children(node):
        if child.getRole() == role and child.name in names:
            return child
        found = find_named(child, role, names)
        if found is not None:
            return found
    return None


def find_window(proc, title):
    """The window of @proc titled @title, or None. (GTK 4.8 gives an
    AdwWindow no role of a window: it is found by its title.)"""
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.get_process_id() == proc.pid:
            for frame in children(app):
                if frame.name == title:
                    return frame
    return None


def quit_app(proc, what):
    press_ctrl(KEYSYM_Q)
    try:
        proc.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        ok(False, 'Ctrl+Q quits bandi %s' % what)
    ok(proc.returncode == 0, 'Ctrl+Q quits bandi %s, with status 0' % what)


def open_section(window, name):
    sections = window.control(pyatspi.ROLE_LIST, 'Sections')
    row = window.item(sections, name)
    click(row)
    wait_for('the section %s to be selected' % name, lambda: selected(row))


def search_and_open(window, identifier, title):
    """Search Calls, type @identifier: the call alone is listed; Enter
    opens its details."""
    act(window.control(pyatspi.ROLE_PUSH_BUTTON, 'Search Calls'), 'click')
    entry = window.control(pyatspi.ROLE_ENTRY, 'Search calls')
    wait_for('the search entry to have the focus',
             lambda: entry.getState().contains(pyatspi.STATE_FOCUSED))
    set_text(entry, '')
    type_text(identifier)
    wait_for('the typed text', lambda: text_of(entry) == identifier)
    tables = wait_for('the calls list', lambda: window.find_all(pyatspi.ROLE_TREE_TABLE, names_of('Calls')))

    def listed():
        rows = [r for r in window.find_all(pyatspi.ROLE_TABLE_ROW, None, tables[0], True)
                if any(c.getRole() == pyatspi.ROLE_TABLE_CELL for c in children(r))]
        return len(rows) == 1 and window.find_all(pyatspi.ROLE_LABEL, {identifier}, rows[0], True)
    ok(len(tables) == 1 and wait_for('the search to list %s alone' % identifier, listed),
       'typing "%s" in the search lists that call alone' % identifier)
    # GTK 4.8's "activate" action of an entry does not activate it.
    pyatspi.Registry.generateKeyboardEvent(KEYSYM_RETURN, None, pyatspi.KEY_SYM)
    return window.shown_label(title, 'the details of %s' % identifier)


def main():
    print('1..%d' % PLAN, flush=True)
    with tempfile.TemporaryDirectory(prefix='bandi-e2e-') as tmp:
        env = dict(os.environ)
        for var in ('XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME'):
            env[var] = os.path.join(tmp, var.lower())
            os.makedirs(env[var])
        env['GSETTINGS_BACKEND'] = 'keyfile'
        env['GTK_A11Y'] = 'atspi'
        env.pop('NO_AT_BRIDGE', None)
        db = os.path.join(env['XDG_DATA_HOME'], 'bandi', 'bandi.db')
        subprocess.run([fill_store, db, str(N_CALLS), str(N_PROPOSALS)], env=env, check=True)
        calls = json.loads(subprocess.run([cli, '--database', db, 'list', '--json',
                                           '--source', 'horizon', '--status', 'open'],
                                          env=env, check=True, stdout=subprocess.PIPE).stdout)
        call = calls[len(calls) // 2]
        identifier, title = call['id'], call['title']
        note('the call: %s, %s' % (identifier, title))
        note('controls are looked up by their names in the app\'s language: "%s", "%s", "%s"...'
             % (_('Search Calls'), _('Sections'), _('Milestone title')))

        t0 = time.monotonic()
        proc, window = start(env)
        note('calls shown after %.1f s' % (time.monotonic() - t0))

        # 1. Search by identifier; Enter opens the details
        ok(search_and_open(window, identifier, title),
           'Enter in the search opens the details of %s' % identifier)

        # 2. Star it
        star = window.control(pyatspi.ROLE_PUSH_BUTTON, 'Star')
        ok(not pressed(star), 'the call is not starred yet')
        act(star, 'click')
        ok(wait_for('the star to turn on', lambda: pressed(star)), 'clicking Star turns the star on')

        # 3. A proposal for a cluster, with one milestone
        open_section(window, CLUSTER)
        tab = window.control(pyatspi.ROLE_PAGE_TAB, 'Proposals')
        act(tab, 'click')
        wait_for('the Proposals tab to be selected', lambda: selected(tab))
        act(window.control(pyatspi.ROLE_PUSH_BUTTON, '_New Proposal'), 'click')
        acronym = window.control(pyatspi.ROLE_TEXT, 'Acronym')
        cluster = window.control(pyatspi.ROLE_COMBO_BOX, 'Cluster')
        ok(window.shown_label(CLUSTER, 'the cluster of the new proposal', root=cluster),
           'the new proposal belongs to %s' % CLUSTER)
        set_text(acronym, ACRONYM)
        ok(not window.find_all(pyatspi.ROLE_TEXT, names_of('Milestone title')),
           'the new proposal has no milestone')
        act(window.control(pyatspi.ROLE_PUSH_BUTTON, 'Add milestone'), 'click')
        milestone = window.control(pyatspi.ROLE_TEXT, 'Milestone title')
        due = window.control(pyatspi.ROLE_TEXT, 'Milestone due date')
        due_time = window.control(pyatspi.ROLE_TEXT, 'Milestone due time')
        set_text(milestone, MILESTONE)
        set_text(due, MILESTONE_DUE)
        set_text(due_time, MILESTONE_TIME)

        # 4. A call of a funder no source reads, added by hand
        # F10 opens the main menu; its popover is a surface of its own,
        # which hit-testing the window does not reach: looked up in the tree.
        pyatspi.Registry.generateKeyboardEvent(KEYSYM_F10, None, pyatspi.KEY_SYM)
        act(wait_for('Add Call… in the main menu',
                     lambda: find_named(window.frame, pyatspi.ROLE_MENU_ITEM, names_of('_Add Call…'))), 'click')
        dialog = Window(wait_for('the Add Call dialog', lambda: find_window(proc, _('Add Call'))))
        set_text(dialog.control(pyatspi.ROLE_TEXT, 'Title'), MANUAL_TITLE)
        set_text(dialog.control(pyatspi.ROLE_TEXT, 'Date'), MANUAL_DATE)
        set_text(dialog.control(pyatspi.ROLE_TEXT, 'Time'), MANUAL_TIME)
        act(dialog.control(pyatspi.ROLE_PUSH_BUTTON, '_Add'), 'click')
        ok(window.shown_label(MANUAL_TITLE, 'the details of the call added by hand'),
           'Add Call… adds "%s" and shows its details' % MANUAL_TITLE)

        # 5. Quit and start again
        quit_app(proc, 'with the proposal open')
        proc, window = start(env)

        # 6. The star, the proposal and the call added by hand are still there
        open_section(window, _('Starred'))
        tables = wait_for('the starred calls', lambda: window.find_all(pyatspi.ROLE_TREE_TABLE, names_of('Calls')))
        ok(window.shown_label(identifier, '%s under Starred' % identifier, tables=True, root=tables[0]),
           'after the restart, %s is listed under Starred' % identifier)
        search_and_open(window, identifier, title)
        star = window.control(pyatspi.ROLE_PUSH_BUTTON, 'Star')
        ok(pressed(star), 'its details show the star on')

        open_section(window, CLUSTER)
        tab = window.control(pyatspi.ROLE_PAGE_TAB, 'Proposals')
        act(tab, 'click')
        wait_for('the Proposals tab to be selected', lambda: selected(tab))
        row = wait_for('%s under the proposals of %s' % (ACRONYM, CLUSTER),
                       lambda: window.find_all(pyatspi.ROLE_LIST_ITEM, {ACRONYM}))
        ok(len(row) == 1, 'the proposal %s is listed under %s' % (ACRONYM, CLUSTER))
        click(row[0])
        acronym = window.control(pyatspi.ROLE_TEXT, 'Acronym')
        wait_for('the proposal to open', lambda: text_of(acronym) == ACRONYM)
        cluster = window.control(pyatspi.ROLE_COMBO_BOX, 'Cluster')
        ok(window.shown_label(CLUSTER, 'the cluster of the proposal', root=cluster),
           'it still belongs to %s' % CLUSTER)
        milestones = window.find_all(pyatspi.ROLE_TEXT, names_of('Milestone title'))
        ok([text_of(m) for m in milestones] == [MILESTONE], 'it has the one milestone "%s"' % MILESTONE)
        due = window.control(pyatspi.ROLE_TEXT, 'Milestone due date')
        due_time = window.control(pyatspi.ROLE_TEXT, 'Milestone due time')
        # Shown back in the locale's order (14/03/2031 in Italian).
        ok(sorted(re.split('[/.-]', text_of(due))) == sorted(MILESTONE_DUE_PARTS)
           and text_of(due_time) == MILESTONE_TIME,
           'due %s %s (shown as %s %s)' % (MILESTONE_DUE, MILESTONE_TIME, text_of(due), text_of(due_time)))

        # 7. The calendar, a list and the details by keyboard only
        keyboard_walk(window, identifier, title)

        quit_app(proc, 'again')
        manual = json.loads(subprocess.run([cli, '--database', db, 'list', '--json', '--source', 'manual'],
                                           env=env, check=True, stdout=subprocess.PIPE).stdout)
        deadlines = manual[0]['deadlines'] if len(manual) == 1 else []
        ok(len(manual) == 1 and manual[0]['title'] == MANUAL_TITLE and len(deadlines) == 1
           and deadlines[0]['at'].startswith('%sT%s:00' % (MANUAL_DATE, MANUAL_TIME)),
           'bandi-cli lists the call added by hand, due %s %s: %s' % (MANUAL_DATE, MANUAL_TIME, manual))
    if n_tests != PLAN:
        bail('ran %d tests of %d' % (n_tests, PLAN))


if __name__ == '__main__':
    try:
        main()
    finally:
        # A bandi left running would answer for the next one on the bus.
        for p in started:
            if p.poll() is None:
                p.kill()
                p.wait()
