package dev.purser.tui.cli;

import dev.purser.tui.client.Response;
import dev.purser.engine.archive.PathStat;
import dev.purser.engine.archive.TreeTar;
import dev.purser.engine.image.LayerExtractor;
import dev.purser.tui.client.Containers;
import dev.purser.tui.client.DaemonError;
import dev.purser.tui.format.HumanSize;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cp}: files between a container (running or not) and the local filesystem, with docker
 * cp's rules for files, directories, a trailing {@code /} and {@code /.}; {@code -} streams a tar
 * from stdin or to stdout. Files copied in belong to root; files copied out to whoever runs
 * the command.
 */
@Command(name = "cp", description = "Copy files/folders between a container and the local filesystem")
final class CpCommand extends BaseCommand {
    @Option(names = {"-a", "--archive"}) boolean archive;
    @Option(names = {"-L", "--follow-link"}) boolean followLink;
    @Option(names = {"-q", "--quiet"}) boolean quiet;
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tpurser cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH"; }

    /** One side of a copy: a container's path, or a local one (container null). */
    record Side(String container, String path) {
        /** docker's splitCpArg: a path that starts with / or . is local even with a colon in it. */
        static Side parse(String arg) {
            if (arg.startsWith("/") || arg.startsWith(".")) return new Side(null, arg);
            int colon = arg.indexOf(':');
            if (colon < 0) return new Side(null, arg);
            return new Side(arg.substring(0, colon), arg.substring(colon + 1));
        }
    }

    public Integer call() {
        requireExactly(args, 2);
        if (archive) {
            throw new CliError("purser: cp --archive (-a) is not supported yet", 1);
        }
        if (args.get(0).isEmpty()) throw new CliError("source can not be empty", 1);
        if (args.get(1).isEmpty()) throw new CliError("destination can not be empty", 1);
        Side from = Side.parse(args.get(0));
        Side to = Side.parse(args.get(1));
        try {
            if (from.container() != null && to.container() != null) {
                throw new CliError("copying between containers is not supported", 1);
            }
            if (from.container() != null) return copyOut(from, to.path());
            if (to.container() != null) return copyIn(from.path(), to);
            throw new CliError("must specify at least one container source", 1);
        } catch (IOException e) {
            throw new CliError(e.getMessage(), 1);
        }
    }

    // ---- out of the container ------------------------------------------------------------------

    private int copyOut(Side from, String dest) throws IOException {
        Containers containers = session.client().containers();
        String srcPath = from.path();
        String rebaseName = null;
        if (followLink) {
            String header = containers.pathStat(from.container(), srcPath);
            if (header != null) {
                PathStat stat = PathStat.fromHeader(header);
                if (stat.isSymlink()) {
                    rebaseName = baseName(srcPath);
                    srcPath = stat.linkTarget();
                }
            }
        }
        try (Response r = containers.archive(from.container(), srcPath)) {
            PathStat stat = PathStat.fromHeader(r.header(PathStat.HEADER));
            if (dest.equals("-")) {
                r.body().transferTo(session.out);
                session.out.flush();
                return 0;
            }
            Counting body = new Counting(r.body());
            Path destination = Path.of(dest).toAbsolutePath();
            Plan plan = plan(baseName(srcPath), rebaseName, stat.isDirectory(), localDestination(destination, dest));
            String oldBase = baseName(srcPath);
            LayerExtractor.extractInto(body, plan.directory(), false, false,
                    name -> plan.newBase() == null ? name : rebase(name, oldBase, plan.newBase()));
            progress(body.count, dest);
        } catch (DaemonError e) {
            throw new CliError(e.getMessage(), 1);
        }
        return 0;
    }

    /** What is known of the destination: where it is, whether it exists and is a directory. */
    record Destination(Path path, boolean exists, boolean directory, boolean assertsDirectory) {}

    /** docker's CopyInfoDestinationPath: a link is followed; a missing path needs an existing parent. */
    private static Destination localDestination(Path path, String asGiven) throws IOException {
        boolean asserts = asGiven.endsWith("/") || asGiven.endsWith("/.");
        for (int i = 0; i < 32 && Files.isSymbolicLink(path); i++) {
            path = path.resolveSibling(Files.readSymbolicLink(path)).normalize();
        }
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return new Destination(path, true, Files.isDirectory(path), asserts);
        }
        Path parent = path.getParent();
        if (parent == null || !Files.exists(parent)) {
            throw new IOException("stat " + parent + ": no such file or directory");
        }
        if (!Files.isDirectory(parent)) {
            throw new IOException("not a directory");
        }
        return new Destination(path, false, false, asserts);
    }

    /** Where to extract, and the name the source's top entry takes there (null: its own). */
    record Plan(Path directory, String newBase) {}

    /** docker's PrepareArchiveCopy. */
    private static Plan plan(String srcBase, String rebaseName, boolean srcIsDir, Destination dst) throws IOException {
        if (dst.exists() && dst.directory()) {
            return new Plan(dst.path(), rebaseName);
        }
        if (dst.exists() && srcIsDir) {
            throw new IOException("cannot copy directory");
        }
        if (!dst.exists() && !srcIsDir && dst.assertsDirectory()) {
            throw new IOException("no such directory");
        }
        return new Plan(dst.path().getParent(), dst.path().getFileName().toString());
    }

    /** docker's RebaseArchiveEntries: {@code oldBase} and what is under it become {@code newBase}. */
    static String rebase(String name, String oldBase, String newBase) {
        String n = name.startsWith("./") && !oldBase.equals(".") ? name.substring(2) : name;
        if (n.equals(oldBase) || n.equals(oldBase + "/")) return newBase + n.substring(oldBase.length());
        if (n.startsWith(oldBase + "/")) return newBase + n.substring(oldBase.length());
        return name;
    }

    /** docker's SplitPathDirEntry base: "." for a path ending in "/.", "/" for the root. */
    static String baseName(String path) {
        if (path.equals(".") || path.endsWith("/.")) return ".";
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        if (p.equals("/")) return "/";
        return p.substring(p.lastIndexOf('/') + 1);
    }

    // ---- into the container --------------------------------------------------------------------

    private int copyIn(String source, Side to) throws IOException {
        Containers containers = session.client().containers();
        String dstPath = to.path();
        String header;
        try {
            header = containers.pathStat(to.container(), dstPath);
            if (header != null && PathStat.fromHeader(header).isSymlink()) {
                String target = PathStat.fromHeader(header).linkTarget();
                dstPath = target.startsWith("/") ? target : parentOf(dstPath) + "/" + target;
                header = containers.pathStat(to.container(), dstPath);
            }
        } catch (DaemonError e) {
            throw new CliError(e.getMessage(), 1);
        }
        PathStat dst = header == null ? null : PathStat.fromHeader(header);
        if (dst != null && !dst.isDirectory() && !regularFile(dst)) {
            throw new CliError("destination \"" + to.container() + ":" + to.path() + "\" must be a directory or a regular file", 1);
        }
        if (source.equals("-")) {
            if (dst == null || !dst.isDirectory()) {
                throw new CliError("destination \"" + to.container() + ":" + to.path() + "\" must be a directory", 1);
            }
            put(containers, to.container(), dstPath, session.in);
            return 0;
        }
        Path local = localSource(source);
        boolean srcIsDir = Files.isDirectory(local, LinkOption.NOFOLLOW_LINKS);
        String srcBase = source.equals(".") || source.endsWith("/.") ? "." : local.getFileName() == null ? "/" : local.getFileName().toString();
        Destination destination = new Destination(null, dst != null, dst != null && dst.isDirectory(),
                dstPath.endsWith("/") || dstPath.endsWith("/."));
        String extractAt;
        String topName;
        if (destination.exists() && destination.directory()) {
            extractAt = dstPath;
            topName = srcBase;
        } else if (destination.exists() && srcIsDir) {
            throw new CliError("cannot copy directory", 1);
        } else if (!destination.exists() && !srcIsDir && destination.assertsDirectory()) {
            throw new CliError("no such directory", 1);
        } else {
            extractAt = parentOf(dstPath);
            topName = baseName(dstPath);
        }
        long sent = put(containers, to.container(), extractAt, tarOf(local, topName));
        progress(sent, to.container() + ":" + to.path());
        return 0;
    }

    private static boolean regularFile(PathStat stat) {
        return (stat.mode() & 0xfff00000L) == 0 && (stat.mode() & (1L << 27)) == 0;
    }

    /** docker's CopyInfoSourcePath: the directory part resolved, the last part a link unless -L. */
    private Path localSource(String source) throws IOException {
        Path p = Path.of(source).toAbsolutePath();
        if (source.endsWith("/") || source.endsWith("/.")) {
            if (!Files.isDirectory(p)) {
                throw new IOException(Files.exists(p) ? "not a directory" : "lstat " + p + ": no such file or directory");
            }
            return p.toRealPath();
        }
        Path resolved = followLink ? p : (p.getParent() == null ? p : p.getParent().toRealPath().resolve(p.getFileName()));
        if (followLink && Files.exists(p)) {
            resolved = p.toRealPath();
        }
        if (!Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("lstat " + p + ": no such file or directory");
        }
        return resolved;
    }

    private static String parentOf(String containerPath) {
        String p = containerPath;
        while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        int slash = p.lastIndexOf('/');
        return slash <= 0 ? "/" : p.substring(0, slash);
    }

    /** The tar of a local path, written by a thread of its own into the request body. */
    private static InputStream tarOf(Path local, String topName) throws IOException {
        PipedInputStream in = new PipedInputStream(1 << 16);
        PipedOutputStream out = new PipedOutputStream(in);
        CompletableFuture<Void> written = CompletableFuture.runAsync(() -> {
            try (out) {
                TreeTar.write(local, topName, out, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0 && written.isCompletedExceptionally()) {
                    throw new IOException(written.handle((v, e) -> e.getMessage()).join());
                }
                return n;
            }
        };
    }

    private long put(Containers containers, String container, String path, InputStream tar) {
        Counting counted = new Counting(tar);
        try {
            containers.putArchive(container, path, counted, true);
        } catch (DaemonError e) {
            throw new CliError(e.getMessage(), 1);
        }
        return counted.count;
    }

    /** docker prints this only on a terminal and without --quiet. */
    private void progress(long bytes, String dest) {
        if (!quiet && session.terminal()) {
            session.err.println("Successfully copied " + HumanSize.of(bytes) + " to " + dest);
        }
    }

    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
