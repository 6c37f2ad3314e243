package org.rencontres.directory;

import java.util.List;

/** One page of a directory list. {@code number} counts from 1. */
record DirectoryPage<T>(List<T> items, long total, int number, int size) {

    public int pageCount() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pageCount();
    }

    static int offset(int number, int size) {
        return (Math.max(number, 1) - 1) * size;
    }
}
