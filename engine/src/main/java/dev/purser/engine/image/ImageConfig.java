package dev.purser.engine.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The runtime defaults an image gives its containers: the {@code config} object of an image
 * config blob, with Docker's field names. A field the image does not set is null, so a
 * container's own setting can tell "unset" from "empty".
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageConfig(
        @JsonProperty("User") String user,
        @JsonProperty("ExposedPorts") Map<String, Map<String, Object>> exposedPorts,
        @JsonProperty("Env") List<String> env,
        @JsonProperty("Entrypoint") List<String> entrypoint,
        @JsonProperty("Cmd") List<String> cmd,
        @JsonProperty("Volumes") Map<String, Map<String, Object>> volumes,
        @JsonProperty("WorkingDir") String workingDir,
        @JsonProperty("Labels") Map<String, String> labels,
        @JsonProperty("StopSignal") String stopSignal) {

    public static final ImageConfig EMPTY = new ImageConfig(null, null, null, null, null, null, null, null, null);

    public ImageConfig withUser(String v) {
        return new ImageConfig(v, exposedPorts, env, entrypoint, cmd, volumes, workingDir, labels, stopSignal);
    }

    public ImageConfig withExposedPorts(Map<String, Map<String, Object>> v) {
        return new ImageConfig(user, v, env, entrypoint, cmd, volumes, workingDir, labels, stopSignal);
    }

    public ImageConfig withEnv(List<String> v) {
        return new ImageConfig(user, exposedPorts, v, entrypoint, cmd, volumes, workingDir, labels, stopSignal);
    }

    public ImageConfig withEntrypoint(List<String> v) {
        return new ImageConfig(user, exposedPorts, env, v, cmd, volumes, workingDir, labels, stopSignal);
    }

    public ImageConfig withCmd(List<String> v) {
        return new ImageConfig(user, exposedPorts, env, entrypoint, v, volumes, workingDir, labels, stopSignal);
    }

    public ImageConfig withVolumes(Map<String, Map<String, Object>> v) {
        return new ImageConfig(user, exposedPorts, env, entrypoint, cmd, v, workingDir, labels, stopSignal);
    }

    public ImageConfig withWorkingDir(String v) {
        return new ImageConfig(user, exposedPorts, env, entrypoint, cmd, volumes, v, labels, stopSignal);
    }

    public ImageConfig withLabels(Map<String, String> v) {
        return new ImageConfig(user, exposedPorts, env, entrypoint, cmd, volumes, workingDir, v, stopSignal);
    }

    public ImageConfig withStopSignal(String v) {
        return new ImageConfig(user, exposedPorts, env, entrypoint, cmd, volumes, workingDir, labels, v);
    }
}
