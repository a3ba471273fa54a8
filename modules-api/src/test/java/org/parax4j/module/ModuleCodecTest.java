package org.parax4j.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.kernel.SumKernel;
import org.parax4j.kernel.WhiteNoiseKernel;
import org.parax4j.param.Parameter;

/** Instance codecs: registries keyed by stable type names, ambiguity refused, no sharing between codecs. */
class ModuleCodecTest {

    /** Two module types with one simple name, as two libraries might have. */
    static final class LibraryA {
        public record Resonator(@Default(1) Parameter q, Meta meta) implements Module<Resonator> {}
    }

    static final class LibraryB {
        public record Resonator(@Default(2) Parameter f0, Meta meta) implements Module<Resonator> {}

        @TypeName("b.Resonator")
        public record Named(@Default(3) Parameter f0, Meta meta) implements Module<Named> {}
    }

    @Test
    void oneSimpleNameInTwoPackagesIsRefusedNamingBothClasses() {
        ModuleCodec codec = new ModuleCodec().register(LibraryA.Resonator.class);
        var e = assertThrows(IllegalArgumentException.class, () -> codec.register(LibraryB.Resonator.class));
        assertTrue(e.getMessage().contains("'Resonator' is already registered for " + LibraryA.Resonator.class.getName())
                && e.getMessage().contains(LibraryB.Resonator.class.getName()) && e.getMessage().contains("@TypeName"),
                e.getMessage());
        assertEquals(java.util.Set.of("Resonator"), codec.registeredNames(), "a failed registration changes nothing");
        LibraryA.Resonator a = Modules.create(LibraryA.Resonator.class);
        assertEquals(a, codec.load(codec.save(a)));
    }

    @Test
    void aTypeNameOrAnExplicitNameSeparatesThem() {
        ModuleCodec codec = new ModuleCodec().register(LibraryA.Resonator.class).register(LibraryB.Named.class)
                .register("b.Resonator2", LibraryB.Resonator.class);
        LibraryB.Named named = Modules.create(LibraryB.Named.class);
        LibraryB.Resonator b = Modules.create(LibraryB.Resonator.class);
        assertEquals("b.Resonator", ModuleCodec.typeName(LibraryB.Named.class));
        assertTrue(codec.save(named).contains("\"b.Resonator\""), codec.save(named));
        assertEquals(named, codec.load(codec.save(named), LibraryB.Named.class));
        assertEquals(b, codec.load(codec.save(b), LibraryB.Resonator.class));
    }

    @Test
    void codecsDoNotShareRegistrations() {
        ModuleCodec mine = ModuleCodec.withBuiltIns().register(LibraryB.Resonator.class);
        ModuleCodec other = ModuleCodec.withBuiltIns();
        String json = mine.save(Modules.create(LibraryB.Resonator.class));
        var e = assertThrows(IllegalArgumentException.class, () -> other.load(json));
        assertTrue(e.getMessage().contains("unknown module type 'Resonator'"), e.getMessage());
        assertFalse(ModuleCodec.defaultCodec().registeredNames().contains("b.Resonator2"));
    }

    @Test
    void builtInKernelsUseTheirStableNamesAndAliasesReadOldDocuments() {
        ModuleCodec codec = ModuleCodec.withBuiltIns();
        SumKernel k = new RBFKernel(0.3).plus(new WhiteNoiseKernel(0.01));
        String json = codec.save(k);
        assertTrue(json.contains("\"SumKernel\"") && json.contains("\"RBFKernel\""), json);
        assertEquals(k, codec.load(json, SumKernel.class));
        codec.register("SquaredExponential", RBFKernel.class);
        String old = codec.save(new RBFKernel(0.5)).replace("\"RBFKernel\"", "\"SquaredExponential\"");
        assertEquals(new RBFKernel(0.5), codec.load(old));
        assertTrue(codec.save(new RBFKernel(0.5)).contains("\"RBFKernel\""), "written under its first name");
        var empty = assertThrows(IllegalArgumentException.class, () -> codec.register("", RBFKernel.class));
        assertTrue(empty.getMessage().contains("must not be empty"), empty.getMessage());
    }
}
