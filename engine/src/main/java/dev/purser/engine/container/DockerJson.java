package dev.purser.engine.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * JSON the way Docker writes it: PascalCase field names ({@code HostConfig}, {@code ExitCode}),
 * so records can use Java names and still read and write Docker's documents. Fields that
 * Docker spells otherwise carry their own {@code @JsonProperty}.
 */
public final class DockerJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

    private DockerJson() {}

    /** The shared, fully configured mapper; ObjectMapper is thread-safe once configured. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
