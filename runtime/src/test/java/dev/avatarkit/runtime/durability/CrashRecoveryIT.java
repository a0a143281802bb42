package dev.avatarkit.runtime.durability;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** kill -9 crash points over SQLite (PostgreSQL: {@link CrashRecoveryPostgresIT}). */
class CrashRecoveryIT extends CrashScenarios {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("v3", CrashPoint.BEFORE_CREATE),
                Arguments.of("v3", CrashPoint.AFTER_ACCEPT_BEFORE_ID),
                Arguments.of("v3", CrashPoint.MID_DOWNLOAD),
                Arguments.of("v3", CrashPoint.AFTER_UPLOAD_BEFORE_STATE),
                Arguments.of("v2", CrashPoint.BEFORE_CREATE),
                Arguments.of("v2", CrashPoint.AFTER_ACCEPT_BEFORE_ID));
    }

    @ParameterizedTest(name = "SQLite {0} kill -9 at {1}")
    @MethodSource("cases")
    void givenAWorkerKilledAtACrashPoint_whenAWorkerRestarts_thenEveryJobEndsRightOncePaidAndIntact(
            String version, CrashPoint point, @TempDir Path dir) throws Exception {
        crashAndRecover("sqlite", DurabilityHarness.sqliteUrl(dir), version, point, dir);
    }
}
