package io.kubz.poly.srs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubz.field.Fixtures;
import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.poly.LagrangePoly;
import io.kubz.poly.kzg.Kzg;
import io.kubz.poly.ntt.Domain;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * snarkjs's prepared ptau holds [L_i(τ)]_1 for every domain size (section 12, level k at point
 * offset 2^k − 1). Our commitLagrange of the unit vector e_i must give the same point: this checks
 * our roots of unity, inverse NTT and commitment against an independent implementation.
 */
class PtauLagrangeTest {
  @Test
  void commitLagrangeMatchesSnarkjsLagrangeBasis() throws Exception {
    Optional<Path> p = Fixtures.resolve("ptau/pot10_final.ptau");
    Assumptions.assumeTrue(p.isPresent(), "fixtures absent: ptau/pot10_final.ptau");
    Kzg kzg = new Kzg(PtauReader.read(p.get(), 10));
    try (FileChannel ch = FileChannel.open(p.get(), StandardOpenOption.READ)) {
      long[] s12 = PtauReader.header(p.get(), ch).sections().get(12);
      for (int k : new int[] {0, 1, 3, 6}) {
        int n = 1 << k;
        ByteBuffer b = ByteBuffer.allocate(64 * n).order(ByteOrder.LITTLE_ENDIAN);
        ch.read(b, s12[0] + 64L * (n - 1));
        b.flip();
        Domain d = Domain.of(k);
        for (int i = 0; i < n; i++) {
          long[] pt = new long[8];
          for (int l = 0; l < 8; l++) {
            pt[l] = b.getLong();
          }
          Fr[] unit = new Fr[n];
          Arrays.fill(unit, Fr.ZERO);
          unit[i] = Fr.ONE;
          assertEquals(G1.readAffine(pt, 0), kzg.commitLagrange(LagrangePoly.of(d, unit)),
              "L_" + i + " on 2^" + k);
        }
      }
    }
  }
}
