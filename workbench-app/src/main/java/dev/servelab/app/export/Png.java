package dev.servelab.app.export;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes snapshots of scenes and nodes as PNG files (without javafx-swing). */
public final class Png {
    private Png() {
    }

    public static void write(Scene scene, Path file) throws IOException {
        write(scene.snapshot(null), file);
    }

    public static void write(Node node, Path file) throws IOException {
        write(node.snapshot(null, null), file);
    }

    public static void write(Image img, Path file) throws IOException {
        int w = (int) img.getWidth(), h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        if (!ImageIO.write(out, "png", file.toFile())) throw new IOException("no PNG writer");
    }
}
