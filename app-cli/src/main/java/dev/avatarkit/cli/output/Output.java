package dev.avatarkit.cli.output;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import dev.avatarkit.cli.app.ExitCodes;
import dev.avatarkit.cli.app.GlobalOptions;
import dev.avatarkit.cli.app.Io;
import dev.avatarkit.runtime.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a command prints. Results go to stdout (human text, or exactly one JSON document with {@code --json});
 * progress and hints go to stderr and are silent with {@code -q} or {@code --json}; errors go to stderr as text or
 * as {@code {"error":{…}}}.
 */
@Singleton
public final class Output {
    private final Io io;
    private final GlobalOptions global;

    @Inject
    public Output(Io io, GlobalOptions global) {
        this.io = io;
        this.global = global;
    }

    public boolean json() {
        return global.json();
    }

    public boolean tty() {
        return io.tty() && !global.json() && !global.quiet();
    }

    /** The command's one JSON document (only with {@code --json}). */
    @SuppressWarnings("unchecked")
    public void document(Object document) {
        io.out()
                .println(Json.moshi()
                        .adapter((Class<Object>) document.getClass())
                        .serializeNulls()
                        .indent("  ")
                        .toJson(document));
        io.out().flush();
    }

    /** A line of human output on stdout (nothing with {@code --json}). */
    public void line(String text) {
        if (global.json()) return;
        io.out().println(text);
        io.out().flush();
    }

    /** Progress or a hint on stderr (nothing with {@code -q} or {@code --json}). */
    public void progress(String text) {
        if (global.json() || global.quiet()) return;
        io.err().println(text);
        io.err().flush();
    }

    /** Redraws one progress line in place (TTY only). */
    public void redraw(String text) {
        io.err().print("\r\033[2K" + text);
        io.err().flush();
    }

    public void endRedraw() {
        io.err().println();
        io.err().flush();
    }

    public void error(ExitCodes.Failure failure) {
        if (global.json()) {
            String body = Json.moshi()
                    .adapter(ErrorDocument.class)
                    .serializeNulls()
                    .indent("  ")
                    .toJson(ErrorDocument.of(failure));
            io.err().println(body);
        } else {
            io.err().println("error: " + failure.message());
            if (failure.hint() != null) io.err().println("  hint: " + failure.hint());
            if (failure.requestId() != null) io.err().println("  request id: " + failure.requestId());
        }
        io.err().flush();
    }

    /** Prints rows as aligned columns (first row = header). */
    public void table(List<List<String>> rows) {
        if (global.json() || rows.isEmpty()) return;
        int columns = rows.get(0).size();
        int[] width = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++)
                width[i] = Math.max(width[i], cell(row, i).length());
        }
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < columns; i++) {
                cells.add(i == columns - 1 ? cell(row, i) : String.format("%-" + width[i] + "s", cell(row, i)));
            }
            io.out().println(String.join("  ", cells).stripTrailing());
        }
        io.out().flush();
    }

    private static String cell(List<String> row, int i) {
        String value = i < row.size() ? row.get(i) : null;
        return value == null ? "-" : value;
    }
}
