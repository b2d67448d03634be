package io.parley.server.cli;

import io.parley.protocol.v1.CredentialKind;
import io.parley.server.ServerServices;
import io.parley.server.account.AccountException;
import io.parley.server.auth.IssuedCredential;
import io.parley.server.config.ServerConfig;
import io.parley.server.doctor.Diagnosis;
import java.io.IOException;
import java.time.Duration;

/** {@link CredentialTools} over a data directory no server is running on: opens its store for the command's length. */
final class LocalTools implements CredentialTools {
  private final ServerServices services;

  private LocalTools(ServerServices services) {
    this.services = services;
  }

  static LocalTools open(ServerConfig config) throws ToolException {
    try {
      return new LocalTools(ServerServices.openForTools(config));
    } catch (IOException | RuntimeException e) {
      throw new ToolException("cannot open the data directory " + config.dataDir().toAbsolutePath() + " ("
          + e.getMessage() + "); if a server runs on it, make sure its admin port answers");
    }
  }

  static LocalTools withoutStore(ServerConfig config) {
    return new LocalTools(ServerServices.withoutStore(config));
  }

  @Override
  public IssuedCredential issue(String appId, String user, Duration tencentValidity, boolean anyAccount)
      throws ToolException {
    try {
      return services.issuer().issue(services.app(appId), user, tencentValidity, anyAccount);
    } catch (AccountException e) {
      throw new ToolException(e.getMessage() + " (code " + e.code() + ")");
    } catch (IllegalArgumentException e) {
      throw new ToolException(e.getMessage());
    }
  }

  @Override
  public DoctorReport doctor(String appId, String user, CredentialKind kindOrNull, String credential)
      throws ToolException {
    try {
      Diagnosis d = services.doctor().examine(appId, user, kindOrNull, credential);
      return new DoctorReport(d.ok(), d.render());
    } catch (IllegalArgumentException e) {
      throw new ToolException(e.getMessage());
    }
  }

  @Override
  public void close() {
    services.close();
  }

  @Override
  public String toString() {
    return "the data directory";
  }
}
