# Shared set-up for scripts/demo, scripts/test and scripts/fuzz: install what is missing,
# configure and build. Sourced, not run.

PGESQL_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# Debian packages pgesql needs to build and test, and a file each one provides.
PGESQL_PACKAGES=(
  "flex:/usr/bin/flex"
  "bison:/usr/bin/bison"
  "cmake:/usr/bin/cmake"
  "g++:/usr/bin/g++"
  "make:/usr/bin/make"
  "ninja-build:/usr/bin/ninja"
  "pkg-config:/usr/bin/pkg-config"
  "dpkg-dev:/usr/bin/dpkg-shlibdeps"
  "file:/usr/bin/file"
  "libssl-dev:/usr/include/openssl/ssl.h"
  "openssl:/usr/bin/openssl"
  "libgtest-dev:/usr/include/gtest/gtest.h"
  "postgresql:/usr/lib/postgresql"
  "postgresql-client:/usr/bin/psql"
  "pgbouncer:/usr/sbin/pgbouncer"
  "libpg-query-dev:/usr/include/pg_query.h"
  "libecpg-dev:/usr/bin/ecpg"
  # GSSAPI: the library pgesql builds with, and a throwaway Kerberos KDC for the gssapi tests.
  "libkrb5-dev:/usr/include/gssapi/gssapi.h"
  "krb5-kdc:/usr/sbin/krb5kdc"
  "krb5-admin-server:/usr/sbin/kadmin.local"
  "krb5-user:/usr/bin/kinit"
)

pgesql_install_missing() {
  local missing=() entry
  for entry in "${PGESQL_PACKAGES[@]}"; do
    [[ -e "${entry#*:}" ]] || missing+=("${entry%%:*}")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  if [[ $(id -u) -ne 0 ]]; then
    echo "pgesql needs these Debian packages, which are not installed:" >&2
    echo "  ${missing[*]}" >&2
    echo "install them (as root: apt-get install ${missing[*]}) or run this script as root." >&2
    exit 1
  fi
  echo "== installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  local start=$SECONDS
  apt-get update -qq
  echo "   package lists updated ($((SECONDS - start)) s)"
  start=$SECONDS
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "   installed ${#missing[@]} package(s) ($((SECONDS - start)) s)"
}

# pgesql_build BUILD_DIR [cmake -D options...]
pgesql_build() {
  local build_dir=$1; shift
  local generator=()
  if [[ ! -f "$build_dir/CMakeCache.txt" ]] && command -v ninja >/dev/null; then generator=(-G Ninja); fi
  echo "== configuring $build_dir"
  local start=$SECONDS
  cmake -S "$PGESQL_ROOT" -B "$build_dir" "${generator[@]}" "$@" >/dev/null
  echo "   configured ($((SECONDS - start)) s)"
  echo "== building"
  start=$SECONDS
  cmake --build "$build_dir" -j "${PGESQL_JOBS:-2}"
  echo "   built ($((SECONDS - start)) s)"
}

# pgesql_build_target BUILD_DIR TARGET [cmake -D options...]: configure, then build one target.
pgesql_build_target() {
  local build_dir=$1 target=$2; shift 2
  local generator=()
  if [[ ! -f "$build_dir/CMakeCache.txt" ]] && command -v ninja >/dev/null; then generator=(-G Ninja); fi
  echo "== configuring $build_dir"
  local start=$SECONDS
  cmake -S "$PGESQL_ROOT" -B "$build_dir" "${generator[@]}" "$@" >/dev/null
  echo "   configured ($((SECONDS - start)) s)"
  echo "== building $target"
  start=$SECONDS
  cmake --build "$build_dir" -j "${PGESQL_JOBS:-2}" --target "$target"
  echo "   built ($((SECONDS - start)) s)"
}
