package io.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code parley-bench report FILE.json...}: (re)renders the HTML report of existing scenario JSON files. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Re-render the HTML report (same name, .html, next to it) of scenario JSON files.")
public final class ReportCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE.json", description = "bench-results/<scenario>-<time>.json files")
  List<Path> files;

  @Override
  public Integer call() throws Exception {
    int failed = 0;
    for (Path f : files) {
      try {
        JsonNode n = Json.MAPPER.readTree(f.toFile());
        if (!(n instanceof ObjectNode o)) {
          throw new IllegalArgumentException("not a JSON object");
        }
        System.out.println(HtmlReport.write(f, o));
      } catch (Exception e) {
        System.err.println(f + ": " + e.getMessage());
        failed++;
      }
    }
    return failed == 0 ? 0 : 1;
  }
}
