#!/usr/bin/env python3
# check-flatpak-manifest.py MANIFEST APP_ID — the Flatpak manifest, offline
#
# flatpak-builder must parse it without a warning (an unknown property is
# a warning), and the manifest must keep the sandbox and the sources as
# agreed: the app id and command, the GNOME runtime at a pinned release,
# exactly the permissions below (files go through the portal, so no
# --filesystem), every downloaded source pinned by a checksum or commit,
# and Bandi itself last, built from the local tree with its tests run.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import tempfile

import checklib
from checklib import need, run

FINISH_ARGS = {
    '--share=network',
    '--share=ipc',
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',
    '--talk-name=org.freedesktop.secrets',
}
# Libraries Bandi uses that the GNOME runtime does not ship (it has GTK,
# libadwaita, libsoup 3, json-glib, libsecret and SQLite).
MODULES_NOT_IN_RUNTIME = {'libical'}
COMMAND = 'bandi'


def load_modules(modules, basedir):
    """Flattens nested modules, reading those given as file names."""
    for module in modules:
        if isinstance(module, str):
            path = os.path.join(basedir, module)
            with open(path, encoding='utf-8') as f:
                module = json.load(f)
            yield from load_modules([module], os.path.dirname(path))
            continue
        yield module
        yield from load_modules(module.get('modules', []), basedir)


def check_source(module_name, source):
    kind = source.get('type')
    if kind in ('archive', 'file', 'extra-data'):
        if 'url' in source and not re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')):
            return [f'module {module_name}: {kind} source {source["url"]} has no sha256']
    elif kind == 'git':
        if not re.fullmatch(r'[0-9a-f]{40}', source.get('commit', '')):
            return [f'module {module_name}: git source {source.get("url")} is not pinned to a commit']
    elif kind == 'dir':
        if module_name != 'bandi':
            return [f'module {module_name}: only bandi itself may come from a local directory']
    elif kind in ('patch', 'script', 'shell', 'inline'):
        if 'url' in source:
            return [f'module {module_name}: {kind} source must be local']
    else:
        return [f'module {module_name}: source type {kind} is not allowed']
    return []


def check(args):
    manifest_path, app_id = args
    manifest_path = os.path.abspath(manifest_path)
    flatpak_builder = need('flatpak-builder')
    # flatpak-builder leaves a .flatpak-builder directory behind: run it
    # elsewhere than the tree.
    with tempfile.TemporaryDirectory() as tmp:
        run([flatpak_builder, '--show-manifest', manifest_path], cwd=tmp,
            env=dict(os.environ, G_DEBUG='fatal-warnings'))

    with open(manifest_path, encoding='utf-8') as f:
        manifest = json.load(f)
    errors = []

    manifest_id = manifest.get('id', manifest.get('app-id'))
    if manifest_id != app_id:
        errors.append(f'id is {manifest_id}, expected {app_id}')
    if manifest.get('command') != COMMAND:
        errors.append(f'command is {manifest.get("command")}, expected {COMMAND}')
    if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
        errors.append('runtime and sdk must be org.gnome.Platform and org.gnome.Sdk')
    if not re.fullmatch(r'\d+', str(manifest.get('runtime-version', ''))):
        errors.append(f'runtime-version {manifest.get("runtime-version")} is not a pinned release')

    finish_args = manifest.get('finish-args', [])
    for arg in finish_args:
        if arg.startswith('--filesystem'):
            errors.append(f'{arg}: no filesystem access, files go through the portal')
        elif arg not in FINISH_ARGS:
            errors.append(f'{arg} is not an agreed permission')
    for arg in sorted(FINISH_ARGS - set(finish_args)):
        errors.append(f'{arg} is missing from finish-args')
    if len(finish_args) != len(set(finish_args)):
        errors.append('finish-args has duplicates')

    modules = list(load_modules(manifest.get('modules', []),
                                os.path.dirname(manifest_path)))
    if not modules:
        return errors + ['no modules']
    names = [m.get('name') for m in modules]
    for name in sorted(MODULES_NOT_IN_RUNTIME - set(names)):
        errors.append(f'no module for {name}, which the GNOME runtime lacks')
    for module in modules:
        sources = module.get('sources', [])
        if not sources:
            errors.append(f'module {module.get("name")} has no sources')
        for source in sources:
            if isinstance(source, str):
                errors.append(f'module {module.get("name")}: sources in separate files are not checked')
                continue
            errors += check_source(module.get('name'), source)

    bandi = modules[-1]
    if bandi.get('name') != 'bandi':
        errors.append(f'the last module is {bandi.get("name")}, expected bandi')
    else:
        if bandi.get('buildsystem') != 'meson':
            errors.append('bandi must build with meson')
        if bandi.get('run-tests') is not True:
            errors.append('bandi must have "run-tests": true')
        dirs = [s for s in bandi.get('sources', []) if s.get('type') == 'dir']
        if [s.get('path') for s in dirs] != ['..']:
            errors.append('bandi must come from the local tree ("type": "dir", "path": "..")')
    return errors


if __name__ == '__main__':
    checklib.main(check)
