package org.hubql.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which spawners a user has. About 80% of users have a default spawner, about 15% also one or two named
 * ones, and a quarter of all spawners run. The fixed users get fixed spawners so tests and demos can rely on them.
 */
final class SpawnerPlans {
    private static final List<String> SERVER_NAMES = List.of("ml", "gpu", "ml lab", "dev", "r-studio");
    private static final double DEFAULT_SHARE = 0.80;
    private static final double NAMED_SHARE_OF_DEFAULT = 0.15 / DEFAULT_SHARE;
    private static final double RUNNING_SHARE = 0.25;
    private static final double STOPPED_SHARE_OF_IDLE = 0.85;

    private SpawnerPlans() {}

    static List<SpawnerPlan> forUser(String name, DemoRandom random) {
        switch (name) {
            case "admin":
                return List.of(SpawnerPlan.stopped(""));
            case "alice":
                return List.of(SpawnerPlan.running(""));
            case "müller":
                return List.of(SpawnerPlan.running(""), SpawnerPlan.stopped("ml"));
            case "jane.doe@example.org":
                return List.of(SpawnerPlan.stopped(""), SpawnerPlan.running("ml lab"));
            default:
                return random.chance(DEFAULT_SHARE) ? randomPlans(random) : List.of();
        }
    }

    private static List<SpawnerPlan> randomPlans(DemoRandom random) {
        List<SpawnerPlan> plans = new ArrayList<>(3);
        plans.add(new SpawnerPlan("", defaultStatus(random)));
        if (!random.chance(NAMED_SHARE_OF_DEFAULT)) {
            return plans;
        }
        int named = random.between(1, 2);
        int first = random.between(0, SERVER_NAMES.size() - 1);
        for (int i = 0; i < named; i++) {
            String server = SERVER_NAMES.get((first + i) % SERVER_NAMES.size());
            plans.add(running(random) ? SpawnerPlan.running(server) : SpawnerPlan.stopped(server));
        }
        return plans;
    }

    private static SpawnerPlan.Status defaultStatus(DemoRandom random) {
        if (running(random)) {
            return SpawnerPlan.Status.RUNNING;
        }
        return random.chance(STOPPED_SHARE_OF_IDLE) ? SpawnerPlan.Status.STOPPED : SpawnerPlan.Status.NEVER_STARTED;
    }

    private static boolean running(DemoRandom random) {
        return random.chance(RUNNING_SHARE);
    }
}
