package io.parley.server.doctor;

import io.parley.protocol.v1.CredentialKind;
import io.parley.server.app.App;
import io.parley.server.auth.AuthResult;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;

/**
 * One credential to explain: the app (of the doctor's vendor) and every hosted app (a credential may be another
 * app's), the user and credential as given, the kind (one the app accepts), the verdict a real login gets, the time and
 * the operator's zone.
 */
public record DoctorCase(App app, Collection<App> allApps, String user, CredentialKind kind, String credential,
    AuthResult verdict, Instant now, ZoneId zone) {}
