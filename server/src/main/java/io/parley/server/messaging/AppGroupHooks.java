package io.parley.server.messaging;

import io.parley.server.app.App;
import io.parley.server.app.AppRegistry;
import io.parley.server.callback.BeforeVerdict;
import io.parley.server.callback.CallbackEvent;
import io.parley.server.callback.Callbacks;
import io.parley.server.callback.GroupActivity;
import io.parley.server.groupops.GroupHooks;
import java.util.Optional;

/** Group operations' Before and After hooks as the app's vendor callbacks; an app no longer registered gets none. */
final class AppGroupHooks implements GroupHooks {
  private final AppRegistry apps;
  private final Callbacks callbacks;

  AppGroupHooks(AppRegistry apps, Callbacks callbacks) {
    this.apps = apps;
    this.callbacks = callbacks;
  }

  @Override
  public BeforeVerdict before(String appId, GroupActivity activity) {
    Optional<App> app = apps.find(appId);
    return app.isEmpty() ? BeforeVerdict.ALLOW : callbacks.before(app.get(), activity).join();
  }

  @Override
  public void after(String appId, CallbackEvent event) {
    apps.find(appId).ifPresent(app -> callbacks.after(app, event));
  }
}
