# Sourced by .ci scripts: exports JAVA_HOME pointing at a JDK 21+, keeping the caller's if it qualifies.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ]; then
  JAVA_HOME=""
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    if [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate")" -ge 21 ]; then JAVA_HOME="$candidate"; break; fi
  done
  [ -n "$JAVA_HOME" ] || { echo "no JDK 21+ found under /usr/lib/jvm; set JAVA_HOME" >&2; exit 1; }
fi
export JAVA_HOME
