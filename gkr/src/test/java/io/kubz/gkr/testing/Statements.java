package io.kubz.gkr.testing;

import io.kubz.field.Fr;
import io.kubz.gkr.logup.FunctionTable;
import io.kubz.gkr.logup.Lookup;
import io.kubz.gkr.logup.RangeTable;
import io.kubz.gkr.opening.Claim;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Fixed statements built from a seed, for golden proofs and tamper tests. */
public final class Statements {
  public static final String DOMAIN = "kubz-gkr-golden";

  private Statements() {}

  public static long[] column(long... v) {
    long[] t = new long[4 * v.length];
    for (int i = 0; i < v.length; i++) {
      Fr.set(t, 4 * i, v[i]);
    }
    return t;
  }

  /** A 4-bit range (30 of 32 rows used) and a ReLU table on [−5, 5] (8 rows). */
  public static List<Lookup> lookups(long seed) {
    Random rnd = new Random(seed);
    long[] r = new long[32];
    for (int i = 0; i < 32; i++) {
      r[i] = rnd.nextInt(16);
    }
    long[] tin = new long[11];
    long[] tout = new long[11];
    for (int i = 0; i < 11; i++) {
      tin[i] = i - 5;
      tout[i] = Math.max(0, i - 5);
    }
    long[] in = new long[8];
    long[] out = new long[8];
    for (int i = 0; i < 8; i++) {
      in[i] = rnd.nextInt(11) - 5;
      out[i] = Math.max(0, in[i]);
    }
    return List.of(Lookup.of(new RangeTable(4, Fr.of(1)), new long[][] {column(r)}, 30),
        Lookup.of(new FunctionTable(Fr.of(2), tin, tout), new long[][] {column(in), column(out)}, 8));
  }

  /** A 2^5-entry Wit and three true claims on it. */
  public static long[] wit(long seed) {
    return Naive.randomTable(new Random(seed), 5);
  }

  public static List<Claim> claims(long seed) {
    long[] wit = wit(seed);
    Random rnd = new Random(seed + 1);
    List<Claim> out = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      long[] z = Naive.randomPoint(rnd, 5);
      out.add(new Claim(z, Fr.of(Naive.mle(Naive.big(wit), Naive.big(z)))));
    }
    return out;
  }
}
