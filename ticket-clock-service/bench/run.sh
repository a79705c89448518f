#!/usr/bin/env bash
# The load scenario of ticket-clock-service (see ../README.md, "Benchmark"). Needs ./accord infra and ./accord keycloak.
# Builds and starts the packaged service on port 18082 against its own database accord_clock_bench (created if
# missing, its work items, clocks and outbox emptied first) and its own agreement queue, so a running stack is not
# disturbed; runs bench/ClockBench.java; stops the service. SERVICE_OPTS adds JVM options to the service.
#   ticket-clock-service/bench/run.sh                      # everything
#   BENCH_PHASES=single,jdbc BENCH_SECONDS=30 bench/run.sh # some phases, longer
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
MODULE=ticket-clock-service
PORT=${BENCH_PORT:-18082}
OUT=$ROOT/$MODULE/target/bench
mkdir -p "$OUT"
set -a; [ -f .accord/secrets.env ] && . .accord/secrets.env; set +a

./mvnw -B -q -pl $MODULE package -DskipTests
./mvnw -B -q -pl $MODULE dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt"

# Its own RabbitMQ virtual host: the bench's tens of thousands of clock events must not reach the queues of a
# running stack (default virtual host) or of the tests (one virtual host per module)
VHOST=accord-bench
if command -v rabbitmqctl > /dev/null 2>&1; then
  rabbitmqctl -q add_vhost $VHOST > /dev/null 2>&1 || true
  rabbitmqctl -q set_permissions -p $VHOST guest ".*" ".*" ".*" > /dev/null
else
  echo "rabbitmqctl not found: the bench needs a RabbitMQ virtual host '$VHOST' with permissions for guest" >&2
fi

DB=accord_clock_bench
psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname = '$DB'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -q -c "create database $DB owner accord_clock"
psql -h 127.0.0.1 -U accord_clock -d $DB -q -c \
  "truncate clock_fact, clock, work_item_event, work_item, outbox restart identity cascade" 2>/dev/null || true

java -Xmx1g ${SERVICE_OPTS:-} -Dquarkus.http.port=$PORT -Daccord.agreement-copy.snapshot-at-startup=false \
  -Daccord.database.name=$DB -Daccord.service.name=ticket-clock-service-bench -Daccord.rabbitmq.virtual-host=$VHOST \
  -Dquarkus.log.level=WARN -jar $MODULE/target/quarkus-app/quarkus-run.jar > "$OUT/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null || { echo "service not ready; see $OUT/service.log"; exit 1; }

java -Xmx1g -cp "$(cat "$OUT/classpath.txt")" \
  -Dbench.url=http://127.0.0.1:$PORT -Dbench.jdbc=jdbc:postgresql://127.0.0.1:5432/$DB -Dbench.vhost=$VHOST \
  -Dbench.phases=${BENCH_PHASES:-single,jdbc,batch,detection} \
  -Dbench.seconds=${BENCH_SECONDS:-20} -Dbench.warmup=${BENCH_WARMUP:-30} -Dbench.threads=${BENCH_THREADS:-16} \
  -Dbench.backgroundClocks=${BENCH_BACKGROUND_CLOCKS:-1000000} -Dbench.dueClocks=${BENCH_DUE_CLOCKS:-10000} -Dbench.dueLeadSeconds=${BENCH_DUE_LEAD_SECONDS:-180} \
  $MODULE/bench/ClockBench.java | tee "$OUT/results.txt"
