package io.accord.platform.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants in Accord's JSON, answers and events alike, are ISO-8601 UTC to the millisecond; finer input is
 * truncated. Without this, {@code Instant.now()} leaks micro- or nanoseconds into answers (its precision depends on
 * the platform), and input finer than the contract would make two readings of "the same instant" differ.
 */
@Singleton
public class MillisecondInstants implements ObjectMapperCustomizer {

    // Applied after Quarkus's own customizer, whose java.time module would otherwise take Instant back
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(com.fasterxml.jackson.databind.ObjectMapper mapper) {
        mapper.registerModule(module());
    }

    /** The module on its own, for mappers built outside Quarkus. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("accord-millisecond-instants");
        module.addSerializer(Instant.class, new Writer());
        module.addDeserializer(Instant.class, new Reader());
        return module;
    }

    static final class Writer extends StdSerializer<Instant> {

        Writer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(value.truncatedTo(ChronoUnit.MILLIS).toString());
        }
    }

    static final class Reader extends StdDeserializer<Instant> {

        Reader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser in, DeserializationContext context) throws IOException {
            Instant parsed = InstantDeserializer.INSTANT.deserialize(in, context);
            return parsed == null ? null : parsed.truncatedTo(ChronoUnit.MILLIS);
        }
    }
}
