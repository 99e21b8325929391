package org.hubql.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a SQLite path names now, read without SQLite and without any lock: the file's identity (device and inode, as
 * {@link BasicFileAttributes#fileKey()}), size and modification time from one {@code stat}, and whether its header
 * is a SQLite database's, whole. One {@code stat} costs a few microseconds; the header (one 100-byte read) is read
 * only when the {@code stat} has changed.
 */
final class SqliteFile {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = 100;

    /** One {@code stat} of the path: a different {@code key} is a different file. */
    record Stat(Object key, long size, FileTime modified) {}

    private SqliteFile() {
        // non-constructable
    }

    /** The path's {@code stat}, following links; empty when nothing is there. */
    static Optional<Stat> stat(Path path) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            Object key = attributes.fileKey() == null ? path.toRealPath() : attributes.fileKey();
            return Optional.of(new Stat(key, attributes.size(), attributes.lastModifiedTime()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * What is wrong with the file's header, if anything: not a SQLite database, or shorter than the size its header
     * records (which the header vouches for only when its "version-valid-for" matches its change counter).
     */
    static Optional<String> headerProblem(Path path) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        long size;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            size = channel.size();
            while (header.hasRemaining() && channel.read(header, header.position()) > 0) {
                // a short read of a regular file only happens at its end
            }
        }
        if (header.position() < HEADER_BYTES || !Arrays.equals(Arrays.copyOf(header.array(), MAGIC.length), MAGIC)) {
            return Optional.of("the file is not a SQLite database (its header is missing or overwritten)");
        }
        long pageSize = pageSize(header.getShort(16) & 0xffff);
        long changeCounter = header.getInt(24) & 0xffffffffL;
        long pages = header.getInt(28) & 0xffffffffL;
        long validFor = header.getInt(92) & 0xffffffffL;
        if (validFor == changeCounter && pages > 0 && size < pages * pageSize) {
            return Optional.of(
                    "the file is truncated: " + size + " bytes, where its header records " + pages * pageSize);
        }
        return Optional.empty();
    }

    /** The header stores 65536 as 1. */
    private static long pageSize(int stored) {
        return stored == 1 ? 65_536 : stored;
    }
}
