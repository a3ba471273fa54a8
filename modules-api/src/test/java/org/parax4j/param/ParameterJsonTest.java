package org.parax4j.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parax4j.param.ParameterTest.assertMessage;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Bijector;
import org.parax4j.bijector.Softplus;
import org.parax4j.distribution.Independent;
import org.parax4j.distribution.MultivariateNormal;
import org.parax4j.distribution.Normal;
import org.parax4j.distribution.Uniform;
import org.parax4j.json.Json;

/** {@link Parameter#toJson()} and {@link Parameter#fromJson(String)}. */
class ParameterJsonTest {

    @Test
    void fullParameterRoundTripsExactly() {
        Parameter p = Parameter.builder().name("w").value(new double[] {0.1, 1.0 / 3, 2.5, 7}, 2, 2)
                .transform(Softplus.INSTANCE).distribution(new Normal(0.1, 0.7)).names(List.of("a", "b", "c", "d"))
                .bounds(new double[] {0, 0, Double.NEGATIVE_INFINITY, 1}, new double[] {1, 1, 3, Double.POSITIVE_INFINITY})
                .scale(1e-3).fixed(true).info(Map.of("unit", "GHz", "order", 2.5)).build();
        String json = p.toJson();
        Parameter back = Parameter.fromJson(json);
        assertEquals(p, back);
        for (int i = 0; i < p.size(); i++) {
            assertEquals(Double.doubleToRawLongBits(p.latentValue(i)), Double.doubleToRawLongBits(back.latentValue(i)));
        }
        assertTrue(json.contains("\"type\":\"Softplus\"") && json.contains("\"type\":\"Normal\""), json);
    }

    @Test
    void minimalParameterWritesOnlyWhatItHas() {
        String json = Parameter.of(0.1).toJson();
        assertEquals("{\"latentValue\":[0.1],\"shape\":[],\"fixed\":false,\"scale\":1.0}", json);
        assertEquals(Parameter.of(0.1), Parameter.fromJson(json));
        assertEquals(Parameter.of(2), Parameter.fromJson("{\"latentValue\":[2],\"shape\":[]}"));
    }

    @Test
    void vectorDistributionAndChainedTransformRoundTrip() {
        Parameter p = Parameters.uniform(new double[] {0, 1}, new double[] {2, 3})
                .withTransform(Bijector.interval(-1, 4));
        assertEquals(p, Parameter.fromJson(p.toJson()));
        Independent d = new Independent(List.of(new Normal(0, 1), new Uniform(0, 3)));
        Parameter q = Parameter.of(1, 2).withDistribution(d);
        assertEquals(q, Json.read(Json.write(q), Parameter.class));
        Parameter m = Parameter.of(2.4, 35).withDistribution(new MultivariateNormal(new double[] {2.4, 35},
                new double[][] {{0.0004, -0.024}, {-0.024, 9}}));
        assertEquals(m, Parameter.fromJson(m.toJson()));
        Parameter t = Parameters.normal(1, 0.1).withTransform(Softplus.INSTANCE).transformed(Bijector.interval(0, 9));
        assertEquals(t, Parameter.fromJson(t.toJson()));
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        var e = assertThrows(Json.JsonFormatException.class,
                () -> Parameter.fromJson("{\n  \"latentValue\": [1,\n  \"shape\": []\n}"));
        assertEquals(3, e.line());
        assertMessage(e, "line 3", "Parameter");
    }

    @Test
    void invalidContentNamesTheField() {
        assertMessage(assertThrows(Json.JsonFormatException.class, () -> Parameter.fromJson("{\"shape\": []}")),
                "latentValue", "required");
        assertMessage(assertThrows(Json.JsonFormatException.class, () -> Parameter.fromJson("{\"latentValue\": [1]}")),
                "shape", "required");
        assertMessage(assertThrows(Json.JsonFormatException.class,
                () -> Parameter.fromJson("{\"latentValue\": [1, 2], \"shape\": [3]}")), "shape [3]", "latentValue has 2");
        assertMessage(assertThrows(Json.JsonFormatException.class,
                () -> Parameter.fromJson("{\"latentValue\": [1], \"shape\": [], \"scale\": 0}")), "scale", "0.0");
        assertMessage(assertThrows(Json.JsonFormatException.class,
                () -> Parameter.fromJson("{\"latentValue\": [\"NaN\"], \"shape\": []}")), "latentValue", "NaN");
        assertMessage(assertThrows(Json.JsonFormatException.class,
                () -> Parameter.fromJson("{\"latentValue\": [1], \"shape\": [], \"lowerBounds\": [0]}")),
                "lowerBounds", "upperBounds");
        assertMessage(assertThrows(Json.JsonFormatException.class,
                () -> Parameter.fromJson("{\"latentValue\": [1], \"shape\": [], \"names\": [\"a\", \"b\"]}")),
                "names has 2");
        assertMessage(assertThrows(Json.JsonFormatException.class,
                () -> Parameter.fromJson("{\"latentValue\": [1], \"shape\": [], \"nmae\": \"x\"}")), "nmae");
    }
}
