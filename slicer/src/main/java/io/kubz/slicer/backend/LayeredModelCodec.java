package io.kubz.slicer.backend;

import io.kubz.gkr.model.Layer;
import io.kubz.gkr.model.LayeredModel;
import io.kubz.gkr.model.SparseMatrix;
import io.kubz.gkr.model.TableDef;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bytes of a {@link LayeredModel} as a GKR slice's verifying key in a bundle: what a verifier
 * that trusts only a model digest needs to run {@code LayeredVerifier} (it recomputes the layered
 * model's digest from the decoded model and compares it with the one the bundle's digest covers).
 * Deflated; inflated, big-endian fixed-width fields after a tag: per layer a kind byte and its
 * fields, sparse matrices in compressed-row form, then the outputs and the tables. Decoding inflates
 * at most {@link #MAX_RAW_BYTES}, checks every count against the bytes left before allocating, and
 * leaves the structure to the model's own constructors.
 */
public final class LayeredModelCodec {
  private static final byte[] TAG = "kubz-layered-v1".getBytes(StandardCharsets.US_ASCII);
  private static final int INPUT = 1;
  private static final int LINEAR = 2;
  private static final int PRODUCT = 3;
  private static final int MATMUL = 4;
  private static final int RESCALE = 5;
  private static final int LOOKUP = 6;
  private static final int MAX = 7;
  private static final int CONV = 8;
  /**
   * The largest model a bundle may carry, inflated: bounds what adversarial bytes make a verifier
   * hold. 2^29: a model whose convolutions the lowering keeps as im2col matrices (ConvTranspose,
   * 12 bytes per entry) can be that large; a {@link Layer.Conv} stores its weights once (the
   * 264k-parameter CIFAR CNN of bench/ went from 273 MB to a few MB).
   */
  public static final int MAX_RAW_BYTES = 1 << 29;

  private LayeredModelCodec() {}

  /**
   * The model's bytes, deflated (RFC 1951): im2col matrices of convolutions repeat their weights
   * and column patterns, and LeNet's model shrinks from megabytes to a fraction of that.
   */
  public static byte[] encode(LayeredModel m) {
    byte[] raw = raw(m);
    java.util.zip.Deflater d = new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true);
    try {
      d.setInput(raw);
      d.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
      byte[] buf = new byte[1 << 16];
      while (!d.finished()) {
        out.write(buf, 0, d.deflate(buf));
      }
      return out.toByteArray();
    } finally {
      d.end();
    }
  }

  /** Inflates at most {@link #MAX_RAW_BYTES}, or null when the bytes are not a deflate stream within it. */
  private static byte[] inflate(byte[] bytes) {
    java.util.zip.Inflater in = new java.util.zip.Inflater(true);
    try {
      in.setInput(bytes);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[1 << 16];
      while (!in.finished()) {
        int n = in.inflate(buf);
        if (n == 0 && (in.needsInput() || in.needsDictionary())) {
          return null;
        }
        if ((long) out.size() + n > MAX_RAW_BYTES) {
          return null;
        }
        out.write(buf, 0, n);
      }
      return in.getRemaining() == 0 ? out.toByteArray() : null;
    } catch (java.util.zip.DataFormatException e) {
      return null;
    } finally {
      in.end();
    }
  }

  private static byte[] raw(LayeredModel m) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(TAG);
      out.writeInt(m.layers().size());
      for (Layer l : m.layers()) {
        layer(out, l);
      }
      ints(out, m.outputs());
      out.writeInt(m.tables().size());
      for (TableDef t : m.tables()) {
        byte[] id = t.id().getBytes(StandardCharsets.UTF_8);
        out.writeInt(id.length);
        out.write(id);
        longs(out, t.inputs());
        longs(out, t.outputs());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void layer(DataOutputStream out, Layer l) throws IOException {
    if (l instanceof Layer.Input in) {
      out.writeByte(INPUT);
      out.writeInt(in.size());
    } else if (l instanceof Layer.Linear lin) {
      out.writeByte(LINEAR);
      out.writeInt(lin.size());
      out.writeInt(lin.terms().size());
      for (Layer.Term t : lin.terms()) {
        out.writeInt(t.tensor());
        SparseMatrix a = t.matrix();
        out.writeInt(a.rows());
        out.writeInt(a.cols());
        ints(out, a.rowStart());
        ints(out, a.col());
        longs(out, a.val());
      }
      out.writeBoolean(lin.bias() != null);
      if (lin.bias() != null) {
        longs(out, lin.bias());
      }
    } else if (l instanceof Layer.Product p) {
      out.writeByte(PRODUCT);
      fields(out, p.size(), p.a(), p.b());
    } else if (l instanceof Layer.MatMul mm) {
      out.writeByte(MATMUL);
      fields(out, mm.batch(), mm.m(), mm.n(), mm.p(), mm.a(), mm.b());
    } else if (l instanceof Layer.Rescale r) {
      out.writeByte(RESCALE);
      fields(out, r.size(), r.input(), r.shift(), r.outBits());
    } else if (l instanceof Layer.Lookup k) {
      out.writeByte(LOOKUP);
      fields(out, k.size(), k.input(), k.table());
    } else if (l instanceof Layer.Max mx) {
      out.writeByte(MAX);
      out.writeInt(mx.size());
      ints(out, mx.inputs());
      out.writeInt(mx.diffBits());
    } else if (l instanceof Layer.Conv cv) {
      out.writeByte(CONV);
      fields(out, cv.input(), cv.batch(), cv.channels(), cv.outChannels(), cv.group(), cv.in().length);
      for (int[] axis : new int[][] {cv.in(), cv.out(), cv.kernel(), cv.strides(), cv.pads(), cv.dilations()}) {
        fields(out, axis);
      }
      longs(out, cv.weights());
      out.writeBoolean(cv.bias() != null);
      if (cv.bias() != null) {
        longs(out, cv.bias());
      }
    } else {
      throw new IllegalArgumentException("no encoding for layer kind " + l.getClass().getSimpleName());
    }
  }

  /** The model in {@code bytes}, or empty when they are not one (never throws on any bytes). */
  public static Optional<LayeredModel> decode(byte[] bytes) {
    byte[] raw = inflate(bytes);
    if (raw == null) {
      return Optional.empty();
    }
    try {
      ByteBuffer in = ByteBuffer.wrap(raw);
      byte[] tag = new byte[TAG.length];
      in.get(tag);
      if (!java.util.Arrays.equals(tag, TAG)) {
        return Optional.empty();
      }
      int n = count(in, 1);
      List<Layer> layers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        layers.add(layer(in));
      }
      int[] outputs = ints(in);
      int nt = count(in, 12);
      List<TableDef> tables = new ArrayList<>();
      for (int i = 0; i < nt; i++) {
        byte[] id = new byte[count(in, 1)];
        in.get(id);
        tables.add(new TableDef(new String(id, StandardCharsets.UTF_8), longs(in), longs(in)));
      }
      if (in.hasRemaining()) {
        return Optional.empty();
      }
      return Optional.of(new LayeredModel(layers, outputs, tables));
    } catch (BufferUnderflowException | IllegalArgumentException | ArithmeticException
        | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  private static Layer layer(ByteBuffer in) {
    int kind = in.get();
    switch (kind) {
      case INPUT:
        return new Layer.Input(in.getInt());
      case LINEAR: {
        int size = in.getInt();
        int nt = count(in, 16);
        List<Layer.Term> terms = new ArrayList<>();
        for (int i = 0; i < nt; i++) {
          int tensor = in.getInt();
          int rows = in.getInt();
          int cols = in.getInt();
          terms.add(new Layer.Term(tensor, new SparseMatrix(rows, cols, ints(in), ints(in), longs(in))));
        }
        long[] bias = in.get() != 0 ? longs(in) : null;
        return new Layer.Linear(size, terms, bias);
      }
      case PRODUCT:
        return new Layer.Product(in.getInt(), in.getInt(), in.getInt());
      case MATMUL:
        return new Layer.MatMul(in.getInt(), in.getInt(), in.getInt(), in.getInt(), in.getInt(), in.getInt());
      case RESCALE:
        return new Layer.Rescale(in.getInt(), in.getInt(), in.getInt(), in.getInt());
      case LOOKUP:
        return new Layer.Lookup(in.getInt(), in.getInt(), in.getInt());
      case MAX:
        return new Layer.Max(in.getInt(), ints(in), in.getInt());
      case CONV:
        return conv(in);
      default:
        throw new IllegalArgumentException("unknown layer kind " + kind);
    }
  }

  /** A {@link Layer.Conv}'s fields after its kind byte: 1 to 3 axes, six per-axis arrays, weights, bias. */
  private static Layer conv(ByteBuffer in) {
    int[] f = new int[6];
    for (int i = 0; i < f.length; i++) {
      f[i] = in.getInt();
    }
    int r = f[5];
    if (r < 1 || r > 3) {
      throw new IllegalArgumentException("a convolution of " + r + " axes");
    }
    int[][] axes = new int[6][r];
    for (int[] axis : axes) {
      for (int d = 0; d < r; d++) {
        axis[d] = in.getInt();
      }
    }
    long[] weights = longs(in);
    int flag = in.get();
    if (flag != 0 && flag != 1) {
      throw new IllegalArgumentException("bias flag " + flag);
    }
    long[] bias = flag == 1 ? longs(in) : null;
    return new Layer.Conv(f[0], f[1], f[2], f[3], f[4], axes[0], axes[1], axes[2], axes[3], axes[4],
        axes[5], weights, bias);
  }

  /** A count of items of at least {@code minBytes} bytes each, checked against the bytes left. */
  private static int count(ByteBuffer in, int minBytes) {
    int n = in.getInt();
    if (n < 0 || (long) n * minBytes > in.remaining()) {
      throw new IllegalArgumentException("count " + n + " beyond the " + in.remaining() + " bytes left");
    }
    return n;
  }

  private static int[] ints(ByteBuffer in) {
    int[] a = new int[count(in, 4)];
    for (int i = 0; i < a.length; i++) {
      a[i] = in.getInt();
    }
    return a;
  }

  private static long[] longs(ByteBuffer in) {
    long[] a = new long[count(in, 8)];
    for (int i = 0; i < a.length; i++) {
      a[i] = in.getLong();
    }
    return a;
  }

  /** Fixed fields, no length (the layer kind says how many). */
  private static void fields(DataOutputStream out, int... a) throws IOException {
    for (int v : a) {
      out.writeInt(v);
    }
  }

  private static void ints(DataOutputStream out, int[] a) throws IOException {
    out.writeInt(a.length);
    for (int v : a) {
      out.writeInt(v);
    }
  }

  private static void longs(DataOutputStream out, long[] a) throws IOException {
    out.writeInt(a.length);
    for (long v : a) {
      out.writeLong(v);
    }
  }
}
