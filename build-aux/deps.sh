# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by ./run and ./test: installs the Debian 12 packages Comptoir
# needs, only when one is missing, so both commands stay idempotent.

COMPTOIR_PACKAGES=(
  # build
  gcc meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin
  libgtk-4-dev libadwaita-1-dev libsqlite3-dev libjson-glib-dev
  # desktop integration checks
  desktop-file-utils appstream
  # tests: a display of their own, fonts and icons to draw with, readers
  xvfb xauth xdotool x11-xkb-utils fonts-cantarell fonts-dejavu-core adwaita-icon-theme
  python3 sqlite3
  # receipts: USB printers (libusb; umockdev emulates one in tests), PDF with a barcode, read back
  libusb-1.0-0-dev libcairo2-dev libpango1.0-dev libzint-dev umockdev libumockdev-dev poppler-utils zbar-tools
  # the receiving screen's sounds: GTK's media backend, WAV, an audio output
  libgtk-4-media-gstreamer gstreamer1.0-plugins-good gstreamer1.0-alsa
)

comptoir_install_deps () {
  local missing=()
  local pkg
  for pkg in "${COMPTOIR_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  echo "Installing: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# meson setup, or a reconfigure when the folder exists (options may change).
comptoir_setup_build () {
  local dir=$1; shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@" >/dev/null
  fi
}
