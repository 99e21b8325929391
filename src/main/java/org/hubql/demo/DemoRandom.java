package org.hubql.demo;

import java.util.List;
import java.util.Random;

/** The single source of randomness of one demo hub, so one seed always gives the same database. */
final class DemoRandom {
    private final Random random;

    DemoRandom(long seed) {
        this.random = new Random(seed);
    }

    Random source() {
        return random;
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A uniform integer in {@code [low, high]}. */
    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    /** A TCP port the way JupyterHub's {@code random_port()} might hand one out on a busy host. */
    int port() {
        return between(40000, 60000);
    }

    long below(long bound) {
        return (long) (random.nextDouble() * bound);
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** An index into {@code percents}, chosen with those weights (which sum to 100). */
    int weighted(int... percents) {
        int roll = random.nextInt(100);
        for (int i = 0; i < percents.length; i++) {
            roll -= percents[i];
            if (roll < 0) {
                return i;
            }
        }
        return percents.length - 1;
    }

    byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Python's {@code uuid.uuid4().hex}: 32 lowercase hex with the version and variant bits set. */
    String uuid4Hex() {
        byte[] bytes = bytes(16);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        return JupyterHubTokenHash.hex(bytes);
    }

    /** Python's {@code str(uuid.uuid4())}: 36 characters with dashes. */
    String uuid4() {
        String hex = uuid4Hex();
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }
}
