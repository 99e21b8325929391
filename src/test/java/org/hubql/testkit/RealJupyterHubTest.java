package org.hubql.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The harness itself: a hub that starts answers, and closing it leaves nothing behind. */
@Tag("jupyterhub")
class RealJupyterHubTest {
    private static final String ADMIN_TOKEN = "hubql-test-admin-service-0123456789";

    @BeforeEach
    void needsJupyterHub() {
        assumeTrue(System.getenv("CI") != null || RealJupyterHub.available(), "jupyterhub is not installed here");
    }

    @Test
    void closing_stops_the_hub_its_proxy_and_its_servers_and_deletes_its_directory() {
        List<ProcessHandle> processes;
        Path directory;
        try (RealJupyterHub hub = JupyterHubConfig.newConfig()
                .users("ann")
                .adminService("admin", ADMIN_TOKEN)
                .start()) {
            hub.startServer("ann", "");
            assertThat(hub.get("/users/ann", hub.newToken("ann", List.of(), "test"))
                            .body()
                            .path("server")
                            .asText())
                    .isEqualTo("/user/ann/");
            processes = hub.processTree();
            directory = hub.directory();
        }
        assertThat(processes)
                .as("hub, proxy and server")
                .hasSizeGreaterThanOrEqualTo(3)
                .noneMatch(ProcessHandle::isAlive);
        assertThat(Files.exists(directory)).isFalse();
    }

    @Test
    void a_hub_that_cannot_start_fails_with_the_tail_of_its_log() {
        JupyterHubConfig broken =
                JupyterHubConfig.newConfig().line("c.JupyterHub.authenticator_class = 'no-such-authenticator'");
        assertThatThrownBy(broken::start)
                .hasMessageContaining("(it exited)")
                .hasMessageContaining("no-such-authenticator");
    }
}
