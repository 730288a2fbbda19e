package dev.preflight.common;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Why a file or network operation failed, in words a reader understands — "no such file",
 * "permission denied", "the disk is full", "the connection was reset" — never a Java class name.
 * Every message that reports an I/O failure takes its reason from here.
 */
public final class IoErrors {
  /** A Java class name at the start of a message, as {@code Throwable.toString()} writes it. */
  private static final Pattern CLASS_PREFIX =
      Pattern.compile("^(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)(?::\\s*|$)");

  private IoErrors() {}

  /** The reason for {@code error}, without the file name (the caller names the file). */
  public static String reason(IOException error) {
    return switch (error) {
      case NoSuchFileException e -> "no such file";
      case AccessDeniedException e -> "permission denied";
      case NotDirectoryException e -> "a part of the path is not a directory";
      case FileAlreadyExistsException e -> "the file already exists";
      case DirectoryNotEmptyException e -> "the directory is not empty";
      case FileSystemLoopException e -> "the path loops through symbolic links";
      case CharacterCodingException e -> "not UTF-8 text";
      case EOFException e -> e.getMessage() == null ? "it ended early" : fromText(e.getMessage());
      case FileSystemException e -> fromText(e.getReason());
      case UnknownHostException e -> "the name does not resolve";
      case SocketTimeoutException e -> "no answer within the deadline";
      case HttpTimeoutException e -> "no answer within the deadline";
      default -> fromText(error.getMessage());
    };
  }

  /** Maps the operating system's wording (strerror) onto ours; unknown text is kept, escaped. */
  private static String fromText(String text) {
    if (text == null || text.isBlank()) {
      return "an input/output error";
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains("no space left")) {
      return "the disk is full";
    }
    if (lower.contains("quota")) {
      return "the disk quota is exceeded";
    }
    if (lower.contains("read-only file system")) {
      return "the file system is read-only";
    }
    if (lower.contains("is a directory")) {
      return "it is a directory";
    }
    if (lower.contains("permission denied") || lower.contains("operation not permitted")) {
      return "permission denied";
    }
    if (lower.contains("no such file")) {
      return "no such file";
    }
    if (lower.contains("too many open files")) {
      return "too many open files";
    }
    String network = network(lower);
    return network != null ? network : Display.line(lowerFirst(withoutClassNames(text)), 200);
  }

  /** The operating system's words for network failures (ECONNRESET, EPIPE, ENETUNREACH, ...). */
  private static @Nullable String network(String lower) {
    if (lower.contains("connection refused")) {
      return "the connection was refused";
    }
    if (lower.contains("connection reset")) {
      return "the connection was reset";
    }
    if (lower.contains("broken pipe")) {
      return "the peer closed the connection";
    }
    if (lower.contains("network is unreachable")) {
      return "the network is unreachable";
    }
    if (lower.contains("no route to host") || lower.contains("host is unreachable")) {
      return "no route to the host";
    }
    if (lower.contains("timed out")) {
      return "no answer within the deadline";
    }
    return null;
  }

  /** {@code text} without leading class names: "javax.net.ssl.SSLException: x" becomes "x". */
  static String withoutClassNames(String text) {
    String rest = text;
    for (Matcher m = CLASS_PREFIX.matcher(rest); m.find(); m = CLASS_PREFIX.matcher(rest)) {
      rest = rest.substring(m.end());
    }
    return rest.isBlank() ? "an input/output error" : rest;
  }

  /** "Stale file handle" becomes "stale file handle"; an acronym such as "SSL peer" stays. */
  private static String lowerFirst(String text) {
    if (text.isEmpty() || text.length() > 1 && Character.isUpperCase(text.charAt(1))) {
      return text;
    }
    return Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
