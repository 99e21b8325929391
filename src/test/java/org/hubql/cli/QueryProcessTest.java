package org.hubql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java … org.hubql.Main query}: what a cron job sees, the process's exit code and its two streams. */
@Tag("slow")
class QueryProcessTest {
    @TempDir
    static Path directory;

    static Path hub;

    @BeforeAll
    static void hub() {
        hub = TestHub.small(directory);
    }

    private record Exited(int code, String out, String err) {}

    private static Exited hubql(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.hubql.Main"));
        command.addAll(List.of(args));
        Path out = directory.resolve("out");
        Path err = directory.resolve("err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("hubql query did not exit within 60 s");
        }
        return new Exited(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void an_answer_without_errors_is_json_on_stdout_nothing_on_stderr_and_exit_0() throws Exception {
        Exited run = hubql("{ hub { __typename } }", "query", "--db", hub.toString(), "--as-admin", "-");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(RunningGateway.parse(run.out()).at("/data/hub/__typename").asText())
                .isEqualTo("Hub");
    }

    @Test
    void an_answer_with_errors_exits_1() throws Exception {
        Exited run = hubql("", "query", "--db", hub.toString(), "--as-admin", "{ nonsense }");
        assertThat(run.code()).isEqualTo(1);
        assertThat(RunningGateway.parse(run.out())
                        .at("/errors/0/extensions/code")
                        .asText())
                .isEqualTo("GRAPHQL_VALIDATION_FAILED");
    }

    @Test
    void bad_arguments_exit_2_with_one_line_on_stderr() throws Exception {
        Exited run =
                hubql("", "query", "--db", hub.toString(), "--as-admin", "--variables", "{", "{ hub { __typename } }");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip())
                .startsWith("hubql: --variables is not a JSON object")
                .doesNotContain("\n");
    }
}
