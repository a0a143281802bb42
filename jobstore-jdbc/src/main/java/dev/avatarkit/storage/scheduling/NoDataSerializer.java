package dev.avatarkit.storage.scheduling;

import com.github.kagkarlsson.scheduler.serializer.Serializer;

/**
 * Job steps carry no task data (the instance id is the job id), so nothing is ever serialized. Refusing data
 * keeps Java serialization, and its deserialization risks, out of {@code scheduled_tasks} for good.
 */
final class NoDataSerializer implements Serializer {
    @Override
    public byte[] serialize(Object data) {
        if (data == null) return null;
        throw new IllegalArgumentException(
                "job steps carry no task data, got " + data.getClass().getName());
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] bytes) {
        if (bytes == null || bytes.length == 0) return null;
        throw new IllegalArgumentException("job steps carry no task data, found " + bytes.length + " bytes");
    }
}
