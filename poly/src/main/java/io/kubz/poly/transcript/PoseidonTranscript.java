package io.kubz.poly.transcript;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.merkle.PoseidonSponge;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A transcript over the Poseidon sponge of the merkle module (circomlib parameters), cheap to
 * replay inside a circuit. Everything is absorbed as Fr elements: a scalar as itself; a G1 point
 * as x_lo, x_hi, y_lo, y_hi (its base-field coordinates split at bit 128, so the encoding is
 * injective although q &gt; r; infinity as four zeros); bytes as their length followed by 31-byte
 * big-endian chunks. A round sets s ← Sponge(s, pending…) and returns s; further challenges of the
 * round set s ← Sponge(s). The sponge runs under its own domain {@link #DOMAIN}, and
 * s_0 = Sponge(domain separator as bytes).
 */
public final class PoseidonTranscript implements Transcript {
  /** Sponge domain of transcript rounds ("kubz-ts" as an integer). */
  public static final long DOMAIN = new BigInteger(1, "kubz-ts".getBytes(StandardCharsets.US_ASCII))
      .longValueExact();
  private static final BigInteger MASK128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  private Fr state;
  private final List<Fr> pending = new ArrayList<>();
  private boolean absorbedSinceRound;

  public PoseidonTranscript(String domainSeparator) {
    List<Fr> init = new ArrayList<>();
    encodeBytes(domainSeparator.getBytes(StandardCharsets.UTF_8), init);
    state = PoseidonSponge.hash(DOMAIN, init.toArray(Fr[]::new));
  }

  @Override
  public void absorbScalar(String label, Fr x) {
    pending.add(x);
    absorbedSinceRound = true;
  }

  @Override
  public void absorbScalar(String label, long[] x, int xo) {
    absorbScalar(label, Fr.readFrom(x, xo));
  }

  @Override
  public void absorbG1(String label, G1 p) {
    BigInteger x = p.isInfinity() ? BigInteger.ZERO : p.x().toBigInteger();
    BigInteger y = p.isInfinity() ? BigInteger.ZERO : p.y().toBigInteger();
    for (BigInteger c : new BigInteger[] {x, y}) {
      pending.add(Fr.of(c.and(MASK128)));
      pending.add(Fr.of(c.shiftRight(128)));
    }
    absorbedSinceRound = true;
  }

  @Override
  public void absorbBytes(String label, byte[] bytes) {
    encodeBytes(bytes, pending);
    absorbedSinceRound = true;
  }

  private static void encodeBytes(byte[] b, List<Fr> out) {
    out.add(Fr.of(b.length));
    for (int i = 0; i < b.length; i += 31) {
      out.add(Fr.of(new BigInteger(1, Arrays.copyOfRange(b, i, Math.min(b.length, i + 31)))));
    }
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
    Fr[] in = new Fr[1 + pending.size()];
    in[0] = state;
    for (int i = 0; i < pending.size(); i++) {
      in[1 + i] = pending.get(i);
    }
    pending.clear();
    Fr[] out = new Fr[k];
    for (int i = 0; i < k; i++) {
      state = i == 0 ? PoseidonSponge.hash(DOMAIN, in) : PoseidonSponge.hash(DOMAIN, state);
      out[i] = state;
    }
    return out;
  }
}
