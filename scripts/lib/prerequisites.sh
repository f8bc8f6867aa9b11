# Installs (as root, with apt-get) or names (otherwise) the Debian packages the system and its tests need.
# Sourced by run.sh and test.sh.

PAYMENTS_DEBIAN_PACKAGES=(rabbitmq-server postgresql python3-aiosmtpd)
# The Operations console tests drive Debian's headless Chromium (/usr/bin/chromium); Playwright downloads no browser.
PAYMENTS_TEST_PACKAGES=(chromium)

missing_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  echo "${missing[@]}"
}

ensure_packages() {
  command -v dotnet >/dev/null || { echo "error: the .NET SDK 10 is required (https://dot.net)." >&2; exit 1; }
  local missing
  missing=$(missing_packages "$@")
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ]; then
    echo "Installing: $missing"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  else
    echo "error: missing Debian packages. Install them with:" >&2
    echo "  sudo apt-get install -y $missing" >&2
    exit 1
  fi
}
