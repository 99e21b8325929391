package org.hubql.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.hubql.db.DatabaseLocation;

/**
 * The flatness target's measurement: the dashboard page on a small hub and on a large one, hubql alone on each
 * (no baseline), alternated call by call in one JVM, so that the host's drift falls on both sides of the ratio, as
 * it does in every other ratio of the benchmark. (Before, the two figures came from separate runs minutes apart,
 * and on a noisy host the same figure moved by half between two of them.) Writes {@code flat-dashboard.json}.
 *
 * <p>Usage: {@code FlatPage SMALL_HUB SMALL_USERS LARGE_HUB LARGE_USERS OUT_DIR WARMUP_SECONDS MEASURE_SECONDS}.
 */
public final class FlatPage {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FlatPage() {}

    public static void main(String[] args) throws Exception {
        DatabaseLocation smallHub = DatabaseLocation.parse(args[0]);
        int smallUsers = Integer.parseInt(args[1]);
        DatabaseLocation largeHub = DatabaseLocation.parse(args[2]);
        int largeUsers = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        double warmupSeconds = Double.parseDouble(args[5]);
        double measureSeconds = Double.parseDouble(args[6]);
        BenchQuery page = BenchQuery.DASHBOARD;
        Map<String, Object> smallVariables = page.variables(InProcessBench.probe(smallHub));
        Map<String, Object> largeVariables = page.variables(InProcessBench.probe(largeHub));
        try (HubqlRunner small = new HubqlRunner(smallHub);
                HubqlRunner large = new HubqlRunner(largeHub)) {
            Interleaved.Pair pair = Interleaved.time(
                    () -> small.run(page, smallVariables),
                    () -> large.run(page, largeVariables),
                    warmupSeconds,
                    measureSeconds);
            ObjectNode result = MAPPER.createObjectNode();
            result.put("query", page.name());
            result.put("smallUsers", smallUsers);
            result.put("largeUsers", largeUsers);
            result.put("iterations", pair.first().runs());
            result.put("smallMedianUs", pair.first().medianUs());
            result.put("largeMedianUs", pair.second().medianUs());
            result.put("growth", pair.second().medianUs() / pair.first().medianUs());
            MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValue(out.resolve("flat-dashboard.json").toFile(), result);
            System.out.printf(
                    "%s at %d users %.1f us, at %d users %.1f us, alternated: %.2f x  n=%d%n",
                    page.label(),
                    largeUsers,
                    pair.second().medianUs(),
                    smallUsers,
                    pair.first().medianUs(),
                    pair.second().medianUs() / pair.first().medianUs(),
                    pair.first().runs());
        }
    }
}
