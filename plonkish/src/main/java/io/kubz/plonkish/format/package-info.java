/**
 * Byte formats of proofs, verifying keys and proving keys: protobuf messages from
 * {@code src/main/proto/plonkish.proto}, each with a format version; field elements as 32-byte
 * big-endian canonical integers and G1 points in their 64-byte EVM encoding, both checked on
 * reading (non-canonical elements and points off the curve are rejected). A verifying key read
 * from bytes must hash to its own digest. Expressions are stored as postfix node lists. Reading
 * is bounded before any work: protobuf parsing with explicit size and nesting limits, a key's
 * shape, counts and expression depth within {@link io.kubz.plonkish.keygen.KeyLimits} (the depth
 * is tracked on the postfix stack, so a deep tree is refused as it is read), every leaf naming a
 * column or challenge the key declares.
 */
package io.kubz.plonkish.format;
