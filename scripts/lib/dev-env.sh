# .run/dev.env: what a developer needs to call the running system (sourced by scripts; `source .run/dev.env` by hand).
# Lines are `export KEY=VALUE`; dev_env_set replaces a key's line or adds it, so every script can add its own keys.
DEV_ENV_FILE=${DEV_ENV_FILE:-${RUN_DIR:-$PWD/.run}/dev.env}
DEV_TOKEN_ISSUER=payments-dev

dev_env_set() { # KEY VALUE
  local key=$1 value=$2
  mkdir -p "$(dirname "$DEV_ENV_FILE")"
  touch "$DEV_ENV_FILE" && chmod 600 "$DEV_ENV_FILE"
  { grep -v "^export $key=" "$DEV_ENV_FILE" || true; printf 'export %s=%q\n' "$key" "$value"; } > "$DEV_ENV_FILE.tmp"
  mv "$DEV_ENV_FILE.tmp" "$DEV_ENV_FILE"
  export "$key=$value"
}

# The development signing key: 32 random bytes generated once per machine into .run/ (git-ignored), never committed.
# Exports PAYMENTS_DEV_SIGNING_KEY (base64, also into .run/dev.env), which the run scripts and docker-compose.yml hand
# to the services.
dev_signing_key() {
  local file=${RUN_DIR:-$PWD/.run}/dev-signing.key
  if [ ! -s "$file" ]; then
    mkdir -p "$(dirname "$file")"
    (umask 077; head -c 32 /dev/urandom | base64 -w0 > "$file")
  fi
  DEV_SIGNING_KEY_FILE=$file
  dev_env_set PAYMENTS_DEV_SIGNING_KEY "$(cat "$file")" # docker-compose.yml requires it
}

# The services' Authentication:Schemes:Bearer settings for that key, as environment assignments for `env`.
dev_bearer_env() {
  echo "Authentication__Schemes__Bearer__ValidIssuer=$DEV_TOKEN_ISSUER" \
       "Authentication__Schemes__Bearer__SigningKeys__0__Issuer=$DEV_TOKEN_ISSUER" \
       "Authentication__Schemes__Bearer__SigningKeys__0__Value=$PAYMENTS_DEV_SIGNING_KEY"
}

# PAYMENTS_CLIENT_TOKEN (orders:write orders:read, for Orders) and PAYMENTS_OPS_TOKEN (payments:ops, every service)
# into .run/dev.env, minted by tools/Payments.DevTokens (built by the caller).
mint_dev_tokens() {
  local mint=(dotnet tools/Payments.DevTokens/bin/Release/net10.0/Payments.DevTokens.dll --key-file "$DEV_SIGNING_KEY_FILE" --issuer "$DEV_TOKEN_ISSUER")
  dev_env_set PAYMENTS_CLIENT_TOKEN "$("${mint[@]}" --subject dev-client --audience payments-orders --scope 'orders:write orders:read')"
  dev_env_set PAYMENTS_OPS_TOKEN "$("${mint[@]}" --subject dev-operator --audience payments-ingress --audience payments-orders --audience payments-notifications \
    --audience payments-reconciliation --audience payments-operations --scope 'payments:ops')"
  echo "Development tokens (12 h): PAYMENTS_CLIENT_TOKEN and PAYMENTS_OPS_TOKEN in $DEV_ENV_FILE (source it; curl -H \"Authorization: Bearer \$PAYMENTS_OPS_TOKEN\" ...)"
}

# dev_env_get KEY: the value kept for KEY, empty when there is none.
dev_env_get() {
  [ -f "$DEV_ENV_FILE" ] || return 0
  (source "$DEV_ENV_FILE" && printenv "$1") || true
}

# dev_env_secret KEY: exports KEY as set in the environment, else as kept in dev.env, else a fresh random value;
# keeps it in dev.env either way. Per machine: nothing a repository holds.
dev_env_secret() {
  local value=${!1:-}
  [ -n "$value" ] || value=$(dev_env_get "$1")
  [ -n "$value" ] || value=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
  dev_env_set "$1" "$value"
}
