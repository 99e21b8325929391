package org.hubql.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the public graphql-http conformance audit (the script and its package.json live in the test resources)
 * against a running gateway. It needs Node.js with npm; CI has both, so there it never skips.
 */
@Tag("node")
class GraphQLHttpAuditTest {
    private static final Path AUDIT_TOOL = Path.of("src", "test", "resources", "graphql-http-audit");

    @TempDir
    Path directory;

    @Test
    void every_must_and_should_check_of_the_graphql_over_http_spec_passes() throws Exception {
        boolean available =
                Files.isDirectory(AUDIT_TOOL) && commandWorks("node", "--version") && commandWorks("npm", "--version");
        assumeTrue(available || System.getenv("CI") != null, "the audit tool or Node.js is not available here");
        Path audit = copyTool(directory.resolve("audit"));
        assertThat(run(audit, List.of("npm", "install", "--no-audit", "--no-fund"), 300)
                        .exitCode())
                .isZero();

        try (RunningGateway gateway = RunningGateway.serve(TestHub.small(directory), false)) {
            Result result = run(
                    audit,
                    List.of(
                            "node",
                            "graphql-http-audit.mjs",
                            gateway.uri("/graphql").toString()),
                    120);
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("MUST   13 passed, 0 failed", "SHOULD 23 passed, 0 failed");
        }
    }

    private record Result(int exitCode, String output) {}

    private static Result run(Path directory, List<String> command, int timeoutSeconds) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, output + "\n(timed out)");
        }
        return new Result(process.exitValue(), output);
    }

    private static boolean commandWorks(String... command) {
        try {
            return run(Path.of("."), List.of(command), 30).exitCode() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static Path copyTool(Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(AUDIT_TOOL)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }
}
