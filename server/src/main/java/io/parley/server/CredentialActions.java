package io.parley.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.protocol.v1.CredentialKind;
import io.parley.server.account.AccountException;
import io.parley.server.admin.AdminResponse;
import io.parley.server.auth.IssuedCredential;
import io.parley.server.doctor.Diagnosis;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The admin port's credential actions: {@code /admin/credential} issues one, {@code /admin/doctor} explains one. */
final class CredentialActions {
  private final ServerServices services;

  CredentialActions(ServerServices services) {
    this.services = services;
  }

  /** Params: app, user, expire (seconds, Tencent), mode ("any-account" for a Yuntongxun app-token login). */
  AdminResponse issue(Map<String, List<String>> params) {
    String app = param(params, "app");
    String user = param(params, "user");
    if (app.isEmpty() || user.isEmpty()) {
      return AdminResponse.error(400, "app and user are required");
    }
    long expire;
    try {
      expire = param(params, "expire").isEmpty() ? 86_400 : Long.parseLong(param(params, "expire"));
    } catch (NumberFormatException e) {
      return AdminResponse.error(400, "expire must be a number of seconds");
    }
    try {
      IssuedCredential c = services.issuer().issue(services.app(app), user, Duration.ofSeconds(expire),
          "any-account".equals(param(params, "mode")));
      ObjectNode body = AdminResponse.object();
      body.put("appId", c.appId()).put("kind", c.kind().name()).put("userId", c.userId()).put("credential", c.credential());
      ArrayNode notes = body.putArray("notes");
      c.notes().forEach(notes::add);
      return AdminResponse.ok(body);
    } catch (AccountException e) {
      return AdminResponse.error(409, e.getMessage() + " (code " + e.code() + ")");
    } catch (IllegalArgumentException e) {
      return AdminResponse.error(400, e.getMessage());
    }
  }

  /** Params: app, user, credential, kind (optional CredentialKind name). */
  AdminResponse doctor(Map<String, List<String>> params) {
    String kind = param(params, "kind");
    try {
      Diagnosis d = services.doctor().examine(param(params, "app"), param(params, "user"),
          kind.isEmpty() ? null : CredentialKind.valueOf(kind), param(params, "credential"));
      ObjectNode body = AdminResponse.object();
      body.put("ok", d.ok()).put("code", d.code());
      ArrayNode lines = body.putArray("lines");
      d.render().forEach(lines::add);
      return AdminResponse.ok(body);
    } catch (IllegalArgumentException e) {
      return AdminResponse.error(400, e.getMessage());
    }
  }

  private static String param(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? "" : values.get(0);
  }
}
