/**
 * Byte formats of the gkr proofs (src/main/proto/gkr.proto): field elements as 32-byte big-endian
 * canonical integers, points never sent. {@link io.kubz.gkr.format.GkrCodec} rejects malformed bytes
 * (not protobuf, not the canonical encoding this codec writes, unknown version, a field element of another length or not below r, a tower layer
 * without exactly four children) with {@link io.kubz.field.BadInputException};
 * {@link io.kubz.gkr.format.ProofBytes} turns that into a rejection, so verifying bytes never throws
 * on adversarial input. Shape checks that need the statement (rounds per sumcheck, values per round)
 * are the verifiers'.
 */
package io.kubz.gkr.format;
