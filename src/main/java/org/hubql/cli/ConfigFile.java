package org.hubql.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A {@code .properties} file of option values for a command: one {@code name=value} line per option, named by its
 * long name without the dashes ({@code port=8080}, {@code cors-origin=https://a.example,https://b.example},
 * {@code trace=true}). A key that names no option of the command is an error, so that a typo is not silently
 * ignored.
 */
final class ConfigFile {
    /** The option that names the file; {@code HUBQL_CONFIG} names it too. */
    static final String OPTION = "--config";

    private ConfigFile() {
        // non-constructable
    }

    /**
     * The file's values, checked against {@code command}'s options.
     *
     * @throws CommandLine.ParameterException when the file cannot be read or has a key that is not an option
     */
    static Properties read(Path file, CommandSpec command) {
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(
                    command.commandLine(),
                    "cannot read the config file " + file + ": "
                            + (e instanceof IOException io ? Problems.describe(io) : e.getMessage()));
        }
        Set<String> known = keys(command);
        Set<String> unknown = new TreeSet<>(values.stringPropertyNames());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new CommandLine.ParameterException(
                    command.commandLine(),
                    "the config file " + file + " has " + (unknown.size() == 1 ? "a key" : "keys") + " that "
                            + (unknown.size() == 1 ? "is not an option" : "are not options") + " of hubql "
                            + command.name() + ": " + String.join(", ", unknown)
                            + "; keys are option names without the dashes, e.g. port=8080");
        }
        return values;
    }

    /** The key of {@code option} in a config file: {@code --cors-origin} → {@code cors-origin}. */
    static String key(OptionSpec option) {
        return option.longestName().replaceFirst("^-+", "");
    }

    private static Set<String> keys(CommandSpec command) {
        return command.options().stream()
                .filter(option -> !option.usageHelp() && !option.versionHelp())
                .filter(option -> !option.longestName().equals(OPTION))
                .map(ConfigFile::key)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
