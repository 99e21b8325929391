package org.hubql.graph;

/** How many rows a connection returns when neither {@code first} nor {@code last} is given, and the most either may ask for. */
public record PageSize(int defaultSize, int maxSize) {

    int resolve(Integer first) {
        return resolve("first", first);
    }

    /** The size an argument ({@code first} or {@code last}) asks for, checked; the default when absent. */
    int resolve(String argument, Integer requested) {
        if (requested == null) {
            return defaultSize;
        }
        if (requested < 0 || requested > maxSize) {
            throw new BadInputException("`" + argument + "` must be between 0 and " + maxSize + "; got " + requested);
        }
        return requested;
    }
}
