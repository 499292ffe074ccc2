package io.kubz.slicer.exec;

import io.kubz.plonkish.ir.Argument;
import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.CopyConstraint;
import io.kubz.plonkish.ir.Gate;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of a compiled circuit before keygen, the key under which its keys are cached: SHA-256
 * over the shape (k, blinding, phases, column counts), every gate (name and expression text, the
 * arguments' included), the arguments' names, the copy constraints and every fixed value. Keys
 * are a function of exactly these and the SRS, so equal digests (under one SRS) mean equal keys;
 * the cache still checks the gates of a key it reads back.
 */
public final class CircuitDigest {
  private CircuitDigest() {}

  public static String of(CircuitDescription d) {
    MessageDigest sha = sha256();
    ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    buf.put("kubz-circuit-v1".getBytes(StandardCharsets.US_ASCII));
    buf.putInt(d.k()).putInt(d.blinding()).putInt(d.numFixed()).putInt(d.numInstance());
    ints(sha, buf, d.advicePhases());
    ints(sha, buf, d.challengePhases());
    for (Gate g : d.allGates()) {
      bytes(sha, buf, (g.name() + "\u0000" + g.polys()).getBytes(StandardCharsets.UTF_8));
    }
    for (Argument a : d.arguments()) {
      bytes(sha, buf, a.name().getBytes(StandardCharsets.UTF_8));
    }
    room(sha, buf, 4);
    buf.putInt(d.copies().size());
    for (CopyConstraint c : d.copies()) {
      room(sha, buf, 32);
      column(buf, c.a());
      buf.putInt(c.rowA());
      column(buf, c.b());
      buf.putInt(c.rowB());
    }
    for (long[] col : d.fixed()) {
      for (long limb : col) {
        room(sha, buf, 8);
        buf.putLong(limb);
      }
    }
    buf.flip();
    sha.update(buf);
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void column(ByteBuffer buf, Column c) {
    buf.putInt(c.kind());
    buf.putInt(c.index());
    buf.putInt(c instanceof Column.Advice a ? a.phase() : 0);
  }

  private static void ints(MessageDigest sha, ByteBuffer buf, int[] a) {
    room(sha, buf, 4);
    buf.putInt(a.length);
    for (int v : a) {
      room(sha, buf, 4);
      buf.putInt(v);
    }
  }

  private static void bytes(MessageDigest sha, ByteBuffer buf, byte[] b) {
    room(sha, buf, 4);
    buf.putInt(b.length);
    buf.flip();
    sha.update(buf);
    buf.clear();
    sha.update(b);
  }

  private static void room(MessageDigest sha, ByteBuffer buf, int need) {
    if (buf.remaining() < need) {
      buf.flip();
      sha.update(buf);
      buf.clear();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
