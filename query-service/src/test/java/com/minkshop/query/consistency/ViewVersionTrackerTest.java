package com.minkshop.query.consistency;

import com.minkshop.query.config.QueryProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ViewVersionTrackerTest {

    private final ViewVersionTracker tracker = new ViewVersionTracker(properties(Duration.ofMillis(300)));
    private final AtomicLong storedVersion = new AtomicLong();

    @AfterEach
    void tearDown() {
        tracker.shutDown();
    }

    @Test
    void answersAtOnceWhenTheViewIsAlreadyThere() {
        storedVersion.set(3);

        CompletableFuture<Long> answer = await(2);

        assertThat(answer).isCompletedWithValue(3L);
        assertThat(tracker.waiting()).isZero();
    }

    @Test
    void waitsForTheCommitThatReachesTheVersion() throws Exception {
        storedVersion.set(1);
        CompletableFuture<Long> answer = await(3);
        assertThat(answer).isNotDone();

        storedVersion.set(2);
        tracker.committed(ViewName.PRODUCT, "P1", 2);
        assertThat(answer).isNotDone();

        storedVersion.set(3);
        tracker.committed(ViewName.PRODUCT, "P1", 3);
        assertThat(answer.get(1, TimeUnit.SECONDS)).isEqualTo(3L);
        assertThat(tracker.waiting()).isZero();
    }

    @Test
    void commitsOfOtherViewsOrIdsDoNotWakeTheRequest() {
        CompletableFuture<Long> answer = await(1);

        tracker.committed(ViewName.PRODUCT, "P2", 5);
        tracker.committed(ViewName.ORDER, "P1", 5);

        assertThat(answer).isNotDone();
        assertThat(tracker.waiting()).isEqualTo(1);
    }

    @Test
    void givesUpWithProjectionLaggingAfterTheTimeout() {
        CompletableFuture<Long> answer = await(1);

        assertThatThrownBy(() -> answer.get(2, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ProjectionLaggingException.class);
        assertThat(tracker.waiting()).isZero();
    }

    private CompletableFuture<Long> await(long minVersion) {
        return tracker.await(ViewName.PRODUCT, "P1", minVersion,
                             () -> Optional.of(storedVersion.get()).filter(v -> v > 0), Long::longValue);
    }

    private static QueryProperties properties(Duration timeout) {
        return new QueryProperties(new QueryProperties.EventStore("eventstore", Duration.ofMillis(50), 100, 1000),
                                   new QueryProperties.ReadYourWrites(timeout, Duration.ofSeconds(1)),
                                   new QueryProperties.Dashboard(10, 10, Duration.ofMinutes(1)),
                                   new QueryProperties.DeadLetters(Duration.ofMinutes(1)),
                                   new QueryProperties.Admin(null));
    }
}
