# Removes what compose test runs left behind, run as: bash -c "$script" NAME [--watch OWNER_PID]
#
# Every compose project of these tests is named payments-ct-<test host pid>-<id>, and compose labels its
# containers, networks and volumes with com.docker.compose.project. This removes every such project whose test
# host no longer runs. With --watch it first waits (detached, in its own session) until OWNER_PID is gone, so even
# a kill -9 of the test host leaves nothing running; without it, it sweeps once, as each new run does first.
set -u
# Never hold the test host's stdout/stderr pipes open: test runners wait for them to close.
exec </dev/null >/dev/null 2>&1

# A zombie has already exited; it only waits for its parent to collect it.
alive() {
  local stat
  read -r stat < "/proc/$1/stat" || return 1
  stat=${stat##*) }
  [ "${stat%% *}" != Z ]
}

if [ "${1:-}" = --watch ]; then
  owner=$2
  while alive "$owner"; do sleep 2; done
fi

label=com.docker.compose.project
projects=$( {
  docker ps -a --format "{{.Label \"$label\"}}"
  docker network ls --format "{{.Label \"$label\"}}"
  docker volume ls --format "{{.Label \"$label\"}}"
} | sort -u)

for project in $projects; do
  case "$project" in
    payments-ct-[0-9]*-*) ;;
    *) continue ;; # not ours: never touched
  esac
  pid=${project#payments-ct-}
  pid=${pid%%-*}
  case "$pid" in
    '' | *[!0-9]*) continue ;;
  esac
  alive "$pid" && continue
  docker ps -aq --filter "label=$label=$project" | xargs -r docker rm -f -v
  docker network ls -q --filter "label=$label=$project" | xargs -r docker network rm
  docker volume ls -q --filter "label=$label=$project" | xargs -r docker volume rm -f
done
