package dev.purser.engine.container.naming;

/** A user-chosen name that Docker would refuse; the message is Docker's, word for word. */
public final class InvalidContainerNameException extends IllegalArgumentException {
    public InvalidContainerNameException(String name) {
        super("Invalid container name (" + name + "), only " + ContainerName.ALLOWED_CHARS + " are allowed");
    }
}
