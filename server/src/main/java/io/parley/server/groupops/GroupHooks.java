package io.parley.server.groupops;

import io.parley.server.callback.BeforeVerdict;
import io.parley.server.callback.CallbackEvent;
import io.parley.server.callback.GroupActivity;

/**
 * Where group operations ask the app first (Before) and tell it after (After): the app's vendor callbacks,
 * implemented over {@link io.parley.server.callback.Callbacks}. {@link #NONE} asks and tells nobody.
 */
public interface GroupHooks {
  /** Allows everything and tells nobody. */
  GroupHooks NONE = new GroupHooks() {
    @Override
    public BeforeVerdict before(String appId, GroupActivity activity) {
      return BeforeVerdict.ALLOW;
    }

    @Override
    public void after(String appId, CallbackEvent event) {}
  };

  /** The app's verdict on an operation about to happen; blocks up to the callback timeout (never on an event loop). */
  BeforeVerdict before(String appId, GroupActivity activity);

  /** Tells the app something happened; never blocks. */
  void after(String appId, CallbackEvent event);
}
