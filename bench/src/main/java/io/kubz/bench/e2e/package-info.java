/**
 * The end-to-end bench: every example model that ships with kubz (and the ezkl fixture models when
 * {@code ../shared/fixtures} is present, and any ONNX file given) proved and verified by the real
 * command line, one fresh JVM per run so that each peak-memory figure belongs to one proof.
 *
 * <p>{@link io.kubz.bench.e2e.EndToEnd} drives {@code kubz prove --json} and {@code kubz verify
 * --json} and writes one JSON line per run; {@link io.kubz.bench.e2e.E2eTable} turns them into the
 * {@code e2e} section of {@code bench/RESULTS.md}: per model and plan the rows per slice (2^k),
 * keygen, witness, prove and verify time, peak RSS and bundle size. Run it with
 * {@code bench/run-e2e.sh}.
 */
package io.kubz.bench.e2e;
