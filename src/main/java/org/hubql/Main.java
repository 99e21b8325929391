package org.hubql;

import org.hubql.cli.HubqlCommand;
import org.hubql.cli.LogQueue;

/** {@code java -jar hubql.jar …}: hands the arguments to the command line and exits with its code. */
public final class Main {
    /** The root log level of logback.xml and logback-json.xml. */
    private static final String LOG_LEVEL = "hubql.log.level";

    private Main() {
        // non-constructable
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("query")) {
            // a script reads the answer on stdout; stderr stays empty unless something is wrong
            System.setProperty(LOG_LEVEL, System.getProperty(LOG_LEVEL, "WARN"));
        }
        int exitCode = HubqlCommand.run(args);
        if (exitCode != HubqlCommand.KEEP_RUNNING) {
            LogQueue.drain();
            System.exit(exitCode);
        }
    }
}
