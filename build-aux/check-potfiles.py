#!/usr/bin/env python3
# check-potfiles.py SRCROOT — every file with translatable strings is in
# po/POTFILES.in, every file listed there exists, and no translatable C
# string is pasted together with a macro (such as G_GSIZE_FORMAT), which
# xgettext cannot expand: it would extract a truncated msgid that never
# matches at run time.
#
# Translatable means: C sources calling _(), N_(), C_(), NC_(), Q_(),
# ngettext() or the g_d*gettext() family; .ui files with translatable="yes";
# and the desktop file, metainfo and settings schemas, whose texts are
# always translated. Looks in app/, plugins/ and data/, skipping tests and
# fuzzers (never shown to users) and hidden or build directories, so that
# it holds as new directories, plugins and build trees appear.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re

import checklib
from checklib import CheckFailed

SCANNED_DIRS = ('app', 'plugins', 'data')
SKIPPED_DIRS = ('tests', 'test', 'fuzz', 'fuzzing', 'subprojects')
C_KEYWORDS = r'(?:_|N_|C_|NC_|Q_|ngettext|g_dgettext|g_dcgettext|g_dngettext|g_dpgettext2?)'
C_MARKER = re.compile(r'(?<![A-Za-z0-9_])' + C_KEYWORDS + r'\s*\(')
# String and character literals, and comments, in one pass so that "//" in
# a URL is not taken for a comment nor "%s_(%d)" for a call.
C_LITERAL_OR_COMMENT = re.compile(
    r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|/\*.*?\*/|//[^\n]*', re.S)
# A string argument of a marker (the first or a later one, as in C_ and
# ngettext) followed by an identifier: a macro pasted into the msgid.
_C_STRINGS = r'(?:"(?:\\.|[^"\\\n])*"\s*)+'
_C_IDENT = r'[A-Za-z_][A-Za-z0-9_]*'
MACRO_IN_MSGID = re.compile(
    r'(?<![A-Za-z0-9_])' + C_KEYWORDS + r'\s*\('
    r'(?:\s*(?:' + _C_STRINGS + '|' + _C_IDENT + r'\s*),)*'
    r'\s*' + _C_STRINGS + '(' + _C_IDENT + ')')
UI_MARKER = re.compile(r'translatable\s*=\s*["\'](?:yes|true|1)["\']')
ALWAYS_TRANSLATED = ('.desktop.in', '.metainfo.xml.in', '.gschema.xml')


def has_translatable_strings(path):
    try:
        with open(path, encoding='utf-8') as f:
            text = f.read()
    except UnicodeDecodeError:
        return False
    if path.endswith(('.c', '.h')):
        code = C_LITERAL_OR_COMMENT.sub(
            lambda m: '""' if m.group(0)[0] in '"\'' else ' ', text)
        return C_MARKER.search(code) is not None
    if path.endswith('.ui'):
        return UI_MARKER.search(text) is not None
    return path.endswith(ALWAYS_TRANSLATED)


def macros_in_msgids(path):
    if not path.endswith(('.c', '.h')):
        return []
    with open(path, encoding='utf-8') as f:
        text = f.read()
    return [(text.count('\n', 0, m.start()) + 1, m.group(1))
            for m in MACRO_IN_MSGID.finditer(text)]


def is_build_dir(path):
    return os.path.exists(os.path.join(path, 'meson-private')) or \
        os.path.exists(os.path.join(path, 'build.ninja'))


def read_potfiles(path):
    entries = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                entries.append(line)
    return entries


def check(args):
    (srcroot,) = args
    potfiles_in = os.path.join(srcroot, 'po', 'POTFILES.in')
    if not os.path.isfile(potfiles_in):
        raise CheckFailed(f'{potfiles_in} does not exist')
    listed = read_potfiles(potfiles_in)
    errors = []

    seen = set()
    for entry in listed:
        if entry in seen:
            errors.append(f'POTFILES.in lists {entry} twice')
        seen.add(entry)
        if not os.path.isfile(os.path.join(srcroot, entry)):
            errors.append(f'POTFILES.in lists {entry}, which does not exist')

    found = 0
    for top in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(srcroot, top)):
            dirnames[:] = sorted(d for d in dirnames
                                 if not d.startswith(('.', '_')) and d not in SKIPPED_DIRS
                                 and not is_build_dir(os.path.join(dirpath, d)))
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, srcroot)
                if not has_translatable_strings(path):
                    continue
                for line, macro in macros_in_msgids(path):
                    errors.append(f'{rel}:{line}: translatable string pasted with {macro}, '
                                  'which xgettext cannot expand')
                found += 1
                if rel not in seen:
                    errors.append(f'{rel} has translatable strings but is not in po/POTFILES.in')
    print(f'{found} files with translatable strings, {len(listed)} listed')
    return errors


if __name__ == '__main__':
    checklib.main(check)
