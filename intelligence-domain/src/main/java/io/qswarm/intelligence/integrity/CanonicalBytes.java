package io.qswarm.intelligence.integrity;

import io.qswarm.intelligence.api.AddedLater;
import io.qswarm.intelligence.api.AppliedUpdate;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A canonical, deterministic byte encoding of the api records: equal values give equal bytes on every JVM, whatever
 * the map implementation or how the record was deserialized. Every value starts with a one-byte type tag:
 *
 * <pre>
 * 'N'                        null
 * 'Z' b                      boolean (0 or 1)
 * 'I' int32 | 'J' int64      ints and longs, big-endian
 * 'D' int64                  double as Double.doubleToLongBits, big-endian (so -0.0 and 0.0 differ)
 * 'S' len32 utf8             String, UTF-8 with its byte length
 * 'E' len32 utf8             enum constant by name
 * 'V' len32 utf8             single-string value record (QTableId, AgentId, StateKey) by its value
 * 'L' n32 value*             list (or other collection) in iteration order
 * 'M' n32 (key value)*       map, entries sorted by the canonical bytes of their keys
 * 'R' name n32 value*        record: its simple class name (as 'S'), component count, components in declaration order
 * </pre>
 *
 * A trailing record component marked {@link AddedLater} is left out while it is null or empty (the count covers only
 * the components written), so events published before the component existed keep their bytes.
 *
 * <p>The hottest record, {@link AppliedUpdate}, has a hand-written path that produces exactly the generic bytes.
 */
public final class CanonicalBytes {

    private static final Map<Class<?>, Method[]> ACCESSORS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, boolean[]> ADDED_LATER = new ConcurrentHashMap<>();

    private byte[] buffer;
    private int size;

    private CanonicalBytes(int capacity) {
        buffer = new byte[capacity];
    }

    /** The canonical bytes of {@code value}. */
    public static byte[] of(Object value) {
        var out = new CanonicalBytes(256);
        out.value(value);
        return Arrays.copyOf(out.buffer, out.size);
    }

    /** Encodes {@code value} into a reusable sink: {@link Sink#bytes()} up to {@link Sink#size()}. */
    public static void encode(Object value, Sink sink) {
        sink.out.size = 0;
        sink.out.value(value);
    }

    /** A reusable encoding buffer (not thread-safe): avoids an allocation per event on hot paths. */
    public static final class Sink {
        private final CanonicalBytes out = new CanonicalBytes(4096);

        public byte[] bytes() {
            return out.buffer;
        }

        public int size() {
            return out.size;
        }
    }

    private void value(Object value) {
        if (value == null) {
            tag('N');
        } else if (value instanceof String text) {
            tag('S');
            text(text);
        } else if (value instanceof Double number) {
            tag('D');
            int64(Double.doubleToLongBits(number));
        } else if (value instanceof Long number) {
            tag('J');
            int64(number);
        } else if (value instanceof Integer number) {
            tag('I');
            int32(number);
        } else if (value instanceof Boolean flag) {
            tag('Z');
            tag(flag ? 1 : 0);
        } else if (value instanceof Enum<?> constant) {
            tag('E');
            text(constant.name());
        } else if (value instanceof AppliedUpdate update) {
            appliedUpdate(update);
        } else if (value instanceof Record record) {
            record(record);
        } else if (value instanceof List<?> list) {
            tag('L');
            int32(list.size());
            for (int i = 0; i < list.size(); i++) {
                value(list.get(i));
            }
        } else if (value instanceof Collection<?> collection) {
            tag('L');
            int32(collection.size());
            for (Object element : collection) {
                value(element);
            }
        } else if (value instanceof Map<?, ?> map) {
            map(map);
        } else {
            throw new IllegalArgumentException(
                    "no canonical encoding for " + value.getClass().getName());
        }
    }

    private void record(Record record) {
        Method[] accessors = ACCESSORS.computeIfAbsent(record.getClass(), CanonicalBytes::accessors);
        if (isValueRecord(record.getClass(), accessors)) {
            tag('V');
            text((String) invoke(accessors[0], record));
            return;
        }
        var components = new ArrayList<Object>(accessors.length);
        for (Method accessor : accessors) {
            components.add(invoke(accessor, record));
        }
        boolean[] addedLater = ADDED_LATER.computeIfAbsent(record.getClass(), CanonicalBytes::addedLater);
        while (!components.isEmpty()
                && addedLater[components.size() - 1]
                && isEmpty(components.get(components.size() - 1))) {
            components.remove(components.size() - 1);
        }
        tag('R');
        tag('S');
        text(record.getClass().getSimpleName());
        int32(components.size());
        for (Object component : components) {
            value(component);
        }
    }

    /** Which components are marked {@link AddedLater}: left out while trailing and empty (see the class comment). */
    private static boolean[] addedLater(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        var marked = new boolean[components.length];
        for (int i = 0; i < components.length; i++) {
            marked[i] = components[i].isAnnotationPresent(AddedLater.class);
        }
        return marked;
    }

    private static boolean isEmpty(Object value) {
        return value == null
                || (value instanceof Map<?, ?> map && map.isEmpty())
                || (value instanceof Collection<?> collection && collection.isEmpty());
    }

    /** Same bytes as {@link #record} for {@code AppliedUpdate}, without reflection. */
    private void appliedUpdate(AppliedUpdate u) {
        tag('R');
        tag('S');
        text("AppliedUpdate");
        boolean scoped = !u.scope().isEmpty();
        int32(scoped ? 12 : 11);
        valueRecord(u.state() == null ? null : u.state().value());
        tag('S');
        text(u.action());
        tag('D');
        int64(Double.doubleToLongBits(u.reward()));
        map(u.rewardComponents());
        valueRecord(u.nextState() == null ? null : u.nextState().value());
        value(u.nextAction());
        tag('Z');
        tag(u.terminal() ? 1 : 0);
        tag('D');
        int64(Double.doubleToLongBits(u.bootstrap()));
        tag('D');
        int64(Double.doubleToLongBits(u.oldQ()));
        tag('D');
        int64(Double.doubleToLongBits(u.newQ()));
        tag('J');
        int64(u.visits());
        if (scoped) {
            map(u.scope());
        }
    }

    private void valueRecord(String value) {
        if (value == null) {
            tag('N');
        } else {
            tag('V');
            text(value);
        }
    }

    private void map(Map<?, ?> map) {
        tag('M');
        int32(map.size());
        if (map.isEmpty()) {
            return;
        }
        var entries = new ArrayList<byte[][]>(map.size());
        for (var entry : map.entrySet()) {
            entries.add(new byte[][] {of(entry.getKey()), of(entry.getValue())});
        }
        entries.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0]));
        for (byte[][] entry : entries) {
            raw(entry[0]);
            raw(entry[1]);
        }
    }

    private static boolean isValueRecord(Class<?> type, Method[] accessors) {
        return accessors.length == 1
                && accessors[0].getReturnType() == String.class
                && type.getPackageName().equals("io.qswarm.intelligence.api")
                && accessors[0].getName().equals("value");
    }

    private static Method[] accessors(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        var accessors = new Method[components.length];
        for (int i = 0; i < components.length; i++) {
            accessors[i] = components[i].getAccessor();
            accessors[i].setAccessible(true);
        }
        return accessors;
    }

    private static Object invoke(Method accessor, Object target) {
        try {
            return accessor.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        }
    }

    private void text(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int32(utf8.length);
        raw(utf8);
    }

    private void tag(int b) {
        ensure(1);
        buffer[size++] = (byte) b;
    }

    private void int32(int v) {
        ensure(4);
        buffer[size++] = (byte) (v >>> 24);
        buffer[size++] = (byte) (v >>> 16);
        buffer[size++] = (byte) (v >>> 8);
        buffer[size++] = (byte) v;
    }

    private void int64(long v) {
        int32((int) (v >>> 32));
        int32((int) v);
    }

    private void raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
