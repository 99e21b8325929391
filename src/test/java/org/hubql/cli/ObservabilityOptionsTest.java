package org.hubql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --metrics-open} and {@code --log-format}, as flags and from the environment. */
class ObservabilityOptionsTest {
    private static ServeCommand parse(Map<String, String> environment, String... args) {
        CommandLine commandLine = HubqlCommand.newCommandLine(environment);
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        commandLine.parseArgs(all);
        return commandLine.getSubcommands().get("serve").getCommand();
    }

    @Test
    void metrics_are_protected_unless_opened_by_flag_or_environment() {
        assertThat(parse(Map.of()).metricsOpen).isFalse();
        assertThat(parse(Map.of(), "--metrics-open").metricsOpen).isTrue();
        assertThat(parse(Map.of("HUBQL_METRICS_OPEN", "true")).metricsOpen).isTrue();
    }

    @Test
    void the_log_format_is_text_unless_json_is_asked_for_in_any_case() {
        assertThat(parse(Map.of()).logFormat).isEqualTo(LogFormat.TEXT);
        assertThat(parse(Map.of(), "--log-format", "JSON").logFormat).isEqualTo(LogFormat.JSON);
        assertThat(parse(Map.of("HUBQL_LOG_FORMAT", "json")).logFormat).isEqualTo(LogFormat.JSON);
        assertThat(parse(Map.of("HUBQL_LOG_FORMAT", "json"), "--log-format", "text").logFormat)
                .isEqualTo(LogFormat.TEXT);
    }

    @Test
    void an_unknown_log_format_is_a_usage_error_naming_both() {
        CommandLine commandLine = HubqlCommand.newCommandLine(Map.of());
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute("serve", "--log-format", "xml");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("expected text or json, got 'xml'");
    }
}
