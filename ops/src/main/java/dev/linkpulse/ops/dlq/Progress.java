package dev.linkpulse.ops.dlq;

import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress bar of a move. On a terminal it redraws in place on stderr; otherwise (a pipe, a CI log, a test)
 * it prints its final state once, as one line, when the work ends.
 */
final class Progress implements AutoCloseable {
  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  static Progress start(String task, long max, PrintWriter err) {
    boolean terminal = System.console() != null;
    ProgressBarConsumer consumer = terminal ? new ConsoleProgressBarConsumer(System.err) : new FinalLine(err);
    ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setConsumer(consumer)
        .setStyle(terminal ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII).setUpdateIntervalMillis(terminal ? 200 : 1000)
        .setUnit(" msg", 1).showSpeed();
    return new Progress(builder.build());
  }

  void step(long n) {
    bar.stepBy(n);
  }

  void stepTo(long n) {
    bar.stepTo(n);
  }

  void max(long n) {
    bar.maxHint(n);
  }

  @Override
  public void close() {
    bar.close();
  }

  /** Keeps the latest rendering and prints it when the bar closes. */
  private static final class FinalLine implements ProgressBarConsumer {
    private final PrintWriter err;
    private volatile String last;

    FinalLine(PrintWriter err) {
      this.err = err;
    }

    @Override
    public int getMaxRenderedLength() {
      return 100;
    }

    @Override
    public void accept(String rendered) {
      last = rendered;
    }

    @Override
    public void close() {
      String line = last;
      if (line != null) {
        err.println(line.strip());
        err.flush();
      }
    }
  }
}
