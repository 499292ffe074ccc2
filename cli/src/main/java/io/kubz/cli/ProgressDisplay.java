package io.kubz.cli;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * Shows progress of long work on standard error: a redrawn bar with percentage and ETA on a
 * terminal, plain lines (one per step for short tasks, one per tenth otherwise) when the output is a
 * file or pipe, and nothing when quiet (for {@code --json}).
 */
public final class ProgressDisplay {
  private final PrintStream out;
  private final boolean terminal;
  private final boolean quiet;

  public ProgressDisplay(PrintStream out, boolean terminal, boolean quiet) {
    this.out = out;
    this.terminal = terminal;
    this.quiet = quiet;
  }

  /** A display on standard error that detects whether it is a terminal. */
  public static ProgressDisplay stderr(boolean quiet) {
    return new ProgressDisplay(System.err, isTerminal(), quiet);
  }

  /** Starts a task of {@code total} steps (0 when the count is unknown). */
  public Task start(String label, long total) {
    Task t = new Task(label, total);
    t.render(false);
    return t;
  }

  /** Whether the bar is redrawn in place (else progress is printed as plain lines). */
  boolean terminal() {
    return terminal;
  }

  /** Prints a line that is not progress (a heading or a result), keeping the bar intact. */
  public void line(String text) {
    if (!quiet) {
      out.println(text);
    }
  }

  /** One task's progress. Calls may come from several threads. */
  public final class Task {
    private final String label;
    private final long total;
    private final long startNanos = System.nanoTime();
    private long done;
    private long lastDrawNanos;
    private long lastPlainTenth = -1;
    private String detail = "";

    private Task(String label, long total) {
      this.label = label;
      this.total = total;
    }

    /** Records {@code steps} more finished steps; {@code what} names what is being done now. */
    public synchronized void advance(long steps, String what) {
      done += steps;
      detail = what == null ? "" : what;
      render(false);
    }

    public synchronized void finish() {
      done = Math.max(done, total);
      render(true);
    }

    private void render(boolean last) {
      if (quiet) {
        return;
      }
      long now = System.nanoTime();
      double elapsed = (now - startNanos) / 1e9;
      if (terminal) {
        if (!last && now - lastDrawNanos < 100_000_000L && done < total) {
          return;
        }
        lastDrawNanos = now;
        out.print("\r\033[K" + bar(elapsed));
        if (last) {
          out.println();
        }
        out.flush();
        return;
      }
      if (last) {
        out.printf(Locale.ROOT, "%s: done in %s%n", label, StageTable.seconds(elapsed));
        return;
      }
      if (total == 0) {
        return;
      }
      long tenth = done * 10 / total;
      if (total <= 20 || tenth > lastPlainTenth) {
        lastPlainTenth = tenth;
        if (done > 0) {
          out.printf(Locale.ROOT, "%s: %d/%d%s%n", label, done, total, detail.isEmpty() ? "" : " (" + detail + ")");
        }
      }
    }

    private String bar(double elapsed) {
      if (total == 0) {
        return String.format(Locale.ROOT, "%s  %d  %s  %s", label, done, StageTable.seconds(elapsed), detail);
      }
      int width = 24;
      int filled = (int) Math.min(width, done * width / total);
      String eta = done == 0 ? "?" : StageTable.seconds(elapsed * (total - done) / done);
      return String.format(Locale.ROOT, "%s [%s%s] %d/%d %3d%%  ETA %s  %s", label, "#".repeat(filled),
          "-".repeat(width - filled), done, total, done * 100 / total, eta, detail);
    }
  }

  /** Whether standard error is most likely a terminal (JDK 22+ can tell exactly). */
  static boolean isTerminal() {
    Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      Method m = Console.class.getMethod("isTerminal");
      return (Boolean) m.invoke(c);
    } catch (ReflectiveOperationException e) {
      return true; // JDK < 22: a console exists only when attached to a terminal
    }
  }
}
