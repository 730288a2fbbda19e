package dev.preflight.common;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Why a file operation failed, in words a reader understands — "no such file", "permission denied",
 * "the disk is full" — never a Java class name. Every message that reports an I/O failure on a file
 * takes its reason from here.
 */
public final class IoErrors {
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
      case EOFException e -> "it ended early";
      case FileSystemException e -> fromText(e.getReason());
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
    return Display.line(lowerFirst(text), 200);
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
