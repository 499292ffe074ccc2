#!/usr/bin/env bash
# The whole JMH suite with the settings and sizes of its annotations (-prof gc added). Writes
# bench/results/ and the JMH section of bench/RESULTS.md. JAVA_HOME selects another JDK; an
# optional argument restricts the benchmarks by regex. See bench/README.md.
exec "$(dirname "${BASH_SOURCE[0]}")/jmh-profile.sh" full "$@"
