package dev.preflight.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.common.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite history: runs survive a restart, old ones are pruned, bad files stop serve. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HistoryTest {
  @TempDir Path dir;

  @Test
  void runsSurviveReopeningNewestFirstWithTheirProblems() throws Exception {
    try (History history = History.open(dir)) {
      history.record(MonitorReports.ready(), Monitor.json(MonitorReports.ready()));
      history.record(MonitorReports.blocked(), Monitor.json(MonitorReports.blocked()));
    }

    try (History history = History.open(dir)) {
      var runs = history.runs(10);
      assertThat(runs).extracting(History.Run::verdict).containsExactly("BLOCKED", "READY");
      assertThat(runs.get(0).problems())
          .containsExactly(
              new History.Problem("ztd", "ztd.dds.microsoft.com", "FAIL", "TCP_TIMEOUT"),
              new History.Problem("wu", "adl.windows.com", "WARN", "TLS_UNTRUSTED"));
      assertThat(runs.get(1).problems()).isEmpty();
      assertThat(history.summary(runs.get(0).id()).verdict().name()).isEqualTo("BLOCKED");
      assertThat(history.report(runs.get(1).id()))
          .hasValueSatisfying(json -> assertThat(json).contains("\"verdict\" : \"READY\""));
    }
  }

  @Test
  void runsOlderThanTheRetentionArePruned() throws Exception {
    try (History history = History.open(dir)) {
      history.record(MonitorReports.ready(), "{}");
      long kept = history.record(MonitorReports.blocked(), "{}");
      // Both started at STARTED; a day later with 12 hours of retention neither is kept...
      assertThat(
              history.prune(MonitorReports.STARTED.plus(Duration.ofDays(1)), Duration.ofHours(12)))
          .isEqualTo(2);
      assertThat(history.runs(10)).isEmpty();
      // ...and an hour later with a day of retention both would have been.
      history.record(MonitorReports.blocked(), "{}");
      assertThat(history.prune(MonitorReports.STARTED.plusSeconds(3600), Duration.ofDays(1)))
          .isZero();
      assertThat(history.runs(10)).extracting(History.Run::id).doesNotContain(kept).hasSize(1);
    }
  }

  @Test
  void aCorruptFileIsRefusedAndLeftAsItWas() throws Exception {
    Path file = dir.resolve(History.FILE_NAME);
    Files.writeString(file, "this is not a database\n".repeat(200));
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> History.open(dir))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining("corrupt or is not an SQLite database");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void anotherProgramsDatabaseIsRefused() throws Exception {
    Path file = dir.resolve(History.FILE_NAME);
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = other.createStatement()) {
      statement.execute("CREATE TABLE contacts (name TEXT)");
    }

    assertThatThrownBy(() -> History.open(dir))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("an SQLite database of another program");
  }

  @Test
  void aDatabaseLockedByAnotherProcessIsRefused() throws Exception {
    History.open(dir).close();
    Path file = dir.resolve(History.FILE_NAME);
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = other.createStatement()) {
      statement.execute("BEGIN EXCLUSIVE");

      assertThatThrownBy(() -> History.open(dir))
          .isInstanceOf(InputException.class)
          .hasMessageContaining("locked by another process");
    }
  }

  @Test
  void readingNeedsAnExistingHistory() {
    assertThatThrownBy(() -> History.openReadOnly(dir))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no history database here");
  }

  @Test
  void anUnknownRunIdIsNamed() {
    History.open(dir).close();
    try (History history = History.openReadOnly(dir)) {
      assertThatThrownBy(() -> history.summary(42)).hasMessageEndingWith("has no run 42");
    }
  }
}
