package io.parley.bench;

import picocli.CommandLine.Option;

/** The c2c load's options; its relay phase and its Parley phase run with the same ones. */
public final class C2cOptions {
  @Option(names = "--pairs", defaultValue = "50") int pairs;
  @Option(names = "--in-flight", defaultValue = "10", description = "closed loop: sends outstanding per sender") int inFlight;
  @Option(names = "--rate", defaultValue = "0", description = "open loop: total messages/s (0: closed loop)") int rate;
  @Option(names = "--size", defaultValue = "100", description = "message body bytes") int size;
  @Option(names = "--warmup", defaultValue = "5", description = "seconds before measuring (per target: relay, then Parley)") int warmup;
  @Option(names = "--duration", defaultValue = "20", description = "seconds measured (per target)") int duration;

  C2cLoad.Settings settings() {
    return new C2cLoad.Settings(pairs, inFlight, rate, size, warmup, duration);
  }

  /** "closed 10 in flight" or "open 15000/s", for summaries. */
  String mode() {
    return rate > 0 ? "open " + rate + "/s" : "closed " + inFlight + " in flight";
  }
}
