package io.affinity.examples;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The figures of a tour, printed at the end of the demo. */
final class Summary {

    private final Map<String, Object> figures = new LinkedHashMap<>();

    /** Records a figure under a short label, in the order the tour produced them. */
    void put(String label, Object value) {
        figures.put(label, value);
    }

    /** @return the figure recorded under the label, or null */
    Object get(String label) {
        return figures.get(label);
    }

    @Override
    public String toString() {
        int width = figures.keySet().stream().mapToInt(String::length).max().orElse(0);
        return figures.entrySet().stream()
                .map(e -> String.format("  %-" + width + "s  %s", e.getKey(), e.getValue()))
                .collect(Collectors.joining(System.lineSeparator(), "Summary" + System.lineSeparator(), ""));
    }
}
