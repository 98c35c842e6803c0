# checklib.py — shared helpers of the build-aux/check-*.py scripts
#
# A check whose tool is missing is reported as skipped (exit 77, which meson
# shows as SKIP), so that a build inside the Flatpak SDK, which lacks
# flatpak-builder or appstream-util, can still run its tests. CI sets
# BANDI_STRICT_CHECKS=1: there a missing tool fails the check instead.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import sys

EXIT_SKIP = 77


class CheckFailed(Exception):
    pass


def strict():
    return os.environ.get('BANDI_STRICT_CHECKS', '') not in ('', '0')


def need(tool):
    """Returns the path of @tool, or skips (fails when strict) without it."""
    path = shutil.which(tool)
    if path:
        return path
    if strict():
        raise CheckFailed(f'{tool} is not installed (BANDI_STRICT_CHECKS is set)')
    print(f'SKIP: {tool} is not installed', file=sys.stderr)
    sys.exit(EXIT_SKIP)


def run(argv, **kwargs):
    """Runs @argv, echoing it; raises CheckFailed when it exits non-zero."""
    print('+ ' + ' '.join(str(a) for a in argv), flush=True)
    proc = subprocess.run([str(a) for a in argv], text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          **kwargs)
    if proc.stdout:
        print(proc.stdout, end='' if proc.stdout.endswith('\n') else '\n')
    if proc.returncode != 0:
        raise CheckFailed(f'{argv[0]} exited with status {proc.returncode}')
    return proc.stdout


def main(func):
    """Runs @func(argv), mapping CheckFailed to exit status 1."""
    try:
        errors = func(sys.argv[1:])
    except CheckFailed as e:
        print(f'FAIL: {e}', file=sys.stderr)
        sys.exit(1)
    if errors:
        for e in errors:
            print(f'FAIL: {e}', file=sys.stderr)
        sys.exit(1)
    print('PASS')
    sys.exit(0)
