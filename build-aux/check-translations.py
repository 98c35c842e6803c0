#!/usr/bin/env python3
# check-translations.py SRCROOT PACKAGE — every language in po/LINGUAS is
# complete against the current sources
#
# Extracts the strings of po/POTFILES.in afresh (into a temporary directory:
# the tree is not touched), merges each LANG.po with them, and requires
# `msgfmt --check` to pass with no untranslated and no fuzzy message. So a
# string added to the code without a translation fails here even when
# nobody regenerated the .po files.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import tempfile

import checklib
from checklib import CheckFailed, need, run

# The keywords and format flags of meson's i18n.gettext(preset: 'glib'),
# which po/meson.build uses for the bandi-pot target.
GLIB_PRESET = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

STATS = re.compile(r'(\d+) (translated|fuzzy|untranslated)')


def read_linguas(path):
    langs = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0]
            langs += line.split()
    return langs


def check(args):
    srcroot, package = args
    xgettext = need('xgettext')
    msgmerge = need('msgmerge')
    msgfmt = need('msgfmt')
    podir = os.path.join(srcroot, 'po')
    langs = read_linguas(os.path.join(podir, 'LINGUAS'))
    if not langs:
        raise CheckFailed('po/LINGUAS lists no language')

    errors = []
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, f'{package}.pot')
        run([xgettext, f'--package-name={package}', '-f', os.path.join(podir, 'POTFILES.in'),
             '-D', srcroot, '-k_', '-o', pot] + GLIB_PRESET)
        for lang in langs:
            po = os.path.join(podir, f'{lang}.po')
            if not os.path.isfile(po):
                errors.append(f'po/LINGUAS lists {lang} but po/{lang}.po does not exist')
                continue
            # The file as committed must be well-formed on its own…
            run([msgfmt, '--check', '-o', os.devnull, po])
            # …and complete once merged with the current strings.
            merged = os.path.join(tmp, f'{lang}.po')
            run([msgmerge, '--quiet', '--no-fuzzy-matching', '-o', merged, po, pot])
            out = run([msgfmt, '--check', '--statistics', '-o', os.devnull, merged],
                      env=dict(os.environ, LC_ALL='C'))
            counts = {kind: int(n) for n, kind in STATS.findall(out)}
            missing = counts.get('untranslated', 0)
            fuzzy = counts.get('fuzzy', 0)
            if missing or fuzzy:
                errors.append(f'{lang}: {missing} untranslated and {fuzzy} fuzzy messages '
                              f'(of {missing + fuzzy + counts.get("translated", 0)})')
            if counts.get('translated', 0) == 0:
                errors.append(f'{lang}: no translated message')
    return errors


if __name__ == '__main__':
    checklib.main(check)
