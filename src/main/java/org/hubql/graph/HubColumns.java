package org.hubql.graph;

import org.hubql.db.HubSchema;

/** Refuses a filter or order on a column the hub's JupyterHub version does not have, instead of answering wrongly. */
record HubColumns(HubSchema schema) {

    /** Passes when {@code table.column} exists; else a BAD_USER_INPUT naming the argument and the column. */
    void require(String argument, String table, String column) {
        if (!schema.has(table, column)) {
            String release = schema.releaseLine();
            throw new BadInputException("`" + argument + "` needs `" + table + "." + column
                    + "`, which this hub's database" + (release == null ? "" : " (JupyterHub " + release + ")")
                    + " does not have");
        }
    }
}
