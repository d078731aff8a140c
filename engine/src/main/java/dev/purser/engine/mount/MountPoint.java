package dev.purser.engine.mount;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One mount of a container's own: a bind of a host path, a managed volume, or a tmpfs. Kept in
 * the container's record as resolved at its create (a volume's name and directory, what
 * {@code --volumes-from} took from another container); {@link #dockerView()} is the entry
 * Docker's inspect shows ({@code Mounts[]}).
 *
 * @param name            a volume's name; empty for an anonymous volume not yet created, and for binds and tmpfs
 * @param source          a bind's host path, a volume's {@code _data} directory once created, empty for tmpfs
 * @param tmpfsOptions    for a tmpfs: its mount options, Docker's defaults merged with the user's
 * @param createSource    a bind whose missing source is created at start ({@code -v}, as Docker)
 * @param inspected       false for {@code HostConfig.Tmpfs}, which Docker's inspect does not list
 * @param copyData        a volume seeded with the image's content at that destination when it is empty (not {@code nocopy})
 * @param anonymous       a volume given without a source ({@code -v /p}, an image's VOLUME): {@code rm -v} removes it
 * @param volumeLabels    labels for a volume this mount creates ({@code --mount volume-label=})
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record MountPoint(
        @JsonProperty("Type") String type,
        @JsonProperty("Name") String name,
        @JsonProperty("Source") String source,
        @JsonProperty("Destination") String destination,
        @JsonProperty("Mode") String mode,
        @JsonProperty("RW") boolean rw,
        @JsonProperty("Propagation") String propagation,
        @JsonProperty("TmpfsOptions") String tmpfsOptions,
        @JsonProperty("CreateSource") boolean createSource,
        @JsonProperty("Inspected") boolean inspected,
        @JsonProperty("CopyData") boolean copyData,
        @JsonProperty("Anonymous") boolean anonymous,
        @JsonProperty("VolumeLabels") Map<String, String> volumeLabels) {

    public MountPoint {
        name = name == null ? "" : name;
        source = source == null ? "" : source;
        mode = mode == null ? "" : mode;
        propagation = propagation == null ? "" : propagation;
        tmpfsOptions = tmpfsOptions == null ? "" : tmpfsOptions;
    }

    /** A bind or a tmpfs (no volume). */
    public MountPoint(String type, String source, String destination, String mode, boolean rw, String propagation,
                      String tmpfsOptions, boolean createSource, boolean inspected) {
        this(type, "", source, destination, mode, rw, propagation, tmpfsOptions, createSource, inspected, false, false, null);
    }

    /** A managed volume: {@code name} empty for an anonymous one, to be created with the container. */
    public static MountPoint volume(String name, String destination, String mode, boolean rw, boolean copyData,
                                    Map<String, String> labels) {
        return new MountPoint("volume", name, "", destination, mode, rw, "", "", false, true, copyData,
                name.isEmpty(), labels);
    }

    /** This volume mount once its volume exists: its name and directory. */
    public MountPoint withVolume(String volumeName, String dataDirectory) {
        return new MountPoint(type, volumeName, dataDirectory, destination, mode, rw, propagation, tmpfsOptions,
                createSource, inspected, copyData, anonymous, null);
    }

    /** As another container has it, for {@code --volumes-from}: read-only if asked, never seeded again. */
    public MountPoint borrowed(boolean readOnly) {
        return new MountPoint(type, name, source, destination, mode, rw && !readOnly, propagation, tmpfsOptions,
                false, inspected, false, anonymous, null);
    }

    @JsonIgnore
    public boolean isBind() {
        return type.equals("bind");
    }

    @JsonIgnore
    public boolean isVolume() {
        return type.equals("volume");
    }

    /** Path components of the destination: Docker mounts the shallower first. */
    @JsonIgnore
    public int depth() {
        return Path.of(destination).getNameCount();
    }

    /**
     * The entry of inspect's {@code Mounts}: Type, Source, Destination, Mode, RW, Propagation,
     * and for a volume its Name and Driver, in Docker's order.
     */
    public Map<String, Object> dockerView() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Type", type);
        if (isVolume()) {
            out.put("Name", name);
        }
        out.put("Source", source);
        out.put("Destination", destination);
        if (isVolume()) {
            out.put("Driver", "local");
        }
        out.put("Mode", mode);
        out.put("RW", rw);
        out.put("Propagation", propagation);
        return out;
    }
}
