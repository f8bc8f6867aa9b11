# .run/dev.env: what a developer's machine needs to talk to the running system (tokens, broker URLs, passwords), as
# `export KEY=value` lines: `source .run/dev.env`. Git-ignored, readable by its owner only.

DEV_ENV=${DEV_ENV:-${RUN_DIR:-$PWD/.run}/dev.env}

# dev_env_set KEY VALUE: replaces KEY's line, or adds it.
dev_env_set() {
  mkdir -p "$(dirname "$DEV_ENV")"
  touch "$DEV_ENV"
  chmod 600 "$DEV_ENV"
  local rest
  rest=$(grep -v "^export $1=" "$DEV_ENV" || true)
  { [ -n "$rest" ] && printf '%s\n' "$rest"; printf 'export %s=%q\n' "$1" "$2"; } > "$DEV_ENV"
}

# dev_env_get KEY: the value kept for KEY, empty when there is none.
dev_env_get() {
  [ -f "$DEV_ENV" ] || return 0
  (source "$DEV_ENV" && printenv "$1") || true
}

# dev_env_secret KEY: exports KEY as set in the environment, else as kept in dev.env, else a fresh random value;
# keeps it in dev.env either way. Per machine: nothing a repository holds.
dev_env_secret() {
  local value=${!1:-}
  [ -n "$value" ] || value=$(dev_env_get "$1")
  [ -n "$value" ] || value=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
  dev_env_set "$1" "$value"
  export "$1=$value"
}
