package dev.purser.engine.network;

/**
 * One {@code --link NAME[:ALIAS]} of a container, as Docker parses it (moby's opts.ParseLink):
 * {@code NAME} alone is its own alias, and the stored form {@code /target:/linker/alias} that
 * inspect shows reads back to the same target and alias.
 */
public record ContainerLink(String target, String alias) {

    public static ContainerLink parse(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("empty string specified for links");
        }
        String[] parts = value.split(":", -1);
        if (parts.length > 2 || (parts.length == 2 && (parts[0].isEmpty() || parts[1].isEmpty()))) {
            throw new IllegalArgumentException("bad format for links: " + value);
        }
        if (parts.length == 1) {
            return new ContainerLink(value, value);
        }
        if (parts[0].startsWith("/")) {
            String full = parts[1];
            return new ContainerLink(parts[0].substring(1), full.substring(full.lastIndexOf('/') + 1));
        }
        return new ContainerLink(parts[0], parts[1]);
    }

    /** How Docker stores and shows the link: the target's name, then the alias under the linker's name. */
    public String stored(String targetName, String linkerName) {
        return "/" + strip(targetName) + ":/" + strip(linkerName) + "/" + alias;
    }

    /** The link's name in the environment's {@code ALIAS_NAME}: {@code /linker/alias}. */
    public String fullName(String linkerName) {
        return "/" + strip(linkerName) + "/" + alias;
    }

    private static String strip(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }
}
