package dev.servelab.hw.jvm.gguf;

import java.util.List;

/** A metadata array: its element type and its elements, boxed as {@link GgufValue} describes. */
public record GgufArray(GgufValueType elementType, List<Object> elements) {
    public GgufArray {
        elements = List.copyOf(elements);
    }
}
