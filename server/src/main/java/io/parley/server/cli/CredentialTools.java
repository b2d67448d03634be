package io.parley.server.cli;

import io.parley.protocol.v1.CredentialKind;
import io.parley.server.auth.IssuedCredential;
import java.time.Duration;
import java.util.List;

/**
 * What the {@code credential} and {@code doctor} commands need from a server's data: issuing and explaining
 * credentials. Served by the running server's admin port when it runs, else by opening its data directory.
 */
interface CredentialTools extends AutoCloseable {

  IssuedCredential issue(String appId, String user, Duration tencentValidity, boolean anyAccount) throws ToolException;

  /** The doctor's verdict and its report, as lines to print. */
  DoctorReport doctor(String appId, String user, CredentialKind kindOrNull, String credential) throws ToolException;

  /** A printed diagnosis and whether a login with the credential would be accepted. */
  record DoctorReport(boolean ok, List<String> lines) {}

  /** A refusal to show the user as one line, exit code 1. */
  final class ToolException extends Exception {
    ToolException(String message) {
      super(message);
    }
  }

  @Override
  void close();
}
