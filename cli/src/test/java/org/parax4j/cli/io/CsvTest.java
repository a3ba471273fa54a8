package org.parax4j.cli.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> Csv.parse(text, "p.csv")).getMessage();
    }

    @Test
    void readsNumbersWithSpacesBlankLinesAndWindowsLineEnds() {
        CsvMatrix m = Csv.parse(" 1, -2.5\r\n\n.5 ,3e2\r\n+4,\t-1E-3\n", "p.csv");
        assertEquals(3, m.rows());
        assertEquals(2, m.cols());
        assertArrayEquals(new double[] {1, -2.5, 0.5, 300, 4, -0.001}, m.values());
    }

    @Test
    void rejectsWhatIsNotAFiniteDecimalNumberWithLineAndColumn() {
        assertEquals("p.csv:2:3: expected a number, got 'abc'", error("1,2\n3,abc\n"));
        assertEquals("p.csv:1:1: expected a number, got 'NaN'", error("NaN,1\n"));
        assertEquals("p.csv:1:3: expected a number, got 'Infinity'", error("1,Infinity\n"));
        assertEquals("p.csv:1:3: expected a number, got ''", error("1,,2\n"));
        assertEquals("p.csv:1:1: expected a number, got '0x10'", error("0x10\n"));
        assertEquals("p.csv:1:1: expected a number, got '\"1\"'", error("\"1\"\n"));
        assertEquals("p.csv:1:1: expected a finite number, got '1e999'", error("1e999\n"));
    }

    @Test
    void rejectsRowsWithAnotherColumnCount() {
        assertEquals("p.csv:3:4: expected 3 columns (as on line 1), got 2", error("1,2,3\n\n4,5\n"));
        assertEquals("p.csv:2:3: expected 1 columns (as on line 1), got 2", error("1\n2,3\n"));
    }

    @Test
    void rejectsAnEmptyFile() {
        assertEquals("p.csv: expected at least one row of numbers, the file is empty", error("\n \n"));
    }

    @Test
    void formatRoundTripsExactly() {
        double[] v = {0.1, -1e-300, 123456789.123, Math.PI, 0, 2};
        assertArrayEquals(v, Csv.parse(Csv.format(v, 3, 2), "x").values());
        assertThrows(IllegalArgumentException.class, () -> Csv.format(v, 4, 2));
    }

    @Test
    void writeRowStreamsOneRowPerCallAndFormatIsTheirConcatenation() throws IOException {
        double[] v = {0.1, -1e-300, 123456789.123, Math.PI, 0, 2};
        List<String> pieces = new ArrayList<>();
        Writer sink = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                pieces.add(new String(buf, off, len));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Csv.writeRow(sink, v, 2, 2);
        assertEquals("1.23456789123E8,3.141592653589793\n", String.join("", pieces));
        assertTrue(pieces.stream().allMatch(p -> p.length() < 30), "no row is built as one string first: " + pieces);
        assertThrows(IndexOutOfBoundsException.class, () -> Csv.writeRow(sink, v, 5, 2));
        StringWriter rows = new StringWriter();
        for (int r = 0; r < 3; r++) {
            Csv.writeRow(rows, v, 2 * r, 2);
        }
        assertEquals(Csv.format(v, 3, 2), rows.toString());
    }

    /** The number pattern backtracked over every split of the digits: 220 s for 100,000 digits and an 'x'. */
    @Test
    void aLongFieldThatIsNoNumberFailsInLinearTime() {
        String digits = "1".repeat(200_000);
        String message = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> error(digits + "x\n"));
        assertEquals("p.csv:1:1: expected a number, got '" + "1".repeat(100) + "… (200001 chars)'", message);
        assertEquals("p.csv:1:3: expected a number, got '\\u200b1'", error("1,\u200B1\n"));
        assertArrayEquals(new double[] {1, 1.5, 1, 0.5, -2e3}, Csv.parse("1.,1.5,1e0,.5,-2.e+3\n", "p.csv").values());
    }
}
