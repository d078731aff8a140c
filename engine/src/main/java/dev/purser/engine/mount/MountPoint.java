package dev.purser.engine.mount;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;

/**
 * One mount of a container's own, resolved: a bind of a host path or a tmpfs. Serialised as
 * Docker's inspect shows it ({@code Mounts[]}: Type, Source, Destination, Mode, RW, Propagation).
 *
 * @param tmpfsOptions    for a tmpfs: its mount options, Docker's defaults merged with the user's
 * @param createSource    a bind whose missing source is created at start ({@code -v}, as Docker)
 * @param inspected       false for {@code HostConfig.Tmpfs}, which Docker's inspect does not list
 */
public record MountPoint(
        @JsonProperty("Type") String type,
        @JsonProperty("Source") String source,
        @JsonProperty("Destination") String destination,
        @JsonProperty("Mode") String mode,
        @JsonProperty("RW") boolean rw,
        @JsonProperty("Propagation") String propagation,
        @JsonIgnore String tmpfsOptions,
        @JsonIgnore boolean createSource,
        @JsonIgnore boolean inspected) {

    @JsonIgnore
    public boolean isBind() {
        return type.equals("bind");
    }

    /** Path components of the destination: Docker mounts the shallower first. */
    @JsonIgnore
    public int depth() {
        return Path.of(destination).getNameCount();
    }
}
