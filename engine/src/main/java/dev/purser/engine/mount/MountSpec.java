package dev.purser.engine.mount;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One entry of Docker's {@code HostConfig.Mounts} as the client sent it ({@code --mount}); kept
 * as given, so inspect echoes it. Only the fields purser applies are here: the API's reading
 * refuses the others.
 */
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record MountSpec(
        @JsonProperty("Type") String type,
        @JsonProperty("Source") String source,
        @JsonProperty("Target") String target,
        @JsonProperty("ReadOnly") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean readOnly,
        @JsonProperty("Consistency") String consistency,
        @JsonProperty("BindOptions") BindOptions bindOptions,
        @JsonProperty("VolumeOptions") VolumeOptions volumeOptions,
        @JsonProperty("TmpfsOptions") TmpfsOptions tmpfsOptions) {

    public MountSpec {
        type = type == null ? "" : type;
        source = source == null ? "" : source;
        target = target == null ? "" : target;
    }

    /** {@code BindOptions}: the propagation, and whether a missing source is created. */
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record BindOptions(
            @JsonProperty("Propagation") String propagation,
            @JsonProperty("CreateMountpoint") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean createMountpoint) {}

    /** A bind or tmpfs entry (no VolumeOptions). */
    public MountSpec(String type, String source, String target, boolean readOnly, String consistency,
                     BindOptions bindOptions, TmpfsOptions tmpfsOptions) {
        this(type, source, target, readOnly, consistency, bindOptions, null, tmpfsOptions);
    }

    /** {@code VolumeOptions}: whether the new volume is seeded from the image, and labels for a volume it creates. */
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record VolumeOptions(
            @JsonProperty("NoCopy") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean noCopy,
            @JsonProperty("Labels") java.util.Map<String, String> labels) {}

    /** {@code TmpfsOptions}: size in bytes, mode bits, and the extra options ({@code [["exec"]]}). */
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record TmpfsOptions(
            @JsonProperty("SizeBytes") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long sizeBytes,
            @JsonProperty("Mode") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int mode,
            @JsonProperty("Options") List<List<String>> options) {}
}
