package dev.servelab.app;

/** Entry point of the shaded {@code servelab.jar}: hands the command line to the engine CLI. */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        System.out.println("ServeLab: skeleton");
    }
}
