package dev.preflight.run;

import dev.preflight.common.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads a PAC script from an {@code http} or {@code https} URL, directly (never through a
 * proxy), within one deadline for the whole exchange and a size cap, so a slow or endless server
 * cannot hold the run or fill memory. Redirects are not followed.
 */
public final class PacFetcher {
  /** Larger than any real PAC file. */
  public static final int MAX_BYTES = 1 << 20;

  private PacFetcher() {}

  /**
   * The script text, decoded as UTF-8.
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
            .thenApply(response -> read(url, response));
    try {
      return body.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      body.cancel(true);
      throw failure(url, "no complete answer within " + deadline.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InputException input) {
        throw input;
      }
      throw failure(url, String.valueOf(cause));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(url, "interrupted");
    } finally {
      client.shutdownNow();
    }
  }

  private static String read(URI url, HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      if (response.statusCode() != 200) {
        throw failure(url, "the server answered HTTP " + response.statusCode());
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        bytes.write(buffer, 0, n);
        if (bytes.size() > MAX_BYTES) {
          throw failure(url, "the script is larger than " + (MAX_BYTES >> 10) + " KiB");
        }
      }
      return bytes.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw failure(url, e.toString());
    }
  }

  private static InputException failure(URI url, String reason) {
    return new InputException("--pac", "cannot fetch " + url + ": " + reason);
  }
}
