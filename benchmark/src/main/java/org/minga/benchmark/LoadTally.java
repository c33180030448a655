package org.minga.benchmark;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.minga.benchmark.PhoneLoad.Kind;
import org.minga.benchmark.PhoneLoad.Window;

/**
 * What one load's command log adds up to, over the commands due in its measured window: sent,
 * answered 2xx, errors by what went wrong, latencies from the due time (so a late generator adds to
 * them rather than hiding a slow Minga), command → first viewer over the commands that carry a
 * marker, and the generator's own lag. Whether the latency targets were met is decided here
 * too, so the main load and each step of the rate ladder are judged alike.
 */
final class LoadTally {

    static final double COMMAND_P99_TARGET_MS = 50;
    static final double VIEWER_P99_TARGET_MS = 150;
    /** A command whose change no viewer received within this time counts as never seen. */
    static final Duration SEEN_WITHIN = Duration.ofSeconds(5);
    /** Sustaining the offered rate allows for the last commands of the window being answered just after it. */
    static final double SUSTAINED_SHARE = 0.99;

    final int sent;
    final int succeeded;
    /** Succeeded commands that carry a marker, and of those the ones no viewer saw within {@link #SEEN_WITHIN}. */
    final int markedSucceeded;
    final int unseen;
    final int late;
    final double perSecond;
    final Map<String, Long> errors = new TreeMap<>();
    final LatencyRecorder commandLatency = new LatencyRecorder();
    final LatencyRecorder viewerLatency = new LatencyRecorder();
    final LatencyRecorder generatorLag = new LatencyRecorder();
    final Map<Kind, LatencyRecorder> latencyByKind = new EnumMap<>(Kind.class);

    LoadTally(CommandLog log, Window window) {
        int sentCount = 0;
        int succeededCount = 0;
        int marked = 0;
        int unseenCount = 0;
        int lateCount = 0;
        int completedInWindow = 0;
        for (int seq = 0; seq < log.sentCount(); seq++) {
            long answered = log.answeredAt(seq);
            if (log.succeeded(seq) && answered >= window.measuredFrom() && answered < window.end()) {
                completedInWindow++;
            }
            long due = log.due(seq);
            if (!window.measured(due)) {
                continue;
            }
            sentCount++;
            long lag = log.sentAt(seq) - due;
            generatorLag.record(lag);
            if (lag > PhoneLoad.LATE_NANOS) {
                lateCount++;
            }
            if (log.error(seq) != null) {
                errors.merge(log.error(seq), 1L, Long::sum);
            } else if (answered == 0) {
                errors.merge("no answer", 1L, Long::sum);
            }
            if (!log.succeeded(seq)) {
                continue;
            }
            succeededCount++;
            commandLatency.record(answered - due);
            latencyByKind.computeIfAbsent(log.kind(seq), kind -> new LatencyRecorder()).record(answered - due);
            if (!log.kind(seq).carriesMarker()) {
                continue;
            }
            marked++;
            long seen = log.seenAt(seq);
            if (seen != 0) {
                viewerLatency.record(seen - due);
            }
            if (seen == 0 || seen - due > SEEN_WITHIN.toNanos()) {
                unseenCount++;
            }
        }
        sent = sentCount;
        succeeded = succeededCount;
        markedSucceeded = marked;
        unseen = unseenCount;
        late = lateCount;
        perSecond = completedInWindow / (window.measuredLength().toNanos() / 1e9);
    }

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The latency targets and no errors: what the highest rate must still meet. */
    boolean metTargets(int rate) {
        return succeeded > 0 && errorCount() == 0 && unseen == 0 && perSecond >= SUSTAINED_SHARE * rate
                && commandLatency.summary().p99() <= COMMAND_P99_TARGET_MS
                && viewerLatency.count() > 0 && viewerLatency.summary().p99() <= VIEWER_P99_TARGET_MS;
    }

    /** Per kind of command: how many succeeded, and their p50 / p99 in milliseconds. */
    Map<String, String> byKind() {
        Map<String, String> kinds = new LinkedHashMap<>();
        latencyByKind.forEach((kind, latencies) -> {
            LatencyRecorder.Summary summary = latencies.summary();
            kinds.put(kind.label(), String.format("%d, p50 %s ms, p99 %s ms", summary.count(), Figure.format(summary.p50()),
                    Figure.format(summary.p99())));
        });
        return kinds;
    }
}
