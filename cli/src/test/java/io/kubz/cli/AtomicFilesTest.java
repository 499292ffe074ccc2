package io.kubz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  private long filesIn(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.count();
    }
  }

  @Test
  void writesTheContentAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("sub/bundle.kubz");
    AtomicFiles.writeString(target, "first");
    AtomicFiles.writeString(target, "second");
    assertEquals("second", Files.readString(target));
    assertEquals(1, filesIn(target.getParent()));
  }

  @Test
  void aFailingWriterLeavesTheOldFileUntouched() throws IOException {
    Path target = dir.resolve("plan.json");
    AtomicFiles.writeString(target, "old");
    assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
      out.write("half of the new".getBytes());
      throw new IOException("disk full");
    }));
    assertEquals("old", Files.readString(target));
    assertEquals(1, filesIn(dir));
  }
}
