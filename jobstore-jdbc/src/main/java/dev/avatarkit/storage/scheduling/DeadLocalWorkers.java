package dev.avatarkit.storage.scheduling;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Steps a worker of this host was running when it died. db-scheduler only revives a step picked by a worker after
 * that worker missed its heartbeats (minutes); a CLI batch killed and run again (issue 17's kill -9 stand-in) then
 * waited for them: the re-run's start blocked 2 s per step still marked picked (10.5 s with five), and those jobs'
 * slots sat idle until the revival. A worker's default name says its process id and host
 * ({@code avatarkit-<pid>-<tag>@<host>}), so at start-up a worker frees the steps of workers of the same host whose
 * process is gone. Steps of live processes, of other hosts and of workers named by the user are left to
 * db-scheduler's own revival.
 */
final class DeadLocalWorkers {
    /** db-scheduler's {@code picked_by} column holds 50 characters. */
    static final int MAX_NAME = 50;

    private static final String PREFIX = "avatarkit-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d{1,18})-([0-9a-f]{4})@.*");

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private DeadLocalWorkers() {}

    /** A default worker name for this process (a random tag tells apart two workers of one process). */
    static String nameForThisProcess() {
        return nameFor(ProcessHandle.current().pid(), "%04x".formatted(RANDOM.nextInt(0x10000)), host());
    }

    static String nameFor(long pid, String tag, String host) {
        String name = PREFIX + pid + "-" + tag + "@" + host;
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }

    /**
     * Frees every step picked by a dead worker process of this host: picked again by the next poll, as a step of a
     * worker that stopped cleanly would be. Returns how many were freed.
     */
    static int release(DataSource database) throws SQLException {
        String host = host();
        try (Connection connection = database.getConnection()) {
            int freed = 0;
            for (String worker : pickers(connection)) {
                if (!diedHere(worker, host)) continue;
                try (PreparedStatement free = connection.prepareStatement(
                        "UPDATE scheduled_tasks SET picked = ?, picked_by = NULL, last_heartbeat = NULL,"
                                + " version = version + 1 WHERE picked = ? AND picked_by = ?")) {
                    free.setBoolean(1, false);
                    free.setBoolean(2, true);
                    free.setString(3, worker);
                    freed += free.executeUpdate();
                }
            }
            return freed;
        }
    }

    /** Whether {@code worker} is a default-named worker of {@code host} whose process no longer runs. */
    static boolean diedHere(String worker, String host) {
        Matcher name = NAME.matcher(worker);
        if (!name.matches()) return false;
        long pid = Long.parseLong(name.group(1));
        if (!worker.equals(nameFor(pid, name.group(2), host))) return false; // another host's worker
        if (pid == ProcessHandle.current().pid()) return false;
        return ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
    }

    private static List<String> pickers(Connection connection) throws SQLException {
        List<String> workers = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT DISTINCT picked_by FROM scheduled_tasks WHERE picked = ? AND picked_by IS NOT NULL")) {
            select.setBoolean(1, true);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) workers.add(rows.getString(1));
            }
        }
        return workers;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
