package dev.servelab.experiments.sweep;

/**
 * How points are picked from the product of the axes: {@code grid} (every combination, in axis
 * order), {@code random: N} (N distinct combinations drawn uniformly) or {@code lhs: N} (a Latin
 * hypercube of N: each axis's values are covered in N equal strata, strata paired at random across axes;
 * McKay, Beckman and Conover, Technometrics 1979). Random draws use {@code seed}.
 */
public record Search(Kind kind, int count, long seed) {
    public enum Kind { GRID, RANDOM, LHS }

    public static final Search GRID = new Search(Kind.GRID, 0, 0);
}
