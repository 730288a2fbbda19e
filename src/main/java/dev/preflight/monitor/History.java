package dev.preflight.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.common.InputException;
import dev.preflight.common.IoErrors;
import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.Report;
import dev.preflight.verdict.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * Every run's report and verdict, in an SQLite database ({@code history.db} under the data
 * directory) that survives restarts and can be read with the {@code sqlite3} tool.
 *
 * <p>Opening checks the file before anything is served: another program's database, a corrupt file
 * or one locked by another process is an {@link InputException} (exit 3) and the file is left as it
 * was. Each run is one committed transaction in a rollback journal with full synchronous writes, so
 * a run is stored whole or not at all, even if the process is killed mid-write. Methods are
 * serialized on the one connection.
 */
public final class History implements AutoCloseable {
  /** The database file's name inside the data directory. */
  public static final String FILE_NAME = "history.db";

  private static final int BUSY_TIMEOUT_MS = 2000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Connection connection;

  private History(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** One stored run, without its report. */
  public record Run(
      long id, Instant startedAt, long durationMs, String verdict, List<Problem> problems) {
    public Run {
      problems = List.copyOf(problems);
    }
  }

  /** An endpoint that failed or warned in a stored run. */
  public record Problem(String id, String host, String status, String cause) {}

  /** Opens (creating it if needed) the history in {@code dataDir}, ready to record runs. */
  public static History open(Path dataDir) {
    createDirectories(dataDir);
    Path file = dataDir.resolve(FILE_NAME);
    History history = connect(file, false);
    history.initialize();
    return history;
  }

  /** Opens the existing history in {@code dataDir} for reading only ({@code diff}). */
  public static History openReadOnly(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new InputException(file.toString(), "cannot read: no history database here");
    }
    History history = connect(file, true);
    history.checkReadable();
    return history;
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  /** Stores one run; returns its id. */
  public synchronized long record(Report report, String json) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO runs (started_at_ms, duration_ms, verdict, problems, report)"
                + " VALUES (?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setLong(1, report.startedAt().toEpochMilli());
      insert.setLong(2, report.duration().toMillis());
      insert.setString(3, report.verdict().name());
      insert.setString(4, problems(report));
      insert.setString(5, json);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** Deletes the runs that started before {@code now - retention}; returns how many. */
  public synchronized int prune(Instant now, Duration retention) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM runs WHERE started_at_ms < ?")) {
      delete.setLong(1, now.minus(retention).toEpochMilli());
      return delete.executeUpdate();
    }
  }

  /** The newest {@code limit} runs, newest first. */
  public synchronized List<Run> runs(int limit) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, started_at_ms, duration_ms, verdict, problems FROM runs"
                + " ORDER BY id DESC LIMIT ?")) {
      select.setInt(1, limit);
      List<Run> runs = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          runs.add(
              new Run(
                  rows.getLong(1),
                  Instant.ofEpochMilli(rows.getLong(2)),
                  rows.getLong(3),
                  rows.getString(4),
                  parseProblems(rows.getString(5))));
        }
      }
      return runs;
    }
  }

  /** The JSON report of run {@code id}, if it is stored. */
  public synchronized Optional<String> report(long id) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT report FROM runs WHERE id = ?")) {
      select.setLong(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
      }
    }
  }

  /**
   * The summary of run {@code id}, read back from its stored report.
   *
   * @throws InputException when the run is not stored or cannot be read
   */
  public ReportSummary summary(long id) {
    String source = file + " run " + id;
    try {
      String json =
          report(id).orElseThrow(() -> new InputException(file.toString(), "has no run " + id));
      return ReportReader.read(json, source);
    } catch (SQLException e) {
      throw HistoryErrors.of(file, e);
    }
  }

  /** The ids of the newest {@code count} runs, newest first. */
  public synchronized List<Long> latestIds(int count) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT id FROM runs ORDER BY id DESC LIMIT ?")) {
      select.setInt(1, count);
      List<Long> ids = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
      return ids;
    }
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw HistoryErrors.of(file, e);
    }
  }

  private static void createDirectories(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new InputException(dataDir.toString(), 0, "cannot create: " + IoErrors.reason(e), e);
    }
  }

  private static History connect(Path file, boolean readOnly) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setReadOnly(readOnly);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    try {
      return new History(file, config.createConnection("jdbc:sqlite:" + file.toAbsolutePath()));
    } catch (SQLException e) {
      throw HistoryErrors.of(file, e);
    }
  }

  /** Checks the file and creates the schema of a new one; closes the connection on failure. */
  private void initialize() {
    closingOnFailure(() -> HistorySchema.prepare(connection, file));
  }

  /** Checks that the file is intact and preflight's; closes the connection on failure. */
  private void checkReadable() {
    closingOnFailure(() -> HistorySchema.check(connection, file));
  }

  private void closingOnFailure(SqlStep step) {
    try {
      step.run();
    } catch (SQLException e) {
      closeQuietly();
      throw HistoryErrors.of(file, e);
    } catch (InputException e) {
      closeQuietly();
      throw e;
    }
  }

  private interface SqlStep {
    void run() throws SQLException;
  }

  private static String problems(Report report) {
    List<Map<String, String>> problems = new ArrayList<>();
    for (EndpointResult e : report.endpoints()) {
      if ((e.status() == Status.FAIL || e.status() == Status.WARN) && e.cause() != null) {
        problems.add(
            Map.of(
                "id", e.endpoint().id(),
                "host", e.endpoint().host(),
                "status", e.status().name(),
                "cause", e.cause().name()));
      }
    }
    try {
      return JSON.writeValueAsString(problems);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a list of strings as JSON", e);
    }
  }

  private static List<Problem> parseProblems(String json) {
    try {
      return List.of(JSON.readValue(json, Problem[].class));
    } catch (JsonProcessingException e) {
      return List.of();
    }
  }

  private void closeQuietly() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Already failing with a clearer message.
    }
  }
}
