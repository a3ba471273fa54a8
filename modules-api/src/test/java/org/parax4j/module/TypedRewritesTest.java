package org.parax4j.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parax4j.kernel.Kernel;
import org.parax4j.kernel.ProductKernel;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.kernel.SumKernel;
import org.parax4j.kernel.WhiteNoiseKernel;
import org.parax4j.param.Parameter;
import org.parax4j.param.Parameters;

/** Rewrites return the receiver's own type at compile time; a wrong-type assignment does not compile. */
class TypedRewritesTest {

    /** The README's model. */
    public record Resonator(Parameter gain, Parameter f0, Parameter q, Meta meta) implements Module<Resonator> {}

    /** Names another type as its own: refused on first use. */
    public record Liar(@Default(1) Parameter p, Meta meta) implements Module<TestModules.Leaf> {}

    /** A raw module: refused on first use. */
    @SuppressWarnings("rawtypes")
    public record Raw(@Default(1) Parameter p, Meta meta) implements Module {}

    private static Resonator resonator() {
        return new Resonator(Parameters.normal(1.0, 0.05), Parameters.fixed(2.4), Parameters.normal(35, 3), Meta.NONE);
    }

    @Test
    void rewritesReturnTheReceiversTypeWithoutACast() {
        Resonator r = resonator();
        Resonator r2 = r.withParams(new double[] {1.02, 36});
        Resonator fixed = r.withAllParamsFixed().withName("fixed");
        Resonator drawn = r.sampled(new SplittableRandom(3));
        Resonator copy = r.copy();
        assertEquals(1.02, r2.gain().scalarValue());
        assertEquals(1.0, r.gain().scalarValue(), "the receiver is unchanged");
        assertEquals(List.of(), fixed.flatParamNames());
        assertEquals(r.flatParamNames(), drawn.flatParamNames());
        assertEquals(r, copy);
        assertNotSame(r, copy);
    }

    @Test
    void kernelsAndCompositesKeepTheirTypes() {
        RBFKernel k = new RBFKernel(0.5).withParams(new double[] {0.25});
        assertEquals(0.25, k.lengthScale().scalarValue());
        SumKernel sum = k.plus(new WhiteNoiseKernel(0.1));
        ProductKernel product = k.times(sum);
        SumKernel renamed = sum.withName("noisy");
        Kernel<?> any = product;
        Kernel<?> anyMoved = any.withParams(any.flatParamValues());
        assertEquals("noisy", renamed.moduleName());
        assertEquals(product, anyMoved);
        Module<?> m = renamed;
        Module<?> mFixed = m.withAllParamsFixed();
        assertTrue(mFixed instanceof SumKernel);
    }

    @Test
    void sameTypeTypesAWildcardRewriteAndRefusesAnotherClass() {
        Resonator r = resonator();
        Module<?> anyR = r;
        Resonator moved = Modules.sameType(r, anyR.withParams(Map.of("gain", 1.5)));
        assertEquals(1.5, moved.gain().scalarValue());
        var e = assertThrows(IllegalArgumentException.class, () -> Modules.sameType(r, new RBFKernel(1.0)));
        assertTrue(e.getMessage().contains("RBFKernel") && e.getMessage().contains("Resonator"), e.getMessage());
    }

    @Test
    void aModuleNamingAnotherTypeOrNoneIsRefused() {
        var liar = assertThrows(IllegalArgumentException.class,
                () -> new Liar(Parameter.of(1.0), Meta.NONE).paramNames());
        assertTrue(liar.getMessage().contains("must implement Module<Liar>")
                && liar.getMessage().contains("Module<org.parax4j.module.TestModules$Leaf>"), liar.getMessage());
        var raw = assertThrows(IllegalArgumentException.class, () -> new Raw(Parameter.of(1.0), Meta.NONE).paramNames());
        assertTrue(raw.getMessage().contains("must implement Module<Raw>") && raw.getMessage().contains("a raw Module"),
                raw.getMessage());
    }

    @Test
    void aWrongTypeAssignmentDoesNotCompile(@TempDir Path dir) throws IOException, URISyntaxException {
        String good = """
                import org.parax4j.kernel.RBFKernel;
                import org.parax4j.module.Meta;
                import org.parax4j.module.Module;
                import org.parax4j.param.Parameter;
                class Use {
                    record Resonator(Parameter gain, Meta meta) implements Module<Resonator> {}
                    static Resonator ok(Resonator r) { return r.withParams(new double[] {1}); }
                    static RBFKernel k(RBFKernel k) { return k.withName("k"); }
                }
                """;
        assertEquals("", compile(dir.resolve("good"), good), "the typed use compiles");
        String bad = good.replace("static RBFKernel k(RBFKernel k) { return k.withName(\"k\"); }",
                "static RBFKernel k(Resonator r) { return r.withParams(new double[] {1}); }");
        String errors = compile(dir.resolve("bad"), bad);
        assertFalse(errors.isEmpty(), "assigning a rewritten Resonator to an RBFKernel must not compile");
        assertTrue(errors.contains("incompatible types") && errors.contains("RBFKernel"), errors);
    }

    /** Compiles one source file against modules-api's classes; returns javac's diagnostics ("" on success). */
    private static String compile(Path dir, String source) throws IOException, URISyntaxException {
        Files.createDirectories(dir);
        Path file = Files.writeString(dir.resolve("Use.java"), source);
        String classPath = Stream.of(Module.class, com.fasterxml.jackson.databind.ObjectMapper.class,
                        org.slf4j.Logger.class)
                .map(TypedRewritesTest::location).collect(Collectors.joining(File.pathSeparator));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter out = new StringWriter();
        boolean ok = javac.getTask(out, null, null, List.of("-d", dir.toString(), "-cp", classPath, "-proc:none"),
                null, javac.getStandardFileManager(null, null, null).getJavaFileObjects(file)).call();
        return ok ? "" : out.toString();
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
