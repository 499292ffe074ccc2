/**
 * The peer comparison and the result report of {@code bench/}.
 *
 * <p>{@link io.kubz.bench.peers.KubzSide} runs kubz's half of each workload that
 * {@code bench/peers/run.sh} also runs on the JavaScript stack (ffjavascript MSM and FFT,
 * circomlibjs Poseidon, snarkjs PLONK on the chain circuit), printing one JSON line per run in the
 * same shape as the node scripts. The harness alternates the two sides round by round, so both see
 * the same machine load, and reports medians; the ratio is a time ratio kubz/peer (below 1: kubz is
 * faster).
 *
 * <p>{@link io.kubz.bench.peers.Profile} runs the JMH suite with the quick or the full settings,
 * and {@link io.kubz.bench.peers.ResultsMd} rewrites one section of {@code bench/RESULTS.md} from
 * the raw results, so that the file is only ever written by a run, never by hand.
 */
package io.kubz.bench.peers;
