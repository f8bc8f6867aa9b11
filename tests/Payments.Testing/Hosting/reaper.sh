# Reaper for one Payments.Testing fixture directory, run as: bash -c "$script" NAME [--once] OWNER_PID DIR
#
# It runs detached from the test host (own session), so it outlives a kill -9 of that host. Once the
# owner process is gone it stops every server recorded in DIR as a <name>.pgid file (one process group
# id per file) and deletes DIR. With --once it does not wait: it cleans up only if the owner is already
# gone, which is how a new run sweeps what an earlier, killed run left behind.
set -u
# Never hold the test host's stdout/stderr pipes open: test runners wait for them to close.
exec </dev/null >/dev/null 2>&1

once=false
if [ "${1:-}" = --once ]; then
  once=true
  shift
fi
owner=$1
dir=$2

# This runs as root in CI: refuse to delete anything that is not a fixture directory.
case "$dir" in
  *..*) exit 2 ;;
  */payments-fixtures/[0-9]*) ;;
  *) exit 2 ;;
esac

# A zombie has already exited; it only waits for its parent to collect it.
alive() {
  local stat
  read -r stat < "/proc/$1/stat" || return 1
  stat=${stat##*) }
  [ "${stat%% *}" != Z ]
}

if $once; then
  alive "$owner" && exit 0
else
  while alive "$owner"; do
    # The fixture deletes DIR when it is disposed normally: nothing is left to guard.
    [ -d "$dir" ] || exit 0
    sleep 1
  done
fi

groups=()
for file in "$dir"/*.pgid; do
  [ -f "$file" ] || continue
  group=$(< "$file")
  # kill -- -1 would signal every process we may signal: only accept real group ids.
  case "$group" in
    '' | *[!0-9]*) continue ;;
  esac
  [ "$group" -gt 1 ] && groups+=("$group")
done

# Ask each group leader to stop cleanly first (the services shut down gracefully on TERM),
# then kill whatever is left of its process group.
for group in "${groups[@]}"; do kill -TERM "$group"; done
for _ in $(seq 50); do
  running=false
  for group in "${groups[@]}"; do kill -0 -- "-$group" && running=true; done
  $running || break
  sleep 0.1
done
for group in "${groups[@]}"; do kill -KILL -- "-$group"; done

rm -rf -- "$dir"
