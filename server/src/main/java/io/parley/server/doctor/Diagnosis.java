package io.parley.server.doctor;

import java.util.ArrayList;
import java.util.List;

/**
 * What the credential doctor found: the credential's fields, each check passed or failed, the verdict a login would
 * get (the same code and message), and how to fix it.
 */
public record Diagnosis(String subject, List<Field> fields, List<Check> checks, int code, String verdict,
    List<String> fixes) {

  /** One decoded field of the credential. */
  public record Field(String name, String value) {}

  /** One check a login makes, in the order a login makes them. */
  public record Check(boolean passed, String text) {}

  public Diagnosis {
    fields = List.copyOf(fields);
    checks = List.copyOf(checks);
    fixes = List.copyOf(fixes);
  }

  /** True when a login with this credential would be accepted. */
  public boolean ok() {
    return code == 0;
  }

  /** The report as lines of plain text for a terminal. */
  public List<String> render() {
    List<String> out = new ArrayList<>();
    out.add(subject);
    if (!fields.isEmpty()) {
      out.add("");
      out.add("Decoded:");
      int width = fields.stream().mapToInt(f -> f.name().length()).max().orElse(0);
      for (Field f : fields) {
        out.add("  " + f.name() + " ".repeat(width - f.name().length() + 2) + f.value());
      }
    }
    out.add("");
    out.add("Checks, in the order a login makes them:");
    for (Check c : checks) {
      out.add("  " + (c.passed() ? "[ok]   " : "[FAIL] ") + c.text());
    }
    out.add("");
    out.add(ok() ? "Verdict: a login with this credential is accepted. " + verdict
        : "Verdict: a login is refused with code " + code + ": " + verdict);
    if (!fixes.isEmpty()) {
      out.add("");
      out.add("Fix:");
      fixes.forEach(f -> out.add("  - " + f));
    }
    return out;
  }
}
