package dev.purser.engine.api;

import dev.purser.engine.archive.ArchivePathException;
import dev.purser.engine.container.ContainerConflictException;
import dev.purser.engine.container.ContainerStartException;
import dev.purser.engine.container.Execs;
import dev.purser.engine.container.naming.ContainerLookupException;
import dev.purser.engine.image.ImageConflictException;
import dev.purser.engine.image.NoSuchImageException;

/** Docker's status codes for the engine's errors: 404 missing, 409 conflict, 400 bad input, 500 the rest. */
final class ApiErrors {
    private ApiErrors() {}

    record Reply(int status, String message) {}

    static Reply reply(Throwable t) {
        if (t instanceof ApiException a) {
            return new Reply(a.status(), a.getMessage());
        }
        if (t instanceof ContainerLookupException e) {
            return new Reply(e.kind() == ContainerLookupException.Kind.NOT_FOUND ? 404 : 400, e.getMessage());
        }
        if (t instanceof ArchivePathException e) {
            return new Reply(e.notFound() ? 404 : 400, e.getMessage());
        }
        if (t instanceof dev.purser.engine.image.InvalidArchiveException) {
            return new Reply(400, t.getMessage());
        }
        if (t instanceof NoSuchImageException || t instanceof Execs.NoSuchExecException) {
            return new Reply(404, t.getMessage());
        }
        if (t instanceof dev.purser.engine.volume.NoSuchVolumeException) {
            return new Reply(404, t.getMessage());
        }
        if (t instanceof ContainerConflictException || t instanceof ImageConflictException
                || t instanceof dev.purser.engine.volume.VolumeInUseException) {
            return new Reply(409, t.getMessage());
        }
        if (t instanceof ContainerStartException) {
            return new Reply(500, t.getMessage());
        }
        if (t instanceof IllegalArgumentException) {
            return new Reply(400, t.getMessage());
        }
        return new Reply(500, t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }
}
