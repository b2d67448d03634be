package io.parley.server.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Parses an expectation table: a header line of actors, then one line per kind id with one {@link Expect} word per
 * actor. Each cell becomes one test case named "kind · operation · as actor → expected".
 */
final class Matrix {
  private Matrix() {}

  /** One cell: in a group of this kind, this actor doing the operation gets this answer. */
  record Case(GroupKind kind, Actor actor, Expect expected) {}

  static List<Arguments> cases(String operation, String table) {
    List<String> lines = table.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    String[] header = lines.get(0).split("\\s+");
    List<Arguments> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\\s+");
      if (cells.length != header.length + 1) {
        throw new IllegalArgumentException(operation + ": wrong number of cells in: " + line);
      }
      GroupKind kind = GroupKinds.byId(cells[0])
          .orElseThrow(() -> new IllegalArgumentException("no kind " + cells[0]));
      for (int i = 0; i < header.length; i++) {
        Actor actor = Actor.valueOf(header[i]);
        Expect expected = Expect.valueOf(cells[i + 1].toUpperCase(Locale.ROOT));
        String name = kind.id() + " · " + operation + " · as " + actor.name().toLowerCase(Locale.ROOT)
            + " → " + expected.name().toLowerCase(Locale.ROOT);
        out.add(Arguments.of(Named.of(name, new Case(kind, actor, expected))));
      }
    }
    return out;
  }
}
