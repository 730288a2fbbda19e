package dev.preflight.monitor;

import dev.preflight.common.InputException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The history file's schema and the checks made before it is used: that the file is intact, that it
 * is preflight's history (SQLite's {@code application_id}) and of the schema this version reads
 * ({@code user_version}). A file that fails a check is an {@link InputException} naming it, and is
 * left as it was.
 */
final class HistorySchema {
  /** SQLite's {@code application_id} for this file, "pflt" in ASCII. */
  private static final int APPLICATION_ID = 0x70666c74;

  private static final int VERSION = 1;

  private HistorySchema() {}

  /**
   * Checks the file and, in one immediate transaction (which fails at once when another process
   * holds a lock), creates the schema of a new file.
   */
  static void prepare(Connection connection, Path file) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      checkIntegrity(statement, file);
      statement.execute("BEGIN IMMEDIATE");
      int application = intPragma(statement, "application_id");
      if (application == 0 && !hasTables(statement)) {
        create(statement);
      } else {
        checkOurs(statement, application, file);
      }
      statement.execute("COMMIT");
    }
  }

  /** Checks that the file is intact and holds preflight's history of this schema. */
  static void check(Connection connection, Path file) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      checkIntegrity(statement, file);
      checkOurs(statement, intPragma(statement, "application_id"), file);
    }
  }

  private static void create(Statement statement) throws SQLException {
    statement.execute("PRAGMA application_id = " + APPLICATION_ID);
    statement.execute("PRAGMA user_version = " + VERSION);
    statement.execute(
        "CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT,"
            + " started_at_ms INTEGER NOT NULL, duration_ms INTEGER NOT NULL,"
            + " verdict TEXT NOT NULL, problems TEXT NOT NULL, report TEXT NOT NULL)");
    statement.execute("CREATE INDEX runs_started ON runs (started_at_ms)");
  }

  private static void checkIntegrity(Statement statement, Path file) throws SQLException {
    try (ResultSet rows = statement.executeQuery("PRAGMA quick_check")) {
      String result = rows.next() ? rows.getString(1) : "no answer";
      if (!"ok".equals(result)) {
        throw new InputException(
            file.toString(),
            "the history database is corrupt (SQLite's quick_check failed); move it away to"
                + " start a new history (nothing was changed)");
      }
    }
  }

  private static void checkOurs(Statement statement, int application, Path file)
      throws SQLException {
    if (application != APPLICATION_ID) {
      throw new InputException(
          file.toString(), "is an SQLite database of another program, not preflight's history");
    }
    int version = intPragma(statement, "user_version");
    if (version != VERSION) {
      throw new InputException(
          file.toString(),
          "has history schema " + version + "; this preflight reads schema " + VERSION);
    }
  }

  private static int intPragma(Statement statement, String name) throws SQLException {
    try (ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }

  private static boolean hasTables(Statement statement) throws SQLException {
    try (ResultSet rows =
        statement.executeQuery("SELECT count(*) FROM sqlite_schema WHERE type = 'table'")) {
      return rows.next() && rows.getInt(1) > 0;
    }
  }
}
