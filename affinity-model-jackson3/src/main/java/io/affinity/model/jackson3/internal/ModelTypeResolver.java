package io.affinity.model.jackson3.internal;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.AbstractTypeResolver;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.JavaType;

/**
 * Maps each generated model type to the immutable class its template names in the (Jackson 2)
 * {@code @JsonDeserialize(as = Immutable...)}: one rule for every model type, generated or added later.
 */
public final class ModelTypeResolver extends AbstractTypeResolver {

    private static final String MODEL_PACKAGE = "io.affinity.model";
    private static final String WIRE_PACKAGE = "io.affinity.model.wire";

    @Override
    public JavaType findTypeMapping(DeserializationConfig config, JavaType type) {
        Class<?> raw = type.getRawClass();
        if (!MODEL_PACKAGE.equals(raw.getPackageName()) && !WIRE_PACKAGE.equals(raw.getPackageName())) {
            return null;
        }
        JsonDeserialize annotation = raw.getDeclaredAnnotation(JsonDeserialize.class);
        if (annotation == null
                || annotation.as() == Void.class
                || !raw.isAssignableFrom(annotation.as())
                || annotation.as() == raw) {
            return null;
        }
        return config.getTypeFactory().constructSpecializedType(type, annotation.as());
    }
}
