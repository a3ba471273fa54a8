package org.parax4j.module;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Helpers for error messages about names: a bounded, printable form of any name ({@link #shown})
 * and the closest matches of an unknown name by edit distance.
 *
 * <p>The work and the message are bounded whatever the input: names are compared on their first
 * {@value #COMPARED} characters only, each candidate's distance is computed once (with an early
 * exit as soon as it cannot be among the best), and names are echoed on at most {@value #SHOWN}
 * characters. A 19 MB unknown name therefore costs microseconds and a message of about 100
 * characters. Stateless and thread-safe.
 */
public final class Names {

    /** Characters of a name shown in a message; longer names are cut and their length given. */
    public static final int SHOWN = 100;
    /** Characters of a name (and of each candidate) compared by edit distance. */
    static final int COMPARED = 100;

    private Names() {}

    /**
     * A name as it appears in messages: characters that do not print (controls, format characters
     * such as a byte-order mark, line separators) written as Java escapes ({@code \n},
     * {@code \t}, {@code \r}, {@code \\ufeff}), and names longer than {@value #SHOWN} characters cut to
     * their first {@value #SHOWN} followed by {@code "… (N chars)"}. Allocates a new string only when
     * something changes.
     *
     * @param name any string
     * @return the printable, bounded form; {@code "null"} for null
     */
    public static String shown(String name) {
        if (name == null) {
            return "null";
        }
        int end = Math.min(name.length(), SHOWN);
        if (end < name.length() && Character.isHighSurrogate(name.charAt(end - 1))) {
            end--;
        }
        boolean plain = end == name.length();
        for (int i = 0; i < end && plain; i++) {
            plain = printable(name.charAt(i));
        }
        if (plain) {
            return name;
        }
        StringBuilder sb = new StringBuilder(end + 24);
        for (int i = 0; i < end; i++) {
            char c = name.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (printable(c)) {
                        sb.append(c);
                    } else {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    }
                }
            }
        }
        if (end < name.length()) {
            sb.append("… (").append(name.length()).append(" chars)");
        }
        return sb.toString();
    }

    private static boolean printable(char c) {
        if (Character.isISOControl(c)) {
            return false;
        }
        int type = Character.getType(c);
        return type != Character.FORMAT && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR && type != Character.UNASSIGNED
                && type != Character.PRIVATE_USE;
    }

    /**
     * Up to {@code k} distinct names from {@code candidates} closest to {@code name} (edit distance
     * of their first {@value #COMPARED} characters, ties in candidate order). Each distance is
     * computed once, and a candidate stops being compared as soon as it cannot beat the current
     * {@code k}-th best, so the work is at most {@code candidates · COMPARED²} whatever the length
     * of {@code name}. Allocates the result.
     */
    static List<String> closest(String name, Collection<String> candidates, int k) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(candidates));
        String probe = prefix(name);
        List<String> best = new ArrayList<>(k + 1);
        List<Integer> bestDistance = new ArrayList<>(k + 1);
        for (String c : distinct) {
            int limit = best.size() < k ? Integer.MAX_VALUE : bestDistance.get(k - 1) - 1;
            int d = distance(probe, prefix(c), limit);
            if (d > limit) {
                continue;
            }
            int at = best.size();
            while (at > 0 && bestDistance.get(at - 1) > d) {
                at--;
            }
            best.add(at, c);
            bestDistance.add(at, d);
            if (best.size() > k) {
                best.removeLast();
                bestDistance.removeLast();
            }
        }
        return best;
    }

    /** "unknown parameter name 'x'; closest: a, b, c" (or "; there are none to choose from"). */
    static String unknown(String what, String name, Collection<String> candidates) {
        if (candidates.isEmpty()) {
            return "unknown " + what + " '" + shown(name) + "'; there are none to choose from";
        }
        List<String> shown = closest(name, candidates, 3).stream().map(Names::shown).toList();
        return "unknown " + what + " '" + shown(name) + "'; closest: " + String.join(", ", shown);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        return distance(a, b, Integer.MAX_VALUE);
    }

    /**
     * Levenshtein distance, or a value above {@code limit} as soon as every entry of a row of the
     * table exceeds it (the distance can then only be larger).
     */
    private static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String prefix(String s) {
        return s.length() <= COMPARED ? s : s.substring(0, COMPARED);
    }
}
