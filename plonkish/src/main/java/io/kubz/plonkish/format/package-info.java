/**
 * Byte formats of proofs, verifying keys and proving keys: protobuf messages from
 * {@code src/main/proto/plonkish.proto}, each with a format version; field elements as 32-byte
 * big-endian canonical integers and G1 points in their 64-byte EVM encoding, both checked on
 * reading (non-canonical elements and points off the curve are rejected). A verifying key read
 * from bytes must hash to its own digest. Expressions are stored as postfix node lists.
 */
package io.kubz.plonkish.format;
