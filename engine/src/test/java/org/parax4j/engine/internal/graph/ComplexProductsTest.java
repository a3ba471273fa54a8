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
 * other sum: a product sum whose partner has another form stays unpaired; and that
 * {@link ComplexReciprocals} finds {@code ComplexVar}'s reciprocal except where its real part's
 * tangent would be read before it is written.
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

    @Test
    void findsReciprocalsWhoseRealPartIsReadAfterTheImaginaryPart() {
        ModelFunction<Two> f = ModelFunction.record(new Two(Parameter.of(0.3, 1.2), Parameter.of(-0.4, 2.0),
                Meta.NONE), (m, g) -> {
                    ComplexVar z = ComplexVar.of(g.param(m.a()), g.param(m.b()));
                    ComplexVar w = z.reciprocal();
                    return Var.concat(w.re(), w.im(), z.mul(w).re());
                });
        GraphDef g = GraphAccess.graph(f);
        int[] real = new int[g.size()];
        byte[] roles = ComplexReciprocals.of(g, ChunkPlan.forCap(g, 1 << 20), ProductSums.of(g), real);
        int found = 0;
        for (int i = 0; i < g.size(); i++) {
            if (roles[i] == ComplexReciprocals.IMAGINARY) {
                found++;
                assertEquals(ComplexReciprocals.REAL, roles[real[i]], "the real part of " + i);
                assertEquals(Op.DIV, g.node(i).op(), "imaginary part " + i);
            }
        }
        assertEquals(1, found, "one reciprocal");
        ModelFunction<Two> early = ModelFunction.record(new Two(Parameter.of(0.3, 1.2), Parameter.of(-0.4, 2.0),
                Meta.NONE), (m, gr) -> {
                    ComplexVar z = ComplexVar.of(gr.param(m.a()), gr.param(m.b()));
                    Var den = z.abs2();
                    Var re = z.re().div(den);
                    Var usesRe = re.exp();                       // reads re's tangent before im's node
                    Var im = z.im().neg().div(den);
                    return Var.concat(usesRe, im);
                });
        GraphDef ge = GraphAccess.graph(early);
        byte[] none = ComplexReciprocals.of(ge, ChunkPlan.forCap(ge, 1 << 20), ProductSums.of(ge), new int[ge.size()]);
        for (byte role : none) {
            assertEquals(ComplexReciprocals.NONE, role, "a real part read before the imaginary part's node");
        }
    }
}
