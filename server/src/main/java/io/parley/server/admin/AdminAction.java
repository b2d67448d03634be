package io.parley.server.admin;

import java.util.List;
import java.util.Map;

/** One POST action of the admin port: query and form parameters in, a JSON response out. May block. */
@FunctionalInterface
public interface AdminAction {
  AdminResponse run(Map<String, List<String>> params);
}
