#!/usr/bin/env bash
# Benchmark of the gateway: the latency it adds at a fixed low rate, and its throughput at
# saturation, each measured against calling the service directly, in one run.
#
#   gateway/bench/run.sh [--no-build]
#
# Needs the local Keycloak (./accord keycloak) for a real token, wrk (apt-get install -y wrk),
# python3 and a JDK 17+. Starts a one-event-loop downstream and the packaged gateway on free ports
# (BENCH_DOWNSTREAM_PORT, BENCH_GATEWAY_PORT), stops both at the end. Writes gateway/target/bench/results.md.
# GATEWAY_OPTS adds JVM options to the gateway (e.g. -Dquarkus.http.access-log.enabled=false).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
GATEWAY_DIR="$(dirname "$HERE")"
ROOT="$(dirname "$GATEWAY_DIR")"
OUT="$GATEWAY_DIR/target/bench"
DS_PORT="${BENCH_DOWNSTREAM_PORT:-18091}"
GW_PORT="${BENCH_GATEWAY_PORT:-18090}"
RATE="${BENCH_RATE:-200}"                 # fixed rate for the latency run, requests/s
LATENCY_SECONDS="${BENCH_LATENCY_SECONDS:-30}"
SATURATION_SECONDS="${BENCH_SATURATION_SECONDS:-20}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"    # wrk connections at saturation
WRK_THREADS="${BENCH_WRK_THREADS:-2}"
SERVICE_WORK_US="${BENCH_SERVICE_WORK_US:-0}"  # CPU the downstream spends per answer (0: none)
KEYCLOAK_URL="${ACCORD_KEYCLOAK_URL:-http://127.0.0.1:8180}"
PATH_UNDER_TEST="/api/agreements"

die() { echo "bench: $*" >&2; exit 1; }
info() { echo "==> $*" >&2; }

command -v wrk >/dev/null || die "wrk is missing: apt-get install -y wrk"
command -v python3 >/dev/null || die "python3 is missing"
[[ -f "$ROOT/.accord/secrets.env" ]] || die ".accord/secrets.env is missing: run ./accord keycloak first"
set -a; . "$ROOT/.accord/secrets.env"; set +a

if [[ "${1:-}" != "--no-build" || ! -f "$GATEWAY_DIR/target/quarkus-app/quarkus-run.jar" ]]; then
  info "building the gateway (tests compiled, not run)"
  (cd "$ROOT" && ./mvnw -B -ntp -q -pl gateway -am package -DskipTests)
fi
mkdir -p "$OUT"
CP="$GATEWAY_DIR/target/test-classes:$GATEWAY_DIR/target/quarkus-app/lib/main/*"

PIDS=()
DS_PID=""
GW_PID=""
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_http() { # url seconds
  for _ in $(seq 1 $(( $2 * 10 ))); do
    curl -s -o /dev/null "$1" && return 0
    sleep 0.1
  done
  die "nothing answers at $1"
}
port_free "$DS_PORT" || die "port $DS_PORT is taken (BENCH_DOWNSTREAM_PORT)"
port_free "$GW_PORT" || die "port $GW_PORT is taken (BENCH_GATEWAY_PORT)"

info "starting the downstream on $DS_PORT"
java -Xmx256m -cp "$CP" io.accord.gateway.bench.BenchDownstream "$DS_PORT" "$SERVICE_WORK_US" >"$OUT/downstream.log" 2>&1 &
DS_PID=$!
PIDS+=("$DS_PID")
wait_http "http://127.0.0.1:$DS_PORT/" 20

info "starting the gateway on $GW_PORT"
java -Xmx512m ${GATEWAY_OPTS:-} \
  -Dquarkus.http.port="$GW_PORT" \
  -Daccord.keycloak.url="$KEYCLOAK_URL" \
  -Daccord.services.agreement.url="http://127.0.0.1:$DS_PORT" \
  -Daccord.gateway.limits.api.requests=1000000000 \
  -Daccord.gateway.limits.api.burst=1000000000 \
  -jar "$GATEWAY_DIR/target/quarkus-app/quarkus-run.jar" >"$OUT/gateway.log" 2>&1 &
GW_PID=$!
PIDS+=("$GW_PID")
wait_http "http://127.0.0.1:$GW_PORT/q/health/ready" 60

TOKEN="$(curl -sf -d grant_type=password -d client_id=accord-cli -d username=manager \
  --data-urlencode "password=$ACCORD_DEMO_PASSWORD" \
  "$KEYCLOAK_URL/realms/accord/protocol/openid-connect/token" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')" ||
  die "no token from $KEYCLOAK_URL: run ./accord keycloak"
AUTH="Authorization: Bearer $TOKEN"
DIRECT="http://127.0.0.1:$DS_PORT$PATH_UNDER_TEST"
VIA="http://127.0.0.1:$GW_PORT$PATH_UNDER_TEST"

status="$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "$VIA")"
[[ "$status" == 200 ]] || die "the gateway answered $status, not 200 (see $OUT/gateway.log)"

info "warming up both paths (JIT) for 15 s each"
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d15s -H "$AUTH" "$DIRECT" >/dev/null
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d15s -H "$AUTH" "$VIA" >/dev/null

load() { java -Xmx256m -cp "$CP" io.accord.gateway.bench.BenchLoad "$1" "$RATE" "$LATENCY_SECONDS" Authorization "Bearer $TOKEN"; }
info "fixed rate $RATE/s for $LATENCY_SECONDS s: direct"
load "$DIRECT" >"$OUT/latency-direct.json"
info "fixed rate $RATE/s for $LATENCY_SECONDS s: through the gateway"
load "$VIA" >"$OUT/latency-gateway.json"

info "saturation with $CONNECTIONS connections for $SATURATION_SECONDS s: direct"
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${SATURATION_SECONDS}s" --latency -H "$AUTH" "$DIRECT" >"$OUT/saturation-direct.txt"
info "saturation with $CONNECTIONS connections for $SATURATION_SECONDS s: through the gateway"
gw_before="$(cpu_ticks "$GW_PID")"; ds_before="$(cpu_ticks "$DS_PID")"
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${SATURATION_SECONDS}s" --latency -H "$AUTH" "$VIA" >"$OUT/saturation-gateway.txt"
echo "$(( $(cpu_ticks "$GW_PID") - gw_before )) $(( $(cpu_ticks "$DS_PID") - ds_before )) $(getconf CLK_TCK)" >"$OUT/cpu-ticks.txt"

python3 - "$OUT" "$RATE" "$LATENCY_SECONDS" "$CONNECTIONS" "$SATURATION_SECONDS" "$(nproc)" "$SERVICE_WORK_US" <<'PY'
import json, re, sys, pathlib
out, rate, lat_s, conns, sat_s, cores, work = sys.argv[1:]
out = pathlib.Path(out)
d = json.loads((out / "latency-direct.json").read_text())
g = json.loads((out / "latency-gateway.json").read_text())

def wrk(name):
    text = (out / name).read_text()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    def ms(p):
        m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s)\s*$" % p, text, re.M)
        v, unit = float(m.group(1)), m.group(2)
        return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
    total = int(re.search(r"(\d+) requests in", text).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors = re.search(r"Socket errors: (.*)", text)
    return rps, ms(50), ms(99), int(non2xx.group(1)) if non2xx else 0, errors.group(1) if errors else "none", total

sd, sg = wrk("saturation-direct.txt"), wrk("saturation-gateway.txt")
added50, added99, ratio = g["p50_ms"] - d["p50_ms"], g["p99_ms"] - d["p99_ms"], sg[0] / sd[0]
gw_ticks, ds_ticks, hz = map(int, (out / "cpu-ticks.txt").read_text().split())
gw_us, ds_us = gw_ticks / hz / sg[5] * 1e6, ds_ticks / hz / sg[5] * 1e6
ok = lambda c: "met" if c else "missed"
lines = [
    f"Downstream: one Vert.x event loop answering a 208-byte JSON document"
    + (f" after {work} µs of CPU work" if work != "0" else " at once") + ".",
    "",
    f"Fixed rate {rate}/s for {lat_s} s (open loop, latency from when each request was due), {cores} cores:",
    "",
    "| | p50 | p90 | p99 | max | errors / non-2xx |",
    "|---|---|---|---|---|---|",
    f"| direct | {d['p50_ms']:.3f} ms | {d['p90_ms']:.3f} ms | {d['p99_ms']:.3f} ms | {d['max_ms']:.3f} ms | {d['errors']} / {d['non2xx']} |",
    f"| through the gateway | {g['p50_ms']:.3f} ms | {g['p90_ms']:.3f} ms | {g['p99_ms']:.3f} ms | {g['max_ms']:.3f} ms | {g['errors']} / {g['non2xx']} |",
    f"| **added by the gateway** | **{added50:.3f} ms** (target <= 1 ms: {ok(added50 <= 1)}) | | **{added99:.3f} ms** (target <= 5 ms: {ok(added99 <= 5)}) | | |",
    "",
    f"Saturation, wrk {conns} connections for {sat_s} s:",
    "",
    "| | requests/s | p50 | p99 | non-2xx | socket errors |",
    "|---|---|---|---|---|---|",
    f"| direct | {sd[0]:.0f} | {sd[1]:.2f} ms | {sd[2]:.2f} ms | {sd[3]} | {sd[4]} |",
    f"| through the gateway | {sg[0]:.0f} | {sg[1]:.2f} ms | {sg[2]:.2f} ms | {sg[3]} | {sg[4]} |",
    f"| **ratio gateway / direct** | **{ratio:.2f}** (target >= 0.6: {ok(ratio >= 0.6)}) | | | | |",
    "",
    f"CPU per request during the gateway run: gateway {gw_us:.0f} µs, downstream {ds_us:.0f} µs "
    f"(wrk, gateway and downstream share the {cores} cores).",
]
text = "\n".join(lines) + "\n"
(out / "results.md").write_text(text)
print(text)
PY
