package dev.avatarkit.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temps for direct writes: created new or not at all, buffers aligned the way O_DIRECT needs them. */
class DirectWritesTest {
    @TempDir
    Path tmp;

    @Test
    void givenAnExistingFile_whenCreated_thenRefusedAndTheFileUntouched() throws Exception {
        Path existing = Files.writeString(tmp.resolve("taken"), "someone else's");

        assertThatThrownBy(() -> DirectWrites.create(existing, OverlappedCopy.CHUNK))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(existing).hasContent("someone else's");
    }

    @Test
    void givenAFileSystemThatTakesDirectWrites_whenCreated_thenANewEmptyFileAndAChunkDividingAlignment()
            throws Exception {
        DirectWrites.Temp temp = DirectWrites.create(tmp.resolve("new"), OverlappedCopy.CHUNK);
        assumeTrue(temp != null, "this file system does not take O_DIRECT");
        try (var channel = temp.channel()) {
            assertThat(channel.size()).isZero();
            assertThat(OverlappedCopy.CHUNK % temp.alignment()).isZero();
        }
        assertThat(tmp.resolve("new")).exists();
    }

    @Test
    void givenAnAlignment_whenAllocated_thenTheAddressIsAlignedAndTheSizeExact() {
        for (int alignment : new int[] {512, 4096, 65536}) {
            ByteBuffer buffer = DirectWrites.allocate(OverlappedCopy.CHUNK, alignment);

            assertThat(buffer.isDirect()).isTrue();
            assertThat(buffer.capacity()).isEqualTo(OverlappedCopy.CHUNK);
            assertThat(buffer.alignmentOffset(0, alignment)).isZero();
        }
    }

    @Test
    void givenSizes_whenRoundedUp_thenTheNextMultiple() {
        assertThat(DirectWrites.roundUp(0, 4096)).isZero();
        assertThat(DirectWrites.roundUp(1, 4096)).isEqualTo(4096);
        assertThat(DirectWrites.roundUp(4096, 4096)).isEqualTo(4096);
        assertThat(DirectWrites.roundUp(4097, 4096)).isEqualTo(8192);
        assertThat(DirectWrites.roundUp(7, 1)).isEqualTo(7);
    }
}
