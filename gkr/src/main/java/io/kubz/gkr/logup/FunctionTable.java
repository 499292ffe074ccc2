package io.kubz.gkr.logup;

import io.kubz.field.Fr;
import io.kubz.gkr.mle.Mle;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A function given as (in, out) pairs (signed values, negatives as r − |v|), two columns. Rows are
 * padded to a power of two by repeating the last pair; the verifier evaluates both columns' MLEs
 * directly in O(rows).
 */
public final class FunctionTable implements Table {
  private final Fr tag;
  private final int logSize;
  private final long[] in;
  private final long[] out;
  private final byte[] descriptor;
  private Map<List<Long>, Integer> index; // lazily, for the prover's multiplicities

  /** A table of in.length pairs (in[i], out[i]), at least one. */
  public FunctionTable(Fr tag, long[] inputs, long[] outputs) {
    if (inputs.length == 0 || inputs.length != outputs.length) {
      throw new IllegalArgumentException("a function table needs as many outputs as inputs, at least one");
    }
    this.tag = tag;
    this.logSize = 32 - Integer.numberOfLeadingZeros(inputs.length - 1);
    int n = 1 << logSize;
    in = new long[4 * n];
    out = new long[4 * n];
    ByteArrayOutputStream d = new ByteArrayOutputStream();
    byte[] head = ("function/" + inputs.length + "/" + tag + "/").getBytes(StandardCharsets.US_ASCII);
    d.write(head, 0, head.length);
    byte[] b = new byte[32];
    for (int i = 0; i < n; i++) {
      int k = Math.min(i, inputs.length - 1);
      Fr.set(in, 4 * i, inputs[k]);
      Fr.set(out, 4 * i, outputs[k]);
      if (i < inputs.length) {
        Fr.toBytesBE(in, 4 * i, b, 0);
        d.write(b, 0, 32);
        Fr.toBytesBE(out, 4 * i, b, 0);
        d.write(b, 0, 32);
      }
    }
    descriptor = d.toByteArray();
  }

  @Override
  public Fr tag() {
    return tag;
  }

  @Override
  public int width() {
    return 2;
  }

  @Override
  public int logSize() {
    return logSize;
  }

  @Override
  public long[] column(int c) {
    return (c == 0 ? in : out).clone();
  }

  @Override
  public Fr[] evaluate(long[] point, int po) {
    long[] p = new long[4 * logSize];
    System.arraycopy(point, po, p, 0, p.length);
    return new Fr[] {Mle.evaluate(in, p), Mle.evaluate(out, p)};
  }

  @Override
  public synchronized int indexOf(long[][] cols, int row) {
    if (index == null) {
      index = new HashMap<>();
      for (int i = (1 << logSize) - 1; i >= 0; i--) {
        index.put(key(in, 4 * i, out, 4 * i), i);
      }
    }
    Integer i = index.get(key(cols[0], 4 * row, cols[1], 4 * row));
    return i == null ? -1 : i;
  }

  private static List<Long> key(long[] a, int ao, long[] b, int bo) {
    return List.of(a[ao], a[ao + 1], a[ao + 2], a[ao + 3], b[bo], b[bo + 1], b[bo + 2], b[bo + 3]);
  }

  @Override
  public byte[] descriptor() {
    return descriptor.clone();
  }
}
