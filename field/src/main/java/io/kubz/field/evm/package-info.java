/**
 * The Ethereum alt_bn128 precompiles as pure functions on bytes: addition (0x06) and scalar
 * multiplication (0x07) per EIP-196, the pairing check (0x08) per EIP-197. Byte layout: 32-byte
 * big-endian words; a G1 point is x‖y with (0, 0) for infinity. Malformed input (a coordinate ≥ q,
 * a point off the curve) raises IllegalArgumentException, where the EVM would fail the call.
 */
package io.kubz.field.evm;
