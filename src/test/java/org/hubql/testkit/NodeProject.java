package org.hubql.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Node.js project kept in the test resources (its {@code package.json} pins what it needs), copied to a scratch
 * folder and installed there with npm, for the tests tagged {@code node}.
 */
public final class NodeProject {
    private final Path directory;

    private NodeProject(Path directory) {
        this.directory = directory;
    }

    /** What a command printed (standard output and error together) and how it ended; -1 when it timed out. */
    public record Result(int exitCode, String output) {}

    /** Whether {@code node} and {@code npm} run here. */
    public static boolean available() {
        return works("node", "--version") && works("npm", "--version");
    }

    /** Copies {@code project} (with its sub-folders) into {@code target} and runs {@code npm install} there. */
    public static NodeProject install(Path project, Path target) {
        copy(project, target);
        NodeProject installed = new NodeProject(target);
        Result install = installed.run(600, "npm", "install", "--no-audit", "--no-fund");
        if (install.exitCode() != 0) {
            throw new AssertionError("npm install failed in " + target + ":\n" + install.output());
        }
        return installed;
    }

    public Path directory() {
        return directory;
    }

    public Result run(int timeoutSeconds, String... command) {
        return run(directory, timeoutSeconds, List.of(command));
    }

    private static Result run(Path directory, int timeoutSeconds, List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, output + "\n(timed out)");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, e.toString());
        }
    }

    private static boolean works(String... command) {
        return run(Path.of("."), 30, List.of(command)).exitCode() == 0;
    }

    private static void copy(Path source, Path target) {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
