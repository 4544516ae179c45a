package io.affinity.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.affinity.model.json.AffinityJson;

/** The model's object mapper, shared. */
final class Json {

    static final ObjectMapper MAPPER = AffinityJson.newObjectMapper();

    private Json() {}
}
