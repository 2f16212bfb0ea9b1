package dev.nnsh.ops.fast;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A cache keyed by object identity (ND4J arrays compare by value, so a WeakHashMap would not do)
 * that does not keep its keys alive: an entry goes once its key is collected.
 */
final class IdentityWeakCache<K, V> {
    private final Map<Key<K>, V> entries = new HashMap<>();
    private final ReferenceQueue<K> collected = new ReferenceQueue<>();

    synchronized V get(K key, Function<K, V> make) {
        expunge();
        Key<K> probe = new Key<>(key, null);
        V value = entries.get(probe);
        if (value == null) {
            value = make.apply(key);
            entries.put(new Key<>(key, collected), value);
        }
        return value;
    }

    synchronized int size() {
        expunge();
        return entries.size();
    }

    /** Each value now kept (under this cache's lock). */
    synchronized void forEachValue(java.util.function.Consumer<V> action) {
        expunge();
        entries.values().forEach(action);
    }

    /** The value kept for this key, if any, given to {@code action} (under this cache's lock). */
    synchronized void forEachValue(K key, java.util.function.Consumer<V> action) {
        V value = entries.get(new Key<>(key, null));
        if (value != null) action.accept(value);
    }

    private void expunge() {
        for (Object gone; (gone = collected.poll()) != null; ) entries.remove(gone);
    }

    private static final class Key<K> extends WeakReference<K> {
        private final int hash;

        Key(K referent, ReferenceQueue<K> queue) {
            super(referent, queue);
            hash = System.identityHashCode(referent);
        }

        @Override public int hashCode() { return hash; }

        @Override public boolean equals(Object o) {
            if (this == o) return true;
            if (!(o instanceof Key<?> other)) return false;
            Object mine = get();
            return mine != null && mine == other.get();
        }
    }
}
