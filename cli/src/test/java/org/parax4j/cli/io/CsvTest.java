package org.parax4j.cli.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
