package dev.preflight.probe;

import dev.preflight.probe.net.NetworkWaits;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Slots for the CPU-heavy part of probes, the TLS handshake and the judging of its chain: about one
 * per core, so that a burst of handshakes queues here, outside every {@link Deadline}, rather than
 * in the operating system's run queue inside them. A probe holds a slot only while it computes:
 * while its handshake waits for the peer the slot is free for another probe, so a slow network
 * never limits how many handshakes are under way, only how many compute at once.
 *
 * <p>A handshake under way whose peer has answered gets the next free slot before a new one starts.
 * In a large run thousands of probes wait to start; were the slots first come, first served, each
 * answer would queue behind all of them, every handshake would last as long as that queue, and the
 * run would hold thousands of half-done handshakes at once (their memory, the servers' connections)
 * instead of the few the network keeps waiting.
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
        take(deadline, true);
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
        give();
      }
    }
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition resumable = lock.newCondition();
  private final Condition startable = lock.newCondition();
  private final int limit;
  private int free;
  private int resuming;

  /** {@code limit} slots, at least one. */
  public CpuSlots(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    this.limit = limit;
    this.free = limit;
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
    take(deadline, false);
    return new Held(deadline);
  }

  private void take(Deadline deadline, boolean underWay) {
    lock.lock();
    try {
      if (!mayTake(underWay)) {
        awaitTurn(deadline, underWay);
      }
      free--;
      signalNext();
    } finally {
      lock.unlock();
    }
  }

  private boolean mayTake(boolean underWay) {
    return free > 0 && (underWay || resuming == 0);
  }

  /** Called holding the lock; the wait is local to this machine, so it spends no deadline. */
  private void awaitTurn(Deadline deadline, boolean underWay) {
    Deadline.LocalWait wait = deadline.localWait();
    if (underWay) {
      resuming++;
    }
    try {
      while (!mayTake(underWay)) {
        (underWay ? resumable : startable).awaitUninterruptibly();
      }
    } finally {
      if (underWay) {
        resuming--;
      }
      wait.close();
    }
  }

  private void give() {
    lock.lock();
    try {
      free++;
      signalNext();
    } finally {
      lock.unlock();
    }
  }

  /** Wakes one waiter for a free slot: a handshake under way if one waits, else a new one. */
  private void signalNext() {
    if (free > 0) {
      (resuming > 0 ? resumable : startable).signal();
    }
  }
}
