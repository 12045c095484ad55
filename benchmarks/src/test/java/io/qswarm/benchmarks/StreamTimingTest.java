package io.qswarm.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StreamTimingTest {

    @Test
    void chunksCoverEveryEventOnceInOrder() {
        // given
        var recorder = new StreamTiming.Recorder(10, 3);

        // when
        for (int i = 1; i <= 10; i++) {
            recorder.written(100, i);
        }
        StreamTiming timing = recorder.finish();

        // then
        assertThat(timing.chunks())
                .extracting(StreamTiming.Chunk::firstEvent, StreamTiming.Chunk::lastEvent)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 3),
                        org.assertj.core.groups.Tuple.tuple(4, 6),
                        org.assertj.core.groups.Tuple.tuple(7, 10));
        assertThat(timing.chunks()).extracting(StreamTiming.Chunk::nanos).containsExactly(6L, 15L, 34L);
        assertThat(timing.updates()).isEqualTo(1_000);
        assertThat(timing.nanos()).isEqualTo(55);
    }

    @Test
    void aFewSlowWritesShowBesideTheMedian() {
        // given
        var recorder = new StreamTiming.Recorder(5, 1);

        // when
        for (long nanos : new long[] {10, 10, 10, 11, 500}) {
            recorder.written(1, nanos);
        }
        StreamTiming.Latency latency = recorder.finish().latency();

        // then
        assertThat(latency.medianNanos()).isEqualTo(10);
        assertThat(latency.maxNanos()).isEqualTo(500);
        assertThat(latency.slowEvents()).isEqualTo(1);
        assertThat(latency.slowNanos()).isEqualTo(500);
    }

    @Test
    void aStreamMustBeWrittenCompletely() {
        // given
        var recorder = new StreamTiming.Recorder(2, 1);
        recorder.written(1, 1);

        // then
        assertThatThrownBy(recorder::finish).isInstanceOf(IllegalStateException.class);
    }
}
