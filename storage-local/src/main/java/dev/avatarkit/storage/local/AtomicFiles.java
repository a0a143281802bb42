package dev.avatarkit.storage.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Temp files, fsync and atomic renames. Temps are named {@code .<name>.<random>.tmp}: a key segment can neither
 * start with '.' nor end in ".tmp", so a temp can never be mistaken for (or collide with) an object.
 */
final class AtomicFiles {
    static final int CHUNK = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Temps being written by this JVM. POSIX record locks belong to the process, and closing any channel on a
     * file drops them, so the sweeper must not even open our own temps; other processes are told apart by lock.
     */
    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();

    private AtomicFiles() {}

    /** Signals that the source stream, not the disk, failed. */
    static final class SourceFailure extends IOException {
        SourceFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    static Path tempFor(Path target) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return target.resolveSibling(
                "." + target.getFileName() + "." + HexFormat.of().formatHex(random) + ".tmp");
    }

    static boolean isTemp(String fileName) {
        return fileName.startsWith(".") && fileName.endsWith(".tmp");
    }

    /**
     * Streams {@code in} into a new, locked temp file, hashing it, then forces it to disk; returns the size. An
     * {@code in} that is also a {@link ReadableByteChannel} is read as one, into a temp written direct when the file
     * system allows it ({@link DirectWrites}).
     */
    static long writeTemp(Path temp, InputStream in, MessageDigest digest) throws IOException {
        IN_FLIGHT.add(temp);
        if (in instanceof ReadableByteChannel source) {
            // A source that is also a channel (the providers' downloads) is read into direct buffers: one copy less
            DirectWrites.Temp direct = DirectWrites.create(temp, OverlappedCopy.CHUNK);
            if (direct != null) return writeDirect(direct, source, digest);
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            long size = in instanceof ReadableByteChannel source
                    ? OverlappedCopy.copy(source, channel, digest)
                    : OverlappedCopy.copy(in, channel, digest);
            channel.force(true);
            return size;
        }
    }

    /**
     * Copies a local file into a new, locked temp file, hashing the copy, then forces it to disk: written direct
     * from aligned buffers the hasher reads too where the file system allows it, else copied in the kernel.
     */
    static long writeTemp(Path temp, FileChannel source, MessageDigest digest) throws IOException {
        IN_FLIGHT.add(temp);
        if (source.size() > OverlappedCopy.CHUNK) {
            DirectWrites.Temp direct = DirectWrites.create(temp, OverlappedCopy.CHUNK);
            if (direct != null) return writeDirect(direct, source, digest);
        }
        // READ too: the hasher reads the copy back through this channel (a second channel would drop the lock)
        try (FileChannel channel = FileChannel.open(
                        temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
                FileLock ignored = channel.lock()) {
            long size = KernelCopy.copy(source, channel, digest);
            channel.force(true);
            return size;
        }
    }

    private static long writeDirect(DirectWrites.Temp temp, ReadableByteChannel source, MessageDigest digest)
            throws IOException {
        try (FileChannel channel = temp.channel();
                FileLock ignored = channel.lock()) {
            long size = OverlappedCopy.copyDirect(source, channel, temp.alignment(), digest);
            channel.force(true);
            return size;
        }
    }

    static void writeTemp(Path temp, byte[] content) throws IOException {
        writeTemp(temp, new ByteArrayInputStream(content), sha256());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** rename(2): readers see the old file or the new one, never a mix. */
    static void moveIntoPlace(Path temp, Path target) throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Without this the rename itself can be lost on power failure (Lucene's IOUtils.fsync(dir, true)). */
    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory; the rename is still atomic there.
            if (!System.getProperty("os.name", "").toLowerCase().contains("win")) throw e;
        }
    }

    static void forgetTemp(Path temp) {
        IN_FLIGHT.remove(temp);
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // Best effort: the sweeper removes it on the next start.
        }
    }

    /** Deletes temps left by crashed writers (unlocked, not ours) and sidecars whose object is gone. */
    static int sweep(Path root) throws IOException {
        int[] removed = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (!attrs.isRegularFile()) return FileVisitResult.CONTINUE;
                if (isTemp(name) && !IN_FLIGHT.contains(file) && deleteIfUnlocked(file)) removed[0]++;
                if (name.startsWith(".") && name.endsWith(Manifest.SUFFIX)) {
                    String object = name.substring(1, name.length() - Manifest.SUFFIX.length());
                    if (!Files.exists(file.resolveSibling(object)) && Files.deleteIfExists(file)) removed[0]++;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // an unreadable corner must not stop the store from starting
            }
        });
        return removed[0];
    }

    private static boolean deleteIfUnlocked(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) return false; // another live process is still writing it
            Files.delete(file);
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }
}
