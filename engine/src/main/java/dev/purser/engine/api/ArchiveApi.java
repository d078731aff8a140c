package dev.purser.engine.api;

import dev.purser.engine.archive.ContainerArchive;
import dev.purser.engine.archive.PathStat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** {@code /containers/{id}/archive}: a path's stat (HEAD), a path as a tar (GET), a tar into a directory (PUT). */
final class ArchiveApi {
    private final ContainerArchive archive;

    ArchiveApi(ContainerArchive archive) {
        this.archive = archive;
    }

    void register(Router router) {
        router.add("HEAD", "/containers/{id}/archive", this::stat)
                .add("GET", "/containers/{id}/archive", this::get)
                .addUpload("PUT", "/containers/{id}/archive", this::put);
    }

    private void stat(Exchange x) throws IOException {
        PathStat stat = archive.stat(x.param("id"), x.query("path"));
        x.setResponseHeader(PathStat.HEADER, stat.header());
        x.status(200);
    }

    private void get(Exchange x) throws IOException {
        Exchange.ResponseStream[] stream = new Exchange.ResponseStream[1];
        try (OutputStream out = new ChunkedOutput(() -> stream[0])) {
            archive.copyOut(x.param("id"), x.query("path"), stat -> {
                x.setResponseHeader(PathStat.HEADER, stat.header());
                stream[0] = x.stream(200, "application/x-tar");
            }, out);
        } finally {
            if (stream[0] != null) {
                stream[0].close();
            }
        }
    }

    private void put(Exchange x) throws IOException {
        if (x.queryBool("copyUIDGID", false)) {
            throw ApiException.badRequest("copyUIDGID is not supported by purser");
        }
        try (InputStream tar = x.bodyStream()) {
            archive.copyIn(x.param("id"), x.query("path"), x.queryBool("noOverwriteDirNonDir", false), tar);
        }
        x.status(200);
    }

    /** The tar's bytes as response chunks of up to 64 KB, once the response has begun. */
    private static final class ChunkedOutput extends OutputStream {
        private final java.util.function.Supplier<Exchange.ResponseStream> stream;
        private final byte[] buf = new byte[65536];
        private int used;

        ChunkedOutput(java.util.function.Supplier<Exchange.ResponseStream> stream) {
            this.stream = stream;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int off, int len) {
            while (len > 0) {
                int n = Math.min(len, buf.length - used);
                System.arraycopy(data, off, buf, used, n);
                used += n;
                off += n;
                len -= n;
                if (used == buf.length) {
                    flush();
                }
            }
        }

        @Override
        public void flush() {
            Exchange.ResponseStream s = stream.get();
            if (s != null && used > 0) {
                if (!s.isOpen()) {
                    throw new java.io.UncheckedIOException(new IOException("the client went away"));
                }
                s.write(buf, 0, used);
                used = 0;
            }
        }

        @Override
        public void close() {
            flush();
        }
    }
}
