package org.parax4j.module;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Helpers for error messages about names: closest matches by edit distance. */
final class Names {

    private Names() {}

    /** Up to {@code k} names from {@code candidates} closest to {@code name} (edit distance, then order). */
    static List<String> closest(String name, Collection<String> candidates, int k) {
        return candidates.stream().distinct()
                .sorted(Comparator.comparingInt((String c) -> distance(name, c)))
                .limit(k)
                .toList();
    }

    /** "unknown parameter name 'x'; closest: a, b, c" (or "; there are no parameters"). */
    static String unknown(String what, String name, Collection<String> candidates) {
        if (candidates.isEmpty()) {
            return "unknown " + what + " '" + name + "'; there are none to choose from";
        }
        return "unknown " + what + " '" + name + "'; closest: " + String.join(", ", closest(name, candidates, 3));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
