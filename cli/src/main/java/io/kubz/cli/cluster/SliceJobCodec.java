package io.kubz.cli.cluster;

import io.kubz.slicer.exec.SliceJob;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** {@link SliceJob} to bytes and back (names sorted, so equal jobs give equal bytes). */
final class SliceJobCodec {
  private static final int MAGIC = 0x4b5a534a; // "KZSJ"

  private SliceJobCodec() {}

  static byte[] encode(SliceJob j) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(j.sliceId());
      out.writeUTF(j.circuitDigest());
      out.writeInt(j.k());
      out.writeLong(j.peakBytes());
      out.writeInt(j.tensors().size());
      for (Map.Entry<String, long[]> e : new TreeMap<>(j.tensors()).entrySet()) {
        out.writeUTF(e.getKey());
        out.writeInt(e.getValue().length);
        for (long v : e.getValue()) {
          out.writeLong(v);
        }
      }
      out.writeInt(j.salts().size());
      for (Map.Entry<String, byte[]> e : new TreeMap<>(j.salts()).entrySet()) {
        out.writeUTF(e.getKey());
        out.writeInt(e.getValue().length);
        out.write(e.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static SliceJob decode(byte[] b) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException("not a slice job");
      }
      int id = in.readInt();
      String digest = in.readUTF();
      int k = in.readInt();
      long peak = in.readLong();
      Map<String, long[]> tensors = new LinkedHashMap<>();
      for (int i = count(in, b.length); i > 0; i--) {
        String name = in.readUTF();
        long[] v = new long[count(in, b.length / 8)];
        for (int x = 0; x < v.length; x++) {
          v[x] = in.readLong();
        }
        tensors.put(name, v);
      }
      Map<String, byte[]> salts = new LinkedHashMap<>();
      for (int i = count(in, b.length); i > 0; i--) {
        String name = in.readUTF();
        byte[] salt = new byte[count(in, b.length)];
        in.readFully(salt);
        salts.put(name, salt);
      }
      if (in.available() != 0) {
        throw new IllegalArgumentException("trailing bytes after slice job");
      }
      return new SliceJob(id, digest, k, peak, tensors, salts);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated slice job", e);
    }
  }

  private static int count(DataInputStream in, int max) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > max) {
      throw new IllegalArgumentException("bad count " + n + " in slice job");
    }
    return n;
  }
}
