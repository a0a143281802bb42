package dev.avatarkit.cli.command;

import dev.avatarkit.cli.output.Output;
import dev.avatarkit.core.port.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One page of a provider listing (avatars, voices, templates): a JSON document, or a table and the next cursor. */
final class CatalogPages {
    private CatalogPages() {}

    static <T> int print(
            Output out, Page<T> page, Object jsonDocument, List<String> header, Function<T, List<String>> row) {
        if (out.json()) {
            out.document(jsonDocument);
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        page.items().forEach(item -> rows.add(row.apply(item)));
        out.table(rows);
        if (page.hasMore()) out.progress("more: --cursor " + page.nextToken());
        return 0;
    }
}
