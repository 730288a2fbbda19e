import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * N TLS handshakes and one GET each to pK.gen.lab.example at ADDRESS, PARALLEL at once, with one
 * elliptic-curve stack: "jdk" (SunEC), "curves" (preflight's FastCurves in front) or "conscrypt"
 * (BoringSSL through Conscrypt, whose jar must be on the class path). Run by bench/tls-handshakes.sh.
 */
public final class TlsHandshakes {
  public static void main(String[] args) throws Exception {
    int count = Integer.parseInt(args[0]);
    String stack = args[1];
    InetAddress address = InetAddress.getByName(args[2]);
    int parallel = Integer.parseInt(args[3]);
    long start = System.nanoTime();
    SSLContext context = context(stack);
    long ready = System.nanoTime();
    Semaphore slots = new Semaphore(parallel);
    AtomicInteger done = new AtomicInteger();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 1; i <= count; i++) {
        String host = "p" + i + ".gen.lab.example";
        threads.submit(
            () -> {
              slots.acquireUninterruptibly();
              try {
                fetch(context, address, host);
                done.incrementAndGet();
              } catch (Exception e) {
                System.err.println(host + ": " + e);
              } finally {
                slots.release();
              }
            });
      }
    }
    long end = System.nanoTime();
    System.out.printf(
        "%-9s %d of %d done, set-up %d ms, handshakes %d ms%n",
        stack, done.get(), count, (ready - start) / 1_000_000, (end - ready) / 1_000_000);
  }

  private static SSLContext context(String stack) throws Exception {
    SSLContext context =
        switch (stack) {
          case "jdk" -> SSLContext.getInstance("TLS");
          case "curves" -> {
            Method install =
                Class.forName("dev.preflight.probe.net.FastCurves").getDeclaredMethod("install");
            install.setAccessible(true);
            install.invoke(null);
            yield SSLContext.getInstance("TLS");
          }
          case "conscrypt" ->
              SSLContext.getInstance(
                  "TLS",
                  (Provider)
                      Class.forName("org.conscrypt.OpenSSLProvider")
                          .getDeclaredConstructor()
                          .newInstance());
          default -> throw new IllegalArgumentException("stack: jdk, curves or conscrypt");
        };
    context.init(null, new TrustManager[] {productTrust()}, null);
    return context;
  }

  private static void fetch(SSLContext context, InetAddress address, String host)
      throws Exception {
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress(address, 443), 5_000);
      SSLSocket tls =
          (SSLSocket) context.getSocketFactory().createSocket(plain, host, 443, true);
      SSLParameters parameters = tls.getSSLParameters();
      parameters.setServerNames(List.of(new SNIHostName(host)));
      tls.setSSLParameters(parameters);
      tls.setSoTimeout(5_000);
      tls.startHandshake();
      tls.getSession().invalidate();
      String request = "GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
      tls.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      tls.getInputStream().read(new byte[4096]);
    }
  }

  /** preflight's own trust manager, which accepts every chain so that it can judge it later. */
  private static TrustManager productTrust() throws Exception {
    Field instance =
        Class.forName("dev.preflight.probe.net.CapturingTrustManager").getDeclaredField("INSTANCE");
    instance.setAccessible(true);
    return (TrustManager) instance.get(null);
  }
}
