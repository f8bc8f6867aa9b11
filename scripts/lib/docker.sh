# Docker helpers sourced by scripts: an engine that answers, and the images the system runs on.
#
# ensure_docker: where no engine answers or no compose command line runs, installs docker.io / docker-compose (as
#   root, with apt-get) and starts dockerd; exports DOCKER_API_VERSION=1.41 when the engine is older than API 1.44
#   (Testcontainers asks for 1.44 unless told otherwise).
# ensure_images: uses the official images when they are present or can be pulled; otherwise builds the local
#   equivalents (scripts/local-images.sh, which installs debootstrap for the Debian base) and exports their PAYMENTS_*_IMAGE variables. Exports
#   TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1 (containers publish on loopback).

PAYMENTS_OFFICIAL_IMAGES=(
  PAYMENTS_SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
  PAYMENTS_RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0
  PAYMENTS_RABBITMQ_IMAGE=rabbitmq:3.13-management
  PAYMENTS_POSTGRES_IMAGE=postgres:15
  PAYMENTS_MAILPIT_IMAGE=axllent/mailpit:v1.27
  PAYMENTS_JAEGER_IMAGE=jaegertracing/all-in-one:1.62.0
)

docker_answers() { docker version --format '{{.Server.APIVersion}}' >/dev/null 2>&1; }

# The compose command line: the `docker compose` plugin where the client has it (Docker Desktop, docker-ce), else the
# standalone docker-compose (Debian's package); empty when neither runs.
compose_cli() {
  if docker compose version >/dev/null 2>&1; then echo "docker compose"
  elif docker-compose version >/dev/null 2>&1; then echo "docker-compose"
  fi
}

# Runs compose with whichever command line compose_cli found (asked once per shell).
compose() {
  : "${PAYMENTS_COMPOSE_CLI:=$(compose_cli)}"
  $PAYMENTS_COMPOSE_CLI "$@"
}

# Debian packages, installed as root when missing; anyone else is told the command.
ensure_debian_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "error: missing: ${missing[*]} (on Debian: sudo apt-get install -y ${missing[*]}; elsewhere Docker Desktop or docker-ce with its compose plugin)" >&2
    return 1
  fi
  echo "Installing: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_docker() {
  # An engine that answers and a compose command line are all that is needed (Docker Desktop, docker-ce, a docker
  # group member): nothing is installed then. Debian's packages only where one of them is missing.
  if ! docker_answers || [ -z "$(compose_cli)" ]; then
    local packages=()
    command -v docker >/dev/null || packages+=(docker.io)
    [ -n "$(compose_cli)" ] || packages+=(docker-compose)
    [ ${#packages[@]} -eq 0 ] || ensure_debian_packages "${packages[@]}" || return 1
  fi
  if ! docker_answers; then
    [ "$(id -u)" = 0 ] || { echo "error: no Docker engine answers and only root may start one." >&2; return 1; }
    echo "Docker: starting dockerd (log: /tmp/dockerd.log)"
    nohup dockerd > /tmp/dockerd.log 2>&1 &
    local _
    for _ in $(seq 60); do docker_answers && break; sleep 0.5; done
    docker_answers || { echo "error: dockerd did not answer within 30 s; see /tmp/dockerd.log" >&2; return 1; }
  fi
  local api
  api=$(env -u DOCKER_API_VERSION docker version --format '{{.Server.APIVersion}}' 2>/dev/null)
  if [ "$(printf '%s\n1.44\n' "$api" | sort -V | head -1)" != 1.44 ]; then export DOCKER_API_VERSION=$api; fi
}

# True when IMAGE is present or can be pulled.
image_obtainable() {
  docker image inspect "$1" >/dev/null 2>&1 || timeout 20 docker pull -q "$1" >/dev/null 2>&1
}

ensure_images() {
  export TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1
  local entry name image all_official=true
  for entry in "${PAYMENTS_OFFICIAL_IMAGES[@]}"; do
    name=${entry%%=*} image=${!name:-${entry#*=}}
    image_obtainable "$image" || { all_official=false; break; }
  done
  if $all_official; then
    for entry in "${PAYMENTS_OFFICIAL_IMAGES[@]}"; do
      name=${entry%%=*}; export "$name=${!name:-${entry#*=}}"
    done
    echo "Images: official"
    return 0
  fi
  echo "Images: no registry answers; building the local equivalents (scripts/local-images.sh)"
  "$(dirname "${BASH_SOURCE[0]}")/../local-images.sh"
  # shellcheck disable=SC1091
  source "$(dirname "${BASH_SOURCE[0]}")/../../.run/local-images.env"
}
