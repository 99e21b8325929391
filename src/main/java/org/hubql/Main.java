package org.hubql;

import org.hubql.cli.HubqlCommand;

/** {@code java -jar hubql.jar …}: hands the arguments to the command line and exits with its code. */
public final class Main {
    private static final String QUIET_LOG = "org.slf4j.simpleLogger.defaultLogLevel";

    private Main() {
        // non-constructable
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("query")) {
            // a script reads the answer on stdout; stderr stays empty unless something is wrong
            System.setProperty(QUIET_LOG, System.getProperty(QUIET_LOG, "warn"));
        }
        int exitCode = HubqlCommand.run(args);
        if (exitCode != HubqlCommand.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }
}
