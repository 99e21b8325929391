package org.hubql.demo;

/** One spawner row a user is to get: its server name ({@code ""} for the default server) and where it stands. */
record SpawnerPlan(String name, Status status) {
    enum Status {
        RUNNING,
        STOPPED,
        NEVER_STARTED
    }

    static SpawnerPlan running(String name) {
        return new SpawnerPlan(name, Status.RUNNING);
    }

    static SpawnerPlan stopped(String name) {
        return new SpawnerPlan(name, Status.STOPPED);
    }

    boolean everStarted() {
        return status != Status.NEVER_STARTED;
    }
}
