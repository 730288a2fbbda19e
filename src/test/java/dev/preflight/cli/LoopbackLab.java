package dev.preflight.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.testing.DnsTestServer;
import dev.preflight.testing.TestCertificates;
import dev.preflight.testing.TestCertificates.Authority;
import dev.preflight.testing.TestCertificates.Identity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.stream.StreamSupport;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * What an end-to-end {@code preflight check} needs to stay on loopback: a DNS responder every name
 * goes to ({@code --dns-server}), so the shipped catalog's names get NXDOMAIN instead of leaving
 * the machine; catalog entries addressed as {@code 127.0.0.1} (a literal is never resolved, so it
 * is no sinkhole); and certificates for that address under a test root given with {@code
 * --ca-file}.
 */
final class LoopbackLab implements AutoCloseable {
  static final Authority ROOT = TestCertificates.root("CN=Preflight Lab Root,O=Preflight Tests");

  final DnsTestServer dns = new DnsTestServer();
  final Path dir;
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final StringBuilder entries = new StringBuilder();

  LoopbackLab(Path dir) {
    this.dir = dir;
  }

  <T extends AutoCloseable> T add(T resource) {
    closing.add(resource);
    return resource;
  }

  /** A catalog entry of service {@code lab}; {@code extra} is more YAML ("expect: ..."). */
  LoopbackLab entry(String id, String host, String protocol, int port, String impact) {
    entries.append(
        """
          - id: %s
            service: lab
            host: "%s"
            protocol: %s
            ports: [%d]
            impact: %s
            scenarios: [user-driven, hybrid-join]
            source: {page: loopback lab, date: 2026-11-26}
        """
            .formatted(id, host, protocol, port, impact));
    return this;
  }

  /** Overrides a shipped entry by id, keeping its service (for the hybrid-join {@code {dc}}). */
  LoopbackLab override(String id, String service, String host, String protocol, int port) {
    entries.append(
        """
          - id: %s
            service: %s
            host: "%s"
            protocol: %s
            ports: [%d]
            impact: BLOCKING
            scenarios: [hybrid-join]
            source: {page: loopback lab, date: 2026-11-26}
        """
            .formatted(id, service, host, protocol, port));
    return this;
  }

  /** Adds one catalog entry written out in YAML (the lines of a list item under endpoints). */
  LoopbackLab raw(String entryYaml) {
    entries.append(entryYaml.indent(2));
    return this;
  }

  Path catalog() throws IOException {
    String yaml =
        """
        services:
          - id: lab
            name: Loopback lab
            consequence: Nothing; these endpoints exist for tests.
        """
            + (entries.isEmpty() ? "" : "endpoints:\n" + entries);
    return Files.writeString(dir.resolve("lab-catalog.yaml"), yaml);
  }

  Path rootPem() throws IOException {
    return Files.writeString(dir.resolve("lab-root.pem"), pem(ROOT.certificate()));
  }

  String dnsServer() {
    return "127.0.0.1:" + dns.address().getPort();
  }

  /** One command-line run's exit code and captured streams. */
  record Run(int code, String out, String err) {
    JsonNode json() throws IOException {
      return new ObjectMapper().readTree(out);
    }
  }

  /**
   * Runs {@code preflight check} with the lab's catalog, DNS server and root, then {@code args}.
   */
  Run check(String... args) throws IOException {
    List<String> all =
        new ArrayList<>(
            List.of(
                "check",
                "--catalog",
                catalog().toString(),
                "--dns-server",
                dnsServer(),
                "--ca-file",
                rootPem().toString()));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  /** The endpoint object with {@code id} in a JSON report. */
  static JsonNode endpoint(JsonNode report, String id) {
    return StreamSupport.stream(report.get("services").spliterator(), false)
        .flatMap(s -> StreamSupport.stream(s.get("endpoints").spliterator(), false))
        .filter(e -> e.get("id").asText().equals(id))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no endpoint " + id + " in " + report.findValuesAsText("id")));
  }

  /** A loopback port nothing listens on. */
  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A leaf for the IP address 127.0.0.1 issued by {@code issuer}. */
  static Identity loopbackLeaf(Authority issuer) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      KeyPair pair = generator.generateKeyPair();
      Instant now = Instant.now();
      var builder =
          new JcaX509v3CertificateBuilder(
              issuer.certificate(),
              BigInteger.valueOf(now.toEpochMilli()),
              Date.from(now.minus(Duration.ofDays(1))),
              Date.from(now.plus(Duration.ofDays(30))),
              new X500Name("CN=127.0.0.1"),
              pair.getPublic());
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
      X509Certificate leaf =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.key())));
      List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
      chain.addAll(issuer.chain());
      return new Identity(pair.getPrivate(), chain);
    } catch (GeneralSecurityException
        | org.bouncycastle.operator.OperatorCreationException
        | org.bouncycastle.cert.CertIOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(X509Certificate certificate) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    dns.close();
    for (AutoCloseable resource : closing) {
      try {
        resource.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
