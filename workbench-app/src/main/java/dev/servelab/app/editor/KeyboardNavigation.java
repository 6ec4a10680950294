package dev.servelab.app.editor;

import javafx.scene.input.KeyCode;

import java.util.List;

/** Arrow keys on the canvas: the node whose centre lies nearest in the pressed direction (within a 60° cone either side). */
final class KeyboardNavigation {
    private KeyboardNavigation() {
    }

    static GraphNode nearest(List<GraphNode> nodes, GraphNode from, KeyCode direction) {
        double dx = switch (direction) {
            case LEFT -> -1;
            case RIGHT -> 1;
            default -> 0;
        };
        double dy = switch (direction) {
            case UP -> -1;
            case DOWN -> 1;
            default -> 0;
        };
        GraphNode best = null;
        double bestScore = Double.MAX_VALUE;
        for (GraphNode n : nodes) {
            if (n == from) continue;
            double vx = n.x.get() - from.x.get(), vy = n.y.get() - from.y.get();
            double along = vx * dx + vy * dy, across = Math.abs(vx * dy - vy * dx);
            if (along <= 0 || across > along * Math.tan(Math.toRadians(60))) continue;
            double score = along + 2 * across;
            if (score < bestScore) {
                bestScore = score;
                best = n;
            }
        }
        return best;
    }
}
