package io.kubz.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubz.slicer.exec.SliceJob;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SliceJobCodecTest {
  @Test
  void roundTripsAndRejectsTruncation() {
    SliceJob j = new SliceJob(7, "abc", 12, 1L << 33, Map.of("x", new long[] {0, -1, Long.MIN_VALUE, 5}, "y",
        new long[0]), Map.of("x", new byte[] {1, 2, 3}));
    byte[] b = SliceJobCodec.encode(j);
    SliceJob d = SliceJobCodec.decode(b);
    assertEquals(7, d.sliceId());
    assertEquals("abc", d.circuitDigest());
    assertEquals(12, d.k());
    assertEquals(1L << 33, d.peakBytes());
    assertArrayEquals(j.tensors().get("x"), d.tensors().get("x"));
    assertEquals(0, d.tensors().get("y").length);
    assertArrayEquals(new byte[] {1, 2, 3}, d.salts().get("x"));
    assertArrayEquals(b, SliceJobCodec.encode(d), "canonical bytes");
    assertThrows(IllegalArgumentException.class, () -> SliceJobCodec.decode(Arrays.copyOf(b, b.length - 1)));
    assertThrows(IllegalArgumentException.class, () -> SliceJobCodec.decode(new byte[] {1, 2, 3, 4}));
  }
}
