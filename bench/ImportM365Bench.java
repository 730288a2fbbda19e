import dev.preflight.catalog.M365Import;
import dev.preflight.catalog.M365Importer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Imports a generated Microsoft 365 endpoint list of about 30 MiB (many sets, long IP lists, names
 * repeated across sets) and prints wall and CPU time and the live heap afterwards. Run through bench/import-m365.sh,
 * which caps the heap so that a parser holding the whole file would fail.
 */
public final class ImportM365Bench {
  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("preflight-bench");
    Path file = dir.resolve("endpoints.json");
    int sets = generate(file, 30L * 1024 * 1024);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    M365Import result = M365Importer.importFile(file, M365Importer.Options.ALL);
    long millis = (System.nanoTime() - start) / 1_000_000;
    long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
    System.out.printf("file            %.1f MiB, %d endpoint sets%n", Files.size(file) / 1048576.0, sets);
    System.out.printf("import          %d ms wall, %d ms CPU (%.1f MiB per CPU second)%n", millis, cpuMillis, Files.size(file) / 1048576.0 / (cpuMillis / 1000.0));
    System.out.printf("entries         %d from %d sets, %d warnings%n", result.endpoints().size(), result.setsUsed(), result.warnings().size());
    System.gc();
    System.out.printf("heap after GC   %.1f MiB live (max heap %.0f MiB)%n", (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
    Files.delete(file);
    Files.delete(dir);
  }

  private static int generate(Path file, long bytes) throws IOException {
    int sets = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      out.write("[\n");
      long written = 2;
      while (written < bytes) {
        StringBuilder set = new StringBuilder();
        set.append(sets == 0 ? "" : ",\n").append("{\"id\": ").append(sets)
            .append(", \"serviceArea\": \"Common\", \"urls\": [");
        for (int u = 0; u < 20; u++) {
          set.append(u == 0 ? "" : ", ").append("\"host").append((sets * 20 + u) % 5000).append(".example.com\"");
        }
        set.append("], \"ips\": [");
        for (int i = 0; i < 200; i++) {
          set.append(i == 0 ? "" : ", ").append("\"10.").append(i).append('.').append(sets % 256).append(".0/24\"");
        }
        set.append("], \"tcpPorts\": \"80,443\", \"category\": \"Default\", \"required\": true,")
            .append(" \"notes\": \"generated set ").append(sets).append("\"}");
        out.write(set.toString());
        written += set.length();
        sets++;
      }
      out.write("\n]\n");
    }
    return sets;
  }

}
