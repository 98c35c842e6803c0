#!/usr/bin/env python3
# check-desktop-integration.py — validates what the desktop shows of Bandi
#
#   desktop FILE                 desktop-file-validate on the merged desktop file
#   metainfo FILE DESKTOP VERSION
#                                appstreamcli and appstream-util validation, and
#                                the metainfo agrees with the desktop file and
#                                has release notes for VERSION
#   screenshots FILE SRCROOT     every screenshot is a PNG kept in the tree
#   schemas DIR                  glib-compile-schemas --strict --dry-run, and
#                                every key has a summary and a description
#   icons DESKTOP ICONDIR        the desktop file's icon exists, scalable and
#                                symbolic, as well-formed SVG of the right size
#
# SPDX-License-Identifier: GPL-3.0-or-later

import configparser
import os
import struct
import xml.etree.ElementTree as ET

import checklib
from checklib import CheckFailed, need, run

SVG_NS = '{http://www.w3.org/2000/svg}'
SCREENSHOT_BASE = 'https://raw.githubusercontent.com/bandi/bandi/main/'


def read_desktop(path):
    parser = configparser.RawConfigParser(interpolation=None, strict=True)
    parser.optionxform = str
    parser.read(path, encoding='utf-8')
    if not parser.has_section('Desktop Entry'):
        raise CheckFailed(f'{path}: no [Desktop Entry] group')
    return parser['Desktop Entry']


def check_desktop(args):
    (path,) = args
    run([need('desktop-file-validate'), path])
    entry = read_desktop(path)
    errors = []
    for key in ('Name', 'Comment', 'Icon', 'Exec', 'Categories', 'Keywords'):
        if not entry.get(key):
            errors.append(f'{path}: {key} is missing')
    return errors


def check_metainfo(args):
    path, desktop, version = args
    appstreamcli = need('appstreamcli')
    appstream_util = need('appstream-util')
    run([appstreamcli, 'validate', '--no-net', '--explain', path])
    run([appstream_util, 'validate-relax', '--nonet', path])

    errors = []
    root = ET.parse(path).getroot()
    desktop_id = os.path.basename(desktop)
    app_id = root.findtext('id')
    if desktop_id != f'{app_id}.desktop':
        errors.append(f'component id {app_id} does not match {desktop_id}')
    launchables = [l.text for l in root.iter('launchable')
                   if l.get('type') == 'desktop-id']
    if launchables != [desktop_id]:
        errors.append(f'launchable is {launchables}, expected [{desktop_id}]')
    exec_binary = read_desktop(desktop)['Exec'].split()[0]
    binaries = [b.text for b in root.iter('binary')]
    if exec_binary not in binaries:
        errors.append(f'<provides> lacks the desktop file\'s binary {exec_binary}')
    releases = [r.get('version') for r in root.iter('release')]
    if version not in releases:
        errors.append(f'no <release> for version {version} (found {releases})')
    for release in root.iter('release'):
        if release.find('description') is None:
            errors.append(f'release {release.get("version")} has no notes')
    if root.find('content_rating') is None:
        errors.append('no <content_rating>')
    return errors


def png_size(path):
    with open(path, 'rb') as f:
        head = f.read(24)
    if head[:8] != b'\x89PNG\r\n\x1a\n' or head[12:16] != b'IHDR':
        return None
    return struct.unpack('>II', head[16:24])


def check_screenshots(args):
    path, srcroot = args
    errors = []
    root = ET.parse(path).getroot()
    shots = list(root.iter('screenshot'))
    if len(shots) < 3:
        errors.append(f'{len(shots)} screenshots, at least 3 expected')
    defaults = [s for s in shots if s.get('type') == 'default']
    if len(defaults) != 1:
        errors.append(f'{len(defaults)} default screenshots, exactly 1 expected')
    for shot in shots:
        if not shot.findtext('caption'):
            errors.append('a screenshot has no caption')
        for image in shot.iter('image'):
            url = image.text.strip()
            if not url.startswith(SCREENSHOT_BASE):
                errors.append(f'{url} is not kept in the repository')
                continue
            local = os.path.join(srcroot, url[len(SCREENSHOT_BASE):])
            if not os.path.isfile(local):
                errors.append(f'{url}: {local} does not exist')
                continue
            size = png_size(local)
            if size is None:
                errors.append(f'{local} is not a PNG')
            elif size[0] < 620 or size[1] < 400:
                errors.append(f'{local} is {size[0]}×{size[1]}, too small to show')
            else:
                print(f'{local}: {size[0]}×{size[1]}')
    return errors


def check_schemas(args):
    (directory,) = args
    run([need('glib-compile-schemas'), '--strict', '--dry-run', directory])
    errors = []
    for name in sorted(os.listdir(directory)):
        if not name.endswith('.gschema.xml'):
            continue
        root = ET.parse(os.path.join(directory, name)).getroot()
        if not root.get('gettext-domain'):
            errors.append(f'{name}: <schemalist> has no gettext-domain')
        for schema in root.iter('schema'):
            for key in schema.iter('key'):
                where = f'{schema.get("id")}.{key.get("name")}'
                for tag in ('summary', 'description'):
                    if not (key.findtext(tag) or '').strip():
                        errors.append(f'{where} has no {tag}')
    return errors


def check_svg(path, size):
    if not os.path.isfile(path):
        return [f'{path} does not exist']
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        return [f'{path}: {e}']
    if root.tag != SVG_NS + 'svg':
        return [f'{path}: root element is {root.tag}, not svg']
    expected = f'0 0 {size} {size}'
    if root.get('viewBox') != expected:
        return [f'{path}: viewBox is {root.get("viewBox")}, expected {expected}']
    return []


def check_icons(args):
    desktop, icondir = args
    icon = read_desktop(desktop)['Icon']
    return (check_svg(os.path.join(icondir, 'hicolor', 'scalable', 'apps', f'{icon}.svg'), 128) +
            check_svg(os.path.join(icondir, 'hicolor', 'symbolic', 'apps', f'{icon}-symbolic.svg'), 16))


COMMANDS = {
    'desktop': check_desktop,
    'metainfo': check_metainfo,
    'screenshots': check_screenshots,
    'schemas': check_schemas,
    'icons': check_icons,
}


def dispatch(argv):
    if not argv or argv[0] not in COMMANDS:
        raise CheckFailed(f'usage: check-desktop-integration.py {{{",".join(COMMANDS)}}} ARGS…')
    return COMMANDS[argv[0]](argv[1:])


if __name__ == '__main__':
    checklib.main(dispatch)
