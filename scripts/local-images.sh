#!/usr/bin/env bash
# Builds local equivalents of the official images the system runs on, for machines that reach no container registry
# (Debian packages and this host's .NET SDK instead), and writes .run/local-images.env:
#   export PAYMENTS_<X>_IMAGE=payments-local/...   for each image, plus TESTCONTAINERS_RYUK_DISABLED=true
# An image whose inputs did not change is not rebuilt: each carries the hash of its inputs in the label
# org.payments.inputs (its folder under infra/images/, the image it is built on and anything else it copies in).
# Usage: scripts/local-images.sh [name...]   (names: debian rabbitmq postgres mailpit dotnet-sdk dotnet-aspnet jaeger;
#        default all; the images a named one is built on are built first when needed)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/docker.sh
ensure_docker
export DOCKER_BUILDKIT=0 # the engine here is 20.10 without buildx; the legacy builder caches layers just as well

LABEL=org.payments.inputs
BASE=payments-local/debian:bookworm
SDK=payments-local/dotnet-sdk:10.0
RUNTIME=payments-local/dotnet-aspnet:10.0
DOTNET_ROOT_HOST=${DOTNET_ROOT_HOST:-$(dirname "$(readlink -f "$(command -v dotnet)")")}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

hash_of() { # files and directories... -> a short hash of their paths and contents
  find "$@" -type f -not -path '*/bin/*' -not -path '*/obj/*' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16
}
image_id() { docker image inspect -f '{{.Id}}' "$1"; }
current() { # image hash -> true when the image exists with these inputs
  [ "$(docker image inspect -f "{{index .Config.Labels \"$LABEL\"}}" "$1" 2>/dev/null)" = "$2" ]
}
timed() { # tag command... : runs the build, prints how long it took
  local tag=$1 start=$SECONDS; shift
  echo "Building $tag..."
  "$@" > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; echo "error: building $tag failed" >&2; exit 1; }
  echo "Built $tag in $((SECONDS - start)) s"
}
build() { # tag hash context dockerfile [docker build args...]
  local tag=$1 hash=$2 context=$3 dockerfile=$4; shift 4
  timed "$tag" docker build -q --label "$LABEL=$hash" -t "$tag" -f "$dockerfile" "$@" "$context"
}

declare -A done_already=() # an image several others build on is checked once per run
once() { [ -z "${done_already[$1]:-}" ] && done_already[$1]=1; }

image_debian() {
  once debian || return 0
  local hash; hash=$(printf '%s\n' "$(hash_of infra/images/debian)" "$(cat /etc/ssl/certs/*.pem /etc/apt/sources.list.d/*.sources 2>/dev/null | sha256sum)" | sha256sum | cut -c1-16)
  current $BASE "$hash" && { echo "Up to date: $BASE"; return; }
  [ "$(id -u)" = 0 ] || { echo "error: building $BASE needs root (debootstrap)" >&2; exit 1; }
  ensure_debian_packages debootstrap || exit 1
  import() { # errexit does not apply inside a function run by `timed`: every step says so itself
    infra/images/debian/rootfs.sh "$work/rootfs" || return 1
    tar -C "$work/rootfs" -c . | docker import --change "LABEL $LABEL=$hash" --change 'CMD ["bash"]' - $BASE >/dev/null || return 1
    rm -rf "$work/rootfs"
  }
  timed $BASE import
}

image_on_base() { # name: infra/images/NAME built on the Debian base
  local name=$1 tag=$2 hash
  image_debian
  hash=$(printf '%s\n' "$(hash_of "infra/images/$name")" "$(image_id $BASE)" | sha256sum | cut -c1-16)
  current "$tag" "$hash" && { echo "Up to date: $tag"; return; }
  build "$tag" "$hash" "infra/images/$name" "infra/images/$name/Dockerfile"
}

# The .NET images copy this host's SDK in: context = the image's folder plus (hard links to) the parts it needs.
image_dotnet() { # name tag part...
  local name=$1 tag=$2 hash context="$work/$1"; shift 2
  image_debian
  hash=$(printf '%s\n' "$(hash_of "infra/images/$name")" "$(image_id $BASE)" "$DOTNET_ROOT_HOST" "$*" \
    "$("$DOTNET_ROOT_HOST/dotnet" --list-sdks)" "$("$DOTNET_ROOT_HOST/dotnet" --list-runtimes)" | sha256sum | cut -c1-16)
  current "$tag" "$hash" && { echo "Up to date: $tag"; return; }
  mkdir -p "$context/dotnet"
  cp -r infra/images/"$name"/. "$context/"
  local part
  for part in "$@"; do
    mkdir -p "$context/dotnet/$(dirname "$part")"
    cp -al "$DOTNET_ROOT_HOST/$part" "$context/dotnet/$part" 2>/dev/null || cp -a "$DOTNET_ROOT_HOST/$part" "$context/dotnet/$part"
  done
  build "$tag" "$hash" "$context" "$context/Dockerfile" \
    --build-arg DOTNET_VERSION="$(version shared/Microsoft.NETCore.App)" \
    --build-arg ASPNET_VERSION="$(version shared/Microsoft.AspNetCore.App)" --build-arg SDK_VERSION="$(version sdk)"
  rm -rf "$context"
}
newest() { (cd "$DOTNET_ROOT_HOST" && ls -d "$1"/10.* | sort -V | tail -1); }
version() { basename "$(newest "$1")"; }
image_sdk() { once sdk || return 0; image_dotnet dotnet-sdk $SDK dotnet dnx LICENSE.txt ThirdPartyNotices.txt host packs sdk sdk-manifests templates shared; }
image_runtime() {
  once runtime || return 0
  image_dotnet dotnet-aspnet $RUNTIME dotnet LICENSE.txt ThirdPartyNotices.txt host \
    "$(newest shared/Microsoft.NETCore.App)" "$(newest shared/Microsoft.AspNetCore.App)"
}

image_jaeger() { # the OTLP receiver, built from this repository on the local .NET images
  local tag=payments-local/jaeger:local hash
  image_sdk; image_runtime
  hash=$(printf '%s\n' "$(hash_of infra/images/jaeger tools/Payments.OtlpReceiver third_party/opentelemetry-proto global.json Directory.Build.props \
    Directory.Packages.props)" "$(image_id $SDK)" "$(image_id $RUNTIME)" | sha256sum | cut -c1-16)
  current $tag "$hash" && { echo "Up to date: $tag"; return; }
  build $tag "$hash" . infra/images/jaeger/Dockerfile --build-arg SDK_IMAGE=$SDK --build-arg RUNTIME_IMAGE=$RUNTIME
}

one() {
  case $1 in
    debian) image_debian ;;
    rabbitmq) image_on_base rabbitmq payments-local/rabbitmq:3-management ;;
    postgres) image_on_base postgres payments-local/postgres:15 ;;
    mailpit) image_on_base mailpit payments-local/mailpit:local ;;
    dotnet-sdk) image_sdk ;;
    dotnet-aspnet) image_runtime ;;
    jaeger) image_jaeger ;;
    *) echo "error: unknown image '$1'" >&2; exit 2 ;;
  esac
}
[ $# -gt 0 ] || set -- debian rabbitmq postgres mailpit dotnet-sdk dotnet-aspnet jaeger
for name in "$@"; do one "$name"; done

mkdir -p .run
cat > .run/local-images.env <<ENV
export PAYMENTS_SDK_IMAGE=$SDK
export PAYMENTS_RUNTIME_IMAGE=$RUNTIME
export PAYMENTS_RABBITMQ_IMAGE=payments-local/rabbitmq:3-management
export PAYMENTS_POSTGRES_IMAGE=payments-local/postgres:15
export PAYMENTS_MAILPIT_IMAGE=payments-local/mailpit:local
export PAYMENTS_JAEGER_IMAGE=payments-local/jaeger:local
export TESTCONTAINERS_RYUK_DISABLED=true
ENV
echo "Wrote .run/local-images.env"
