package org.minga.assembly.api.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

/** Loaded assemblies stay loaded until newer ones push them out, not until the next garbage collection. */
class RecentlyUsedCacheTest {

    @Test
    void anAssemblyNobodyElseHoldsSurvivesGarbageCollection() {
        RecentlyUsedCache cache = new RecentlyUsedCache(10);
        cache.put("valle", new byte[1024]);

        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        List<byte[]> pressure = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            pressure.add(new byte[1024 * 1024]);
        }
        pressure.clear();
        System.gc();

        assertThat((byte[]) cache.get("valle")).hasSize(1024);
    }

    @Test
    void beyondItsCapacityTheLeastRecentlyUsedAssemblyGoesAndListenersHear() {
        RecentlyUsedCache cache = new RecentlyUsedCache(2);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        cache.put("a", "A");
        cache.put("b", "B");
        assertThat((String) cache.get("a")).isEqualTo("A"); // a is now the most recent

        cache.put("c", "C");

        assertThat(expired).containsExactly("b");
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.putIfAbsent("a", "other")).isFalse();
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
    }
}
