package org.hubql.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The value of an option not given on the command line: from the environment ({@link EnvironmentDefaults}), else
 * from the {@link ConfigFile} named by {@code --config} or {@code HUBQL_CONFIG}, else the option's own default. So
 * a flag wins over the environment, which wins over the file.
 */
final class OptionDefaults implements CommandLine.IDefaultValueProvider {
    private final EnvironmentDefaults environment;
    private final Map<Path, Properties> files = new HashMap<>();

    OptionDefaults(EnvironmentDefaults environment) {
        this.environment = environment;
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        String fromEnvironment = environment.defaultValue(argument);
        if (fromEnvironment != null || !(argument instanceof OptionSpec option)) {
            return fromEnvironment;
        }
        if (option.usageHelp() || option.versionHelp() || option.longestName().equals(ConfigFile.OPTION)) {
            return null;
        }
        return configFile(option.command())
                .map(values -> values.getProperty(ConfigFile.key(option)))
                .orElse(null);
    }

    /**
     * The command's config file, read once. Picocli asks for defaults after it has parsed the command line, so a
     * {@code --config} given there is known by then; else {@code HUBQL_CONFIG} names it.
     */
    private Optional<Properties> configFile(CommandSpec command) {
        OptionSpec config = command.findOption(ConfigFile.OPTION);
        if (config == null) {
            return Optional.empty();
        }
        List<String> given = config.originalStringValues();
        String path = given.isEmpty() ? environment.defaultValue(config) : given.get(given.size() - 1);
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(files.computeIfAbsent(Path.of(path), file -> ConfigFile.read(file, command)));
    }
}
