#!/usr/bin/env bash
# Startup benchmark: milliseconds from `java -jar` to the first HTTP 200 on /login, the CPU time spent
# by then (by thread), then resident memory after 5 s. Prints numbers only; nothing here passes or fails
# on time. The data directory is throwaway but kept between runs, so a first run measures a start that
# creates the database and demo data and a second run measures an ordinary restart.
#
#   .ci/startup-benchmark.sh          the fat jar, as `java -jar` runs it
#   .ci/startup-benchmark.sh --aot    the extracted jar with Java's AOT cache, as the Docker image runs it
#   .ci/startup-benchmark.sh --extracted    the extracted jar without the cache (its libraries as plain jars)
#   .ci/startup-benchmark.sh [--aot] -- --some.property=value    extra arguments for the application, to try a setting
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=18080
DATA_DIR="${TMPDIR:-/tmp}/portal-startup"
. .ci/java-home.sh
JAVA="$JAVA_HOME/bin/java"

if ! compgen -G "target/borrower-portal-*.jar" > /dev/null; then
    ./mvnw -q -DskipTests package
fi
JAR=$(ls target/borrower-portal-*.jar | grep -v '\.original$' | head -n 1)

fresh=restart
[[ -e "$DATA_DIR/portal.mv.db" ]] || fresh="first start (creates the database and demo data)"
mkdir -p "$DATA_DIR"

# The JVM's production options, as README and the Docker image pass them; JVM_OPTIONS=/dev/null measures without them.
JVM_OPTIONS="${JVM_OPTIONS:-docker/jvm.options}"
JVM_ARGS=("@$JVM_OPTIONS")
mode="fat jar"
AOT=false
EXTRACTED=false
if [[ "${1:-}" == "--aot" ]]; then AOT=true; shift; fi
if [[ "${1:-}" == "--extracted" ]]; then EXTRACTED=true; shift; fi
[[ "${1:-}" == "--" ]] && shift
APP_ARGS=("$@")
# As docker/Dockerfile does: the jar extracted into $1, its libraries plain jars beside it, itself as portal.jar.
extract_to() {
    rm -rf "$1"
    "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$1" > /dev/null
    mv "$1"/borrower-portal-*.jar "$1/portal.jar"
    touch "$1/portal.jar"
}
if [[ "$AOT" == true ]]; then
    # Same steps as docker/Dockerfile: extract, one training run to the end of context refresh, then use.
    AOT_DIR="$DATA_DIR/aot"
    # Trained again for a new jar or other JVM options.
    if [[ ! -f "$AOT_DIR/portal.aot" || "$JAR" -nt "$AOT_DIR/portal.aot" ]] || ! cmp -s "$JVM_OPTIONS" "$AOT_DIR/jvm.options"; then
        extract_to "$AOT_DIR"
        "$JAVA" "@$JVM_OPTIONS" -XX:AOTCacheOutput="$AOT_DIR/portal.aot" -Dspring.context.exit=onRefresh -jar "$AOT_DIR/portal.jar" \
            "--spring.datasource.url=jdbc:h2:mem:aot;MODE=MariaDB;DATABASE_TO_LOWER=TRUE" --portal.demo-data=false \
            > "$DATA_DIR/aot-training.log" 2>&1
        cp "$JVM_OPTIONS" "$AOT_DIR/jvm.options"
    fi
    JAR="$AOT_DIR/portal.jar"
    JVM_ARGS+=(-XX:AOTCache="$AOT_DIR/portal.aot")
    mode="extracted jar with AOT cache"
elif [[ "$EXTRACTED" == true ]]; then
    EXTRACTED_DIR="$DATA_DIR/extracted"
    if [[ ! -f "$EXTRACTED_DIR/portal.jar" || "$JAR" -nt "$EXTRACTED_DIR/portal.jar" ]]; then
        extract_to "$EXTRACTED_DIR"
    fi
    JAR="$EXTRACTED_DIR/portal.jar"
    mode="extracted jar"
fi

LOG="$DATA_DIR/startup.log"
start_ns=$(date +%s%N)
# Demo data is off by default (decision 019): asked for here, so a first start still measures loading it.
"$JAVA" "${JVM_ARGS[@]}" -jar "$JAR" --server.port=$PORT --management.server.port=$((PORT + 1)) --portal.demo-data=true \
    "--spring.datasource.url=jdbc:h2:file:$DATA_DIR/portal;MODE=MariaDB;DATABASE_TO_LOWER=TRUE" "${APP_ARGS[@]}" \
    > "$LOG" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true' EXIT

status=000
while [[ "$status" != 200 ]]; do
    if ! kill -0 "$PID" 2>/dev/null; then
        echo "The application exited before answering; log: $LOG" >&2
        tail -n 30 "$LOG" >&2
        exit 1
    fi
    sleep 0.1
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/login" || true)
done
first_200_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
# The process's CPU time (user + system, all threads) at that moment: steadier than wall time on a shared machine.
read -r -a stat < <(sed 's/^.*) //' "/proc/$PID/stat")
cpu_ms=$(( (stat[11] + stat[12]) * 1000 / $(getconf CLK_TCK) ))
# Where it went, by thread: start-up keeps both cores busy, so work moved off the main thread shortens it only if the
# other core had room. comm is the thread's name cut to 15 characters; the Java main thread is called "java".
declare -A by_thread=([main]=0 [C2]=0 [C1]=0 [GC]=0 [other]=0)
for task in /proc/$PID/task/*; do
    [[ "${task##*/}" == "$PID" ]] && continue
    comm=$(cat "$task/comm" 2>/dev/null) || continue
    read -r -a tstat < <(sed 's/^.*) //' "$task/stat" 2>/dev/null) || continue
    case "$comm" in
        java) group=main ;;
        C2\ Compiler*) group=C2 ;;
        C1\ Compiler*) group=C1 ;;
        GC\ Thread*|G1\ *) group=GC ;;
        *) group=other ;;
    esac
    by_thread[$group]=$(( by_thread[$group] + (tstat[11] + tstat[12]) * 1000 / $(getconf CLK_TCK) ))
done

sleep 5
rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$PID/status")

echo "java:          $("$JAVA" -version 2>&1 | head -n 1)"
echo "processors:    $(nproc)"
echo "jar:           $JAR ($mode)"
echo "JVM options:   $(grep -v '^#' "$JVM_OPTIONS" | sed 's/ *#.*//' | tr '\n' ' ')(from $JVM_OPTIONS)"
echo "run:           $fresh"
[[ ${#APP_ARGS[@]} -gt 0 ]] && echo "arguments:     ${APP_ARGS[*]}"
echo "first 200 ms:  $first_200_ms"
echo "CPU ms:        $cpu_ms (user + system at the first 200): main thread ${by_thread[main]}, C2 compiler ${by_thread[C2]}, C1 compiler ${by_thread[C1]}, GC ${by_thread[GC]}, other ${by_thread[other]}"
echo "VmRSS MB:      $(( rss_kb / 1024 )) (5 s after the first 200)"
