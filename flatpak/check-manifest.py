#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest of Comptoir without building it.

Usage: check-manifest.py [MANIFEST]

Checks the application id, runtime, SDK and command, the order of the
modules (libxlsxwriter, zint, then comptoir last), that every downloaded
source is pinned (an archive or file with a sha256, a git source with a
full commit hash) and that comptoir itself is built with meson from the
local tree. Prints every problem found and exits 1 if there is any.
Uses the Python standard library only.
"""

import json
import os
import re
import sys

APP_ID = "org.comptoir.Comptoir"
RUNTIME = "org.gnome.Platform"
SDK = "org.gnome.Sdk"
COMMAND = "comptoir"
REQUIRED_MODULES = ["libxlsxwriter", "zint", "comptoir"]

SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
COMMIT_RE = re.compile(r"^[0-9a-f]{40}$")
# Sources that come from the checkout itself or carry their content inline.
LOCAL_SOURCE_TYPES = {"dir", "script", "inline", "shell", "patch-local"}
DOWNLOADED_SOURCE_TYPES = {"archive", "file", "extra-data"}


def flatten_modules(modules, problems, where="modules"):
    """Yield the modules in build order, nested modules before their parent."""
    for index, module in enumerate(modules):
        if isinstance(module, str):
            problems.append(
                f"{where}[{index}] is an external file ({module!r}); "
                "keep the modules inline so this check can see them")
            continue
        if not isinstance(module, dict):
            problems.append(f"{where}[{index}] is not an object")
            continue
        name = module.get("name", f"{where}[{index}]")
        yield from flatten_modules(module.get("modules", []), problems,
                                   f"module {name!r}: modules")
        yield module


def check_source(module_name, index, source, problems):
    where = f"module {module_name!r}, source {index}"
    if isinstance(source, str):
        problems.append(f"{where} is an external file ({source!r}); "
                        "keep the sources inline so this check can see them")
        return
    if not isinstance(source, dict):
        problems.append(f"{where} is not an object")
        return
    kind = source.get("type")
    if kind == "patch":
        # A patch is local when it has a path, downloaded when it has a url.
        kind = "file" if "url" in source else "patch-local"
    if kind in LOCAL_SOURCE_TYPES:
        return
    if kind in DOWNLOADED_SOURCE_TYPES:
        sha = source.get("sha256", "")
        if not isinstance(sha, str) or not SHA256_RE.match(sha):
            problems.append(
                f"{where} ({kind} {source.get('url', '?')}) is not pinned: "
                "it needs a \"sha256\" of 64 lowercase hex digits")
        return
    if kind == "git":
        commit = source.get("commit", "")
        if not isinstance(commit, str) or not COMMIT_RE.match(commit):
            problems.append(
                f"{where} (git {source.get('url', '?')}) is not pinned: "
                "it needs a \"commit\" of 40 lowercase hex digits "
                "(a tag or branch alone can move)")
        if "branch" in source:
            problems.append(f"{where} names a \"branch\"; pin a tag and "
                            "its commit instead")
        return
    problems.append(f"{where} has type {kind!r}, which this check does not "
                    "know how to verify; pin it and teach the check")


def check(manifest):
    problems = []
    if not isinstance(manifest, dict):
        return ["the manifest is not a JSON object"]

    ids = {key: manifest[key] for key in ("id", "app-id") if key in manifest}
    if not ids:
        problems.append(f"no \"id\" (or \"app-id\"); expected {APP_ID!r}")
    for key, value in ids.items():
        if value != APP_ID:
            problems.append(f"\"{key}\" is {value!r}, expected {APP_ID!r}")

    if manifest.get("runtime") != RUNTIME:
        problems.append(f"\"runtime\" is {manifest.get('runtime')!r}, "
                        f"expected {RUNTIME!r}")
    version = manifest.get("runtime-version")
    if not isinstance(version, str) or not version.strip():
        problems.append("\"runtime-version\" is missing or empty")
    if manifest.get("sdk") != SDK:
        problems.append(f"\"sdk\" is {manifest.get('sdk')!r}, "
                        f"expected {SDK!r}")
    if manifest.get("command") != COMMAND:
        problems.append(f"\"command\" is {manifest.get('command')!r}, "
                        f"expected {COMMAND!r}")

    finish_args = manifest.get("finish-args", [])
    if "--device=all" in finish_args:
        redundant = [a for a in finish_args
                     if a.startswith("--device=") and a not in
                     ("--device=all", "--device=shm")]
        if redundant:
            problems.append(f"finish-args has --device=all and also "
                            f"{', '.join(redundant)}, which it already "
                            "grants")

    modules = list(flatten_modules(manifest.get("modules", []), problems))
    names = [m.get("name") for m in modules]
    positions = []
    for required in REQUIRED_MODULES:
        if required not in names:
            problems.append(f"module {required!r} is missing "
                            f"(modules are: {', '.join(map(str, names))})")
        else:
            positions.append(names.index(required))
    if len(positions) == len(REQUIRED_MODULES) and positions != sorted(positions):
        problems.append("modules must be built in the order "
                        f"{', '.join(REQUIRED_MODULES)}; found "
                        f"{', '.join(map(str, names))}")
    if names and names[-1] != "comptoir":
        problems.append(f"the last module is {names[-1]!r}; "
                        "comptoir must be built last")

    for module in modules:
        name = module.get("name", "?")
        sources = module.get("sources", [])
        if not sources:
            problems.append(f"module {name!r} has no sources")
        for index, source in enumerate(sources):
            check_source(name, index, source, problems)

    for module in modules:
        if module.get("name") != "comptoir":
            continue
        if module.get("buildsystem") != "meson":
            problems.append("module 'comptoir' must use \"buildsystem\": "
                            f"\"meson\", not {module.get('buildsystem')!r}")
        local = [s for s in module.get("sources", [])
                 if isinstance(s, dict) and s.get("type") == "dir"]
        if not local:
            problems.append("module 'comptoir' must build the local tree "
                            "(a source of type \"dir\")")
    return problems


def main(argv):
    if len(argv) > 2:
        print(f"usage: {argv[0]} [MANIFEST]", file=sys.stderr)
        return 2
    if len(argv) == 2:
        path = argv[1]
    else:
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            APP_ID + ".json")
    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except OSError as e:
        print(f"{path}: cannot read the manifest: {e.strerror}",
              file=sys.stderr)
        return 1
    except json.JSONDecodeError as e:
        print(f"{path}:{e.lineno}:{e.colno}: not valid JSON: {e.msg} "
              "(flatpak-builder manifests here must be plain JSON, "
              "without comments)", file=sys.stderr)
        return 1

    problems = check(manifest)
    for problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    if problems:
        print(f"{path}: {len(problems)} problem(s) found", file=sys.stderr)
        return 1
    print(f"{path}: OK ({manifest.get('runtime')}//"
          f"{manifest.get('runtime-version')}, modules: "
          f"{', '.join(m.get('name', '?') for m in flatten_modules(manifest['modules'], []))})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
