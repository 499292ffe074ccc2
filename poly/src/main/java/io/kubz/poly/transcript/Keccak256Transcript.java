package io.kubz.poly.transcript;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Keccak-256 transcript with EVM encodings. State s_0 = keccak256(domain separator); a round with
 * pending bytes m sets s ← keccak256(s ‖ m) and returns s mod r; further challenges of the same round
 * set s ← keccak256(s). (Reducing 256 bits mod r ≈ 2^253.6 skews the distribution by a constant
 * factor on a subset of values; the min-entropy stays above 251 bits, as in the snarkjs and halo2
 * Solidity verifiers, which reduce the same way.)
 */
public final class Keccak256Transcript implements Transcript {
  private static final BigInteger R = Fr.MODULUS;

  private byte[] state;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private boolean absorbedSinceRound;

  /** A transcript bound to a protocol name (e.g. "kubz-plonk-v1"). */
  public Keccak256Transcript(String domainSeparator) {
    state = keccak(domainSeparator.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void absorbScalar(String label, Fr x) {
    absorb(x.toBytesBE());
  }

  @Override
  public void absorbScalar(String label, long[] x, int xo) {
    byte[] b = new byte[32];
    Fr.toBytesBE(x, xo, b, 0);
    absorb(b);
  }

  @Override
  public void absorbG1(String label, G1 p) {
    absorb(p.toEvmBytes());
  }

  @Override
  public void absorbBytes(String label, byte[] bytes) {
    absorb(bytes);
  }

  private void absorb(byte[] b) {
    pending.write(b, 0, b.length);
    absorbedSinceRound = true;
  }

  @Override
  public Fr challenge(String label) {
    return challenges(label, 1)[0];
  }

  @Override
  public Fr[] challenges(String label, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("at least one challenge per round, not " + k);
    }
    if (!absorbedSinceRound) {
      throw new IllegalStateException("challenge '" + label
          + "' drawn before any message was absorbed since the previous challenge");
    }
    absorbedSinceRound = false;
    byte[] m = pending.toByteArray();
    pending.reset();
    byte[] in = new byte[state.length + m.length];
    System.arraycopy(state, 0, in, 0, state.length);
    System.arraycopy(m, 0, in, state.length, m.length);
    Fr[] out = new Fr[k];
    for (int i = 0; i < k; i++) {
      state = keccak(i == 0 ? in : state);
      out[i] = Fr.of(new BigInteger(1, state).mod(R));
    }
    return out;
  }

  /** Keccak-256 as in the EVM (the original Keccak padding, not SHA3-256). */
  public static byte[] keccak(byte[] in) {
    KeccakDigest d = new KeccakDigest(256);
    d.update(in, 0, in.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }
}
