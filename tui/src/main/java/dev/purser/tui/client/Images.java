package dev.purser.tui.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.List;

/** The image endpoints of the Engine API. */
public final class Images {
    private final EngineConnection engine;

    Images(EngineConnection engine) {
        this.engine = engine;
    }

    public List<JsonNode> list(boolean all, boolean digests, List<String> filters) {
        return Containers.elements(engine.get("/images/json" + Query.of().add("all", all).add("digests", digests).filters(filters)));
    }

    public JsonNode inspect(String name) {
        return engine.get("/images/" + name + "/json");
    }

    public List<JsonNode> history(String name) {
        return Containers.elements(engine.get("/images/" + name + "/history"));
    }

    /** Tags {@code source} as {@code repo:tag}. */
    public void tag(String source, String repo, String tag) {
        engine.post("/images/" + source + "/tag" + Query.of().add("repo", repo).add("tag", tag), null);
    }

    /** Removes an image; the answer lists {"Untagged": ...} and {"Deleted": ...} entries in order. */
    public List<JsonNode> remove(String name, boolean force, boolean noPrune) {
        return Containers.elements(engine.delete("/images/" + name + Query.of().add("force", force).add("noprune", noPrune)));
    }

    /** Loads a {@code docker save} tarball; the answer is a JSON message stream. */
    public Response load(InputStream tar, boolean quiet) {
        return engine.open("POST", "/images/load" + Query.of().add("quiet", quiet), tar, "application/x-tar");
    }

    /** Exports images as a tarball stream. */
    public Response save(List<String> names) {
        Query q = Query.of();
        names.forEach(n -> q.add("names", n));
        return engine.open("GET", "/images/get" + q, null, null);
    }

    /** Imports a root filesystem tarball ({@code fromSrc=-}) as an image; the answer is a JSON message stream. */
    public Response importTarball(InputStream tar, String fromSrc, String repo, String tag, String message, List<String> changes) {
        Query q = Query.of().add("fromSrc", fromSrc).add("repo", repo).add("tag", tag).add("message", message);
        changes.forEach(c -> q.add("changes", c));
        return engine.open("POST", "/images/create" + q, tar, "application/x-tar");
    }

    public JsonNode prune(List<String> filters) {
        return engine.post("/images/prune" + Query.of().filters(filters), null);
    }
}
