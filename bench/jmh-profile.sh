#!/usr/bin/env bash
# Shared by run-quick.sh and run-full.sh: jmh-profile.sh quick|full [benchmark regex]
set -euo pipefail
PROFILE="$1"
REGEX="${2:-.*}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/bench/target/benchmarks.jar"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [ ! -f "$JAR" ]; then
  echo "building $JAR" >&2
  (cd "$ROOT" && mvn -B -q -ntp -DskipTests -pl bench -am package)
fi
mkdir -p "$ROOT/bench/results"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/bench/results/jmh-$PROFILE-$STAMP.json"
case "$PROFILE" in
  quick) SETTINGS="-f 1 -wi 1 -w 1s -i 3 -r 1s -prof gc, key sizes only (${KUBZ_QUICK_SIZES:-15,16,20})" ;;
  full) SETTINGS="annotation defaults, -prof gc" ;;
  *) echo "usage: jmh-profile.sh quick|full [regex]" >&2; exit 2 ;;
esac
[ "$REGEX" != ".*" ] && SETTINGS="$SETTINGS; benchmarks matching $REGEX"

T0=$SECONDS
"$JAVA" -Dkubz.quickSizes="${KUBZ_QUICK_SIZES:-15,16,20}" -cp "$JAR" io.kubz.bench.peers.Profile "$PROFILE" "$OUT" "$REGEX"
ELAPSED=$((SECONDS - T0))
# JDK 17 (the project's baseline) writes the section "jmh", any other JDK "jmh-jdk<major>"
MAJOR="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
SECTION=jmh
[ "$MAJOR" != "17" ] && SECTION="jmh-jdk$MAJOR"
"$JAVA" -cp "$JAR" io.kubz.bench.peers.ResultsMd "$SECTION" "$OUT" "$ROOT/bench/RESULTS.md" \
  "profile=$PROFILE" "settings=$SETTINGS; took ${ELAPSED} s" "raw=bench/results/$(basename "$OUT")" \
  "load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')" ${NOTE:+"note=$NOTE"} >/dev/null
echo "JMH $PROFILE profile: ${ELAPSED} s; results in $OUT and bench/RESULTS.md"
