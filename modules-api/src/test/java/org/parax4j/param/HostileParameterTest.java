package org.parax4j.param;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Bijector;
import org.parax4j.bijector.Exp;
import org.parax4j.bijector.Sigmoid;
import org.parax4j.bijector.Softplus;
import org.parax4j.distribution.Distribution;
import org.parax4j.json.Json;
import org.parax4j.kernel.RBFKernel;

/**
 * Regression tests of issue 15 for parameters: sizes that overflow or exhaust memory, JSON
 * {@code null}, an ignored {@code n}, and latent values whose image rounds onto an end of the
 * transform's open range. Each fails with a named {@link IllegalArgumentException}.
 */
class HostileParameterTest {

    private static final String LIMIT = "2147483639";

    @Test
    void aShapeWhoseProductOverflowsIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Parameter.fromJson("{\"latentValue\":[],\"shape\":[65536,65536,65536,65536]}"));
        assertTrue(e.getMessage().contains("[65536, 65536, 65536, 65536]") && e.getMessage().contains(LIMIT),
                e.getMessage());
        var b = assertThrows(IllegalArgumentException.class,
                () -> Parameter.builder().value(1).shape(65536, 65536, 65536, 65536).build());
        assertTrue(b.getMessage().contains(LIMIT), b.getMessage());
    }

    @Test
    void nIsCheckedNotIgnored() {
        var negative = assertThrows(IllegalArgumentException.class, () -> Parameter.builder().value(1).n(-1).build());
        assertTrue(negative.getMessage().contains("n must be >= 1, got -1"), negative.getMessage());
        var huge = assertThrows(IllegalArgumentException.class,
                () -> Parameter.builder().value(1).n(Integer.MAX_VALUE).build());
        assertTrue(huge.getMessage().contains("2147483647") && huge.getMessage().contains(LIMIT), huge.getMessage());
        assertEquals(3, Parameter.builder().value(1).n(3).build().size());
    }

    @Test
    void jsonNullIsAnError() {
        var e = assertThrows(IllegalArgumentException.class, () -> Parameter.fromJson("null"));
        assertTrue(e.getMessage().contains("got null"), e.getMessage());
    }

    @Test
    void jsonErrorsNameThePath() {
        var e = assertThrows(Json.JsonFormatException.class,
                () -> Parameter.fromJson("{\"latentValue\":[1],\"shape\":[1],\"distribution\":{\"type\":\"Normal\","
                        + "\"mean\":\"x\",\"std\":1}}"));
        assertTrue(e.getMessage().contains("$.distribution.mean"), e.getMessage());
    }

    @Test
    void aLatentValueOnAnEndOfTheTransformsRangeIsRejected() {
        for (Bijector positive : List.of(Exp.INSTANCE, Softplus.INSTANCE)) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> Parameter.builder().name("q").latentValue(-800).transform(positive).build());
            assertTrue(e.getMessage().contains("parameter 'q' element 0: latentValue -800.0 maps to 0.0")
                    && e.getMessage().contains("open range (0.0, Infinity)"), e.getMessage());
        }
        var one = assertThrows(IllegalArgumentException.class,
                () -> Parameter.builder().latentValue(40).transform(Sigmoid.INSTANCE).build());
        assertTrue(one.getMessage().contains("maps to 1.0") && one.getMessage().contains("(0.0, 1.0)"),
                one.getMessage());
        var interval = assertThrows(IllegalArgumentException.class,
                () -> Parameter.builder().latentValue(40).transform(Bijector.interval(2, 5)).build());
        assertTrue(interval.getMessage().contains("(2.0, 5.0)"), interval.getMessage());
        var viaRewrite = assertThrows(IllegalArgumentException.class,
                () -> Parameter.builder().value(1).transform(Exp.INSTANCE).build().withLatentValue(-800));
        assertTrue(viaRewrite.getMessage().contains("maps to 0.0"), viaRewrite.getMessage());
        Parameter inside = Parameter.builder().latentValue(36).transform(Sigmoid.INSTANCE).build();
        assertArrayEquals(inside.value(), inside.withValue(inside.value()).value());
    }

    @Test
    void aMultivariateNormalFromJsonHasABoundedDimension() throws Exception {
        int d = 1001;
        ObjectNode mvn = Json.mapper().createObjectNode().put("type", "MultivariateNormal");
        ArrayNode mean = mvn.putArray("mean");
        ArrayNode cov = mvn.putArray("covariance");
        for (int i = 0; i < d; i++) {
            mean.add(0.0);
            ArrayNode row = cov.addArray();
            for (int j = 0; j < d; j++) {
                row.add(i == j ? 1.0 : 0.0);
            }
        }
        String json = mvn.toString();
        var e = assertThrows(Exception.class, () -> Json.mapper().readValue(json, Distribution.class));
        assertTrue(String.valueOf(e.getMessage()).contains("at most 1000"), e.getMessage());
    }

    @Test
    void theScalarKernelMatrixNamesItsSizes() {
        double[] x = new double[50_000];
        var e = assertThrows(IllegalArgumentException.class, () -> new RBFKernel(1).matrix(x, 50_000, x, 50_000, 1));
        assertTrue(e.getMessage().contains("50000 × 50000") && e.getMessage().contains("2500000000")
                && e.getMessage().contains(LIMIT), e.getMessage());
    }
}
