import java.security.KeyPairGeneratorSpi;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;

/** Microseconds per X25519 key pair from one generator class: bench/key-shares.sh runs it. */
public class KeyShares {
  public static void main(String[] args) throws Exception {
    String generator = args[0];
    int count = Integer.parseInt(args[1]);
    KeyPairGeneratorSpi keys =
        (KeyPairGeneratorSpi) Class.forName(generator).getConstructor().newInstance();
    keys.initialize(NamedParameterSpec.X25519, new SecureRandom());
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      keys.generateKeyPair();
    }
    double micros = (System.nanoTime() - start) / 1e3 / count;
    System.out.printf("%-60s %d key pairs, %.1f us each%n", generator, count, micros);
  }
}
