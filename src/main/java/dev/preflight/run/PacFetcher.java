package dev.preflight.run;

import dev.preflight.common.Display;
import dev.preflight.common.InputException;
import dev.preflight.common.InputFiles;
import dev.preflight.common.InputKind;
import dev.preflight.common.IoErrors;
import dev.preflight.common.Secrets;
import dev.preflight.policy.pac.PacScript;
import dev.preflight.verdict.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads a PAC script from an {@code http} or {@code https} URL, directly (never through a
 * proxy), within one deadline for the whole exchange and the size cap of {@link
 * InputKind#PAC_DOWNLOAD}, so a slow or endless server cannot hold the run or fill memory.
 * Redirects are not followed. Messages show the URL with any password redacted.
 */
public final class PacFetcher {
  /** The largest script downloaded: the limit of {@link InputKind#PAC_DOWNLOAD}. */
  public static final int MAX_BYTES = (int) InputKind.PAC_DOWNLOAD.maxBytes();

  private PacFetcher() {}

  /**
   * The script named by {@code fileOrUrl}: downloaded within {@code deadline} when it is an {@code
   * http} or {@code https} URL, else read as a file. The script is named by the URL with any
   * password redacted, since that name reaches messages and evidence.
   */
  public static PacScript script(String fileOrUrl, Duration deadline) {
    if (!isUrl(fileOrUrl)) {
      return PacScript.fromFile(Path.of(fileOrUrl));
    }
    URI url;
    try {
      url = URI.create(fileOrUrl);
    } catch (IllegalArgumentException e) {
      throw new InputException(
          "--pac", "'" + Display.line(Secrets.redact(fileOrUrl)) + "' is not a valid URL");
    }
    return PacScript.of(Secrets.redact(fileOrUrl), fetch(url, deadline));
  }

  /** True when {@code fileOrUrl} names an {@code http} or {@code https} URL, not a file. */
  public static boolean isUrl(String fileOrUrl) {
    String lower = fileOrUrl.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  /**
   * The script text, decoded as a PAC file is.
   *
   * @throws InputException naming {@code --pac} and the URL when the download fails, answers other
   *     than 200, exceeds the cap or the deadline
   */
  public static String fetch(URI url, Duration deadline) {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(deadline)
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(HttpClient.Builder.NO_PROXY)
            .build();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(deadline).GET().build();
    CompletableFuture<String> body =
        client
            .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
            .thenApply(response -> read(url, response, deadline));
    try {
      return body.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      body.cancel(true);
      throw failure(url, "no complete answer within " + Durations.human(deadline));
    } catch (ExecutionException e) {
      throw failure(url, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(url, "interrupted");
    } finally {
      client.shutdownNow();
    }
  }

  private static String read(URI url, HttpResponse<InputStream> response, Duration deadline) {
    try (InputStream in = response.body()) {
      if (response.statusCode() != 200) {
        throw failure(url, "the server answered HTTP " + response.statusCode());
      }
      String source = Secrets.redact(url.toString());
      return InputFiles.readText(in, source, InputKind.PAC_DOWNLOAD.withDeadline(deadline));
    } catch (IOException e) {
      throw failure(url, IoErrors.reason(e));
    }
  }

  private static InputException failure(URI url, Throwable cause) {
    return switch (cause) {
      case InputException input when input.source().equals("--pac") -> input;
      case InputException input -> failure(url, input.reason());
      case IOException io -> failure(url, IoErrors.reason(io));
      default -> failure(url, "an internal error");
    };
  }

  private static InputException failure(URI url, String reason) {
    return new InputException(
        "--pac", "cannot fetch " + Secrets.redact(url.toString()) + ": " + reason);
  }
}
