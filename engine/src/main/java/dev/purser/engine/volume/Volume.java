package dev.purser.engine.volume;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * One managed volume as Docker's API shows it ({@code Name}, {@code Driver}, {@code Mountpoint},
 * {@code CreatedAt}, {@code Labels}, {@code Options}, {@code Scope}); also its record on disk.
 *
 * @param mountpoint the host directory containers mount: {@code <root>/volumes/<name>/_data}
 * @param createdAt  RFC 3339 to the second, as Docker's local driver gives it
 * @param options    the driver options it was created with; always null here (none are applied)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Volume(
        @JsonProperty("Name") String name,
        @JsonProperty("Driver") String driver,
        @JsonProperty("Mountpoint") String mountpoint,
        @JsonProperty("CreatedAt") String createdAt,
        @JsonProperty("Labels") Map<String, String> labels,
        @JsonProperty("Options") Map<String, String> options,
        @JsonProperty("Scope") String scope) {

    /** Docker's label on a volume created without a name (moby's {@code AnonymousLabel}). */
    public static final String ANONYMOUS_LABEL = "com.docker.volume.anonymous";
    public static final String LOCAL = "local";

    public Volume {
        labels = labels == null ? null : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        options = options == null || options.isEmpty() ? null : Map.copyOf(options);
        scope = scope == null ? LOCAL : scope;
        driver = driver == null ? LOCAL : driver;
    }

    /** Created without a name (a container's {@code -v /path}, an image's VOLUME): prune takes these by default. */
    @JsonIgnore
    public boolean anonymous() {
        return labels != null && labels.containsKey(ANONYMOUS_LABEL);
    }

    @JsonIgnore
    public Map<String, String> labelsOrEmpty() {
        return labels == null ? Map.of() : labels;
    }

    @JsonIgnore
    public Path data() {
        return Path.of(mountpoint);
    }
}
