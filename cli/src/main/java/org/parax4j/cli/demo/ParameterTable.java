package org.parax4j.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.parax4j.distribution.Distribution;
import org.parax4j.module.Module;
import org.parax4j.module.ParameterGroup;
import org.parax4j.module.Select;
import org.parax4j.param.Parameter;

/**
 * The parameter table of a module: one row per flat parameter (fixed ones included), in flat order,
 * with its physical value, free/fixed flag, distribution (for a member of a joint group: its
 * marginal and the group it belongs to) and transform. Rendered as aligned text or as Markdown.
 * Immutable and thread-safe.
 *
 * @param rows the rows, in flat order
 */
public record ParameterTable(List<Row> rows) {

    /**
     * One flat parameter.
     *
     * @param name flat name
     * @param value physical value
     * @param fixed whether it is fixed
     * @param distribution the distribution as text, {@code "-"} when none
     * @param transform the transform's name, {@code "-"} when none
     */
    public record Row(String name, double value, boolean fixed, String distribution, String transform) {

        /** Checks that the texts are present. */
        public Row {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(distribution, "distribution");
            Objects.requireNonNull(transform, "transform");
        }
    }

    /** Copies the rows. */
    public ParameterTable {
        rows = List.copyOf(rows);
    }

    /** The table of {@code module}'s flat parameters, fixed ones included. Allocates. */
    public static ParameterTable of(Module<?> module) {
        Objects.requireNonNull(module, "module");
        List<ParameterGroup> groups = module.paramGroups(true, false);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : module.namedFlatParams(Select.all().includeFixed(true)).entrySet()) {
            Parameter p = e.getValue();
            String transform = p.transform().map(t -> t.getClass().getSimpleName()).orElse("-");
            rows.add(new Row(e.getKey(), p.value(0), p.isFixed(), describe(e.getKey(), groups), transform));
        }
        return new ParameterTable(rows);
    }

    private static String describe(String name, List<ParameterGroup> groups) {
        for (ParameterGroup g : groups) {
            int i = g.names().indexOf(name);
            if (i < 0) {
                continue;
            }
            Distribution d = g.distribution();
            if (d == null) {
                return "-";
            }
            if (g.names().size() == 1) {
                return d.marginal(0).toString();
            }
            List<String> others = new ArrayList<>(g.names());
            others.remove(name);
            return d.marginal(i) + ", joint " + d.getClass().getSimpleName() + " with " + String.join(", ", others);
        }
        return "-";
    }

    /** The table as aligned plain text with a header line. Allocates. */
    public String text() {
        String[] header = {"parameter", "value", "state", "distribution", "transform"};
        List<String[]> cells = cells();
        int[] width = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            width[c] = header[c].length();
            for (String[] r : cells) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendLine(sb, header, width);
        for (String[] r : cells) {
            appendLine(sb, r, width);
        }
        return sb.toString();
    }

    /** The table as a Markdown table. Allocates. */
    public String markdown() {
        StringBuilder sb = new StringBuilder("| parameter | value | state | distribution | transform |\n");
        sb.append("|---|---:|---|---|---|\n");
        for (String[] r : cells()) {
            sb.append("| `").append(r[0]).append("` | ").append(r[1]).append(" | ").append(r[2]).append(" | ")
                    .append(r[3]).append(" | ").append(r[4]).append(" |\n");
        }
        return sb.toString();
    }

    private List<String[]> cells() {
        List<String[]> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new String[] {r.name(), display(r.value()), r.fixed() ? "fixed" : "free",
                    r.distribution(), r.transform()});
        }
        return out;
    }

    /**
     * A value for reading: 12 significant digits, trailing zeros dropped, so that a value stored
     * through a transform (35 as exp(log 35) = 34.99999999999999) reads as people wrote it. The
     * exact values are in model.json.
     */
    static String display(double value) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(12)).stripTrailingZeros()
                .toPlainString();
    }

    private static void appendLine(StringBuilder sb, String[] cells, int[] width) {
        for (int c = 0; c < cells.length; c++) {
            String cell = cells[c];
            boolean last = c == cells.length - 1;
            sb.append(c == 1 ? " ".repeat(width[c] - cell.length()) + cell : cell);
            if (!last) {
                sb.append(c == 1 ? "" : " ".repeat(width[c] - cell.length())).append("  ");
            }
        }
        sb.append('\n');
    }
}
