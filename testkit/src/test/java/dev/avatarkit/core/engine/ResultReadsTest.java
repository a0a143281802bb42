package dev.avatarkit.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.port.NotFoundException;
import dev.avatarkit.core.port.RenderPhase;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.ResultFile;
import dev.avatarkit.core.port.Sleeper;
import dev.avatarkit.core.port.VideoProvider;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the downloads of a wave found by one bulk read need their URLs, which the bulk read does not carry; read
 * one by one they cost a request a video, most of the 60 s stand-in's budget after its first wave.
 */
class ResultReadsTest {
    private final List<ProviderRef> singleReads = new CopyOnWriteArrayList<>();
    private final List<List<ProviderRef>> listings = new CopyOnWriteArrayList<>();

    @Test
    void givenFiveDownloadsStartingTogether_whenTheyReadTheirUrls_thenOneListingCarriesThem() throws Exception {
        List<Future<RenderStatus>> answers = readTogether(0, 1, 2, 3, 4);

        for (int i = 0; i < 4; i++)
            assertThat(answers.get(i).get().result(AssetKind.VIDEO)).isPresent();
        assertThat(answers.get(4))
                .failsWithin(10, TimeUnit.SECONDS)
                .withThrowableOfType(Exception.class)
                .havingCause()
                .isInstanceOf(NotFoundException.class); // the provider no longer knows it
        assertThat(listings).hasSize(1);
        assertThat(listings.get(0)).hasSize(5);
        assertThat(singleReads).isEmpty();
    }

    @Test
    void givenAListingThatShowsARenderStillRunning_whenItsUrlsAreRead_thenItAloneIsReadAgain() throws Exception {
        List<Future<RenderStatus>> answers = readTogether(1, 5); // the listing lags the bulk read for 5

        for (Future<RenderStatus> answer : answers)
            assertThat(answer.get().result(AssetKind.VIDEO)).isPresent();
        assertThat(listings).hasSize(1);
        assertThat(singleReads).containsExactly(ref(5));
    }

    /**
     * Reads {@code refs}' URLs, each from a thread of its own, and waits for the answers; the leader's window ends
     * once all of them wait (a real window is 20 ms; download steps start milliseconds apart).
     */
    private List<Future<RenderStatus>> readTogether(int... refs) throws InterruptedException {
        ResultReads[] reads = new ResultReads[1];
        Sleeper window = wait ->
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> reads[0].waiting() == refs.length);
        reads[0] = new ResultReads(provider(), Duration.ofMillis(20), window);
        ExecutorService pool = Executors.newFixedThreadPool(refs.length);
        List<Future<RenderStatus>> answers = new ArrayList<>();
        for (int i : refs) answers.add(pool.submit(() -> reads[0].read(ref(i))));
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        return answers;
    }

    @Test
    void givenOneDownload_whenItReadsItsUrls_thenItIsAPlainStatusRead() {
        ResultReads reads = new ResultReads(provider(), Duration.ZERO, Sleeper.system());

        assertThat(reads.read(ref(1)).result(AssetKind.VIDEO)).isPresent();
        assertThat(singleReads).containsExactly(ref(1));
        assertThat(listings).isEmpty();
    }

    private static ProviderRef ref(int i) {
        return new ProviderRef("r" + i);
    }

    private static RenderStatus finished(ProviderRef ref) {
        return new RenderStatus(
                RenderPhase.SUCCEEDED,
                "completed",
                List.of(new ResultFile(AssetKind.VIDEO, URI.create("https://files.example/" + ref))),
                null,
                null);
    }

    @SuppressWarnings("unchecked")
    private VideoProvider provider() {
        return (VideoProvider) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {VideoProvider.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "status" -> {
                        singleReads.add((ProviderRef) args[0]);
                        yield finished((ProviderRef) args[0]);
                    }
                    case "statusesWithResults" -> {
                        List<ProviderRef> refs = List.copyOf((Collection<ProviderRef>) args[0]);
                        listings.add(refs);
                        Map<ProviderRef, RenderStatus> out = new LinkedHashMap<>();
                        for (ProviderRef ref : refs)
                            if (ref.equals(ref(5))) out.put(ref, RenderStatus.running("processing"));
                            else if (!ref.equals(ref(4))) out.put(ref, finished(ref));
                        yield out;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
