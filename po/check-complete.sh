#!/usr/bin/env bash
# fr.po must translate every string the sources carry, and every source
# file that uses gettext must be listed in POTFILES.in.
set -euo pipefail
cd "$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

status=0
while read -r f; do
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "$f uses gettext but is not listed in po/POTFILES.in"
    status=1
  fi
done < <(grep -rlE '(^|[^a-zA-Z0-9_])(N?C?_|g_dngettext) ?\("|translatable="yes"' src ui --include='*.c' --include='*.ui' | sort)

# The same keywords as meson's i18n 'glib' preset.
xgettext --from-code=UTF-8 --add-comments --force-po \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_set_error:4:c-format --flag=g_printerr:1:c-format --flag=g_print:1:c-format \
  -f <(grep -v '^#' po/POTFILES.in | grep -v '^$') -o "$tmp/comptoir.pot"

msgmerge --quiet --no-fuzzy-matching po/fr.po "$tmp/comptoir.pot" -o "$tmp/fr.po"
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/fr.po" 2>&1)
echo "fr: $stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "po/fr.po is incomplete: run 'ninja -C build comptoir-update-po' and translate the new strings"
    status=1 ;;
esac
exit $status
