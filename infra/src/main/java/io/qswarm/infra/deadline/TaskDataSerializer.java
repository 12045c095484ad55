package io.qswarm.infra.deadline;

import com.github.kagkarlsson.scheduler.exceptions.SerializationException;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * Java serialization of the scheduled-task data (Axon's deadline and event records, which hold strings and byte arrays
 * only), restricted on the way back to exactly those classes: bytes read from the {@code scheduled_tasks} table can
 * never instantiate anything else. Classes resolve through the context class loader, so it works inside the packaged
 * server jar as well.
 */
final class TaskDataSerializer implements Serializer {

    static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;"
                    + "org.axonframework.eventhandling.scheduling.dbscheduler.DbSchedulerBinaryEventData;"
                    + "java.lang.String;maxdepth=5;maxrefs=64;!*");

    @Override
    public byte[] serialize(Object data) {
        if (data == null) {
            return null;
        }
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(data);
        } catch (IOException e) {
            throw new SerializationException(
                    "cannot serialize task data of type " + data.getClass().getName(), e);
        }
        return bytes.toByteArray();
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] data) {
        if (data == null) {
            return null;
        }
        try (var in = new Restricted(new ByteArrayInputStream(data))) {
            return type.cast(in.readObject());
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new SerializationException("cannot read task data as " + type.getName(), e);
        }
    }

    private static final class Restricted extends ObjectInputStream {

        Restricted(InputStream in) throws IOException {
            super(in);
            setObjectInputFilter(ALLOWED);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                return super.resolveClass(description);
            }
            try {
                return Class.forName(description.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(description);
            }
        }
    }
}
