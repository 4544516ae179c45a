package io.affinity.model.jackson3;

import io.affinity.model.jackson3.internal.FieldValueDataBridge;
import io.affinity.model.jackson3.internal.ModelTypeResolver;
import io.affinity.model.value.FieldValueData;
import tools.jackson.core.Version;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one registration a Jackson 3 {@code tools.jackson.databind.json.JsonMapper} needs to read and
 * write the SDK's model types exactly as {@code AffinityJson}'s Jackson 2 mapper does.
 *
 * <pre>{@code
 * JsonMapper mapper = JsonMapper.builder().addModule(new AffinityJackson3Module()).build();
 * }</pre>
 *
 * <p>It maps every generated model type to its immutable implementation and reads and writes
 * {@link FieldValueData} in the shape of its variant. The rest (absent optionals left out, unknown
 * properties ignored, a {@code null} array read as empty, date-times keeping the offset the server
 * sent, open enums) is carried by the model types' own annotations, so the module changes nothing
 * for the application's other types. The Spring Boot starter registers it automatically.
 */
public final class AffinityJackson3Module extends SimpleModule {

    private static final long serialVersionUID = 1L;

    /** Creates the module. */
    public AffinityJackson3Module() {
        super("affinity-model", Version.unknownVersion());
        addSerializer(FieldValueData.class, new FieldValueDataBridge.Writer());
        addDeserializer(FieldValueData.class, new FieldValueDataBridge.Reader());
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addAbstractTypeResolver(new ModelTypeResolver());
    }
}
