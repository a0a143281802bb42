package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.Require;
import java.net.URI;

/**
 * A finished file at a provider's signed, expiring URL. Only ever built from an authenticated status read, never
 * from a webhook body or user input. {@code toString} hides the query string (it holds the signature).
 */
public record ResultFile(AssetKind kind, URI url) {
    public ResultFile {
        Require.nonNull(kind, "kind");
        Require.nonNull(url, "url");
    }

    @Override
    public String toString() {
        return "ResultFile[" + kind + " " + url.getScheme() + "://" + url.getAuthority() + url.getPath() + "?…]";
    }
}
