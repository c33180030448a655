package org.minga.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class BenchmarkSettingsTest {

    @Test
    void defaultsAreTheIssuesTargetSize() {
        BenchmarkSettings settings = BenchmarkSettings.parse(new String[0], new Properties());

        assertThat(settings.assemblies()).isEqualTo(100);
        assertThat(settings.tablesPerAssembly()).isEqualTo(25);
        assertThat(settings.viewersPerAssembly()).isEqualTo(30);
        assertThat(settings.commandsPerSecond()).isEqualTo(500);
        assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.warmup()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.heap()).isEqualTo("-Xmx1g");
        assertThat(settings.startsMinga()).isTrue();
        assertThat(settings.ladder()).containsExactly(10, 25, 50, 100, 200, 300, 400, 500);
        assertThat(settings.storeEvents()).isEqualTo(100_000);
        assertThat(settings.deepEvents()).isEqualTo(10_000);
        assertThat(settings.rhythmAssemblies()).isEqualTo(100);
        assertThat(settings.rhythmStagger()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.rhythmGap()).isEqualTo(Duration.ofSeconds(70));
        assertThat(settings.rhythmBurst()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.rhythmSeed()).isEqualTo(18);
    }

    @Test
    void theRhythmHasAsManyAssembliesAsTheMainLoadUnlessToldOtherwiseAndZeroSkipsIt() {
        assertThat(BenchmarkSettings.parse(new String[]{"assemblies=7"}, new Properties()).rhythmAssemblies()).isEqualTo(7);
        assertThat(BenchmarkSettings.parse(new String[]{"assemblies=7", "rhythmAssemblies=3"}, new Properties()).asArguments())
                .contains("rhythmAssemblies=3 rhythmStagger=30 rhythmGap=70 rhythmBurst=60 rhythmSeed=18");

        BenchmarkSettings none = BenchmarkSettings.parse(new String[]{"rhythmAssemblies=0"}, new Properties());
        assertThat(none.rhythmAssemblies()).isZero();
        assertThat(none.asArguments()).contains("rhythmAssemblies=0").doesNotContain("rhythmGap", "rhythmSeed");
    }

    @Test
    void aRhythmsBurstEndsBeforeItsNextStepOpens() {
        assertThatThrownBy(() -> BenchmarkSettings.parse(new String[]{"rhythmGap=60", "rhythmBurst=60"}, new Properties()))
                .hasMessageContaining("rhythmGap");
        assertThatThrownBy(() -> BenchmarkSettings.parse(new String[]{"rhythmBurst=0"}, new Properties())).hasMessageContaining("rhythmBurst");
        assertThatThrownBy(() -> BenchmarkSettings.parse(new String[]{"rhythmStagger=-1"}, new Properties())).hasMessageContaining("rhythmStagger");
        assertThatThrownBy(() -> BenchmarkSettings.parse(new String[]{"rhythmAssemblies=-1"}, new Properties()))
                .hasMessageContaining("rhythmAssemblies");
        // Skipped, its timing is not looked at.
        assertThat(BenchmarkSettings.parse(new String[]{"rhythmAssemblies=0", "rhythmBurst=0"}, new Properties()).rhythmAssemblies()).isZero();
    }

    @Test
    void heapMayCarrySeveralJvmOptionsAndTheCommandQuotesThem() {
        BenchmarkSettings settings = BenchmarkSettings.parse(new String[]{"heap=-Xmx1g -XX:+UseZGC"}, new Properties());

        assertThat(settings.heap()).isEqualTo("-Xmx1g -XX:+UseZGC");
        assertThat(settings.asArguments()).contains("heap='-Xmx1g -XX:+UseZGC'");
        assertThat(BenchmarkSettings.parse(new String[0], new Properties()).asArguments()).contains("heap=-Xmx1g ");
    }

    @Test
    void theLadderIsRisingRatesOrNone() {
        assertThat(BenchmarkSettings.parse(new String[]{"ladder=5, 15,40"}, new Properties()).ladder()).containsExactly(5, 15, 40);
        BenchmarkSettings none = BenchmarkSettings.parse(new String[]{"ladder=none", "storeEvents=0"}, new Properties());
        assertThat(none.ladder()).isEmpty();
        assertThat(none.asArguments()).contains("ladder=none", "storeEvents=0").doesNotContain("ladderDuration", "deepEvents");

        assertThatThrownBy(() -> BenchmarkSettings.parse(new String[]{"ladder=50,20"}, new Properties())).hasMessageContaining("must rise");
        assertThatThrownBy(() -> BenchmarkSettings.parse(new String[]{"ladder=fast"}, new Properties())).hasMessageContaining("ladder");
        assertThatThrownBy(() -> BenchmarkSettings.parse(new String[]{"storeEvents=-1"}, new Properties())).hasMessageContaining("storeEvents");
    }

    @Test
    void argumentsWinOverSystemProperties() {
        Properties system = new Properties();
        system.setProperty("bench.rate", "300");
        system.setProperty("bench.assemblies", "7");

        BenchmarkSettings settings = BenchmarkSettings.parse(new String[]{"rate=200"}, system);

        assertThat(settings.commandsPerSecond()).isEqualTo(200);
        assertThat(settings.assemblies()).isEqualTo(7);
    }

    @Test
    void aRunningMingaNeedsAToken() {
        assertThatThrownBy(() -> BenchmarkSettings.parse(new String[]{"url=http://localhost:8080"}, new Properties()))
                .hasMessageContaining("token=");

        BenchmarkSettings settings = BenchmarkSettings.parse(new String[]{"url=http://localhost:8080", "token=secret"}, new Properties());
        assertThat(settings.url()).contains(URI.create("http://localhost:8080"));
        assertThat(settings.startsMinga()).isFalse();
    }

    @Test
    void theReportedArgumentsNeverShowTheToken() {
        BenchmarkSettings settings = BenchmarkSettings.parse(new String[]{"url=http://localhost:8080", "token=secret"}, new Properties());

        assertThat(settings.asArguments()).contains("url=http://localhost:8080", "token=<token>").doesNotContain("secret", "heap=");
    }

    @Test
    void unknownOrMalformedArgumentsAreRefused() {
        assertThatThrownBy(() -> BenchmarkSettings.parse(new String[]{"speed=3"}, new Properties())).hasMessageContaining("Unknown argument");
        assertThatThrownBy(() -> BenchmarkSettings.parse(new String[]{"rate=fast"}, new Properties())).hasMessageContaining("rate");
        assertThatThrownBy(() -> BenchmarkSettings.parse(new String[]{"viewers=0"}, new Properties())).hasMessageContaining("viewers");
    }
}
