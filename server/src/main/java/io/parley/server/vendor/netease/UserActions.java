package io.parley.server.vendor.netease;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.account.AccountException;
import io.parley.server.vendor.Accounts;
import io.parley.server.app.App;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code user/*} actions over the core's NetEase accounts: create (with an optional token and profile), update
 * and refresh the token, block (optionally kicking) and unblock, and the profile ({@code updateUinfo},
 * {@code getUinfos}).
 */
final class UserActions {
  /** The profile fields, by the vendor's names, with the vendor's length limits. */
  static final Map<String, Integer> PROFILE = profile();
  static final int MAX_UINFOS = 200;

  private final Accounts accounts;

  UserActions(Accounts accounts) {
    this.accounts = accounts;
  }

  private static Map<String, Integer> profile() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("name", 64);
    m.put("icon", 1024);
    m.put("sign", 256);
    m.put("email", 64);
    m.put("birth", 16);
    m.put("mobile", 32);
    m.put("gender", 1);
    m.put("ex", 1024);
    return m;
  }

  /** {@code user/create}: accid, token?, profile? → {@code info: {token, accid, name}}. */
  ObjectNode create(App app, NeteaseForm form) throws NeteaseRestException {
    String accid = form.required("accid");
    Map<String, String> profile = profileOf(form);
    Optional<String> token = form.optional("token");
    String chosen = account(() -> accounts.createNeteaseAccount(app, accid, token));
    if (!profile.isEmpty()) {
      account(() -> {
        accounts.updateNeteaseProfile(app, accid, profile);
        return null;
      });
    }
    ObjectNode out = NeteaseAnswer.object();
    out.putObject("info").put("token", chosen).put("accid", accid).put("name", profile.getOrDefault("name", ""));
    return out;
  }

  /** {@code user/update}: accid, token (the token to set). */
  ObjectNode update(App app, NeteaseForm form) throws NeteaseRestException {
    String accid = form.required("accid");
    String token = form.required("token");
    account(() -> {
      accounts.updateNeteaseToken(app, accid, token);
      return null;
    });
    return NeteaseAnswer.object();
  }

  /** {@code user/refreshToken}: accid → {@code info: {token, accid}}. */
  ObjectNode refreshToken(App app, NeteaseForm form) throws NeteaseRestException {
    String accid = form.required("accid");
    String token = account(() -> accounts.refreshNeteaseToken(app, accid));
    ObjectNode out = NeteaseAnswer.object();
    out.putObject("info").put("token", token).put("accid", accid);
    return out;
  }

  /** {@code user/block}: accid, needkick? ("true" kicks the account's live sessions). */
  ObjectNode block(App app, NeteaseForm form) throws NeteaseRestException {
    String accid = form.required("accid");
    boolean kick = form.bool("needkick", false);
    account(() -> {
      accounts.blockNetease(app, accid, kick);
      return null;
    });
    return NeteaseAnswer.object();
  }

  /** {@code user/unblock}: accid. */
  ObjectNode unblock(App app, NeteaseForm form) throws NeteaseRestException {
    String accid = form.required("accid");
    account(() -> {
      accounts.unblockNetease(app, accid);
      return null;
    });
    return NeteaseAnswer.object();
  }

  /** {@code user/updateUinfo}: accid and the profile fields to set; the others stay. */
  ObjectNode updateUinfo(App app, NeteaseForm form) throws NeteaseRestException {
    String accid = form.required("accid");
    Map<String, String> profile = profileOf(form);
    account(() -> {
      accounts.updateNeteaseProfile(app, accid, profile);
      return null;
    });
    return NeteaseAnswer.object();
  }

  /** {@code user/getUinfos}: accids (a JSON array) → {@code uinfos}, one per existing account, in the order asked. */
  ObjectNode getUinfos(App app, NeteaseForm form) throws NeteaseRestException {
    List<String> accids = form.stringList("accids", MAX_UINFOS);
    ObjectNode out = NeteaseAnswer.object();
    ArrayNode uinfos = out.putArray("uinfos");
    for (String accid : accids) {
      accounts.neteaseProfile(app, accid).ifPresent(profile -> {
        ObjectNode u = uinfos.addObject().put("accid", accid);
        PROFILE.keySet().stream().filter(profile::containsKey).forEach(name -> {
          if (name.equals("gender")) {
            u.put(name, Integer.parseInt(profile.get(name)));
          } else {
            u.put(name, profile.get(name));
          }
        });
      });
    }
    return out;
  }

  /** The profile fields the form sets, checked: lengths (405) and gender 0, 1 or 2 (414). */
  private static Map<String, String> profileOf(NeteaseForm form) throws NeteaseRestException {
    Map<String, String> profile = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> field : PROFILE.entrySet()) {
      if (field.getKey().equals("gender")) {
        Optional<String> gender = form.optional("gender");
        if (gender.isPresent() && !gender.get().matches("[012]")) {
          throw NeteaseRestException.parameter("gender must be 0 (unknown), 1 (male) or 2 (female)");
        }
        gender.ifPresent(g -> profile.put("gender", g));
      } else {
        form.optional(field.getKey(), field.getValue()).ifPresent(v -> profile.put(field.getKey(), v));
      }
    }
    return profile;
  }

  /** An account call whose refusal becomes the vendor's answer. */
  private static <T> T account(AccountCall<T> call) throws NeteaseRestException {
    try {
      return call.run();
    } catch (AccountException e) {
      throw new NeteaseRestException(e.code(), e.getMessage());
    }
  }

  @FunctionalInterface
  private interface AccountCall<T> {
    T run() throws AccountException;
  }
}
