package dev.purser.engine.volume;

/** No volume has that name; Docker's message ({@code get NAME: no such volume}, 404). */
public final class NoSuchVolumeException extends RuntimeException {
    public NoSuchVolumeException(String name) {
        super("get " + name + ": no such volume");
    }
}
