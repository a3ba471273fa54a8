package org.parax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code parax4j --help} lists every command, one line each. */
class HelpTest {

    @Test
    void helpListsEveryCommandOnOneLine() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        int start = lines.indexOf("Commands:");
        assertTrue(start >= 0, run.out());
        List<String> commandLines = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.isBlank() || !line.startsWith(" ")) {
                break; // the next section (exit codes) starts
            }
            commandLines.add(line);
        }
        List<String> names = commandLines.stream().map(l -> l.strip().split("\\s+")[0]).toList();
        assertEquals(List.of("demo", "gram", "jacobian", "sample", "fit", "nuts", "gp"), names, run.out());
        for (String line : commandLines) {
            assertTrue(line.strip().split("\\s{2,}").length == 2 && line.length() <= 80,
                    "expected '  name  one-line description', got '" + line + "'");
        }
    }
}
