package dev.avatarkit.http.dashboard;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The committed stylesheet and script, from the jar; an allow-list, so no other resource can be asked for. */
final class StaticFiles {
    private static final Map<String, String> TYPES = Map.of(
            "app.css", "text/css; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8");

    private StaticFiles() {}

    static void serve(Context ctx) {
        String file = ctx.pathParam("file");
        String type = TYPES.get(file);
        if (type == null) {
            ctx.status(404).html(Pages.error("Not found", "There is no such file."));
            return;
        }
        try (InputStream in = StaticFiles.class.getResourceAsStream("/dashboard/" + file)) {
            if (in == null) throw new IllegalStateException("/dashboard/" + file + " is missing from the jar");
            ctx.header("Cache-Control", "no-cache");
            ctx.contentType(type).result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
