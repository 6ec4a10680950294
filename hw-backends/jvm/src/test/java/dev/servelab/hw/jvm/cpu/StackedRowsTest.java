package dev.servelab.hw.jvm.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slices of stacked rows are cut at the matrix boundaries. */
class StackedRowsTest {

    @Test
    void aSliceAcrossTwoBoundariesIsCutIntoThreeParts() {
        StackedRows stack = StackedRows.of(new int[] {4, 2, 5});
        assertEquals(11, stack.total());
        List<String> parts = new ArrayList<>();
        stack.forEach(3, 8, (i, f, t) -> parts.add(i + ":" + f + "-" + t));
        assertEquals(List.of("0:3-4", "1:0-2", "2:0-2"), parts);
    }

    @Test
    void aSliceInsideOneMatrixIsOnePart() {
        List<String> parts = new ArrayList<>();
        StackedRows.of(new int[] {4, 2, 5}).forEach(7, 11, (i, f, t) -> parts.add(i + ":" + f + "-" + t));
        assertEquals(List.of("2:1-5"), parts);
    }
}
