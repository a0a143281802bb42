package dev.avatarkit.bench;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The HTTP baseline: {@code BareJavalin --port P --body FILE} serves {@code GET /v1/jobs/{id}} with the bytes of
 * FILE (a real job document captured from the avatarkit server), as {@code application/json}, with no auth,
 * database or serialization: the ceiling Javalin itself sets on this machine.
 */
public final class BareJavalin {
    private BareJavalin() {}

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = Measure.args(argv);
        int port = Integer.parseInt(args.getOrDefault("port", "7071"));
        byte[] body = args.containsKey("body")
                ? Files.readAllBytes(Path.of(args.get("body")))
                : "{\"id\":\"01J0000000000000000000000\",\"state\":\"succeeded\"}".getBytes();
        Javalin app = Javalin.create(c -> c.showJavalinBanner = false);
        app.get("/v1/jobs/{id}", ctx -> ctx.contentType("application/json").result(body));
        app.start("127.0.0.1", port);
        System.out.println("ready http://127.0.0.1:" + port);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
    }
}
