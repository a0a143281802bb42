package dev.avatarkit.core.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** A video rendered from a HeyGen template with typed variable values. */
public record TemplateSpec(
        String templateId, Map<String, TemplateVariable> variables, String title, Dimension dimension, boolean caption)
        implements JobSpec {
    public TemplateSpec {
        Require.nonBlank(templateId, "templateId");
        Require.maxLength(templateId, 255, "templateId");
        Require.nonNull(variables, "variables");
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        Require.maxLength(title, 255, "title");
    }

    @Override
    public JobKind kind() {
        return JobKind.TEMPLATE_VIDEO;
    }
}
