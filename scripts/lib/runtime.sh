# Runtime settings a service needs from its launcher (sourced by scripts/run.sh and the benchmarks).
#
# runtime_env DLL prints the environment assignments to start DLL with. A service built with
# <TieredCompilation>false</TieredCompilation> (Orders, Notifications: every method compiled once, fully optimized)
# also runs with DOTNET_ReadyToRun=0. With tiering off the runtime would otherwise keep the framework's precompiled
# ReadyToRun code for good, and that code is compiled for any CPU and never re-optimized: System.Net.Mail, sockets,
# System.Text.Json and CoreLib on the hot paths would stay at that quality. The runtime reads this setting from the
# environment only (no runtimeconfig.json knob), so each launcher sets it: here, and ENV in the service's Dockerfile.
# Measured: docs/decisions/0008-runtime-settings-per-service.md.
runtime_env() {
  local config="${1%.dll}.runtimeconfig.json"
  if grep -q '"System.Runtime.TieredCompilation": false' "$config" 2>/dev/null; then
    echo DOTNET_ReadyToRun=0
  fi
}

# throwaway_bearer_env prints Authentication:Schemes:Bearer settings with a random key nobody holds, as environment
# assignments for `env`: the services refuse to start outside Development without bearer settings, and a benchmark
# that calls none of their protected APIs needs no token that works.
throwaway_bearer_env() {
  echo "Authentication__Schemes__Bearer__ValidIssuer=payments-bench" \
       "Authentication__Schemes__Bearer__SigningKeys__0__Issuer=payments-bench" \
       "Authentication__Schemes__Bearer__SigningKeys__0__Value=$(head -c 32 /dev/urandom | base64 -w0)"
}

# free_port prints a loopback TCP port nothing listens on now (the kernel's choice), for a process about to bind it.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
