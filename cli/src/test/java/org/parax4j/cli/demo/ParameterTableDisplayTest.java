package org.parax4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ParameterTableDisplayTest {

    @Test
    void valuesReadAsWritten() {
        assertEquals("35", ParameterTable.display(Math.exp(Math.log(35))));
        assertEquals("0.05", ParameterTable.display(0.05));
        assertEquals("-0.08", ParameterTable.display(-0.08));
        assertEquals("50", ParameterTable.display(50));
        assertEquals("0", ParameterTable.display(0));
        assertEquals("2.4", ParameterTable.display(2.4));
        assertEquals("0.123456789012", ParameterTable.display(0.1234567890123456));
    }
}
