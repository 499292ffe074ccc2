#!/usr/bin/env bash
# The JMH suite with short settings (one fork, 1 x 1 s warm-up, 3 x 1 s measurement, -prof gc) and
# only the key sizes; meant to finish in under 10 minutes on 2 cores. Writes bench/results/ and the
# JMH section of bench/RESULTS.md. JAVA_HOME selects another JDK; an optional argument restricts
# the benchmarks by regex (e.g. MsmBench). See bench/README.md.
exec "$(dirname "${BASH_SOURCE[0]}")/jmh-profile.sh" quick "$@"
