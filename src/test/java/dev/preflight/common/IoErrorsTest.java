package dev.preflight.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Timeout(10)
class IoErrorsTest {
  @Test
  void reasonsAreWordsNotClassNames() {
    assertThat(IoErrors.reason(new NoSuchFileException("/x"))).isEqualTo("no such file");
    assertThat(IoErrors.reason(new AccessDeniedException("/x"))).isEqualTo("permission denied");
    assertThat(IoErrors.reason(new MalformedInputException(1))).isEqualTo("not UTF-8 text");
    assertThat(IoErrors.reason(new FileSystemException("/x", null, "No space left on device")))
        .isEqualTo("the disk is full");
    assertThat(IoErrors.reason(new IOException("Read-only file system")))
        .isEqualTo("the file system is read-only");
    assertThat(IoErrors.reason(new IOException((String) null))).isEqualTo("an input/output error");
  }

  @Test
  void unknownTextIsKeptEscaped() {
    assertThat(IoErrors.reason(new IOException("Stale file handle\u001b[2J")))
        .isEqualTo("stale file handle\\x1b[2J")
        .doesNotContain("java.");
  }

  @Test
  void networkFailuresAreWordsToo() {
    assertThat(IoErrors.reason(new java.net.SocketException("Connection reset by peer")))
        .isEqualTo("the connection was reset");
    assertThat(IoErrors.reason(new java.net.ConnectException("Connection refused")))
        .isEqualTo("the connection was refused");
    assertThat(IoErrors.reason(new java.net.SocketException("Network is unreachable")))
        .isEqualTo("the network is unreachable");
    assertThat(IoErrors.reason(new java.net.SocketTimeoutException("Read timed out")))
        .isEqualTo("no answer within the deadline");
    assertThat(IoErrors.reason(new java.net.UnknownHostException("wpad.corp")))
        .isEqualTo("the name does not resolve");
  }

  @Test
  void classNamesInsideMessagesAreDropped() {
    IOException wrapped =
        new javax.net.ssl.SSLException(
            new java.io.IOException(
                "java.io.EOFException: Unsupported or unrecognized SSL message"));

    assertThat(IoErrors.reason(wrapped))
        .isEqualTo("unsupported or unrecognized SSL message")
        .doesNotContain("java", "Exception");
    assertThat(IoErrors.reason(new IOException(new IllegalStateException())))
        .isEqualTo("an input/output error");
  }
}
