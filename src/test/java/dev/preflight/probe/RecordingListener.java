package dev.preflight.probe;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records probe events as text ("start CONNECT", "end CONNECT", "fail TLS_HANDSHAKE"). */
final class RecordingListener implements ProbeListener {
  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void phaseStarted(ProbeTarget target, Phase phase) {
    events.add("start " + phase);
  }

  @Override
  public void phaseEnded(ProbeTarget target, Phase phase, Duration elapsed) {
    events.add("end " + phase);
  }

  @Override
  public void phaseFailed(ProbeTarget target, Phase phase, Duration elapsed, ProbeFailure failure) {
    events.add("fail " + phase);
  }

  @Override
  public void probeEnded(ProbeResult result) {
    events.add("done");
  }
}
