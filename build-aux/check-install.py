#!/usr/bin/env python3
# check-install.py MESON BUILDDIR SRCROOT [--installed]
#
# Installs the build into a temporary DESTDIR (or, with --installed, checks
# the install already made to the configured prefix), then checks that
# everything is where it belongs and that the installed bandi-cli runs:
#
#  - bandi-cli, and bandi when the GUI is built (-Dgui=true, the default),
#    in $bindir, with an rpath to the private core library in $libdir/bandi;
#  - no core library in $libdir itself;
#  - every plugin in $libdir/bandi/sources-1;
#  - desktop file, metainfo, icons, settings schema, and a catalogue per
#    language of po/LINGUAS;
#  - the installed metainfo's project_license is the licence of COPYING
#    (GPL 3) and of every source file's SPDX line;
#  - `bandi-cli --version` prints the project's version and
#    `bandi-cli sources` loads every plugin of plugins/ from the install;
#    `bandi --version` too, with the GUI.
#
# A DESTDIR install is not at its prefix, so there the run needs
# LD_LIBRARY_PATH, BANDI_PLUGIN_PATH and a schema directory pointing into
# it; the rpath is then checked with readelf. With --installed nothing is
# redirected except XDG_DATA_DIRS, as for any prefix outside /usr.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import shutil
import subprocess
import tempfile

import checklib
from checklib import CheckFailed, need, run

APP_ID = 'io.github.bandi.Bandi'
PACKAGE = 'bandi'


def meson_info(builddir, name):
    with open(os.path.join(builddir, 'meson-info', f'intro-{name}.json'), encoding='utf-8') as f:
        return json.load(f)


def under(root, path):
    """@path (absolute, in the prefix) as found below @root."""
    return os.path.join(root, os.path.relpath(path, '/')) if root != '/' else path


def runpaths(readelf, binary):
    """The directories of @binary's RUNPATH or RPATH, $ORIGIN resolved."""
    out = subprocess.run([readelf, '-d', binary], text=True, check=True,
                         stdout=subprocess.PIPE).stdout
    origin = os.path.dirname(binary)
    paths = []
    for m in re.finditer(r'\((?:RUNPATH|RPATH)\).*?\[(.*)\]', out):
        for p in m.group(1).split(':'):
            relative = '$ORIGIN' in p or '${ORIGIN}' in p
            p = p.replace('${ORIGIN}', origin).replace('$ORIGIN', origin)
            paths.append((os.path.normpath(p), relative))
    return paths


def plugin_ids(srcroot):
    plugins = os.path.join(srcroot, 'plugins')
    return sorted(d for d in os.listdir(plugins)
                  if os.path.isfile(os.path.join(plugins, d, 'meson.build')))


def read_linguas(srcroot):
    langs = []
    with open(os.path.join(srcroot, 'po', 'LINGUAS'), encoding='utf-8') as f:
        for line in f:
            langs += line.split('#', 1)[0].split()
    return langs


def loaded_plugins(output):
    """Source ids whose block in `bandi-cli sources` says "State: loaded"."""
    loaded = set()
    current = None
    for line in output.splitlines():
        if line and not line[0].isspace():
            current = line.split(' ', 1)[0]
        elif current and line.strip() == 'State: loaded':
            loaded.add(current)
    return loaded


def check(args):
    installed = '--installed' in args
    meson, builddir, srcroot = [a for a in args if a != '--installed']
    builddir = os.path.abspath(builddir)
    readelf = need('readelf')
    glib_compile_schemas = need('glib-compile-schemas')

    options = {o['name']: o['value'] for o in meson_info(builddir, 'buildoptions')}
    version = meson_info(builddir, 'projectinfo')['version']
    prefix = options['prefix']
    bindir = os.path.join(prefix, options['bindir'])
    libdir = os.path.join(prefix, options['libdir'])
    datadir = os.path.join(prefix, options['datadir'])
    localedir = os.path.join(prefix, options['localedir'])
    pkglibdir = os.path.join(libdir, PACKAGE)
    plugindir = os.path.join(pkglibdir, 'sources-1')

    tmp = tempfile.mkdtemp(prefix='bandi-install-')
    try:
        if installed:
            root = '/'
        else:
            root = os.path.join(tmp, 'destdir')
            run([meson, 'install', '-C', builddir, '--no-rebuild', '--destdir', root])
        return check_tree(root, tmp, installed, srcroot, builddir, options, version,
                          readelf, glib_compile_schemas,
                          bindir, libdir, datadir, localedir, pkglibdir, plugindir)
    finally:
        shutil.rmtree(tmp)


def check_licence(metainfo, srcroot):
    """The metainfo, COPYING and the files' SPDX lines name one licence."""
    errors = []
    with open(metainfo, encoding='utf-8') as f:
        found = re.search(r'<project_license>([^<]*)</project_license>', f.read())
    licence = found.group(1) if found else None
    if licence != 'GPL-3.0-or-later':
        errors.append(f'the metainfo says project_license {licence}, not GPL-3.0-or-later')
    with open(os.path.join(srcroot, 'COPYING'), encoding='utf-8') as f:
        if 'GNU GENERAL PUBLIC LICENSE\n                       Version 3' not in f.read(2000):
            errors.append('COPYING is not the GNU GPL version 3')
    # Spelt in two so that this file's own code is not read as its line.
    spdx = re.compile('SPDX-License-' + r'Identifier: (\S+)')
    for top in ('app', 'plugins', 'tests', 'build-aux'):
        for dirpath, _, names in os.walk(os.path.join(srcroot, top)):
            for name in names:
                path = os.path.join(dirpath, name)
                if not name.endswith(('.c', '.h', '.py')):
                    continue
                with open(path, encoding='utf-8') as f:
                    for line in f:
                        found = spdx.search(line)
                        if found and found.group(1) != licence:
                            errors.append(f'{path}: {line.strip()}')
    return errors


def check_tree(root, tmp, installed, srcroot, builddir, options, version,
               readelf, glib_compile_schemas,
               bindir, libdir, datadir, localedir, pkglibdir, plugindir):
    errors = []

    def expect_file(path, what):
        if not os.path.isfile(under(root, path)):
            errors.append(f'{what} is not installed at {path}')
            return False
        return True

    # Everything meson means to install is there.
    for built, dest in meson_info(builddir, 'installed').items():
        if not os.path.lexists(under(root, dest)):
            errors.append(f'{dest} (from {built}) is missing from the install')

    # The private core library, and only there.
    expect_file(os.path.join(pkglibdir, 'libbandi-core-1.so'), 'the core library')
    if os.path.isdir(under(root, libdir)):
        for name in os.listdir(under(root, libdir)):
            if name.startswith('libbandi'):
                errors.append(f'{name} is installed in {libdir}, not privately in {pkglibdir}')

    # Plugins: every module built under plugins/ goes to sources-1.
    plugins_build = os.path.join(builddir, 'plugins') + os.sep
    for built, dest in meson_info(builddir, 'installed').items():
        if built.startswith(plugins_build) and dest.endswith('.so') \
                and os.path.dirname(dest) != plugindir:
            errors.append(f'plugin {dest} is not in {plugindir}')

    # Binaries, with the rpath to the core library: bandi-cli always, and
    # bandi whenever the GUI is built (-Dgui=true, the default).
    binaries = ['bandi-cli'] + (['bandi'] if options.get('gui') else [])
    for name in binaries:
        path = os.path.join(bindir, name)
        if not expect_file(path, name):
            continue
        # An absolute rpath names the prefix; one relative to $ORIGIN is
        # resolved where the binary was installed (the DESTDIR).
        paths = runpaths(readelf, under(root, path))
        if not any(p == os.path.normpath(under(root, pkglibdir) if relative else pkglibdir)
                   for p, relative in paths):
            errors.append(f'{name}: rpath {[p for p, _ in paths]} does not lead to {pkglibdir}')

    # Desktop integration and translations.
    expect_file(os.path.join(datadir, 'applications', f'{APP_ID}.desktop'), 'the desktop file')
    metainfo = os.path.join(datadir, 'metainfo', f'{APP_ID}.metainfo.xml')
    if expect_file(metainfo, 'the metainfo'):
        errors += check_licence(under(root, metainfo), srcroot)
    expect_file(os.path.join(datadir, 'icons', 'hicolor', 'scalable', 'apps', f'{APP_ID}.svg'),
                'the app icon')
    expect_file(os.path.join(datadir, 'icons', 'hicolor', 'symbolic', 'apps', f'{APP_ID}-symbolic.svg'),
                'the symbolic icon')
    schemadir = os.path.join(datadir, 'glib-2.0', 'schemas')
    expect_file(os.path.join(schemadir, f'{APP_ID}.gschema.xml'), 'the settings schema')
    for lang in read_linguas(srcroot):
        expect_file(os.path.join(localedir, lang, 'LC_MESSAGES', f'{PACKAGE}.mo'),
                    f'the {lang} catalogue')

    cli = under(root, os.path.join(bindir, 'bandi-cli'))
    if not os.path.isfile(cli):
        return errors

    # Run the installed bandi-cli, away from the build tree.
    env = {k: v for k, v in os.environ.items()
           if k not in ('BANDI_PLUGIN_PATH', 'GSETTINGS_SCHEMA_DIR', 'LD_LIBRARY_PATH')
           and not k.startswith(('LC_', 'LANG'))}
    env.update(LC_ALL='C.UTF-8', GSETTINGS_BACKEND='memory')
    for var in ('XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME'):
        env[var] = os.path.join(tmp, var.lower())
        os.makedirs(env[var])
    if installed:
        env['XDG_DATA_DIRS'] = ':'.join([datadir, env.get('XDG_DATA_DIRS') or '/usr/local/share:/usr/share'])
    else:
        compiled = os.path.join(tmp, 'schemas')
        os.makedirs(compiled)
        run([glib_compile_schemas, '--targetdir', compiled, under(root, schemadir)])
        env.update(LD_LIBRARY_PATH=under(root, pkglibdir),
                   BANDI_PLUGIN_PATH=under(root, plugindir),
                   GSETTINGS_SCHEMA_DIR=compiled)

    try:
        out = run([cli, '--version'], env=env, cwd=tmp)
        if version not in out:
            errors.append(f'bandi-cli --version printed {out.strip()!r}, without {version}')
        out = run([cli, 'sources'], env=env, cwd=tmp)
        gui = under(root, os.path.join(bindir, 'bandi'))
        if 'bandi' in binaries and os.path.isfile(gui):
            # The installed app starts (library, resources) without a display.
            gui_env = {k: v for k, v in env.items() if k not in ('DISPLAY', 'WAYLAND_DISPLAY')}
            gui_out = run([gui, '--version'], env=gui_env, cwd=tmp)
            if version not in gui_out:
                errors.append(f'bandi --version printed {gui_out.strip()!r}, without {version}')
    except CheckFailed as e:
        return errors + [str(e)]
    loaded = loaded_plugins(out)
    for plugin in plugin_ids(srcroot):
        if plugin not in loaded:
            errors.append(f'bandi-cli sources does not show plugin {plugin} as loaded')
    return errors


if __name__ == '__main__':
    checklib.main(check)
