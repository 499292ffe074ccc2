package io.kubz.cli.cluster;

import io.kubz.poly.srs.PtauReader;
import io.kubz.poly.srs.Srs;
import io.kubz.slicer.api.GkrSession;
import io.kubz.slicer.api.LoweredCost;
import io.kubz.slicer.api.ProgressListener;
import io.kubz.slicer.api.ProvingSession;
import io.kubz.slicer.exec.KeyCache;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.lower.Visibility;
import io.kubz.slicer.onnx.OnnxImporter;
import io.kubz.slicer.backend.GkrProofSystem;
import io.kubz.slicer.plan.SliceCost;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.quant.QuantPlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * What a worker needs to rebuild the coordinator's {@link ProvingSession}: the ONNX model bytes as
 * read by the coordinator, the quantization settings and slice plan (JSON), the visibility, and the
 * SRS choice (a dev SRS seed, or a ptau path every worker has locally). The circuit digests a
 * worker compiles must equal the jobs' (the session's prover checks it).
 *
 * @param ptau path of the powers-of-tau file on the workers, or null for the dev SRS of {@code devSeed}
 */
public record SessionSpec(byte[] onnx, String quantJson, String planJson, Visibility visibility, long devSeed,
    String ptau, String proofSystem) {
  private static final int MAGIC = 0x4b5a5353; // "KZSS": a plonkish session
  private static final int MAGIC_GKR = 0x4b5a5347; // "KZSG": the same fields, a gkr session

  /** A plonkish session. */
  public SessionSpec(byte[] onnx, String quantJson, String planJson, Visibility visibility, long devSeed, String ptau) {
    this(onnx, quantJson, planJson, visibility, devSeed, ptau, io.kubz.slicer.bundle.ProofBundle.PLONKISH);
  }

  /** Whether the workers prove GKR slices (a {@link GkrSession}) rather than plonkish circuits. */
  boolean gkr() {
    return GkrProofSystem.NAME.equals(proofSystem);
  }

  byte[] encode() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(b)) {
      out.writeInt(gkr() ? MAGIC_GKR : MAGIC);
      out.writeInt(onnx.length);
      out.write(onnx);
      string(out, quantJson);
      string(out, planJson);
      out.writeUTF(visibility.input().name());
      out.writeUTF(visibility.output().name());
      out.writeLong(devSeed);
      out.writeUTF(ptau == null ? "" : ptau);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  static SessionSpec decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int magic = in.readInt();
      if (magic != MAGIC && magic != MAGIC_GKR) {
        throw new IllegalArgumentException("not a kubz session context");
      }
      byte[] onnx = exactly(in, in.readInt(), bytes.length);
      String quant = readString(in);
      String plan = readString(in);
      Visibility v = new Visibility(Visibility.Mode.valueOf(in.readUTF()), Visibility.Mode.valueOf(in.readUTF()));
      long seed = in.readLong();
      String ptau = in.readUTF();
      return new SessionSpec(onnx, quant, plan, v, seed, ptau.isEmpty() ? null : ptau,
          magic == MAGIC_GKR ? GkrProofSystem.NAME : io.kubz.slicer.bundle.ProofBundle.PLONKISH);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated session context", e);
    }
  }

  /** Compiles every slice and makes its keys, as the coordinator did. */
  ProvingSession session() {
    QuantizedGraph q = graph();
    SlicePlan plan = SlicePlan.fromJson(planJson, q.graph(), new LoweredCost(q, visibility));
    return new ProvingSession(q, plan, visibility, srs(), KeyCache.inMemory(), ProgressListener.NONE);
  }

  /** Lowers every slice and loads the SRS, as a gkr coordinator did (its plan is in canonical form). */
  GkrSession gkrSession() {
    QuantizedGraph q = graph();
    SlicePlan plan = SlicePlan.fromJson(planJson, q.graph(), SliceCost.DEFAULT);
    return new GkrSession(q, plan, visibility, srs(), ProgressListener.NONE);
  }

  private QuantizedGraph graph() {
    Graph g = OnnxImporter.read(onnx, null, Map.of(), "the published model");
    return QuantizedGraph.quantize(g, QuantPlan.fromJson(quantJson));
  }

  private IntFunction<Srs> srs() {
    return ptau == null ? k -> io.kubz.poly.srs.SrsCache.defaultCache().dev(k, devSeed)
        : k -> PtauReader.read(Path.of(ptau), k);
  }

  static String digest(byte[] ctx) {
    try {
      return "session-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ctx));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    return new String(exactly(in, in.readInt(), Integer.MAX_VALUE), StandardCharsets.UTF_8);
  }

  private static byte[] exactly(DataInputStream in, int n, int max) throws IOException {
    if (n < 0 || n > max || n > in.available()) {
      throw new IllegalArgumentException("bad length " + n + " in session context");
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }
}
