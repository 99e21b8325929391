package org.hubql;

import org.hubql.cli.HubqlCommand;

/** {@code java -jar hubql.jar …}: hands the arguments to the command line and exits with its code. */
public final class Main {
    private Main() {
        // non-constructable
    }

    public static void main(String[] args) {
        int exitCode = HubqlCommand.run(args);
        if (exitCode != HubqlCommand.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }
}
