package io.parley.server.vendor;

import io.parley.server.messaging.GroupServices;
import io.parley.server.vendor.Accounts;
import io.parley.server.app.AppRegistry;
import io.parley.server.auth.CredentialIssuer;
import io.parley.server.callback.Callbacks;
import io.parley.server.session.SessionRegistry;
import io.parley.server.store.Store;
import java.time.Clock;

/** What the vendor REST faces work with: the core's services, never a vendor's. */
public record RestContext(
    AppRegistry apps,
    Accounts accounts,
    CredentialIssuer issuer,
    SessionRegistry sessions,
    Store store,
    Callbacks callbacks,
    GroupServices groups,
    Clock clock) {}
