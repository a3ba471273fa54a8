package org.parax4j.engine.internal.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.parax4j.engine.examples.LineResonatorModel;
import org.parax4j.engine.graph.ComplexVar;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Var;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.param.Parameter;

/**
 * {@link ComplexProducts} pairs the parts of the complex products {@code ComplexVar} records (so
 * that the derivative tests of {@code ComplexProductDerivativesTest} run the fused pass), and no
 * other sum: a product sum whose partner has another form stays unpaired.
 */
class ComplexProductsTest {

    record Two(Parameter a, Parameter b, Meta meta) implements Module<Two> {}

    static ComplexProducts.Pair[] pairs(ModelFunction<?> f) {
        GraphDef g = GraphAccess.graph(f);
        ChunkPlan plan = ChunkPlan.forCap(g, 1 << 20);
        return ComplexProducts.of(g, plan, ProductSums.of(g));
    }

    static int count(ComplexProducts.Pair[] pairs) {
        int n = 0;
        for (ComplexProducts.Pair p : pairs) {
            n += p == null ? 0 : 1;
        }
        return n;
    }

    @Test
    void pairsAComplexProductOnly() {
        ModelFunction<Two> f = ModelFunction.record(new Two(Parameter.of(0.3, 1.2), Parameter.of(-0.4, 2.0),
                Meta.NONE), (m, g) -> {
                    Var x = g.param(m.a());
                    Var y = g.param(m.b());
                    ComplexVar z = ComplexVar.of(x, y.exp()).mul(ComplexVar.of(y, x.sin()));
                    Var notAPartner = x.mul(y).add(y.exp().mul(x.sin()));   // a·d + b·c's form with other pairs
                    return Var.concat(z.re(), z.im(), notAPartner);
                });
        ComplexProducts.Pair[] pairs = pairs(f);
        assertEquals(2, count(pairs), "one pair (the product's parts)");
        GraphDef g = GraphAccess.graph(f);
        for (int i = 0; i < pairs.length; i++) {
            if (pairs[i] != null) {
                assertEquals(i, pairs[pairs[i].partner()].partner(), "partners of each other");
                assertEquals(pairs[i].real() ? Op.SUB : Op.ADD, g.node(i).op(), "part " + i);
            }
        }
    }

    @Test
    void theRfExamplePairsItsComplexProducts() {
        ComplexProducts.Pair[] pairs = pairs(LineResonatorModel.response(LineResonatorModel.create()));
        assertEquals(10, count(pairs), "five complex products of full-size parts");
        assertNull(pairs[0], "a constant is in no pair");
    }
}
