package dev.avatarkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoDelayTest {
    @Test
    void the_simulator_asks_the_jdk_server_to_send_without_waiting_for_acks() {
        // initialising the class is enough: the JDK server reads the property when the process's first one starts
        assertThat(HeyGenSimulator.builder()).isNotNull();
        assertThat(Boolean.getBoolean("sun.net.httpserver.nodelay")).isTrue();
    }
}
