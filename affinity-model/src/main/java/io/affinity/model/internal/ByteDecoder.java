package io.affinity.model.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.affinity.model.ListEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The optimistic fast path of decoding a response: a model type, or a list of one, read from the UTF-8 bytes by the
 * generated {@link ByteReaders}. Whatever they do not expect (another type, a shape, a value or an error) is not
 * handled here, and the caller decodes the same bytes with the SDK's mapper, whose result it equals.
 */
public final class ByteDecoder {

    /** What {@link #tryRead} returns when the fast path did not decode the body. */
    public static final Object UNHANDLED = new Object();

    private ByteDecoder() {}

    /** Loads the fast path's classes and finds its readers now, once (see {@code ModelReaders.warmUp}). */
    public static void warmUp() {
        ByteReaders.warmUp();
        TypeFactory types = TypeFactory.defaultInstance();
        tryRead(new byte[] {'{', '}'}, types.constructType(ListEntry.class)); // gives up: no id
        tryRead(new byte[] {'[', ']'}, types.constructCollectionType(List.class, ListEntry.class));
    }

    /**
     * @param body a whole JSON document, UTF-8
     * @param type the type to decode, as the mapper would be given it
     * @return the value, equal to what {@code AffinityJson.newObjectMapper()} decodes from the body; or
     *     {@link #UNHANDLED}
     */
    public static Object tryRead(byte[] body, JavaType type) {
        ByteReaders.Reader reader = ByteReaders.reader(type.getRawClass());
        boolean list = false;
        if (reader == null) {
            if (type.getRawClass() != List.class || type.getContentType() == null) {
                return UNHANDLED;
            }
            reader = ByteReaders.reader(type.getContentType().getRawClass());
            if (reader == null) {
                return UNHANDLED;
            }
            list = true;
        }
        try {
            JsonCursor c = new JsonCursor(body, 0, body.length);
            c.begin();
            Object value = list ? readList(c, reader) : reader.read(c);
            c.finish();
            return value;
        } catch (RuntimeException gaveUp) {
            // the cursor's signal, or a builder refusing a value: Jackson's to decode, and to explain
            return UNHANDLED;
        }
    }

    /** Reads a list as Jackson's collection deserializer does: into an {@link ArrayList}. */
    private static List<Object> readList(JsonCursor c, ByteReaders.Reader reader) {
        List<Object> values = new ArrayList<>();
        if (c.firstElement()) {
            do {
                values.add(reader.read(c));
            } while (c.nextElement());
        }
        return values;
    }
}
