#!/usr/bin/env bash
# Makes sure the system packages the test suites need are present: installs them with apt when
# running as root, otherwise names exactly what to install and fails (no suite is skipped silently).
set -euo pipefail
PARLEY_APT_PACKAGES="chromium xvfb gnome-keyring dbus dbus-x11 libsecret-1-0 libsecret-1-dev poppler-utils fonts-dejavu-core xauth"

missing_tools() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v gnome-keyring-daemon >/dev/null 2>&1 || missing+=(gnome-keyring)
  command -v dbus-run-session >/dev/null 2>&1 || missing+=(dbus)
  command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
  [ -f /usr/include/libsecret-1/libsecret/secret.h ] || missing+=(libsecret-1-dev)
  echo "${missing[@]:-}"
}

missing="$(missing_tools)"
if [ -n "$missing" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "tests: installing system packages: $PARLEY_APT_PACKAGES" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $PARLEY_APT_PACKAGES >/dev/null
  else
    echo "tests: missing system packages ($missing). Install them, e.g.:" >&2
    echo "  sudo apt-get install -y $PARLEY_APT_PACKAGES" >&2
    exit 1
  fi
fi

# The SLURM suite needs slurm-wlm and munge (and root, to start slurmctld and slurmd); without
# them it is skipped, not failed: tests/slurm/with-slurm.sh names what is missing.
PARLEY_SLURM_PACKAGES="slurm-wlm munge"
if ! { command -v slurmctld || [ -x /usr/sbin/slurmctld ]; } >/dev/null 2>&1 ||
  ! { command -v munged || [ -x /usr/sbin/munged ]; } >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "tests: installing system packages: $PARLEY_SLURM_PACKAGES" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $PARLEY_SLURM_PACKAGES >/dev/null ||
      echo "tests: could not install $PARLEY_SLURM_PACKAGES; the SLURM suite will be skipped" >&2
  else
    echo "tests: SLURM is missing, so the SLURM suite will be skipped. Install it (and run as root):" >&2
    echo "  sudo apt-get install -y $PARLEY_SLURM_PACKAGES" >&2
  fi
fi

# keytar is an optional native dependency: npm skips it when libsecret was missing at `npm ci`.
if ! node -e "require('keytar')" >/dev/null 2>&1; then
  echo "tests: building keytar against libsecret" >&2
  version="$(node -p "require('./package.json').optionalDependencies.keytar")"
  # `npm rebuild` exits 0 for a package that is not installed at all, so check again after it.
  if [ -d node_modules/keytar ]; then npm rebuild keytar >/dev/null 2>&1 || true; fi
  if ! node -e "require('keytar')" >/dev/null 2>&1; then
    npm install --no-save --no-audit --no-fund "keytar@$version" >/dev/null 2>&1
  fi
  node -e "require('keytar')" || { echo "tests: keytar did not build (is libsecret-1-dev installed?)" >&2; exit 1; }
fi
