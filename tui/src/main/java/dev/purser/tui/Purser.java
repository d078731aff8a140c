package dev.purser.tui;

/** The {@code purser} program's entry point. */
public final class Purser {
    private Purser() {}

    public static void main(String[] args) {
        System.out.println("purser " + Purser.class.getPackage().getImplementationVersion());
    }
}
