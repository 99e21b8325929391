package org.hubql.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Locale;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * {@code --log-format}: every log line as text ({@code logback.xml}), or as one JSON object per line
 * ({@code logback-json.xml}, logback's {@code JsonEncoder}) for log shippers. Chosen before the first line of
 * {@code serve} is logged.
 */
enum LogFormat {
    TEXT("/logback.xml"),
    JSON("/logback-json.xml");

    private final String configuration;

    LogFormat(String configuration) {
        this.configuration = configuration;
    }

    /**
     * Reconfigures logback for JSON, in place of the configuration it started with; text is what logback starts
     * with (or whatever {@code -Dlogback.configurationFile} names), so it is left as it is.
     */
    void apply() {
        if (this == TEXT) {
            return;
        }
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another slf4j backend (a test's): leave it as it is
        }
        URL resource = LogFormat.class.getResource(configuration);
        if (resource == null) {
            throw new IllegalStateException(configuration + " is missing from the classpath");
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(resource);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure logging from " + configuration, e);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code text} or {@code json}, in any case; anything else is a usage error naming both. */
    static final class Converter implements CommandLine.ITypeConverter<LogFormat> {
        @Override
        public LogFormat convert(String value) {
            try {
                return LogFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected text or json, got '" + value + "'");
            }
        }
    }
}
