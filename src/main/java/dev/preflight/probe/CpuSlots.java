package dev.preflight.probe;

import dev.preflight.probe.net.NetworkWaits;
import java.util.concurrent.Semaphore;

/**
 * Slots for the CPU-heavy part of probes, the TLS handshake and the judging of its chain: about one
 * per core, so that a burst of handshakes queues here, outside every {@link Deadline}, rather than
 * in the operating system's run queue inside them. A probe holds a slot only while it computes:
 * while its handshake waits for the peer the slot is free for another probe, so a slow network
 * never limits how many handshakes are under way, only how many compute at once.
 *
 * <p>Thread-safe; one instance is shared by every probe of a wave.
 */
public final class CpuSlots {
  /** One probe's slot, given up while its reader waits on the network; close to release it. */
  public final class Held implements NetworkWaits, AutoCloseable {
    private final Deadline deadline;
    private boolean holding = true;

    private Held(Deadline deadline) {
      this.deadline = deadline;
    }

    @Override
    public void waiting() {
      release();
    }

    @Override
    public void resumed() {
      if (!holding) {
        take(deadline);
        holding = true;
      }
    }

    @Override
    public void close() {
      release();
    }

    private void release() {
      if (holding) {
        holding = false;
        permits.release();
      }
    }
  }

  private final Semaphore permits;
  private final int limit;

  /** {@code limit} slots, at least one. */
  public CpuSlots(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    this.permits = new Semaphore(limit, true);
    this.limit = limit;
  }

  /** One slot per processor available to the JVM. */
  public static CpuSlots forMachine() {
    return new CpuSlots(Runtime.getRuntime().availableProcessors());
  }

  /** The number of slots. */
  public int limit() {
    return limit;
  }

  /**
   * Waits for a slot, as a local wait of {@code deadline} (the wait does not spend its budget), and
   * returns it held. A thread interrupted while it waits keeps waiting and stays interrupted: the
   * wait ends when another probe's computing does.
   */
  public Held acquire(Deadline deadline) {
    take(deadline);
    return new Held(deadline);
  }

  private void take(Deadline deadline) {
    if (permits.tryAcquire()) {
      return;
    }
    Deadline.LocalWait wait = deadline.localWait();
    try {
      permits.acquireUninterruptibly();
    } finally {
      wait.close();
    }
  }
}
