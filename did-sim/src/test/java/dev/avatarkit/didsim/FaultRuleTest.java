package dev.avatarkit.didsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultRuleTest {
    @Test
    void givenAFaultsFile_whenLoaded_thenItsRulesAreLive_withTheirParams(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("faults.json"), """
        {"rules":[{"route":"POST /talks","kind":"rate_limit","next":2,"retry_after":9},
                  {"route":"*","kind":"server_error","status":503}]}""");
        Faults faults = new Faults().loadFileOrJson(file.toString());
        assertThat(faults.rules()).hasSize(2);
        assertThat(faults.rules().get(0).retryAfterSeconds()).isEqualTo(9);
        assertThat(faults.rules().get(1).status()).isEqualTo(503);
    }

    @Test
    void givenInlineJsonWithReplace_thenOldRulesGo() throws Exception {
        Faults faults = new Faults().add(FaultRule.on("GET /talks", FaultKind.RESET));
        faults.loadFileOrJson(
                "{\"replace\":true,\"rules\":[{\"route\":\"GET /credits\",\"kind\":\"slow\",\"delay_ms\":10}]}");
        assertThat(faults.rules())
                .singleElement()
                .satisfies(r -> assertThat(r.route()).isEqualTo("GET /credits"));
    }

    @Test
    void badRulesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new Faults().load("[{\"kind\":\"reset\"}]")).hasMessageContaining("'route'");
        assertThatThrownBy(() -> new Faults().load("[{\"route\":\"*\"}]")).hasMessageContaining("'kind'");
        assertThatThrownBy(() -> FaultRule.on("*", FaultKind.SERVER_ERROR).status(404))
                .hasMessageContaining("'status'");
        assertThatThrownBy(() -> FaultRule.on("*", FaultKind.RESET).next(0)).hasMessageContaining("'next'");
        assertThatThrownBy(() -> new Faults().load("{\"rules\":{}}")).hasMessageContaining("'rules'");
    }

    @Test
    void nextN_firesOnTheNextNMatchingCallsOnly_andStarMatchesOnlyDidRoutes() {
        FaultRule rule = FaultRule.on("*", FaultKind.RESET).next(2);
        Route api = Route.api("GET", "/talks", c -> null);
        Route sim = Route.sim("GET", "/_sim/stats", c -> null);
        assertThat(rule.matches(sim)).isFalse();
        assertThat(rule.matches(api)).isTrue();
        assertThat(rule.fire()).isTrue();
        assertThat(rule.fire()).isTrue();
        assertThat(rule.fire()).isFalse();
        assertThat(rule.timesFired()).isEqualTo(2);
    }
}
