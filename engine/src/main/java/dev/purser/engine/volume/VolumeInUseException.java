package dev.purser.engine.volume;

import java.util.List;

/** A volume some container uses cannot be removed; Docker's message ({@code remove NAME: volume is in use - [IDS]}, 409). */
public final class VolumeInUseException extends RuntimeException {
    public VolumeInUseException(String name, List<String> containerIds) {
        super("remove " + name + ": volume is in use - [" + String.join(", ", containerIds) + "]");
    }
}
