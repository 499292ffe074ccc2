/**
 * Fiat–Shamir transcripts (Fiat and Shamir, CRYPTO 1986): the prover and the verifier absorb the
 * same public messages in the same order and derive each challenge from everything absorbed so far.
 *
 * <p>Rule enforced by every {@link io.kubz.poly.transcript.Transcript}: a challenge round
 * ({@code challenge} or {@code challenges}) is refused with {@code IllegalStateException} unless
 * something was absorbed since the previous round (or since creation). A protocol that draws two
 * challenges from one message (β and γ in PLONK) draws them in one round with
 * {@code challenges(label, 2)}. This turns the common Fiat–Shamir bug — drawing a challenge before
 * the message it must depend on was absorbed — into an error wherever that message is the only one
 * of its round; it cannot know about messages a protocol forgot altogether.
 *
 * <p>{@link io.kubz.poly.transcript.Keccak256Transcript} is EVM friendly: scalars are absorbed as
 * 32-byte big-endian canonical integers, G1 points as 64 bytes x‖y (big-endian, the point at
 * infinity as zeros), labels are not hashed (a Solidity verifier replays the same byte stream), and
 * a round hashes state‖absorbed bytes with Keccak-256 into a new 32-byte state, read as a
 * big-endian integer reduced mod r. {@link io.kubz.poly.transcript.PoseidonTranscript} is the
 * circuit-friendly variant over the Poseidon sponge of the merkle module.
 */
package io.kubz.poly.transcript;
