package org.hubql.graph;

/** How many rows a connection returns when {@code first} is absent, and the most it may ask for. */
public record PageSize(int defaultSize, int maxSize) {

    int resolve(Integer first) {
        if (first == null) {
            return defaultSize;
        }
        if (first < 0 || first > maxSize) {
            throw new BadInputException("`first` must be between 0 and " + maxSize + "; got " + first);
        }
        return first;
    }
}
