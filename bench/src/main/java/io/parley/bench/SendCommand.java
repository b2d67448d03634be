package io.parley.bench;

import io.parley.client.Elements;
import io.parley.client.ParleyClient;
import io.parley.client.ParleyException;
import io.parley.client.Platform;
import io.parley.client.SendReceipt;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley-bench send}: logs in, sends one text message, prints the server's receipt as JSON. */
@Command(name = "send", mixinStandardHelpOptions = true, description = "Send one text message and print the receipt.")
public final class SendCommand implements Callable<Integer> {
  @Mixin Target target;
  @Option(names = "--user", required = true, description = "sender") String user;
  @Option(names = "--to", required = true, description = "recipient") String to;
  @Option(names = "--text", required = true, description = "message text") String text;
  @Option(names = "--client-msg-id", description = "client message id (default: random); reuse it to see a deduplicated retry") String clientMsgId;
  @Option(names = "--platform", defaultValue = "WINDOWS", description = "device platform (default ${DEFAULT-VALUE}; one session per platform)") Platform platform;

  @Override
  public Integer call() throws Exception {
    try (ParleyClient client = target.client(user).deviceId("parley-bench-send").platform(platform).build()) {
      client.connect().get(15, TimeUnit.SECONDS);
      String id = clientMsgId == null ? java.util.UUID.randomUUID().toString() : clientMsgId;
      SendReceipt r = client.send(id, to, java.util.List.of(Elements.text(text)), "").get(15, TimeUnit.SECONDS);
      System.out.println(Json.of(r));
      return 0;
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      System.err.println("parley-bench: " + (c instanceof ParleyException pe ? "refused (" + pe.code() + "): " : "") + c.getMessage());
      return 1;
    } catch (TimeoutException e) {
      System.err.println("parley-bench: no answer from " + (target.ws != null ? target.ws : target.host + ":" + target.port) + " within 15 s");
      return 1;
    }
  }
}
