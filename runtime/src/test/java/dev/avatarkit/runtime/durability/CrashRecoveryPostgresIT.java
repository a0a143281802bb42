package dev.avatarkit.runtime.durability;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The same kill -9 crash points over PostgreSQL (a fresh schema per case; skipped when AVATARKIT_TEST_PG_URL is unset). */
class CrashRecoveryPostgresIT extends CrashScenarios {

    static Stream<Arguments> cases() {
        return CrashRecoveryIT.cases();
    }

    @ParameterizedTest(name = "PostgreSQL {0} kill -9 at {1}")
    @MethodSource("cases")
    void givenAWorkerKilledAtACrashPoint_whenAWorkerRestarts_thenEveryJobEndsRightOncePaidAndIntact(
            String version, CrashPoint point, @TempDir Path dir) throws Exception {
        String url = DurabilityHarness.freshPostgresUrlOrSkip("crash");
        try {
            crashAndRecover("postgresql", url, version, point, dir);
        } finally {
            DurabilityHarness.dropPostgresSchema(url);
        }
    }
}
