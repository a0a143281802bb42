package dev.avatarkit.http;

import dev.avatarkit.core.domain.Job;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Job changes for Server-Sent Events: each change gets a sequence number and sits in a bounded ring of recent
 * events, so a client reconnecting with {@code Last-Event-ID} receives what it missed. Sequences start at the boot
 * time in microseconds, so they keep growing across restarts. Publishing never blocks (engine threads call it):
 * each subscriber has a bounded queue; one that falls behind is dropped and reconnects from the ring.
 */
final class EventHub implements Consumer<Job>, AutoCloseable {
    /** One job change. */
    record Event(long id, Job job) {}

    /** What a stream receives: replayed and live events; {@code gap} when some events are no longer in the ring. */
    static final class Subscription implements AutoCloseable {
        private final Predicate<Job> filter;
        private final BlockingQueue<Event> queue;
        private final EventHub hub;
        private volatile boolean overflowed;
        private volatile Runnable wakeup = () -> {};
        final boolean gap;

        private Subscription(EventHub hub, Predicate<Job> filter, int capacity, boolean gap) {
            this.hub = hub;
            this.filter = filter;
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.gap = gap;
        }

        private void offer(Event event) {
            if (!filter.test(event.job())) return;
            if (!queue.offer(event)) overflowed = true;
            wakeup.run();
        }

        /** Called (on the publishing thread: it must not block) after each event queued here, and when the stream should end. */
        void onEvent(Runnable callback) {
            this.wakeup = callback;
        }

        /** The next event, or null after {@code millis}. */
        Event poll(long millis) throws InterruptedException {
            return queue.poll(millis, TimeUnit.MILLISECONDS);
        }

        /** The next queued event, or null at once. */
        Event next() {
            return queue.poll();
        }

        /** True when the stream should end: it fell behind, or the server is stopping. */
        boolean ended() {
            return overflowed || hub.closed;
        }

        @Override
        public void close() {
            hub.subscribers.remove(this);
        }
    }

    private final Event[] ring;
    private final int queueCapacity;
    private final List<Subscription> subscribers = new CopyOnWriteArrayList<>();
    private long next;
    private int start;
    private int size;
    private volatile boolean closed;

    EventHub(int ringSize, int queueCapacity, Clock clock) {
        this.ring = new Event[ringSize];
        this.queueCapacity = queueCapacity;
        this.next = clock.millis() * 1000;
    }

    @Override
    public synchronized void accept(Job job) {
        Event event = new Event(++next, job);
        ring[(start + size) % ring.length] = event;
        if (size < ring.length) size++;
        else start = (start + 1) % ring.length;
        for (Subscription s : subscribers) s.offer(event);
    }

    /**
     * Subscribes; with {@code lastEventId}, first queues the retained events after it that pass the filter.
     * Atomic with publishing, so nothing is lost or doubled between the replay and the live events.
     */
    synchronized Subscription subscribe(Predicate<Job> filter, Long lastEventId) {
        List<Event> replay = new ArrayList<>();
        boolean gap = false;
        if (lastEventId != null) {
            long oldest = size == 0 ? next + 1 : ring[start].id();
            gap = lastEventId < oldest - 1 || lastEventId > next;
            for (int i = 0; i < size; i++) {
                Event e = ring[(start + i) % ring.length];
                if (e.id() > lastEventId && filter.test(e.job())) replay.add(e);
            }
        }
        Subscription s = new Subscription(this, filter, Math.max(queueCapacity, replay.size() + queueCapacity), gap);
        replay.forEach(s.queue::add);
        subscribers.add(s);
        return s;
    }

    int subscriberCount() {
        return subscribers.size();
    }

    @Override
    public void close() {
        closed = true;
        for (Subscription s : subscribers) s.wakeup.run();
    }
}
