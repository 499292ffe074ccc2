package io.kubz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubz.field.UsageException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void unitsAndIso() {
    assertEquals(Duration.ofSeconds(90), Durations.parse("90s", "--x"));
    assertEquals(Duration.ofSeconds(90), Durations.parse("90", "--x"));
    assertEquals(Duration.ofMinutes(10), Durations.parse("10m", "--x"));
    assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m", "--x"));
    assertEquals(Duration.ofMillis(500), Durations.parse("500ms", "--x"));
    assertEquals(Duration.ofMillis(1500), Durations.parse("1.5s", "--x"));
    assertEquals(Duration.ofMinutes(10), Durations.parse("PT10M", "--x"));
  }

  @Test
  void rejectsWhatIsNotAPositiveDuration() {
    for (String s : new String[] {"", "soon", "0s", "-5s", "10x", "5s5", "m", "PT-1S"}) {
      UsageException e = assertThrows(UsageException.class, () -> Durations.parse(s, "--slice-timeout"), s);
      assertEquals(true, e.getMessage().startsWith("--slice-timeout takes"), e.getMessage());
    }
  }
}
