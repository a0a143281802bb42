package dev.avatarkit.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hashing on a second thread: same digest as inline, bounded buffers, failures surface. */
class BackgroundHasherTest {

    @Test
    void givenChunksOfVaryingLength_thenTheDigestEqualsHashingThemInline() throws IOException {
        byte[] content = OverlappedCopyTest.random(100_000);
        MessageDigest digest = AtomicFiles.sha256();
        Set<ByteBuffer> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        try (BackgroundHasher hasher = new BackgroundHasher(digest, ByteBuffer.allocateDirect(4096), 3)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(4096);
            for (int at = 0, step = 1; at < content.length; at += step, step = step * 7 % 4096 + 1) {
                int n = Math.min(step, content.length - at);
                buffer.put(content, at, n).flip();
                hasher.hash(buffer);
                seen.add(buffer);
                buffer = hasher.take();
                assertThat(buffer.isDirect())
                        .as("the pool is like the first buffer")
                        .isTrue();
            }
            hasher.finish();
        }

        assertThat(digest.digest()).isEqualTo(AtomicFiles.sha256().digest(content));
        assertThat(seen).hasSizeLessThanOrEqualTo(3); // the pool, never more, however many chunks went through
    }

    @Test
    void givenAllBuffersOut_whenTaking_thenWaitsUntilTheHasherReturnsOne() throws Exception {
        CountDownLatch hashing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MessageDigest slow = new BlockingDigest(hashing, release);
        try (BackgroundHasher hasher = new BackgroundHasher(slow, ByteBuffer.allocate(16), 2)) {
            ByteBuffer first = ByteBuffer.allocate(16);
            hasher.hash(first);
            assertThat(hashing.await(5, TimeUnit.SECONDS)).isTrue();
            ByteBuffer second = hasher.take(); // the second buffer of the pool is new
            hasher.hash(second);
            CompletableFuture<ByteBuffer> third = CompletableFuture.supplyAsync(() -> {
                try {
                    return hasher.take();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });

            Thread.sleep(200);
            assertThat(third).isNotDone();
            release.countDown();
            assertThat(third.get(5, TimeUnit.SECONDS)).isIn(first, second);
            hasher.finish();
        }
    }

    @Test
    @Timeout(10) // without the drain-on-failure, take() waits forever for a buffer
    void givenTheDigestThrows_thenFinishReportsItAndTakeNeverHangs() throws Exception {
        MessageDigest broken = new BlockingDigest(null, null) {
            @Override
            protected void engineUpdate(byte[] input, int offset, int len) {
                throw new AssertionError("digest broke"); // an Error, too, must not leave the producer waiting
            }
        };
        try (BackgroundHasher hasher = new BackgroundHasher(broken, ByteBuffer.allocate(16), 2)) {
            assertThatThrownBy(() -> produce(hasher, 10))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("digest broke");
        }
    }

    @Test
    void givenASink_thenItTakesEveryBufferInOrderBeforeTheDigestSeesIt() throws IOException {
        byte[] content = OverlappedCopyTest.random(10 * 16);
        MessageDigest digest = AtomicFiles.sha256();
        java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        BackgroundHasher.Sink sink = bytes -> {
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            written.write(copy, 0, copy.length);
        };
        try (BackgroundHasher hasher = new BackgroundHasher(digest, 2, () -> ByteBuffer.allocate(16), sink)) {
            ByteBuffer buffer = ByteBuffer.allocate(16);
            for (int at = 0; at < content.length; at += 16) {
                hasher.hash(buffer.put(content, at, 16).flip());
                buffer = hasher.take();
            }
            hasher.finish();
        }

        assertThat(written.toByteArray()).isEqualTo(content);
        assertThat(digest.digest()).isEqualTo(AtomicFiles.sha256().digest(content));
    }

    @Test
    @Timeout(10) // a failed write must reach the producer, not leave it waiting for a buffer
    void givenASinkThatFails_thenTheProducerGetsTheFailure() {
        BackgroundHasher.Sink full = bytes -> {
            throw new IOException("No space left on device");
        };
        try (BackgroundHasher hasher =
                new BackgroundHasher(AtomicFiles.sha256(), 2, () -> ByteBuffer.allocate(16), full)) {
            assertThatThrownBy(() -> produce(hasher, 1000))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("No space left on device");
        }
    }

    /** Hands over {@code chunks} buffers of 16 bytes, then finishes. */
    private static void produce(BackgroundHasher hasher, int chunks) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(16);
        for (int i = 0; i < chunks; i++) {
            hasher.hash(buffer);
            buffer = hasher.take();
        }
        hasher.finish();
    }

    /** A digest whose first update blocks until released (or never, when the latches are null). */
    private static class BlockingDigest extends MessageDigest {
        private final CountDownLatch entered;
        private final CountDownLatch release;

        BlockingDigest(CountDownLatch entered, CountDownLatch release) {
            super("blocking");
            this.entered = entered;
            this.release = release;
        }

        @Override
        protected void engineUpdate(byte input) {}

        @Override
        protected void engineUpdate(byte[] input, int offset, int len) {
            if (entered == null) return;
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        protected byte[] engineDigest() {
            return new byte[0];
        }

        @Override
        protected void engineReset() {}
    }
}
