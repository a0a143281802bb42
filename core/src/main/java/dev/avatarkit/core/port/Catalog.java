package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.TemplateVariable;
import java.util.List;

/** Read-only catalogue entries a provider lists: avatars (looks), voices, templates, the account. */
public final class Catalog {
    private Catalog() {}

    /** An avatar look usable as {@code --avatar}. */
    public record Avatar(String id, String name, String gender, String type, String previewImageUrl) {}

    /** A voice usable as {@code --voice}. */
    public record VoiceEntry(String id, String name, String language, String gender) {}

    /** A template in a listing. */
    public record Template(String id, String name, String aspectRatio) {}

    /** A template's variables (what {@code template generate --var} and batch CSV columns must name). */
    public record TemplateDetail(String id, String name, List<Variable> variables) {
        public TemplateDetail {
            variables = List.copyOf(variables);
        }
    }

    /** One variable of a template and its type. */
    public record Variable(String name, TemplateVariable.Type type) {}

    /**
     * The account's remaining budget in the provider's unit ({@code credits}, {@code usd}…); -1 when unknown.
     * {@code plan} is the provider's plan or billing type.
     */
    public record Account(String name, String plan, double remaining, String unit, int maxConcurrency) {}
}
