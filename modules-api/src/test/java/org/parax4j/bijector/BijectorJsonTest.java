package org.parax4j.bijector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parax4j.json.Json;

/** Type-tagged JSON for every bijector. */
class BijectorJsonTest {

    private static Bijector roundTrip(Bijector b) {
        return Json.read(Json.write(b), Bijector.class);
    }

    @Test
    void everyKindRoundTrips() {
        List<Bijector> all = List.of(Identity.INSTANCE, new Shift(0.1), new Scale(-1.0 / 3), new Affine(Math.PI, 1e-300),
                Exp.INSTANCE, Log.INSTANCE, Softplus.INSTANCE, Sigmoid.INSTANCE, Tanh.INSTANCE,
                Chain.of(Sigmoid.INSTANCE, new Affine(2, 3)), new Inverse(Softplus.INSTANCE),
                new Inverse(Chain.of(new Shift(-0.0), new Inverse(Chain.of(Exp.INSTANCE, new Scale(Double.MIN_VALUE))))));
        for (Bijector b : all) {
            assertEquals(b, roundTrip(b), b.name());
        }
    }

    @Test
    void doublesAreBitExact() {
        Shift s = (Shift) roundTrip(new Shift(-0.0));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(s.shift()));
        Affine a = (Affine) roundTrip(new Affine(0.1 + 0.2, Math.nextUp(1.0)));
        assertEquals(0.1 + 0.2, a.shift());
        assertEquals(Math.nextUp(1.0), a.scale());
    }

    @Test
    void theTypeTagIsTheSimpleClassName() {
        assertEquals("{\"type\":\"Shift\",\"shift\":1.5}", Json.write(new Shift(1.5)));
        assertEquals("{\"type\":\"Exp\"}", Json.write(Exp.INSTANCE));
        assertEquals("{\"type\":\"Inverse\",\"bijector\":{\"type\":\"Chain\",\"bijectors\":[{\"type\":\"Sigmoid\"}]}}",
                Json.write(new Inverse(Chain.of(Sigmoid.INSTANCE))));
    }

    @Test
    void invalidArgumentsInJsonNameTheArgument() {
        var zero = assertThrows(Json.JsonFormatException.class,
                () -> Json.read("{\"type\":\"Scale\",\"scale\":0}", Bijector.class));
        assertTrue(zero.getMessage().contains("scale must be finite and != 0, got 0.0"), zero.getMessage());
        var nan = assertThrows(Json.JsonFormatException.class,
                () -> Json.read("{\"type\":\"Shift\",\"shift\":\"NaN\"}", Bijector.class));
        assertTrue(nan.getMessage().contains("shift must be finite, got NaN"), nan.getMessage());
        var empty = assertThrows(Json.JsonFormatException.class,
                () -> Json.read("{\"type\":\"Chain\",\"bijectors\":[]}", Bijector.class));
        assertTrue(empty.getMessage().contains("bijectors must be a non-empty list"), empty.getMessage());
    }

    @Test
    void missingArgumentsAreErrors() {
        var e = assertThrows(Json.JsonFormatException.class, () -> Json.read("{\"type\":\"Shift\"}", Bijector.class));
        assertTrue(e.getMessage().contains("shift"), e.getMessage());
        var inv = assertThrows(Json.JsonFormatException.class, () -> Json.read("{\"type\":\"Inverse\"}", Bijector.class));
        assertTrue(inv.getMessage().contains("bijector"), inv.getMessage());
    }

    @Test
    void malformedOrUnknownJsonIsAFormatError() {
        var bad = assertThrows(Json.JsonFormatException.class,
                () -> Json.read("{\"type\":\"Shift\",\n\"shift\": }", Bijector.class));
        assertEquals(2, bad.line());
        var unknown = assertThrows(Json.JsonFormatException.class,
                () -> Json.read("{\"type\":\"Cube\"}", Bijector.class));
        assertTrue(unknown.getMessage().contains("Cube"), unknown.getMessage());
        var extra = assertThrows(Json.JsonFormatException.class,
                () -> Json.read("{\"type\":\"Exp\",\"rate\":2}", Bijector.class));
        assertTrue(extra.getMessage().contains("rate"), extra.getMessage());
        assertThrows(Json.JsonFormatException.class, () -> Json.read("{\"shift\":1}", Bijector.class));
    }
}
