package dev.avatarkit.storage.jdbc;

import dev.avatarkit.core.domain.JobKind;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.port.JobQuery;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE clause of a {@link JobQuery} and its parameters, in order. Only placeholders are concatenated;
 * every value is bound.
 */
final class JobListing {
    private final String where;
    private final List<String> parameters;

    private JobListing(String where, List<String> parameters) {
        this.where = where;
        this.parameters = parameters;
    }

    static JobListing of(JobQuery query) {
        List<String> conditions = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        if (!query.states().isEmpty()) {
            conditions.add("state IN (" + placeholders(query.states().size()) + ")");
            for (JobState state : query.states()) parameters.add(state.name());
        }
        if (!query.kinds().isEmpty()) {
            conditions.add("kind IN (" + placeholders(query.kinds().size()) + ")");
            for (JobKind kind : query.kinds()) parameters.add(kind.name());
        }
        if (query.batch() != null) {
            conditions.add("batch_id = ?");
            parameters.add(query.batch().value());
        }
        if (query.parent() != null) {
            conditions.add("parent_id = ?");
            parameters.add(query.parent().value());
        }
        if (query.before() != null) {
            // ULIDs sort by creation time: the cursor is "older than the last id shown".
            conditions.add("id < ?");
            parameters.add(query.before().value());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new JobListing(where, parameters);
    }

    private static String placeholders(int count) {
        return "?, ".repeat(count - 1) + "?";
    }

    String where() {
        return where;
    }

    /** Binds the parameters from index 1; returns the next free index. */
    int bind(PreparedStatement statement) throws SQLException {
        int i = 1;
        for (String parameter : parameters) statement.setString(i++, parameter);
        return i;
    }
}
