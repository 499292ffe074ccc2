package io.kubz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StageTableTest {
  @Test
  void recordsEachStageWithTimeAndPeakMemory() {
    StageTable t = new StageTable();
    int v = t.run("witness", () -> 42);
    t.run("prove", () -> {
      long[] big = new long[8 << 20]; // 64 MiB touched, so the stage's peak is at least that
      for (int i = 0; i < big.length; i += 512) {
        big[i] = i;
      }
    });
    assertEquals(42, v);
    List<StageTable.Stage> s = t.stages();
    assertEquals(List.of("witness", "prove"), s.stream().map(StageTable.Stage::name).toList());
    assertTrue(s.get(1).peakBytes() >= 64L << 20, "peak " + s.get(1).peakBytes());
    String table = t.render();
    assertTrue(table.contains("witness") && table.contains("prove") && table.contains("total"), table);
    assertEquals(2, t.toJson().size());
  }

  @Test
  void formatsHumanUnits() {
    assertEquals("250 ms", StageTable.seconds(0.25));
    assertEquals("1.50 s", StageTable.seconds(1.5));
    assertEquals("512 MiB", StageTable.bytes(512L << 20));
    assertEquals("2.00 GiB", StageTable.bytes(2L << 30));
  }
}
