# Reaper for the fixture containers of one test host, run as: bash -c "$script" NAME OWNER_PID OWNER_START HOST
#
# The equivalent of Testcontainers' Ryuk where its image cannot be pulled. It runs detached from the test
# host (own session), so it outlives a kill -9 of that host. Once the owner is gone (exited, a zombie, or
# its pid taken by a process with another start time) it removes, with their anonymous volumes, every
# container labelled as that owner's on this machine.
set -u
# Never hold the test host's stdout/stderr pipes open: test runners wait for them to close.
exec </dev/null >/dev/null 2>&1

owner=$1
start=$2
host=$3

case "$owner$start" in
  '' | *[!0-9]*) exit 2 ;;
esac

alive() {
  local stat fields
  read -r stat < "/proc/$owner/stat" || return 1
  stat=${stat##*) }
  read -ra fields <<< "$stat"
  # fields[0] is the state (field 3 of stat), fields[19] the start time (field 22).
  [ "${fields[0]}" != Z ] && [ "${fields[19]}" = "$start" ]
}

while alive; do sleep 1; done

ids=$(docker ps -aq \
  --filter "label=payments.fixture.owner=$owner" \
  --filter "label=payments.fixture.owner-start=$start" \
  --filter "label=payments.fixture.host=$host")
[ -n "$ids" ] && docker rm -f -v $ids
exit 0
