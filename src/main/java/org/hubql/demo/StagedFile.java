package org.hubql.demo;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A temporary file next to the target that becomes the target only when complete. Publishing hard-links it to
 * the target name, which fails rather than replaces if something appeared there meanwhile (a rename would
 * replace it); file systems without hard links fall back to a move that also refuses to replace.
 */
final class StagedFile implements AutoCloseable {
    private final Path target;
    private final Path temp;

    private StagedFile(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    static StagedFile next(Path target) throws DemoHubException {
        refuseIfExists(target);
        Path directory = target.getParent();
        if (directory == null || !Files.exists(directory)) {
            throw new DemoHubException("directory does not exist: " + directory);
        }
        if (!Files.isDirectory(directory)) {
            throw new DemoHubException("not a directory: " + directory);
        }
        if (!Files.isWritable(directory)) {
            throw new DemoHubException("directory is not writable: " + directory);
        }
        try {
            return new StagedFile(target, Files.createTempFile(directory, ".hubql-demo-", ".tmp"));
        } catch (IOException e) {
            throw new DemoHubException("cannot create a temporary file in " + directory + ": " + e.getMessage(), e);
        }
    }

    Path temp() {
        return temp;
    }

    void publish() throws DemoHubException {
        refuseIfExists(target);
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            throw refusal(target);
        } catch (IOException | UnsupportedOperationException e) {
            moveWithoutReplacing();
        }
    }

    private void moveWithoutReplacing() throws DemoHubException {
        try {
            Files.move(temp, target);
        } catch (FileAlreadyExistsException e) {
            throw refusal(target);
        } catch (IOException e) {
            throw new DemoHubException("cannot move the finished database to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Removes the temporary name; after {@link #publish()} the data lives on under the target name. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(temp);
            Files.deleteIfExists(temp.resolveSibling(temp.getFileName() + "-journal"));
        } catch (IOException e) {
            temp.toFile().deleteOnExit();
        }
    }

    private static void refuseIfExists(Path target) throws DemoHubException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw refusal(target);
        }
    }

    private static DemoHubException refusal(Path target) {
        return new DemoHubException("refusing to overwrite existing file: " + target);
    }
}
