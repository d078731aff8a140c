package dev.purser.engine.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;

/**
 * The API socket's path, which a listener takes over whole: it binds under a name of its own
 * beside the path, the file gets its mode and group, then one {@code rename(2)} puts it in place.
 * A client never finds the path missing or answered by nothing while one listener replaces
 * another (the early listener, then the server: docs/decisions/0055), and never finds a socket
 * more open than 0660, owned by root and by the {@code purser} group when that group exists:
 * whoever can talk to it can run anything as root.
 */
record SocketFile(Path path) {
    SocketFile {
        path = path.toAbsolutePath();
    }

    /**
     * Where listener {@code who} binds before it takes the path over: the same directory, so the
     * rename is atomic.
     */
    Path binding(String who) throws IOException {
        Files.createDirectories(path.getParent());
        Path temporary = path.resolveSibling("." + who + "-" + ProcessHandle.current().pid() + ".sock");
        Files.deleteIfExists(temporary);
        return temporary;
    }

    /** Restricts the socket bound at {@code binding} and moves it over the path, replacing what was there. */
    void takeOver(Path binding) throws IOException {
        Files.setPosixFilePermissions(binding, PosixFilePermissions.fromString("rw-rw----"));
        try {
            GroupPrincipal group = binding.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("purser");
            Files.getFileAttributeView(binding, PosixFileAttributeView.class).setGroup(group);
        } catch (UserPrincipalNotFoundException e) {
            // no purser group on this host: the socket stays root's alone
        }
        Files.move(binding, path, StandardCopyOption.ATOMIC_MOVE);
    }
}
