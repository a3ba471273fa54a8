package org.parax4j.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JsonTest {

    record Bounds(double lo, double hi, double[] values) {}

    @Test
    void doublesRoundTripBitExactlyIncludingNonFinite() {
        double[] values = {0.1, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, Math.PI, Double.NaN, 1.0 / 3};
        Bounds in = new Bounds(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, values);
        Bounds out = Json.read(Json.write(in), Bounds.class);
        assertEquals(in.lo(), out.lo());
        assertEquals(in.hi(), out.hi());
        for (int i = 0; i < values.length; i++) {
            assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(out.values()[i]), "element " + i);
        }
        assertArrayEquals(values, out.values());
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        var e = assertThrows(Json.JsonFormatException.class, () -> Json.read("{\n  \"lo\": 1,\n  \"hi\": ]\n}", Bounds.class));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("Bounds"), e.getMessage());
    }

    @Test
    void unknownPropertyIsAnError() {
        var e = assertThrows(Json.JsonFormatException.class,
                () -> Json.read("{\"lo\": 1, \"hi\": 2, \"values\": [], \"typo\": 3}", Bounds.class));
        assertTrue(e.getMessage().contains("typo"), e.getMessage());
    }
}
