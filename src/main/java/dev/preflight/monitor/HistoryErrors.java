package dev.preflight.monitor;

import dev.preflight.common.Display;
import dev.preflight.common.InputException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Puts a failure of the history database in words, naming the file: locked by another process,
 * corrupt, not a database, read-only, full disk. The SQLite result codes are those of
 * https://www.sqlite.org/rescode.html; only their primary code (the low byte) is looked at.
 */
final class HistoryErrors {
  private static final int BUSY = SQLiteErrorCode.SQLITE_BUSY.code;
  private static final int LOCKED = SQLiteErrorCode.SQLITE_LOCKED.code;
  private static final int READONLY = SQLiteErrorCode.SQLITE_READONLY.code;
  private static final int CORRUPT = SQLiteErrorCode.SQLITE_CORRUPT.code;
  private static final int FULL = SQLiteErrorCode.SQLITE_FULL.code;
  private static final int CANTOPEN = SQLiteErrorCode.SQLITE_CANTOPEN.code;
  private static final int NOTADB = SQLiteErrorCode.SQLITE_NOTADB.code;

  private HistoryErrors() {}

  /** The bad-input error (exit 3) for {@code error} on the database {@code file}. */
  static InputException of(Path file, SQLException error) {
    return new InputException(file.toString(), 0, reason(error), error);
  }

  static String reason(SQLException error) {
    int code = error instanceof SQLiteException sqlite ? sqlite.getResultCode().code & 0xff : -1;
    if (code == BUSY || code == LOCKED) {
      return "the history database is locked by another process (another preflight serve, or an"
          + " open sqlite3 transaction); stop it or choose another --data-dir";
    }
    if (code == CORRUPT || code == NOTADB) {
      return "the history database is corrupt or is not an SQLite database; move it away to"
          + " start a new history (nothing was changed)";
    }
    if (code == READONLY) {
      return "the history database is read-only";
    }
    if (code == FULL) {
      return "the disk is full";
    }
    if (code == CANTOPEN) {
      return "the history database cannot be opened (missing directory or permission denied)";
    }
    return "the history database failed: " + Display.line(error.getMessage(), 200);
  }
}
